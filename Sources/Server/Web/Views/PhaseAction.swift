import Challenge
import Foundation
import Store

/// What an organiser can do to a phase from the dashboard, each through a confirmation page that says what will
/// change and who will see it.
enum PhaseAction: String, CaseIterable {
    case open, close, schedule, publish, rejudge

    var label: String {
        switch self {
        case .open: "Open now"
        case .close: "Close now"
        case .schedule: "Follow the schedule"
        case .publish: "Publish…"
        case .rejudge: "Re-judge…"
        }
    }

    func applies(to phase: StoredPhase, now: Date) -> Bool {
        switch self {
        case .open: !phase.acceptsSubmissions(at: now)
        case .close: phase.acceptsSubmissions(at: now)
        case .schedule: phase.availability != nil
        case .publish: !phase.isPublished && phase.spec.privateSplit != nil
        case .rejudge: true
        }
    }

    /// What will happen, in words for the confirmation page.
    func consequence(_ phase: StoredPhase) -> String {
        let title = phase.spec.title
        return switch self {
        case .open: "\(title) will take submissions from now on, whatever its schedule says, until you close it or return it to its schedule. Every team can submit within its limits."
        case .close: "\(title) will refuse every submission from now on, whatever its schedule says. Submissions already made keep their scores."
        case .schedule: "\(title) will open and close by its dates again, dropping your override."
        case .publish: "The scores on the hidden \(phase.spec.privateSplit?.rawValue ?? "private") split of \(title) will appear on the public leaderboard and on every team's page, for everyone to see. This cannot be undone."
        case .rejudge: "Every scored or failed submission of \(title) will be queued to be scored again with the current truth and scorer. Scores may change; the leaderboard shows the new ones as they arrive."
        }
    }

    /// Publishing cannot be undone, so the phase's slug must be typed to confirm it.
    var needsTypedSlug: Bool { self == .publish }
}
