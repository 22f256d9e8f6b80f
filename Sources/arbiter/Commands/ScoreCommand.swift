import ArgumentParser
import Challenge
import Evaluation
import Foundation
import Scoring
import Store

struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Score a prediction file directly, with no data directory.",
        subcommands: [SlideClassification.self, SlideLesionDetectionScore.self, VolumeLesionDetectionScore.self, VolumeSegmentationScore.self, SlideSegmentationScore.self,
            AgreementScoreCommand.self])

    struct SlideClassification: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "slide-classification",
            abstract: "Validate and score slide-classification predictions against a truth CSV.",
            discussion: """
                Without --spec the classes are the labels found in the truth (sorted numerically when they \
                are all integers) and there is no cost matrix.
                """)

        @Option(help: "Truth CSV: case_id,label[,split].") var truth: String
        @Option(help: "Prediction CSV: case_id,label[,p_<class>...].") var predictions: String
        @Option(help: "A challenge.yaml, or the folder holding it, for classes and metrics.") var spec: String?
        @Option(help: "Score only the cases of this split (public or private).") var split: Split?
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let truthBytes = try readFile(truth)
            let challenge = try loadSpec(truthBytes)
            let allCases = try TruthParser.parse(truthBytes, file: truth, task: challenge.task, requireSplit: false).cases
            let cases = split.map { wanted in allCases.filter { $0.split == wanted } } ?? allCases
            let parser = PredictionParser(task: challenge.task, expectedCaseIDs: cases.map(\.id))
            let parsed = try parser.parse(try readFile(predictions), file: predictions)
            let everyCase = cases.map { TruthCase(id: $0.id, label: $0.label, split: .public) }
            let evaluation = ClassificationEvaluator(spec: challenge).evaluate(cases: everyCase, predictions: parsed)
            guard let result = evaluation.splits.first else { throw ValidationError("the truth selects no cases") }
            print(json ? try jsonReport(result, challenge) : textReport(result, challenge))
        }

        private func loadSpec(_ truthBytes: [UInt8]) throws -> ChallengeSpec {
            if let spec { return try LocalScoringSpec.load(spec) }
            return try LocalScoringSpec.inferred(fromTruth: truthBytes, file: truth)
        }

        private func textReport(_ result: SubmissionScores.SplitResult, _ spec: ChallengeSpec) -> String {
            guard let summary = result.summary.classification else { return "" }
            var lines = ["\(summary.caseCount) cases"]
            for column in spec.resultColumns {
                let value = (result.values[column.key] ?? nil).map { String($0) } ?? "undefined"
                lines.append("\(column.title) (\(column.direction.caption)): \(value)")
            }
            lines.append("confusion matrix (rows: truth, columns: prediction; classes \(spec.task.classes.map(\.id).joined(separator: ", "))):")
            lines += summary.confusion.rows.map { "  " + $0.map(String.init).joined(separator: " ") }
            return lines.joined(separator: "\n")
        }

        private func jsonReport(_ result: SubmissionScores.SplitResult, _ spec: ChallengeSpec) throws -> String {
            struct Report: Encodable {
                let cases: Int
                let metrics: [String: Double?]
                let summary: ClassificationSummary
            }
            let summary = result.summary.classification!
            return try JSONOutput.text(Report(cases: summary.caseCount, metrics: result.values, summary: summary))
        }
    }
}

extension Split: ExpressibleByArgument {}
