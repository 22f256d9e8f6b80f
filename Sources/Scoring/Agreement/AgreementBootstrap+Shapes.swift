extension AgreementBootstrap {
    /// The estimate and interval of the overall mean of each of `agreements`, all on the same resamples of `plan`:
    /// a resample draws items with replacement and averages the drawn items' means (items read fewer than twice
    /// left out, NaN when a resample has none). The agreements must all be of the same items.
    public static func intervals(
        _ agreements: [ShapeAgreement], plan: BootstrapPlan, confidence: Double = 0.95
    ) throws(AgreementError) -> [ShapeAgreementInterval] {
        let itemIDs = agreements.first?.itemIDs ?? []
        if let index = agreements.firstIndex(where: { $0.itemIDs != itemIDs }) { throw .differentItems(agreement: index) }
        try check(plan, itemCount: itemIDs.count, confidence: confidence)
        let itemMeans = agreements.map { $0.items.map(\.mean) }
        return intervals(agreements.map(\.statistic), itemCount: itemIDs.count, plan: plan, confidence: confidence) { items in
            let multiplicities = items.map { drawn in
                var counts = [Int](repeating: 0, count: itemIDs.count)
                for item in drawn { counts[item] += 1 }
                return counts
            }
            return itemMeans.map { ShapeAgreement.mean(of: $0, multiplicities: multiplicities) }
        }
    }
}
