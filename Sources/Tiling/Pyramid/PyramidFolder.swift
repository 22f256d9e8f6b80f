import Foundation

/// Where one slide's pyramid goes and how it is made atomic: tiles are written into `NAME_files.partial`, which is
/// renamed to `NAME_files` when every tile is written; `NAME.dzi` is written last (temporary file, then rename), so a
/// `.dzi` next to its `_files` folder means a finished pyramid, and anything else is a leftover a rerun replaces.
public struct PyramidFolder: Sendable {
    public let directory: String
    public let name: String

    public init(directory: String, name: String) {
        self.directory = directory
        self.name = name
    }

    public var descriptorPath: String { "\(directory)/\(name).dzi" }
    public var tilesPath: String { "\(directory)/\(name)_files" }
    var stagingPath: String { "\(directory)/\(name)_files.partial" }

    /// Whether a finished pyramid is already there.
    public var isFinished: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: descriptorPath)
            && FileManager.default.fileExists(atPath: tilesPath, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Removes leftovers of an interrupted run and creates the staging folder with one folder per level.
    func prepare(levels: Int) throws {
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for leftover in [stagingPath, tilesPath, descriptorPath] where files.fileExists(atPath: leftover) {
                try files.removeItem(atPath: leftover)
            }
            for level in 0..<levels {
                try files.createDirectory(atPath: "\(stagingPath)/\(level)", withIntermediateDirectories: true)
            }
        } catch {
            throw TilingError(path: directory, "cannot prepare the output folder: \(error.localizedDescription)")
        }
    }

    /// Path of a tile inside the staging folder.
    func stagedTilePath(level: Int, column: Int, row: Int, format: TileFormat) -> String {
        "\(stagingPath)/\(level)/\(column)_\(row).\(format.suffix)"
    }

    /// Moves the finished tiles into place, then writes the descriptor atomically.
    func finish(descriptor: DeepZoomDescriptor) throws {
        guard rename(stagingPath, tilesPath) == 0 else {
            throw TilingError(path: stagingPath, "cannot rename to \(tilesPath): \(String(cString: strerror(errno)))")
        }
        try Self.writeAtomically(Array(descriptor.xml.utf8), to: descriptorPath)
    }

    /// Writes a whole file: a temporary file in the same folder, then a rename.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".partial"
        try write(bytes, to: temporary)
        guard rename(temporary, path) == 0 else {
            throw TilingError(path: path, "cannot rename \(temporary): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes a whole file with plain POSIX calls (tiles are many and small).
    static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw TilingError(path: path, "cannot create: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var written = 0
        try bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                guard count > 0 else { throw TilingError(path: path, "cannot write: \(String(cString: strerror(errno)))") }
                written += count
            }
        }
    }
}
