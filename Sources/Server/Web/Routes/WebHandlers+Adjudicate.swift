import Challenge
import Foundation
import HTTPTypes
import Hummingbird
import Store
import Studies

/// The adjudicator's pages: the open disputes of a study, and each disputed item's picture with its readers' latest
/// grades side by side, any of which it accepts with one button, or another grade of its own. The same checks as the
/// adjudicator's API: only the study's adjudicators, only open disputes, and a decision is a grade of the study.
extension WebHandlers {
    func adjudicate(_ request: PageRequest) async throws -> Response {
        let (challenge, slug, caller) = (try request.parameter("challenge"), try request.parameter("study"), request.visitor.caller)
        let (study, open) = try await api.blocking { [api] in
            let (study, _) = try api.membership(challenge: challenge, slug: slug, caller: caller, role: .adjudicator)
            return (study, try api.store.openDisputes(study.study))
        }
        let rows: [[String: Any]] = open.map { dispute in
            ["item": dispute.itemID, "reason": Self.sentence(dispute.reason), "href": Self.disputesPath(study.study) + "/\(dispute.id)",
             "openedAt": PageTime.values(dispute.openedAt)]
        }
        let decided = request.request.uri.queryParameters.get("decided")
        return try page("adjudicate", title: "Adjudication · \(study.spec.title)", visitor: request.visitor,
                        values: ["studyTitle": study.spec.title, "disputes": rows, "hasDisputes": !rows.isEmpty,
                                 "decided": decided.map { "Decided item \($0)." } ?? "", "hasDecided": decided != nil])
    }

