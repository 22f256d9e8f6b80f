import Annotations
import Challenge
import Foundation
import Scoring
import Store

/// The file formats a consensus is exported in.
public enum ConsensusFormat: String, Sendable, CaseIterable {
    /// A majority: the truth CSV `case_id,label,split`. STAPLE: one row per item, class and reader
    /// (`StapleConsensus.summaryCSV`).
    case csv
    /// QuPath GeoJSON, one file per slide.
    case geojson
    /// ASAP XML, one file per slide.
    case asap
}

/// A consensus as shape files, one per slide: a majority's labelled items as their boxes classed with the label, or
/// STAPLE's traced polygons per item and class. Written by the Annotations writers, so `GeoJSONParser.shapes` and
/// `ASAPXMLParser.shapes` read the shapes back.
public struct ConsensusShapeFiles: Sendable {
    /// One slide's file.
    public struct File: Sendable, Equatable {
        public let slide: String
        /// `<slide name without its extension>.geojson` or `.xml`.
        public let name: String
        public let bytes: [UInt8]
        public let shapes: Int
    }

    /// Shapes gathered for one slide, with what each says beyond its class.
    struct Entry {
        var shapes: [ClassedShape] = []
        var properties: [[String: GeoJSONWriter.Property]] = []
        var names: [String] = []
    }

    /// In order of the slides' first item.
    public let files: [File]
    /// Items with a consensus but no box to draw (whole slides), left out.
    public let unplaced: [String]

    /// The labelled items of a majority consensus as rectangles on their slides: each item's box classed with its
    /// consensus label, with its id, its votes per class and whether an adjudicator decided it (GeoJSON properties
    /// `item_id`, `votes`, `adjudicated`; ASAP names such as `r1: votes 0=2 1=1, adjudicated`).
    public static func labels(
        _ consensus: StudyConsensus, classes: [String], items: [StudyItem], format: ConsensusFormat
    ) throws -> ConsensusShapeFiles {
        let places = Dictionary(items.map { ($0.itemID, ItemDescription($0)) }, uniquingKeysWith: { first, _ in first })
        var slides: [(String, Entry)] = []
        var unplaced: [String] = []
        for label in consensus.labels {
            guard let place = places[label.itemID] ?? nil, let box = place.regionBox else { unplaced.append(label.itemID); continue }
            let votes = Dictionary(uniqueKeysWithValues: zip(classes, label.votes.map { GeoJSONWriter.Property.number(Double($0)) }))
            let tally = zip(classes, label.votes).map { "\($0)=\($1)" }.joined(separator: " ")
            add(to: &slides, slide: place.slide,
                shape: .box(PlaneBox(x: Double(box.x), y: Double(box.y), width: Double(box.width), height: Double(box.height)),
                            className: label.label),
                properties: ["item_id": .string(label.itemID), "votes": .object(votes), "adjudicated": .bool(label.adjudicated)],
                name: "\(label.itemID): votes \(tally)" + (label.adjudicated ? ", adjudicated" : ""))
        }
        return ConsensusShapeFiles(files: try files(slides, format: format), unplaced: unplaced)
    }

    /// STAPLE's consensus polygons on their slides, each classed with its class and carrying its item id, the method
    /// and the mask's area in cells (GeoJSON properties `item_id`, `consensus`, `area_cells`, `cell_size`; ASAP
    /// names such as `r1: STAPLE of 3 readers`). An empty consensus mask gives no shape. ASAP cannot hold holes, so
    /// there a polygon with holes is written as pieces without them that cover the same cells.
    public static func staple(
        _ consensus: StapleConsensus, items: [StudyItem], format: ConsensusFormat
    ) throws -> ConsensusShapeFiles {
        let places = Dictionary(items.map { ($0.itemID, ItemDescription($0)) }, uniquingKeysWith: { first, _ in first })
        var slides: [(String, Entry)] = []
        var unplaced = consensus.unboxed
        for mask in consensus.masks {
            guard let place = places[mask.itemID] ?? nil else { unplaced.append(mask.itemID); continue }
            // ASAP holds no holes: there, the mask is traced again into outlines without them.
            for region in format == .asap ? mask.grid.regions(of: mask.cells, holes: false) : mask.regions {
                add(to: &slides, slide: place.slide, shape: .polygon(region, className: mask.className),
                    properties: ["item_id": .string(mask.itemID), "consensus": .string("staple"),
                                 "area_cells": .number(Double(mask.area)), "cell_size": .number(Double(mask.grid.downsample))],
                    name: "\(mask.itemID): STAPLE of \(mask.readers.count) readers")
            }
        }
        return ConsensusShapeFiles(files: try files(slides, format: format), unplaced: unplaced)
    }

    /// Adds a shape to its slide's entry, slides kept in order of first use.
    private static func add(
        to slides: inout [(String, Entry)], slide: String, shape: ClassedShape,
        properties: [String: GeoJSONWriter.Property], name: String
    ) {
        let index = slides.firstIndex { $0.0 == slide } ?? { slides.append((slide, Entry())); return slides.count - 1 }()
        slides[index].1.shapes.append(shape)
        slides[index].1.properties.append(properties)
        slides[index].1.names.append(name)
    }

    /// One file per slide. Two slides whose names give the same file name are refused, naming both.
    private static func files(_ slides: [(String, Entry)], format: ConsensusFormat) throws -> [File] {
        var seen: [String: String] = [:]
        return try slides.map { slide, entry in
            let stem = (URL(fileURLWithPath: slide).lastPathComponent as NSString).deletingPathExtension
            let name = stem + (format == .asap ? ".xml" : ".geojson")
            if let other = seen.updateValue(slide, forKey: name) {
                throw ConsensusExportError.sameFileName(name, slides: [other, slide])
            }
            let set = ShapeSet(entry.shapes)
            let bytes = switch format {
            case .asap: try ASAPXMLWriter.bytes(set, names: entry.names, file: name)
            case .geojson, .csv: try GeoJSONWriter.bytes(set, properties: entry.properties, file: name)
            }
            return File(slide: slide, name: name, bytes: bytes, shapes: entry.shapes.count)
        }
    }
}

/// Why a consensus could not be exported as asked, naming what was in the way.
public enum ConsensusExportError: Error, Equatable, CustomStringConvertible {
    /// Two slides would be written to one file.
    case sameFileName(String, slides: [String])

    public var description: String {
        switch self {
        case .sameFileName(let name, let slides):
            "slides \(slides.map { "\"\($0)\"" }.joined(separator: " and ")) would both be written to \(name); export them apart"
        }
    }
}
