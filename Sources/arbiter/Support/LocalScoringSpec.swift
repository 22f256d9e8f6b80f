import ArgumentParser
import Challenge
import Evaluation
import Foundation
import Scoring

/// The spec `arbiter score` works with: the one `--spec` names, or, without one, classes taken from the truth.
enum LocalScoringSpec {
    /// The spec a `--spec` option names: a challenge.yaml (or .yml), or the folder holding it.
    static func load(_ path: String) throws -> ChallengeSpec {
        let url = URL(fileURLWithPath: path)
        guard url.pathExtension == "yaml" || url.pathExtension == "yml" else { return try ChallengeSpecParser.load(directory: url) }
        return try ChallengeSpecParser.parse(yaml: String(decoding: try readFile(path), as: UTF8.self), file: path)
    }

    static func inferred(fromTruth bytes: [UInt8], file: String) throws -> ChallengeSpec {
        let table: CSVTable
        do { table = try CSVReader.parse(bytes) } catch {
            throw ValidationFailure(file: file, problems: [
                ValidationProblem(.notCSV, line: error.line, byteOffset: error.byteOffset, message: error.message)
            ])
        }
        guard let labelColumn = table.header.firstIndex(of: "label") else {
            throw ValidationError("\(file): the header has no \"label\" column")
        }
        let labels = Set(table.rows.compactMap { $0.fields.count > labelColumn ? $0.fields[labelColumn] : nil })
        let ordered = labels.allSatisfy { Int($0) != nil }
            ? labels.sorted { Int($0)! < Int($1)! } : labels.sorted()
        guard ordered.count >= 2 else { throw ValidationError("\(file): the truth has fewer than 2 classes; pass --spec") }
        let task = TaskSpec(kind: .slideClassification, classes: ordered.map { ClassSpec(id: $0, name: $0) })
        let metrics = MetricsSpec(
            primary: MetricSpec(kind: .accuracy),
            secondary: [.init(kind: .quadraticWeightedKappa), .init(kind: .macroAUROC), .init(kind: .classRecall), .init(kind: .auroc)])
        let phase = PhaseSpec(
            slug: "local", title: "local", opens: .distantPast, closes: .distantFuture, cases: [.public],
            publicSplit: .public, privateSplit: nil, limits: SubmissionLimits(perPeriod: nil, periodSeconds: nil, total: nil),
            finalEntry: .latest)
        return ChallengeSpec(slug: "local", title: "local scoring", description: "", task: task, metrics: metrics, phases: [phase])
    }
}
