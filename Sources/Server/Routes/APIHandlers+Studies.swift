import Challenge
import Foundation
import Hummingbird
import Scoring
import Store
import Studies

/// The organisers' routes of reader studies: the list, a study's status, its agreement and consensus, its reads.
extension APIHandlers {
    func studies(_ context: APIRequestContext) throws -> Response {
        let slug = try context.parameters.require("challenge")
        _ = try store.challenge(slug)
        return try Self.json(try store.studies(challenge: slug).map { StudySummaryView($0, spec: try Self.spec(of: $0)) })
    }

    func studyStatus(_ context: APIRequestContext) throws -> Response {
        let study = try organisedStudy(context)
        let readers = try store.studyReaders(study.study).filter { $0.role == .reader }
        let progress = try readers.map { try store.progress(of: $0.name, in: study.study) }
        return try Self.json(StudyStatusView(study, progress: progress, reads: try allReads(of: study, readers: readers),
                                             items: try store.studyItems(study.study), disputes: try store.disputes(study.study, openOnly: false)))
    }

    func studyAgreement(_ request: Request, context: APIRequestContext) async throws -> Response {
        let weightsName = request.uri.queryParameters.get("weights") ?? "none"
        let radiusText = request.uri.queryParameters.get("point_radius") ?? "20"
        guard let pointRadius = Double(radiusText), pointRadius.isFinite, pointRadius >= 0 else {
            throw APIError.badRequest("point_radius must be a number of level-0 pixels, 0 or more, not \"\(radiusText)\"", code: "invalid-point-radius")
        }
        let weights: KappaWeights = switch weightsName {
        case "none": .unweighted
        case "linear": .linear
        case "quadratic": .quadratic
        default: throw APIError.badRequest("weights must be none, linear or quadratic, not \"\(weightsName)\"", code: "invalid-weights")
        }
        return try await blocking { [self] in
            let study = try organisedStudy(context)
            let view = try Self.answering {
                StudyAgreementView(
                    study.spec.questions.label == nil ? nil : try study.labelAgreement(weights: weights, weightsName: weightsName),
                    consistency: try study.selfConsistency(),
                    shapes: study.spec.questions.shapes == nil ? nil : try study.shapeAgreementReport(pointRadius: pointRadius))
            }
            return try Self.json(view)
        }
    }

    /// A POST: working out the consensus puts each new tie in the adjudication queue.
    func studyConsensus(_ context: APIRequestContext) throws -> Response {
        let study = try organisedStudy(context)
        let consensus = try Self.answering { try study.consensus(now: clock()) }
        return try Self.json(StudyConsensusView(consensus, classes: study.spec.questions.label?.names ?? []))
    }

    func studyReads(_ request: Request, context: APIRequestContext) async throws -> Response {
        let format = request.uri.queryParameters.get("format") ?? "json"
        guard format == "json" || format == "csv" else {
            throw APIError.badRequest("format must be json or csv, not \"\(format)\"", code: "invalid-format")
        }
        let latestText = request.uri.queryParameters.get("latest")?.lowercased() ?? "false"
        guard let latest = ["true": true, "1": true, "false": false, "0": false][latestText] else {
            throw APIError.badRequest("latest must be true or false, not \"\(latestText)\"", code: "invalid-latest")
        }
        return try await blocking { [self] in
            let study = try organisedStudy(context)
            let reads = latest ? try store.latestReads(study.study)
                : try allReads(of: study, readers: try store.studyReaders(study.study).filter { $0.role == .reader })
            let export = StudyReadExport(reads: reads)
            if format == "csv" {
                var response = Self.text(export.csv, contentType: "text/csv; charset=utf-8")
                response.headers[.cacheControl] = "no-store"
                return response
            }
            return try Self.json(StudyReadExportView(reads: export.rows))
        }
    }

    private struct StudyReadExportView: Encodable {
        let reads: [StudyReadExport.Row]
    }

    /// The study the path names, for an organiser.
    func organisedStudy(_ context: APIRequestContext) throws -> ReaderStudy {
        try Self.answering {
            try ReaderStudy(store: store, challenge: try context.parameters.require("challenge"), slug: try context.parameters.require("study"))
        }
    }

    /// Every version of every reader's reads, by item then reader.
    private func allReads(of study: ReaderStudy, readers: [StudyReader]) throws -> [StudyRead] {
        try readers.flatMap { try store.reads(by: $0.name, in: study.study) }
            .sorted { ($0.itemID, $0.reader, $0.isRepeat ? 1 : 0, $0.version) < ($1.itemID, $1.reader, $1.isRepeat ? 1 : 0, $1.version) }
    }

    static func spec(of study: StoredStudy) throws -> StudySpec {
        try answering { try StudySpecText.decode(study) }
    }

    /// Runs study work, turning what the study says it cannot do into the API's refusals.
    static func answering<Value>(_ work: () throws -> Value) throws -> Value {
        do {
            return try work()
        } catch let error as StudyError {
            switch error {
            case .noLabelQuestion: throw APIError(.conflict, code: "no-label-question", message: error.description)
            case .notAReader: throw APIError.forbidden(error.description)
            case .invalidRead(_, let field, let reason):
                throw APIError(.unprocessableContent, code: "invalid-read", message: "field \(field): \(reason)",
                               details: [.init(code: "invalid-read", message: reason, line: nil, column: nil, field: field, caseID: nil, byteOffset: nil)])
            case .unreadableSpec: throw error
            }
        } catch let error as AgreementError {
            throw APIError(.conflict, code: "no-agreement", message: "agreement cannot be measured: \(error)")
        }
    }
}
