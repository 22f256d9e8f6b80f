/// The refusal every adapter gives for removing an item that has been in the adjudication queue: its disputes and
/// decisions are append-only and name it.
enum StudyItemRemoval {
    static func disputed(_ itemID: String, disputes: Int, study: StoredStudy) -> StoreError {
        .invalidStudyChange(
            study: study.name, reason: "item \"\(itemID)\" has \(disputes) dispute\(disputes == 1 ? "" : "s") and cannot be removed")
    }
}
