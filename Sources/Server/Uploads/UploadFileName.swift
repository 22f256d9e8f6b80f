import HTTPTypes

/// The name an uploaded file goes by (`?file_name=`, or a form part's `filename`). The intake and the judge write
/// the file under this name, and archives and volumes are read by its extension, so it must be one plain file name.
enum UploadFileName {
    /// Counted in Unicode code points, as the OpenAPI schema's maxLength counts them. 63 code points are at most
    /// 252 bytes of UTF-8, within the 255 bytes most file systems allow in one name.
    static let maxCharacters = 63

    /// The name, or a 400 saying what is wrong with it.
    static func checked(_ name: String) throws -> String {
        let problem: String? =
            if name.isEmpty { "is empty" }
            else if name == "." || name == ".." { "is \"\(name)\", which names a folder" }
            else if name.unicodeScalars.count > maxCharacters {
                "has \(name.unicodeScalars.count) characters; at most \(maxCharacters) are allowed"
            }
            else if name.contains(where: { $0 == "/" || $0 == "\\" }) { "contains a path separator" }
            else if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { "contains a control character" }
            else { nil }
        guard let problem else { return name }
        let shown = name.count > 40 ? String(name.prefix(40)) + "…" : name
        throw APIError(.badRequest, code: "invalid-file-name",
                       message: "the file name \"\(shown.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined())\" \(problem)")
    }
}
