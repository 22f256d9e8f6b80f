import Annotations
import Foundation
import Geometry
import Imaging
import Parallel
import Scoring

/// Ground truth of a slide-lesion-detection phase: a manifest `slides.csv` (`case_id,width,height`, level-0
/// pixels) and lesion outlines as `annotations*.csv` (`case_id,wkt`, one polygon per row, as the cervical-biopsy
/// challenge published them), per-slide QuPath GeoJSON (`<case>.geojson`), ASAP XML (`<case>.xml`), or masks
/// at the evaluation level (`<case>_level<L>.png`, lesion = non-zero). Slides with none of these have no lesion.
public struct SlideLesionTruth: Sendable {
    public struct Slide: Sendable {
        public let caseID: String
        public let width: Int
        public let height: Int
        public var annotations: SlideAnnotations
        /// A mask at the evaluation level, when given instead of outlines.
        public var levelMask: RunLengthMask?

        public init(caseID: String, width: Int, height: Int, annotations: SlideAnnotations, levelMask: RunLengthMask? = nil) {
            self.caseID = caseID
            self.width = width
            self.height = height
            self.annotations = annotations
            self.levelMask = levelMask
        }
    }

    public let slides: [Slide]

    public init(slides: [Slide]) {
        self.slides = slides
    }

    /// `path`: the manifest CSV itself, or a folder or archive holding it and the annotations. Scoring takes a
    /// slide's level mask over its outlines, so it may pass `outlinesUnderMasks: false` to leave the outline rows
    /// of masked slides unparsed (their case ids are still checked); importing needs every outline.
    public init(path: String, level: Int, outlinesUnderMasks: Bool = true) throws {
        let files = try CaseFiles(path, extensions: [".csv", ".geojson", ".json", ".xml", ".png"], roles: [], keepAll: true)
        guard let manifest = files.all.first(where: { $0.hasSuffix("slides.csv") }) ?? (path.hasSuffix(".csv") ? path : nil) else {
            throw CaseFilesError(path: path, "no slides.csv manifest (case_id,width,height)")
        }
        var slides = try Self.readManifest(manifest)
        var index: [String: Int] = [:]
        for (slot, slide) in slides.enumerated() {
            guard index.updateValue(slot, forKey: slide.caseID) == nil else {
                throw CaseFilesError(path: Self.fileName(manifest), "case \"\(slide.caseID.prefix(120))\" is listed twice")
            }
            let size = Self.levelSize(slide, level: level)
            let cells = size.width.multipliedReportingOverflow(by: size.height)
            guard !cells.overflow, cells.partialValue <= Self.maximumLevelCells else {
                throw CaseFilesError(path: Self.fileName(manifest), "case \"\(slide.caseID.prefix(120))\": level \(level) of a \(slide.width) x \(slide.height) slide has more than \(Self.maximumLevelCells) cells; evaluate at a coarser level")
            }
        }
        let folder = (manifest as NSString).deletingLastPathComponent
        let candidates = files.all + ((try? FileManager.default.contentsOfDirectory(atPath: folder))?.map { folder + "/" + $0 } ?? [])
        let sorted = Set(candidates).sorted()
        let maskSuffix = "_level\(level).png"
        let masks = LevelMasks.decode(sorted.filter { file in
            let name = Self.fileName(file)
            return name.hasSuffix(maskSuffix) && index[String(name.dropLast(maskSuffix.count))] != nil
        })
        let masked = outlinesUnderMasks ? [] : Set(masks.keys.map { String(Self.fileName($0).dropLast(maskSuffix.count)) })
        for file in sorted where file != manifest {
            let name = Self.fileName(file)
            if name.hasPrefix("annotations"), name.hasSuffix(".csv") {
                for (id, regions) in try Self.readWKTTable(file, skipping: masked) {
                    guard let slot = index[id] else { throw CaseFilesError(path: file, "case \"\(id)\" is not in slides.csv") }
                    slides[slot].annotations.lesions += regions
                }
            } else if name.hasSuffix("json"), let slot = index[CaseFiles.stem(of: name, extensions: [".geojson", ".json"])] {
                slides[slot].annotations.lesions += try GeoJSONParser.regions(try Self.bytes(file), file: file)
            } else if name.hasSuffix(".xml"), let slot = index[CaseFiles.stem(of: name, extensions: [".xml"])] {
                let parsed = try ASAPXMLParser.annotations(try Self.bytes(file), file: file)
                slides[slot].annotations.lesions += parsed.lesions
                slides[slot].annotations.exclusions += parsed.exclusions
            } else if name.hasSuffix(maskSuffix), let slot = index[String(name.dropLast(maskSuffix.count))] {
                let mask = try masks[file]!.get()
                let expected = Self.levelSize(slides[slot], level: level)
                guard mask.width == expected.width, mask.height == expected.height else {
                    throw CaseFilesError(path: file, "mask is \(mask.width) x \(mask.height); level \(level) of a \(slides[slot].width) x \(slides[slot].height) slide is \(expected.width) x \(expected.height)")
                }
                slides[slot].levelMask = mask
            }
        }
        self.slides = slides
    }

