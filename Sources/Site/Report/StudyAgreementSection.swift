import Foundation
import Scoring

/// What the report says of one reader study, computed by its caller (Site does not read studies): the agreement
/// statistics as text and each reader's consistency with themselves, readers under anonymised names.
public struct StudyAgreementSection: Sendable, Equatable {
    /// The study's title.
    public let study: String
    /// The agreement report's text (kappas, alpha, percent agreement), or why there is none.
    public let agreement: String
    /// Each reader (anonymised) with their hidden repeats: how many they read again, how many got the same label.
    public let selfConsistency: [ReaderConsistency]

    /// The section of `study` (its title), with its agreement text and each reader's self-consistency.
    public init(study: String, agreement: String, selfConsistency: [ReaderConsistency]) {
        self.study = study
        self.agreement = agreement
        self.selfConsistency = selfConsistency
    }

    /// The section's HTML; `bands` are the human bands of the phases that show this study's readers, by phase title.
    func html(bands: [(phase: String, split: String, band: HumanBand)]) -> String {
        var html = "<h3>Study \(escape(study))</h3>\n<pre>\(escape(agreement))</pre>\n"
        if selfConsistency.isEmpty {
            html += "<p>No hidden repeats were read, so there is no self-consistency.</p>\n"
        } else {
            html += "<table><thead><tr><th>Reader</th><th>Hidden repeats read</th><th>Same label</th><th>Share</th></tr></thead><tbody>\n"
            html += selfConsistency.map { row in
                let share = row.items == 0 ? "–" : String(format: "%.3f", row.share)
                return "<tr><td>\(escape(row.reader))</td><td class=\"number\">\(row.items)</td><td class=\"number\">\(row.agreeing)</td><td class=\"number\">\(share)</td></tr>\n"
            }.joined() + "</tbody></table>\n"
        }
        for (phase, split, band) in bands {
            html += "<p>Human level in phase <b>\(escape(phase))</b> (\(escape(split)) split), each reader against the majority of the others: "
            if let reason = band.notApplicable {
                html += "not applicable: \(escape(reason)).</p>\n"
            } else {
                html += band.readers.map { "\(escape($0.name)) \(BoardFormatting.display($0.value)) on \($0.items) cases" }.joined(separator: "; ")
                html += band.range.map { "; range \(BoardFormatting.display($0.lower)) to \(BoardFormatting.display($0.upper))" } ?? ""
                html += ".</p>\n"
            }
        }
        return html
    }
}
