import Foundation

/// Token buckets per key (a token's digest, or a peer address for anonymous callers): each key may spend
/// `rate` units per second, with up to `burst` saved up. Used for request rates and for uploaded bytes.
actor RateLimiter {
    private struct Bucket {
        var level: Double
        var updated: ContinuousClock.Instant
    }

    let rate: Double
    let burst: Double
    private var buckets: [String: Bucket] = [:]
    private let clock = ContinuousClock()
    private var lastSweep = ContinuousClock.now

    init(rate: Double, burst: Double) {
        self.rate = rate
        self.burst = burst
    }

    /// Spends `cost` units of `key`'s bucket; returns nil when allowed, else the seconds until it would be.
    func spend(_ cost: Double, key: String) -> Double? {
        let now = clock.now
        var bucket = buckets[key] ?? Bucket(level: burst, updated: now)
        let elapsed = Double((now - bucket.updated).components.attoseconds) / 1e18 + Double((now - bucket.updated).components.seconds)
        bucket.level = min(burst, bucket.level + elapsed * rate)
        bucket.updated = now
        defer {
            buckets[key] = bucket
            // At most one sweep a minute, so a flood of new keys costs linear time, not quadratic.
            if buckets.count > 100_000, now - lastSweep > .seconds(60) {
                lastSweep = now
                forgetFullBuckets(now: now)
            }
        }
        // A single cost above the burst could never pass: it is judged against a full bucket instead.
        let needed = min(cost, burst)
        guard bucket.level >= needed else { return (needed - bucket.level) / rate }
        bucket.level -= cost
        return nil
    }

    /// Drops buckets that have refilled: they carry no history, so memory stays bounded by active callers.
    private func forgetFullBuckets(now: ContinuousClock.Instant) {
        buckets = buckets.filter { _, bucket in
            let elapsed = Double((now - bucket.updated).components.seconds)
            return bucket.level + elapsed * rate < burst
        }
    }
}
