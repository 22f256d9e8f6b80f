import Annotations
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Geometry
import Testing
import TestSupport

@Suite("ASAP XML writer")
struct ASAPXMLWriterTests {
    static let camelyon17 = "Fixtures/annotations/asap-camelyon17-patient_004_node_4.xml"

    @Test func writtenLesionsAndExclusionsReadBackExactlyWithAwkwardCoordinates() throws {
        let annotations = SlideAnnotations(
            lesions: [PolygonRegion(rings: [AwkwardOutlines.ring]), PolygonRegion(rings: [AwkwardOutlines.fullPrecisionRing])],
            exclusions: [PolygonRegion(rings: [AwkwardOutlines.hole])])
        let bytes = try ASAPXMLWriter.bytes(annotations, file: "out.xml")
        #expect(try ASAPXMLParser.annotations(bytes, file: "out.xml") == annotations)
    }

    @Test func groupNamesNeedingEscapingAndNonASCIINamesSurviveInAttributes() throws {
        let name = "<&\">' \"quoted\"\n\ttab\r Tumör 腫瘍 🔬 ]]>"
        let annotations = SlideAnnotations(lesions: [PolygonRegion(rings: [AwkwardOutlines.square(at: 0, 0)])])
        let bytes = try ASAPXMLWriter.bytes(annotations, lesionGroup: .init(name: name, color: "#00ff7F"), file: "out.xml")
        let elements = try XMLElements(bytes)
        #expect(elements.first { $0.name == "Annotation" }?.attributes["PartOfGroup"] == name)
        #expect(elements.first { $0.name == "Group" }?.attributes["Name"] == name)
        #expect(try ASAPXMLParser.annotations(bytes, file: "out.xml") == annotations)
    }

    @Test func sameAnnotationsGiveIdenticalBytes() throws {
        let annotations = SlideAnnotations(lesions: [PolygonRegion(rings: [AwkwardOutlines.ring])],
                                           exclusions: [PolygonRegion(rings: [AwkwardOutlines.hole])])
        #expect(try ASAPXMLWriter.bytes(annotations, file: "a") == ASAPXMLWriter.bytes(annotations, file: "a"))
    }

    @Test func noAnnotationsWriteAFileThatReadsBackEmpty() throws {
        let bytes = try ASAPXMLWriter.bytes(SlideAnnotations(), file: "out.xml")
        #expect(try ASAPXMLParser.annotations(bytes, file: "out.xml") == SlideAnnotations())
    }

    @Test func openRingsAreWrittenAsGivenAsASAPStoresThem() throws {
        let open = [PlanePoint(x: 0, y: 0), PlanePoint(x: 4, y: 0), PlanePoint(x: 0, y: 4)]
        let annotations = SlideAnnotations(lesions: [PolygonRegion(rings: [open])])
        let bytes = try ASAPXMLWriter.bytes(annotations, file: "out.xml")
        #expect(try XMLElements(bytes).filter { $0.name == "Coordinate" }.count == 3)
        #expect(try ASAPXMLParser.annotations(bytes, file: "out.xml") == annotations)
    }

