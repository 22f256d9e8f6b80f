import Geometry

/// Writes lesions and exclusions as ASAP saves annotations: one `Annotation` of type Polygon per outline,
/// `Coordinate`s in `Order`, and an `AnnotationGroups` list, laid out with ASAP's tabs and `" />"`.
/// For a file ASAP wrote, writing what `ASAPXMLParser` read gives ASAP's bytes back (CAMELYON17's
/// `patient_004_node_4.xml` does).
public enum ASAPXMLWriter {
    /// An ASAP group: its name (`PartOfGroup` of its annotations), the colour ASAP draws it in, and the colour
    /// stored on each of its annotations (ASAP stores #F4FA58 on every new annotation, whatever its group).
    public struct Group: Sendable, Equatable {
        /// Any text XML 1.0 can hold; escaped on writing.
        public var name: String
        /// `#RRGGBB`, the colour ASAP draws the group's annotations in.
        public var color: String
        /// `#RRGGBB`, stored on each annotation; viewers other than ASAP often draw with it.
        public var annotationColor: String

        public init(name: String, color: String, annotationColor: String = "#F4FA58") {
            self.name = name
            self.color = color
            self.annotationColor = annotationColor
        }

        /// CAMELYON17's lesion group.
        public static let tumor = Group(name: "Tumor", color: "#FF0000")
        /// CAMELYON16's group of regions cut out of lesions, which `ASAPXMLParser` reads as exclusions.
        public static let exclusion = Group(name: "_2", color: "#64FE2E")
    }

    /// Lesions in `lesionGroup`, then exclusions in `exclusionGroup`, named "Annotation 0", "Annotation 1"…
    /// as ASAP names them. The exclusion group is listed only when there are exclusions. `file` names the
    /// output in errors.
    ///
    /// Refused, located by outline: a region with holes (an ASAP annotation is one outline; give holes as
    /// exclusions), a ring of fewer than 3 points, a coordinate that is not finite; and group names the parser
    /// would read back as the other kind, colours that are not `#RRGGBB`, text XML cannot hold.
    public static func bytes(_ annotations: SlideAnnotations, lesionGroup: Group = .tumor, exclusionGroup: Group = .exclusion,
                             file: String) throws(AnnotationError) -> [UInt8] {
        try checkGroups(lesionGroup: lesionGroup, exclusionGroup: exclusionGroup, file: file)
        let outlines = annotations.lesions.enumerated().map { ($1, lesionGroup, "lesion \($0 + 1)") }
            + annotations.exclusions.enumerated().map { ($1, exclusionGroup, "exclusion \($0 + 1)") }
        var xml = "<?xml version=\"1.0\"?>\n<ASAP_Annotations>\n\t<Annotations>\n"
        for (index, (region, group, location)) in outlines.enumerated() {
            try AnnotationWriter.check(region, file: file, location: location)
            guard region.rings.count == 1 else {
                throw AnnotationError(file: file, location: location,
                                      "has \(region.rings.count) rings; an ASAP annotation is one outline, so give holes as exclusions")
            }
            xml += annotation(region.rings[0], type: "Polygon", name: "Annotation \(index)", group: group.name, color: group.annotationColor)
        }
        xml += "\t</Annotations>\n\t<AnnotationGroups>\n"
        for group in annotations.exclusions.isEmpty ? [lesionGroup] : [lesionGroup, exclusionGroup] {
            xml += groupElement(group.name, color: group.color)
        }
        xml += "\t</AnnotationGroups>\n</ASAP_Annotations>\n"
        return Array(xml.utf8)
    }

    /// One `Group` of the `AnnotationGroups` list, at the top level (`PartOfGroup="None"`).
    static func groupElement(_ name: String, color: String) -> String {
        "\t\t<Group Name=\"\(attribute(name))\" PartOfGroup=\"None\" Color=\"\(color)\">\n\t\t\t<Attributes />\n\t\t</Group>\n"
    }

    /// One `Annotation` of `type` with its `Coordinate`s in order, laid out as ASAP lays it out.
    static func annotation(_ points: [PlanePoint], type: String, name: String, group: String, color: String) -> String {
        var xml = "\t\t<Annotation Name=\"\(name)\" Type=\"\(type)\" PartOfGroup=\"\(attribute(group))\" Color=\"\(color)\">\n"
        xml += "\t\t\t<Coordinates>\n"
        for (order, point) in points.enumerated() {
            xml += "\t\t\t\t<Coordinate Order=\"\(order)\" X=\"\(AnnotationWriter.number(point.x))\" Y=\"\(AnnotationWriter.number(point.y))\" />\n"
        }
        return xml + "\t\t\t</Coordinates>\n\t\t</Annotation>\n"
    }

    /// Attribute text in double quotes. White space other than the space is written as a character reference:
    /// a parser normalizes a literal tab or line break in an attribute to a space.
    static func attribute(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
