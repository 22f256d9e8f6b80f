import ArgumentParser
import Foundation
import Scoring
import Store
import Judge

struct JudgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge", abstract: "Score every queued submission on all cores and store the results.")

    @OptionGroup var data: DataDirectoryOption
    @Option(help: "Scoring tasks in flight at once.") var concurrency = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        var judge = Judge(store: try data.openStore())
        judge.concurrency = max(1, concurrency)
        let started = ContinuousClock.now
        let report = try await judge.drain()
        print(JudgeCommand.summary(report, elapsed: ContinuousClock.now - started))
        if report.conflicts > 0 { throw ExitCode(2) }
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