    @Test func regionWithAHoleIsRefusedAtItsLesion() {
        let annotations = SlideAnnotations(lesions: [
            PolygonRegion(rings: [AwkwardOutlines.square(at: 0, 0)]),
            PolygonRegion(rings: [AwkwardOutlines.square(at: -50, -50, side: 200), AwkwardOutlines.hole]),
        ])
        #expect {
            try ASAPXMLWriter.bytes(annotations, file: "out.xml")
        } throws: { error in
            "\(error)".hasPrefix("out.xml, lesion 2: has 2 rings")
        }
    }

    @Test func ringOfTwoPointsIsRefusedAtItsExclusion() {
        let annotations = SlideAnnotations(exclusions: [PolygonRegion(rings: [[PlanePoint(x: 0, y: 0), PlanePoint(x: 1, y: 1)]])])
        #expect {
            try ASAPXMLWriter.bytes(annotations, file: "out.xml")
        } throws: { error in
            "\(error)" == "out.xml, exclusion 1, ring 1: a ring needs at least 3 points, found 2"
        }
    }

    @Test func groupNamesThatWouldReadBackAsTheOtherKindAreRefused() {
        let annotations = SlideAnnotations(lesions: [PolygonRegion(rings: [AwkwardOutlines.square(at: 0, 0)])])
        #expect {
            try ASAPXMLWriter.bytes(annotations, lesionGroup: .init(name: "Exclusion", color: "#FF0000"), file: "out.xml")
        } throws: { error in
            "\(error)".contains("lesion group") && "\(error)".contains("exclusion")
        }
        #expect {
            try ASAPXMLWriter.bytes(annotations, exclusionGroup: .init(name: "_1", color: "#FF0000"), file: "out.xml")
        } throws: { error in
            "\(error)".contains("exclusion group") && "\(error)".contains("read back as lesions")
        }
    }

    @Test func colourThatIsNotHexRGBIsRefused() {
        let annotations = SlideAnnotations(lesions: [PolygonRegion(rings: [AwkwardOutlines.square(at: 0, 0)])])
        #expect {
            try ASAPXMLWriter.bytes(annotations, lesionGroup: .init(name: "Tumor", color: "red\"/>"), file: "out.xml")
        } throws: { error in
            "\(error)".contains("#RRGGBB") && "\(error)".contains("lesion group")
        }
    }

    @Test func nameWithACharacterXMLCannotHoldIsRefused() {
        let annotations = SlideAnnotations(lesions: [PolygonRegion(rings: [AwkwardOutlines.square(at: 0, 0)])])
        #expect {
            try ASAPXMLWriter.bytes(annotations, lesionGroup: .init(name: "bell\u{7}", color: "#FF0000"), file: "out.xml")
        } throws: { error in
            "\(error)".contains("U+7")
        }
    }

    @Test func camelyon17FileReadsBackTheSameAfterWriting() throws {
        let parsed = try ASAPXMLParser.annotations(try RepositoryFiles.bytes(Self.camelyon17), file: Self.camelyon17)
        #expect(parsed.lesions.count == 3)
        let written = try ASAPXMLWriter.bytes(parsed, file: "out.xml")
        #expect(try ASAPXMLParser.annotations(written, file: "out.xml") == parsed)
    }

    /// ASAP wrote this CAMELYON17 file (group "Tumor", #FF0000); writing what the parser read gives its bytes.
    @Test func camelyon17FileIsReproducedByteForByte() throws {
        let original = try RepositoryFiles.bytes(Self.camelyon17)
        let parsed = try ASAPXMLParser.annotations(original, file: Self.camelyon17)
        #expect(try ASAPXMLWriter.bytes(parsed, lesionGroup: .tumor, file: "out.xml") == original)
    }

    /// With exclusions too, the output uses the elements and attributes ASAP uses, nested as ASAP nests them.
    @Test func outputWithExclusionsHasASAPsElementsAndAttributes() throws {
        let annotations = SlideAnnotations(lesions: [PolygonRegion(rings: [AwkwardOutlines.ring])],
                                           exclusions: [PolygonRegion(rings: [AwkwardOutlines.hole])])
        let written = try XMLElements(try ASAPXMLWriter.bytes(annotations, file: "out.xml"))
        let real = try XMLElements(try RepositoryFiles.bytes(Self.camelyon17))
        #expect(written.shape == real.shape)
        #expect(written.filter { $0.name == "Group" }.compactMap { $0.attributes["Name"] } == ["Tumor", "_2"])
    }
}

/// Every element of an XML document in order, with its path from the root and its attributes.
private struct XMLElements {
    struct Element {
        var path: String
        var name: String
        var attributes: [String: String]
    }

    let elements: [Element]

    init(_ bytes: [UInt8]) throws {
        let collector = Collector()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = collector
        guard parser.parse() else { throw AnnotationError(file: "xml", location: "line \(parser.lineNumber)", "not well-formed") }
        elements = collector.elements
    }

    func first(where predicate: (Element) -> Bool) -> Element? { elements.first(where: predicate) }
    func filter(_ predicate: (Element) -> Bool) -> [Element] { elements.filter(predicate) }

    /// Each element path with the attribute names seen on it.
    var shape: [String: Set<String>] {
        elements.reduce(into: [:]) { shape, element in shape[element.path, default: []].formUnion(element.attributes.keys) }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var stack: [String] = []

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            stack.append(element)
            elements.append(Element(path: stack.joined(separator: "/"), name: element, attributes: attributes))
        }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
    }
}
