/// Why a compressed image (a JPEG or JPEG 2000 tile) did not decode, in the codec's words.
public struct CodecFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The codec that failed ("JPEG", "JPEG 2000").
    public let codec: String
    public let message: String

    public init(codec: String, _ message: String) {
        self.codec = codec
        self.message = message
    }

    public var description: String { "\(codec): \(message)" }
}
