extension ScoreTable {
    /// Ranks every team with `method` on all cases (see `RankingScheme` for the rules on ties and
    /// missing values).
    public func ranking(by method: RankingMethod = RankingMethod()) throws(RankingError) -> RankingOutcome {
        var engine = RankingEngine(try PreparedTable(self, method: method))
        return engine.outcome(cases: Array(0..<caseCount))
    }
}
