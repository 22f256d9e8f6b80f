import Challenge
import Foundation
import HTTPTypes
import Hummingbird
import Store
import Studies

/// The reader's pages: the studies an annotator's token is bound to, and each of its own assignments with the item's
/// picture and a form for its label and comment, which works without JavaScript. They stand on the same store, checks
/// and blinding as the reader API: an assignment is named by its ordinal in the caller's own list, never by the item's
/// id, and no page shows another reader's read or whether an assignment is a hidden repeat.
extension WebHandlers {
    /// The annotator's studies, with how far it is in each and where to go on.
    func annotate(_ request: PageRequest) async throws -> Response {
        guard case .annotator(let tokenID) = request.visitor.caller else { throw APIError.forbidden("this page is for a study's readers") }
        let studies = try await api.blocking { [store] in
            var studies: [AnnotatorStudy] = []
            for slug in try store.challengeSlugs() {
                for study in try store.studies(challenge: slug) {
                    guard let member = try store.studyReader(tokenID: tokenID, in: study) else { continue }
                    let title = (try? ReaderStudy(store: store, challenge: slug, slug: study.slug).spec.title) ?? study.slug
                    let progress = member.role == .reader ? try store.progress(of: member.name, in: study) : nil
                    let open = member.role == .adjudicator ? try store.openDisputes(study).count : 0
                    studies.append(AnnotatorStudy(study: study, title: title, role: member.role, progress: progress, openDisputes: open))
                }
            }
            return studies
        }
        let rows = studies.map(\.row)
        let saved = request.request.uri.queryParameters.get("saved").flatMap { Int($0) }
        return try page("annotate", title: "Your reading", visitor: request.visitor,
                        values: ["studies": rows, "hasStudies": !rows.isEmpty, "hasSaved": saved != nil,
                                 "saved": saved.map { "Saved your read of item \($0); that was the last item of the list." } ?? ""])
    }

    func annotateItem(_ request: PageRequest) async throws -> Response {
        try await itemPage(request, problem: nil)
    }

