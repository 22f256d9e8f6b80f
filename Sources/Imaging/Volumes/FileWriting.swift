import Foundation

/// Writes a file so that a reader never sees it half-written: a temporary file, then a rename.
enum FileWriting {
    static func atomically(_ bytes: [UInt8], to path: String) throws(VolumeError) {
        let url = URL(fileURLWithPath: path)
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw VolumeError(.unreadable, file: path, "cannot write: \(error.localizedDescription)")
        }
    }
}
