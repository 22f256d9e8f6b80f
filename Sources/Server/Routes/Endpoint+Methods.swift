import HTTPTypes

extension Endpoint {
    /// The methods declared for the routes whose path template matches `path` (a `{name}` segment matches any one
    /// non-empty segment), in the order `Endpoint` lists them: what a 405's `Allow` header names. Empty when no
    /// route has this path.
    public static func methods(allowedAt path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var methods: [HTTPRequest.Method] = []
        for endpoint in allCases where endpoint.matches(segments) && !methods.contains(endpoint.method) {
            methods.append(endpoint.method)
        }
        return methods
    }

    private func matches(_ segments: [Substring]) -> Bool {
        let template = path.split(separator: "/", omittingEmptySubsequences: false)
        guard template.count == segments.count else { return false }
        return zip(template, segments).allSatisfy { pattern, segment in
            pattern.hasPrefix("{") && pattern.hasSuffix("}") ? !segment.isEmpty : pattern == segment
        }
    }
}
