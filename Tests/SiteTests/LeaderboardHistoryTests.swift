import Challenge
import Crypto
import Foundation
import Judge
import Site
import PlatformSupport
import Store
import Testing

/// Published leaderboards form a signed hash chain that any edit breaks.
@Suite struct LeaderboardHistoryTests {
    struct Published {
        let platform: Platform
        let site: URL
        let publicKey: URL

        func build(at offset: TimeInterval) async throws {
            let key = try SigningKeys.privateKey(dataDirectory: platform.folder)
            try await LeaderboardSite(store: platform.store, assets: Platform.root.appendingPathComponent("Leaderboard"), signingKey: key)
                .build(challenge: "small", output: site, now: Platform.opens.addingTimeInterval(offset))
        }

        func verify() throws -> Int {
            try HistoryVerifier.verify(site: site, publicKey: SigningKeys.publicKey(file: publicKey))
        }
    }

    /// One scored team, a key, and the site built once.
    func published() async throws -> Published {
        let platform = try Platform(limits: "{ total: 10 }")
        let token = try platform.addTeam("alpha")
        try platform.submit(token, [0, 1, 2, 0, 1, 2], at: 1)
        _ = try await Judge(store: platform.store, worker: "test", clock: { Platform.opens.addingTimeInterval(600) }).drain()
        let publicKey = try SigningKeys.generate(dataDirectory: platform.folder)
        let result = Published(platform: platform, site: platform.folder.appendingPathComponent("site"), publicKey: publicKey)
        try await result.build(at: 700)
        return result
    }

    @Test func privateKeyIsReadableByItsOwnerOnly() async throws {
        let site = try await published()
        let path = SigningKeys.privateKeyURL(dataDirectory: site.platform.folder).path
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(permissions?.intValue == 0o600)
    }

    @Test func rebuildingAnUnchangedLeaderboardAddsNoSnapshot() async throws {
        let site = try await published()
        try await site.build(at: 800)
        #expect(try site.platform.store.snapshots(challenge: "small").count == 1)
        #expect(try site.verify() == 1)
    }

    @Test func aChangeAppendsASnapshotChainedToThePrevious() async throws {
        let site = try await published()
        try site.platform.store.publishPhase(try site.platform.phase(), challenge: "small", now: Platform.opens.addingTimeInterval(750))
        try await site.build(at: 800)
        let chain = try site.platform.store.snapshots(challenge: "small")
        #expect(chain.map(\.sequence) == [1, 2])
        #expect(chain[1].canonical.contains(chain[0].sha256))
        #expect(try site.verify() == 2)
        let page = try String(contentsOf: site.site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains(chain[1].sha256))
        #expect(page.contains("history/1.json"))
    }

    @Test func editingASnapshotIsDetected() async throws {
        let site = try await published()
        let file = site.site.appendingPathComponent("history/1.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "alpha", with: "alphA").write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: HistoryVerifier.Failure.self) { try site.verify() }
    }

    @Test func editingThePublishedLeaderboardIsDetected() async throws {
        let site = try await published()
        let file = site.site.appendingPathComponent("leaderboard.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"alpha\"", with: "\"omega\"").write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try site.verify()
            Issue.record("an edited leaderboard verified")
        } catch let failure as HistoryVerifier.Failure {
            #expect(failure.reason.contains("does not match the chain head"))
        }
    }

    @Test func removingASnapshotBreaksTheChain() async throws {
        let site = try await published()
        try site.platform.store.publishPhase(try site.platform.phase(), challenge: "small", now: Platform.opens.addingTimeInterval(750))
        try await site.build(at: 800)
        try FileManager.default.removeItem(at: site.site.appendingPathComponent("history/1.json"))
        #expect(throws: HistoryVerifier.Failure.self) { try site.verify() }
    }

    @Test func anotherKeyDoesNotVerify() async throws {
        let site = try await published()
        let stranger = site.platform.folder.appendingPathComponent("stranger.pub")
        try Data(Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString().utf8).write(to: stranger)
        #expect(throws: HistoryVerifier.Failure.self) { try HistoryVerifier.verify(site: site.site, publicKey: SigningKeys.publicKey(file: stranger)) }
    }

    @Test func generatingASecondKeyIsRefused() async throws {
        let site = try await published()
        #expect(throws: SigningKeyError.self) { try SigningKeys.generate(dataDirectory: site.platform.folder) }
    }
}
