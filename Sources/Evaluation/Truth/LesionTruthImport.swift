import Annotations
import Challenge
import Foundation
import Geometry
import Scoring

/// A slide's size and lesion outlines, as stored for `slide-lesion-detection` truth.
struct SlideTruthRecord: Codable {
    let width: Int
    let height: Int
    let lesions: [PolygonRegion]
    let exclusions: [PolygonRegion]
}

/// Reads the truth of a lesion or segmentation challenge for import: `cases.csv` (`case_id,split`) and a
/// truth file per case (see `CaseFiles` and `SlideLesionTruth` for the layouts).
public enum LesionTruthImport {
    public static func read(_ path: String, task: TaskSpec) throws -> [LesionTruthFile] {
        let splits = try readSplits(path)
        var files: [String: (name: String, bytes: [UInt8])] = [:]
        switch task.kind {
        case .slideLesionDetection:
            let truth = try SlideLesionTruth(path: path, level: (task.froc ?? FROCSettings()).level)
            for slide in truth.slides {
                guard slide.levelMask == nil || !slide.annotations.lesions.isEmpty else {
                    throw CaseFilesError(path: path, "case \(slide.caseID): importing needs lesion outlines, not only a mask")
                }
                let record = SlideTruthRecord(width: slide.width, height: slide.height, lesions: slide.annotations.lesions,
                                              exclusions: slide.annotations.exclusions)
                files[slide.caseID] = ("\(slide.caseID).json", [UInt8](try JSONEncoder().encode(record)))
            }
        case .volumeLesionDetection, .volumeSegmentation, .slideSegmentation:
            let extensions = task.kind == .slideSegmentation ? CaseFiles.maskExtensions : [".nii.gz", ".nii", ".mha"]
            let found = try CaseFiles(path, extensions: extensions, roles: ["_label", "_reference", "_gt", "_mask"])
            for (id, file) in found.paths {
                files[id] = ((file as NSString).lastPathComponent, [UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
            }
        case .slideClassification:
            throw CaseFilesError(path: path, "slide-classification truth is a CSV; use the classification import")
        }
        let missing = splits.map(\.0).filter { files[$0] == nil }
        let unlisted = files.keys.filter { id in !splits.contains { $0.0 == id } }.sorted()
        guard missing.isEmpty, unlisted.isEmpty else {
            throw CaseFilesError(path: path, (missing.isEmpty ? "" : "no truth file for \(missing.prefix(5).joined(separator: ", ")); ")
                                 + (unlisted.isEmpty ? "" : "not in cases.csv: \(unlisted.prefix(5).joined(separator: ", "))"))
        }
        return splits.map { id, split in LesionTruthFile(caseID: id, split: split, fileName: files[id]!.name, bytes: files[id]!.bytes) }
    }

    private static func readSplits(_ path: String) throws -> [(String, Split)] {
        let listing = try CaseFiles(path, extensions: [".csv"], roles: [], keepAll: true)
        let candidates = listing.all + (path.hasSuffix(".csv") ? [] : [path + "/cases.csv"])
        guard let file = candidates.first(where: { $0.hasSuffix("/cases.csv") && FileManager.default.fileExists(atPath: $0) }) else {
            throw CaseFilesError(path: path, "no cases.csv (case_id,split) saying which split each case belongs to")
        }
        let table = try CSVReader.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
        guard let id = table.header.firstIndex(of: "case_id"), let split = table.header.firstIndex(of: "split") else {
            throw CaseFilesError(path: file, "cases.csv needs columns case_id,split")
        }
        var seen = Set<String>()
        return try table.rows(checkedIn: file).map { row in
            guard let value = Split(rawValue: row.fields[split]) else {
                throw CaseFilesError(path: file, line: row.line, "split must be public or private, found \"\(row.fields[split])\"")
            }
            guard seen.insert(row.fields[id]).inserted else { throw CaseFilesError(path: file, line: row.line, "case \(row.fields[id]) twice") }
            return (row.fields[id], value)
        }
    }
}
