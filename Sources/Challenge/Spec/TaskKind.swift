/// What participants predict; each kind has its own prediction format and metrics.
public enum TaskKind: String, Sendable, Codable, CaseIterable {
    /// One class per whole-slide image, as in the 2020 cervical-biopsy challenge.
    case slideClassification = "slide-classification"
}
