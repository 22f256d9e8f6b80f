/// What one pass over an image archive's tar keeps: every member's size and header offset, symbolic links, and the
/// bytes of members that may be documents (never more than the budget allows), so the documents can be read in any
/// order the archive stores them. Layers are passed over unread.
struct ContainerImageMembers: ArchiveMemberSink {
    /// A regular member: its size and where its header starts in the tar stream.
    struct Member {
        let size: Int
        let headerOffset: Int
    }

    /// Names always kept when small enough: the top-level documents of both formats.
    static let topLevelDocuments: Set<String> = ["manifest.json", "index.json", "oci-layout", "repositories"]

    let budget: ContainerImageBudget
    let file: String
    /// Members a later pass must keep whatever their name (documents found to be needed after the first pass).
    var wanted: Set<String> = []
    private(set) var members: [String: Member] = [:]
    private(set) var links: [String: String] = [:]
    private(set) var documents: [String: [UInt8]] = [:]
    private var bufferedBytes = 0
    private var current: String?
    private var bytes: [UInt8] = []

    init(budget: ContainerImageBudget, file: String) {
        self.budget = budget
        self.file = file
    }

    mutating func wants(_ path: String, size: Int, headerOffset: Int) throws -> Bool {
        members[path] = Member(size: size, headerOffset: headerOffset)
        guard documents[path] == nil else { return false }
        if Self.topLevelDocuments.contains(path) || wanted.contains(path) {
            guard size <= budget.maxDocumentBytes else { throw oversized(path, size: size, at: headerOffset) }
            return true
        }
        let mayBeDocument = path.hasSuffix(".json") || path.hasPrefix("blobs/")
        guard mayBeDocument, size <= budget.maxDocumentBytes, bufferedBytes + size <= budget.maxBufferedBytes else { return false }
        bufferedBytes += size
        return true
    }

    mutating func begin(_ path: String) {
        current = path
        bytes = []
        bytes.reserveCapacity(members[path]?.size ?? 0)
    }

    mutating func write(_ chunk: UnsafeRawBufferPointer) { bytes.append(contentsOf: chunk) }

    mutating func end() {
        if let current { documents[current] = bytes }
        current = nil
        bytes = []
    }

    var acceptsLinks: Bool { true }

    mutating func link(_ path: String, target: String, headerOffset: Int) {
        links[path] = target
        members[path] = Member(size: 0, headerOffset: headerOffset)
    }

    /// The error for a document over `maxDocumentBytes`, from its header's size.
    func oversized(_ path: String, size: Int, at offset: Int) -> ContainerImageError {
        ContainerImageError(file: file, byteOffset: Int64(offset),
                            "\(path) is \(ContainerImageError.size(size)), over the \(ContainerImageError.size(budget.maxDocumentBytes)) budget for an image document")
    }
}
