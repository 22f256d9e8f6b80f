import Annotations
import Foundation
import Testing
import TestSupport

@Suite("ASAP XML")
struct ASAPXMLParserTests {
    static let bad = RepositoryFiles.root.appendingPathComponent("Fixtures/bad")

    @Test func asapCoordinatesWithoutOrderAreTakenInFileOrder() throws {
        let xml = """
            <ASAP_Annotations><Annotations>
            <Annotation Name="a" Type="Polygon" PartOfGroup="_0"><Coordinates>
            <Coordinate X="0" Y="0"/><Coordinate X="10" Y="0"/><Coordinate X="10" Y="10"/><Coordinate Order="3" X="0" Y="10"/>
            </Coordinates></Annotation>
            </Annotations></ASAP_Annotations>
            """
        let parsed = try ASAPXMLParser.annotations(Array(xml.utf8), file: "slide.xml")
        #expect(parsed.lesions.count == 1)
        // The 10 x 10 square, whichever order its corners came in.
        #expect(parsed.mask(width: 12, height: 12, level: 0).filter { $0 }.count == 100)
    }

    @Test func asapXMLWhoseElementNameIsNotUTF8IsRefusedAtItsByte() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.bad.appendingPathComponent("fuzz-asap-invalid-utf8-element.xml")))
        #expect {
            try ASAPXMLParser.annotations(bytes, file: "slide.xml")
        } throws: { error in
            "\(error)".contains("byte 42") && "\(error)".contains("not UTF-8")
        }
    }

    @Test func asapXMLWithAProcessingInstructionIsRefusedAtItsByte() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.bad.appendingPathComponent("fuzz-asap-processing-instruction-without-data.xml")))
        #expect {
            try ASAPXMLParser.annotations(bytes, file: "slide.xml")
        } throws: { error in
            "\(error)".contains("processing instructions")
        }
    }

    @Test func asapXMLDeclarationIsNotAProcessingInstruction() throws {
        let xml = "<?xml version=\"1.0\"?><ASAP_Annotations><Annotations/></ASAP_Annotations>"
        #expect(try ASAPXMLParser.annotations(Array(xml.utf8), file: "slide.xml").lesions.isEmpty)
    }

    @Test func asapXMLWithAnEmptyDeclarationIsRefused() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.bad.appendingPathComponent("fuzz-asap-empty-xml-declaration.xml")))
        #expect(throws: AnnotationError.self) { try ASAPXMLParser.annotations(bytes, file: "slide.xml") }
    }
}
