import ArgumentParser
import Foundation

/// `arbiter study import FILE`: reads from a CSV, or a reader's shapes from QuPath GeoJSON or ASAP XML, told apart by
/// the file's extension; the same as `study reads import` and `study annotations import`.
struct StudyImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import reads: a CSV (as `study reads import`), or QuPath GeoJSON / ASAP XML shapes (as `study annotations import`).")

    @OptionGroup var target: StudyTarget
    @Argument(help: "A reads CSV (.csv), a QuPath GeoJSON export (.geojson or .json) or an ASAP XML file (.xml).") var file: String
    @Option(help: "For shapes: the reader whose read it is.") var reader: String?
    @Option(help: "For shapes: the item read.") var item: String?
    @Flag(help: "For shapes: the read of the item's hidden repeat.") var isRepeat = false
    @Option(help: "For a CSV: seconds spent recorded with each read (0 to 86400).") var secondsSpent = 0.0

    func run() throws {
        let common = [target.challenge, target.study, file] + target.data.arguments
        if URL(fileURLWithPath: file).pathExtension.lowercased() == "csv" {
            guard reader == nil, item == nil, !isRepeat else {
                throw ValidationError("a reads CSV names its readers and items in its rows; --reader, --item and --is-repeat are for shapes")
            }
            var command = try StudyReadsCommand.Import.parse(common + ["--seconds-spent", String(secondsSpent)])
            return try command.run()
        }
        guard let reader, let item else {
            throw ValidationError("\(file) holds shapes: say whose read of which item with --reader and --item")
        }
        var command = try StudyAnnotationsCommand.Import.parse(common + ["--reader", reader, "--item", item] + (isRepeat ? ["--is-repeat"] : []))
        try command.run()
    }
}

/// `arbiter study export`: the reads as CSV (as `study reads export`), or a reader's shapes as QuPath GeoJSON or ASAP
/// XML (as `study annotations export`). The consensus has its own export: `study consensus --format`.
struct StudyExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the reads as CSV, or a reader's shapes as QuPath GeoJSON or ASAP XML.")

    @OptionGroup var target: StudyTarget
    @Option(help: "csv (every reader's reads), geojson or asap (one reader's shapes, one file per item).") var format = "csv"
    @Option(help: "For geojson and asap: the reader whose shapes to write.") var reader: String?
    @Option(help: "For csv: the file to write (default: standard output); for geojson and asap: the folder.") var out: String?
    @Flag(help: "For csv: every version of every read, oldest first.") var allVersions = false

    func run() throws {
        let common = [target.challenge, target.study] + target.data.arguments
        switch format {
        case "csv":
            var command = try StudyReadsCommand.Export.parse(common + (out.map { ["--out", $0] } ?? []) + (allVersions ? ["--all-versions"] : []))
            try command.run()
        case "geojson", "asap":
            guard let reader, let out else { throw ValidationError("--format \(format) writes one reader's shapes: give --reader and --out (a folder)") }
            var command = try StudyAnnotationsCommand.Export.parse(common + ["--reader", reader, "--format", format, "--out", out])
            try command.run()
        default:
            throw ValidationError("--format expects csv, geojson or asap, got \(format)")
        }
    }
}
