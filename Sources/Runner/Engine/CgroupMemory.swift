import Foundation

/// The memory cgroup of a running container, opened once and read while it runs: its high-water mark and how many
/// times the OOM killer acted in it. The files are opened before the container starts, and read through those
/// descriptors; after the container's cgroup is removed reads fail and the last values read stand.
///
/// cgroup v1 (`memory.max_usage_in_bytes`, `oom_kill` in `memory.oom_control`) and v2 (`memory.peak`, `oom_kill` in
/// `memory.events`) are both understood; the cgroup is found through `/proc/<pid>/cgroup`, under `/sys/fs/cgroup`.
final class CgroupMemory {
    private var peakFile: Int32
    private var eventsFile: Int32
    /// The highest peak read so far.
    private(set) var peakBytes: Int64?
    /// The highest OOM kill count read so far.
    private(set) var oomKills: Int = 0

    /// Opens the cgroup files of the process `pid`; when the host does not expose them, nothing is ever read.
    init(pid: Int32, cgroupRoot: String = "/sys/fs/cgroup") {
        peakFile = -1
        eventsFile = -1
        guard pid > 0, let lines = try? String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8) else { return }
        var paths: [(peak: String, events: String)] = []
        for line in lines.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let path = String(fields[2])
            if fields[1].split(separator: ",").contains("memory") {
                let folder = "\(cgroupRoot)/memory\(path)"
                paths.insert(("\(folder)/memory.max_usage_in_bytes", "\(folder)/memory.oom_control"), at: 0)
            } else if fields[0] == "0" && fields[1].isEmpty {
                paths.append(("\(cgroupRoot)\(path)/memory.peak", "\(cgroupRoot)\(path)/memory.events"))
            }
        }
        for (peak, events) in paths {
            let peakFile = open(peak, O_RDONLY | O_CLOEXEC)
            guard peakFile >= 0 else { continue }
            self.peakFile = peakFile
            eventsFile = open(events, O_RDONLY | O_CLOEXEC)
            sample()
            return
        }
    }

    deinit {
        if peakFile >= 0 { close(peakFile) }
        if eventsFile >= 0 { close(eventsFile) }
    }

    /// Reads both files again; keeps the largest values seen.
    func sample() {
        if peakFile >= 0, let text = Self.read(peakFile), let peak = Int64(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            peakBytes = max(peakBytes ?? 0, peak)
        }
        if eventsFile >= 0, let text = Self.read(eventsFile) {
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count == 2, parts[0] == "oom_kill", let count = Int(parts[1]) { oomKills = max(oomKills, count) }
            }
        }
    }

    private static func read(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }
}
