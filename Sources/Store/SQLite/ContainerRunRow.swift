import Foundation
import GRDB

/// A `container_runs` row, to and from its columns.
enum ContainerRunRow {
    /// verdict, exit_code, problem_count, first_problem_kind, duration_seconds, peak_memory_bytes, log_sha256,
    /// predictions_name, predictions_sha256, predictions_bytes, finished_at.
    static func arguments(_ report: ContainerRunReport, _ predictions: AcceptedFile?, now: Date) -> StatementArguments {
        [report.verdict.rawValue, report.exitCode, report.problemCount, report.firstProblemKind, report.durationSeconds,
         report.peakMemoryBytes, report.logSHA256, predictions?.fileName, predictions?.sha256, predictions?.byteCount,
         now.timeIntervalSince1970]
    }

    static func record(_ row: Row) -> ContainerRunRecord {
        let image = SubmittedImage(imageID: row["image_id"], format: row["image_format"], architecture: row["architecture"])
        let verdict = (row["verdict"] as String?).flatMap(RunVerdict.init(rawValue:))
        let report = verdict.map {
            ContainerRunReport(verdict: $0, exitCode: row["exit_code"], problemCount: row["problem_count"],
                               firstProblemKind: row["first_problem_kind"], durationSeconds: row["duration_seconds"] ?? 0,
                               peakMemoryBytes: row["peak_memory_bytes"], logSHA256: row["log_sha256"])
        }
        let predictions = (row["predictions_sha256"] as String?).map {
            AcceptedFile(fileName: row["predictions_name"] ?? "predictions", sha256: $0, byteCount: row["predictions_bytes"] ?? 0)
        }
        return ContainerRunRecord(submissionID: row["submission_id"], image: image, report: report, predictions: predictions,
                                  finishedAt: (row["finished_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
