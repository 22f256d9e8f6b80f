/// The fuzzer's door into `MultipartForm` (Sources/Server/Uploads/MultipartForm.swift, linked into this target
/// because it needs only Foundation, while the Server module needs Hummingbird and NIO).
public enum MultipartFuzzing {
    /// Splits the input at its first line feed into a Content-Type value and a body, then takes the body's file
    /// part with the type's boundary (or, when the type names none, the first line itself as the boundary).
    /// Returns the file part's size, or nil when the form is refused.
    public static func filePartSize(_ input: [UInt8]) -> Int? {
        let newline = input.firstIndex(of: 0x0A) ?? input.count
        let contentType = String(decoding: input[..<newline], as: UTF8.self)
        let body = Array(input[min(newline + 1, input.count)...])
        let boundary = MultipartForm.boundary(contentType: contentType) ?? contentType
        return (try? MultipartForm.filePart(of: body, boundary: boundary))?.bytes.count
    }
}
