import ArgumentParser
import Challenge
import Foundation
import Store
import Studies

/// `arbiter study consensus`: the study's consensus as a truth CSV that `arbiter truth import` takes (majority), a
/// STAPLE summary CSV, or shape files for QuPath or ASAP, with its provenance beside it.
struct StudyConsensusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consensus",
        abstract: "Write the study's consensus: a truth CSV (case_id,label,split) for `arbiter truth import`, or shapes.",
        discussion: """
            The study's truth rule picks the method. Majority: each item's label is the majority of its readers' \
            latest plain reads, or its adjudicator's decision where the majority tied. Ties not yet decided join the \
            adjudication queue (`arbiter study disputes`); items with fewer reads than the study's min-reads are \
            pending. Neither is written. STAPLE: for each item with min-reads reads and a box, and each class drawn \
            there, STAPLE over every reader's polygons and boxes of the class (a reader who drew none of it counts as \
            an empty mask), cells of probability ≥ 0.5 kept and traced back into polygons.

            --format csv (the default): for majority, the truth CSV, which holds only case_id,label,split as \
            `truth import` allows no other column; its provenance goes beside it in <out>.provenance.json: the CSV's \
            SHA-256, the recipe (method, min-reads, tie handling, the study spec's SHA-256), Krippendorff's alpha \
            (nominal and ordinal) of the reads, and for each item its votes per class and the read versions (id, \
            reader, version) that cast them. For STAPLE, a summary that is not a truth file, one row per item, class \
            and reader: item_id,class,area_cells,cell_size,reader,sensitivity,specificity (area in cells of \
            cell_size × cell_size level-0 pixels; the reader's estimated sensitivity and specificity, empty where \
            undefined), with its provenance beside it.

            --format geojson or asap: --out is a folder that gets one file per slide, <slide>.geojson (QuPath) or \
            <slide>.xml (ASAP), and consensus.provenance.json. Majority: each labelled item's box, classed with its \
            label (GeoJSON properties item_id, votes, adjudicated; ASAP names "item: votes …"); whole-slide items \
            have no box and are skipped, and counted. STAPLE: the consensus polygons per item and class, in level-0 \
            pixels (GeoJSON properties item_id, consensus, area_cells, cell_size). The provenance records the method, \
            each file's SHA-256 and, for STAPLE, every reader's sensitivity and specificity per item and class and \
            the read versions used.
            """)

    @OptionGroup var target: StudyTarget
    @Option(help: "For csv, the file to write (its provenance goes to <out>.provenance.json); for geojson and asap, a folder.")
    var out: String
    @Option(help: "csv, geojson (QuPath) or asap (ASAP XML).") var format: ConsensusFormat = .csv
    @Option(help: "For a majority truth CSV: the split every written case goes to, public or private.") var split: Split = .private

    func run() throws {
        if format == .csv { try OutputPath.checkFile(out) }
        let study = try target.open()
        switch (study.consensusMethod, format) {
        case (.majority, .csv): try writeTruth(study)
        case (.majority, _): try writeLabelShapes(study)
        case (.staple, _): try writeStaple(study)
        }
    }

    private func writeTruth(_ study: ReaderStudy) throws {
        let sidecar = ConsensusProvenance.path(besideTruth: out)
        let truth = try study.consensusTruth(now: Date(), split: split, truthFile: URL(fileURLWithPath: out).lastPathComponent)
        let consensus = truth.consensus
        let classes = Set(try study.store.challenge(target.challenge).spec.task.classes.map(\.id))
        if let foreign = consensus.labels.first(where: { !classes.contains($0.label) }) {
            throw ValidationError(
                "item \(foreign.itemID)'s consensus \"\(foreign.label)\" is not a class of challenge \(target.challenge); "
                    + "only a study graded with the challenge's classes gives its truth")
        }
        printTally(consensus)
        guard !consensus.labels.isEmpty else { return print("no item has a consensus yet; \(out) not written") }
        try Data(truth.csv.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        try truth.provenance.json().write(to: URL(fileURLWithPath: sidecar), options: .atomic)
        print("wrote \(out) and its provenance \(sidecar); import it with `arbiter truth import \(target.challenge) \(out)`")
    }

    private func writeLabelShapes(_ study: ReaderStudy) throws {
        let truth = try study.consensusTruth(now: Date(), split: split, truthFile: "")
        printTally(truth.consensus)
        let files = try ConsensusShapeFiles.labels(
            truth.consensus, classes: truth.provenance.recipe.classes, items: try study.store.studyItems(study.study), format: format)
        if !files.unplaced.isEmpty { print("\(files.unplaced.count) labelled items have no box (whole slides) and are skipped") }
        try ConsensusFiles.write(files, provenance: truth.provenance, format: format, folder: out)
    }

    private func writeStaple(_ study: ReaderStudy) throws {
        let result = try study.stapleConsensus()
        let consensus = result.consensus
        let items = Set(consensus.masks.map(\.itemID)).count
        print("\(consensus.masks.count) consensus masks (one per item and class drawn) from \(items) "
              + "items, \(consensus.blank.count) items with nothing drawn, \(consensus.pending.count) pending, "
              + "\(consensus.unboxed.count) without a box (skipped)")
        guard !consensus.masks.isEmpty else { return print("no item has a consensus yet; \(out) not written") }
        if format == .csv {
            let csv = consensus.summaryCSV()
            let sidecar = ConsensusProvenance.path(besideTruth: out)
            let file = ConsensusProvenance.ExportFile(
                file: URL(fileURLWithPath: out).lastPathComponent, sha256: ContentDigest.sha256(Array(csv.utf8)), format: "csv",
                slide: nil, entries: csv.split(separator: "\n").count - 1)
            try Data(csv.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            try result.provenance.exported(as: [file]).json().write(to: URL(fileURLWithPath: sidecar), options: .atomic)
            return print("wrote the STAPLE summary \(out) (not a truth file) and its provenance \(sidecar)")
        }
        let files = try ConsensusShapeFiles.staple(consensus, items: try study.store.studyItems(study.study), format: format)
        try ConsensusFiles.write(files, provenance: result.provenance, format: format, folder: out)
    }

    private func printTally(_ consensus: StudyConsensus) {
        let adjudicated = consensus.labels.count(where: \.adjudicated)
        print("\(consensus.labels.count) labelled (\(adjudicated) by adjudication), \(consensus.disputed.count) disputed "
              + "(in the adjudication queue), \(consensus.pending.count) pending")
    }

    /// The labelled items as `truth import` reads them: `case_id,label,split`, every case in `split`.
    static func truthCSV(_ consensus: StudyConsensus, split: Split) -> String {
        consensus.truthCSV(split: split)
    }
}

extension ConsensusFormat: ExpressibleByArgument {}

/// Writes shape files of a consensus into a folder, with `consensus.provenance.json` naming each.
enum ConsensusFiles {
    static let provenanceName = "consensus.provenance.json"

    static func write(_ files: ConsensusShapeFiles, provenance: ConsensusProvenance, format: ConsensusFormat, folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let base = URL(fileURLWithPath: folder)
        for file in files.files {
            try Data(file.bytes).write(to: base.appendingPathComponent(file.name), options: .atomic)
        }
        let exports = files.files.map {
            ConsensusProvenance.ExportFile(file: $0.name, sha256: ContentDigest.sha256($0.bytes), format: format.rawValue,
                                           slide: $0.slide, entries: $0.shapes)
        }
        try provenance.exported(as: exports, skipping: files.unplaced).json()
            .write(to: base.appendingPathComponent(provenanceName), options: .atomic)
        let shapes = files.files.reduce(0) { $0 + $1.shapes }
        print("wrote \(shapes) shapes in \(files.files.count) files and \(provenanceName) to \(folder)")
    }
}
