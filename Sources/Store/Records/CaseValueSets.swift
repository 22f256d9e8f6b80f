import Challenge

/// An evaluation's per-case values as both adapters' `case_value_sets` store them: one set per metric, each the
/// metric's case refs and values in the evaluator's order, concatenated into two flat arrays with each metric's range
/// in them (PostgreSQL binds five arrays however many metrics there are and slices them on the server; SQLite writes
/// each range as two blobs).
struct CaseValueSets {
    /// The metrics in the order they first appear.
    private(set) var metrics: [String] = []
    /// Each metric's range in `caseRefs` and `values` (0-based, half-open).
    private(set) var bounds: [Range<Int>] = []
    private(set) var caseRefs: [Int64] = []
    private(set) var values: [Double] = []

    /// `caseRefs` maps the evaluator's case indices to the stored cases.
    init(_ caseValues: [SubmissionScores.CaseValue], caseRefs refs: [Int64]) {
        var byMetric: [String: [SubmissionScores.CaseValue]] = [:]
        for value in caseValues {
            if byMetric[value.key] == nil { metrics.append(value.key) }
            byMetric[value.key, default: []].append(value)
        }
        caseRefs.reserveCapacity(caseValues.count)
        values.reserveCapacity(caseValues.count)
        for metric in metrics {
            let start = caseRefs.count
            for value in byMetric[metric] ?? [] {
                caseRefs.append(refs[value.caseIndex])
                values.append(value.value)
            }
            bounds.append(start..<caseRefs.count)
        }
    }
}
