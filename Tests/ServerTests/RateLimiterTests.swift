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

    /// A rate of 0 never refills, and its wait is infinite: Retry-After says a week, where `Int(_:)` trapped.
    @Test func aWaitThatNeverEndsIsAWeekOfRetryAfterNotATrap() async throws {
        let limiter = RateLimiter(rate: 0, burst: 1)
        #expect(await limiter.spend(1, key: "k") == nil)
        let wait = try #require(await limiter.spend(1, key: "k"))
        #expect(APIHandlers.seconds(wait) == 604_800)
        #expect(APIHandlers.seconds(.nan) == 604_800 && APIHandlers.seconds(1e300) == 604_800)
        #expect(APIHandlers.seconds(0.2) == 1 && APIHandlers.seconds(2.5) == 3)
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
