import Geometry

/// F1 between readers' points: the points of two readers matched one to one, a pair allowed when the two points
/// lie within the radius of each other, as many pairs as possible; then 2M / (|A| + |B|) with M the pairs matched,
/// 1 when neither reader placed a point (see `OverlapCounts.value`).
///
/// Within the radius is inclusive: points exactly `radius` apart may match, decided as dx² + dy² ≤ radius² in
/// Double. The largest matching is found by `LinearSumAssignment` (scipy's `linear_sum_assignment`) on costs of −1
/// for an allowed pair and 0 otherwise, over the points with at least one allowed partner; its cost is −M.
public enum PointAgreement {
    /// F1 of every pair of readers of every item of `reads`, within `radius` level-0 pixels; with `className`,
    /// only the points of that class count. Throws for a negative, NaN or infinite radius.
    public static func agreement(
        _ reads: ShapeReads, radius: Double, className: String? = nil
    ) throws(AgreementError) -> ShapeAgreement {
        guard radius.isFinite, radius >= 0 else { throw .radiusOutOfRange(radius) }
        return ShapeAgreement.pairwise(reads, statistic: .pointF1(radius: radius, className: className)) { item, pairs in
            pairs.map { pair in
                counts(
                    points(reads.read(item: item, reader: pair.readerA)!.points, className: className),
                    points(reads.read(item: item, reader: pair.readerB)!.points, className: className),
                    radius: radius, readerA: pair.readerA, readerB: pair.readerB)
            }
        }
    }

    /// The radius in level-0 pixels of `micrometres` on a slide of `micronsPerPixel` at level 0: µm / mpp. Throws
    /// for a radius that is negative or not finite, or a pixel size that is not positive and finite.
    public static func radius(micrometres: Double, micronsPerPixel: Double) throws(AgreementError) -> Double {
        guard micronsPerPixel.isFinite, micronsPerPixel > 0 else { throw .pixelSizeOutOfRange(micronsPerPixel) }
        guard micrometres.isFinite, micrometres >= 0 else { throw .radiusOutOfRange(micrometres) }
        return micrometres / micronsPerPixel
    }

    /// The number of pairs in a largest one-to-one matching of `a` with `b` within `radius`.
    public static func matchCount(_ a: [PlanePoint], _ b: [PlanePoint], radius: Double) -> Int {
        let limit = radius * radius
        let allowed = a.map { p in b.map { q in (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) <= limit } }
        let rows = a.indices.filter { allowed[$0].contains(true) }
        let columns = b.indices.filter { column in rows.contains { allowed[$0][column] } }
        guard !rows.isEmpty else { return 0 }
        let cost = rows.map { row in columns.map { allowed[row][$0] ? -1.0 : 0.0 } }
        return LinearSumAssignment.solve(cost).count { allowed[rows[$0.row]][columns[$0.column]] }
    }

    static func counts(_ a: [PlanePoint], _ b: [PlanePoint], radius: Double, readerA: Int, readerB: Int) -> OverlapCounts {
        OverlapCounts(
            readerA: readerA, readerB: readerB, shared: matchCount(a, b, radius: radius), countA: a.count, countB: b.count)
    }

    static func points(_ points: [ClassedPoint], className: String?) -> [PlanePoint] {
        points.filter { className == nil || $0.className == className }.map(\.point)
    }
}
