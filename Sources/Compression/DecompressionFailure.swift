/// Why a compressed stream could not be expanded to the size its container declared.
public enum DecompressionFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stream ended before producing the declared number of bytes.
    case truncated(produced: Int, declared: Int)
    /// The stream is not valid DEFLATE/zlib/gzip data.
    case corrupt(atInputByte: Int?, reason: String)
    /// The stream would produce more bytes than declared: refused before they are written (a bomb, or a header that lies).
    case expandsPastDeclaredSize(declared: Int)
    /// Bytes that are not another gzip member follow the last member.
    case trailingGarbage(atInputByte: Int)

    public var description: String {
        switch self {
        case .truncated(let produced, let declared):
            return "compressed data ends after \(produced) of the \(declared) bytes declared"
        case .corrupt(let byte, let reason):
            return "corrupt compressed data" + (byte.map { " at compressed byte \($0)" } ?? "") + ": \(reason)"
        case .expandsPastDeclaredSize(let declared):
            return "compressed data expands past the \(declared) bytes declared (refused before writing more)"
        case .trailingGarbage(let byte):
            return "unexpected bytes after the compressed data at compressed byte \(byte)"
        }
    }
}
