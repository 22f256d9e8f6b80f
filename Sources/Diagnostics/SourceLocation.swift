/// Where a problem is in the input it was found in, for every user-facing error message: the file, then the
/// places inside it from the coarsest to the finest. Every part is optional; an error fills in what it knows.
///
/// One spelling everywhere (`description`): the known parts in this order, separated by commas:
///
///     upload.zip, member c01.nii.gz, byte 4282
///     predictions.csv, line 3, column 2 (label), case B0001
///     slide.svs, IFD 0, tag TileByteCounts
///     lesions.geojson, feature 1, ring 1, position 3
///     truth.csv, line 2, column 2 (wkt), character 14
///
/// Errors print `location: message` through `describing(_:)`. Text taken from the input (names, case ids) is
/// printed with control characters escaped (`\u{1b}`), so a hostile name cannot rewrite a terminal or a log.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file as its sender knows it (an upload's name, a spec's path), never a server-side temporary path.
    public var file: String?
    /// The file inside an archive, with `/` separators.
    public var member: String?
    /// 1-based line.
    public var line: Int?
    /// 1-based column: the field's position in a CSV row, the character in a line of YAML.
    public var column: Int?
    /// The field's name: a CSV header name, a file header's field (`dim[3]`, `ElementType`).
    public var field: String?
    /// Finer places a line and column cannot name, coarsest first, each with its own label: `IFD 0`,
    /// `tag Compression`, `feature 1`, `ring 2`, `phases[1].limits`, `character 14`.
    public var within: [String]
    /// The case the problem belongs to.
    public var caseID: String?
    /// 0-based byte offset into the file (or into the stream the message names).
    public var byteOffset: Int?

    public init(
        file: String? = nil, member: String? = nil, line: Int? = nil, column: Int? = nil, field: String? = nil,
        within: [String] = [], caseID: String? = nil, byteOffset: Int? = nil
    ) {
        self.file = file
        self.member = member
        self.line = line
        self.column = column
        self.field = field
        self.within = within
        self.caseID = caseID
        self.byteOffset = byteOffset
    }

    /// Whether no part is known.
    public var isEmpty: Bool { parts.isEmpty }

    public var description: String { parts.joined(separator: ", ") }

    /// `location: message`, or the message alone when nothing is known.
    public func describing(_ message: String) -> String {
        isEmpty ? message : "\(description): \(message)"
    }

    /// The same place, in the file named `file` (a member unpacked to a server folder, shown under its upload's name).
    public func withFile(_ file: String?) -> SourceLocation {
        var location = self
        location.file = file
        return location
    }

    /// The same place, one level finer (`character 14` inside a field).
    public func within(_ part: String) -> SourceLocation {
        var location = self
        location.within.append(part)
        return location
    }

    private var parts: [String] {
        var parts: [String] = []
        if let file { parts.append(Self.printable(file)) }
        if let member { parts.append("member \(Self.printable(member))") }
        if let line { parts.append("line \(line)") }
        switch (column, field) {
        case let (column?, field?): parts.append("column \(column) (\(Self.printable(field)))")
        case let (column?, nil): parts.append("column \(column)")
        case let (nil, field?): parts.append("field \(Self.printable(field))")
        case (nil, nil): break
        }
        parts += within.map(Self.printable)
        if let caseID { parts.append("case \(Self.printable(caseID))") }
        if let byteOffset { parts.append("byte \(byteOffset)") }
        return parts
    }

    /// `text` with control characters (NUL, newlines, escapes) written as `\u{…}`.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        return text.unicodeScalars.map {
            $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0)
        }.joined()
    }
}
