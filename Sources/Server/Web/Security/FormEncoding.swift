import Foundation

/// The two small formats a browser sends the portal besides uploads: `application/x-www-form-urlencoded` bodies and
/// `Cookie` headers. Foundation only, so the fuzzer links this file as it links the multipart parser. Callers bound
/// the input first (a form body is read up to `FormFields.maximumBytes`, headers by the HTTP parser).
enum FormEncoding {
    /// `a=1&b=two+words`: `+` is a space, then percent-escapes are decoded (a malformed escape decodes to an empty
    /// value); a name without `=` has an empty value; a later repeat of a name wins; empty names are dropped.
    static func decode(_ encoded: String) -> [String: String] {
        var values: [String: String] = [:]
        for pair in encoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first.map(unescape), !name.isEmpty else { continue }
            values[name] = parts.count == 2 ? unescape(parts[1]) : ""
        }
        return values
    }

    /// The inverse of `decode` for one pair: only unreserved characters stay as they are.
    static func encode(_ values: [String: String]) -> String {
        var unreserved = CharacterSet.alphanumerics
        unreserved.insert(charactersIn: "-._~")
        func escape(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "" }
        return values.sorted { $0.key < $1.key }.map { escape($0.key) + "=" + escape($0.value) }.joined(separator: "&")
    }

    /// A cookie's value in a request's `Cookie` header values; nil when absent, or when it is not one of our own
    /// secrets (lower-case hex, `_`, at most 128 characters), so nothing else a browser holds is ever looked up.
    static func cookie(_ name: String, in headers: [String]) -> String? {
        for header in headers {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, parts[0] == name else { continue }
                let value = parts[1]
                guard !value.isEmpty, value.utf8.count <= 128,
                      value.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || (48...57).contains($0) || (97...122).contains($0) })
                else { return nil }
                return value
            }
        }
        return nil
    }

    private static func unescape(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}
