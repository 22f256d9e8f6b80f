extension RankingEngine {
    /// The mean of each row of a row-major `teamCount × caseCount` matrix over `cases` (repeats count),
    /// the bootstrap's inner loop. Reads through unchecked pointers: every index in `cases` must lie in
    /// `0..<caseCount` (explicit plans are validated before they get here, seeded plans draw below
    /// `caseCount`).
    func meanOfRows(_ matrix: [Double], cases: [Int]) -> [Double] {
        let caseCount = table.caseCount
        precondition(matrix.count == table.teamCount * caseCount, "matrix shape")
        return matrix.withUnsafeBufferPointer { values in
            cases.withUnsafeBufferPointer { selection in
                (0..<table.teamCount).map { team in
                    let row = values.baseAddress! + team * caseCount
                    var sum = CompensatedSum()
                    for index in selection { sum.add(row[index]) }
                    return sum.value / Double(selection.count)
                }
            }
        }
    }
}
