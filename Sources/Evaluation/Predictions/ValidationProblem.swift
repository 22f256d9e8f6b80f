import Diagnostics

/// One thing wrong with an uploaded file, located as precisely as the file allows.
public struct ValidationProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Stable machine-readable kinds; API clients and tests match on these.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case notCSV = "not-csv"
        case fileTooLarge = "file-too-large"
        case missingColumn = "missing-column"
        case unknownColumn = "unknown-column"
        case duplicateColumn = "duplicate-column"
        case incompleteProbabilities = "incomplete-probabilities"
        case wrongFieldCount = "wrong-field-count"
        case emptyCaseID = "empty-case-id"
        case unknownCase = "unknown-case"
        case duplicateCase = "duplicate-case"
        case missingCase = "missing-case"
        case unknownLabel = "unknown-label"
        case unknownSplit = "unknown-split"
        case notANumber = "not-a-number"
        case probabilityOutOfRange = "probability-out-of-range"
        case probabilitiesDoNotSumToOne = "probabilities-do-not-sum-to-one"
        case tooManyProblems = "too-many-problems"
        case unreadableFile = "unreadable-file"
        case invalidDetectionMap = "invalid-detection-map"
        case shapeMismatch = "shape-mismatch"
        case duplicateRow = "duplicate-row"
        case confidenceOutOfRange = "confidence-out-of-range"
        case pointOutsideSlide = "point-outside-slide"
        case unsupportedVoxelType = "unsupported-voxel-type"
        /// A container phase's upload that is not an image archive (or code package) the runner can use.
        case unusableImage = "unusable-image"
        /// A container's run wrote nothing the phase could gather into a prediction file.
        case missingOutput = "missing-output"
        /// A required field left empty, such as a read's item or reader.
        case emptyField = "empty-field"
        /// More categories than a file of reads may define (integer labels spanning too wide a range).
        case tooManyCategories = "too-many-categories"
    }

    public let kind: Kind
    /// Where in the file: line, column, field, case id, byte offset (the file's name is the failure's).
    public let location: SourceLocation
    public let message: String

    public init(
        _ kind: Kind, line: Int? = nil, column: Int? = nil, field: String? = nil, caseID: String? = nil,
        byteOffset: Int? = nil, message: String
    ) {
        self.kind = kind
        self.location = SourceLocation(
            line: line, column: column, field: field.map { Self.clipped($0, to: Self.longestEcho) },
            caseID: caseID.map { Self.clipped($0, to: Self.longestEcho) }, byteOffset: byteOffset)
        self.message = Self.clipped(message, to: Self.longestMessage)
    }

    /// 1-based physical line, when the problem is on one.
    public var line: Int? { location.line }
    /// 1-based field position in the row, when the problem is in one field.
    public var column: Int? { location.column }
    /// The header name of that column.
    public var field: String? { location.field }
    public var caseID: String? { location.caseID }
    /// Byte offset into the file, for problems found below the level of fields.
    public var byteOffset: Int? { location.byteOffset }

    /// Longest case id or field echoed back: a file may hold a megabyte-long "case id", and the answer must stay small.
    static let longestEcho = 120
    static let longestMessage = 600

    /// `text` cut to at most `limit` characters, saying how long it was.
    static func clipped(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(text.utf8.count) bytes in all)"
    }

    public var description: String { location.describing(message) }
}

/// The flat JSON shape API clients know (`kind`, `line`, `column`, `field`, `caseID`, `byteOffset`, `message`).
extension ValidationProblem {
    private enum CodingKeys: String, CodingKey {
        case kind, line, column, field, caseID, byteOffset, message
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        location = SourceLocation(
            line: try container.decodeIfPresent(Int.self, forKey: .line),
            column: try container.decodeIfPresent(Int.self, forKey: .column),
            field: try container.decodeIfPresent(String.self, forKey: .field),
            caseID: try container.decodeIfPresent(String.self, forKey: .caseID),
            byteOffset: try container.decodeIfPresent(Int.self, forKey: .byteOffset))
        message = try container.decode(String.self, forKey: .message)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(line, forKey: .line)
        try container.encodeIfPresent(column, forKey: .column)
        try container.encodeIfPresent(field, forKey: .field)
        try container.encodeIfPresent(caseID, forKey: .caseID)
        try container.encodeIfPresent(byteOffset, forKey: .byteOffset)
        try container.encode(message, forKey: .message)
    }
}

/// A file refused because of the problems listed, all of them (up to a cap) at once.
public struct ValidationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name as the uploader gave it.
    public let file: String
    public let problems: [ValidationProblem]

    public init(file: String, problems: [ValidationProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        let plural = problems.count == 1 ? "problem" : "problems"
        let lines = problems.map { "  " + $0.location.withFile(file).describing($0.message) }
        return (["\(file) was rejected with \(problems.count) \(plural):"] + lines).joined(separator: "\n")
    }
}

/// Gathers problems, keeping the list bounded so a hostile file cannot make a huge report.
struct ProblemList {
    static let cap = 1000
    private(set) var problems: [ValidationProblem] = []
    private var dropped = 0

    var isEmpty: Bool { problems.isEmpty }

    mutating func add(_ problem: ValidationProblem) {
        if problems.count < Self.cap { problems.append(problem) } else { dropped += 1 }
    }

    func failure(file: String) -> ValidationFailure {
        guard dropped > 0 else { return ValidationFailure(file: file, problems: problems) }
        let more = ValidationProblem(.tooManyProblems, message: "\(dropped) more problems not listed")
        return ValidationFailure(file: file, problems: problems + [more])
    }
}

/// A single problem can travel as the failure of a per-case `Result`.
extension ValidationProblem: Error {}
