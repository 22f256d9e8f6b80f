import Crypto
import Foundation

/// One of `count` shards of a batch (`--shard index/count`, 0-based): an item belongs to shard
/// SHA-256(id) mod count, reading the digest as a big-endian 256-bit number. Every machine computes the same
/// assignment with no coordination (Swift's `Hasher` is seeded per process, so it is never used for this).
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public static let all = Shard(index: 0, count: 1)

    public init(index: Int, count: Int) {
        precondition(count > 0 && (0..<count).contains(index), "shard \(index)/\(count)")
        self.index = index
        self.count = count
    }

    /// Parses `i/n`, or `auto` with `autoCount` shards, the index from `JOB_COMPLETION_INDEX` (Kubernetes
    /// Indexed Jobs) or `SLURM_ARRAY_TASK_ID` (Slurm arrays).
    public init(parsing text: String, autoCount: Int? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ShardError) {
        if text == "auto" {
            guard let count = autoCount, count > 0 else { throw ShardError("--shard auto needs --shards N with N > 0") }
            guard let raw = environment["JOB_COMPLETION_INDEX"] ?? environment["SLURM_ARRAY_TASK_ID"], let index = Int(raw) else {
                throw ShardError("--shard auto found neither JOB_COMPLETION_INDEX nor SLURM_ARRAY_TASK_ID holding a number")
            }
            guard (0..<count).contains(index) else { throw ShardError("--shard auto: index \(index) from the environment is not in 0..<\(count)") }
            self.init(index: index, count: count)
            return
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let index = parts[0], let count = parts[1] else {
            throw ShardError("--shard expects INDEX/COUNT (such as 0/4) or auto, got \"\(text)\"")
        }
        guard count > 0, (0..<count).contains(index) else {
            throw ShardError("--shard \(text): the index must be in 0..<COUNT and COUNT positive")
        }
        self.init(index: index, count: count)
    }

    /// The shard an item with this id belongs to.
    public static func number(of id: String, count: Int) -> Int {
        var remainder = 0
        for byte in SHA256.hash(data: Data(id.utf8)) { remainder = (remainder * 256 + Int(byte)) % count }
        return remainder
    }

    public func contains(id: String) -> Bool { Self.number(of: id, count: count) == index }

    public var description: String { "\(index)/\(count)" }
}

/// A `--shard` value that cannot be used.
public struct ShardError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
