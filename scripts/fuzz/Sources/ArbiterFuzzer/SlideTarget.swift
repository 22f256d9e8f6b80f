import Foundation
import Imaging

/// `slide`: TIFF/SVS whole-slide reading with its JPEG and JPEG 2000 tiles. libtiff opens slides by path, so the input
/// goes to a scratch file per process. Opening it and reading a few regions of every level and every associated image
/// must either work or throw.
let slideTarget = FuzzTarget(name: "slide", covers: "Slide (TIFF, SVS; JPEG and JPEG 2000 tiles), regions and associated images") { input in
    guard let path = ScratchFile.write(input, suffix: "tiff") else { return }
    guard let slide = try? Slide(path: path, options: SlideOptions(cacheBytes: 4 << 20)) else { return }
    for (index, level) in slide.levels.enumerated() {
        _ = try? slide.readRegion(x: 0, y: 0, level: index, width: 48, height: 40)
        _ = try? slide.readRegion(x: -7, y: -5, level: index, width: 20, height: 20)
        let x = Int(Double(max(level.width - 20, 0)) * level.downsample) + 13
        let y = Int(Double(max(level.height - 20, 0)) * level.downsample) + 7
        _ = try? slide.readRegion(x: x, y: y, level: index, width: 40, height: 36)
    }
    _ = slide.bestLevel(forDownsample: 3)
    for name in slide.associatedImageNames {
        _ = try? slide.associatedImage(named: name)
    }
}
