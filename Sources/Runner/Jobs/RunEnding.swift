import Store

/// How a job's runs ended, before the output is validated.
struct RunEnding {
    var verdict: RunVerdict
    var exitCode: Int32?
    var problemCount: Int?
    var firstProblemKind: String?
    var durationSeconds: Double
    var peakMemoryBytes: Int64?
    /// The gathered prediction file, when the runs succeeded.
    var output: OutputGathering.Gathered?

    init(verdict: RunVerdict, durationSeconds: Double) {
        self.verdict = verdict
        self.durationSeconds = durationSeconds
    }

    init(_ outcome: ContainerRunOutcome) {
        switch outcome.ending {
        case .exited(let code):
            verdict = code == 0 ? .succeeded : .exitCode
            exitCode = code
        case .timedOut: verdict = .timedOut
        case .outOfMemory: verdict = .outOfMemory
        case .outputTooLarge: verdict = .outputTooLarge
        }
        durationSeconds = outcome.durationSeconds
        peakMemoryBytes = outcome.peakMemoryBytes
    }

    /// Folds one case's run into the job's: durations add up, the peak is the highest, and a failure ends the job.
    mutating func add(_ run: RunEnding) {
        durationSeconds += run.durationSeconds
        if let peak = run.peakMemoryBytes { peakMemoryBytes = max(peakMemoryBytes ?? 0, peak) }
        if run.verdict != .succeeded {
            verdict = run.verdict
            exitCode = run.exitCode
        }
    }

    mutating func markInvalid(_ missing: OutputGathering.Missing) {
        verdict = .invalidOutput
        problemCount = missing.problemCount
        firstProblemKind = missing.kind
        output = nil
    }

    func report(logSHA256: String?) -> ContainerRunReport {
        ContainerRunReport(verdict: verdict, exitCode: exitCode, problemCount: problemCount, firstProblemKind: firstProblemKind,
                           durationSeconds: durationSeconds, peakMemoryBytes: peakMemoryBytes, logSHA256: logSHA256)
    }
}

extension ContainerRunReport {
    /// The same run, judged again once its output was validated.
    func withVerdict(_ verdict: RunVerdict, problems: Int?, firstKind: String?) -> ContainerRunReport {
        ContainerRunReport(verdict: verdict, exitCode: exitCode, problemCount: problems, firstProblemKind: firstKind,
                           durationSeconds: durationSeconds, peakMemoryBytes: peakMemoryBytes, logSHA256: logSHA256)
    }
}
