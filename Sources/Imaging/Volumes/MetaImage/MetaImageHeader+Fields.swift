extension MetaImageHeader {
    func error(_ kind: VolumeError.Kind, _ key: String, file: String, _ message: String) -> VolumeError {
        VolumeError(kind, file: file, line: lineOfKey[key], field: key, message)
    }

    func integers(_ key: String, count: Int, file: String) throws(VolumeError) -> [Int]? {
        guard let text = fields[key] else { return nil }
        let values = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Int($0) }
        guard values.count == count, text.split(whereSeparator: { $0 == " " || $0 == "\t" }).count == count else {
            throw error(.invalidHeader, key, file: file, "expected \(count) integer(s), found \"\(text)\"")
        }
        return values
    }

    func numbers(_ key: String, count: Int, file: String) throws(VolumeError) -> [Double]? {
        guard let text = fields[key] else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let values = words.compactMap { Double($0) }
        guard values.count == count, words.count == count, values.allSatisfy(\.isFinite) else {
            throw error(.invalidHeader, key, file: file, "expected \(count) finite number(s), found \"\(text)\"")
        }
        return values
    }

    func flag(_ key: String, file: String) throws(VolumeError) -> Bool? {
        guard let text = fields[key] else { return nil }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw error(.invalidHeader, key, file: file, "expected True or False, found \"\(text)\"")
        }
    }

    /// The first of several synonymous keys MetaIO accepts (`Offset`, `Position`, `Origin`).
    func firstKey(_ keys: [String]) -> String? { keys.first { fields[$0] != nil } }
}
