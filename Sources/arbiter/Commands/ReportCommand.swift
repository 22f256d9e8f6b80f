import ArgumentParser
import Foundation
import Server
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
        let store = try data.openStore()
        let report = try await ChallengeReport(store: store).render(
            challenge: challenge, now: Date(), studies: try StudySiteInputs.agreementSections(store: store, challenge: challenge),
            humanBands: try StudySiteInputs.humanBands(store: store, challenge: challenge))
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
