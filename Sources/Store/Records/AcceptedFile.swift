/// What the intake hands the store once a file has been validated and its bytes are durable.
public struct AcceptedFile: Sendable, Equatable {
    public let fileName: String
    public let sha256: String
    public let byteCount: Int
    /// For a container phase: the image the file holds, which the runner runs before anything is scored.
    public let image: SubmittedImage?

    public init(fileName: String, sha256: String, byteCount: Int, image: SubmittedImage? = nil) {
        self.fileName = fileName
        self.sha256 = sha256
        self.byteCount = byteCount
        self.image = image
    }
}
