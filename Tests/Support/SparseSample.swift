import Scoring

public enum SparseSample {
    /// A mostly zero buffer with a few stretches of varied bytes, like a label or detection map.
    public static func bytes(seed: UInt64, count: Int = 300_000) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var bytes = [UInt8](repeating: 0, count: count)
        for _ in 0..<Int(random.next() % 40) {
            let start = Int(random.next() % UInt64(count))
            let length = min(count - start, Int(random.next() % 3000))
            let pattern = (0..<4).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            for index in 0..<length {
                // Float-like repeats, with the odd zero byte and noise, so literals, short and long matches all occur.
                bytes[start + index] = random.next() % 17 == 0 ? UInt8(truncatingIfNeeded: random.next()) : pattern[index % 4]
            }
        }
        return bytes
    }
}
