import ArgumentParser
import Challenge
import Evaluation
import Foundation
import Store
import Studies

/// `arbiter study reads import|export`.
struct StudyReadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reads", abstract: "Import reads from CSV, or export them.", subcommands: [Import.self, Export.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save reads from a CSV (item_id,reader,label[,is_repeat][,comment]); any refused row saves nothing.",
            discussion: """
                Each row is checked as a reader's save is: the reader is the study's, the item is assigned to them (its \
                hidden repeat when is_repeat is true), and the label is one of the study's classes. Every refused row is \
                listed with its line. A read is a new version of the reader's read of the item; importing the same file \
                again saves nothing new.
                """)

        @OptionGroup var target: StudyTarget
        @Argument(help: "Reads CSV.") var file: String
        @Option(help: "Seconds spent recorded with each read (0 to 86400).") var secondsSpent = 0.0

        func validate() throws {
            guard secondsSpent.isFinite, (0...86_400).contains(secondsSpent) else {
                throw ValidationError("--seconds-spent expects 0 to 86400 seconds, got \(secondsSpent)")
            }
        }

        func run() throws {
            let study = try target.open()
            let bytes = try readFile(file, upTo: StudyReadsFile.limits.maxBytes + 1)
            let rows = try StudyReadsFile(study: study, secondsSpent: secondsSpent).rows(bytes, file: file)
            // The key makes a second import of the same file return the versions the first one stored.
            let fileKey = String(ContentDigest.sha256(bytes).prefix(16))
            var used: [String: Set<String>] = [:]
            for reader in Set(rows.map(\.read.reader)) {
                used[reader] = Set(try study.store.reads(by: reader, in: study.study).compactMap(\.idempotencyKey))
            }
            var saved = 0
            let now = Date()
            for row in rows {
                let key = "import-\(fileKey)-\(row.line)"
                guard used[row.read.reader]?.contains(key) != true else { continue }
                let read = row.read
                _ = try study.save(NewStudyRead(
                    itemID: read.itemID, reader: read.reader, isRepeat: read.isRepeat, secondsSpent: read.secondsSpent,
                    label: read.label, comment: read.comment, idempotencyKey: key), now: now)
                saved += 1
            }
            let again = rows.count - saved
            print("saved \(saved) reads to study \(study.study.name)" + (again > 0 ? " (\(again) already imported from this file)" : ""))
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write reads as CSV: item_id,reader,version,label,seconds_spent,created_at,comment,is_repeat.",
            discussion: "By default the latest version of each reader's read of each item; --all-versions writes the whole history.")

        @OptionGroup var target: StudyTarget
        @Flag(help: "Every version of every read, oldest first, rather than the latest of each.") var allVersions = false
        @Option(help: "Write the CSV to this file instead of standard output.") var out: String?

        func run() throws {
            if let out { try OutputPath.checkFile(out) }
            let study = try target.open()
            let reads = try allVersions ? Self.history(study) : study.store.latestReads(study.study)
            let text = Self.csv(reads)
            guard let out else { return print(text, terminator: "") }
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            print("wrote \(reads.count) reads to \(out)")
        }

        /// Every version of every reader's reads, by item (in the study's order), reader, repeat, then version.
        static func history(_ study: ReaderStudy) throws -> [StudyRead] {
            let order = Dictionary(uniqueKeysWithValues: try study.store.studyItems(study.study).enumerated().map { ($1.itemID, $0) })
            let readers = try study.store.studyReaders(study.study).filter { $0.role == .reader }
            return try readers.flatMap { try study.store.reads(by: $0.name, in: study.study) }.sorted { a, b in
                (order[a.itemID] ?? .max, a.reader, a.isRepeat ? 1 : 0, a.version) < (order[b.itemID] ?? .max, b.reader, b.isRepeat ? 1 : 0, b.version)
            }
        }

        static func csv(_ reads: [StudyRead]) -> String {
            let dates = ISO8601DateFormatter()
            dates.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let header = CSVText.line(["item_id", "reader", "version", "label", "seconds_spent", "created_at", "comment", "is_repeat"])
            return reads.reduce(into: header) { text, read in
                text += CSVText.line([
                    read.itemID, read.reader, "\(read.version)", read.label ?? "", seconds(read.secondsSpent),
                    dates.string(from: read.createdAt), read.comment ?? "", read.isRepeat ? "true" : "false",
                ])
            }
        }

        private static func seconds(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
    }
}
