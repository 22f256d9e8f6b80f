import Foundation
import Mustache

/// The portal's Mustache templates (`Web/Templates`, bundled), loaded once when the server starts. Every page
/// template extends `layout`, which draws the header, the sections and the sign-out form around its `main` block.
/// `{{…}}` escapes HTML, so nothing a team or an organiser typed can become markup; `{{{…}}}` is used only for HTML
/// the server made itself (the README rendered by Ink).
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    struct MissingTemplate: Error, CustomStringConvertible {
        let name: String
        var description: String { "no page template named \(name) in the bundled Web/Templates" }
    }

    init(folder: URL = Bundle.module.resourceURL!.appendingPathComponent("Templates")) throws {
        var library = MustacheLibrary()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        self.library = library
    }

    func render(_ template: String, _ values: [String: Any]) throws -> String {
        guard let html = library.render(values, withTemplate: template) else { throw MissingTemplate(name: template) }
        return html
    }
}
