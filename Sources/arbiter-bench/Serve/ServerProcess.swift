import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `arbiter serve` as a child process that can be killed without warning and started again (from the chaos thread
/// while the clients run; the lock guards the current process).
final class ServerProcess: @unchecked Sendable {
    let executable: String
    let data: URL
    let port: Int
    /// The `--database` URL; nil for the data directory's own SQLite store.
    let database: String?
    private let lock = NSLock()
    private var current: Process?
    private var process: Process? { lock.withLock { current } }

    /// Further `serve` options (a slides folder, …).
    let options: [String]

    init(executable: String, data: URL, port: Int, database: String? = nil, options: [String] = []) throws {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ServeBenchError("no arbiter executable at \(executable); build it or pass --arbiter")
        }
        self.executable = executable
        self.data = data
        self.port = port
        self.database = database
        self.options = options
    }

    /// Starts the server and waits until it answers /healthz.
    func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["serve", "--data-dir", data.path, "--port", String(port), "--no-judge", "--log-level", "error",
                             "--requests-per-second", "100000", "--request-burst", "100000", "--upload-megabytes-per-minute", "1000000"]
            + (database.map { ["--database", $0] } ?? []) + options
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        lock.withLock { current = process }
        let connection = LoopbackConnection(port: UInt16(port))
        for _ in 0..<600 {
            if let reply = try? connection.request("GET", "/healthz"), reply.status == 200 { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
        throw ServeBenchError("the server did not answer /healthz within 6 s")
    }

    /// SIGKILL: no handler runs, no request finishes.
    func kill() {
        guard let process else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        guard let process else { return }
        Glibc.kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }
}

struct ServeBenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
