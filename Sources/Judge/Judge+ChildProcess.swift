import Foundation
import Logging
import Store

extension Judge {
    /// Scores a batch in a child process. When the child dies without answering (a crash, the memory limit, the time
    /// limit), each job of the batch is scored again alone, so the one file that kills the scorer fails by itself
    /// and the others are scored.
    func scoreInChildren(_ jobs: [ClaimedJob], child: ChildScoring) async throws -> [RecordOutcome] {
        let run = try await ScorerProcess.run(
            child.command, arguments: child.arguments(worker: worker, jobs: jobs), environment: child.environment,
            timeLimit: child.secondsPerJob * Double(jobs.count))
        let answered = ClaimedJobList.outcomes(fromLines: run.output)
        if run.ending == ScorerProcess.Ending.exited(0), jobs.allSatisfy({ answered[$0.jobID] != nil }) {
            return jobs.map { answered[$0.jobID]! }
        }
        guard jobs.count > 1 else { return [try recordDeath(of: jobs[0], ending: run.ending)] }
        logger.warning("a scoring child died; scoring its batch one job at a time",
                       metadata: ["jobs": "\(jobs.count)", "ending": "\(run.ending)"])
        var outcomes: [RecordOutcome] = []
        for job in jobs {
            outcomes += try await scoreInChildren([job], child: child)
        }
        return outcomes
    }

    /// Records how a lone job's child ended. A child that exited with an error of its own (a database it could not
    /// reach, say) says nothing about the file: the error is thrown, the job is left to its lease, and the attempt
    /// cap bounds the retries.
    private func recordDeath(of job: ClaimedJob, ending: ScorerProcess.Ending) throws -> RecordOutcome {
        let failure: JobFailure
        switch ending {
        case .signalled: failure = .scorerCrashed
        case .timedOut: failure = .timeLimit
        case .exited(let status):
            throw JudgeError.childFailed(job: job.jobID, status: status)
        }
        let reason = "the scorer child \(ending) while scoring submission \(job.submissionID) (attempt \(job.attempt))"
        logger.error("a submission stopped its scorer", metadata: ["job": "\(job.jobID)", "reason": "\(reason)"])
        let result = JobResult(job: job, scorerVersion: "none", truthVersion: "", outcome: .failed(failure.teamMessage),
                               operatorReason: reason)
        return try store.record([result], now: clock())[0]
    }
}

/// Why a judge stopped.
public enum JudgeError: Error, Sendable, CustomStringConvertible {
    /// A scoring child exited with an error of its own (its message is on the judge's standard error).
    case childFailed(job: Int64, status: Int32)

    public var description: String {
        switch self {
        case .childFailed(let job, let status):
            "the scoring child for job \(job) exited with status \(status); the job is retried after its lease"
        }
    }
}
