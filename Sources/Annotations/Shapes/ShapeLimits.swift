/// How much of a shapes file `GeoJSONParser.shapes` and `ASAPXMLParser.shapes` accept. Each is checked before the
/// parser allocates anything for what it counts: the byte count first, then a scan of the bytes (GeoJSON) or the
/// streaming XML parser's callbacks (ASAP) stop at the first feature, vertex or level past its limit.
public struct ShapeLimits: Sendable, Equatable {
    /// The largest file, in bytes.
    public var maxBytes: Int
    /// The most features (GeoJSON: `geometry` members) or `Annotation` elements (ASAP).
    public var maxFeatures: Int
    /// The most vertices: GeoJSON arrays that begin with a number (positions, and the odd colour or bbox), or ASAP
    /// `Coordinate` elements.
    public var maxVertices: Int
    /// The deepest nesting of JSON arrays and objects, or of XML elements.
    public var maxDepth: Int

    /// Limits for a file a person exported from QuPath or ASAP: 10 MiB, 100,000 features, two million vertices,
    /// 64 levels by default.
    public init(maxBytes: Int = 10 << 20, maxFeatures: Int = 100_000, maxVertices: Int = 2_000_000, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxFeatures = maxFeatures
        self.maxVertices = maxVertices
        self.maxDepth = maxDepth
    }
}
