extension NIfTIHeader {
    /// The voxel-to-world affine nibabel's `img.affine` gives: the sform when `sform_code` is set,
    /// else the qform when `qform_code` is set, else a centred, x-flipped diagonal from the spacing.
    /// Codes outside 0…4 count as unset, as nibabel's header check resets them.
    func affine(shape: [Int], file: String) throws(VolumeError) -> AffineTransform {
        if (1...4).contains(sformCode) {
            return AffineTransform(rows: srows + [[0, 0, 0, 1]])
        }
        if (1...4).contains(qformCode) {
            return try quaternionAffine(file: file)
        }
        return fallbackAffine(shape: shape)
    }

    private func quaternionAffine(file: String) throws(VolumeError) -> AffineTransform {
        let (b, c, d) = (quaternion[0], quaternion[1], quaternion[2])
        let wSquared = 1 - (b * b + c * c + d * d)
        // As nibabel: within 3 Float32 epsilons of zero, w is taken as exactly 0 (float32 storage rounds it).
        let tolerance = 3 * Double(Float.ulpOfOne)
        guard abs(wSquared) < tolerance || wSquared > 0 else {
            throw VolumeError(.invalidHeader, file: file, field: "quatern_b/c/d", byteOffset: version == .one ? 256 : 352,
                              "quaternion (\(b), \(c), \(d)) has a norm above 1")
        }
        let a = abs(wSquared) < tolerance ? 0 : wSquared.squareRoot()
        let rotation = Self.rotationMatrix(a: a, b: b, c: c, d: d)
        // A qfac other than -1 is read as 1, as nibabel's header check fixes it.
        let qfac: Double = pixdim[0] == -1 ? -1 : 1
        let scale = [abs(pixdim[1]), abs(pixdim[2]), abs(pixdim[3]) * qfac]
        var rows = AffineTransform.identity.rows
        for row in 0..<3 {
            for column in 0..<3 { rows[row][column] = rotation[row][column] * scale[column] }
            rows[row][3] = qoffset[row]
        }
        return AffineTransform(rows: rows)
    }

    /// The rotation of a (not necessarily unit) quaternion, normalised as nibabel's `quat2mat` does.
    private static func rotationMatrix(a: Double, b: Double, c: Double, d: Double) -> [[Double]] {
        let norm = a * a + b * b + c * c + d * d
        guard norm >= Double.ulpOfOne else { return AffineTransform.identity.linear }
        let s = 2 / norm
        let (x, y, z) = (b * s, c * s, d * s)
        let (wx, wy, wz) = (a * x, a * y, a * z)
        let (xx, xy, xz) = (b * x, b * y, b * z)
        let (yy, yz, zz) = (c * y, c * z, d * z)
        return [
            [1 - (yy + zz), xy - wz, xz + wy],
            [xy + wz, 1 - (xx + zz), yz - wx],
            [xz - wy, yz + wx, 1 - (xx + yy)],
        ]
    }

    /// nibabel's `shape_zoom_affine` with the x axis flipped: the grid centred on the origin.
    private func fallbackAffine(shape: [Int]) -> AffineTransform {
        var rows = AffineTransform.identity.rows
        for axis in 0..<3 {
            let extent = axis < shape.count ? Double(shape[axis]) : 1
            var zoom = axis < shape.count ? abs(pixdim[axis + 1]) : 1
            if axis == 0 { zoom = -zoom }
            rows[axis][axis] = zoom
            rows[axis][3] = -((extent - 1) / 2) * zoom
        }
        return AffineTransform(rows: rows)
    }
}
