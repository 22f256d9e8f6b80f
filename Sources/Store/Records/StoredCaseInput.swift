/// One hidden per-case input of a container phase (`arbiter inputs import`): kept like the truth, never served.
public struct StoredCaseInput: Sendable, Equatable {
    public let caseID: String
    /// The interface slug it is given to the container under.
    public let interface: String
    /// The imported file's name, whose extension the container sees (`.mha`, `.nii.gz`, `.json`, …).
    public let fileName: String
    public let sha256: String
    public let byteCount: Int

    public init(caseID: String, interface: String, fileName: String, sha256: String, byteCount: Int) {
        self.caseID = caseID
        self.interface = interface
        self.fileName = fileName
        self.sha256 = sha256
        self.byteCount = byteCount
    }
}
