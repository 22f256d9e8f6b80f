import Foundation

/// The colour pairs a style sheet declares and what is wrong with them. The sheet keeps every colour as a custom
/// property in `:root` and lists, in a comment, each pair the pages draw:
///
///     contrast: --text on --page 4.5
///     decorative: --rule
///
/// A problem is a pair below its ratio, a pair naming an unknown property, a colour property in no pair and not
/// declared decorative, or a colour written outside `:root` (it would escape the check).
public struct StyleSheetContrast {
    public struct Pair: Equatable {
        public let foreground: String
        public let background: String
        public let least: Double
    }

    public let colours: [String: String]
    public let pairs: [Pair]
    public let decorative: Set<String>
    public let coloursOutsideRoot: [String]

    public init(css: String) {
        let root = css.firstMatch(of: /:root\s*\{([^}]*)\}/)
        var colours: [String: String] = [:]
        for match in String(root?.1 ?? "").matches(of: /(--[\w-]+)\s*:\s*(#[0-9a-fA-F]{3,6})\s*;/) {
            colours[String(match.1)] = String(match.2).lowercased()
        }
        self.colours = colours
        pairs = css.matches(of: /contrast:\s*(--[\w-]+)\s+on\s+(--[\w-]+)\s+([0-9.]+)/).map {
            Pair(foreground: String($0.1), background: String($0.2), least: Double(String($0.3)) ?? .infinity)
        }
        decorative = Set(css.matches(of: /decorative:\s*(--[\w-]+)/).map { String($0.1) })
        var rest = css.replacing(/\/\*[\s\S]*?\*\//, with: "")
        if let root = rest.firstMatch(of: /:root\s*\{[^}]*\}/) { rest.removeSubrange(root.range) }
        coloursOutsideRoot = rest.matches(of: /#[0-9a-fA-F]{3,6}\b|\b(?:rgba?|hsla?)\(/).map { String($0.0) }
    }

    /// Every problem, one sentence each; empty when the sheet meets WCAG AA as declared.
    public var problems: [String] {
        var problems = coloursOutsideRoot.map { "colour \($0) is written outside :root, so no pair checks it" }
        for pair in pairs {
            guard let foreground = colours[pair.foreground], let background = colours[pair.background],
                  let ratio = WCAGContrast.ratio(foreground, background)
            else {
                problems.append("\(pair.foreground) on \(pair.background): not a colour declared in :root")
                continue
            }
            if ratio < pair.least {
                problems.append("\(pair.foreground) (\(foreground)) on \(pair.background) (\(background)): \(String(format: "%.2f", ratio)):1, needs \(pair.least):1")
            }
        }
        let named = Set(pairs.flatMap { [$0.foreground, $0.background] }).union(decorative)
        for name in colours.keys.sorted() where !named.contains(name) {
            problems.append("\(name) is in no contrast pair and not declared decorative")
        }
        return problems
    }
}
