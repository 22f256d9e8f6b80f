/// A parsed CSV file: the header and each data row with the physical line it started on.
public struct CSVTable: Sendable, Equatable {
    /// One data row.
    public struct Row: Sendable, Equatable {
        /// 1-based line on which the row starts (the header is line 1 unless blank lines precede it).
        public let line: Int
        public let fields: [String]
    }

    public let headerLine: Int
    public let header: [String]
    public let rows: [Row]
}

/// A file that is not CSV at all: the problem, and the line and byte where it was noticed.
public struct CSVSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    /// 0-based offset into the file.
    public let byteOffset: Int
    public let message: String

    public var description: String { "line \(line) (byte \(byteOffset)): \(message)" }
}
