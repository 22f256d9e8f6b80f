import HTTPTypes
import Testing
@testable import Server

@Suite struct RateLimiterTests {
    @Test func burstIsAllowedThenTheWaitIsTheTimeToEarnOneMore() async {
        let limiter = RateLimiter(rate: 2, burst: 3)
        for _ in 0..<3 { #expect(await limiter.spend(1, key: "k") == nil) }
        let wait = await limiter.spend(1, key: "k")
        #expect(wait != nil && wait! > 0.45 && wait! <= 0.5)
    }

    @Test func keysHaveSeparateBuckets() async {
        let limiter = RateLimiter(rate: 1, burst: 1)
        #expect(await limiter.spend(1, key: "a") == nil)
        #expect(await limiter.spend(1, key: "b") == nil)
        #expect(await limiter.spend(1, key: "a") != nil)
    }

    @Test func costAboveTheBurstPassesOnAFullBucket() async {
        let limiter = RateLimiter(rate: 100, burst: 1000)
        #expect(await limiter.spend(5000, key: "big") == nil)
        #expect(await limiter.spend(1, key: "big") != nil)
    }
}
