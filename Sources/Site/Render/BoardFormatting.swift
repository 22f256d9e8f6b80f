import Challenge
import Foundation
import Scoring

/// How numbers and headers are written, shared by the HTML, JSON and CSV outputs.
enum BoardFormatting {
    /// Four decimals for people; JSON and CSV carry full precision.
    static func display(_ value: Double?) -> String {
        guard let value else { return "–" }
        return String(format: "%.4f", value)
    }

    /// Shortest text that reads back as the same double.
    static func exact(_ value: Double?) -> String {
        value.map { "\($0)" } ?? ""
    }

    static func columnKey(_ column: ResultColumn, _ split: Split) -> String {
        "\(column.key)@\(split.rawValue)"
    }

    static func header(_ column: ResultColumn, _ split: Split) -> String {
        "\(column.title) (\(split.rawValue) split; \(column.direction.caption))"
    }
}

extension PhaseBoard.Row {
    func value(_ column: ResultColumn, _ split: Split) -> Double? {
        values[split]?[column.key] ?? nil
    }
}
