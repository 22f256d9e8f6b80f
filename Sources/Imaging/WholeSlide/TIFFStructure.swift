/// Every image directory of a TIFF file: the main IFD chain in order, and the SubIFDs each one points to.
struct TIFFStructure: Sendable {
    var path: String
    var fileSize: UInt64
    var directories: [TIFFDirectory]
    var subDirectories: [Int: [TIFFDirectory]]

    /// Walks the file with libtiff (which refuses IFD loops), reading at most `SlideLimits.maxDirectories`.
    static func scan(_ handle: UnsafeTIFFHandle, file: SlideFile) throws(SlideError) -> TIFFStructure {
        var structure = TIFFStructure(path: handle.path, fileSize: file.size, directories: [], subDirectories: [:])
        var index = 0
        var total = 0
        while true {
            try handle.select(.main(index))
            let directory = try TIFFDirectory.read(handle, at: .main(index), file: file)
            structure.directories.append(directory)
            total += 1 + directory.subIFDOffsets.count
            guard total <= SlideLimits.maxDirectories else {
                throw SlideError(.tooLarge, file: handle.path, directory: "IFD \(index)", "more than \(SlideLimits.maxDirectories) directories")
            }
            if !directory.subIFDOffsets.isEmpty {
                structure.subDirectories[index] = try scanSubDirectories(of: directory, index: index, handle, file: file)
            }
            guard try handle.readDirectory(after: index) else {
                // At the true end of the chain libtiff says nothing; an IFD loop is reported as a warning.
                if let problem = handle.lastError ?? handle.lastWarning {
                    throw SlideError(.malformed, file: handle.path, directory: "IFD \(index)", "next IFD: \(problem)")
                }
                break
            }
            index += 1
        }
        return structure
    }

    private static func scanSubDirectories(of parent: TIFFDirectory, index: Int, _ handle: UnsafeTIFFHandle, file: SlideFile) throws(SlideError) -> [TIFFDirectory] {
        var result: [TIFFDirectory] = []
        for (subIndex, offset) in parent.subIFDOffsets.enumerated() {
            let address = TIFFDirectoryAddress.sub(parent: index, index: subIndex, offset: offset)
            try handle.select(address)
            result.append(try TIFFDirectory.read(handle, at: address, file: file))
        }
        return result
    }
}
