import Annotations
import Challenge
import Store

/// Checks a read against the study's questions before it is stored: a label from the study's classes, shapes only
/// where shapes are asked, a comment only where comments are, and a sane reading time.
public struct ReadValidator: Sendable {
    public let questions: StudyQuestions
    /// The longest comment kept, in UTF-8 bytes.
    public let maxCommentBytes: Int
    /// The largest shapes document kept, in UTF-8 bytes.
    public let maxShapesBytes: Int

    /// The largest shapes document a study keeps by default, in UTF-8 bytes.
    public static let shapesLimit = 4 << 20

    public init(questions: StudyQuestions, maxCommentBytes: Int = 10_000, maxShapesBytes: Int = ReadValidator.shapesLimit) {
        self.questions = questions
        self.maxCommentBytes = maxCommentBytes
        self.maxShapesBytes = maxShapesBytes
    }

    /// `shapesBytesAsSent`: the shapes' size as the reader sent them, when they were mapped from the frame the reader
    /// is shown onto the slide before being stored. The limit is on that text: the stored text's size depends on where
    /// the item lies.
    public func check(_ read: NewStudyRead, shapesBytesAsSent: Int? = nil) throws(StudyError) {
        let item = read.itemID
        guard read.secondsSpent.isFinite, read.secondsSpent >= 0, read.secondsSpent <= 86_400 else {
            throw .invalidRead(item: item, field: "seconds_spent", reason: "expected 0 to 86400 seconds, got \(read.secondsSpent)")
        }
        if let label = read.label {
            guard let classes = questions.label else {
                throw .invalidRead(item: item, field: "label", reason: "this study asks for no label, got \"\(label)\"")
            }
            guard classes.names.contains(label) else {
                throw .invalidRead(item: item, field: "label",
                                   reason: "\"\(label)\" is not one of the study's classes (\(classes.names.joined(separator: ", ")))")
            }
        }
        if let shapes = read.shapes {
            guard let question = questions.shapes else { throw .invalidRead(item: item, field: "shapes", reason: "this study asks for no shapes") }
            let bytes = shapesBytesAsSent ?? shapes.utf8.count
            guard bytes <= maxShapesBytes else {
                throw .invalidRead(item: item, field: "shapes", reason: "\(bytes) bytes, more than the \(maxShapesBytes) kept")
            }
            try check(try Self.shapeSet(shapes, item: item), against: question, item: item)
        }
        if let comment = read.comment {
            guard questions.comment == .optional else {
                throw .invalidRead(item: item, field: "comment", reason: "this study takes no comments")
            }
            guard comment.utf8.count <= maxCommentBytes else {
                throw .invalidRead(item: item, field: "comment", reason: "\(comment.utf8.count) bytes, more than the \(maxCommentBytes) kept")
            }
        }
    }

    /// A read's shapes as QuPath GeoJSON, parsed within the Annotations budgets.
    static func shapeSet(_ text: String, item: String) throws(StudyError) -> ShapeSet {
        do {
            return try GeoJSONParser.shapes(Array(text.utf8), file: "shapes")
        } catch {
            throw .invalidRead(item: item, field: "shapes", reason: error.description)
        }
    }

    /// Every shape is of a kind the study offers and has one of its classes.
    private func check(_ set: ShapeSet, against question: ShapeQuestion, item: String) throws(StudyError) {
        let kinds = Set(question.kinds.map(\.rawValue))
        for (index, shape) in set.shapes.enumerated() {
            guard kinds.contains(shape.kind.rawValue) else {
                throw .invalidRead(item: item, field: "shapes[\(index)]",
                                   reason: "a \(shape.kind.rawValue), but this study takes \(question.kinds.map(\.rawValue).joined(separator: ", "))")
            }
            guard let name = shape.className, question.classes.names.contains(name) else {
                throw .invalidRead(item: item, field: "shapes[\(index)].classification",
                                   reason: "\(shape.className.map { "\"\($0)\"" } ?? "no class") is not one of the study's shape classes (\(question.classes.names.joined(separator: ", ")))")
            }
        }
    }
}
