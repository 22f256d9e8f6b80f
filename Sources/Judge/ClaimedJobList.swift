import Store

/// The `JOB:SUBMISSION:ATTEMPT,…` list a parent judge hands its child, and the `JOB OUTCOME` lines the child answers with.
public enum ClaimedJobList {
    public static func encode(_ jobs: [ClaimedJob]) -> String {
        jobs.map { "\($0.jobID):\($0.submissionID):\($0.attempt)" }.joined(separator: ",")
    }

    /// The jobs of a list, claimed by `worker`; nil when the list is malformed.
    public static func decode(_ text: String, worker: String) -> [ClaimedJob]? {
        var jobs: [ClaimedJob] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":")
            guard parts.count == 3, let id = Int64(parts[0]), let submission = Int64(parts[1]), let attempt = Int(parts[2]) else {
                return nil
            }
            jobs.append(ClaimedJob(jobID: id, submissionID: submission, attempt: attempt, worker: worker))
        }
        return jobs.isEmpty ? nil : jobs
    }

    public static func outcomeLine(job: ClaimedJob, outcome: RecordOutcome) -> String {
        "\(job.jobID) \(outcome.name)"
    }

    static func outcomes(fromLines text: String) -> [Int64: RecordOutcome] {
        var outcomes: [Int64: RecordOutcome] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let id = Int64(parts[0]), let outcome = RecordOutcome(name: String(parts[1])) else { continue }
            outcomes[id] = outcome
        }
        return outcomes
    }
}

extension RecordOutcome {
    /// A stable name for the child's answer lines.
    public var name: String {
        switch self {
        case .recorded: "recorded"
        case .alreadyRecorded: "already-recorded"
        case .conflictsWithStored: "conflicts-with-stored"
        case .leaseLost: "lease-lost"
        case .failed: "failed"
        }
    }

    init?(name: String) {
        let all: [RecordOutcome] = [.recorded, .alreadyRecorded, .conflictsWithStored, .leaseLost, .failed]
        guard let match = all.first(where: { $0.name == name }) else { return nil }
        self = match
    }
}
