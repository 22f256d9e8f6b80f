import ArgumentParser
import ChildProcesses
import Compression
import Foundation
import Imaging

/// Reads a `.nii.gz` to Float32 repeatedly and, when a Python with nibabel is given, times
/// `nib.load(path).get_fdata(dtype=np.float32)` on the same file in the same run and prints the ratio.
struct VolumeBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "volume", abstract: "Time reading a NIfTI volume to Float32 against nibabel, and 3D connected components.")

    @Option(help: "The volume to read (make one with scripts/bench/volume-read).") var file: String
    @Option(help: "Repetitions; the median is reported.") var repetitions = 5
    @Option(help: "A Python with nibabel, to time the reference in the same run.") var python: String?

    func run() async throws {
        var timings: [Double] = []
        var checksum = 0.0
        for _ in 0..<repetitions {
            let seconds = try Stopwatch.time {
                let floats = try VolumeReader.read(path: file).floats()
                checksum += Double(floats[floats.count / 2])
            }
            timings.append(seconds)
        }
        let ours = Stopwatch.median(timings)
        print(String(format: "arbiter: read + Float32 in %.3f s (median of %d; runs %@)", ours, repetitions,
                     timings.map { String(format: "%.3f", $0) }.joined(separator: ", ")))
        if let python {
            let reference = try await nibabelMedian(python: python)
            print(String(format: "nibabel: %.3f s (median) -> arbiter is %.2fx faster", reference, reference / ours))
            BenchmarkResult(benchmark: "volumes: .nii.gz to Float32", arbiter: BenchmarkResult.number(ours, 3, "s"),
                            reference: "nibabel " + BenchmarkResult.number(reference, 3, "s"),
                            ratio: BenchmarkResult.speedup(theirs: reference, ours: ours)).print()
        }
        try stageBreakdown()
        try componentsBenchmark()
        _ = checksum
    }

    private func nibabelMedian(python: String) async throws -> Double {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/oracles/volume_bench_reference.py").path
        let result = try await ChildProcess(python, [script, file, "--repeat", String(repetitions)], errors: .inherited).result()
        guard result.status == 0, !result.signalled,
              let json = try JSONSerialization.jsonObject(with: Data(result.output)) as? [String: Any],
              let median = json["median_seconds"] as? Double else {
            throw ValidationError("the nibabel reference failed: \(result.outputText)")
        }
        return median
    }

    /// Where the time goes: reading the file, inflating it, converting to Float32.
    private func stageBreakdown() throws {
        var compressed: [UInt8] = []
        let read = try Stopwatch.time { compressed = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file))) }
        var expanded: [UInt8] = []
        let declared = try VolumeReader.read(path: file).voxels.bytes.count + 352
        let inflate = try Stopwatch.time { expanded = try Deflate.gunzip(compressed, declaredSize: declared) }
        let volume = try VolumeReader.read(path: file)
        var floats: [Float] = []
        let convert = Stopwatch.time { floats = volume.floats() }
        print(String(format: "stages: read %.3f s, inflate %.3f s (%d -> %d bytes), to Float32 %.3f s (%d values)",
                     read, inflate, compressed.count, expanded.count, convert, floats.count))
    }

    /// 200 detection-map-sized grids (20 x 256 x 256) with a few blobs each, labelled with 26-connectivity.
    private func componentsBenchmark() throws {
        let shape = [256, 256, 20]
        var grids: [[Float]] = []
        for seed in 0..<8 {
            var grid = [Float](repeating: 0, count: shape.reduce(1, *))
            for blob in 0..<4 {
                let (cx, cy, cz) = (40 + 50 * blob, 30 + 20 * seed, 4 + 3 * blob)
                for z in (cz - 2)...(cz + 2) { for y in (cy - 8)...(cy + 8) { for x in (cx - 8)...(cx + 8) {
                    grid[z * 65_536 + y * 256 + x] = Float(blob + 1) / 5
                } } }
            }
            grids.append(grid)
        }
        let volumes = 200
        let seconds = try Stopwatch.time {
            for index in 0..<volumes {
                let result = ConnectedComponents(values: grids[index % grids.count], shape: shape)
                guard result.components.count == 4 else { throw ValidationError("expected 4 blobs, found \(result.components.count)") }
            }
        }
        print(String(format: "components: %d volumes of 256 x 256 x 20 in %.3f s (%.1f ms each, one core)", volumes, seconds, seconds * 1000 / Double(volumes)))
    }
}

enum Stopwatch {
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return seconds(clock.now - start)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
