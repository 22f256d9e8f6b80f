import Testing
@testable import Runner

/// The settings file: every key, defaults, and errors that name the key and line.
@Suite("Container engine settings")
struct ContainerEngineSettingsTests {
    @Test func readsEveryKey() throws {
        let yaml = """
            podman: /usr/bin/podman
            global-options: [--runtime, runc]
            run-options:
              - --ulimit
              - nofile=1024:1024
            user: "1000:1000"
            gpu-devices: [nvidia.com/gpu=0]
            """
        let settings = try ContainerEngineSettings.parse(yaml, file: "runner.yaml")
        #expect(settings == ContainerEngineSettings(
            podman: "/usr/bin/podman", globalOptions: ["--runtime", "runc"], runOptions: ["--ulimit", "nofile=1024:1024"],
            user: "1000:1000", gpuDevices: ["nvidia.com/gpu=0"]))
    }

    @Test func missingKeysTakeTheDefaults() throws {
        #expect(try ContainerEngineSettings.parse("user: \"1:1\"\n", file: "runner.yaml") == ContainerEngineSettings(user: "1:1"))
    }

    @Test func unknownKeyIsAnErrorNamingItAndItsLine() {
        let yaml = "podman: podman\nrun-option: [--ulimit]\n"
        let error = #expect(throws: ContainerSettingsError.self) { try ContainerEngineSettings.parse(yaml, file: "runner.yaml") }
        #expect(error?.line == 2)
        #expect(error?.description.hasPrefix("runner.yaml, line 2: run-option: unknown key \"run-option\"") == true)
    }

    @Test func optionsThatAreNotAListAreAnError() {
        let error = #expect(throws: ContainerSettingsError.self) {
            try ContainerEngineSettings.parse("global-options: --runtime runc\n", file: "runner.yaml")
        }
        #expect(error?.description.contains("global-options: expected a list of strings") == true)
    }

    @Test func runOptionThatWidensTheConfinementIsAnError() {
        let error = #expect(throws: ContainerSettingsError.self) {
            try ContainerEngineSettings.parse("user: \"1:1\"\nrun-options: [--ulimit, nofile=1024:1024, --cap-add=ALL]\n", file: "runner.yaml")
        }
        #expect(error?.line == 2)
        #expect(error?.description.contains("--cap-add=ALL") == true)
    }

    @Test func repositorySettingsFileLoads() throws {
        let settings = try ContainerEngineSettings.load(path: PodmanTestHost.settingsPath)
        #expect(settings.user == "65534:65534")
    }
}
