import Foundation

extension TemporaryFolder {
    /// A symbolic link in the folder to a file elsewhere, under a name stripped of any directory part: a file read
    /// under the name its uploader gave it, without a copy.
    public func link(to target: String, name: String) throws -> String {
        let safeName = String(name.split(separator: "/").last ?? "file").replacingOccurrences(of: "..", with: "_")
        let link = path + "/" + safeName
        guard symlink(target, link) == 0 else {
            throw CaseFilesError(path: safeName, "cannot link the upload: \(String(cString: strerror(errno)))")
        }
        return link
    }
}
