import Geometry

/// Where a slide has tissue, on a low-resolution grid: HSV saturation of the slide composited on white, thresholded
/// with Otsu's method (never below `minimumSaturation`, so a blank slide has no tissue), then specks smaller than
/// `speckFraction` of the grid removed and holes smaller than `holeFraction` filled (8-connected specks,
/// 4-connected holes). Counts are kept as a summed-area table, so the tissue fraction of any level-0 rectangle is O(1).
public struct TissueMask: Sendable {
    public let width: Int
    public let height: Int
    /// Level-0 pixels per mask cell along x and y.
    public let scaleX: Double
    public let scaleY: Double
    /// Row-major cells, true where there is tissue.
    public let cells: [Bool]
    /// The saturation threshold used (0–255); cells above it are tissue before cleaning.
    public let threshold: Int
    private let sums: [Int32]

    public static let minimumSaturation = 20
    public static let speckFraction = 0.0005
    public static let holeFraction = 0.002

    /// The mask of an RGB thumbnail (3 bytes per pixel) whose pixels each cover `scaleX` x `scaleY` level-0 pixels.
    public init(thumbnail: [UInt8], width: Int, height: Int, scaleX: Double, scaleY: Double) {
        precondition(thumbnail.count == width * height * 3, "RGB thumbnail")
        let saturation = Self.saturation(thumbnail)
        var histogram = [Int](repeating: 0, count: 256)
        for value in saturation { histogram[Int(value)] += 1 }
        let threshold = max(OtsuThreshold.threshold(histogram), Self.minimumSaturation)
        let raw = saturation.map { Int($0) > threshold }
        let area = width * height
        let cleaned = Self.fillingSmallHoles(Self.removingSpecks(raw, width: width, height: height, below: Int(Double(area) * Self.speckFraction)),
                                             width: width, height: height, below: Int(Double(area) * Self.holeFraction))
        self.init(cells: cleaned, width: width, height: height, scaleX: scaleX, scaleY: scaleY, threshold: threshold)
    }

    init(cells: [Bool], width: Int, height: Int, scaleX: Double, scaleY: Double, threshold: Int) {
        self.width = width
        self.height = height
        self.scaleX = scaleX
        self.scaleY = scaleY
        self.cells = cells
        self.threshold = threshold
        var sums = [Int32](repeating: 0, count: (width + 1) * (height + 1))
        for y in 0..<height {
            var row: Int32 = 0
            for x in 0..<width {
                row += cells[y * width + x] ? 1 : 0
                sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + row
            }
        }
        self.sums = sums
    }

    /// The fraction of tissue cells among the cells a level-0 rectangle touches (0 outside the slide).
    public func tissueFraction(x: Double, y: Double, width rectWidth: Double, height rectHeight: Double) -> Double {
        let left = max(0, Int(x / scaleX)), top = max(0, Int(y / scaleY))
        let right = min(width, Int(((x + rectWidth) / scaleX).rounded(.up))), bottom = min(height, Int(((y + rectHeight) / scaleY).rounded(.up)))
        guard left < right, top < bottom else { return 0 }
        let stride = width + 1
        let count = sums[bottom * stride + right] - sums[top * stride + right] - sums[bottom * stride + left] + sums[top * stride + left]
        return Double(count) / Double((right - left) * (bottom - top))
    }

    /// Whether any cell the level-0 rectangle touches is tissue.
    public func containsTissue(x: Double, y: Double, width: Double, height: Double) -> Bool {
        tissueFraction(x: x, y: y, width: width, height: height) > 0
    }

    /// The fraction of the whole grid that is tissue.
    public var tissueFraction: Double {
        Double(cells.lazy.filter { $0 }.count) / Double(max(1, cells.count))
    }

    /// The mask as an 8-bit grey image (255 tissue, 0 background).
    public var greyPixels: [UInt8] { cells.map { $0 ? 255 : 0 } }

    /// HSV saturation, (max - min) / max scaled to 0–255 (0 for black).
    static func saturation(_ rgb: [UInt8]) -> [UInt8] {
        (0..<(rgb.count / 3)).map { index in
            let (r, g, b) = (Int(rgb[index * 3]), Int(rgb[index * 3 + 1]), Int(rgb[index * 3 + 2]))
            let high = max(r, g, b), low = min(r, g, b)
            return high == 0 ? 0 : UInt8((255 * (high - low) + high / 2) / high)
        }
    }

    /// Clears 8-connected components of fewer than `below` cells.
    static func removingSpecks(_ cells: [Bool], width: Int, height: Int, below: Int) -> [Bool] {
        guard below > 1 else { return cells }
        let runs = RunLengthMask(cells, width: width, height: height)
        let (labels, count) = runs.componentLabels()
        var sizes = [Int](repeating: 0, count: count + 1)
        for (index, run) in runs.runs.enumerated() { sizes[Int(labels[index])] += run.end - run.start }
        var result = cells
        for y in 0..<height {
            for index in runs.runIndices(inRow: y) where sizes[Int(labels[index])] < below {
                for x in runs.runs[index].start..<runs.runs[index].end { result[y * width + x] = false }
            }
        }
        return result
    }

    /// Sets holes (background components not touching the edge; 4-connected, as hole filling treats them) of
    /// fewer than `below` cells.
    static func fillingSmallHoles(_ cells: [Bool], width: Int, height: Int, below: Int) -> [Bool] {
        guard below > 0 else { return cells }
        let background = cells.map { !$0 }
        var labels = [Int32](repeating: 0, count: cells.count)
        var result = cells
        var stack: [Int] = []
        var next: Int32 = 0
        for start in background.indices where background[start] && labels[start] == 0 {
            next += 1
            labels[start] = next
            stack = [start]
            var members: [Int] = []
            var touchesEdge = false
            while let index = stack.popLast() {
                members.append(index)
                let (x, y) = (index % width, index / width)
                if x == 0 || y == 0 || x == width - 1 || y == height - 1 { touchesEdge = true }
                for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] where nx >= 0 && ny >= 0 && nx < width && ny < height {
                    let neighbour = ny * width + nx
                    if background[neighbour] && labels[neighbour] == 0 {
                        labels[neighbour] = next
                        stack.append(neighbour)
                    }
                }
            }
            if !touchesEdge && members.count < below { for index in members { result[index] = true } }
        }
        return result
    }
}
