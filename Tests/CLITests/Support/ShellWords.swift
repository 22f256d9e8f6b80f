/// Splits shell text into simple commands, each as its words: enough of the shell's grammar for the deploy scripts and
/// `sh -c` strings (quotes, backslash line continuations, comments, `;`, `&&`, `||`, `|`), not a shell.
/// Expansions (`$OUT`, `"${slides[@]}"`) are kept as written: the flag check only needs the words that start with `-`.
struct ShellWords {
    private(set) var commands: [[String]] = []
    private var words: [String] = []
    private var word: String?

    init(_ script: String) {
        var characters = Array(script)[...]
        while let character = characters.popFirst() {
            switch character {
            case "'", "\"": append(Self.quoted(until: character, in: &characters))
            case "\\": if let next = characters.popFirst(), next != "\n" { append(String(next)) }
            case "#" where word == nil: characters = characters.drop { $0 != "\n" }
            case "\n", ";", "&", "|": endCommand()
            case " ", "\t": endWord()
            default: append(String(character))
            }
        }
        endCommand()
    }

    /// The text up to the closing quote (a backslash escapes the next character inside double quotes only).
    private static func quoted(until quote: Character, in characters: inout ArraySlice<Character>) -> String {
        var text = ""
        while let character = characters.popFirst(), character != quote {
            let escaped = character == "\\" && quote == "\"" ? characters.popFirst() : nil
            text.append(escaped ?? character)
        }
        return text
    }

    private mutating func append(_ text: String) { word = (word ?? "") + text }

    private mutating func endWord() {
        if let word { words.append(word) }
        word = nil
    }

    private mutating func endCommand() {
        endWord()
        if !words.isEmpty { commands.append(words) }
        words = []
    }
}
