/// The fields of an image config (`application/vnd.oci.image.config.v1+json`, docker's `<id>.json`) that a summary
/// reports; every field is optional in the JSON.
struct ImageConfigDocument: Decodable {
    /// The `config` object: how a container of the image starts.
    struct Settings: Decodable {
        let entrypoint: [String]?
        let command: [String]?
        let user: String?
        let workingDirectory: String?

        enum CodingKeys: String, CodingKey {
            case entrypoint = "Entrypoint", command = "Cmd", user = "User", workingDirectory = "WorkingDir"
        }
    }

    let architecture: String?
    let os: String?
    let config: Settings?
}
