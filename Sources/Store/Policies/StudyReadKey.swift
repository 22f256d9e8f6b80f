/// The rule every adapter applies to a read whose idempotency key the reader used before.
enum StudyReadKey {
    /// The version stored under the key, when it was stored for the same assignment (a retried save); refused otherwise.
    static func earlier(_ stored: StudyRead, for read: NewStudyRead, study: StoredStudy) throws -> StudyRead {
        guard stored.itemID == read.itemID, stored.isRepeat == read.isRepeat else {
            throw StoreError.invalidStudyChange(
                study: study.name,
                reason: "reader \"\(read.reader)\" already used idempotency key \"\(read.idempotencyKey ?? "")\" for item \"\(stored.itemID)\"")
        }
        return stored
    }
}
