import Challenge
import Foundation
import Store

/// The spec a study was registered with, as the store keeps it: JSON with sorted keys, so it reads back without the
/// challenge folder, and its digest changes exactly when the spec does.
public enum StudySpecText {
    public static func encode(_ spec: StudySpec) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(spec), as: UTF8.self)
    }

    public static func decode(_ study: StoredStudy) throws -> StudySpec {
        do {
            return try JSONDecoder().decode(StudySpec.self, from: Data(study.specText.utf8))
        } catch {
            throw StudyError.unreadableSpec(study: study.name, reason: "\(error)")
        }
    }
}
