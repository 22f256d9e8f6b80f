import Foundation

/// The leaderboard template and the demo challenges, copied into the binary's resource bundle so that commands whose
/// defaults name repository folders (`Leaderboard`, `Challenges/tissuenet-demo`, `Fixtures/tissuenet-demo`) work from
/// any folder.
///
/// The bundle holds `Leaderboard/`, `Challenges/<name>/` and, because SwiftPM copies a folder under its last path
/// component, each `Fixtures/<name>-demo/` as `<name>-demo/`.
public enum BuiltInFiles {
    /// `path` when it exists (relative to the working folder, or absolute); otherwise the built-in copy of that
    /// repository path if there is one; otherwise `path` unchanged, so the caller reports it missing as before.
    public static func resolve(_ path: String) -> String {
        guard !FileManager.default.fileExists(atPath: path), let copy = builtInCopy(of: path) else { return path }
        return copy
    }

    /// The built-in copy of a repository-relative path such as `Leaderboard` or `Fixtures/picai-demo`, if it exists.
    public static func builtInCopy(of path: String) -> String? {
        guard !path.hasPrefix("/"), let relative = bundleRelativePath(path) else { return nil }
        let copy = Bundle.module.bundleURL.appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: copy) ? copy : nil
    }

    /// `Fixtures/X` lives at the top of the bundle as `X`; `Leaderboard` and `Challenges/X` keep their repository paths.
    static func bundleRelativePath(_ path: String) -> String? {
        let components = path.split(separator: "/").filter { $0 != "." }
        guard let top = components.first, !components.contains("..") else { return nil }
        switch top {
        case "Leaderboard", "Challenges": return components.joined(separator: "/")
        case "Fixtures" where components.count > 1: return components.dropFirst().joined(separator: "/")
        default: return nil
        }
    }
}
