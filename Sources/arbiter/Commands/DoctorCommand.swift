import ArgumentParser
import Foundation
import Store
import Imaging

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Report linked libraries, the database version, where the store is and free disk.")

    @OptionGroup var data: DataDirectoryOption

    func run() throws {
        for library in NativeLibraries.all() {
            print("\(library.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(library.version)")
        }
        let store = try data.openStore()
        print("\("database".padding(toLength: 14, withPad: " ", startingAt: 0)) \(try store.engineVersion())")
        print("\("store".padding(toLength: 14, withPad: " ", startingAt: 0)) \(store.location)")
        let attributes = try FileManager.default.attributesOfFileSystem(forPath: data.localDirectory.path)
        if let free = attributes[.systemFreeSize] as? NSNumber {
            let gib = Double(truncating: free) / Double(1 << 30)
            print("\("free disk".padding(toLength: 14, withPad: " ", startingAt: 0)) \(String(format: "%.1f GiB", gib))")
        }
    }
}
