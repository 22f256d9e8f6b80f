import Foundation
import Yams

/// Reads a region's `box: [x, y, width, height]`: integers in level-0 pixels, the corner not negative and the size
/// positive. A bad number is reported at the box's key path with the number's own line and column.
enum RegionBoxReader {
    private static let names = ["x", "y", "width", "height"]
    /// No slide is this large; the bound keeps `x + width` and areas far from overflowing wherever a box is used.
    static let limit = Int(Int32.max)

    static func read(_ field: YAMLField, _ reader: inout SpecReader) -> RegionBox? {
        guard let elements = reader.sequence(field) else { return nil }
        guard elements.count == 4 else {
            reader.report(field.issue("expected [x, y, width, height] in level-0 pixels, got \(elements.count) values"))
            return nil
        }
        var values: [Int] = []
        for (name, element) in zip(names, elements) {
            let minimum = name == "x" || name == "y" ? 0 : 1
            guard let value = value(element, name: name, minimum: minimum, box: field, &reader) else { continue }
            values.append(value)
        }
        guard values.count == 4 else { return nil }
        return RegionBox(x: values[0], y: values[1], width: values[2], height: values[3])
    }

    private static func value(_ element: YAMLField, name: String, minimum: Int, box: YAMLField, _ reader: inout SpecReader) -> Int? {
        func report(_ message: String) {
            reader.report(SpecIssue(path: box.path, line: element.mark?.line, column: element.mark?.column, message: message))
        }
        guard let text = element.scalarText else {
            report("\(name) must be a whole number of level-0 pixels, got a \(element.node.map { _ in "list or mapping" } ?? "nothing")")
            return nil
        }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            report("\(name) must be a whole number of level-0 pixels, got \"\(text)\"")
            return nil
        }
        guard value >= minimum else {
            report(minimum == 0 ? "\(name) is \(value); a box's corner lies on the slide (0 or more)"
                : "\(name) is \(value); a box's width and height are positive")
            return nil
        }
        guard value <= limit else {
            report("\(name) is \(value), past any slide; level-0 coordinates and sizes are at most \(limit)")
            return nil
        }
        return value
    }
}
