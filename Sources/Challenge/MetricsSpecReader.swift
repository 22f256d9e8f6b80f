import Scoring

/// Reads the `metrics` section.
enum MetricsSpecReader {
    static func read(_ field: YAMLField, task: TaskSpec, _ reader: inout SpecReader) -> MetricsSpec? {
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["primary", "secondary"])
        let primary = readMetric(field.child("primary"), task: task, &reader)
        var secondary: [MetricSpec] = []
        var kinds: Set<MetricKind> = primary.map { [$0.kind] } ?? []
        var complete = primary != nil
        for element in reader.sequence(field.child("secondary"), required: false) ?? [] {
            guard let metric = readMetric(element, task: task, &reader) else { complete = false; continue }
            guard kinds.insert(metric.kind).inserted else {
                reader.report(element.issue("metric \"\(metric.kind.rawValue)\" is listed twice"))
                complete = false
                continue
            }
            secondary.append(metric)
        }
        guard complete, let primary else { return nil }
        return MetricsSpec(primary: primary, secondary: secondary)
    }

    /// A metric is either a bare kind (`- accuracy`) or a mapping with `kind` and options.
    private static func readMetric(_ field: YAMLField, task: TaskSpec, _ reader: inout SpecReader) -> MetricSpec? {
        if field.scalarText != nil {
            guard let kind = reader.choice(field, as: MetricKind.self), allowed(kind, task: task, field, &reader) else { return nil }
            if kind == .costMatrix {
                reader.report(field.issue("cost-matrix needs a mapping with its `matrix`"))
                return nil
            }
            return MetricSpec(kind: kind, direction: kind.naturalDirection)
        }
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["kind", "direction", "matrix"])
        guard let kind = reader.choice(field.child("kind"), as: MetricKind.self), allowed(kind, task: task, field.child("kind"), &reader) else { return nil }
        let directionField = field.child("direction")
        let direction = reader.choice(directionField, as: MetricDirection.self, required: false) ?? kind.naturalDirection
        guard kind == .costMatrix else {
            if field.child("matrix").isPresent {
                reader.report(field.child("matrix").issue("only cost-matrix takes a matrix"))
            }
            if direction != kind.naturalDirection {
                reader.report(directionField.issue("\(kind.rawValue) is always \(kind.naturalDirection.caption)"))
                return nil
            }
            return MetricSpec(kind: kind, direction: direction)
        }
        guard let matrix = readMatrix(field.child("matrix"), size: task.classes.count, &reader) else { return nil }
        return MetricSpec(kind: kind, direction: direction, costMatrix: matrix)
    }

    private static func allowed(_ kind: MetricKind, task: TaskSpec, _ field: YAMLField, _ reader: inout SpecReader) -> Bool {
        guard task.kind.metricKinds.contains(kind) else {
            let choices = task.kind.metricKinds.map(\.rawValue).joined(separator: ", ")
            reader.report(field.issue("\(kind.rawValue) is not a metric of \(task.kind.rawValue) tasks (choose from \(choices))"))
            return false
        }
        return true
    }

    private static func readMatrix(_ field: YAMLField, size: Int, _ reader: inout SpecReader) -> CostMatrix? {
        guard let rows = reader.sequence(field) else { return nil }
        guard rows.count == size else {
            reader.report(field.issue("expected \(size) rows, one per class in task.classes order; got \(rows.count)"))
            return nil
        }
        var values: [[Double]] = []
        for row in rows {
            guard let cells = reader.sequence(row) else { return nil }
            guard cells.count == size else {
                reader.report(row.issue("expected \(size) costs, one per class; got \(cells.count)"))
                return nil
            }
            let numbers = cells.map { reader.number($0) }
            guard numbers.allSatisfy({ $0 != nil }) else { return nil }
            values.append(numbers.compactMap { $0 })
        }
        return CostMatrix(rows: values)
    }
}
