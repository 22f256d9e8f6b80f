import Challenge
import Evaluation
import Foundation
import Scoring
import Store
import Studies

extension DemoCommand {
    /// Readers' error rates in the demo, in percent: they mostly agree with the truth, each a little differently.
    static let readerErrorPercents = [5, 10, 15]
    /// Real slides from `Fixtures/slides` whose overviews stand in for the demo study's slides (the demo's cases have
    /// no slides of their own): each study slide is shown as one of these, in turn.
    static let standInSlides = [
        "tiny-two-levels.tiff", "tiny-aperio-jp2k-rgb.svs", "tifffile-jpeg-rgb.tiff", "tiny-aperio-jp2k-ycbcr.svs",
        "tifffile-deflate.tiff", "vips-jpeg.tiff", "tifffile-lzw.tiff", "aperio-jp2k-rgb.svs",
    ]

    /// The demo challenge's reader study, when it has one, run as pathologists would through the API: `study add`
    /// (pictures made from the fixture slides), a server on a free local port, the simulated readers reading their
    /// own lists concurrently over HTTP, the consensus computed, the adjudicator deciding its ties over HTTP, and the
    /// consensus written to `consensus.csv`. Returns the truth to score teams against: the hand truth with the
    /// consensus label in place of each read case's.
    func runStudy(store: any ArbiterStore, folder: URL, spec: ChallengeSpec, truth: GroundTruth, data: URL, clock: DemoClock) async throws -> GroundTruth? {
        guard let studySpec = try StudySpecParser.load(directory: folder, challenge: spec) else { return nil }
        let slides = try standInSlides(for: studySpec.items, in: data)
        let outcome = try StudyAddCommand.add(folder: folder, slides: slides, store: store, now: clock.tick())
        let study = try ReaderStudy(store: store, challenge: spec.slug, slug: studySpec.slug)
        let classes = spec.task.classes.map(\.id)
        let labels = Dictionary(uniqueKeysWithValues: truth.cases.map { ($0.id, $0.label) })
        let path = "/api/v1/challenges/\(spec.slug)/studies/\(studySpec.slug)"
        let readers = outcome.issuedTokens.filter { $0.role == .reader }
        let session = try await DemoStudySession.serving(store: store, assets: URL(fileURLWithPath: assetsFolder), clock: clock) { server in
            var reading = DemoStudySession.Tally()
            try await withThrowingTaskGroup(of: DemoStudySession.Tally.self) { group in
                for (index, reader) in readers.enumerated() {
                    let byOrdinal = Dictionary(try store.progress(of: reader.reader, in: study.study).assignments.compactMap { assigned in
                        labels[assigned.assignment.itemID].map { (assigned.assignment.ordinal, $0) }
                    }, uniquingKeysWith: { first, _ in first })
                    let reader = DemoReader(client: APIClient(server: server, token: reader.token), study: path, classes: classes,
                                            errorPercent: Self.readerErrorPercents[index % Self.readerErrorPercents.count],
                                            seed: 2020 + UInt64(index))
                    group.addTask { try await reader.readEverything(truth: byOrdinal) }
                }
                for try await tally in group { reading.add(tally) }
            }
            _ = try study.consensus(now: clock.tick())
            if let adjudicator = outcome.issuedTokens.first(where: { $0.role == .adjudicator }) {
                let senior = DemoReader(client: APIClient(server: server, token: adjudicator.token), study: path, classes: classes,
                                        errorPercent: 0, seed: 2019)
                reading.decisions = try await senior.decideDisputes(truth: labels)
            }
            return reading
        }
        print("study \(studySpec.slug): \(readers.count) readers read \(session.reads) assignments through the API "
              + "(\(session.pictures) pictures, \(session.pictureBytes >> 10) KiB); the adjudicator decided \(session.decisions) ties")
        let agreement = try study.labelAgreement()
        let alpha = agreement.krippendorffAlpha["ordinal"] ?? agreement.krippendorffAlpha["nominal"]
        print("study agreement: Fleiss' kappa \(agreement.fleissKappa.kappa.text), Krippendorff's alpha (ordinal) \(alpha?.text ?? "undefined")")
        let file = data.appendingPathComponent("consensus.csv")
        let consensus = try study.consensusTruth(now: clock.tick(), split: .public, truthFile: file.lastPathComponent)
        try Data(consensus.csv.utf8).write(to: file, options: .atomic)
        try consensus.provenance.json().write(to: URL(fileURLWithPath: ConsensusProvenance.path(besideTruth: file.path)), options: .atomic)
        print("study consensus: \(consensus.consensus.labels.count) labelled, \(consensus.consensus.disputed.count) disputed, "
              + "\(consensus.consensus.pending.count) pending; \(file.path)")
        if let first = readers.first {
            print("annotator token of \(first.reader) (for the reader's workspace): \(first.token)")
        }
        if let adjudicator = outcome.issuedTokens.first(where: { $0.role == .adjudicator }) {
            print("adjudicator token of \(adjudicator.reader) (for the adjudication queue): \(adjudicator.token)")
        }
        return try truthWithConsensus(truth, consensus: consensus.consensus, task: spec.task, file: data.appendingPathComponent("truth-with-consensus.csv"))
    }

    /// The hand truth with each case the readers settled on labelled by their consensus, written as a truth CSV and
    /// read back through the same parser as `truth import`.
    private func truthWithConsensus(_ truth: GroundTruth, consensus: StudyConsensus, task: TaskSpec, file: URL) throws -> GroundTruth {
        let classes = task.classes.map(\.id)
        let settled = Dictionary(uniqueKeysWithValues: consensus.labels.map { ($0.itemID, $0.label) })
        let rows = truth.cases.map { "\($0.id),\(settled[$0.id] ?? classes[$0.label]),\($0.split.rawValue)" }
        let bytes = Array(("case_id,label,split\n" + rows.joined(separator: "\n") + "\n").utf8)
        try Data(bytes).write(to: file, options: .atomic)
        let changed = truth.cases.count { item in settled[item.id].map { $0 != classes[item.label] } ?? false }
        print("truth: \(settled.count) cases labelled by the readers' consensus (\(changed) differ from the hand labels); \(file.path)")
        return try TruthParser.parse(bytes, file: file.path, task: task)
    }

    /// A folder holding, for each slide the study names, a link to one of the fixture slides; nil (no pictures)
    /// when the fixture slides are not here.
    private func standInSlides(for items: StudyItems, in data: URL) throws -> URL? {
        let fixtures = URL(fileURLWithPath: "Fixtures/slides")
        let available = Self.standInSlides.filter { FileManager.default.fileExists(atPath: fixtures.appendingPathComponent($0).path) }
        guard !available.isEmpty else {
            print("study pictures: none (no Fixtures/slides here; run the demo from the repository to see them)")
            return nil
        }
        let names: [String] = switch items {
        case .slides(let slides): slides.map(\.slide)
        case .regions(let regions): regions.map(\.slide)
        case .tiles: []
        }
        let folder = data.appendingPathComponent("study-slides")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, name) in Array(Set(names)).sorted().enumerated() {
            let source = fixtures.appendingPathComponent(available[index % available.count])
            let link = folder.appendingPathComponent(name + "." + source.pathExtension)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: source.standardizedFileURL.path)
        }
        return folder
    }
}
