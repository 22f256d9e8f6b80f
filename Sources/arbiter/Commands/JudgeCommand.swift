import ArgumentParser
import Foundation
import Scoring
import Server
import Store
import Judge

struct JudgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge", abstract: "Score every queued submission on all cores and store the results.")

    @OptionGroup var data: DataDirectoryOption
    @Option(help: "Scoring tasks in flight at once.") var concurrency = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "Keep watching the queue instead of stopping when it is empty (for stand-alone judges beside `arbiter serve`).")
    var watch = false
    @Option(help: "With --watch, the most seconds an idle judge waits before looking at the queue again. New submissions wake it at once (in this process on SQLite, in every process on PostgreSQL); looking finds expired leases.")
    var poll = 2.0
    @Option(help: "Seconds a claimed job stays this judge's without a heartbeat; a judge killed mid-job loses it after this.")
    var lease = 300.0
    @OptionGroup var isolation: ScoringIsolationOptions
    @Option(help: "Claims a job may have before it is given up (each ended without a result: a crash or a lost lease).")
    var maxAttempts = JobQueue.defaultMaxAttempts

    @Option(help: "With --watch, serve Prometheus metrics (the queue, and this judge's claims and their latency) on this port at /metrics.")
    var metricsPort: Int?

    @Option(help: .hidden) var claimed: String?
    @Option(help: .hidden) var worker: String?
    @Option(help: .hidden) var memoryLimitBytes: Int?

    func run() async throws {
        if let claimed { return try await scoreForParent(claimed) }
        var judge = Judge(store: try data.openStore())
        judge.concurrency = max(1, concurrency)
        judge.leaseSeconds = lease
        judge.maxAttempts = max(1, maxAttempts)
        judge.isolation = try isolation.isolation(data: data)
        if watch {
            let server = metricsPort.map { WorkerMetricsServer(store: judge.store, port: $0) }
            judge.claimObserver = server?.claimObserver
            let watching = judge
            print("judge \(judge.worker) watching the queue (Ctrl-C to stop; a job it holds is taken over after its lease)")
            try await withThrowingTaskGroup(of: Void.self) { group in
                if let server { group.addTask { try await server.run() } }
                group.addTask { try await watchQueue(watching) }
                // Neither ends on its own; whichever throws first ends the process.
                try await group.next()
                group.cancelAll()
            }
            return
        }
        let started = ContinuousClock.now
        let report = try await judge.drain()
        print(JudgeCommand.summary(report, elapsed: ContinuousClock.now - started))
        if report.conflicts > 0 { throw ExitCode(2) }
    }

    /// Drains the queue, then waits for new jobs (or `--poll` seconds), forever.
    private func watchQueue(_ judge: Judge) async throws {
        while true {
            let started = ContinuousClock.now
            do {
                let report = try await judge.drain()
                if report.total > 0 { print(JudgeCommand.summary(report, elapsed: ContinuousClock.now - started)) }
                await judge.store.waitForJobs(timeout: .milliseconds(Int(poll * 1000)))
            } catch {
                // A busy or briefly unreachable database must not stop a long-running judge; its leases protect the jobs.
                FileHandle.standardError.write(Data("judge: \(error); retrying\n".utf8))
                try await Task.sleep(for: .milliseconds(Int(poll * 1000)))
            }
        }
    }

    /// The child side of isolated scoring: score the jobs the parent claimed, under the memory limit it set.
    private func scoreForParent(_ list: String) async throws {
        guard let worker, let jobs = ClaimedJobList.decode(list, worker: worker) else {
            throw ValidationError("--claimed must be JOB:SUBMISSION:ATTEMPT,… with --worker, got \"\(list)\"")
        }
        if let memoryLimitBytes { try ProcessLimits.limitAddressSpace(to: memoryLimitBytes) }
        var judge = Judge(store: try data.openStore(), worker: worker)
        judge.concurrency = max(1, concurrency)
        let outcomes = try await judge.scoreClaimed(jobs)
        print(zip(jobs, outcomes).map { ClaimedJobList.outcomeLine(job: $0, outcome: $1) }.joined(separator: "\n"))
    }

    static func summary(_ report: JudgeReport, elapsed: Duration?) -> String {
        let time = elapsed.map { " in \($0.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow)))" } ?? ""
        var text = "judged \(report.total) jobs\(time): "
        text += "\(report.scored) scored, \(report.alreadyRecorded) unchanged, \(report.failed) failed"
        if report.conflicts > 0 { text += ", \(report.conflicts) DIFFERED from stored results (a determinism bug)" }
        if report.leaseLost > 0 { text += ", \(report.leaseLost) taken over by another judge" }
        return text
    }
}
