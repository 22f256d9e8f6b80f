import Foundation
import Store

/// Where a consensus truth file came from, written beside it as `<truth>.provenance.json` (the truth CSV itself stays
/// `case_id,label,split`, which `truth import` takes unchanged and which allows no other column or comment line):
/// the truth file's digest, the recipe, Krippendorff's alpha of the reads, and for each labelled item its votes and
/// the exact read versions that cast them. Encoded with sorted keys, so the same study and reads give the same bytes.
///
/// A STAPLE consensus (or a majority exported as shapes) has no truth CSV: `truth` and `agreement` are left out, and
/// `exports` names the files written; for STAPLE, `masks` holds each item and class with the readers' estimated
/// sensitivity and specificity and the reads used, and `items` is empty.
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
        /// `majority`: the most frequent label of an item's reads; `staple`: STAPLE over the readers' masks per class.
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
        /// For STAPLE, the least probability a consensus cell has.
        public var threshold: Double? = nil
    }

    /// A file an export wrote (shapes of one slide, or a STAPLE summary).
    public struct ExportFile: Sendable, Encodable, Equatable {
        public let file: String
        /// Lowercase hex SHA-256 of the file's bytes.
        public let sha256: String
        /// `csv`, `geojson` or `asap`.
        public let format: String
        /// The slide whose shapes it holds, for GeoJSON and ASAP.
        public let slide: String?
        /// The shapes (GeoJSON, ASAP) or rows (CSV) written.
        public let entries: Int

        public init(file: String, sha256: String, format: String, slide: String?, entries: Int) {
            self.file = file
            self.sha256 = sha256
            self.format = format
            self.slide = slide
            self.entries = entries
        }
    }

    /// One reader's performance as STAPLE estimated it; null where undefined.
    public struct ReaderEstimate: Sendable, Encodable, Equatable {
        public let reader: String
        public let sensitivity: Double?
        public let specificity: Double?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reader, forKey: .reader)
            try container.encode(sensitivity, forKey: .sensitivity)
            try container.encode(specificity, forKey: .specificity)
        }

        private enum CodingKeys: String, CodingKey { case reader, sensitivity, specificity }
    }

    /// The STAPLE consensus of one class on one item.
    public struct Mask: Sendable, Encodable, Equatable {
        public let itemID: String
        public let className: String
        /// Consensus cells, each `cellSize` × `cellSize` level-0 pixels.
        public let areaCells: Int
        public let cellSize: Int
        /// The traced polygons (outlines, each with its holes) written for it.
        public let polygons: Int
        /// STAPLE's prior probability of foreground, and its iterations.
        public let prior: Double
        public let iterations: Int
        public let readers: [ReaderEstimate]
        /// The read versions whose shapes made the masks, by reader.
        public let reads: [ReadReference]
    }

    /// One read version that voted.
    public struct ReadReference: Sendable, Encodable, Equatable {
        public let id: Int64
        public let reader: String
        public let version: Int
        /// The label the read gave (majority); nil for a STAPLE consensus, which uses the read's shapes.
        public let label: String?
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
    /// The truth CSV, when one was written.
    public let truth: TruthFile?
    public let recipe: Recipe
    /// Label agreement, for a majority consensus of labels.
    public let agreement: Agreement?
    /// The labelled items, in the truth file's order (empty for STAPLE).
    public let items: [Item]
    /// For STAPLE: each item and class, in the study's order.
    public let masks: [Mask]?
    /// The files written, when they are not (only) the truth CSV.
    public let exports: [ExportFile]?
    /// Items with a consensus left out of the files: no box to rasterise their shapes on (STAPLE) or to draw
    /// (a majority exported as shapes), such as whole slides.
    public let skipped: [String]?
    /// For STAPLE: items read often enough on which no reader drew a polygon or box (no shape is their consensus).
    public let blank: [String]?
    /// Items waiting in the adjudication queue, not written.
    public let disputed: [String]
    /// Items with too few reads, not written.
    public let pending: [String]

    public init(
        study: String, truth: TruthFile?, recipe: Recipe, agreement: Agreement?, items: [Item], masks: [Mask]? = nil,
        exports: [ExportFile]? = nil, skipped: [String]? = nil, blank: [String]? = nil, disputed: [String], pending: [String]
    ) {
        format = Self.formatVersion
        self.study = study
        self.truth = truth
        self.recipe = recipe
        self.agreement = agreement
        self.items = items
        self.masks = masks
        self.exports = exports
        self.skipped = skipped
        self.blank = blank
        self.disputed = disputed
        self.pending = pending
    }

    /// The same provenance for files other than the truth CSV: `exports` instead of `truth`, and the items they
    /// left out (nil: those already named).
    public func exported(as exports: [ExportFile], skipping skipped: [String]? = nil) -> ConsensusProvenance {
        ConsensusProvenance(study: study, truth: nil, recipe: recipe, agreement: agreement, items: items, masks: masks,
                            exports: exports, skipped: skipped ?? self.skipped, blank: blank, disputed: disputed, pending: pending)
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
