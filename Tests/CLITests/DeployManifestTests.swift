import Foundation
import Testing
import Yams

/// The Kubernetes manifests and Slurm scripts under `deploy/` parse, and they (and the shell blocks of its Markdown)
/// run `arbiter` only with subcommands and options the built binary has; the checker itself catches a made-up option
/// and subcommand.
@Suite struct DeployManifestTests {
    @Test func everyYAMLDocumentUnderDeployParses() throws {
        #expect(!DeployFiles.yaml.isEmpty)
        for file in DeployFiles.yaml {
            let documents = try YAMLDocuments.parse(try String(contentsOf: file, encoding: .utf8))
            #expect(documents.allSatisfy { $0 is [String: Any] }, "\(DeployFiles.name(file)) holds a document that is no mapping")
        }
    }

    @Test func everyKubernetesDocumentNamesItsAPIVersionAndKind() throws {
        for file in DeployFiles.yaml where file.path.contains("/kubernetes/") {
            for document in try YAMLDocuments.parse(try String(contentsOf: file, encoding: .utf8)) {
                let mapping = document as? [String: Any]
                #expect(mapping?["apiVersion"] is String && mapping?["kind"] is String, "\(DeployFiles.name(file))")
            }
        }
    }

    @Test func deployFilesRunTheServerJudgesTilingAndReJudging() throws {
        let commands = try Self.invocations().map { $0.words.prefix(2).joined(separator: " ") }
        for expected in ["serve --host", "judge --watch", "tile /slides/*.svs", "tile ${slides[@]}", "phase rejudge"] {
            #expect(commands.contains(expected), "no `arbiter \(expected)…` found in deploy/")
        }
    }

    @Test func everyArbiterInvocationUnderDeployUsesOnlyOptionsTheBinaryHas() async throws {
        var check = InvocationCheck()
        for invocation in try Self.invocations() {
            for problem in try await check.problems(in: invocation) { Issue.record(Comment(rawValue: problem)) }
        }
    }

    @Test func tilingJobShardsAsManyWaysAsItHasCompletions() throws {
        let file = DeployFiles.folder.appendingPathComponent("kubernetes/tile-job.yaml")
        let job = try Yams.load(yaml: try String(contentsOf: file, encoding: .utf8)) as? [String: Any]
        let spec = job?["spec"] as? [String: Any]
        let tile = try ArbiterInvocation.found(inYAML: try String(contentsOf: file, encoding: .utf8), source: "tile-job.yaml")
        #expect(spec?["completionMode"] as? String == "Indexed")
        #expect(tile.count == 1 && Self.value(of: "--shard", in: tile[0]) == "auto")
        #expect(tile.count == 1 && Self.value(of: "--shards", in: tile[0]).flatMap(Int.init) == spec?["completions"] as? Int)
    }

    @Test func checkerReportsAnOptionTheSubcommandDoesNotHave() async throws {
        let manifest = """
            spec:
              containers:
                - command: ["arbiter", "tile", "a.svs", "--out", "/tiles", "--shard", "auto", "--shards", "4", "--frobnicate"]
            """
        var check = InvocationCheck()
        let problems = try await check.problems(in: try ArbiterInvocation.found(inYAML: manifest, source: "made-up")[0])
        #expect(problems.count == 1 && problems[0].contains("`arbiter tile` has no option --frobnicate"), "\(problems)")
    }

    @Test func checkerReportsASubcommandTheBinaryDoesNotHave() async throws {
        var check = InvocationCheck()
        let invocation = ArbiterInvocation.found(inShell: "exec arbiter phase rejudje demo final", source: "made-up")[0]
        let problems = try await check.problems(in: invocation)
        #expect(problems.count == 1 && problems[0].contains("\"rejudje\" is not a subcommand of `arbiter phase`"), "\(problems)")
    }

    @Test func checkerAcceptsOptionsOfTheSubcommandAndOfItsOptionGroups() async throws {
        var check = InvocationCheck()
        let script = "arbiter judge --watch --data-dir /data --database=postgres://x --concurrency 4 --job-memory-limit 8192"
        #expect(try await check.problems(in: ArbiterInvocation.found(inShell: script, source: "made-up")[0]).isEmpty)
    }

    @Test func shellCommandsAreFoundInsideShCAndAcrossContinuationLines() throws {
        let manifest = """
            command: ["sh", "-c"]
            args:
              - |
                # arbiter --not-this-comment
                set -e; exec arbiter tile "/slides/a b.svs" \\
                  --shard auto --shards 8
            """
        let words = try ArbiterInvocation.found(inYAML: manifest, source: "made-up").map(\.words)
        #expect(words == [["tile", "/slides/a b.svs", "--shard", "auto", "--shards", "8"]])
    }

    @Test func markdownCommandsComeOnlyFromShellBlocks() {
        let text = "```sh\narbiter doctor --data-dir /data\n```\n\n```\narbiter output --not-a-command\n```\n"
        #expect(DeployFiles.shellBlocks(inMarkdown: text) == ["arbiter doctor --data-dir /data"])
    }

    @Test func aBrokenLaterDocumentIsAnError() {
        #expect(throws: (any Error).self) { try YAMLDocuments.parse("kind: Service\n---\ncommand: [arbiter, serve\n") }
    }

    /// Every `arbiter …` in the YAML manifests and the scripts under `deploy/`.
    static func invocations() throws -> [ArbiterInvocation] {
        let manifests = try DeployFiles.yaml.flatMap { file in
            try ArbiterInvocation.found(inYAML: try String(contentsOf: file, encoding: .utf8), source: DeployFiles.name(file))
        }
        let scripts = try DeployFiles.scripts.flatMap { file in
            ArbiterInvocation.found(inShell: try String(contentsOf: file, encoding: .utf8), source: DeployFiles.name(file))
        }
        let documentation = try DeployFiles.markdown.flatMap { file in
            DeployFiles.shellBlocks(inMarkdown: try String(contentsOf: file, encoding: .utf8)).flatMap {
                ArbiterInvocation.found(inShell: $0, source: DeployFiles.name(file))
            }
        }
        return manifests + scripts + documentation
    }

    /// The word after the option (or after its `=`).
    static func value(of option: String, in invocation: ArbiterInvocation) -> String? {
        if let joined = invocation.words.first(where: { $0.hasPrefix(option + "=") }) {
            return String(joined.dropFirst(option.count + 1))
        }
        guard let index = invocation.words.firstIndex(of: option), index + 1 < invocation.words.count else { return nil }
        return invocation.words[index + 1]
    }
}