    func disputeItem(_ request: PageRequest, problem: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let (challenge, slug, caller) = (try request.parameter("challenge"), try request.parameter("study"), request.visitor.caller)
        let id = try disputeID(request)
        let (study, dispute, reads, item, names, viewer) = try await api.blocking { [api] in
            let (study, _) = try api.membership(challenge: challenge, slug: slug, caller: caller, role: .adjudicator)
            let dispute = try api.openDispute(id, in: study)
            let reads = try api.store.latestReads(study.study).filter { $0.itemID == dispute.itemID && !$0.isRepeat }
            let item = try api.store.studyItems(study.study).first { $0.itemID == dispute.itemID }
            let classes = try api.store.challenge(challenge).spec.task.classes
            let viewer = study.spec.questions.shapes == nil ? nil : try api.viewerItemForPage(dispute.itemID, transform: nil, in: study)
            return (study, dispute, reads, item, Dictionary(classes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }), viewer)
        }
        let named = { (label: String) in names[label].map { "\(label) · \($0)" } ?? label }
        let path = Self.disputesPath(study.study) + "/\(id)"
        let hasPicture = item.flatMap(ItemDescription.init)?.image != nil
        // One set of viewer settings for the item: the readers' viewers and the decision's differ only in their shapes.
        var settings: [String: Any]?
        if let viewer, let question = study.spec.questions.shapes {
            settings = ViewerSettings.values(viewer, question: question, names: names, shapes: nil, tilesPath: path + "/tiles", savePath: "",
                                             picture: hasPicture ? path + "/image" : nil)
        }
        // Each reader's shapes in the item's own frame (an adjudicator sees it unturned), for its viewer and its Accept.
        let frame = viewer?.frame ?? .unplaced
        let readRows: [[String: Any]] = try reads.sorted { $0.reader < $1.reader }.map { read in
            var row: [String: Any] = [
                "reader": read.reader, "label": read.label ?? "", "labelName": read.label.map(named) ?? "no grade", "hasLabel": read.label != nil,
                "comment": read.comment ?? "", "hasComment": read.comment != nil, "version": read.version,
            ]
            if let settings {
                let shapes = try read.shapes.map { text in try APIHandlers.answering { try frame.shownText(text, item: read.itemID) } }
                row.merge(settings) { _, new in new }
                row["viewerShapes"] = shapes ?? ViewerSettings.noShapes
                row["viewerReadonly"] = true
                row["viewerLabel"] = "\(read.reader)'s read of \(dispute.itemID)"
                row["acceptShapes"] = shapes ?? ""
                row["hasShapes"] = read.shapes != nil
                row["canAccept"] = read.label != nil || read.shapes != nil
            } else {
                row["canAccept"] = read.label != nil
            }
            return row
        }
        let choices: [[String: Any]] = (study.spec.questions.label?.names ?? []).enumerated().map { index, id in
            ["id": id, "name": named(id), "inputID": "decision-\(index)", "key": index < 9 ? String(index + 1) : ""]
        }
        var values: [String: Any] = ["studyTitle": study.spec.title, "item": dispute.itemID, "reason": Self.sentence(dispute.reason)]
        values["reads"] = readRows
        values["choices"] = choices
        values["hasLabel"] = !choices.isEmpty
        values["asksShapes"] = viewer != nil
        values["canDecide"] = !choices.isEmpty || viewer != nil
        if let settings {
            values.merge(settings) { _, new in new }
            values["viewerLabel"] = "Your decision on \(dispute.itemID), to draw on"
            values["viewerForm"] = "#decision-form"
            values["viewerState"] = "Your shapes go with the decision."
        }
        values["action"] = path
        values["pictureURL"] = path + "/image"
        values["hasPicture"] = hasPicture
        values["queue"] = Self.disputesPath(study.study)
        values["problem"] = problem ?? ""
        values["hasProblem"] = problem != nil
        return try page("dispute", title: "Dispute on \(dispute.itemID) · \(study.spec.title)", visitor: request.visitor,
                        values: values, status: status)
    }

    /// Records the adjudicator's grade for the dispute, then returns to the queue; a refused grade comes back on the
    /// dispute's page with the reason.
    func decideDispute(_ request: PageRequest) async throws -> Response {
        let form = try await checkedForm(request, upTo: FormFields.maximumReadBytes)
        let (challenge, slug, caller) = (try request.parameter("challenge"), try request.parameter("study"), request.visitor.caller)
        let id = try disputeID(request)
        let now = now()
        let label = form["label"].flatMap { $0.isEmpty ? nil : $0 }
        let comment = form["comment"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        // Shapes come in the item's own frame, as the adjudicator's viewer shows it: drawn anew, or a reader's accepted.
        let shown = form["shapes"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            let (queue, item) = try await api.blocking { [api] in
                let (study, member) = try api.membership(challenge: challenge, slug: slug, caller: caller, role: .adjudicator)
                let dispute = try api.openDispute(id, in: study)
                let shapes = try shown.map { text in
                    let frame = try api.shapesFrame(itemID: dispute.itemID, transform: nil, in: study)
                    return try APIHandlers.answering { try frame.slideText(text, item: dispute.itemID) }
                }
                let decision = StudyDecision(label: label, shapes: shapes, comment: comment)
                try APIHandlers.check(decision, questions: study, shapesBytesAsSent: shown?.utf8.count)
                let decided = try api.store.resolveDispute(id, adjudicator: member.name, decision: decision, in: study.study, now: now)
                return (Self.disputesPath(study.study), decided.itemID)
            }
            return Self.redirect(to: queue + "?decided=" + (item.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await disputeItem(request, problem: Self.sentence(error.message), status: error.status)
        }
    }

    func disputePicture(_ request: PageRequest) async throws -> Response {
        let (challenge, slug, caller) = (try request.parameter("challenge"), try request.parameter("study"), request.visitor.caller)
        let id = try disputeID(request)
        var response = try await api.blocking { [api] in try api.disputePicture(challenge: challenge, study: slug, id: id, caller: caller) }
        response.headers.append(contentsOf: PageHeaders.common)
        return response
    }

    func disputeID(_ request: PageRequest) throws -> Int64 {
        guard let id = Int64(try request.parameter("id")) else { throw APIError.notFound("no such dispute: \(try request.parameter("id"))") }
        return id
    }
}
