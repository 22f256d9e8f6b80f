import Scoring

/// Reads a phase's optional `ranking` section.
enum RankingSpecReader {
    static func read(_ field: YAMLField, columns: [ResultColumn]?, _ reader: inout SpecReader) -> RankingSpec? {
        guard field.isPresent else { return nil }
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["scheme", "aggregation", "metrics", "metric-aggregation", "bootstrap"])
        var spec = RankingSpec()
        if let scheme = reader.choice(field.child("scheme"), as: RankingSpec.Scheme.self, required: false) { spec.scheme = scheme }
        if let aggregation = reader.choice(field.child("aggregation"), as: Aggregation.self, required: false) { spec.aggregation = aggregation }
        if let aggregation = reader.choice(field.child("metric-aggregation"), as: Aggregation.self, required: false) { spec.metricAggregation = aggregation }
        for element in reader.sequence(field.child("metrics"), required: false) ?? [] {
            guard let key = reader.string(element) else { continue }
            guard let columns else { continue }
            guard let column = columns.first(where: { $0.key == key }) else {
                reader.report(element.issue("\"\(key)\" is not a result column; choose from \(columns.map(\.key).joined(separator: ", "))"))
                continue
            }
            spec.metrics.append(column.key)
        }
        if !spec.usesStoredAggregates, let columns {
            let ranking = spec.metrics.isEmpty ? [columns[0]] : columns.filter { spec.metrics.contains($0.key) }
            for column in ranking where !column.isPerCase {
                reader.report(field.issue("\(spec.scheme.rawValue) with \(spec.aggregation.rawValue) needs per-case values, and \(column.key) has none; rank it with aggregate-then-rank and mean"))
            }
        }
        let bootstrap = field.child("bootstrap")
        if bootstrap.isPresent, reader.requireMapping(bootstrap) {
            reader.rejectUnknownKeys(in: bootstrap, allowed: ["resamples", "seed"])
            if bootstrap.child("resamples").isPresent, let resamples = reader.integer(bootstrap.child("resamples"), minimum: 10) {
                spec.bootstrapResamples = resamples
            }
            if bootstrap.child("seed").isPresent, let seed = reader.integer(bootstrap.child("seed"), minimum: 0) {
                spec.bootstrapSeed = UInt64(seed)
            }
        }
        return spec
    }
}
