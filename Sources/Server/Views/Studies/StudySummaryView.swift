import Challenge
import Foundation
import Store

/// A study in brief, for its organisers: what its spec asks and of whom.
struct StudySummaryView: Encodable, Sendable {
    let slug: String
    let title: String
    let assignment: String
    let readsPerItem: Int
    let readers: [String]
    let adjudicators: [String]
    /// The label question's classes, in order; nil when the study asks for no label.
    let classes: [String]?
    let asksShapes: Bool
    let asksComment: Bool
    /// The share of each reader's items shown again as hidden repeats; nil without repeats.
    let hiddenRepeatShare: Double?
    let specSha256: String
    let updatedAt: Date
    let url: String

    init(_ study: StoredStudy, spec: StudySpec) {
        slug = study.slug
        title = spec.title
        assignment = spec.assignment.rawValue
        readsPerItem = spec.readsPerItem
        readers = spec.readers
        adjudicators = spec.adjudicators
        classes = spec.questions.label?.names
        asksShapes = spec.questions.shapes != nil
        asksComment = spec.questions.comment == .optional
        hiddenRepeatShare = spec.hiddenRepeats?.share
        specSha256 = study.specSHA256
        updatedAt = study.updatedAt
        url = "/api/v1/challenges/\(study.challenge)/studies/\(study.slug)"
    }
}
