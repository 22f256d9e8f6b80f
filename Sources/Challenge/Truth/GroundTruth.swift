/// The hidden answer for one case.
public struct TruthCase: Sendable, Equatable, Codable {
    public let id: String
    /// Index into the task's classes.
    public let label: Int
    public let split: Split

    public init(id: String, label: Int, split: Split) {
        self.id = id
        self.label = label
        self.split = split
    }
}

/// The ground truth of a classification challenge, in file order.
public struct GroundTruth: Sendable, Equatable {
    public let cases: [TruthCase]

    public init(cases: [TruthCase]) {
        self.cases = cases
    }

    /// The cases a phase covers, in truth order.
    public func cases(in splits: [Split]) -> [TruthCase] {
        cases.filter { splits.contains($0.split) }
    }
}
