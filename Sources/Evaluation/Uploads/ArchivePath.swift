/// Member paths as an archive states them, checked before anything is written under them.
enum ArchivePath {
    /// `raw` with `/` separators and no `.` or empty parts; refuses absolute paths (`/x`, `\x`, `C:x`), `..`,
    /// NUL bytes, and paths longer or deeper than the budget allows.
    /// With `isFolder`, the archive's own root (`./`, which `tar -C dir .` writes first) is the empty path.
    static func canonical(_ raw: String, archive: String, at offset: Int, budget: ArchiveBudget, isFolder: Bool = false) throws(ArchiveError) -> String {
        func refuse(_ message: String) -> ArchiveError {
            ArchiveError(archive: archive, member: String(raw.prefix(200)), byteOffset: offset, message)
        }
        guard raw.utf8.count <= budget.maximumPathBytes else {
            throw refuse("the path is \(raw.utf8.count) bytes long, over the \(budget.maximumPathBytes)-byte limit")
        }
        guard !raw.utf8.contains(0) else { throw refuse("the path contains a NUL byte") }
        guard !raw.hasPrefix("/"), !raw.hasPrefix("\\"), !Self.hasDriveLetter(raw) else {
            throw refuse("an absolute path: members must stay inside the archive's folder")
        }
        let parts = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).filter { $0 != "." }
        guard !parts.contains("..") else { throw refuse("the path goes up a folder (\"..\"): members must stay inside the archive's folder") }
        guard !parts.isEmpty else {
            if isFolder { return "" }
            throw refuse("an empty path")
        }
        guard parts.count - 1 <= budget.maximumPathDepth else {
            throw refuse("the path is \(parts.count - 1) folders deep, over the limit of \(budget.maximumPathDepth)")
        }
        return parts.joined(separator: "/")
    }

    private static func hasDriveLetter(_ raw: String) -> Bool {
        let scalars = Array(raw.unicodeScalars.prefix(2))
        return scalars.count == 2 && scalars[1] == ":" && scalars[0].isASCII && scalars[0].properties.isAlphabetic
    }
}
