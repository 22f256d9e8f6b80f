import Scoring

extension EvaluationSummary {
    /// The summary as both stores keep it: the bytes `JSONEncoder` with sorted keys writes, written without it.
    public func jsonText() throws -> String {
        var writer = JSONTextWriter()
        switch self {
        case .classification(let summary, let curves):
            try writer.object(summary.jsonMembers + [("curves", { (writer: inout JSONTextWriter) throws in
                try writer.array(curves) { (writer, curve) throws in try curve.write(to: &writer) }
            })])
        case .lesions(let evaluation):
            try evaluation.write(to: &writer)
        }
        return writer.text
    }
}

private typealias Member = (key: String, write: ((inout JSONTextWriter) throws -> Void)?)

/// A member for an optional number: left out when nil.
private func optional(_ key: String, _ value: Double?) -> Member {
    (key, value.map { value in { (writer: inout JSONTextWriter) throws in try writer.number(value) } })
}

/// An array of optional numbers, nil written as null.
private func optionalNumbers(_ values: [Double?]) -> (inout JSONTextWriter) throws -> Void {
    { (writer: inout JSONTextWriter) throws in
        try writer.array(values) { (writer, value) throws in
            if let value { try writer.number(value) } else { writer.null() }
        }
    }
}

private extension ClassificationSummary {
    var jsonMembers: [Member] {
        [
            ("caseCount", { writer in writer.number(caseCount) }),
            ("confusion", { writer in
                try writer.object([
                    ("classCount", { writer in writer.number(confusion.classCount) }),
                    ("counts", { writer in writer.array(confusion.counts) { writer, count in writer.number(count) } }),
                ])
            }),
            optional("costMatrixScore", costMatrixScore),
            optional("accuracy", accuracy),
            optional("quadraticWeightedKappa", quadraticWeightedKappa),
            ("recallPerClass", optionalNumbers(recallPerClass)),
            ("aurocPerClass", aurocPerClass.map(optionalNumbers)),
            optional("macroAUROC", macroAUROC),
        ]
    }
}

private extension TaskEvaluation {
    func write(to writer: inout JSONTextWriter) throws {
        try writer.object([
            ("caseCount", { writer in writer.number(caseCount) }),
            ("metrics", { writer in try writer.array(metrics) { (writer, metric) throws in try metric.write(to: &writer) } }),
            ("cases", { writer in try writer.array(cases) { (writer, values) throws in try values.write(to: &writer) } }),
            ("curves", { writer in try writer.array(curves) { (writer, curve) throws in try curve.write(to: &writer) } }),
        ])
    }
}

private extension TaskEvaluation.Metric {
    func write(to writer: inout JSONTextWriter) throws {
        try writer.object([
            ("key", { writer in writer.string(key) }),
            ("title", { writer in writer.string(title) }),
            ("higherIsBetter", { writer in writer.bool(higherIsBetter) }),
            optional("value", value),
        ])
    }
}

private extension TaskEvaluation.CaseValues {
    func write(to writer: inout JSONTextWriter) throws {
        try writer.object([
            ("caseID", { writer in writer.string(caseID) }),
            ("values", { writer in
                // A dictionary's nil values are written as null, not left out.
                try writer.object(values.map { key, value in
                    (key, { (writer: inout JSONTextWriter) throws in
                        if let value { try writer.number(value) } else { writer.null() }
                    })
                })
            }),
        ])
    }
}

extension TaskEvaluation.Curve {
    fileprivate func write(to writer: inout JSONTextWriter) throws {
        try writer.object([
            ("name", { writer in writer.string(name) }),
            ("xLabel", { writer in writer.string(xLabel) }),
            ("yLabel", { writer in writer.string(yLabel) }),
            ("x", { writer in try writer.numbers(x) }),
            ("y", { writer in try writer.numbers(y) }),
        ])
    }
}
