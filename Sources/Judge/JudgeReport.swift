import Store

/// What one run of the judge did.
public struct JudgeReport: Sendable, Equatable {
    public var scored = 0
    public var alreadyRecorded = 0
    public var failed = 0
    /// Results that differed from identical earlier scoring: a determinism bug, never expected.
    public var conflicts = 0
    public var leaseLost = 0

    public init() {}

    public var total: Int { scored + alreadyRecorded + failed + conflicts + leaseLost }

    mutating func add(_ outcomes: [RecordOutcome]) {
        for outcome in outcomes { add(outcome) }
    }

    mutating func add(_ outcome: RecordOutcome) {
        switch outcome {
        case .recorded: scored += 1
        case .alreadyRecorded: alreadyRecorded += 1
        case .conflictsWithStored: conflicts += 1
        case .leaseLost: leaseLost += 1
        case .failed: failed += 1
        }
    }
}
