/// Why a study refused what was asked of it, naming the study, the item and the field.
public enum StudyError: Error, Equatable, CustomStringConvertible {
    case unreadableSpec(study: String, reason: String)
    /// The token is not bound to a reader (or adjudicator) of the study.
    case notAReader(study: String, role: String)
    /// A read that does not answer the study's questions.
    case invalidRead(item: String, field: String, reason: String)
    /// The study asks no label question, so it has no label agreement or majority.
    case noLabelQuestion(study: String)

    public var description: String {
        switch self {
        case .unreadableSpec(let study, let reason): "the stored spec of study \(study) cannot be read: \(reason)"
        case .notAReader(let study, let role): "this token is not a \(role) of study \(study)"
        case .invalidRead(let item, let field, let reason): "read of item \(item), field \(field): \(reason)"
        case .noLabelQuestion(let study): "study \(study) asks no label question"
        }
    }
}
