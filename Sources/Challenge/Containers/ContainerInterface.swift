/// One input or output of a container, named by its interface slug (grand-challenge's component interface).
public struct ContainerInterface: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A file under `images/<slug>/`: `.mha`, `.nii.gz`, `.tif` and the other case file formats.
        case image
        /// A JSON document `<slug>.json`.
        case value
    }

    public let slug: String
    public let kind: Kind

    public init(slug: String, kind: Kind) {
        self.slug = slug
        self.kind = kind
    }

    /// Where the file or folder sits below `/input` or `/output` in the per-case layout.
    public var perCasePath: String {
        switch kind {
        case .image: "images/\(slug)"
        case .value: "\(slug).json"
        }
    }
}
