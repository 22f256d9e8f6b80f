/// The box every table of the site sits in. A wide table scrolls sideways inside it instead of widening the page
/// (see `.table-box` in `Leaderboard/style.css`). The box is a named region and takes the keyboard's focus
/// (tabindex 0), so a reader without a mouse can scroll it with the arrow keys and a screen reader announces it.
enum TableBox {
    static func wrap(_ table: String, label: String) -> String {
        "<div class=\"table-box\" role=\"region\" aria-label=\"\(escape(label))\" tabindex=\"0\">\n\(table)</div>\n"
    }
}
