import Challenge
import Evaluation
import Foundation
import Scoring
import Store
import Studies

extension DemoCommand {
    /// Readers' error rates in the demo, in percent: they mostly agree with the truth, each a little differently.
    static let readerErrorPercents = [5, 10, 15]

    /// The demo challenge's reader study, when it has one: `study add`, simulated reads made from the truth (seeded, so
    /// every run reads alike), then agreement and the consensus written to `consensus.csv` in the data folder.
    func runStudy(store: any ArbiterStore, folder: URL, spec: ChallengeSpec, truth: GroundTruth, data: URL, now: Date) throws {
        guard let studySpec = try StudySpecParser.load(directory: folder, challenge: spec) else { return }
        let outcome = try StudyAddCommand.add(folder: folder, store: store, now: now)
        let study = try ReaderStudy(store: store, challenge: spec.slug, slug: studySpec.slug)
        let reads = try simulateReads(study, truth: truth, classes: spec.task.classes.map(\.id), now: now)
        let agreement = try study.labelAgreement()
        let alpha = agreement.krippendorffAlpha["ordinal"] ?? agreement.krippendorffAlpha["nominal"]
        print("study \(studySpec.slug): \(reads) simulated reads by \(studySpec.readers.count) readers; Fleiss' kappa "
              + "\(agreement.fleissKappa.kappa.text), Krippendorff's alpha (ordinal) \(alpha?.text ?? "undefined")")
        let consensus = try study.consensus(now: now)
        let file = data.appendingPathComponent("consensus.csv")
        try Data(StudyConsensusCommand.truthCSV(consensus, split: .public).utf8).write(to: file, options: .atomic)
        print("study consensus: \(consensus.labels.count) labelled, \(consensus.disputed.count) disputed, "
              + "\(consensus.pending.count) pending; \(file.path)")
        if let first = outcome.issuedTokens.first(where: { $0.role == .reader }) {
            print("annotator token of \(first.reader) (for the reader's workspace): \(first.token)")
        }
    }

    /// A read of every assignment whose item the truth has: the true class, or with the reader's error rate a
    /// neighbouring one. Returns how many were saved.
    private func simulateReads(_ study: ReaderStudy, truth: GroundTruth, classes: [String], now: Date) throws -> Int {
        let labels = Dictionary(uniqueKeysWithValues: truth.cases.map { ($0.id, $0.label) })
        var random = SplitMix64(seed: 2020)
        var saved = 0
        for (index, reader) in study.spec.readers.enumerated() {
            let errorPercent = Self.readerErrorPercents[index % Self.readerErrorPercents.count]
            for assigned in try study.store.progress(of: reader, in: study.study).assignments {
                guard let truthLabel = labels[assigned.assignment.itemID] else { continue }
                var label = truthLabel
                if random.next(below: 100) < errorPercent {
                    label = truthLabel == 0 ? 1 : truthLabel == classes.count - 1 ? truthLabel - 1 : truthLabel + (random.next(below: 2) == 0 ? -1 : 1)
                }
                _ = try study.save(NewStudyRead(
                    itemID: assigned.assignment.itemID, reader: reader, isRepeat: assigned.assignment.isRepeat,
                    secondsSpent: Double(20 + random.next(below: 100)), label: classes[label]), now: now)
                saved += 1
            }
        }
        return saved
    }
}
