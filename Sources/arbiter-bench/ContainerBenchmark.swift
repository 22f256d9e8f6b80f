import ArgumentParser
import ChildProcesses
import Challenge
import Evaluation
import Foundation
import Intake
import Judge
import Runner
import Store

/// The runner's cost: the overhead of one container run (start, teardown, collection) against a bare `podman run --rm`
/// of the same no-op image measured in the same run, then a whole per-case phase of `--cases` cases through the runner
/// and the judge, and the runner process's peak memory.
struct ContainerBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "containers", abstract: "Time container runs: per-run overhead, and a per-case phase end to end.")

    @Option(help: "The engine settings (YAML), e.g. deploy/podman/runner.yaml.") var engineConfig: String
    @Option(help: "A static busybox for the benchmark's image.") var busybox = "/bin/busybox"
    @Option(help: "No-op runs timed, each way; the median is reported.") var runs = 20
    @Option(help: "Cases of the end-to-end phase (one container run each).") var cases = 100

    func run() async throws {
        let settings = try ContainerEngineSettings.load(path: engineConfig)
        let engine = PodmanEngine(settings: settings)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-bench-containers-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let archive = folder + "/noop.tar"
        try BusyboxImage(busybox: busybox, script: "true\n", reference: "localhost/arbiter-bench-noop:1").write(to: archive)
        let image = try await engine.load(archive: archive)

        var ours: [Double] = [], bare: [Double] = []
        for index in 0..<runs {
            let output = folder + "/output-\(index)"
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: false)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: output)
            let invocation = ContainerInvocation(
                name: "arbiter-bench-\(index)-\(UUID().uuidString.prefix(6).lowercased())", labels: ["arbiter.bench": "1"], image: image,
                command: ["/bin/true"], mounts: [], outputFolder: output,
                limits: ContainerLimits(wallSeconds: 60, memoryBytes: 64 << 20, cpus: 1, processes: 32, outputBytes: 1 << 20, tmpBytes: 1 << 20))
            let clock = ContinuousClock(), started = clock.now
            let outcome = try await engine.run(invocation)
            ours.append(Stopwatch.seconds(clock.now - started))
            guard outcome.ending == .exited(code: 0) else { throw ValidationError("the no-op run ended \(outcome.ending)") }
            bare.append(try await Self.bareRun(settings: settings, image: image))
        }
        let (median, reference) = (Stopwatch.median(ours), Stopwatch.median(bare))
        print(String(format: "no-op run through the runner's engine: median %.3f s over %d runs; bare `podman run --rm`: %.3f s; ratio %.2fx (target < 0.5 s)",
                     median, runs, reference, median / reference))
        try await endToEnd(engine: engine, folder: folder)
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        print("peak memory of the benchmark process (runner and judge): \(usage.ru_maxrss / 1024) MiB")
        try? await engine.removeImage(image)
    }

    /// `podman run --rm IMAGE /bin/true` with the host's options and nothing else: what any runner pays.
    static func bareRun(settings: ContainerEngineSettings, image: String) async throws -> Double {
        let clock = ContinuousClock(), started = clock.now
        let result = try await ChildProcess(
            settings.podman, settings.globalOptions + ["run", "--rm"] + settings.runOptions + [image, "/bin/true"], outputLimit: 0).result()
        guard result.status == 0, !result.signalled else {
            throw ValidationError("podman run --rm failed with status \(result.status): \(result.errorText)")
        }
        return Stopwatch.seconds(clock.now - started)
    }

    /// A per-case classification phase of `cases` cases: each run reads its case's grade and writes it back.
    private func endToEnd(engine: PodmanEngine, folder: String) async throws {
        let store = try StoreFactory.open(database: nil, dataDirectory: URL(fileURLWithPath: folder + "/data"))
        let spec = try ChallengeSpecParser.parse(yaml: Self.spec, file: "challenge.yaml")
        guard let phase = spec.phase("hidden") else { throw ValidationError("the benchmark spec has no phase") }
        try store.registerChallenge(spec, now: phase.opens)
        var generator = SystemRandomNumberGenerator()
        let ids = (0..<cases).map { String(format: "case-%04d", $0) }
        let labels = ids.map { _ in Int.random(in: 0...2, using: &generator) }
        let truth = "case_id,label,split\n" + zip(ids, labels).enumerated().map { "\($1.0),\($1.1),\($0 % 4 == 0 ? "private" : "public")" }.joined(separator: "\n") + "\n"
        try store.importTruth(try TruthParser.parse(Array(truth.utf8), file: "truth.csv", task: spec.task), challenge: "bench",
                              fileSHA256: ContentDigest.sha256(Array(truth.utf8)), now: phase.opens)
        let inputs = folder + "/inputs"
        for (id, label) in zip(ids, labels) {
            try FileManager.default.createDirectory(atPath: inputs + "/" + id, withIntermediateDirectories: true)
            try Data("{\"grade\": \(label)}\n".utf8).write(to: URL(fileURLWithPath: inputs + "/" + id + "/slide.json"))
        }
        try CaseInputImport.run(inputs, challenge: "bench", store: store, now: phase.opens)
        let model = folder + "/model.tar"
        try BusyboxImage(busybox: busybox, script: """
            g=$(sed -n 's/.*"grade": *\\([0-9]\\).*/\\1/p' /input/slide.json)
            echo "{\\"label\\": \\"$g\\"}" > /output/grade.json
            """, reference: "localhost/arbiter-bench-model:1").write(to: model)
        let team = try store.addTeam(challenge: "bench", name: "bench", now: phase.opens).token
        try SubmissionIntake(store: store).submit(challenge: "bench", phase: "hidden", token: team, fileName: "model.tar",
                                                  bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: model))),
                                                  now: phase.opens.addingTimeInterval(60))
        let runner = ContainerRunner(store: store, engine: engine, worker: "bench", scratch: folder)
        let clock = ContinuousClock(), started = clock.now
        guard try await runner.runPending() == 1 else { throw ValidationError("the runner found no job") }
        let ran = Stopwatch.seconds(clock.now - started)
        let judged = try await Judge(store: store).drain()
        let total = Stopwatch.seconds(clock.now - started)
        guard judged.scored == 1 else { throw ValidationError("the run's output was not scored: \(judged)") }
        print(String(format: "per-case phase of %d cases: runner %.2f s (%.3f s a case), runner and judge %.2f s", cases, ran, ran / Double(cases), total))
    }

    static let spec = """
        schema: 1
        slug: bench
        title: Container benchmark
        task:
          kind: slide-classification
          classes: [{ id: "0", name: zero }, { id: "1", name: one }, { id: "2", name: two }]
        metrics:
          primary: accuracy
        phases:
          - slug: hidden
            opens: 2026-01-01T00:00:00Z
            closes: 2036-01-01T00:00:00Z
            cases: [public, private]
            public-split: public
            private-split: private
            submission: container
            container:
              layout: per-case
              inputs: { slide: value }
              outputs: { grade: value }
              scored-output: grade
              limits: { case-time: 30s, run-time: 1h, memory: 64MB, output-size: 1MB, image-size: 16MB }
        """
}
