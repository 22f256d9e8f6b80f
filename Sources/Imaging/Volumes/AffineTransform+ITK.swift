extension AffineTransform {
    /// The same affine in ITK's LPS world (x and y negated), as SimpleITK and MetaImage state it.
    public var lps: AffineTransform {
        var rows = self.rows
        for row in 0..<2 { rows[row] = rows[row].map { $0 == 0 ? 0 : -$0 } }
        return AffineTransform(rows: rows)
    }

    /// ITK's origin: the LPS position of voxel (0, 0, 0).
    public var itkOrigin: [Double] { lps.translation }

    /// ITK's direction matrix, row-major: column j is the LPS unit vector of voxel axis j.
    public var itkDirection: [[Double]] {
        let norms = columnNorms
        return lps.linear.map { row in (0..<3).map { norms[$0] > 0 ? row[$0] / norms[$0] : ($0 == 0 ? 1 : 0) } }
    }
}
