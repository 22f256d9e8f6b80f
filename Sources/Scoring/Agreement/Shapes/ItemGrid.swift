import Geometry

/// The pixels of one item at the resolution its shapes are compared at: a box in level-0 pixels cut into cells of
/// 2^level × 2^level level-0 pixels, as `PolygonRasterizer` cuts a slide at a pyramid level.
///
/// Cell (c, r) has its centre at the level-0 point (originX + 2^L c + 2^(L−1), originY + 2^L r + 2^(L−1)); at level 0
/// that is the pixel centre (originX + c + ½, originY + r + ½). A box whose size is not a multiple of 2^L gets a last,
/// partial column or row, whose centre may lie just outside the box.
public struct ItemGrid: Sendable, Equatable {
    /// The most cells a grid may have (256 Mi), so a study's item box cannot exhaust memory.
    public static let maximumCellCount = 1 << 28

    /// The level-0 x of the box's left edge.
    public let originX: Int
    /// The level-0 y of the box's top edge.
    public let originY: Int
    /// The number of cells across: ⌈width / 2^level⌉.
    public let columns: Int
    /// The number of cells down: ⌈height / 2^level⌉.
    public let rows: Int
    /// The pyramid level: cells are 2^level level-0 pixels wide.
    public let level: Int

    /// The box at (`originX`, `originY`) of `width` × `height` level-0 pixels, compared at `level` (0 for full
    /// resolution). Throws for a negative size, a level outside 0...30 or more than `maximumCellCount` cells.
    public init(originX: Int, originY: Int, width: Int, height: Int, level: Int = 0) throws(AgreementError) {
        guard width >= 0, height >= 0, (0...30).contains(level) else {
            throw .invalidItemGrid(width: width, height: height, level: level)
        }
        let columns = (width + (1 << level) - 1) >> level
        let rows = (height + (1 << level) - 1) >> level
        let (cells, overflow) = columns.multipliedReportingOverflow(by: rows)
        guard !overflow, cells <= Self.maximumCellCount else {
            throw .itemGridTooLarge(columns: columns, rows: rows, limit: Self.maximumCellCount)
        }
        self.originX = originX
        self.originY = originY
        self.columns = columns
        self.rows = rows
        self.level = level
    }

    /// The level-0 pixels per cell along each axis, 2^level.
    public var downsample: Int { 1 << level }
    /// The number of cells.
    public var cellCount: Int { columns * rows }

    /// The union of `regions` on this grid, row-major: `PolygonRasterizer.mask` of the regions moved by
    /// (−originX, −originY). The move is a Double subtraction, exact for vertices within 2^52 of the origin with
    /// fractional parts of few bits (as annotation tools write them).
    public func mask(_ regions: [PolygonRegion]) -> [Bool] {
        let dx = Double(originX)
        let dy = Double(originY)
        let moved = regions.map { region in
            PolygonRegion(rings: region.rings.map { ring in ring.map { PlanePoint(x: $0.x - dx, y: $0.y - dy) } })
        }
        return PolygonRasterizer.mask(moved, width: columns, height: rows, level: level)
    }
}
