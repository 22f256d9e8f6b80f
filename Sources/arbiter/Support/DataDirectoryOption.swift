import ArgumentParser
import Foundation
import Store

/// The `--data-dir` and `--database` every command that touches the store takes.
struct DataDirectoryOption: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder holding the database and stored files.")
    var path: String = StoreFactory.defaultDataDirectory

    @Option(name: .customLong("database"), help: ArgumentHelp(
        "The store, as a URL: sqlite://PATH (the default is sqlite:// of --data-dir) or postgres://USER:PASSWORD@HOST:PORT/DB "
            + "(stored files and keys then stay in --data-dir, shared storage when several machines use it). Also read from ARBITER_DATABASE.",
        valueName: "url"))
    var database: String?

    var url: URL { URL(fileURLWithPath: path) }

    /// `--database`, else `ARBITER_DATABASE`, else nil (the data directory's own SQLite database).
    var databaseURL: String? {
        database ?? ProcessInfo.processInfo.environment["ARBITER_DATABASE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The options as given, to hand to another command.
    var arguments: [String] {
        ["--data-dir", path] + (database.map { ["--database", $0] } ?? [])
    }

    /// Where the signing keys live: the SQLite store's own folder, else `--data-dir`.
    var localDirectory: URL { StoreFactory.localDirectory(database: databaseURL, dataDirectory: url) }

    func openStore() throws -> any ArbiterStore {
        try StoreFactory.open(database: databaseURL, dataDirectory: url)
    }
}

/// Reads a file as bytes, with an error that names it: the whole file, or at most its first `maximum` bytes (so a
/// caller checking a byte budget reads one byte past it and never more, whatever the file has grown to).
func readFile(_ path: String, upTo maximum: Int? = nil) throws -> [UInt8] {
    guard let maximum else {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path): no such file or not readable")
        }
        return [UInt8](data)
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
        throw ValidationError("cannot read \(path): no such file or not readable")
    }
    defer { try? handle.close() }
    return [UInt8](try handle.read(upToCount: maximum) ?? Data())
}
