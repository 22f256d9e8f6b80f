import Geometry

/// F1 between readers' points: the points of two readers matched one to one, a pair allowed when the two points
/// lie within the radius of each other, as many pairs as possible; then 2M / (|A| + |B|) with M the pairs matched,
/// 1 when neither reader placed a point (see `OverlapCounts.value`).
///
/// Within the radius is inclusive: points exactly `radius` apart may match, decided as dx² + dy² ≤ radius² in
/// Double. The largest matching is found by `LinearSumAssignment` (scipy's `linear_sum_assignment`) on costs of −1
/// for an allowed pair and 0 otherwise, one connected group of allowed pairs at a time; its cost is −M.
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
    ///
    /// Points only compete for partners within their group (a connected part of the graph of allowed pairs), so each
    /// group is matched on its own and the sizes added: thousands of cells on a tile make many small problems, not
    /// one cubic one.
    public static func matchCount(_ a: [PlanePoint], _ b: [PlanePoint], radius: Double) -> Int {
        let limit = radius * radius
        var edges: [(Int, Int)] = []
        for (i, p) in a.enumerated() {
            for (j, q) in b.enumerated() where (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) <= limit {
                edges.append((i, j))
            }
        }
        return groups(edges, aCount: a.count, bCount: b.count).reduce(0) { $0 + matchCount(group: $1) }
    }

    /// The allowed pairs split by connected group; a's points are 0..<aCount, b's are aCount..<aCount + bCount.
    private static func groups(_ edges: [(Int, Int)], aCount: Int, bCount: Int) -> [[(Int, Int)]] {
        var parent = Array(0..<(aCount + bCount))
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for (i, j) in edges {
            let (rootA, rootB) = (root(i), root(aCount + j))
            parent[rootA] = rootB
        }
        var byRoot: [Int: [(Int, Int)]] = [:]
        for edge in edges { byRoot[root(edge.0), default: []].append(edge) }
        return Array(byRoot.values)
    }

    /// A largest matching of one group of allowed pairs, by `LinearSumAssignment` on costs −1 (allowed) and 0.
    private static func matchCount(group: [(Int, Int)]) -> Int {
        let rows = Array(Set(group.map(\.0))).sorted()
        let columns = Array(Set(group.map(\.1))).sorted()
        guard rows.count > 1, columns.count > 1 else { return 1 }
        let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
        let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        var cost = [[Double]](repeating: [Double](repeating: 0, count: columns.count), count: rows.count)
        for (i, j) in group { cost[rowIndex[i]!][columnIndex[j]!] = -1 }
        return LinearSumAssignment.solve(cost).count { cost[$0.row][$0.column] < 0 }
    }

    static func counts(_ a: [PlanePoint], _ b: [PlanePoint], radius: Double, readerA: Int, readerB: Int) -> OverlapCounts {
        OverlapCounts(
            readerA: readerA, readerB: readerB, shared: matchCount(a, b, radius: radius), countA: a.count, countB: b.count)
    }

    static func points(_ points: [ClassedPoint], className: String?) -> [PlanePoint] {
        points.filter { className == nil || $0.className == className }.map(\.point)
    }
}
