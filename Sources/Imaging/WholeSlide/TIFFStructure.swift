/// Every image directory of a TIFF file: the main IFD chain in order, and the SubIFDs each one points to.
struct TIFFStructure: Sendable {
    var path: String
    var fileSize: UInt64
    var directories: [TIFFDirectory]
    var subDirectories: [Int: [TIFFDirectory]]

    /// Walks the file with libtiff (which refuses IFD loops), reading at most `SlideLimits.maxDirectories`.
    static func scan(_ handle: UnsafeTIFFHandle, fileSize: UInt64) throws(SlideError) -> TIFFStructure {
        var structure = TIFFStructure(path: handle.path, fileSize: fileSize, directories: [], subDirectories: [:])
        var index = 0
        var total = 0
        while true {
            try handle.select(.main(index))
            let directory = try TIFFDirectory.read(handle, at: .main(index))
            structure.directories.append(directory)
            total += 1 + directory.subIFDOffsets.count
            guard total <= SlideLimits.maxDirectories else {
                throw SlideError(.tooLarge, file: handle.path, directory: "IFD \(index)", "more than \(SlideLimits.maxDirectories) directories")
            }
            if !directory.subIFDOffsets.isEmpty {
                structure.subDirectories[index] = try scanSubDirectories(of: directory, index: index, handle)
            }
            guard try handle.readDirectory(after: index) else {
                if let error = handle.lastError {
                    throw SlideError(.malformed, file: handle.path, directory: "IFD \(index + 1)", error)
                }
                break
            }
            index += 1
        }
        return structure
    }

    private static func scanSubDirectories(of parent: TIFFDirectory, index: Int, _ handle: UnsafeTIFFHandle) throws(SlideError) -> [TIFFDirectory] {
        var result: [TIFFDirectory] = []
        for (subIndex, offset) in parent.subIFDOffsets.enumerated() {
            let address = TIFFDirectoryAddress.sub(parent: index, index: subIndex, offset: offset)
            try handle.select(address)
            result.append(try TIFFDirectory.read(handle, at: address))
        }
        return result
    }
}
