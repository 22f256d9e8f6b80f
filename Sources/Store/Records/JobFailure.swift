/// What a team is told when its job ends without a score for a reason outside its file's validation.
public struct JobFailure: Sendable, Equatable {
    /// A short category a team may see (never the operator's detail).
    public let category: String
    public let teamMessage: String

    public static let gaveUp = JobFailure(
        category: "scoring-gave-up",
        teamMessage: "scoring gave up after repeated attempts ended without a result; the organisers have been told")
    public static let scorerCrashed = JobFailure(
        category: "scorer-crashed",
        teamMessage: "scoring this file stopped the scorer (it crashed or ran past its memory limit); the organisers have been told")
    public static let timeLimit = JobFailure(
        category: "time-limit",
        teamMessage: "scoring this file ran past the time limit; the organisers have been told")
}
