extension String {
    /// The text without leading and trailing spaces and tabs; cheaper than Foundation's
    /// character-set trimming on the hot path of validating hundreds of thousands of fields.
    var trimmingSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last,
              first == UInt8(ascii: " ") || first == UInt8(ascii: "\t")
                || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t")
        else { return self }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == UInt8(ascii: " ") || utf8[start] == UInt8(ascii: "\t") {
            start = utf8.index(after: start)
        }
        while end > start {
            let before = utf8.index(before: end)
            guard utf8[before] == UInt8(ascii: " ") || utf8[before] == UInt8(ascii: "\t") else { break }
            end = before
        }
        return String(self[start..<end])
    }
}
