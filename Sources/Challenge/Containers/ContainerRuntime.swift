/// The organisers' image that runs a team's code package (TissueNet-style `submission.zip`), mounted read-only at
/// `/code`.
public struct ContainerRuntime: Sendable, Equatable, Codable {
    /// An image reference the runner's host has (organisers load it there beforehand).
    public let image: String
    /// The entry command, such as `["python", "/code/main.py"]`.
    public let command: [String]

    public init(image: String, command: [String]) {
        self.image = image
        self.command = command
    }
}
