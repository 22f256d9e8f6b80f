/// The organisers' log of a job: every run's standard output and error in order, capped (1 MiB by default).
struct RunLog {
    let limit: Int
    private(set) var bytes: [UInt8] = []
    private(set) var truncated = false

    init(limit: Int) {
        self.limit = limit
    }

    mutating func append(_ chunk: [UInt8], truncated chunkTruncated: Bool = false) {
        let room = max(0, limit - bytes.count)
        bytes.append(contentsOf: chunk.prefix(room))
        if chunk.count > room || chunkTruncated, !truncated {
            truncated = true
            let note = Array("\n[log truncated at \(limit) bytes]\n".utf8)
            bytes.append(contentsOf: note)
        }
    }
}
