import Challenge
import Evaluation
import Foundation
import Intake
import Store
import TestSupport

/// A fresh data directory with a small two-split challenge registered and its truth imported.
public struct Platform: Sendable {
    public static let opens = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    public static let root = RepositoryFiles.root

    public let store: any ArbiterStore
    /// A fresh folder of this platform's own, for keys and generated sites.
    public let folder: URL
    public let spec: ChallengeSpec
    public var intake: SubmissionIntake { SubmissionIntake(store: store) }

    /// Truth: A–D public, E–F private; labels 0,1,2,0 | 1,2.
    public static let truth = "case_id,label,split\nA,0,public\nB,1,public\nC,2,public\nD,0,public\nE,1,private\nF,2,private\n"

    public init(
        adapter: StoreAdapter = .sqlite, limits: String = "{ per-period: 2, period: 1d, total: 5 }", finalEntry: String = "best-public",
        ranking: String? = nil, feedback: String? = nil, container: String? = nil
    ) throws {
        try self.init(store: try adapter.open(), limits: limits, finalEntry: finalEntry, ranking: ranking, feedback: feedback,
                      container: container)
    }

    /// The small challenge registered on a store the caller opened.
    public init(
        store: any ArbiterStore, limits: String = "{ per-period: 2, period: 1d, total: 5 }", finalEntry: String = "best-public",
        ranking: String? = nil, feedback: String? = nil, container: String? = nil
    ) throws {
        try self.init(store: store, yaml: Self.yaml(limits: limits, finalEntry: finalEntry, ranking: ranking, feedback: feedback,
                                                    container: container))
    }

    /// A challenge of slug `small` (its phases as the caller writes them) with the small truth, on a store the caller opened.
    public init(store: any ArbiterStore, yaml: String) throws {
        self.store = store
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        spec = try ChallengeSpecParser.parse(yaml: yaml, file: "challenge.yaml")
        try store.registerChallenge(spec, now: Self.opens)
        let truth = try TruthParser.parse(Array(Self.truth.utf8), file: "truth.csv", task: spec.task)
        try store.importTruth(truth, challenge: "small", fileSHA256: ContentDigest.sha256(Array(Self.truth.utf8)), now: Self.opens)
    }

    /// The small challenge's spec, with a phase's limits, final-entry rule, ranking and feedback as given.
    public static func yaml(
        limits: String = "{ per-period: 2, period: 1d, total: 5 }", finalEntry: String = "best-public",
        ranking: String? = nil, feedback: String? = nil, container: String? = nil
    ) -> String {
        ThreeClassChallenge.yaml(slug: "small", limits: limits, finalEntry: finalEntry, ranking: ranking, feedback: feedback,
                                 container: container)
    }

    public func addTeam(_ name: String) throws -> String {
        try store.addTeam(challenge: "small", name: name, now: Self.opens).token
    }

    /// A prediction file giving `labels` to A…F in order.
    public static func predictions(_ labels: [Int]) -> [UInt8] {
        let rows = zip(["A", "B", "C", "D", "E", "F"], labels).map { "\($0),\($1)" }
        return Array((["case_id,label"] + rows).joined(separator: "\n").utf8 + [0x0A])
    }

    @discardableResult
    public func submit(_ token: String, _ labels: [Int], at offset: TimeInterval) throws -> StoredSubmission? {
        try intake.submit(challenge: "small", phase: "final", token: token, fileName: "p.csv",
                          bytes: Self.predictions(labels), now: Self.opens.addingTimeInterval(offset))
    }

    /// An instant `seconds` after the phase opens.
    public func at(_ seconds: TimeInterval) -> Date {
        Self.opens.addingTimeInterval(seconds)
    }

    public func phase() throws -> StoredPhase {
        try store.phase(try store.challenge("small"), "final")
    }
}
