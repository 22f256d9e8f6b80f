/// Reads or settings an agreement statistic cannot use, each with the offending value and where it sits.
public enum AgreementError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A study needs at least one category.
    case noCategories
    /// A label outside `0..<categoryCount`.
    case labelOutOfRange(item: String, reader: String, label: Int, categoryCount: Int)
    /// The same reader read the same item twice (the labels of both reads are given).
    case duplicateRead(item: String, reader: String, firstLabel: Int, secondLabel: Int)
    /// A row of a dense label table with a different number of readers than the first row.
    case readerCountMismatch(item: Int, count: Int, expected: Int)
    /// A reader index outside the study.
    case readerOutOfRange(reader: Int, readerCount: Int)
    /// Cohen's kappa compares two different readers; both indices name the same one.
    case sameReader(Int)
    /// A weight matrix whose size is not the number of categories.
    case weightMatrixSize(classCount: Int, categoryCount: Int)
    /// A NaN or infinite weight.
    case weightNotFinite(row: Int, column: Int, value: Double)
    /// A bootstrap confidence level outside (0, 1).
    case confidenceOutOfRange(Double)
    /// A bootstrap plan that cannot resample the study's items (no resample, an empty one, an index outside).
    case invalidPlan(RankingError)
    /// The same reader has two shape reads of the same item.
    case duplicateShapeRead(item: String, reader: String)
    /// An item read at least twice with no grid to rasterise its polygons on.
    case noItemGrid(item: String)
    /// An item box of negative size, or a level outside 0...30.
    case invalidItemGrid(width: Int, height: Int, level: Int)
    /// An item grid with more cells than allowed.
    case itemGridTooLarge(columns: Int, rows: Int, limit: Int)
    /// A point-matching radius that is negative, NaN or infinite.
    case radiusOutOfRange(Double)
    /// A pixel size (µm per level-0 pixel) that is not positive and finite.
    case pixelSizeOutOfRange(Double)
    /// Shape agreements bootstrapped together whose items differ from the first one's (the index given).
    case differentItems(agreement: Int)

    /// The problem in a sentence, with the offending value.
    public var description: String {
        switch self {
        case .noCategories: "a reader study needs at least one category"
        case .labelOutOfRange(let item, let reader, let label, let count):
            "item \"\(item)\", reader \"\(reader)\": label \(label) is not a category index in 0..<\(count)"
        case .duplicateRead(let item, let reader, let first, let second):
            "item \"\(item)\", reader \"\(reader)\": read twice (labels \(first) and \(second)); keep one read per reader and item"
        case .readerCountMismatch(let item, let count, let expected):
            "item \(item) has \(count) reader columns, expected \(expected)"
        case .readerOutOfRange(let reader, let count): "reader index \(reader) is outside 0..<\(count)"
        case .sameReader(let reader): "Cohen's kappa needs two different readers, got reader \(reader) twice"
        case .weightMatrixSize(let classCount, let categoryCount):
            "the weight matrix is \(classCount)×\(classCount), expected \(categoryCount)×\(categoryCount) (one row per category)"
        case .weightNotFinite(let row, let column, let value):
            "weight [\(row)][\(column)] must be a finite number, got \(value)"
        case .confidenceOutOfRange(let value): "the confidence level must lie in (0, 1), got \(value)"
        case .invalidPlan(let error): "bootstrap plan: \(error)"
        case .duplicateShapeRead(let item, let reader):
            "item \"\(item)\", reader \"\(reader)\": two shape reads; keep one read per reader and item"
        case .noItemGrid(let item): "item \"\(item)\" has polygons to compare but no grid (box and level) to rasterise them on"
        case .invalidItemGrid(let width, let height, let level):
            "an item box needs a size of at least 0 × 0 and a level in 0...30, got \(width) × \(height) at level \(level)"
        case .itemGridTooLarge(let columns, let rows, let limit):
            "an item grid of \(columns) × \(rows) cells is larger than the \(limit) cells allowed; compare at a higher level"
        case .radiusOutOfRange(let radius): "the matching radius must be a finite number of at least 0, got \(radius)"
        case .pixelSizeOutOfRange(let size): "the pixel size must be a positive finite number of µm, got \(size)"
        case .differentItems(let index):
            "shape agreement \(index) is of other items than the first; bootstrap agreements of one study together"
        }
    }
}
