import Foundation
import Scoring
import Testing

/// A reader's consistency on hidden repeats, as every output writes it: the share is null without a repeat read.
struct ReaderConsistencyTests {
    static func json(_ value: ReaderConsistency) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value)) as? [String: Any])
    }

    @Test func shareIsAgreeingOverItems() throws {
        let json = try Self.json(ReaderConsistency(reader: "ana", items: 4, agreeing: 3))
        #expect(json["share"] as? Double == 0.75)
        #expect(json["items"] as? Int == 4 && json["agreeing"] as? Int == 3 && json["reader"] as? String == "ana")
    }

    @Test func withoutARepeatReadTheShareIsNull() throws {
        let json = try Self.json(ReaderConsistency(reader: "ben", items: 0, agreeing: 0))
        #expect(json["share"] is NSNull)
    }
}
