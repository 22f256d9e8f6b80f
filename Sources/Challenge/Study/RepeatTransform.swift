/// How a hidden repeat is disguised: a rotation (clockwise) or a mirror image.
public enum RepeatTransform: String, Sendable, Codable, CaseIterable {
    case rotate90
    case rotate180
    case rotate270
    case flipHorizontal = "flip-horizontal"
    case flipVertical = "flip-vertical"
}
