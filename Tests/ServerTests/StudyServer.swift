import Challenge
import Foundation
import HTTPTypes
import Imaging
import Server
import Store
import Studies

/// A `TestServer` with a reader study `grading` of the tiny challenge: regions r1…r4, readers ana and ben who each read
/// every item, half of each one's items again as hidden repeats, adjudicator ada, comments taken.
struct StudyServer {
    static let path = "/api/v1/challenges/tiny/studies/grading"
    static let yaml = """
        slug: grading
        title: Grading
        items:
          regions:
            - { id: r1, slide: s1.svs, box: [0, 0, 512, 512] }
            - { id: r2, slide: s1.svs, box: [512, 0, 512, 512] }
            - { id: r3, slide: s1.svs, box: [1024, 0, 512, 512] }
            - { id: r4, slide: s2.svs, box: [0, 512, 512, 512] }
        questions:
          label: { classes: challenge }
          comment: optional
        readers: [ana, ben]
        adjudicators: [ada]
        reads-per-item: 2
        assignment: blinded
        hidden-repeats: { share: 0.5, transforms: [rotate90, flip-vertical], seed: 3 }
        truth: { consensus: majority, min-reads: 2 }
        """

    let base: TestServer
    /// Each reader's and adjudicator's token, by name.
    let tokens: [String: String]

    /// `pictures`: whether each item has a picture, as `study add` makes from slides or tiles.
    /// `slides`: the server's slides folder, from which the viewer's tiles are made.
    init(yaml: String = Self.yaml, pictures: Bool = true, slides: URL? = nil) async throws {
        var configuration = ServerConfiguration(requestsPerSecond: 10_000, requestBurst: 10_000)
        configuration.slides = slides
        let base = try await TestServer(configuration: configuration)
        self.base = base
        let spec = try StudySpecParser.parse(yaml: yaml, file: "study.yaml", challenge: try base.store.challenge("tiny").spec)
        let items = try (spec.items.records ?? []).map { item in
            guard pictures else { return item }
            let digest = try base.store.blobs.put(try PNGCodec.encode(Self.picture))
            return ItemDescription(item)!.with(image: digest).record(id: item.itemID, kind: item.kind)
        }
        let outcome = try StudySetup(store: base.store).run(spec, challenge: "tiny", items: items, now: TestServer.now)
        tokens = Dictionary(uniqueKeysWithValues: outcome.issuedTokens.map { ($0.reader, $0.token) })
    }

    /// Every item's picture: 3 × 2 RGBA pixels, each different, so that a turn or mirror shows.
    static let picture = PNGCodec.Image(width: 3, height: 2, channels: 4, pixels: (0..<24).map { UInt8($0 * 10) })

    var ana: String { tokens["ana"]! }
    var ben: String { tokens["ben"]! }
    var ada: String { tokens["ada"]! }

    var study: StoredStudy {
        get throws { try base.store.study(challenge: "tiny", slug: "grading") }
    }

    /// A reader's assignments in order, as the store keeps them (with the repeat flag the API never shows).
    func assignments(of reader: String) throws -> [StudyAssignment] {
        try base.store.progress(of: reader, in: try study).assignments.map(\.assignment)
    }

    /// The ordinal of a reader's plain (`repeat: false`) or repeated assignment of an item.
    func ordinal(of item: String, by reader: String, repeat isRepeat: Bool = false) throws -> Int? {
        try assignments(of: reader).first { $0.itemID == item && $0.isRepeat == isRepeat }?.ordinal
    }

    func send(_ method: HTTPRequest.Method, _ path: String, token: String?, json: [String: Any]? = nil) async throws -> TestServer.Reply {
        let body = try json.map { Array(try JSONSerialization.data(withJSONObject: $0)) }
        return try await base.send(method, path, token: token, body: body,
                                   headers: body == nil ? [:] : [.contentType: "application/json"])
    }

    /// Saves a read as `token`'s reader of its assignment at `ordinal`.
    @discardableResult
    func read(_ ordinal: Int, token: String, label: String?, comment: String? = nil, key: String? = nil) async throws -> TestServer.Reply {
        var body: [String: Any] = ["seconds_spent": 7.5]
        if let label { body["label"] = label }
        if let comment { body["comment"] = comment }
        if let key { body["idempotency_key"] = key }
        return try await send(.post, Self.path + "/assignments/\(ordinal)/reads", token: token, json: body)
    }

    /// Both readers read every item: ana gives `ana(item)`, ben `ben(item)`, each with a comment naming the reader and item.
    func readEverything(ana anaLabel: (String) -> String, ben benLabel: (String) -> String) async throws {
        for reader in ["ana", "ben"] {
            let token = tokens[reader]!
            for assignment in try assignments(of: reader) {
                let label = reader == "ana" ? anaLabel : benLabel
                let reply = try await read(assignment.ordinal, token: token, label: label(assignment.itemID),
                                           comment: "\(reader)-secret-comment-\(assignment.itemID)", key: "\(reader)-secret-key-\(assignment.ordinal)")
                precondition(reply.status == 201, "\(reply.status) \(reply.text)")
            }
        }
    }

    /// Opens the disputes (ties) by asking for the consensus, as an organiser would.
    func openDisputes() async throws -> [[String: Any]] {
        let consensus = try await send(.post, Self.path + "/consensus", token: base.organiser)
        precondition(consensus.status == 200, "\(consensus.status) \(consensus.text)")
        return try await send(.get, Self.path + "/disputes", token: ada).json as? [[String: Any]] ?? []
    }
}
