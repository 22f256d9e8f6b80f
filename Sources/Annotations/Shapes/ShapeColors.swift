import Foundation

/// The colour a writer gives a class when the caller names none: QuPath's colour for its built-in classes, else
/// one of 12 distinct colours picked by a hash of the name, so that a class keeps its colour from file to file.
public enum ShapeColors {
    /// QuPath's standard classes and their colours (`PathClass.StandardPathClasses`).
    private static let qupath: [String: GeoJSONWriter.Color] = [
        "Tumor": .init(red: 200, green: 0, blue: 0),
        "Stroma": .init(red: 150, green: 200, blue: 150),
        "Immune cells": .init(red: 160, green: 90, blue: 160),
        "Necrosis": .init(red: 50, green: 50, blue: 50),
        "Other": .init(red: 255, green: 200, blue: 0),
        "Region*": .init(red: 0, green: 0, blue: 180),
        "Ignore*": .init(red: 180, green: 180, blue: 180),
    ]

    /// Colours far enough apart to tell classes apart on a slide.
    private static let palette: [GeoJSONWriter.Color] = [
        .init(red: 230, green: 25, blue: 75), .init(red: 60, green: 180, blue: 75), .init(red: 0, green: 130, blue: 200),
        .init(red: 245, green: 130, blue: 48), .init(red: 145, green: 30, blue: 180), .init(red: 70, green: 240, blue: 240),
        .init(red: 240, green: 50, blue: 230), .init(red: 210, green: 245, blue: 60), .init(red: 250, green: 190, blue: 212),
        .init(red: 0, green: 128, blue: 128), .init(red: 170, green: 110, blue: 40), .init(red: 128, green: 0, blue: 0),
    ]

    static func color(forClass name: String) -> GeoJSONWriter.Color {
        if let color = qupath[name] { return color }
        // FNV-1a over the UTF-8 bytes: the same on every platform and in every run, unlike `hashValue`.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return palette[Int(hash % UInt64(palette.count))]
    }

    /// `#RRGGBB`, as ASAP writes colours.
    public static func hex(_ color: GeoJSONWriter.Color) -> String {
        "#" + [color.red, color.green, color.blue].map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// The class's colour as CSS `#RRGGBB`, for the annotation viewer.
    public static func css(forClass name: String) -> String { hex(color(forClass: name)) }

    /// The rings the viewer draws a class's line with, outermost first: the colour that stands out less from the
    /// class's colour (black or white), then the one that stands out more, then the class's colour. Each line thus
    /// holds both black and white, so some ring of it reaches 3:1 on any background (white glass, pink eosin, purple
    /// haematoxylin), and the class's colour reaches at least 4.5:1 against the ring beside it.
    public static func rings(forClass name: String) -> [GeoJSONWriter.Color] {
        let color = color(forClass: name)
        let black = GeoJSONWriter.Color(red: 0, green: 0, blue: 0), white = GeoJSONWriter.Color(red: 255, green: 255, blue: 255)
        return contrast(color, black) >= contrast(color, white) ? [white, black, color] : [black, white, color]
    }

    /// WCAG 2 contrast ratio of two colours, 1 to 21.
    public static func contrast(_ first: GeoJSONWriter.Color, _ second: GeoJSONWriter.Color) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// WCAG 2 relative luminance of an sRGB colour.
    static func luminance(_ color: GeoJSONWriter.Color) -> Double {
        func linear(_ channel: UInt8) -> Double {
            let value = Double(channel) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
    }
}
