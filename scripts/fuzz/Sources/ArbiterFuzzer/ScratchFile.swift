import Foundation

/// Scratch files for decoders that read from a path: one per process and suffix, in /dev/shm so a run does not wear
/// the disk. Each input overwrites the previous one.
enum ScratchFile {
    /// Writes the input to `/dev/shm/arbiter-fuzz-<pid>.<suffix>` and returns the path, or nil if it could not.
    static func write(_ input: UnsafeRawBufferPointer, suffix: String) -> String? {
        let path = "/dev/shm/arbiter-fuzz-\(getpid()).\(suffix)"
        let bytes = input.baseAddress.map { Data(bytes: $0, count: input.count) } ?? Data()
        return FileManager.default.createFile(atPath: path, contents: bytes) ? path : nil
    }
}
