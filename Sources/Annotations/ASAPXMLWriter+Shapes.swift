import Geometry

extension ASAPXMLWriter {
    /// The shapes as ASAP saves annotations, one `Annotation` per shape in order ("Annotation 0", "Annotation 1"…),
    /// which `ASAPXMLParser.shapes` reads back to the same shapes:
    /// - a point is a `Dot` of one Coordinate;
    /// - a polygon is a `Polygon`, its ring open as ASAP stores it;
    /// - a box is a `Rectangle` of its 4 corners: top-left, top-right, bottom-right, bottom-left.
    ///
    /// The class is `PartOfGroup`, `None` for an unclassified shape. `AnnotationGroups` lists each class once, in
    /// order of first use, with the colours of the `groups` entry of that name, else the colour the GeoJSON writer
    /// gives the class (QuPath's for its built-in classes, one picked by the name otherwise) and ASAP's #F4FA58 on
    /// the annotations.
    ///
    /// `names[i]`, when given, is the i-th annotation's `Name` (ASAP's only free text on an annotation, shown in its
    /// list), such as the item and votes of an exported consensus shape; otherwise "Annotation i".
    ///
    /// Refused, located by shape (1-based): what `GeoJSONWriter` refuses (coordinates that are not finite, rings
    /// of fewer than 3 distinct vertices, boxes without area), a polygon with holes (an ASAP annotation is one
    /// outline), class names ASAP reads as no group ("None", empty) or XML 1.0 cannot hold, and `groups` colours that
    /// are not `#RRGGBB`.
    public static func bytes(
        _ shapes: ShapeSet, groups: [Group] = [], names: [String] = [], file: String
    ) throws(AnnotationError) -> [UInt8] {
        guard names.count <= shapes.shapes.count else {
            throw AnnotationError(file: file, "names for \(names.count) shapes, but there are \(shapes.shapes.count)")
        }
        if let (index, name) = names.enumerated().first(where: { $0.element.unicodeScalars.contains { !isXMLCharacter($0) } }) {
            throw AnnotationError(file: file, location: "shape \(index + 1)",
                                  "the name \"\(name)\" holds a character XML 1.0 cannot hold")
        }
        let classes = try classGroups(shapes.classNames, given: groups, file: file)
        var xml = "<?xml version=\"1.0\"?>\n<ASAP_Annotations>\n\t<Annotations>\n"
        for (index, shape) in shapes.shapes.enumerated() {
            let location = "shape \(index + 1)"
            try ShapeRules.check(shape, file: file, location: location)
            let (type, points) = try outline(shape.geometry, file: file, location: location)
            let group = shape.className.flatMap { classes[$0] }
            let name = index < names.count ? attribute(names[index]) : "Annotation \(index)"
            xml += annotation(points, type: type, name: name, group: group?.name ?? "None",
                              color: group?.annotationColor ?? "#F4FA58")
        }
        xml += "\t</Annotations>\n\t<AnnotationGroups>\n"
        for name in shapes.classNames {
            xml += groupElement(name, color: classes[name]?.color ?? "#F4FA58")
        }
        return Array((xml + "\t</AnnotationGroups>\n</ASAP_Annotations>\n").utf8)
    }

    /// The ASAP type and the Coordinates of a shape.
    private static func outline(_ geometry: ShapeGeometry, file: String,
                                location: String) throws(AnnotationError) -> (String, [PlanePoint]) {
        switch geometry {
        case .point(let point):
            return ("Dot", [point])
        case .box(let box):
            return ("Rectangle", box.corners)
        case .polygon(let region):
            guard region.rings.count == 1 else {
                throw AnnotationError(file: file, location: location,
                                      "has \(region.rings.count) rings; an ASAP annotation is one outline and cannot hold holes")
            }
            return ("Polygon", ShapeRules.open(region.rings[0]))
        }
    }

    /// The group of each class: the one `given` under its name, or a new one in the class's colour.
    private static func classGroups(_ names: [String], given: [Group], file: String) throws(AnnotationError) -> [String: Group] {
        var groups: [String: Group] = [:]
        for name in names {
            let group = given.first { $0.name == name }
                ?? Group(name: name, color: ShapeColors.hex(ShapeColors.color(forClass: name)))
            let location = "class \(name)"
            guard !["", "None"].contains(name) else {
                throw AnnotationError(file: file, location: location,
                                      "ASAP reads PartOfGroup \"\(name)\" as no group; give the class another name")
            }
            try checkColor(group.color, file: file, location: location)
            try checkColor(group.annotationColor, file: file, location: location)
            if let bad = name.unicodeScalars.first(where: { !isXMLCharacter($0) }) {
                throw AnnotationError(file: file, location: location,
                                      "the name holds U+\(String(bad.value, radix: 16, uppercase: true)), which XML 1.0 cannot hold")
            }
            groups[name] = group
        }
        return groups
    }
}
