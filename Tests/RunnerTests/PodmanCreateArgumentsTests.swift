import Testing
@testable import Runner

/// The `podman create` command line, checked without podman: the confinement is always there and comes last.
@Suite("Podman create arguments")
struct PodmanCreateArgumentsTests {
    let settings = ContainerEngineSettings(runOptions: ["--ulimit", "nofile=1024:1024", "--network", "host"], gpuDevices: ["nvidia.com/gpu=0"])

    func invocation(gpus: Int = 0) -> ContainerInvocation {
        ContainerInvocation(
            name: "arbiter-run-17-2", labels: ["arbiter.job": "17"], image: "sha256:abc", command: ["/bin/sh", "-c", "true"],
            mounts: [ContainerMount(hostPath: "/data/cases", containerPath: "/input")], outputFolder: "/runs/17/output",
            limits: ContainerLimits(
                wallSeconds: 60, memoryBytes: 1 << 30, cpus: 2, processes: 128, outputBytes: 1 << 26, tmpBytes: 1 << 28,
                gpus: gpus),
            environment: ["CASES": "/input"])
    }

    @Test func everyRunIsConfinedAfterTheHostsRunOptions() throws {
        let arguments = try PodmanCreateArguments.make(invocation(), settings: settings)
        let joined = arguments.joined(separator: " ")
        for expected in [
            "--network none", "--read-only", "--read-only-tmpfs=false", "--cap-drop all", "--security-opt no-new-privileges",
            "--user 65534:65534", "--image-volume ignore", "--pull never", "--pids-limit 128", "--memory 1073741824",
            "--memory-swap 1073741824", "--cpus 2.0", "--tmpfs /tmp:rw,size=268435456,mode=1777,U", "--ulimit fsize=67108864",
            "--mount type=bind,source=/data/cases,destination=/input,readonly",
            "--mount type=bind,source=/runs/17/output,destination=/output ", "--label arbiter.job=17", "--env CASES=/input",
            "--entrypoint [\"/bin/sh\"] -- sha256:abc -c true",
        ] {
            #expect(joined.contains(expected), "missing \(expected)")
        }
        #expect(!arguments.contains("--privileged"))
        // Run options come first and the engine's confinement after (settings refuse `--network` in run options; were
        // one to slip through, podman refuses host and none together rather than pick one).
        let networks = arguments.indices.filter { arguments[$0] == "--network" }
        #expect(networks.count == 2 && arguments[networks.last! + 1] == "none")
    }

    @Test func gpusAreTheHostsFirstDevices() throws {
        let arguments = try PodmanCreateArguments.make(invocation(gpus: 1), settings: settings)
        #expect(arguments.joined(separator: " ").contains("--device nvidia.com/gpu=0"))
        #expect(throws: ContainerEngineError.self) { try PodmanCreateArguments.make(invocation(gpus: 2), settings: settings) }
    }

    @Test func labelOrEnvironmentNameWithAnEqualsSignIsRefused() {
        var labelled = invocation()
        labelled.labels = ["a=b": "c"]
        #expect(throws: ContainerEngineError.self) { try PodmanCreateArguments.make(labelled, settings: settings) }
        var environment = invocation()
        environment.environment = ["A=B": "c"]
        #expect(throws: ContainerEngineError.self) { try PodmanCreateArguments.make(environment, settings: settings) }
    }
}
