/// One case's ground truth as a file: a label volume, a mask, or a slide's outlines as JSON.
public struct LesionTruthFile: Sendable, Equatable {
    public let caseID: String
    public let split: Split
    public let fileName: String
    public let bytes: [UInt8]

    public init(caseID: String, split: Split, fileName: String, bytes: [UInt8]) {
        self.caseID = caseID
        self.split = split
        self.fileName = fileName
        self.bytes = bytes
    }
}
