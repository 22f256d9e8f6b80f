/// What the intake hands the store once a file has been validated and its bytes are durable.
public struct AcceptedFile: Sendable {
    public let fileName: String
    public let sha256: String
    public let byteCount: Int

    public init(fileName: String, sha256: String, byteCount: Int) {
        self.fileName = fileName
        self.sha256 = sha256
        self.byteCount = byteCount
    }
}
