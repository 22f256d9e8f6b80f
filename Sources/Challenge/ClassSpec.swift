/// One class of a classification task: the id used in files and a name for people.
public struct ClassSpec: Sendable, Equatable, Codable {
    /// The label written in truth and prediction files, also the suffix of `p_<id>` columns.
    public let id: String
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
