/// What a phase takes from teams.
public enum SubmissionKind: String, Sendable, Codable, CaseIterable {
    /// Prediction files, uploaded and validated at once.
    case predictions
    /// A container image (or a code package for the phase's runtime image) that Arbiter runs on the phase's hidden
    /// inputs; its output is validated and scored like an uploaded prediction file.
    case container
}
