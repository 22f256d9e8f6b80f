import ArgumentParser
import Foundation
import Store
import Imaging

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Report linked libraries, the SQLite version, the data directory and free disk.")

    @OptionGroup var data: DataDirectoryOption

    func run() throws {
        for library in NativeLibraries.all() {
            print("\(library.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(library.version)")
        }
        let store = try data.openStore()
        print("\("SQLite".padding(toLength: 14, withPad: " ", startingAt: 0)) \(try store.sqliteVersion())")
        print("\("data dir".padding(toLength: 14, withPad: " ", startingAt: 0)) \(store.dataDirectory.path)")
        let attributes = try FileManager.default.attributesOfFileSystem(forPath: store.dataDirectory.path)
        if let free = attributes[.systemFreeSize] as? NSNumber {
            let gib = Double(truncating: free) / Double(1 << 30)
            print("\("free disk".padding(toLength: 14, withPad: " ", startingAt: 0)) \(String(format: "%.1f GiB", gib))")
        }
    }
}
