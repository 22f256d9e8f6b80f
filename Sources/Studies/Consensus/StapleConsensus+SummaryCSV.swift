import Scoring

extension StapleConsensus {
    /// An honest summary, not a truth file: one row per item, class and reader,
    /// `item_id,class,area_cells,cell_size,reader,sensitivity,specificity`. `area_cells` counts the consensus cells,
    /// each `cell_size` × `cell_size` level-0 pixels (1 unless the item's box was too large to rasterise at level 0);
    /// sensitivity and specificity are the reader's STAPLE estimates on that item and class, empty where undefined.
    public func summaryCSV() -> String {
        var text = "item_id,class,area_cells,cell_size,reader,sensitivity,specificity\n"
        for mask in masks {
            for reader in mask.readers {
                let fields = [mask.itemID, mask.className, String(mask.area), String(mask.grid.downsample), reader.reader,
                              Self.number(reader.sensitivity), Self.number(reader.specificity)]
                text += fields.map(Self.quoted).joined(separator: ",") + "\n"
            }
        }
        return text
    }

    private static func number(_ value: Double) -> String { value.isNaN ? "" : "\(value)" }

    /// RFC 4180 quoting where a field needs it.
    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
