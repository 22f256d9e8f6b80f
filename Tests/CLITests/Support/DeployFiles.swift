import Foundation
import TestSupport

/// The files under the repository's `deploy/` folder that run `arbiter`: YAML manifests, and scripts (any file whose
/// first line is a `#!` line).
enum DeployFiles {
    static let folder = RepositoryFiles.url("deploy")

    static var yaml: [URL] { all.filter { ["yaml", "yml"].contains($0.pathExtension) } }

    static var scripts: [URL] {
        all.filter { (try? Data(contentsOf: $0).prefix(2)) == Data("#!".utf8) }
    }

    static var markdown: [URL] { all.filter { $0.pathExtension == "md" } }

    /// The fenced blocks marked `sh`, `bash` or `shell` in Markdown text: the commands a reader is told to run.
    /// Blocks without a language (program output, URLs) and blocks in other languages are left out.
    static func shellBlocks(inMarkdown text: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let fence = line.trimmingCharacters(in: .whitespaces)
            if let lines = current {
                if fence.hasPrefix("```") {
                    blocks.append(lines.joined(separator: "\n"))
                    current = nil
                } else {
                    current = lines + [line]
                }
            } else if ["```sh", "```bash", "```shell"].contains(fence) {
                current = []
            }
        }
        return blocks
    }

    /// Every regular file under `deploy/`, in path order so failures read the same on every run.
    static var all: [URL] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        let files = (walker?.allObjects as? [URL] ?? []).filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The path below the repository root, for messages.
    static func name(_ file: URL) -> String {
        String(file.standardizedFileURL.path.dropFirst(RepositoryFiles.root.standardizedFileURL.path.count + 1))
    }
}
