import Challenge
import Evaluation
import Foundation

/// Turns what a container left in `/output` into the one prediction file its phase validates, or says why it cannot.
/// Problems name a kind and a count, never a case id: the team may see them whatever the phase's log visibility.
struct OutputGathering {
    /// Largest per-case JSON value read.
    static let maxValueBytes = 1 << 20

    struct Gathered {
        let path: String
        let fileName: String
    }

    struct Missing: Error {
        let problemCount: Int
        let kind: String
    }

    /// The whole-set layout: a single file is the prediction file as written; several form a tar archive (a case file each).
    static func wholeSet(output: String, workspace: String) throws -> Gathered {
        let files = try regularFiles(in: output)
        guard !files.isEmpty else { throw Missing(problemCount: 1, kind: ValidationProblem.Kind.missingOutput.rawValue) }
        if files.count == 1 {
            return Gathered(path: output + "/" + files[0], fileName: String(files[0].split(separator: "/").last ?? "predictions"))
        }
        let archive = workspace + "/predictions.tar"
        let writer = try TarWriter(path: archive)
        for file in files { try writer.append(file: output + "/" + file, as: file) }
        try writer.finish()
        return Gathered(path: archive, fileName: "predictions.tar")
    }

    /// Per-case image outputs, collected one case at a time into `folder` as `<case_id><ext>`.
    static func collectImage(caseID: String, output: String, interface: ContainerInterface, into folder: String) -> Bool {
        let images = output + "/" + interface.perCasePath
        guard let files = try? regularFiles(in: images), files.count == 1 else { return false }
        let name = caseID + FileExtension.of(files[0])
        return (try? FileManager.default.moveItem(atPath: images + "/" + files[0], toPath: folder + "/" + name)) != nil
    }

    /// A per-case JSON value: an object's members become columns of its row; a bare value is the row's `label`.
    static func readValue(output: String, interface: ContainerInterface) -> [(String, String)]? {
        let path = output + "/" + interface.perCasePath
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.type] as? FileAttributeType) == .typeRegular,
              let size = attributes[.size] as? Int, size <= maxValueBytes,
              let data = FileManager.default.contents(atPath: path),
              let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return nil }
        if let object = value as? [String: Any] {
            return object.keys.sorted().compactMap { key in cell(object[key]).map { (key, $0) } }
        }
        return cell(value).map { [("label", $0)] }
    }

    private static func cell(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// Rows of per-case values as a CSV prediction file: `case_id` then every column seen, in first-seen order.
    static func writeCSV(_ rows: [(caseID: String, cells: [(String, String)])], to path: String) throws {
        var columns: [String] = []
        for (_, cells) in rows { for (column, _) in cells where !columns.contains(column) { columns.append(column) } }
        var text = (["case_id"] + columns).map(quoted).joined(separator: ",") + "\n"
        for (caseID, cells) in rows {
            let values = Dictionary(cells, uniquingKeysWith: { first, _ in first })
            text += ([caseID] + columns.map { values[$0] ?? "" }).map(quoted).joined(separator: ",") + "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private static func quoted(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    /// Regular files below `folder`, as relative paths, sorted; links and other kinds are ignored.
    static func regularFiles(in folder: String) throws -> [String] {
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder) else { return [] }
        return try manager.subpathsOfDirectory(atPath: folder).filter { relative in
            (try? manager.attributesOfItem(atPath: folder + "/" + relative)[.type] as? FileAttributeType) == .typeRegular
        }.sorted()
    }
}
