import ArgumentParser
import Foundation
import Store
import Studies

/// `arbiter study annotations import|export`: a reader's shapes from and to QuPath GeoJSON or ASAP XML files.
struct StudyAnnotationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotations", abstract: "Import a reader's shapes of an item from QuPath GeoJSON or ASAP XML, or export them.",
        subcommands: [Import.self, Export.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save the shapes of a QuPath GeoJSON or ASAP XML file (.xml) as a reader's read of an item.",
            discussion: "The shapes are checked against the study's kinds and classes; the read is a new version.")

        @OptionGroup var target: StudyTarget
        @Argument(help: "A QuPath GeoJSON export, or an ASAP XML file (.xml).") var file: String
        @Option(help: "The reader whose read it is.") var reader: String
        @Option(help: "The item read.") var item: String
        @Flag(help: "The read of the item's hidden repeat.") var isRepeat = false

        func run() throws {
            let study = try target.open()
            let text = try ReadAnnotations.readText(try readFile(file, upTo: 10 << 20), file: file, format: .init(fileName: file))
            let read = try study.save(
                NewStudyRead(itemID: item, reader: reader, isRepeat: isRepeat, secondsSpent: 0, shapes: text), now: Date())
            print("saved version \(read.version) of \(reader)'s read of \(item) in study \(study.study.name)")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a reader's latest shapes, one file per item, as QuPath GeoJSON or ASAP XML.",
            discussion: "A hidden repeat's read goes to <item>.repeat.<ext>, beside the first reading's <item>.<ext>; both are in the slide's level-0 pixels.")

        @OptionGroup var target: StudyTarget
        @Option(help: "The reader whose reads to write.") var reader: String
        @Option(help: "geojson or asap.") var format: String = "geojson"
        @Option(help: "Folder to write <item>.geojson or <item>.xml (and <item>.repeat.geojson for a hidden repeat) into.") var out: String

        func run() throws {
            guard let format = ReadAnnotations.Format(rawValue: format) else {
                throw ValidationError("--format expects geojson or asap, got \(format)")
            }
            let study = try target.open()
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let reads = try study.store.reads(by: reader, in: study.study, latestOnly: true).filter { $0.shapes != nil }
            for read in reads {
                let bytes = try ReadAnnotations.file(read.shapes!, item: read.itemID, format: format)
                try Data(bytes).write(to: URL(fileURLWithPath: out).appendingPathComponent("\(read.itemID)\(read.isRepeat ? ".repeat" : "").\(format.fileExtension)"),
                                      options: .atomic)
            }
            print("wrote \(reads.count) files of \(reader)'s shapes to \(out)")
        }
    }
}
