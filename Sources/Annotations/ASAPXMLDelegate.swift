import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Geometry

/// Collects ASAP `Annotation` elements and their `Coordinate`s from Foundation's streaming XML parser, for
/// `ASAPXMLParser.annotations` (Polygon and Spline only, as CAMELYON's lesions) and `ASAPXMLParser.shapes` (every
/// type, within `ShapeLimits`).
///
/// The parser hands over one element at a time, so the limits are checked before anything is kept for the element
/// past them; the delegate then stops the parser.
final class ASAPDelegate: NSObject, XMLParserDelegate {
    struct Annotation {
        /// 0-based, counting every `Annotation` element of the file.
        var index: Int
        /// The line of its start tag.
        var line: Int
        var name: String
        var type: String
        var group: String
        var points: [(order: Int, point: PlanePoint)] = []

        /// The points sorted by `Order` (a Coordinate without one took its position in the file).
        var orderedPoints: [PlanePoint] { points.sorted { $0.order < $1.order }.map(\.point) }
    }

    /// Where and why the annotations cannot be read: the first problem found.
    struct Problem {
        var line: Int
        var within: [String]
        var message: String
    }

    var annotations: [Annotation] = []
    var problem: Problem?
    /// Whether the delegate stopped the parser at its problem (a limit passed).
    private(set) var stopped = false

    /// The annotation types kept (`Type`, Polygon when absent); nil keeps every type.
    private let types: Set<String>?
    private let limits: ShapeLimits?
    private var current: Annotation?
    private var annotationCount = 0
    private var coordinateCount = 0
    private var depth = 0

    init(types: Set<String>?, limits: ShapeLimits?) {
        self.types = types
        self.limits = limits
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard !stopped else { return }
        depth += 1
        if let limits, depth > limits.maxDepth {
            return stop(parser, "elements nest more than \(limits.maxDepth) deep")
        }
        switch element {
        case "Annotation":
            annotationCount += 1
            if let limits, annotationCount > limits.maxFeatures {
                return stop(parser, "more than \(limits.maxFeatures) annotations; a shapes file may have at most that many")
            }
            let type = attributes["Type"] ?? "Polygon"
            let keep = types.map { $0.contains(type) } ?? true
            current = keep ? Annotation(index: annotationCount - 1, line: parser.lineNumber, name: attributes["Name"] ?? "",
                                        type: type, group: attributes["PartOfGroup"] ?? "") : nil
        case "Coordinate":
            guard current != nil else { return }
            coordinateCount += 1
            if let limits, coordinateCount > limits.maxVertices {
                return stop(parser, "more than \(limits.maxVertices) coordinates; a shapes file may have at most that many vertices")
            }
            coordinate(attributes, parser: parser)
        default:
            break
        }
    }

    private func coordinate(_ attributes: [String: String], parser: XMLParser) {
        let number = { (key: String) in attributes[key].flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) } }
        guard let x = number("X"), let y = number("Y"), x.isFinite, y.isFinite else {
            if problem == nil {
                let within = current.map { ["annotation \($0.index + 1)"] } ?? []
                problem = Problem(line: parser.lineNumber, within: within, message: "a Coordinate needs numeric X and Y attributes")
            }
            return
        }
        guard var annotation = current else { return }
        // A Coordinate without Order takes its position in the file.
        annotation.points.append((Int(attributes["Order"] ?? "") ?? annotation.points.count, PlanePoint(x: x, y: y)))
        current = annotation
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        if element == "Annotation", let current {
            annotations.append(current)
            self.current = nil
        }
    }

    private func stop(_ parser: XMLParser, _ message: String) {
        problem = Problem(line: parser.lineNumber, within: [], message: message)
        stopped = true
        parser.abortParsing()
    }
}