    /// Saves the form as a new version of the caller's read, then goes on to the next unread assignment; a refused
    /// read comes back on the same page with the reason, nothing saved.
    func saveAnnotation(_ request: PageRequest) async throws -> Response {
        let form = try await checkedForm(request, upTo: FormFields.maximumReadBytes)
        let (challenge, slug, ordinal) = (try request.parameter("challenge"), try request.parameter("study"), try ordinal(request))
        let caller = request.visitor.caller
        let now = now()
        // The reader's own time on the item: from when this form was drawn to now, within what a read may record.
        let shown = form["shown_at"].flatMap(Double.init).map { Date(timeIntervalSince1970: $0) } ?? now
        let seconds = min(86_400, max(0, now.timeIntervalSince(shown)))
        let label = form["label"].flatMap { $0.isEmpty ? nil : $0 }
        let comment = form["comment"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        do {
            // Shapes come from the viewer, in the shown frame; a form sent without them (no JavaScript) keeps the
            // shapes already saved, so that saving a grade never erases a drawing.
            let sent = form["shapes"].flatMap { $0.isEmpty ? nil : ShapesText(text: $0) }
            let body = NewReadBody(label: label, shapes: sent, comment: comment, secondsSpent: seconds,
                                   idempotencyKey: form["form_key"].flatMap { $0.isEmpty ? nil : String($0.prefix(APIHandlers.maxIdempotencyKey)) })
            _ = try await api.saveOwnRead(body, challenge: challenge, slug: slug, ordinal: ordinal, caller: caller, keepingShapes: true)
            let next = try await api.blocking { [api] in
                let (study, member) = try api.membership(challenge: challenge, slug: slug, caller: caller, role: .reader)
                // On to the next unread item, or else the next in the list: a reader revising its reads walks on too.
                let list = try api.store.progress(of: member.name, in: study.study).assignments.sorted { $0.assignment.ordinal < $1.assignment.ordinal }
                let after = list.first { $0.assignment.ordinal > ordinal && !$0.isRead } ?? list.first { !$0.isRead }
                    ?? list.first { $0.assignment.ordinal > ordinal }
                return after.map { Self.itemPath(study.study, ordinal: $0.assignment.ordinal) } ?? "/annotate"
            }
            return Self.redirect(to: next + "?saved=\(ordinal + 1)")
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await itemPage(request, problem: Self.sentence(error.message), status: error.status)
        }
    }

    func annotateImage(_ request: PageRequest) async throws -> Response {
        let (challenge, slug, ordinal) = (try request.parameter("challenge"), try request.parameter("study"), try ordinal(request))
        let caller = request.visitor.caller
        var response = try await api.blocking { [api] in
            try api.assignmentPicture(challenge: challenge, study: slug, ordinal: ordinal, caller: caller)
        }
        response.headers.append(contentsOf: PageHeaders.common)
        return response
    }

    /// One assignment: its picture, the study's classes with the reader's latest choice checked, the comment, and
    /// where it stands in the reader's list.
    private func itemPage(_ request: PageRequest, problem: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let (challenge, slug, ordinal) = (try request.parameter("challenge"), try request.parameter("study"), try ordinal(request))
        let caller = request.visitor.caller
        let (study, list, item, latest, names, viewer) = try await api.blocking { [api] in
            let (study, member) = try api.membership(challenge: challenge, slug: slug, caller: caller, role: .reader)
            let assignment = try api.ownAssignment(ordinal, of: member, in: study).assignment
            let list = try api.store.progress(of: member.name, in: study.study)
            let item = try api.store.studyItems(study.study).first { $0.itemID == assignment.itemID }
            let latest = try api.ownReads(ordinal, of: member, in: study).last
            let classes = try api.store.challenge(challenge).spec.task.classes
            let names = Dictionary(classes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let viewer = study.spec.questions.shapes == nil ? nil
                : try api.viewerItemForPage(assignment.itemID, transform: assignment.transform.flatMap(RepeatTransform.init(rawValue:)), in: study)
            return (study, list, item, latest, names, viewer)
        }
        let position = (list.assignments.firstIndex { $0.assignment.ordinal == ordinal } ?? 0) + 1
        let classes: [String] = study.spec.questions.label?.names ?? []
        // Where shapes are drawn, 1–9 choose the shape's class, and the grade takes Shift with its digit.
        let gradeKey = viewer == nil ? "" : "Shift+"
        var choices: [[String: Any]] = []
        for (index, id) in classes.enumerated() {
            let name: String = names[id].map { "\(id) · \($0)" } ?? id
            choices.append(["id": id, "name": name, "key": index < 9 ? String(index + 1) : "", "keyText": index < 9 ? gradeKey + String(index + 1) : "",
                            "checked": latest?.label == id, "inputID": "label-\(index)"])
        }
        let neighbours: [Int] = list.assignments.map { $0.assignment.ordinal }.sorted()
        let previous = neighbours.last { $0 < ordinal }, next = neighbours.first { $0 > ordinal }
        let saved = request.request.uri.queryParameters.get("saved").flatMap { Int($0) }
        let hasPicture = item.flatMap(ItemDescription.init)?.image != nil
        let version: String = latest.map { "Your read is saved (version \($0.version), \(PageTime.utc($0.createdAt)))." } ?? "Not read yet."
        let path = Self.itemPath(study.study, ordinal: ordinal)
        var values: [String: Any] = [
            "studyTitle": study.spec.title, "position": position, "total": list.total, "completed": list.completed,
            "pictureURL": path + "/image", "hasPicture": hasPicture, "action": path, "choices": choices, "hasLabel": !choices.isEmpty,
            "asksComment": study.spec.questions.comment != StudyComment.notAsked, "comment": latest?.comment ?? "",
            "asksShapes": viewer != nil, "version": version,
            "shownAt": String(Int(now().timeIntervalSince1970)), "formKey": RandomSecret.formToken(),
        ]
        values["previous"] = previous.map { Self.itemPath(study.study, ordinal: $0) } ?? ""
        values["hasPrevious"] = previous != nil
        values["next"] = next.map { Self.itemPath(study.study, ordinal: $0) } ?? ""
        values["hasNext"] = next != nil
        values["saved"] = saved.map { "Saved your read of item \($0)." } ?? ""
        values["hasSaved"] = saved != nil && problem == nil
        values["problem"] = problem ?? ""
        values["hasProblem"] = problem != nil
        if let viewer, let question = study.spec.questions.shapes {
            values.merge(ViewerSettings.values(viewer, question: question, names: names, shapes: latest?.shapes, tilesPath: path + "/tiles",
                                           savePath: path + "/reads", picture: hasPicture ? path + "/image" : nil)) { _, new in new }
            values["viewerLabel"] = "The item to read, item \(position) of \(list.total), to draw on"
            values["viewerOwner"] = Self.viewerOwner(caller)
            values["viewerState"] = version
        }
        return try page("annotate-item", title: "\(study.spec.title) · \(position) of \(list.total)", visitor: request.visitor,
                        values: values, status: status)
    }

    /// Whose saves the viewer keeps in the browser, opaquely: on a shared workstation, one reader's unsent saves are
    /// neither sent with nor shown to the next reader signed in there.
    static func viewerOwner(_ caller: Caller) -> String {
        guard case .annotator(let tokenID) = caller else { return "" }
        return String(ContentDigest.sha256("arbiter viewer owner \(tokenID)".utf8).prefix(24))
    }

    func ordinal(_ request: PageRequest) throws -> Int {
        guard let ordinal = Int(try request.parameter("ordinal")), ordinal >= 0 else {
            throw APIError.notFound("no such assignment: \(try request.parameter("ordinal"))")
        }
        return ordinal
    }

    static func itemPath(_ study: StoredStudy, ordinal: Int) -> String {
        "/annotate/\(study.challenge)/\(study.slug)/\(ordinal)"
    }

    static func disputesPath(_ study: StoredStudy) -> String {
        "/annotate/\(study.challenge)/\(study.slug)/disputes"
    }
}

/// One study an annotator's token is bound to, as its list shows it.
struct AnnotatorStudy: Sendable {
    let study: StoredStudy
    let title: String
    let role: StudyReader.Role
    /// A reader's progress; nil for an adjudicator.
    let progress: ReaderProgress?
    /// An adjudicator's open disputes.
    let openDisputes: Int

    var row: [String: Any] {
        guard let progress else {
            return ["title": title, "role": "adjudicator", "progress": "\(openDisputes) open dispute\(openDisputes == 1 ? "" : "s")",
                    "href": WebHandlers.disputesPath(study), "hasLink": true, "linkText": "Open the adjudication queue",
                    "note": openDisputes == 0 ? "Nothing waits for you now." : ""]
        }
        let next = progress.assignments.first { !$0.isRead } ?? progress.assignments.first
        return [
            "title": title, "role": "reader", "progress": "\(progress.completed) of \(progress.total) read", "linkText": "Continue reading",
            "href": next.map { WebHandlers.itemPath(study, ordinal: $0.assignment.ordinal) } ?? "", "hasLink": next != nil,
            "note": progress.completed == progress.total ? "Every item is read; you may still change a read." : "",
        ]
    }
}
