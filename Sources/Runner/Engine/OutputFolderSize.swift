import Foundation

/// The total size of a container's output folder, by a bounded walk: symbolic links are not followed and at most
/// `entryLimit` entries are visited, so a container that makes a million empty files cannot stall the engine.
struct OutputFolderSize: Sendable, Equatable {
    /// Sum of regular files' sizes (apparent sizes: a sparse file counts at its length).
    var bytes: Int64
    /// Whether the walk met more than `entryLimit` entries and stopped.
    var tooManyEntries: Bool

    static func measure(_ folder: String, entryLimit: Int = 100_000) -> OutputFolderSize {
        var total = OutputFolderSize(bytes: 0, tooManyEntries: false)
        var pending = [folder]
        var visited = 0
        while let current = pending.popLast() {
            guard let directory = opendir(current) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                visited += 1
                if visited > entryLimit {
                    total.tooManyEntries = true
                    return total
                }
                var info = stat()
                let path = "\(current)/\(name)"
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFREG: total.bytes += Int64(info.st_size)
                case S_IFDIR: pending.append(path)
                default: break
                }
            }
        }
        return total
    }
}
