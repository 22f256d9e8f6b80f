import Diagnostics

extension VolumeError {
    /// The message located in the file under the name its uploader knows (`case1.nii.gz, field dim[3]: …`), for
    /// errors about files unpacked to a server folder whose path the uploader must not see.
    public func described(as name: String) -> String {
        location.withFile(name).describing(message)
    }
}
