import Challenge

/// The common case of a classification prediction file in one pass over its bytes, without a string per field:
/// what `PlainCSVScanner` reads, fields without spaces around them, and no problem in any row. Anything else gives
/// nil, and `PredictionParser` reads the file again with `CSVReader` and reports its problems, so both paths return
/// the same predictions for every file the simple one accepts.
struct SimplePredictionTable {
    private var scanner: PlainCSVScanner
    private let parser: PredictionParser

    private init(_ bytes: UnsafeBufferPointer<UInt8>, parser: PredictionParser) {
        self.scanner = PlainCSVScanner(bytes)
        self.parser = parser
    }

    static func predictions(_ bytes: [UInt8], parser: PredictionParser) -> ClassificationPredictions? {
        bytes.withUnsafeBufferPointer { bytes in
            var table = SimplePredictionTable(bytes, parser: parser)
            return table.read()
        }
    }

    private mutating func read() -> ClassificationPredictions? {
        guard let header = scanner.textFields() else { return nil }
        var problems = ProblemList()
        let table = CSVTable(headerLine: 1, header: header, rows: [])
        guard let layout = PredictionLayout(table: table, task: parser.task, problems: &problems), problems.isEmpty else { return nil }
        let caseCount = parser.expectedCaseIDs.count, classCount = parser.task.classes.count
        var seen = [Bool](repeating: false, count: caseCount)
        var labels = [Int](repeating: 0, count: caseCount)
        var probabilities = layout.probabilityColumns == nil ? [] : [Double](repeating: 0, count: caseCount * classCount)
        var fields: [Range<Int>] = []
        fields.reserveCapacity(layout.fieldCount)
        var guess = 0
        while !scanner.isAtEnd {
            fields.removeAll(keepingCapacity: true)
            guard scanner.scanLine({ fields.append($0) }) == layout.fieldCount,
                  let index = caseIndex(fields[layout.idColumn], guess: guess), !seen[index],
                  let label = parser.classIDBytes.firstIndex(where: { $0.map { scanner.field(fields[layout.labelColumn], equals: $0) } ?? false })
            else { return nil }
            seen[index] = true
            labels[index] = label
            guess = index + 1
            if let columns = layout.probabilityColumns {
                var sum = 0.0
                for (label, column) in columns.enumerated() {
                    guard let value = scanner.number(fields[column]), value >= 0, value <= 1 else { return nil }
                    probabilities[index * classCount + label] = value
                    sum += value
                }
                guard abs(sum - 1) <= PredictionParser.sumTolerance else { return nil }
            }
        }
        guard !seen.contains(false) else { return nil }
        return ClassificationPredictions(labels: labels, probabilities: layout.probabilityColumns == nil ? nil : probabilities)
    }

    /// The expected index of a row's case id. Files usually list cases in the phase's order, so the case after the
    /// previous row's is compared byte for byte first, before the id is looked up as text.
    private func caseIndex(_ range: Range<Int>, guess: Int) -> Int? {
        guard !range.isEmpty else { return nil }
        if guess < parser.caseIDBytes.count, let expected = parser.caseIDBytes[guess], scanner.field(range, equals: expected) { return guess }
        return parser.index(of: scanner.text(range))
    }
}
