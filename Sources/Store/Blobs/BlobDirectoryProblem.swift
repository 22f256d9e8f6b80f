import Foundation

/// Why a folder cannot hold a `DirectoryBlobStore`: the step of `BlobDirectoryCheck` that failed, the file it failed
/// on, and the `errno` when a system call failed (nil when the call succeeded but the bytes read back were wrong).
public struct BlobDirectoryProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The blob folder that was checked.
    public let folder: String
    /// What was being done, such as "create", "fsync", "rename over an existing file" or "read back".
    public let step: String
    /// The file or folder the step failed on.
    public let path: String
    /// The system call's `errno`, if one failed.
    public let code: Int32?
    /// What went wrong when no system call failed.
    public let detail: String?

    public init(folder: String, step: String, path: String, code: Int32?, detail: String? = nil) {
        self.folder = folder
        self.step = step
        self.path = path
        self.code = code
        self.detail = detail
    }

    public var description: String {
        let reason = code.map { "\(String(cString: strerror($0))) (errno \($0))" } ?? detail ?? "unknown reason"
        return "blob folder \(folder) is not usable: \(step) failed on \(path): \(reason)"
    }
}
