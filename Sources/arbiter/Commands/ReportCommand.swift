import ArgumentParser
import Foundation
import Site
import Store

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write a BIAS-style report of a challenge: design, metrics, ranking, uncertainty and results.")

    @Argument(help: "Challenge slug.") var challenge: String
    @Option(help: "Output HTML file.") var out: String
    @OptionGroup var data: DataDirectoryOption

    func run() async throws {
        try OutputPath.checkFile(out)
        let report = try await ChallengeReport(store: try data.openStore()).render(challenge: challenge, now: Date())
        let url = URL(fileURLWithPath: out)
        try DurableFile.write(Array(report.html.utf8), to: url)
        for plot in report.plots {
            let destination = url.deletingLastPathComponent().appendingPathComponent(plot.name)
            try? FileManager.default.removeItem(at: destination)
            try DurableFile.write(Array(plot.svg.utf8), to: destination)
        }
        print("report written to \(out)")
    }
}
