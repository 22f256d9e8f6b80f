import Foundation
import Scoring

/// Which teams cannot be told apart from the leader, and the pairwise tests behind a significance map:
/// one-sided Wilcoxon signed-rank tests over the cases both entries have, Holm-adjusted.
public struct Significance: Sendable, Equatable {
    /// Teams (by name) not significantly worse than the leader at `alpha`, the leader included.
    public let firstPlaceGroup: Set<String>
    /// Teams of the map, in rank order (the top of the board: pairwise tests grow with the square of teams).
    public let mapTeams: [String]
    /// `adjusted[i][j]`: Holm-adjusted p-value that team i is better than team j (nil on the diagonal or when undefined).
    public let adjusted: [[Double?]]
    public let alpha: Double

    /// Most teams a map shows.
    public static let mapLimit = 30

    /// `values[team][case]` of the ranking metric for teams in rank order (leader first).
    init(teams: [String], values: [[Double?]], direction: MetricDirection, alpha: Double = 0.05) throws {
        self.alpha = alpha
        let table = try ScoreTable(metrics: [MetricScores(name: "primary", direction: direction, values: values)])
        let group = try table.firstPlaceGroup(metric: 0, reference: 0, alpha: alpha)
        firstPlaceGroup = Set(teams.indices.filter { group.members[$0] }.map { teams[$0] })
        let shown = Array(teams.indices.prefix(Self.mapLimit))
        mapTeams = shown.map { teams[$0] }
        let alternative: TestAlternative = direction == .higherIsBetter ? .greater : .less
        var raw: [Double] = []
        var slots: [(Int, Int)] = []
        for i in shown {
            for j in shown where j != i {
                let pairs = zip(values[i], values[j]).compactMap { a, b in a.flatMap { x in b.map { (x, $0) } } }
                guard let test = try? WilcoxonSignedRank(pairs.map(\.0), pairs.map(\.1), alternative: alternative), test.pValue.isFinite else { continue }
                raw.append(test.pValue)
                slots.append((i, j))
            }
        }
        let holm = (try? HolmAdjustment.adjust(raw)) ?? raw
        var matrix = [[Double?]](repeating: [Double?](repeating: nil, count: shown.count), count: shown.count)
        for ((i, j), p) in zip(slots, holm) { matrix[i][j] = p }
        adjusted = matrix
    }
}
