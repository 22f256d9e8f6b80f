import Challenge
import Evaluation

/// `csv`: the CSV reader, the classification prediction parser (`PredictionParser`, its one-pass path checked against
/// its general one) and the ground-truth parser (`TruthParser`), for a four-class task like tissuenet-demo's.
let csvTarget = FuzzTarget(name: "csv", covers: "CSVReader, PredictionParser (classification), TruthParser") { input in
    let bytes = [UInt8](input)
    _ = try? CSVReader.parse(bytes)
    // The one-pass path and the general one must agree on every file: same predictions, or both refusing.
    let predictions = try? CSVFuzzing.predictions.parse(bytes, file: "predictions.csv")
    precondition(predictions == (try? CSVFuzzing.predictions.parseReportingProblems(bytes, file: "predictions.csv")),
                 "PredictionParser's one-pass path and its general path disagree")
    _ = try? TruthParser.parse(bytes, file: "truth.csv", task: CSVFuzzing.task)
    _ = try? TruthParser.parse(bytes, file: "truth.csv", task: CSVFuzzing.task, requireSplit: false)
}

/// `points`: the lesion point CSV (`case_id,x,y,confidence`), both its fast path and the general one, against
/// camelyon-demo's slide sizes.
let pointsTarget = FuzzTarget(name: "points", covers: "LesionPointParser (slide lesion detection points)") { input in
    _ = try? CSVFuzzing.points.parse([UInt8](input), file: "points.csv")
}

enum CSVFuzzing {
    static let task = TaskSpec(kind: .slideClassification, classes: [
        ClassSpec(id: "0", name: "benign"), ClassSpec(id: "1", name: "low-grade lesion"),
        ClassSpec(id: "2", name: "high-grade lesion"), ClassSpec(id: "3", name: "invasive cancer"),
    ])

    /// Case ids from tissuenet-demo's predictions plus short ones a mutation can reach.
    static let predictions = PredictionParser(
        task: task, expectedCaseIDs: ["B0178_S3", "B0343_S1", "B0253_S2", "B0365_S1", "a", "b", "case_1"])

    static let points = LesionPointParser(slideSizes: [
        "tumor_001": (6400, 4800), "tumor_002": (6400, 4800), "tumor_003": (6400, 3200), "tumor_004": (4800, 3200),
        "normal_001": (4800, 3200), "a": (1, 1), "b": (100_000, 80_000),
    ])
}
