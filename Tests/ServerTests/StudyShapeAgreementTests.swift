import Foundation
import HTTPTypes
import Testing

/// The organiser's agreement route for a study of shapes: Dice of the readers' polygons, without label statistics.
@Suite("Study shape agreement route")
struct StudyShapeAgreementTests {
    static let yaml = StudyServer.yaml
        .replacingOccurrences(of: "label: { classes: challenge }", with: "shapes: { kinds: [polygon], classes: [tumour] }")
        .replacingOccurrences(of: "truth: { consensus: majority, min-reads: 2 }", with: "")

    /// A square of `size` level-0 pixels at (x, y), of class tumour.
    static func square(x: Int, y: Int, size: Int) -> [String: Any] {
        let ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
        return ["type": "FeatureCollection", "features": [[
            "type": "Feature", "geometry": ["type": "Polygon", "coordinates": [ring]],
            "properties": ["classification": ["name": "tumour"]],
        ]]]
    }

    @Test func agreementGivesTheDiceOfTheReadersPolygonsAndNoLabelStatistics() async throws {
        let server = try await StudyServer(yaml: Self.yaml)
        for (reader, size) in [("ana", 200), ("ben", 100)] {
            let ordinal = try #require(try server.ordinal(of: "r1", by: reader))
            let reply = try await server.send(.post, StudyServer.path + "/assignments/\(ordinal)/reads", token: server.tokens[reader],
                                              json: ["seconds_spent": 3, "shapes": Self.square(x: 10, y: 10, size: size)])
            #expect(reply.status == 201, "\(reply.text)")
        }
        let reply = try await server.base.send(.get, StudyServer.path + "/agreement", token: server.base.organiser)
        #expect(reply.status == 200, "\(reply.text)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(reply.text.utf8)) as? [String: Any])
        #expect(json["agreement"] == nil)
        let dice = try #require((json["shapes"] as? [String: Any])?["polygon_dice"] as? [String: Any])
        // 200² against the 100² inside it: 2 · 10000 / (40000 + 10000).
        #expect(dice["mean"] as? Double == 0.4)
    }
}
