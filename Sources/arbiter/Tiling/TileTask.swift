import Foundation
import Tiling

/// One slide to tile, as `arbiter tile --queue` puts it on the job queue and `arbiter tile --work` reads it back:
/// the slide and output folder as absolute paths (on storage every worker mounts at the same place) and the
/// pyramid's options, so every worker writes the pyramid the organiser asked for, whatever its own flags.
struct TileTask: Codable, Equatable {
    var slide: String
    var out: String
    var format: String
    var quality: Int
    var tileSize: Int
    var overlap: Int
    var limitBounds: Bool
    var skipBackground: Bool
    var resampling: String

    /// At most this many bytes of payload are read back: a task is a few hundred bytes.
    static let maximumPayloadBytes = 64 << 10

    var pyramidOptions: PyramidOptions {
        PyramidOptions(tileSize: tileSize, overlap: overlap, format: format == "png" ? .png : .jpeg(quality: quality),
                       limitBounds: limitBounds, skipBackground: skipBackground,
                       resampling: PyramidResampling(rawValue: resampling) ?? .deepZoomGenerator)
    }

    func payload() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The task a payload describes, or an error saying what is wrong with it (the job then fails with that reason).
    init(payload: String) throws {
        guard payload.utf8.count <= Self.maximumPayloadBytes else {
            throw TileTaskError(reason: "the payload has \(payload.utf8.count) bytes, more than the \(Self.maximumPayloadBytes) a task may have")
        }
        do {
            self = try JSONDecoder().decode(TileTask.self, from: Data(payload.utf8))
        } catch {
            throw TileTaskError(reason: "the payload is not a tiling task: \(error)")
        }
        guard ["jpeg", "png"].contains(format), (1...100).contains(quality), (1...65_000).contains(tileSize),
              overlap >= 0, overlap < tileSize, PyramidResampling(rawValue: resampling) != nil
        else { throw TileTaskError(reason: "the task's options are out of range: \(payload)") }
    }

    init(slide: String, out: String, format: String, quality: Int, tileSize: Int, overlap: Int, limitBounds: Bool,
         skipBackground: Bool, resampling: String) {
        self.slide = slide
        self.out = out
        self.format = format
        self.quality = quality
        self.tileSize = tileSize
        self.overlap = overlap
        self.limitBounds = limitBounds
        self.skipBackground = skipBackground
        self.resampling = resampling
    }
}

struct TileTaskError: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
