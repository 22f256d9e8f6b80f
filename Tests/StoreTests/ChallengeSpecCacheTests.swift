import Challenge
import Foundation
import PlatformSupport
import Testing
@testable import Store

/// Decoded specs are kept by their stored text: the same text gives the same spec, a changed text its own.
struct ChallengeSpecCacheTests {
    static func json(_ spec: ChallengeSpec) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(spec), as: UTF8.self)
    }

    @Test func aSpecComesBackAsItWasStoredAndAChangedTextAsItsOwn() throws {
        let cache = ChallengeSpecCache()
        let small = try ChallengeSpecParser.parse(yaml: Platform.yaml(limits: "{ per-period: 2, period: 1d, total: 5 }",
                                                                      finalEntry: "best-public"), file: "challenge.yaml")
        let other = try ChallengeSpecParser.parse(yaml: Platform.yaml(limits: "{ per-period: 3, period: 1d, total: 9 }",
                                                                      finalEntry: "best-public"), file: "challenge.yaml")
        #expect(try cache.spec(try Self.json(small)) == small)
        #expect(try cache.spec(try Self.json(small)) == small)
        #expect(try cache.spec(try Self.json(other)) == other)
    }

    @Test func aTextThatIsNoSpecIsAnErrorEveryTime() {
        let cache = ChallengeSpecCache()
        for _ in 0..<2 { #expect(throws: DecodingError.self) { try cache.spec("{\"slug\": 3}") } }
    }
}
