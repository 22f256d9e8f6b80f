/// Checks command lines against the built binary: each must name subcommands `arbiter` has and, after them, only
/// options that subcommand's `--help` lists. Help texts are asked for once per subcommand.
struct InvocationCheck {
    private var helps: [[String]: ArbiterHelp] = [:]

    /// What is wrong with the invocation, one sentence each; empty when the binary would accept its words.
    mutating func problems(in invocation: ArbiterInvocation) async throws -> [String] {
        var path: [String] = []
        var help = try await self.help(path)
        var rest = invocation.words[...]
        while let word = rest.first, help.subcommands.contains(word) {
            path.append(word)
            help = try await self.help(path)
            rest = rest.dropFirst()
        }
        let command = (["arbiter"] + path).joined(separator: " ")
        if !help.subcommands.isEmpty, !help.hasDefaultSubcommand {
            return ["\(invocation): \"\(rest.first ?? "")\" is not a subcommand of `\(command)`"]
        }
        return rest.filter(Self.isOption).compactMap { word in
            let name = String(word.prefix { $0 != "=" })
            return help.options.contains(name) ? nil : "\(invocation): `\(command)` has no option \(name)"
        }
    }

    /// Words that name an option: `-x`, `--name`, `--name=value`; not `-`, `--` or a negative number.
    static func isOption(_ word: String) -> Bool {
        word.hasPrefix("-") && word != "-" && word != "--" && Double(word) == nil
    }

    private mutating func help(_ path: [String]) async throws -> ArbiterHelp {
        if let known = helps[path] { return known }
        let help = try await ArbiterHelp.of(path)
        helps[path] = help
        return help
    }
}
