/// The container image behind a submission to a container phase, as its archive was inspected at upload.
public struct SubmittedImage: Sendable, Equatable {
    /// `sha256:<hex>` of the image's config: the id the engine gives the loaded image.
    public let imageID: String
    /// `docker-archive` or `oci-archive`.
    public let format: String
    public let architecture: String

    /// The format of a code package's record, whose `imageID` is the phase's runtime image (never removed by a runner).
    public static let codePackageFormat = "code-package"

    public var isCodePackage: Bool { format == Self.codePackageFormat }

    public init(imageID: String, format: String, architecture: String) {
        self.imageID = imageID
        self.format = format
        self.architecture = architecture
    }
}
