import Challenge
import Foundation
import Hummingbird
import Ink
import Intake
import Store

extension WebHandlers {
    /// The rules and the data-use agreement to read and accept, and, where the organisers approve each participant,
    /// the access request; or where the account stands when it has done its part.
    ///
    /// An invitation that brought the account here is carried through (`invitation` in the query, or the form when the
    /// page is shown again with a problem), and offered again once the account is admitted.
    func join(_ request: PageRequest, problem: String? = nil, invitation fromForm: String? = nil) async throws -> Response {
        let (slug, account) = (try request.parameter("challenge"), try requireAccount(request))
        let (code, now) = (fromForm ?? request.request.uri.queryParameters.get("invitation"), now())
        let (challenge, rules, dataUse, standing, next, invitation) = try await api.blocking { [store] in
            let challenge = try store.challenge(slug)
            let (standing, next) = try ParticipantGate(store: store).standing(of: account, in: challenge)
            // Only a live invitation to a team of this challenge is carried: a forged or spent one is dropped, never echoed.
            let invitation = try code.flatMap { TeamInvitation.isWellFormed(link: $0) ? try store.invitation($0, now: now) : nil }
                .flatMap { $0.team.challengeID == challenge.id ? $0 : nil }
            return (challenge, try store.document(.rules, challenge: slug), try store.document(.dataUse, challenge: slug), standing, next, invitation)
        }
        let carried = invitation == nil ? nil : code
        let terms = TermsVersion(rules: rules, dataUse: dataUse)
        let asksAccess = challenge.spec.participation.approval == .required && next != nil && next != .verifyEmail
            && (standing.request == nil || standing.request?.state == .refused)
        return try page("join", title: "Take part", visitor: request.visitor, challenge: challenge, current: .team, values: [
            "standing": StandingText.describe(standing, next: next),
            "mustVerify": next == .verifyEmail,
            "mustAccept": { if case .acceptTerms = next { return true } else { return false } }(),
            "changed": next == .acceptTerms(changed: true),
            "asksAccess": asksAccess, "refused": next == .refused, "waiting": next == .awaitApproval, "admitted": next == nil,
            "rules": rules.map { MarkdownParser().html(from: $0.markdown) } ?? "", "hasRules": rules != nil,
            "dataUse": dataUse.map { MarkdownParser().html(from: $0.markdown) } ?? "", "hasDataUse": dataUse != nil,
            "rulesVersion": terms.rules, "dataUseVersion": terms.dataUse, "versionLabel": terms.label,
            "hasProblem": problem != nil, "problem": problem ?? "", "maxText": AccessRequest.maximumTextBytes,
            "hasInvitation": carried != nil, "invitation": carried ?? "",
            "invitedTeam": invitation?.team.name ?? "", "invitedBy": invitation?.invitedBy.text ?? "",
            "invitationPath": carried.map { TeamInvitation.path(challenge: slug, link: $0) } ?? "",
            "invitationExpires": invitation.map { PageTime.values($0.expiresAt) } ?? [:],
        ], status: problem == nil ? .ok : .unprocessableContent)
    }

    /// Records the acceptance of the terms the page showed (refused when they changed meanwhile) and, where asked,
    /// the access request; then goes on to the invitation that brought the account here, whose page decides what it
    /// opens (the team, the join page again while the account awaits approval, or why it no longer works).
    func acceptTerms(_ request: PageRequest) async throws -> Response {
        let form = try await checkedForm(request)
        let (slug, account, now) = (try request.parameter("challenge"), try requireAccount(request), now())
        let shown = TermsVersion(rules: form["rules"] ?? "", dataUse: form["dataUse"] ?? "")
        let affiliation = (form["affiliation"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let purpose = (form["purpose"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let invitation = form["invitation"].flatMap { TeamInvitation.isWellFormed(link: $0) ? $0 : nil }
        let problem: String? = try await api.blocking { [store] in
            let challenge = try store.challenge(slug)
            let gate = ParticipantGate(store: store)
            var next = try gate.standing(of: account, in: challenge).next
            if next == .verifyEmail { throw IntakeError.notAdmitted(challenge: slug, step: .verifyEmail) }
            if case .acceptTerms = next {
                guard form["accept"] == "yes" else { return "Tick the box to say you accept the rules and the data-use agreement." }
                guard shown == (try gate.terms(of: challenge)) else { return "The rules changed while you were reading them: read this version, then accept it." }
                try store.acceptTerms(accountID: account.id, challenge: challenge, version: shown, now: now)
                next = try gate.standing(of: account, in: challenge).next
            }
            if next == .requestAccess || next == .refused {
                guard !affiliation.isEmpty, !purpose.isEmpty else { return "Say where you work and what you will use the data for: the organisers decide on that." }
                guard affiliation.utf8.count <= AccessRequest.maximumTextBytes, purpose.utf8.count <= AccessRequest.maximumTextBytes else {
                    return "Keep the affiliation and the purpose to \(AccessRequest.maximumTextBytes) bytes each."
                }
                try store.requestAccess(accountID: account.id, challenge: challenge, affiliation: affiliation, purpose: purpose, now: now)
            }
            return nil
        }
        if let problem { return try await join(request, problem: problem, invitation: invitation) }
        return Self.redirect(to: invitation.map { TeamInvitation.path(challenge: slug, link: $0) } ?? "/challenges/\(slug)/team")
    }

    /// The join page, carrying `invitation` when there is one.
    static func joinPath(_ slug: String, carrying invitation: String?) -> String {
        "/challenges/\(slug)/join" + (invitation.map { "?invitation=\($0)" } ?? "")
    }
}
