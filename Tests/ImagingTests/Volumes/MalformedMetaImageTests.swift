import Compression
import Imaging
import Testing
import TestSupport

@Suite struct MalformedMetaImageTests {
    let folder: ScratchFolder

    init() throws { folder = try ScratchFolder() }

    func read(_ header: String, data: [UInt8] = [], name: String = "bad.mha") throws -> VolumeError? {
        let path = try folder.write(Array(header.utf8) + data, to: name)
        do {
            _ = try VolumeReader.read(path: path)
            return nil
        } catch {
            return error
        }
    }

    static func header(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    static let base = ["ObjectType = Image", "NDims = 3", "DimSize = 4 3 2", "ElementType = MET_SHORT"]

    @Test func missingDimSizeIsNamed() throws {
        let error = try read(Self.header(["NDims = 3", "ElementType = MET_SHORT", "ElementDataFile = LOCAL"]))
        #expect(error?.field == "DimSize")
    }

    @Test func dimSizeWithTheWrongCountGivesTheLine() throws {
        let error = try read(Self.header(["NDims = 3", "DimSize = 4 3", "ElementType = MET_SHORT", "ElementDataFile = LOCAL"]))
        #expect(error?.kind == .invalidHeader)
        #expect(error?.field == "DimSize")
        #expect(error?.line == 2)
        #expect(error?.description.contains("line 2, field DimSize") == true)
    }

    @Test func unknownElementTypeIsUnsupported() throws {
        let error = try read(Self.header(["NDims = 3", "DimSize = 4 3 2", "ElementType = MET_STRING", "ElementDataFile = LOCAL"]))
        #expect(error?.kind == .unsupported)
        #expect(error?.message.contains("MET_STRING") == true)
    }

    @Test func unknownKeysAreTolerated() throws {
        let volume = try VolumeReader.read(path: folder.write(
            Array(Self.header(Self.base + ["SomethingNew = 1 2 3", "ElementDataFile = LOCAL"]).utf8) + [UInt8](repeating: 1, count: 48), to: "ok.mha"))
        #expect(volume.shape == [4, 3, 2])
    }

    @Test func shortLocalDataIsTruncation() throws {
        let error = try read(Self.header(Self.base + ["ElementDataFile = LOCAL"]), data: [UInt8](repeating: 0, count: 47))
        #expect(error?.kind == .truncated)
    }

    @Test func missingDataFileNamesTheFilesLookedFor() throws {
        let error = try read(Self.header(Self.base + ["ElementDataFile = nowhere.raw"]), name: "detached.mhd")
        #expect(error?.kind == .unreadable)
        #expect(error?.field?.hasPrefix("ElementDataFile") == true)
        #expect(error?.message.contains("nowhere.raw") == true)
    }

    @Test func fileListsAreUnsupported() throws {
        let error = try read(Self.header(Self.base + ["ElementDataFile = LIST"]))
        #expect(error?.kind == .unsupported)
    }

    @Test func compressedSizeBeyondTheFileIsTruncation() throws {
        let error = try read(Self.header(Self.base + ["CompressedData = True", "CompressedDataSize = 5000", "ElementDataFile = LOCAL"]), data: Deflate.zlib([UInt8](repeating: 0, count: 48)))
        #expect(error?.kind == .truncated)
    }

    @Test func zlibBombIsRefused() throws {
        let bomb = Deflate.zlib([UInt8](repeating: 0, count: 4 << 20), level: 9)
        let error = try read(Self.header(Self.base + ["CompressedData = True", "ElementDataFile = LOCAL"]), data: bomb)
        #expect(error?.kind == .corruptData)
        #expect(error?.message.contains("expands past the 48 bytes") == true)
    }

    @Test func damagedZlibIsCorruptData() throws {
        var data = Deflate.zlib((0..<4800).map { UInt8(truncatingIfNeeded: $0 * 31) }, level: 1)
        for index in stride(from: 4, to: data.count, by: 2) { data[index] ^= 0xA5 }
        let header = Self.header(["NDims = 3", "DimSize = 40 30 2", "ElementType = MET_UCHAR", "CompressedData = True", "ElementDataFile = LOCAL"])
        let error = try read(header, data: data)
        #expect(error?.kind == .corruptData || error?.kind == .truncated)
    }

    @Test func headerWithoutDataFileLineIsNotAMetaImage() throws {
        let error = try read(Self.header(Self.base))
        #expect(error?.kind == .unrecognised)
        #expect(error?.field == "ElementDataFile")
    }

    @Test func asciiDataIsUnsupported() throws {
        let error = try read(Self.header(Self.base + ["BinaryData = False", "ElementDataFile = LOCAL"]))
        #expect(error?.kind == .unsupported)
    }
}
