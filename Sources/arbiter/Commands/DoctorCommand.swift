import ArgumentParser
import Challenge
import Foundation
import Imaging
import Runner
import Store
import Studies
import Tiling

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Report linked libraries, the database version, where the store is, whether its blob folder works, "
            + "and free disk.",
        discussion: """
            The blob folder (--data-dir/blobs, shared storage when several machines use it) must let files be created and \
            flushed, and rename must replace a file whole, within a folder and from one to another: doctor checks both in \
            a probe folder it removes afterwards, and exits non-zero naming the path and the error when either fails.

            Containers: doctor runs a trivial container with the engine settings (--engine-config) and says what went \
            wrong if it cannot; that fails the check when settings are given or a registered challenge has a container phase.

            Slides: with --slides DIR (the folder `arbiter serve --slides` is given), every item of every registered \
            study must find its slide there and open it, or the annotation viewer shows that item's picture alone; \
            doctor names each that does not, and fails.
            """)

    @OptionGroup var data: DataDirectoryOption
    @Option(help: "The container engine settings to check (YAML, as `arbiter run` takes them).") var engineConfig: String?
    @Option(help: "The slides folder `arbiter serve --slides` will be given: every study item's slide must be in it and open.")
    var slides: String?

    func run() async throws {
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
        let containersUsable = await checkContainers(store)
        let slidesUsable = try slides.map { try checkSlides(SlideFolder(URL(fileURLWithPath: $0, isDirectory: true)), store: store) } ?? true
        if !blobsUsable || !containersUsable || !slidesUsable { throw ExitCode.failure }
    }

    /// Prints the containers' row; false when containers are needed here and cannot run.
    private func checkContainers(_ store: any ArbiterStore) async -> Bool {
        let needed = engineConfig != nil
            || ((try? store.challengeSlugs().map(store.challenge)) ?? []).contains { $0.spec.phases.contains { $0.container != nil } }
        let settings: ContainerEngineSettings
        do {
            settings = try engineConfig.map(ContainerEngineSettings.load(path:)) ?? ContainerEngineSettings()
        } catch {
            print(Self.row("containers", "FAILED"))
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return false
        }
        let problems = await PodmanEngine(settings: settings).check()
        guard !problems.isEmpty else {
            print(Self.row("containers", "\(settings.podman): runs a confined container"))
            return true
        }
        print(Self.row("containers", needed ? "FAILED" : "unavailable (needed only by container phases)"))
        for problem in problems { FileHandle.standardError.write(Data("\(needed ? "error" : "note"): \(problem)\n".utf8)) }
        return !needed
    }

    /// Prints the slides' row: each study item's slide found in `folder` and opened once; false when any is not.
    private func checkSlides(_ folder: SlideFolder, store: any ArbiterStore) throws -> Bool {
        var (opened, problems): (Set<String>, [String]) = ([], [])
        var items = 0
        for challenge in try store.challengeSlugs() {
            for study in try store.studies(challenge: challenge) {
                for item in try store.studyItems(study) {
                    guard let slide = ItemDescription(item)?.slide else { continue }
                    items += 1
                    guard !opened.contains(slide) else { continue }
                    guard let path = folder.path(of: slide) else {
                        problems.append("\(study.name), item \(item.itemID): no slide \(slide) in \(folder.url.path)")
                        continue
                    }
                    do {
                        _ = try Slide(path: path)
                        opened.insert(slide)
                    } catch {
                        problems.append("\(study.name), item \(item.itemID): \(path) cannot be opened: \(error)")
                    }
                }
            }
        }
        print(Self.row("slides", problems.isEmpty
            ? "\(folder.url.path): \(opened.count) slides of \(items) study items found and open"
            : "\(folder.url.path): FAILED for \(problems.count) of \(items) study items"))
        for problem in problems { FileHandle.standardError.write(Data("error: \(problem)\n".utf8)) }
        return problems.isEmpty
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
