/// The anatomical plane a slice lies in.
public enum SliceAxis: String, Sendable, CaseIterable, Codable {
    /// Perpendicular to the superior axis (slices from feet to head).
    case axial
    /// Perpendicular to the anterior axis.
    case coronal
    /// Perpendicular to the left-right axis.
    case sagittal

    /// The world axis (0 = R, 1 = A, 2 = S) the plane is perpendicular to.
    var worldAxis: Int {
        switch self {
        case .axial: 2
        case .coronal: 1
        case .sagittal: 0
        }
    }

    /// World axes shown across (columns) and down (rows), with whether the screen direction runs
    /// against the world axis: radiological convention, patient's right on the viewer's left, head and front up.
    var screenAxes: (columns: (axis: Int, reversed: Bool), rows: (axis: Int, reversed: Bool)) {
        switch self {
        case .axial: ((0, true), (1, true))
        case .coronal: ((0, true), (2, true))
        case .sagittal: ((1, true), (2, true))
        }
    }
}
