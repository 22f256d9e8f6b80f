import Foundation
import Store

/// Where a consensus truth file came from, written beside it as `<truth>.provenance.json` (the truth CSV itself stays
/// `case_id,label,split`, which `truth import` takes unchanged and which allows no other column or comment line):
/// the truth file's digest, the recipe, Krippendorff's alpha of the reads, and for each labelled item its votes and
/// the exact read versions that cast them. Encoded with sorted keys, so the same study and reads give the same bytes.
public struct ConsensusProvenance: Sendable, Encodable {
    /// The value of `format`, changed whenever a field changes meaning.
    public static let formatVersion = "arbiter-consensus-provenance/1"

    /// The truth CSV this describes.
    public struct TruthFile: Sendable, Encodable, Equatable {
        /// As the caller named it (usually the file's name).
        public let file: String
        /// Lowercase hex SHA-256 of the CSV's bytes.
        public let sha256: String
        public let split: String
        public let cases: Int
    }

    /// How reads became labels.
    public struct Recipe: Sendable, Encodable, Equatable {
        /// `majority`: the most frequent label of an item's reads.
        public let method: String
        /// Which reads vote: the latest version of each reader's plain (not hidden-repeat) read with a label.
        public let reads: String
        /// Items with fewer reads than this are pending, not written.
        public let minimumReads: Int
        /// What a tied majority does.
        public let ties: String
        /// The classes, in the study's order (the order of `votes`).
        public let classes: [String]
        /// SHA-256 of the study spec as registered.
        public let specSHA256: String
    }

    /// One read version that voted.
    public struct ReadReference: Sendable, Encodable, Equatable {
        public let id: Int64
        public let reader: String
        public let version: Int
        public let label: String
        public let createdAt: Date
    }

    /// A labelled item: what it became, by whose votes.
    public struct Item: Sendable, Encodable, Equatable {
        public let itemID: String
        public let label: String
        /// `majority`, or `adjudication` when an adjudicator settled a tie.
        public let decidedBy: String
        /// The adjudicator, for an adjudicated item.
        public let adjudicator: String?
        /// Reads per class, keyed by class.
        public let votes: [String: Int]
        /// The read versions that voted, by reader.
        public let reads: [ReadReference]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(itemID, forKey: .itemID)
            try container.encode(label, forKey: .label)
            try container.encode(decidedBy, forKey: .decidedBy)
            try container.encode(adjudicator, forKey: .adjudicator)
            try container.encode(votes, forKey: .votes)
            try container.encode(reads, forKey: .reads)
        }

        private enum CodingKeys: String, CodingKey { case itemID, label, decidedBy, adjudicator, votes, reads }
    }

    /// Agreement of the study's latest plain labelled reads (`labelAgreement()`, no bootstrap): the reads the consensus
    /// counted, and those of pending items; alpha itself leaves out items with fewer than 2 reads.
    public struct Agreement: Sendable, Encodable {
        public let items: Int
        public let reads: Int
        /// Nominal and ordinal (the classes are in order); a value is null when undefined.
        public let krippendorffAlpha: [String: AgreementReport.Value]
    }

    public let format: String
    /// `challenge/study`.
    public let study: String
    public let truth: TruthFile
    public let recipe: Recipe
    public let agreement: Agreement
    /// The labelled items, in the truth file's order.
    public let items: [Item]
    /// Items waiting in the adjudication queue, not written.
    public let disputed: [String]
    /// Items with too few reads, not written.
    public let pending: [String]

    public init(
        study: String, truth: TruthFile, recipe: Recipe, agreement: Agreement, items: [Item], disputed: [String], pending: [String]
    ) {
        format = Self.formatVersion
        self.study = study
        self.truth = truth
        self.recipe = recipe
        self.agreement = agreement
        self.items = items
        self.disputed = disputed
        self.pending = pending
    }

    /// Pretty-printed JSON with sorted keys and ISO 8601 times, ending in a newline.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// The sidecar's path for a truth file: `<truth>.provenance.json`.
    public static func path(besideTruth truth: String) -> String {
        truth + ".provenance.json"
    }
}
