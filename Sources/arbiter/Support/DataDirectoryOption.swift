import ArgumentParser
import Foundation
import Store

/// The `--data-dir` every command that touches the store takes.
struct DataDirectoryOption: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder holding the database and stored files.")
    var path: String = "./arbiter-data"

    var url: URL { URL(fileURLWithPath: path) }

    func openStore() throws -> SQLiteStore {
        try SQLiteStore(dataDirectory: url)
    }
}

/// Reads a whole file as bytes, with an error that names it.
func readFile(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("cannot read \(path): no such file or not readable")
    }
    return [UInt8](data)
}
