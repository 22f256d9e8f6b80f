import Foundation
import Yams

/// Reads `items`: exactly one of `tiles`, `regions` or `slides`.
enum StudyItemsReader {
    private static let kinds = ["tiles", "regions", "slides"]

    static func read(_ field: YAMLField, _ reader: inout SpecReader) -> StudyItems? {
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: Set(kinds))
        let present = field.keys.filter { kinds.contains($0.key) }
        guard let kind = present.first else {
            reader.report(field.issue("no items; give one of `tiles` (a tile-set manifest), `regions` or `slides`"))
            return nil
        }
        if present.count > 1 {
            let extra = present[1]
            reader.report(SpecIssue(
                path: field.child(extra.key).path, line: extra.mark?.line, column: extra.mark?.column,
                message: "a study reads one kind of item, and `\(kind.key)` is already given; remove `\(extra.key)`"))
            return nil
        }
        let source = field.child(kind.key)
        switch kind.key {
        case "tiles": return readManifest(source, &reader).map { .tiles(manifest: $0) }
        case "regions": return readList(source, as: readRegion, &reader).map { .regions($0) }
        default: return readList(source, as: readSlide, &reader).map { .slides($0) }
        }
    }

    /// A relative path, inside the challenge's folder, to the JSON manifest `arbiter tiles export` writes.
    private static func readManifest(_ field: YAMLField, _ reader: inout SpecReader) -> String? {
        guard let path = reader.string(field) else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || parts.contains("..") || parts.contains("") {
            reader.report(field.issue(
                "\"\(path)\": name the manifest relative to the challenge's folder, without \"..\", a leading \"/\" or empty parts"))
            return nil
        }
        guard path.hasSuffix(".json") else {
            reader.report(field.issue(
                "\"\(path)\" is not a JSON manifest; name the manifest.json that `arbiter tiles export` writes in its --out folder"))
            return nil
        }
        return path
    }

    /// A non-empty list of items with distinct ids.
    private static func readList<Item>(
        _ field: YAMLField, as readItem: (YAMLField, inout SpecReader) -> Item?, _ reader: inout SpecReader
    ) -> [Item]? where Item: StudyItemIdentified {
        guard let elements = reader.sequence(field) else { return nil }
        guard !elements.isEmpty else {
            reader.report(field.issue("the list is empty; a study needs at least one item"))
            return nil
        }
        var items: [Item] = []
        var firstIndex: [String: Int] = [:]
        var complete = true
        for (index, element) in elements.enumerated() {
            guard let item = readItem(element, &reader) else { complete = false; continue }
            if let first = firstIndex[item.id] {
                reader.report(element.child("id").issue("item id \"\(item.id)\" appears twice (first at \(field.path)[\(first)])"))
                complete = false
                continue
            }
            firstIndex[item.id] = index
            items.append(item)
        }
        return complete ? items : nil
    }

    private static func readSlide(_ field: YAMLField, _ reader: inout SpecReader) -> StudySlide? {
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["id", "slide"])
        let id = StudyNames.name(field.child("id"), noun: "item id", &reader)
        let slide = readSlideName(field.child("slide"), &reader)
        guard let id, let slide else { return nil }
        return StudySlide(id: id, slide: slide)
    }

    private static func readRegion(_ field: YAMLField, _ reader: inout SpecReader) -> StudyRegion? {
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["id", "slide", "box", "mpp"])
        let issuesBefore = reader.issues.count
        let id = StudyNames.name(field.child("id"), noun: "item id", &reader)
        let slide = readSlideName(field.child("slide"), &reader)
        let box = RegionBoxReader.read(field.child("box"), &reader)
        let mppField = field.child("mpp")
        var mpp: Double?
        if mppField.isPresent, let value = reader.number(mppField) {
            if value > 0 {
                mpp = value
            } else {
                reader.report(mppField.issue("mpp must be a positive number of microns per pixel, got \(value)"))
            }
        }
        guard reader.issues.count == issuesBefore, let id, let slide, let box else { return nil }
        return StudyRegion(id: id, slide: slide, box: box, mpp: mpp)
    }

    private static func readSlideName(_ field: YAMLField, _ reader: inout SpecReader) -> String? {
        guard let slide = reader.string(field) else { return nil }
        guard !slide.trimmingCharacters(in: .whitespaces).isEmpty else {
            reader.report(field.issue("the slide name is empty; name the slide's file without its extension"))
            return nil
        }
        guard !slide.contains("/") else {
            reader.report(field.issue("slide \"\(slide)\" is a path; name the slide's file without folder or extension"))
            return nil
        }
        return slide
    }
}

/// An item with the id it is listed under.
protocol StudyItemIdentified {
    var id: String { get }
}

extension StudyRegion: StudyItemIdentified {}
extension StudySlide: StudyItemIdentified {}
