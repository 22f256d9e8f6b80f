/// The task participants solve.
public struct TaskSpec: Sendable, Equatable, Codable {
    public let kind: TaskKind
    /// Classes in their ordinal order: quadratic kappa weighs a confusion by index distance.
    public let classes: [ClassSpec]

    public init(kind: TaskKind, classes: [ClassSpec]) {
        self.kind = kind
        self.classes = classes
    }

    /// Index of a class id, or nil when the id is not a class of this task.
    public func classIndex(of id: String) -> Int? {
        classes.firstIndex { $0.id == id }
    }
}
