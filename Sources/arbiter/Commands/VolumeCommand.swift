import ArgumentParser
import Foundation
import Imaging

struct VolumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "volume", abstract: "Inspect NIfTI and MetaImage volumes.",
        subcommands: [VolumeInfoCommand.self, VolumeSlicesCommand.self])
}

struct VolumeInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Shape, datatype, spacing, affine, orientation and value range of a volume.")

    @Argument(help: "A .nii, .nii.gz, .hdr/.img, .mha or .mhd file.") var file: String
    @Flag(help: "Print JSON instead of aligned text.") var json = false

    func run() throws {
        let summary = VolumeSummary(try VolumeReader.read(path: file))
        if json {
            print(try JSONOutput.text(summary))
        } else {
            summary.lines.forEach { print($0) }
        }
    }
}

struct VolumeSlicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slices", abstract: "Write one PNG per slice, optionally with a label map drawn as coloured outlines.")

    @Argument(help: "The volume to slice.") var file: String
    @Option(help: "Plane: axial, coronal or sagittal.") var axis: SliceAxis = .axial
    @Option(help: "Display window as CENTER,WIDTH (default: the whole value range).") var window: String?
    @Option(help: "A label map on the same grid, drawn as outlines.") var labels: String?
    @Option(help: "Folder for slice-NNN.png files (created if missing).") var out: String

    func run() async throws {
        let volume = try VolumeReader.read(path: file)
        let labelMap = try labels.map { try VolumeReader.read(path: $0) }
        let slicer = try VolumeSlicer(volume: volume, window: try parsedWindow(), labels: labelMap)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let count = slicer.sliceCount(axis)
        let digits = max(3, String(count - 1).count)
        let (plane, folder) = (axis, out)
        try await withThrowingTaskGroup(of: Void.self) { group in
            let width = ProcessInfo.processInfo.activeProcessorCount
            for index in 0..<count {
                if index >= width { try await group.next() }
                group.addTask {
                    let name = "slice-" + String(repeating: "0", count: max(0, digits - String(index).count)) + String(index) + ".png"
                    try PNGCodec.write(slicer.render(plane, index: index), to: folder + "/" + name)
                }
            }
            try await group.waitForAll()
        }
        print("wrote \(count) \(axis.rawValue) slices to \(out)")
    }

    private func parsedWindow() throws -> IntensityWindow? {
        guard let window else { return nil }
        let parts = window.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let center = parts[0], let width = parts[1], width > 0 else {
            throw ValidationError("--window expects CENTER,WIDTH with a positive width, got \"\(window)\"")
        }
        return IntensityWindow(center: center, width: width)
    }
}

extension SliceAxis: ExpressibleByArgument {}
