import Challenge

extension StudyConsensus {
    /// The labelled items as `arbiter truth import` reads them: `case_id,label,split`, every case in `split`, in the
    /// study's order; RFC 4180 quoting where a field needs it.
    public func truthCSV(split: Split) -> String {
        labels.reduce(into: Self.csvLine(["case_id", "label", "split"])) { text, item in
            text += Self.csvLine([item.itemID, item.label, split.rawValue])
        }
    }

    private static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacing("\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\n"
    }
}
