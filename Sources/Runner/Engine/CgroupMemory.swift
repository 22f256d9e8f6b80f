import Foundation
import Synchronization

/// The memory cgroup of a container, watched while it runs: its high-water mark and how many times the OOM killer
/// acted in it. The files are opened before the container starts (after `podman init`) and read through those
/// descriptors every 20 ms on a Dispatch thread; the cgroup is removed soon after the container's last process dies
/// (reads then fail and the last values stand), so only a watch this frequent sees an OOM kill reliably.
///
/// cgroup v1 (`memory.max_usage_in_bytes`, `oom_kill` in `memory.oom_control`) and v2 (`memory.peak`, `oom_kill` in
/// `memory.events`) are both understood; the cgroup is found through `/proc/<pid>/cgroup`, under `/sys/fs/cgroup`.
final class CgroupMemory: Sendable {
    private let peakFile: Int32
    private let eventsFile: Int32
    private let readings = Mutex<(peak: Int64?, oomKills: Int)>((nil, 0))
    private let stopped = Atomic<Bool>(false)

    /// Opens the cgroup files of the process `pid`; when the host does not expose them, nothing is ever read.
    init(pid: Int32, cgroupRoot: String = "/sys/fs/cgroup") {
        (peakFile, eventsFile) = Self.open(pid: pid, cgroupRoot: cgroupRoot)
        sample()
    }

    deinit {
        if peakFile >= 0 { close(peakFile) }
        if eventsFile >= 0 { close(eventsFile) }
    }

    /// The highest peak read so far; nil when the host does not tell.
    var peakBytes: Int64? { readings.withLock { $0.peak } }
    /// The highest OOM kill count read so far.
    var oomKills: Int { readings.withLock { $0.oomKills } }

    /// Samples on a Dispatch thread every `interval` seconds until `stop()`. (The thread holds this object, so the
    /// descriptors are closed only after its last read.)
    func watch(every interval: Double = 0.02) {
        guard peakFile >= 0 else { return }
        DispatchQueue.global().async { [self] in
            while !stopped.load(ordering: .acquiring) {
                sample()
                usleep(useconds_t(interval * 1_000_000))
            }
        }
    }

    /// Takes a last sample and ends the watch.
    func stop() {
        sample()
        stopped.store(true, ordering: .releasing)
    }

    /// Reads both files again; keeps the largest values seen.
    func sample() {
        guard peakFile >= 0 else { return }
        let peak = Self.read(peakFile).flatMap { Int64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        var kills: Int?
        if eventsFile >= 0, let text = Self.read(eventsFile) {
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count == 2, parts[0] == "oom_kill" { kills = Int(parts[1]) }
            }
        }
        readings.withLock { readings in
            if let peak { readings.peak = max(readings.peak ?? 0, peak) }
            if let kills { readings.oomKills = max(readings.oomKills, kills) }
        }
    }

    /// The peak and events files of the process's memory cgroup, or -1s.
    private static func open(pid: Int32, cgroupRoot: String) -> (Int32, Int32) {
        guard pid > 0, let lines = try? String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8) else { return (-1, -1) }
        var candidates: [(peak: String, events: String)] = []
        for line in lines.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let path = String(fields[2])
            if fields[1].split(separator: ",").contains("memory") {
                let folder = "\(cgroupRoot)/memory\(path)"
                candidates.insert(("\(folder)/memory.max_usage_in_bytes", "\(folder)/memory.oom_control"), at: 0)
            } else if fields[0] == "0" && fields[1].isEmpty {
                candidates.append(("\(cgroupRoot)\(path)/memory.peak", "\(cgroupRoot)\(path)/memory.events"))
            }
        }
        for (peak, events) in candidates {
            let peakFile = Glibc.open(peak, O_RDONLY | O_CLOEXEC)
            if peakFile >= 0 { return (peakFile, Glibc.open(events, O_RDONLY | O_CLOEXEC)) }
        }
        return (-1, -1)
    }

    private static func read(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }
}
