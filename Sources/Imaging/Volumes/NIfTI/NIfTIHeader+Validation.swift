/// What a checked header says about the voxels.
struct NIfTILayoutCheck {
    var shape: [Int]
    var voxelType: VoxelType
    var dataBytes: Int
    /// Where voxel data starts in the data file (the `.nii` itself, or the `.img` of a pair).
    var dataOffset: Int
    /// Where it ends: `dataOffset + dataBytes`, checked not to overflow.
    var dataEnd: Int
}

extension NIfTIHeader {
    private var layout: Layout { version == .one ? .one : .two }
    private var integerWidth: Int { version == .one ? 2 : 8 }

    /// Checks everything needed to size and locate the data, refusing lies before anything is allocated.
    func checked(file: String, limits: VolumeLimits) throws(VolumeError) -> NIfTILayoutCheck {
        try checkMagic(file: file)
        let shape = try checkedShape(file: file)
        try limits.checkVoxels(shape, field: "dim", file: file, byteOffset: layout.dim)
        let type = try checkedType(file: file)
        guard let bytes = VolumeLimits.byteCount(shape: shape, components: type.inherentComponents, valueSize: type.componentSize) else {
            throw VolumeError(.tooLarge, file: file, field: "dim", byteOffset: layout.dim, "dimensions \(shape) overflow a 64-bit byte count")
        }
        guard bytes <= limits.maximumDataBytes else {
            throw VolumeError(.tooLarge, file: file, field: "dim", byteOffset: layout.dim,
                              "dimensions \(shape) need \(bytes) bytes, over the \(limits.maximumDataBytes)-byte limit")
        }
        let offset = try checkedOffset(file: file, limits: limits)
        let end = try VolumeLimits.end(offset, plus: bytes, field: "vox_offset", file: file)
        return NIfTILayoutCheck(shape: shape, voxelType: type, dataBytes: bytes, dataOffset: offset, dataEnd: end)
    }

    private func checkMagic(file: String) throws(VolumeError) {
        let accepted = version == .one ? ["n+1", "ni1"] : ["n+2", "ni2"]
        guard accepted.contains(magic) else {
            throw VolumeError(.unrecognised, file: file, field: "magic", byteOffset: layout.magic,
                              "magic is \"\(magic)\"; expected \(accepted.map { "\"\($0)\"" }.joined(separator: " or ")) (Analyze 7.5 files are not read)")
        }
    }

    private func checkedShape(file: String) throws(VolumeError) -> [Int] {
        let rank = shape[0]
        guard (1...7).contains(rank) else {
            throw VolumeError(.invalidHeader, file: file, field: "dim[0]", byteOffset: layout.dim, "number of dimensions is \(rank); expected 1 to 7")
        }
        for axis in 1...rank where shape[axis] <= 0 {
            throw VolumeError(.invalidHeader, file: file, field: "dim[\(axis)]", byteOffset: layout.dim + axis * integerWidth,
                              "extent is \(shape[axis]); every extent must be at least 1")
        }
        return Array(shape[1...rank])
    }

    private func checkedType(file: String) throws(VolumeError) -> VoxelType {
        guard let (type, name) = NIfTIDatatype.byCode[datatypeCode] else {
            let known = NIfTIDatatype.unsupported[datatypeCode].map { " (\($0), not supported)" } ?? " (not a NIfTI datatype)"
            throw VolumeError(.unsupported, file: file, field: "datatype", byteOffset: layout.datatype, "datatype is \(datatypeCode)\(known)")
        }
        let expectedBits = NIfTIDatatype.bitsPerVoxel(type)
        guard bitpix == expectedBits else {
            throw VolumeError(.invalidHeader, file: file, field: "bitpix", byteOffset: layout.bitpix,
                              "bitpix is \(bitpix) but datatype \(datatypeCode) (\(name)) has \(expectedBits) bits per voxel")
        }
        return type
    }

    private func checkedOffset(file: String, limits: VolumeLimits) throws(VolumeError) -> Int {
        guard voxOffset >= 0 else {
            throw VolumeError(.invalidHeader, file: file, field: "vox_offset", byteOffset: layout.voxOffset, "vox_offset is not a whole non-negative number of bytes")
        }
        if isSingleFile, voxOffset < size + 4 {
            throw VolumeError(.invalidHeader, file: file, field: "vox_offset", byteOffset: layout.voxOffset,
                              "vox_offset is \(voxOffset), inside the \(size + 4)-byte header of a single-file NIfTI")
        }
        guard voxOffset <= limits.maximumHeaderBytes else {
            throw VolumeError(.tooLarge, file: file, field: "vox_offset", byteOffset: layout.voxOffset,
                              "vox_offset is \(voxOffset); the header and extensions before the voxels may take at most \(limits.maximumHeaderBytes) bytes")
        }
        return voxOffset
    }

    /// `scl_slope`/`scl_inter` as nibabel reads them: a zero or non-finite slope means no scaling.
    func scaling(file: String) throws(VolumeError) -> IntensityScaling {
        guard sclSlope != 0, sclSlope.isFinite else { return .identity }
        guard sclInter.isFinite else {
            throw VolumeError(.invalidHeader, file: file, field: "scl_inter", byteOffset: layout.sclInter,
                              "scl_slope is \(sclSlope) but scl_inter is \(sclInter)")
        }
        return IntensityScaling(slope: sclSlope, intercept: sclInter)
    }

    /// Voxel spacing per axis, as nibabel's `get_zooms()`: `pixdim[1…]` made non-negative, in the file's own units.
    func spacing(rank: Int) -> [Double] {
        (1...rank).map { abs(pixdim[$0]) }
    }
}
