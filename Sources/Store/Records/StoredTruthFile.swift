import Challenge

/// Where one case's truth file is kept.
public struct StoredTruthFile: Sendable, Equatable {
    public let ref: Int64
    public let caseID: String
    public let split: Split
    public let sha256: String
    public let fileName: String
}
