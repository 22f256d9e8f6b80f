import Diagnostics

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
    /// The line and the 0-based byte offset into the file (the reader is not told the file's name).
    public let location: SourceLocation
    public let message: String

    public init(line: Int, byteOffset: Int, message: String) {
        self.location = SourceLocation(line: line, byteOffset: byteOffset)
        self.message = message
    }

    public var line: Int { location.line ?? 1 }
    /// 0-based offset into the file.
    public var byteOffset: Int { location.byteOffset ?? 0 }

    public var description: String { location.describing(message) }
}
