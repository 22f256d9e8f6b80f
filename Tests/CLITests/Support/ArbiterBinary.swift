import ChildProcesses
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport

/// The `arbiter` executable SwiftPM builds for this test target (it depends on the executable), run as a child process.
enum ArbiterBinary {
    /// Where the binary may be, first existing one wins: `ARBITER_BINARY` when set; beside the test runner
    /// (`.build/<triple>/<configuration>/`, also when the runner is a bundle folder there); the repository's `.build/debug/`.
    static let candidates: [URL] = {
        let runner = Bundle.main.bundleURL
        let beside = [runner, runner.deletingLastPathComponent()].map { $0.appendingPathComponent("arbiter") }
        let explicit = ProcessInfo.processInfo.environment["ARBITER_BINARY"].map { [URL(fileURLWithPath: $0)] } ?? []
        return explicit + beside + [RepositoryFiles.url(".build/debug/arbiter")]
    }()

    static var url: URL? {
        candidates.first { url in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && !isFolder.boolValue
                && FileManager.default.isExecutableFile(atPath: url.path)
        }
    }

    /// Runs `arbiter arguments…` in `folder` (default: a fresh temporary folder, so nothing relies on the repository
    /// being the working folder) and waits for it to exit. `input`, when given, is the child's standard input.
    ///
    /// Started as a `ChildProcess`, not Foundation's `Process`, whose `run` crashed a CI run of this suite.
    static func run(_ arguments: [String], in folder: String? = nil, input: String? = nil) async throws -> ArbiterRun {
        guard let url else { throw MissingBinary(candidates: candidates) }
        let scratch = try ScratchFolder()
        if let input { _ = try scratch.write(Array(input.utf8), to: ".stdin") }
        let child = try ChildProcess(url.path, arguments, outputLimit: 256 << 20, errors: .kept(limit: 256 << 20),
                                     workingDirectory: folder ?? scratch.path, inputFile: input == nil ? nil : scratch.file(".stdin"))
        let result = await child.result()
        return ArbiterRun(status: result.status, stdout: result.outputText, stderr: result.errorText)
    }

    /// Starts `arbiter arguments…` in `folder` without waiting: for commands that run until stopped. Its output and
    /// error, merged, are its result's; the caller signals it to stop.
    static func start(_ arguments: [String], in folder: String) throws -> ChildProcess {
        guard let url else { throw MissingBinary(candidates: candidates) }
        return try ChildProcess(url.path, arguments, outputLimit: 16 << 20, errors: .mergedIntoOutput, workingDirectory: folder)
    }
}

extension ChildProcess {
    /// GETs `url`, served by this child, every 100 ms for up to two minutes of a busy machine, until a 200 answer's
    /// body satisfies `done`; that body, else the last 200 body read (nil when none came, or the child ended).
    func poll(_ url: URL, until done: (String) -> Bool = { _ in true }) async throws -> String? {
        let deadline = ContinuousClock.now + .seconds(120)
        var last: String?
        while ContinuousClock.now < deadline, !hasEnded {
            if let (data, response) = try? await URLSession.shared.data(from: url), (response as? HTTPURLResponse)?.statusCode == 200 {
                last = String(decoding: data, as: UTF8.self)
                if done(last!) { return last }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return last
    }
}

/// No `arbiter` binary at any of the places the tests look.
struct MissingBinary: Error, CustomStringConvertible {
    let candidates: [URL]
    var description: String {
        "no arbiter binary at " + candidates.map(\.path).joined(separator: ", ") + " (run `swift build`, or set ARBITER_BINARY)"
    }
}
