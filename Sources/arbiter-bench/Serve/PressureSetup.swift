import Challenge
import Evaluation
import Foundation
import Store

/// A data directory for `serve-pressure`: a small classification challenge whose one phase takes files up to 8 MB
/// (so the pathological uploads are read whole, not refused by size), with `teams` teams.
struct PressureSetup: Sendable {
    let tokens: [String]

    static func make(data: URL, teams: Int) throws -> PressureSetup {
        let store = try StoreFactory.open(database: nil, dataDirectory: data)
        let spec = try OpenPhaseChallenge.spec(slug: "pressure", classes: 2, maxFileSize: "8MB")
        try store.registerChallenge(spec, now: Date())
        let truth = "case_id,label,split\nA,0,public\nB,1,public\nC,0,private\nD,1,private\n"
        try store.importTruth(try TruthParser.parse(Array(truth.utf8), file: "truth.csv", task: spec.task), challenge: "pressure",
                              fileSHA256: ContentDigest.sha256(Array(truth.utf8)), now: Date())
        let tokens = try (0..<teams).map { try store.addTeam(challenge: "pressure", name: "team\($0)", now: Date()).token }
        return PressureSetup(tokens: tokens)
    }

    /// A 5 MB multipart body of dashes whose boundary is 69 dashes and an "x": a near-match at every byte.
    static let dashForm: (contentType: String, body: [UInt8]) = (
        "multipart/form-data; boundary=" + String(repeating: "-", count: 69) + "x",
        [UInt8](repeating: UInt8(ascii: "-"), count: 5_000_000))

    /// A 4.9 MB CSV on one line: a header with 2.45 million columns and no rows.
    static let singleLineCSV: [UInt8] = Array("case_id,label".utf8) + Array(String(repeating: ",0", count: 2_450_000).utf8)
}