    /// Largest slide side accepted in a manifest: far above any scanner's (about 200,000 pixels), far below what
    /// would overflow a mask's size.
    public static let maximumSlideSide = 1 << 20
    /// Largest evaluation-level mask, in cells (256 MiB of flags).
    public static let maximumLevelCells = 1 << 28

    /// Width and height of the evaluation level (rounded up, as a pyramid level covering the whole slide).
    public static func levelSize(_ slide: Slide, level: Int) -> (width: Int, height: Int) {
        let cell = 1 << level
        return ((slide.width + cell - 1) / cell, (slide.height + cell - 1) / cell)
    }

    /// The lesion mask of a slide at the evaluation level, or nil when it has no lesion.
    public func mask(of slide: Slide, level: Int) -> RunLengthMask? {
        if let levelMask = slide.levelMask { return levelMask.runs.isEmpty ? nil : levelMask }
        guard !slide.annotations.lesions.isEmpty else { return nil }
        let size = Self.levelSize(slide, level: level)
        return RunLengthMask(slide.annotations.mask(width: size.width, height: size.height, level: level), width: size.width, height: size.height)
    }

    /// The name after the last slash (`NSString.lastPathComponent` for the file paths listed here, at a
    /// fraction of its cost).
    private static func fileName(_ path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    static func bytes(_ path: String) throws -> [UInt8] { try FileBytes.read(path) }

    private static func readManifest(_ path: String) throws -> [Slide] {
        let table = try CSVReader.parse(try bytes(path))
        let columns = ["case_id", "width", "height"].map { table.header.firstIndex(of: $0) }
        guard let id = columns[0], let width = columns[1], let height = columns[2] else {
            throw CaseFilesError(path: path, "the manifest needs columns case_id,width,height; found \(table.header.joined(separator: ","))")
        }
        return try table.rows(checkedIn: fileName(path)).map { row in
            guard let w = Int(row.fields[width]), let h = Int(row.fields[height]), w > 0, h > 0 else {
                throw CaseFilesError(path: fileName(path), line: row.line,
                                     "width and height must be positive integers, found \"\(row.fields[width])\" and \"\(row.fields[height])\"")
            }
            guard w <= maximumSlideSide, h <= maximumSlideSide else {
                throw CaseFilesError(path: fileName(path), line: row.line, "a \(w) x \(h) slide is larger than \(maximumSlideSide) pixels a side")
            }
            return Slide(caseID: row.fields[id], width: w, height: h, annotations: SlideAnnotations(), levelMask: nil)
        }
    }

    private static func readWKTTable(_ path: String, skipping skipped: Set<String>) throws -> [(String, [PolygonRegion])] {
        let table = try CSVReader.parse(try bytes(path))
        guard let id = table.header.firstIndex(of: "case_id"),
              let wkt = table.header.firstIndex(where: { ["wkt", "geometry"].contains($0) }) else {
            throw CaseFilesError(path: path, "annotation tables need columns case_id and wkt (or geometry)")
        }
        return try table.rows(checkedIn: path).map { row in
            let caseID = row.fields[id]
            return (caseID, skipped.contains(caseID) ? [] : try WKTParser.regions(row.fields[wkt], file: path, line: row.line))
        }
    }
}

/// The level masks of a phase, decoded on all cores before the files are read in order: each is a small PNG,
/// and a failure is kept with its file so it is thrown where the sequential reading would have thrown it.
enum LevelMasks {
    typealias Decoded = Result<RunLengthMask, any Error>

    static func decode(_ files: [String]) -> [String: Decoded] {
        let decoded = ParallelMap.map(count: files.count) { index -> Decoded in
            Result { try PNGCodec.decodeMask(try SlideLesionTruth.bytes(files[index])) }
        }
        return Dictionary(uniqueKeysWithValues: zip(files, decoded))
    }
}
