import ArgumentParser
import Foundation
import Runner
import Store

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run queued container submissions with Podman on their phase's hidden inputs, then queue their output for the judge.",
        discussion: """
            Each run has no network, a read-only root file system, no capabilities, a non-root user, the phase's memory, \
            CPU, process and time limits, the hidden inputs read-only at /input and a size-capped /output. How Podman is \
            called on this host (runtime, cgroup manager, ulimits, GPUs) comes from --engine-config; \
            deploy/podman/runner.yaml holds the settings for hosts with hybrid cgroups.
            """)

    @OptionGroup var data: DataDirectoryOption
    @Option(help: "The engine settings (YAML: podman, global-options, run-options, user, gpu-devices).") var engineConfig: String?
    @Flag(help: "Keep watching the queue instead of stopping when it is empty.") var watch = false
    @Option(help: "With --watch, the most seconds an idle runner waits before looking at the queue again.") var poll = 2.0
    @Option(help: "Seconds a claimed run stays this runner's without a heartbeat; a runner killed mid-run loses it after this.")
    var lease = 60.0
    @Option(help: "Claims a run may have before it is given up (each ended without a result: a crash or a lost lease).")
    var maxAttempts = JobQueue.defaultMaxAttempts
    @Option(help: "Folder for run workspaces (staged inputs, outputs); the system's temporary folder by default.") var scratch: String?

    func run() async throws {
        let settings = try engineConfig.map(ContainerEngineSettings.load(path:)) ?? ContainerEngineSettings()
        let store = try data.openStore()
        let host = ProcessInfo.processInfo.hostName
        let runner = ContainerRunner(
            store: store, engine: PodmanEngine(settings: settings), worker: "runner-\(host)-\(ProcessInfo.processInfo.processIdentifier)",
            scratch: scratch ?? FileManager.default.temporaryDirectory.path, leaseSeconds: lease, maxAttempts: max(1, maxAttempts))
        try runner.checkHost()
        if watch {
            print("runner \(runner.worker) watching the queue (Ctrl-C to stop; a run it holds is taken over after its lease)")
            while true {
                do {
                    try await runner.watch(poll: .milliseconds(Int(poll * 1000)))
                } catch {
                    // A busy database or a failing engine must not stop a long-running runner; its leases protect the jobs.
                    FileHandle.standardError.write(Data("runner: \(error); retrying\n".utf8))
                    try await Task.sleep(for: .milliseconds(Int(poll * 1000)))
                }
            }
        }
        var total = 0
        while try await runner.runPending() > 0 { total += 1 }
        print("ran \(total) container jobs")
    }
}

struct InputsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inputs", abstract: "Manage container phases' hidden per-case inputs (kept like truth: never served).",
        subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import per-case inputs from a folder or archive of <case_id>/<interface><ext>; any problem imports nothing.")

        @Argument(help: "Challenge slug.") var challenge: String
        @Argument(help: "A folder or zip/tar archive: one folder per case, one file per input interface.") var source: String
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let count = try CaseInputImport.run(source, challenge: challenge, store: try data.openStore(), now: Date())
            print("imported \(count) input files")
        }
    }
}
