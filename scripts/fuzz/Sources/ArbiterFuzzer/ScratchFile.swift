import Foundation

/// Scratch files for decoders that read from a path: one per process and suffix, in /dev/shm so a run does not wear
/// the disk. Each input overwrites the previous one; the files go when the process exits normally.
enum ScratchFile {
    static let suffixes = ["tiff", "nii", "nii.gz", "mha"]

    /// Writes the input to `/dev/shm/arbiter-fuzz-<pid>.<suffix>` and returns the path, or nil if it could not.
    static func write(_ input: UnsafeRawBufferPointer, suffix: String) -> String? {
        _ = removalAtExit
        let bytes = input.baseAddress.map { Data(bytes: $0, count: input.count) } ?? Data()
        let path = path(suffix: suffix)
        return FileManager.default.createFile(atPath: path, contents: bytes) ? path : nil
    }

    static func path(suffix: String) -> String {
        "/dev/shm/arbiter-fuzz-\(getpid()).\(suffix)"
    }

    /// Registers (once) the removal of this process's scratch files when libFuzzer exits.
    private static let removalAtExit: Void = {
        atexit {
            for suffix in ScratchFile.suffixes { unlink(ScratchFile.path(suffix: suffix)) }
        }
    }()
}
