import ArgumentParser
import Foundation
import Store
import Imaging

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Report linked libraries, the database version, where the store is, whether its blob folder works, "
            + "and free disk.",
        discussion: """
            The blob folder (--data-dir/blobs, shared storage when several machines use it) must let files be created and \
            flushed, and rename must replace a file whole, within a folder and from one to another: doctor checks both in \
            a probe folder it removes afterwards, and exits non-zero naming the path and the error when either fails.
            """)

    @OptionGroup var data: DataDirectoryOption

    func run() throws {
        for library in NativeLibraries.all() {
            print(Self.row(library.name, library.version))
        }
        let store = try data.openStore()
        print(Self.row("database", try store.engineVersion()))
        print(Self.row("store", store.location))
        let blobsUsable = checkBlobs(store.blobs)
        let attributes = try FileManager.default.attributesOfFileSystem(forPath: data.localDirectory.path)
        if let free = attributes[.systemFreeSize] as? NSNumber {
            let gib = Double(truncating: free) / Double(1 << 30)
            print(Self.row("free disk", String(format: "%.1f GiB", gib)))
        }
        if !blobsUsable { throw ExitCode.failure }
    }

    /// Prints the blob folder's row; false when the folder cannot hold blobs safely.
    private func checkBlobs(_ blobs: any BlobStore) -> Bool {
        guard let folder = blobs as? DirectoryBlobStore else {
            print(Self.row("blobs", "\(type(of: blobs)): not a folder, nothing to check"))
            return true
        }
        do {
            try BlobDirectoryCheck(root: folder.root).run()
            print(Self.row("blobs", "\(folder.root.path): writable, atomic rename"))
            return true
        } catch {
            print(Self.row("blobs", "\(folder.root.path): FAILED"))
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return false
        }
    }

    private static func row(_ label: String, _ value: String) -> String {
        "\(label.padding(toLength: 14, withPad: " ", startingAt: 0)) \(value)"
    }
}
