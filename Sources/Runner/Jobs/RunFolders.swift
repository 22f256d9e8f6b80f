import Foundation

/// The folders a run shares with its container.
enum RunFolders {
    /// A fresh, empty `/output` the container's unprivileged user can write (the container sees nothing else writable
    /// but its size-limited `/tmp`).
    static func makeOutput(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: path)
    }

    /// Opens staged inputs or an unpacked code package to the container's user, and closes them to writes: folders
    /// 0555, files 0444, below and including `folder`.
    static func makeReadable(_ folder: String) throws {
        let manager = FileManager.default
        for relative in try manager.subpathsOfDirectory(atPath: folder) {
            let path = folder + "/" + relative
            var isFolder: ObjCBool = false
            manager.fileExists(atPath: path, isDirectory: &isFolder)
            try manager.setAttributes([.posixPermissions: isFolder.boolValue ? 0o555 : 0o444], ofItemAtPath: path)
        }
        try manager.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
    }

    /// Removes a run folder, sealed or not (folders are made writable again first, for a runner that is not root).
    static func remove(_ folder: String) {
        let manager = FileManager.default
        for relative in (try? manager.subpathsOfDirectory(atPath: folder)) ?? [] {
            try? manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/" + relative)
        }
        try? manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        try? manager.removeItem(atPath: folder)
    }
}
