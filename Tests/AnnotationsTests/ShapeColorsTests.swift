import Annotations
import Testing

/// The viewer's lines stay visible on the stains pathologists draw on.
@Suite("Shape colours")
struct ShapeColorsTests {
    /// White glass, pink eosin, purple haematoxylin and a dark nucleus, as H&E scans show them.
    static let backgrounds: [(name: String, color: GeoJSONWriter.Color)] = [
        ("glass", .init(red: 245, green: 245, blue: 245)), ("eosin", .init(red: 232, green: 160, blue: 196)),
        ("haematoxylin", .init(red: 104, green: 72, blue: 150)), ("nucleus", .init(red: 48, green: 30, blue: 78)),
    ]
    static let classes = ["Tumor", "Stroma", "Immune cells", "Necrosis", "Other", "tumour", "stroma", "mitosis", "gland", "lymphocyte",
                          "benign", "grade 3", "a", "b", "c", "d", "e", "f", "g", "h"]

    @Test(arguments: classes)
    func everyLineHasARingThatStandsOutOnEachStain(name: String) {
        let rings = ShapeColors.rings(forClass: name)
        #expect(rings.count == 3)
        for background in Self.backgrounds {
            let best = rings.map { ShapeColors.contrast($0, background.color) }.max() ?? 0
            #expect(best >= 3, "\(name) on \(background.name): best ring \(best)")
        }
    }

    @Test(arguments: classes)
    func theClassColourStandsOutFromTheRingBesideIt(name: String) {
        let rings = ShapeColors.rings(forClass: name)
        #expect(ShapeColors.contrast(rings[2], rings[1]) >= 4.5, "\(name)")
        #expect(ShapeColors.css(forClass: name).count == 7)
    }

    @Test func contrastIsWCAGs() {
        let black = GeoJSONWriter.Color(red: 0, green: 0, blue: 0), white = GeoJSONWriter.Color(red: 255, green: 255, blue: 255)
        #expect(abs(ShapeColors.contrast(black, white) - 21) < 1e-9)
        #expect(ShapeColors.contrast(white, white) == 1)
    }
}
