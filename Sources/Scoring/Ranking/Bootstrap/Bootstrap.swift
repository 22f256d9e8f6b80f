import Foundation
import Parallel

/// Bootstrap of a leaderboard: resample the cases with replacement, rank again with the same method,
/// and summarise how much each team's rank moves.
public enum Bootstrap {
    /// The number of resamples of a seeded plan unless told otherwise.
    public static let defaultResampleCount = 1000

    /// Ranks `table` with `method` on all cases and on every resample of `plan`.
    ///
    /// Missing values are handled on the full table first (the worst value observed for the metric, or
    /// the rank behind all teams with a value; see `RankingScheme`), so every resample uses the same
    /// stand-ins. Resamples run in parallel on up to `concurrency` child tasks; the result is identical
    /// for any `concurrency`. Throws `CancellationError` when the task is cancelled.
    public static func run(
        _ table: ScoreTable, method: RankingMethod = RankingMethod(), plan: BootstrapPlan,
        concurrency: Int = ParallelMap.cores
    ) async throws -> BootstrapResult {
        try plan.validate(caseCount: table.caseCount)
        let prepared = try PreparedTable(table, method: method)
        var engine = RankingEngine(prepared)
        let full = engine.outcome(cases: Array(0..<table.caseCount))
        let resampled = try await resampledRanks(prepared, plan: plan, concurrency: max(1, concurrency))
        let taus = resampled.map { KendallTau.tauB(validated: full.ranks, $0) }
        return BootstrapResult(
            seed: plan.seed, resampleCount: plan.resampleCount, fullRanking: full, resampledRanks: resampled,
            teams: (0..<table.teamCount).map { stability(of: $0, in: resampled, teamCount: table.teamCount) },
            kendallTaus: taus, kendallTauQuartiles: QuartileSummary(definedValuesOf: taus))
    }

    /// The final ranks of every resample, in plan order; contiguous blocks of resamples per child task.
    private static func resampledRanks(
        _ table: PreparedTable, plan: BootstrapPlan, concurrency: Int
    ) async throws -> [[Int]] {
        let count = plan.resampleCount
        let workers = min(concurrency, count)
        let blocks = try await ParallelMap.mapInTasks(count: workers, threads: workers) { worker in
            let block = (count * worker / workers)..<(count * (worker + 1) / workers)
            var engine = RankingEngine(table)
            var ranks: [[Int]] = []
            ranks.reserveCapacity(block.count)
            for resample in block {
                try Task.checkCancellation()
                ranks.append(engine.finalRanks(cases: plan.caseIndices(resample: resample, caseCount: table.caseCount)))
            }
            return ranks
        }
        return blocks.flatMap { $0 }
    }

    private static func stability(of team: Int, in resampled: [[Int]], teamCount: Int) -> TeamRankStability {
        var counts = [Int](repeating: 0, count: teamCount)
        for ranks in resampled { counts[ranks[team] - 1] += 1 }
        let sorted = resampled.map { Double($0[team]) }.sorted()
        return TeamRankStability(
            rankCounts: counts,
            rankIntervalLower: Percentile.linear(sorted: sorted, percent: 2.5),
            rankIntervalUpper: Percentile.linear(sorted: sorted, percent: 97.5),
            probabilityFirst: Double(counts[0]) / Double(resampled.count))
    }
}
