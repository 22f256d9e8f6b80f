/// A ground-truth file and the prediction for the same case.
struct CasePair: Sendable {
    let caseID: String
    let truthPath: String
    let predictionPath: String

    var predictionName: String { String(predictionPath.split(separator: "/").last ?? "") }
}

enum CasePairing {
    /// Every truth case with its prediction; missing and unknown cases are problems of the submission.
    static func pairs(truth: CaseFiles, predictions: CaseFiles, file: String) throws(ValidationFailure) -> [CasePair] {
        var problems = ProblemList()
        for id in truth.paths.keys.sorted() where predictions.paths[id] == nil {
            problems.add(ValidationProblem(.missingCase, caseID: id, message: "no prediction for case \"\(id)\""))
        }
        for id in predictions.paths.keys.sorted() where truth.paths[id] == nil {
            problems.add(ValidationProblem(.unknownCase, caseID: id, message: "\"\(id)\" is not a case of this phase"))
        }
        guard problems.isEmpty else { throw problems.failure(file: file) }
        return truth.paths.keys.sorted().map { CasePair(caseID: $0, truthPath: truth.paths[$0]!, predictionPath: predictions.paths[$0]!) }
    }
}
