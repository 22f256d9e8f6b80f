/// Inputs a statistical routine cannot use, each with the offending value and where it sits.
public enum StatisticsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Paired samples of different lengths.
    case lengthMismatch(first: Int, second: Int)
    /// A NaN or infinite value at `index` of the sample named `sample`.
    case notFinite(sample: String, index: Int, value: Double)
    /// A p-value outside [0, 1] (NaN is allowed and documented where it is accepted).
    case pValueOutOfRange(index: Int, value: Double)

    public var description: String {
        switch self {
        case .lengthMismatch(let first, let second):
            "paired samples must have the same length, got \(first) and \(second)"
        case .notFinite(let sample, let index, let value):
            "\(sample)[\(index)] must be a finite number, got \(value)"
        case .pValueOutOfRange(let index, let value):
            "p-value [\(index)] must lie in [0, 1], got \(value)"
        }
    }

    /// Throws `.notFinite` for the first NaN or infinite value of `values`.
    static func requireFinite(_ values: [Double], sample: String) throws(StatisticsError) {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .notFinite(sample: sample, index: index, value: values[index])
        }
    }
}
