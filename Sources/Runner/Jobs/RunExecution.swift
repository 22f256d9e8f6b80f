import Challenge
import Evaluation
import Foundation
import Store

/// One job's container runs in its phase's layout: one run over every case (whole-set), or one run per case in
/// grand-challenge's interface (per-case), each case's output collected before the next case starts.
struct RunExecution {
    let job: ClaimedJob
    /// `ContainerRunner.containerLabel` of the job: also names its containers, unique on the host.
    let label: String
    let container: ContainerPhaseSpec
    let workspace: String
    let engine: PodmanEngine

    func run(image: PreparedImage, inputs: RunInputs, log: inout RunLog) async throws -> RunEnding {
        switch container.layout {
        case .wholeSet: try await runWholeSet(image: image, inputs: inputs, log: &log)
        case .perCase: try await runPerCase(image: image, inputs: inputs, log: &log)
        }
    }

    private func runWholeSet(image: PreparedImage, inputs: RunInputs, log: inout RunLog) async throws -> RunEnding {
        let input = workspace + "/input", output = workspace + "/output"
        try inputs.stageWholeSet(into: input)
        try RunFolders.makeOutput(output)
        let outcome = try await engine.run(invocation(image, input: input, output: output, suffix: "",
                                                      wallSeconds: Double(container.limits.runSeconds)))
        log.append(outcome.log, truncated: outcome.logTruncated)
        var ending = RunEnding(outcome)
        if ending.verdict == .succeeded {
            do {
                ending.output = try OutputGathering.wholeSet(output: output, workspace: workspace)
            } catch let missing as OutputGathering.Missing {
                ending.markInvalid(missing)
            }
        }
        return ending
    }

    private func runPerCase(image: PreparedImage, inputs: RunInputs, log: inout RunLog) async throws -> RunEnding {
        guard let scored = container.scoredInterface else { throw RunnerError.noScoredOutput(phase: container.layout.rawValue) }
        let gathered = workspace + "/gathered"
        try FileManager.default.createDirectory(atPath: gathered, withIntermediateDirectories: false)
        let started = ContinuousClock.now
        var total = RunEnding(verdict: .succeeded, durationSeconds: 0)
        var rows: [(caseID: String, cells: [(String, String)])] = []
        var missing = 0
        for index in inputs.cases.indices {
            let remaining = Double(container.limits.runSeconds) - (ContinuousClock.now - started) / .seconds(1)
            guard remaining > 0 else {
                total.verdict = .timedOut
                return total
            }
            let caseID = inputs.cases[index].caseID
            let input = workspace + "/input-\(index)", output = workspace + "/output-\(index)"
            try inputs.stagePerCase(index, interfaces: container.inputs, into: input)
            try RunFolders.makeOutput(output)
            defer { RunFolders.remove(input); RunFolders.remove(output) }
            let outcome = try await engine.run(invocation(image, input: input, output: output, suffix: "-\(index)",
                                                          wallSeconds: min(Double(container.limits.caseSeconds), remaining)))
            log.append(Array("== case \(index + 1) of \(inputs.cases.count): \(caseID)\n".utf8))
            log.append(outcome.log, truncated: outcome.logTruncated)
            total.add(RunEnding(outcome))
            guard total.verdict == .succeeded else { return total }
            switch scored.kind {
            case .image:
                if !OutputGathering.collectImage(caseID: caseID, output: output, interface: scored, into: gathered) { missing += 1 }
            case .value:
                if let cells = OutputGathering.readValue(output: output, interface: scored) { rows.append((caseID, cells)) } else { missing += 1 }
            }
        }
        if missing > 0 {
            total.markInvalid(OutputGathering.Missing(problemCount: missing, kind: ValidationProblem.Kind.missingOutput.rawValue))
            return total
        }
        switch scored.kind {
        case .image:
            let archive = workspace + "/predictions.tar"
            let writer = try TarWriter(path: archive)
            for file in try OutputGathering.regularFiles(in: gathered) { try writer.append(file: gathered + "/" + file, as: file) }
            try writer.finish()
            total.output = OutputGathering.Gathered(path: archive, fileName: "predictions.tar")
        case .value:
            let csv = workspace + "/predictions.csv"
            try OutputGathering.writeCSV(rows, to: csv)
            total.output = OutputGathering.Gathered(path: csv, fileName: "predictions.csv")
        }
        return total
    }

    private func invocation(_ image: PreparedImage, input: String, output: String, suffix: String, wallSeconds: Double) -> ContainerInvocation {
        let limits = container.limits
        var mounts = [ContainerMount(hostPath: input, containerPath: "/input", readOnly: true)]
        if let code = image.code { mounts.append(ContainerMount(hostPath: code.path, containerPath: "/code", readOnly: true)) }
        return ContainerInvocation(
            name: "arbiter-run-\(label)-\(job.attempt)\(suffix)",
            labels: [ContainerRunner.jobLabelKey: label, "arbiter.attempt": String(job.attempt)],
            image: image.reference, command: image.command, mounts: mounts, outputFolder: output,
            limits: ContainerLimits(wallSeconds: wallSeconds, memoryBytes: Int64(limits.memoryBytes), cpus: limits.cpus,
                                    processes: limits.processes, outputBytes: Int64(limits.outputBytes), tmpBytes: Int64(limits.tmpBytes),
                                    gpus: container.gpus),
            environment: [:])
    }
}
