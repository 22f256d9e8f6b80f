import Challenge
import Scoring

/// Where human readers stand on a challenge's primary metric: each reader's labels scored against the majority of the
/// other readers (leave-one-reader-out), so no reader is judged by a truth they helped make. Pure.
///
/// "The same cases" as the teams: the items whose id is a case id of the challenge's truth, restricted by the caller
/// to the cases of one split (the leaderboard's ranking split), as in a study whose items are the challenge's cases.
/// For reader R, an item counts when R read it and the other readers' majority is unique; items where the others
/// tie or did not read it are left out for R, so readers may be scored on different numbers of items.
public struct HumanLevel: Sendable, Equatable, Encodable {
    /// One reader's score against the others' consensus.
    public struct Reader: Sendable, Equatable, Encodable {
        /// The reader as the study names them (an annotator identity: anonymise before publishing).
        public let reader: String
        /// The primary metric's value; nil when it is undefined on these items (no items, or a kappa without
        /// expected disagreement).
        public let value: Double?
        /// Items scored: read by this reader, among the cases, with a unique majority of the others.
        public let items: Int

        /// The score `value` of `reader` over `items` items.
        public init(reader: String, value: Double?, items: Int) {
            self.reader = reader
            self.value = value
            self.items = items
        }
    }

    /// The result column scored (the challenge's primary column, such as `accuracy` or `recall:0`).
    public let metric: String
    /// Every reader, in the order of the reads table; empty when the metric does not apply.
    public let readers: [Reader]
    /// Why readers cannot be scored with this metric (it needs probabilities, or is not a label metric); nil when they can.
    public let notApplicable: String?

    /// A level computed elsewhere (or a level that does not apply, with `notApplicable` and no readers).
    public init(metric: String, readers: [Reader], notApplicable: String?) {
        self.metric = metric
        self.readers = readers
        self.notApplicable = notApplicable
    }

    /// The readers' range: the lowest and the highest defined value; nil when no reader has one.
    public var band: (lower: Double, upper: Double)? {
        let values = readers.compactMap(\.value)
        guard let lower = values.min(), let upper = values.max() else { return nil }
        return (lower, upper)
    }

    /// Scores every reader of `reads` against the others' majority with `challenge`'s primary metric. `reads` holds
    /// labels as indices into the challenge's classes; `cases` restricts the items (nil: every item).
    public init(reads: AgreementReads, challenge: ChallengeSpec, cases: Set<String>?) {
        let column = challenge.primaryColumn
        metric = column.key
        if let reason = Self.inapplicability(challenge.metrics.primary) {
            readers = []
            notApplicable = reason
            return
        }
        notApplicable = nil
        readers = reads.readerIDs.indices.map { reader in
            let outcomes = Self.outcomes(reads, reader: reader, cases: cases)
            let value = outcomes.caseCount == 0 ? nil : challenge.columnValues(challenge.classificationSummary(outcomes))[column.key] ?? nil
            return Reader(reader: reads.readerIDs[reader], value: value, items: outcomes.caseCount)
        }
    }

    /// Why a metric cannot score hard labels, or nil when it can.
    static func inapplicability(_ metric: MetricSpec) -> String? {
        if metric.kind.needsProbabilities {
            return "\(metric.kind.title) needs probabilities, and readers give one label per item"
        }
        guard TaskKind.slideClassification.metricKinds.contains(metric.kind) else {
            return "\(metric.kind.title) is not a metric of class labels"
        }
        return nil
    }

    /// The reader's labels (predicted) against the other readers' unique majority (truth), over the cases.
    static func outcomes(_ reads: AgreementReads, reader: Int, cases: Set<String>?) -> ClassificationOutcomes {
        let others = reads.readerIDs.indices.filter { $0 != reader }
        var otherReads: [ReaderRead] = []
        for item in reads.itemIDs.indices where cases?.contains(reads.itemIDs[item]) ?? true {
            guard reads.label(item: item, reader: reader) != nil else { continue }
            for other in others {
                if let label = reads.label(item: item, reader: other) {
                    otherReads.append(ReaderRead(item: reads.itemIDs[item], reader: reads.readerIDs[other], label: label))
                }
            }
        }
        // The reads come from a valid table, so the others' table is valid too.
        let consensus = (try? AgreementReads(categories: reads.categories, reads: otherReads)).map(MajorityVote.init)
        let index = Dictionary(uniqueKeysWithValues: reads.itemIDs.enumerated().map { ($1, $0) })
        var truth: [Int] = []
        var predicted: [Int] = []
        for decision in consensus?.decisions ?? [] {
            guard let item = index[decision.itemID], let label = reads.label(item: item, reader: reader) else { continue }
            truth.append(decision.label)
            predicted.append(label)
        }
        return ClassificationOutcomes(classCount: reads.categoryCount, truth: truth, predicted: predicted)
    }
}
