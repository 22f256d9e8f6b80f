import Imaging

/// `nifti`: NIfTI-1/2 volumes, plain or gzipped (chosen by the gzip magic, as the file name would say), read whole
/// and as non-zero voxels (the sparse gzip path), under the default limits.
let niftiTarget = FuzzTarget(name: "nifti", covers: "NIfTIReader.read and readNonZero (.nii, .nii.gz)") { input in
    let gzipped = input.count >= 2 && input[0] == 0x1F && input[1] == 0x8B
    guard let path = ScratchFile.write(input, suffix: gzipped ? "nii.gz" : "nii") else { return }
    _ = try? NIfTIReader.read(path: path)
    _ = try? NIfTIReader.readNonZero(path: path)
}

/// `metaimage`: MetaImage with its data inside (`ElementDataFile = LOCAL`, as `.mha`), raw or zlib-compressed.
/// Headers naming a separate data file are skipped: that would read whatever else lies in /dev/shm.
let metaImageTarget = FuzzTarget(name: "metaimage", covers: "MetaImageReader.read (.mha, LOCAL data only)") { input in
    guard MetaImageFuzzing.namesOnlyLocalData(input), let path = ScratchFile.write(input, suffix: "mha") else { return }
    _ = try? MetaImageReader.read(path: path)
    _ = try? VolumeReader.readNonZero(path: path)
}

enum MetaImageFuzzing {
    /// True unless a line mentioning `ElementDataFile` has a value other than `LOCAL` (lines split and trimmed as
    /// `MetaImageHeader.parse` does, so nothing it would read as a file name gets through).
    static func namesOnlyLocalData(_ input: UnsafeRawBufferPointer) -> Bool {
        for line in input.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let text = String(decoding: line, as: UTF8.self)
            guard text.contains("ElementDataFile") else { continue }
            guard let equals = text.firstIndex(of: "=") else { continue }
            if trimmed(text[text.index(after: equals)...]) != "LOCAL" { return false }
        }
        return true
    }

    private static func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
