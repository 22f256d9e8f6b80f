import Challenge
import Evaluation
import Foundation
import Intake
import Store

/// A lesion demo challenge (`picai`, `camelyon`) registered on a fresh store, with its truth imported.
public struct LesionDemo: Sendable {
    public let store: SQLiteStore
    /// The store's data directory, for generated sites.
    public var folder: URL { store.dataDirectory }
    public let spec: ChallengeSpec
    public let fixtures: String

    public init(_ name: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-test-\(UUID().uuidString)")
        store = try SQLiteStore(dataDirectory: directory)
        spec = try ChallengeSpecParser.load(directory: Platform.root.appendingPathComponent("Challenges/\(name)-demo"))
        fixtures = Platform.root.appendingPathComponent("Fixtures/\(name)-demo").path
        try store.registerChallenge(spec, now: spec.phases[0].opens)
        let truth = ["\(fixtures)/truth", "\(fixtures)/truth.tar"].first { FileManager.default.fileExists(atPath: $0) }!
        try store.importLesionTruth(try LesionTruthImport.read(truth, task: spec.task), challenge: spec.slug, now: spec.phases[0].opens)
    }

    public var now: Date { spec.phases[0].opens.addingTimeInterval(3600) }

    public func submit(_ file: String, team: String) throws -> StoredSubmission? {
        let token = try store.addTeam(challenge: spec.slug, name: team, now: now).token
        return try SubmissionIntake(store: store).submit(
            challenge: spec.slug, phase: "final", token: token, fileName: file,
            bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(fixtures)/predictions/\(file)"))), now: now)
    }
}
