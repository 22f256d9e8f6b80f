/// One command line that runs `arbiter`, as found in a deploy file: the words after the program's name.
struct ArbiterInvocation: Sendable, CustomStringConvertible {
    /// The file (and where in it) the invocation came from, for messages.
    let source: String
    /// The arguments after `arbiter`: subcommands, then options and arguments.
    let words: [String]

    var description: String { "arbiter \(words.joined(separator: " ")) (\(source))" }

    /// Every `arbiter …` command in shell text, wherever it stands in a command (`exec arbiter`, `srun arbiter`).
    static func found(inShell script: String, source: String) -> [ArbiterInvocation] {
        ShellWords(script).commands.compactMap { words in
            guard let program = words.firstIndex(where: isArbiter) else { return nil }
            return ArbiterInvocation(source: source, words: Array(words[(program + 1)...]))
        }
    }

    /// Every `arbiter …` a YAML file's containers run: `command` plus `args`, either naming `arbiter` directly or
    /// handing a script to `sh -c` / `bash -c`. Throws when a document does not parse.
    static func found(inYAML text: String, source: String) throws -> [ArbiterInvocation] {
        try YAMLDocuments.parse(text).enumerated().flatMap { index, document in
            found(in: document, source: "\(source), document \(index + 1)")
        }
    }

    private static func found(in node: Any?, source: String) -> [ArbiterInvocation] {
        if let list = node as? [Any] { return list.flatMap { found(in: $0, source: source) } }
        guard let mapping = node as? [String: Any] else { return [] }
        var invocations = mapping.values.flatMap { found(in: $0, source: source) }
        let argv = strings(mapping["command"]) + strings(mapping["args"])
        if let program = argv.first {
            if isArbiter(program) {
                invocations.append(ArbiterInvocation(source: source, words: Array(argv.dropFirst())))
            } else if isShell(program), argv.count > 2, argv[1] == "-c" {
                invocations += found(inShell: argv[2], source: source)
            }
        }
        return invocations
    }

    /// A list of scalars as strings (YAML reads `"8080"` as a string, `8080` as a number; both are words here).
    private static func strings(_ node: Any?) -> [String] {
        (node as? [Any])?.map { "\($0)" } ?? []
    }

    private static func isShell(_ program: String) -> Bool {
        ["sh", "bash"].contains(program.split(separator: "/").last.map(String.init))
    }

    static func isArbiter(_ word: String) -> Bool {
        word == "arbiter" || word.hasSuffix("/arbiter")
    }
}
