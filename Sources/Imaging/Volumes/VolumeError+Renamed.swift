extension VolumeError {
    /// The message located in the file under the name its uploader knows (`case1.nii.gz, field dim[3]: …`), for
    /// errors about files unpacked to a server folder whose path the uploader must not see.
    public func described(as name: String) -> String {
        var location = name
        if let field { location += ", field \(field)" }
        if let byteOffset { location += ", byte \(byteOffset)" }
        return "\(location): \(message)"
    }
}
