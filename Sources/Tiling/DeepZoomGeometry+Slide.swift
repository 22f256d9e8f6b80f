import Imaging

extension DeepZoomGeometry.SlideFacts {
    /// The levels and `openslide.bounds-*` properties of an open slide.
    public init(_ slide: Slide) {
        func bound(_ key: String) -> Int? { slide.properties["openslide.bounds-\(key)"].flatMap { Int($0) } }
        self.init(levelDimensions: slide.levels.map { ($0.width, $0.height) }, levelDownsamples: slide.levels.map(\.downsample),
                  bounds: (bound("x"), bound("y"), bound("width"), bound("height")))
    }
}
