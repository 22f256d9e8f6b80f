import Challenge
import Foundation
import HTTPTypes
import Hummingbird
import Intake
import Logging
import NIOCore
import Store

extension WebHandlers {
    /// The sections of a challenge's header; `current` is marked for screen readers and the eye.
    enum Section: String {
        case overview, submit, submissions, team, data, leaderboard, manage
    }

    /// Renders `template` inside the layout: the header (who is signed in, sign-out), the challenge's sections as
    /// the visitor may use them, and the page's own values.
    func page(_ template: String, title: String, visitor: Visitor, challenge: StoredChallenge? = nil, current: Section? = nil,
              values: [String: Any] = [:], status: HTTPResponse.Status = .ok, refreshSeconds: Int? = nil) throws -> Response {
        var all = values
        all["pageTitle"] = title
        all["csrf"] = visitor.session?.csrfToken ?? ""
        all["who"] = visitor.name ?? ""
        all["signedIn"] = visitor.session != nil
        if case .annotator = visitor.caller { all["isAnnotator"] = true }
        all["isAccount"] = visitor.account != nil
        all["refreshSeconds"] = refreshSeconds.map(String.init) ?? ""
        all["hasRefresh"] = refreshSeconds != nil
        if let challenge {
            all["challengeTitle"] = challenge.spec.title
            all["challengeSlug"] = challenge.spec.slug
            let sections = sections(challenge, visitor: visitor, current: current)
            all["sections"] = sections
            all["hasSections"] = !sections.isEmpty
        }
        let html = try renderer.render(template, all)
        return Response(status: status, headers: PageHeaders.html, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    private func sections(_ challenge: StoredChallenge, visitor: Visitor, current: Section?) -> [[String: Any]] {
        let (base, caller) = ("/challenges/\(challenge.spec.slug)", visitor.caller)
        var list: [(Section, String, String)] = [(.overview, "Overview", base)]
        if case .team = caller, let phase = challenge.spec.phases.last(where: { $0.opens <= now() }) ?? challenge.spec.phases.first {
            list.append((.submit, "Submit", base + "/phases/\(phase.slug)"))
        }
        if case .team = caller { list.append((.submissions, "My submissions", base + "/submissions")) }
        if visitor.account != nil {
            list.append((.team, "Team", base + "/team"))
            if !challenge.spec.participation.data.isEmpty { list.append((.data, "Data", base + "/data")) }
        }
        list.append((.leaderboard, "Leaderboard", base + "/leaderboard/"))
        if case .organiser = caller {
            list.append((.submissions, "Submissions", base + "/submissions"))
            list.append((.manage, "Manage", base + "/manage"))
        }
        return list.map { ["href": $0.2, "label": $0.1, "current": $0.0 == current] }
    }

    /// What went wrong, as a page: the API's code and message (which never name the truth or another team), with
    /// the request id for anything that was the server's own fault.
    func errorPage(_ error: any Error, visitor: Visitor, context: APIRequestContext) throws -> Response {
        let refusal: APIError
        switch error {
        case let error as APIError: refusal = error
        case let error as StoreError where APIError(error) != nil: refusal = APIError(error)!
        case let error as IntakeError: refusal = APIError(error, now: now())
        case let error as HTTPError:
            refusal = APIError(error.status, code: "http-\(error.status.code)", message: error.body ?? error.status.reasonPhrase)
        case let error as any DatabaseServerError where error.isUnavailable:
            refusal = APIError(.serviceUnavailable, code: "database-unavailable",
                               message: "the database does not answer at the moment; nothing was changed, try again in a moment", retryAfterSeconds: 2)
        default:
            api.logger.error("page failed", metadata: ["request": "\(context.requestID)", "error": "\(StoreDiagnostics.logText(error))"])
            refusal = APIError(.internalServerError, code: "internal", message: "the server failed on request \(context.requestID); the operators have the details")
        }
        let problems = ProblemRows(refusal.details)
        var response = try page("error", title: Self.heading(refusal.status), visitor: visitor,
                                values: ["heading": Self.heading(refusal.status), "message": Self.sentence(refusal.message),
                                         "code": refusal.code, "problems": problems.rows, "problemSummary": problems.summary,
                                         "hasProblems": !refusal.details.isEmpty],
                                status: refusal.status)
        if let retry = refusal.retryAfterSeconds { response.headers[.retryAfter] = String(retry) }
        return response
    }

    static func heading(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 401, 403: "Not for you"
        case 404: "Not found"
        case 409: "Not now"
        case 413: "Too large"
        case 422: "The file has problems"
        case 429: "Too many at once"
        case 503: "Back in a moment"
        case 500...: "Something failed on our side"
        default: "That did not work"
        }
    }

    /// A message as a sentence: a full stop at the end, and a capital for a leading plain word (never for a file
    /// name, which keeps its own case).
    static func sentence(_ message: String) -> String {
        let plainStarts = ["the ", "this ", "that ", "a ", "an ", "only ", "no ", "too ", "sign ", "there "]
        let text = plainStarts.contains(where: message.hasPrefix) ? message.prefix(1).uppercased() + message.dropFirst() : message
        return text.hasSuffix(".") || text.hasSuffix("?") ? text : text + "."
    }
}
