import ArgumentParser
import Foundation

/// Checks an `--out` path before any work is done, so a typo costs a message, not a long read and a raw
/// Foundation error at the end.
enum OutputPath {
    /// A file to be written: its folder must exist and be writable.
    static func checkFile(_ path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("cannot write \(path): the folder \(folder) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw ValidationError("cannot write \(path): the folder \(folder) is not writable")
        }
    }
}

/// Region sizes a PNG can hold: libpng refuses images wider or taller than a million pixels unless told otherwise,
/// and a region is held whole in memory before it is written.
enum PNGRegionLimits {
    static let maximumSide = 1_000_000
    static let maximumPixels = 1 << 28

    static func check(width: Int, height: Int) throws {
        guard width <= maximumSide, height <= maximumSide else {
            throw ValidationError("--size \(width)x\(height): a PNG is at most \(maximumSide) pixels a side")
        }
        guard width * height <= maximumPixels else {
            throw ValidationError("--size \(width)x\(height): at most \(maximumPixels) pixels (1 GiB of RGBA) are read at once")
        }
    }
}
