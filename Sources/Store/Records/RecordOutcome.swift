/// What happened to one result when it was written.
public enum RecordOutcome: Sendable, Equatable {
    case recorded
    /// The same (submission, scorer, truth) was already stored with exactly these numbers.
    case alreadyRecorded
    /// Already stored, with different numbers: scoring is not deterministic, which is a bug.
    case conflictsWithStored
    /// Another worker took the job over after this one's lease ran out; nothing was written.
    case leaseLost
    case failed
}
