import Foundation

/// What `arbiter <subcommands…> --help` says a command takes: its subcommands and its option names.
struct ArbiterHelp: Sendable {
    let subcommands: Set<String>
    let options: Set<String>
    /// Whether one of the subcommands runs when none is named.
    let hasDefaultSubcommand: Bool

    /// Runs the built binary for the help of the command `path` names (empty: `arbiter` itself).
    static func of(_ path: [String]) async throws -> ArbiterHelp {
        let run = try await ArbiterBinary.run(path + ["--help"])
        guard run.status == 0 else { throw HelpUnavailable(path: path, stderr: run.stderr) }
        return ArbiterHelp(parsing: run.stdout)
    }

    /// Reads ArgumentParser's help layout: sections headed `OPTIONS:` and `SUBCOMMANDS:`, one entry a line, the names
    /// in the first column (before a gap of two spaces), continuation lines of help text indented further.
    init(parsing text: String) {
        var section = ""
        var subcommands: Set<String> = [], options: Set<String> = []
        var hasDefault = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first != " ", line.hasSuffix(":") || line.contains(": ") {
                section = String(line.prefix { $0 != ":" })
                continue
            }
            let entry = line.drop { $0 == " " }
            let firstColumn = entry.components(separatedBy: "  ")[0]
            let isEntry = line.hasPrefix("  ") && !line.hasPrefix("    ")
            if section == "SUBCOMMANDS", isEntry, let name = firstColumn.split(separator: " ").first {
                subcommands.insert(String(name))
                hasDefault = hasDefault || firstColumn.contains("(default)")
            } else if section.hasSuffix("OPTIONS"), entry.hasPrefix("-") {
                options.formUnion(Self.optionNames(in: firstColumn))
            }
        }
        self.subcommands = subcommands
        self.options = options
        hasDefaultSubcommand = hasDefault
    }

    /// `-h, --help` gives `-h` and `--help`; `--data-dir <data-dir>` gives `--data-dir`; `--x/--no-x` gives both.
    private static func optionNames(in column: String) -> [String] {
        column.split(whereSeparator: { " ,/".contains($0) })
            .filter { $0.hasPrefix("-") }
            .map(String.init)
    }
}

/// `arbiter … --help` failed: the subcommand path is not one the binary has.
struct HelpUnavailable: Error, CustomStringConvertible {
    let path: [String]
    let stderr: String
    var description: String { "`arbiter \(path.joined(separator: " ")) --help` failed: \(stderr)" }
}
