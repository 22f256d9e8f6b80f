import Geometry

extension GeoJSONWriter {
    /// One outline with what QuPath keeps beside it. `GeoJSONParser` reads only the outline back; the rest is
    /// for QuPath and for people (a reader study's reader, the class they chose).
    public struct Feature: Sendable, Equatable {
        /// The outline, written as a Polygon geometry with its holes.
        public var region: PolygonRegion
        /// QuPath's object id, a UUID there. Left out when nil: the writer makes none up, so its output
        /// stays the same for the same input.
        public var id: String?
        /// The annotation's own name (QuPath's "Name" field).
        public var name: String?
        /// The annotation's own colour, when it has one apart from its class.
        public var color: Color?
        /// The class, written as QuPath's `classification` object; nil writes an unclassified annotation.
        public var classification: Classification?

        public init(region: PolygonRegion, id: String? = nil, name: String? = nil, color: Color? = nil,
                    classification: Classification? = nil) {
            self.region = region
            self.id = id
            self.name = name
            self.color = color
            self.classification = classification
        }
    }

    /// QuPath's class of an annotation: the class name and the colour QuPath draws the class in.
    public struct Classification: Sendable, Equatable {
        /// Any text; QuPath matches classes by exact name.
        public var name: String
        public var color: Color

        public init(name: String, color: Color) {
            self.name = name
            self.color = color
        }

        /// QuPath's built-in "Tumor" class and its colour.
        public static let tumor = Classification(name: "Tumor", color: Color(red: 200, green: 0, blue: 0))
    }

    /// An RGB colour, written as QuPath writes colours: `[r, g, b]`.
    public struct Color: Sendable, Equatable {
        /// Channels 0–255, as QuPath stores them.
        public var red: UInt8
        public var green: UInt8
        public var blue: UInt8

        public init(red: UInt8, green: UInt8, blue: UInt8) {
            self.red = red
            self.green = green
            self.blue = blue
        }
    }
}
