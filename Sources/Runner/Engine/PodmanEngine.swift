import ChildProcesses
import Foundation

/// Podman, driven through its command line: loads participants' images, runs them confined and under limits, and
/// cleans up after them. Every wait for podman happens off the cooperative thread pool (see `ChildProcess`).
public struct PodmanEngine: Sendable {
    public let settings: ContainerEngineSettings
    /// The most bytes of a run's log kept; the rest is read and dropped.
    public let logLimit: Int

    public init(settings: ContainerEngineSettings, logLimit: Int = 1 << 20) {
        self.settings = settings
        self.logLimit = logLimit
    }

    /// `podman load -i path`: loads an image archive (`podman save` or `docker save`) holding one image, and returns
    /// its id `sha256:<hex>`.
    public func load(archive path: String) async throws -> String {
        let loaded = try await podman(["load", "--quiet", "--input", path]).outputText
        var ids: Set<String> = []
        for line in loaded.split(separator: "\n") where line.hasPrefix("Loaded image") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            for name in line[line.index(after: colon)...].split(separator: ",") {
                let name = name.trimmingCharacters(in: .whitespaces)
                ids.insert(try await imageID(name))
            }
        }
        guard ids.count == 1, let id = ids.first else {
            throw ContainerEngineError(
                command: [settings.podman, "load", "--input", path], status: 0,
                message: "expected one image in the archive, found \(ids.count): \(loaded.prefix(500))")
        }
        return id
    }

    /// The id `sha256:<hex>` of a local image.
    func imageID(_ reference: String) async throws -> String {
        let id = try await podman(["image", "inspect", "--format", "{{.Id}}", reference]).outputText
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return id.hasPrefix("sha256:") ? id : "sha256:\(id)"
    }

    /// Whether the image is stored locally.
    public func imageExists(_ id: String) async throws -> Bool {
        let child = try ChildProcess(settings.podman, settings.globalOptions + ["image", "exists", id])
        let result = await child.result()
        switch result.status {
        case 0: return true
        case 1: return false
        default: throw ContainerEngineError(command: child.command, status: result.status, message: result.errorText)
        }
    }

    /// `podman rmi`: removes an image. An image already gone is fine (removal is idempotent); an image still used by
    /// a container is an error (podman's status 2), since the runner removes its containers first.
    public func removeImage(_ id: String) async throws {
        let child = try ChildProcess(settings.podman, settings.globalOptions + ["rmi", id])
        let result = await child.result()
        guard result.status != 0 else { return }
        if result.status == 1 && result.errorText.contains("image not known") { return }
        throw ContainerEngineError(command: child.command, status: result.status, message: result.errorText)
    }

    /// Removes (killing first) every container with the label `label=value`: orphans a killed runner left behind.
    public func removeContainers(labelled label: String, value: String) async throws {
        let listed = try await listing(["ps", "--all", "--quiet", "--no-trunc", "--filter", "label=\(label)=\(value)"])
        let ids = listed.outputText.split(whereSeparator: \.isNewline).map(String.init)
        guard !ids.isEmpty else { return }
        _ = try await podman(["rm", "--force", "--ignore", "--time", "0"] + ids)
    }

    /// A listing (`podman ps`), asked again up to four times when it fails because another process removed a container
    /// while podman read it: podman 4 then exits with 125, "does not exist in database: no such container"
    /// (containers/podman#11810), which says nothing about the containers asked for.
    func listing(_ arguments: [String]) async throws -> ChildProcess.Result {
        var attempt = 1
        while true {
            do {
                return try await podman(arguments)
            } catch let error as ContainerEngineError where attempt < 5 && Self.isListingRace(error) {
                try await Task.sleep(for: .milliseconds(50 * attempt))
                attempt += 1
            }
        }
    }

    static func isListingRace(_ error: ContainerEngineError) -> Bool {
        error.status == 125 && error.message.contains("no such container")
    }

    /// Runs `podman <global options> arguments` to its end, in `workingDirectory` if given; throws with its standard
    /// error when it fails.
    func podman(_ arguments: [String], in workingDirectory: String? = nil) async throws -> ChildProcess.Result {
        let child = try ChildProcess(settings.podman, settings.globalOptions + arguments, workingDirectory: workingDirectory)
        let result = await child.result()
        guard result.status == 0, !result.signalled else {
            throw ContainerEngineError(command: child.command, status: result.status, message: result.errorText)
        }
        return result
    }
}
