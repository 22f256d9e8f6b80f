import Challenge
import Foundation
import Hummingbird
import Store
import Studies

/// The routes of a study's adjudicators: the open disputes with their items' reads, and a decision. An adjudicator
/// sees the reads of a disputed item only, and only while its dispute is open.
extension APIHandlers {
    /// The adjudication queue, for the study's adjudicators and for organisers.
    func disputes(_ context: APIRequestContext, caller: Caller) throws -> Response {
        let study: ReaderStudy
        if case .organiser = caller {
            study = try Self.answering {
                try ReaderStudy(store: store, challenge: try context.parameters.require("challenge"), slug: try context.parameters.require("study"))
            }
        } else {
            study = try membership(context, caller: caller, role: .adjudicator).0
        }
        let open = try store.openDisputes(study.study)
        let items = try itemsByID(study)
        let reads = open.isEmpty ? [] : try store.latestReads(study.study)
        return try Self.json(open.map { DisputeView($0, item: items[$0.itemID], reads: reads, study: study.study) })
    }

    func decideDispute(_ request: Request, context: APIRequestContext, caller: Caller) async throws -> Response {
        let id = try context.parameters.require("id", as: Int64.self)
        let (challenge, slug) = (try context.parameters.require("challenge"), try context.parameters.require("study"))
        let (study, member) = try await blocking { [self] in
            try membership(challenge: challenge, slug: slug, caller: caller, role: .adjudicator)
        }
        let body = try await decode(NewDecisionBody.self, from: request, context: context, upTo: Self.readBodyLimit, decoder: JSONDecoder())
        let decision = StudyDecision(label: body.label, shapes: body.shapes?.text, comment: body.comment)
        try Self.check(decision, questions: study)
        let now = clock()
        return try await blocking { [self] in
            let dispute = try store.resolveDispute(id, adjudicator: member.name, decision: decision, in: study.study, now: now)
            return try Self.json(DisputeView(dispute, item: try itemsByID(study)[dispute.itemID], reads: [], study: study.study))
        }
    }

    /// A decision answers the study's questions as a read would: a label from its classes, shapes where it asks for them.
    /// `shapesBytesAsSent`: see `ReadValidator.check`.
    static func check(_ decision: StudyDecision, questions study: ReaderStudy, shapesBytesAsSent: Int? = nil) throws {
        guard decision.label != nil || decision.shapes != nil else {
            throw APIError(.unprocessableContent, code: "invalid-decision", message: "field label: a decision needs a label or shapes",
                           details: [.init(code: "invalid-decision", message: "a decision needs a label or shapes", line: nil, column: nil,
                                           field: "label", caseID: nil, byteOffset: nil)])
        }
        let validator = ReadValidator(questions: study.spec.questions)
        if let comment = decision.comment, comment.utf8.count > validator.maxCommentBytes {
            throw APIError(.unprocessableContent, code: "invalid-decision", message: "field comment: more than \(validator.maxCommentBytes) bytes",
                           details: [.init(code: "invalid-decision", message: "more than \(validator.maxCommentBytes) bytes", line: nil,
                                           column: nil, field: "comment", caseID: nil, byteOffset: nil)])
        }
        try answering {
            try validator.check(NewStudyRead(itemID: "", reader: "", secondsSpent: 0, label: decision.label, shapes: decision.shapes),
                                shapesBytesAsSent: shapesBytesAsSent)
        }
    }

    private func itemsByID(_ study: ReaderStudy) throws -> [String: StudyItem] {
        Dictionary(try store.studyItems(study.study).map { ($0.itemID, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// An adjudicator's decision as sent.
struct NewDecisionBody: Decodable, Sendable {
    let label: String?
    let shapes: ShapesText?
    let comment: String?
}
