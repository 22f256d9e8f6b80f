/// How Krippendorff's alpha measures the distance between two categories (Stevens' levels of measurement).
public enum MeasurementLevel: String, Sendable, Hashable, CaseIterable, Codable {
    /// Categories are only equal or different: δ = 0 or 1.
    case nominal
    /// Categories are ordered, and two are as far apart as the pairable values between them (Krippendorff's ordinal
    /// metric): δ(c, k) = (Σ_{g=c…k} n_g − (n_c + n_k) / 2)² with n_g the pairable values in category g.
    case ordinal
    /// Categories are equally spaced numbers, their positions 0, 1, …: δ(c, k) = (c − k)².
    case interval
}
