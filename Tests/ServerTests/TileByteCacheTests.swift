@testable import Server
import Testing

/// The viewer's tile cache keeps what it was given up to its budget, losing the least recently used first.
@Suite struct TileByteCacheTests {
    static func entry(_ size: Int, _ tag: String) -> TileByteCache.Entry {
        TileByteCache.Entry(bytes: [UInt8](repeating: 1, count: size), tag: tag)
    }

    @Test func aKeptTileComesBackWithItsTag() {
        let cache = TileByteCache(budget: 1000)
        cache.keep(Self.entry(100, "a"), for: "a")
        #expect(cache.entry("a")?.tag == "a")
        #expect(cache.entry("b") == nil)
        #expect(cache.bytes == 100)
    }

    @Test func pastItsBudgetTheLeastRecentlyUsedGoFirst() {
        let cache = TileByteCache(budget: 1000)
        for index in 0..<8 { cache.keep(Self.entry(100, "\(index)"), for: "\(index)") }
        _ = cache.entry("0")
        for index in 8..<12 { cache.keep(Self.entry(100, "\(index)"), for: "\(index)") }
        #expect(cache.bytes <= 1000)
        #expect(cache.entry("0") != nil, "used recently")
        #expect(cache.entry("1") == nil, "the oldest unused")
        #expect(cache.entry("11") != nil)
    }

    @Test func aTileLargerThanTheBudgetIsNotKept() {
        let cache = TileByteCache(budget: 10)
        cache.keep(Self.entry(11, "big"), for: "big")
        #expect(cache.entry("big") == nil)
        #expect(cache.bytes == 0)
    }

    @Test func keepingAKeyAgainCountsItsBytesOnce() {
        let cache = TileByteCache(budget: 1000)
        cache.keep(Self.entry(100, "a"), for: "a")
        cache.keep(Self.entry(300, "a2"), for: "a")
        #expect(cache.bytes == 300)
        #expect(cache.entry("a")?.tag == "a2")
    }
}
