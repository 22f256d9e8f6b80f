import Foundation
import Imaging
import Tiling

/// Writes slides' Deep Zoom pyramids: `NAME.dzi` and `NAME_files/` in an output folder, skipping a slide whose
/// pyramid is already finished, so reruns and retried jobs only finish what was left.
struct SlideTiler {
    let options: PyramidOptions

    /// Tiles one slide; returns the line that says what was written.
    func tile(_ file: String, into out: String, progress: ProgressStyle) async throws -> String {
        let folder = PyramidFolder(directory: out, name: SlideFolder.stem(file))
        if folder.isFinished { return "\(folder.descriptorPath): already finished, skipped" }
        let slide = try Slide(path: file, options: SlideOptions(cacheBytes: 32 << 20, regionThreads: 1))
        let mask = options.skipBackground ? try SlideThumbnail(slide: slide).tissueMask : nil
        switch try await PyramidWriter(options: options).write(slide, to: folder, mask: mask, progress: progress) {
        case .alreadyFinished:
            return "\(folder.descriptorPath): already finished, skipped"
        case .written(let tiles, let background):
            return "\(folder.descriptorPath): \(tiles) tiles" + (options.skipBackground ? ", \(background) background tiles left out" : "")
        }
    }
}
