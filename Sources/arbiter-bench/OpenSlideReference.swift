import ArgumentParser
import Foundation

/// openslide-python reading the benchmark's regions in a process kept open for the whole run
/// (`scripts/bench/slide-openslide-reference.py`), so its rounds can be interleaved with Arbiter's.
final class OpenSlideReference {
    let version: String
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var pending = Data()

    init(python: String, slide: String, requests: [[Int]]) throws {
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("slide-bench-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: requests).write(to: list)
        defer { try? FileManager.default.removeItem(at: list) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/bench/slide-openslide-reference.py").path
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, slide, list.path]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // The script has read the list once it prints its version, so the file can go.
        version = try Self.field("openslide", in: Self.nextLine(output, pending: &pending), as: String.self)
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// Seconds openslide-python takes to read `requests[range]` with `threads` threads.
    func seconds(threads: Int, range: Range<Int>) throws -> Double {
        try input.fileHandleForWriting.write(contentsOf: Data("\(threads) \(range.lowerBound) \(range.upperBound)\n".utf8))
        return try Self.field("seconds", in: Self.nextLine(output, pending: &pending), as: Double.self)
    }

    private static func nextLine(_ pipe: Pipe, pending: inout Data) throws -> Data {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending[pending.startIndex..<newline]
                pending = pending[(newline + 1)...]
                return Data(line)
            }
            let more = pipe.fileHandleForReading.availableData
            guard !more.isEmpty else { throw ValidationError("the openslide-python reference stopped (see its error above)") }
            pending.append(more)
        }
    }

    private static func field<T>(_ name: String, in line: Data, as type: T.Type) throws -> T {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any], let value = object[name] as? T else {
            throw ValidationError("the openslide-python reference answered \(String(decoding: line, as: UTF8.self))")
        }
        return value
    }
}
