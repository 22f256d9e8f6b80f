import Challenge
import Foundation
import Store

/// A consensus written as truth, with its provenance: what `arbiter study consensus` and the demo write.
public struct ConsensusTruth: Sendable {
    public let consensus: StudyConsensus
    /// The truth CSV (`case_id,label,split`), as `truth import` takes it.
    public let csv: String
    public let provenance: ConsensusProvenance
}

extension ReaderStudy {
    /// The consensus (opening disputes for new ties, as `consensus(now:)` does) as a truth CSV of `split`, with its
    /// provenance naming `truthFile`. The reads listed, the votes and alpha all come from one snapshot of the latest
    /// plain reads.
    public func consensusTruth(now: Date, split: Split, truthFile: String) throws -> ConsensusTruth {
        let classes = try labelClasses()
        let known = Set(classes)
        let snapshot = try latestPlainReads()
        let reads = Dictionary(grouping: snapshot.filter { $0.label.map(known.contains) ?? false }, by: \.itemID)
        let agreement = try labelAgreement(reads: snapshot)
        let consensus = try consensus(now: now, reads: snapshot)
        let adjudicators = try adjudicatorsOfDecisions()
        let csv = consensus.truthCSV(split: split)
        let items = consensus.labels.map { label in
            ConsensusProvenance.Item(
                itemID: label.itemID, label: label.label, decidedBy: label.adjudicated ? "adjudication" : "majority",
                adjudicator: label.adjudicated ? adjudicators[label.itemID] : nil,
                votes: Dictionary(uniqueKeysWithValues: zip(classes, label.votes)),
                reads: reads[label.itemID, default: []].sorted { ($0.reader, $0.version) < ($1.reader, $1.version) }.map {
                    .init(id: $0.id, reader: $0.reader, version: $0.version, label: $0.label ?? "", createdAt: $0.createdAt)
                })
        }
        let provenance = ConsensusProvenance(
            study: study.name,
            truth: ConsensusProvenance.TruthFile(file: truthFile, sha256: ContentDigest.sha256(Array(csv.utf8)), split: split.rawValue, cases: items.count),
            recipe: recipe(classes: classes),
            agreement: ConsensusProvenance.Agreement(items: agreement.items, reads: agreement.reads, krippendorffAlpha: agreement.krippendorffAlpha),
            items: items, disputed: consensus.disputed, pending: consensus.pending)
        return ConsensusTruth(consensus: consensus, csv: csv, provenance: provenance)
    }

    private func labelClasses() throws -> [String] {
        guard let classes = spec.questions.label?.names else { throw StudyError.noLabelQuestion(study: study.name) }
        return classes
    }

    private func recipe(classes: [String]) -> ConsensusProvenance.Recipe {
        ConsensusProvenance.Recipe(
            method: "majority", reads: "latest version of each reader's plain read with a label",
            minimumReads: minimumReads,
            ties: "adjudication: a tied majority joins the adjudication queue, and an adjudicator's label settles it",
            classes: classes, specSHA256: study.specSHA256)
    }

    /// The adjudicator of each item's latest decision with a label.
    private func adjudicatorsOfDecisions() throws -> [String: String] {
        Dictionary(try store.disputes(study, openOnly: false).compactMap { dispute -> (String, String)? in
            guard let decided = dispute.decision, decided.decision.label != nil else { return nil }
            return (dispute.itemID, decided.adjudicator)
        }, uniquingKeysWith: { _, last in last })
    }
}
