import Challenge
import Foundation
import Scoring
import Store

/// A STAPLE consensus with the reads it came from: what `arbiter study consensus` exports for a staple study.
public struct StapleConsensusResult: Sendable {
    public let consensus: StapleConsensus
    /// The recipe, masks and reads; `exports` is added by whoever writes the files (`ConsensusProvenance.exported`).
    public let provenance: ConsensusProvenance
}

extension ReaderStudy {
    /// How the study's reads become truth: its truth rule's method, majority when it has none.
    public var consensusMethod: ConsensusMethod { spec.truth?.consensus ?? .majority }

    /// The STAPLE consensus of the latest plain reads: for each item with at least `min-reads` of them and a box, and
    /// each class drawn there, STAPLE over every reader's polygons and boxes of the class (a reader who read the item
    /// but drew none of it counts as an empty mask), thresholded at `StapleConsensus.threshold`. Grids as shape
    /// agreement's (`grids`). `reads`: the latest plain reads to decide from (nil: read them now).
    public func stapleConsensus(reads: [StudyRead]? = nil) throws -> StapleConsensusResult {
        let snapshot = try reads ?? latestPlainReads()
        let readerOrder = Dictionary(spec.readers.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = snapshot.sorted {
            (readerOrder[$0.reader] ?? Int.max, $0.reader) < (readerOrder[$1.reader] ?? Int.max, $1.reader)
        }
        let shapeReads = try sorted.map { read in
            guard let text = read.shapes else { return ShapeRead(item: read.itemID, reader: read.reader) }
            return Self.shapeRead(try ReadValidator.shapeSet(text, item: read.itemID), item: read.itemID, reader: read.reader)
        }
        let items = try store.studyItems(study)
        let classes = spec.questions.shapes?.classes.names ?? []
        let consensus = try StapleConsensus.estimate(
            shapeReads, order: items.map(\.itemID), grids: try Self.grids(items), classes: classes, minimumReads: minimumReads)
        let byItem = Dictionary(grouping: sorted, by: \.itemID)
        let masks = consensus.masks.map { mask in
            ConsensusProvenance.Mask(
                itemID: mask.itemID, className: mask.className, areaCells: mask.area, cellSize: mask.grid.downsample,
                polygons: mask.regions.count, prior: mask.prior, iterations: mask.iterations,
                readers: mask.readers.map { .init(reader: $0.reader, sensitivity: Self.defined($0.sensitivity),
                                                  specificity: Self.defined($0.specificity)) },
                reads: byItem[mask.itemID, default: []].map {
                    .init(id: $0.id, reader: $0.reader, version: $0.version, label: nil, createdAt: $0.createdAt)
                })
        }
        let provenance = ConsensusProvenance(
            study: study.name, truth: nil, recipe: stapleRecipe(classes: classes), agreement: nil, items: [], masks: masks,
            skipped: consensus.unboxed, blank: consensus.blank, disputed: [], pending: consensus.pending)
        return StapleConsensusResult(consensus: consensus, provenance: provenance)
    }

    private func stapleRecipe(classes: [String]) -> ConsensusProvenance.Recipe {
        var recipe = ConsensusProvenance.Recipe(
            method: "staple",
            reads: "latest version of each reader's plain read; its polygons and boxes of a class, rasterised on the item's "
                + "box, are that reader's mask (none drawn: an empty mask)",
            minimumReads: minimumReads,
            ties: "none: STAPLE (SimpleITK's STAPLEImageFilter) weighs readers by their estimated sensitivity and specificity",
            classes: classes, specSHA256: study.specSHA256)
        recipe.threshold = StapleConsensus.threshold
        return recipe
    }

    private static func defined(_ value: Double) -> Double? { value.isNaN ? nil : value }
}
