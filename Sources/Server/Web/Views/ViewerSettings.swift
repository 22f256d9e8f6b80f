import Annotations
import Challenge
import Foundation
import Studies
import Tiling

/// What the annotation viewer (`viewer.js`) is told by the page that holds it, as `data-` attributes.
enum ViewerSettings {
    /// The shapes of a viewer with none drawn.
    static let noShapes = #"{"type":"FeatureCollection","features":[]}"#

    /// The template values of `viewer.mustache`: the item's frame, its tiles, the shape kinds and classes with their
    /// keys and rings, and the shapes drawn so far (GeoJSON in the shown frame). `savePath` is empty where the shapes
    /// go with a form instead (an adjudicator's decision).
    static func values(_ viewer: APIHandlers.ViewerItem, question: ShapeQuestion, names: [String: String], shapes: String?,
                             tilesPath: String, savePath: String, picture: String?) -> [String: Any] {
        let size: (width: Int, height: Int) = viewer.frame?.shownSize ?? viewer.tiles.map { $0.size(level: $0.levels - 1) } ?? (0, 0)
        let classes = question.classes.names.prefix(9).enumerated().map { index, id in
            ["id": id, "name": names[id].map { "\(id) · \($0)" } ?? id, "key": String(index + 1),
             "rings": ShapeColors.rings(forClass: id).map(ShapeColors.hex)] as [String: Any]
        }
        let classJSON = (try? JSONSerialization.data(withJSONObject: classes, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return [
            "viewerWidth": size.width, "viewerHeight": size.height, "viewerLevels": viewer.tiles?.levels ?? 0,
            "viewerTileSize": viewer.tiles?.tileSize ?? 0, "viewerTiles": viewer.tiles == nil ? "" : tilesPath,
            "viewerPicture": picture ?? "", "viewerMPP": viewer.mpp.map { String($0) } ?? "",
            "viewerKinds": question.kinds.map(\.rawValue).joined(separator: " "), "viewerClasses": classJSON,
            "viewerShapes": shapes ?? noShapes, "viewerSave": savePath,
            "canDraw": viewer.frame != nil,
            "viewerTools": question.kinds.map { kind -> [String: String] in
                switch kind {
                case .point: ["kind": "point", "name": "Point", "key": "o", "help": "Point: click, or Space at the crosshair"]
                case .polygon: ["kind": "polygon", "name": "Polygon", "key": "p",
                                "help": "Polygon: click vertex by vertex and Enter (or click the first vertex), or hold the button and draw freehand"]
                case .box: ["kind": "box", "name": "Box", "key": "r", "help": "Box: drag from corner to corner, or Space at each corner"]
                }
            },
            "viewerClassList": classes.enumerated().map { index, entry in
                ["id": entry["id"] as? String ?? "", "name": entry["name"] as? String ?? "", "key": entry["key"] as? String ?? "",
                 "first": index == 0 ? "true" : "false"]
            },
        ]
    }
}
