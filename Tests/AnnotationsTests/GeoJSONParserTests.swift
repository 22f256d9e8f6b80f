import Annotations
import Testing

@Suite("GeoJSON locations")
struct GeoJSONParserTests {
    @Test func badPositionIsLocatedByFeatureRingAndPosition() {
        let json = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],["x",1],[0,0]]]}}]}"#
        #expect {
            try GeoJSONParser.regions(Array(json.utf8), file: "s.geojson")
        } throws: { error in
            "\(error)".contains("feature 1, ring 1, position 3")
        }
    }

    @Test func syntaxErrorSaysWhereTheJSONBroke() {
        let json = "{\"type\": \"Feature\",\n \"geometry\": [1, 2,, 3]}"
        #expect {
            try GeoJSONParser.regions(Array(json.utf8), file: "s.geojson")
        } throws: { error in
            let text = "\(error)"
            return text.contains("not valid JSON") && (text.contains("line 2") || text.contains("character") || text.contains("offset"))
        }
    }
}
