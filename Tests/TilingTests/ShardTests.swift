import Testing
import Tiling

/// Shard assignment: SHA-256 of the id as a big-endian number, modulo the shard count. Expected values are
/// Python's `int(hashlib.sha256(id.encode()).hexdigest(), 16) % n`.
@Suite struct ShardTests {
    @Test(arguments: [("CMU-1.svs", 1, 3, 797), ("slide-0001.tiff", 0, 1, 52), ("slide-0002.tiff", 1, 2, 461),
                      ("patient 7.svs", 3, 3, 831), ("é.svs", 0, 0, 216)])
    func shardIsSHA256OfTheIdModuloTheCount(id: String, four: Int, seven: Int, thousand: Int) {
        #expect(Shard.number(of: id, count: 4) == four)
        #expect(Shard.number(of: id, count: 7) == seven)
        #expect(Shard.number(of: id, count: 1000) == thousand)
    }

    @Test func everyIdBelongsToExactlyOneShard() throws {
        let ids = (0..<200).map { "slide-\($0).svs" }
        let shards = try (0..<5).map { try Shard(parsing: "\($0)/5") }
        for id in ids { #expect(shards.filter { $0.contains(id: id) }.count == 1) }
        let sizes = shards.map { shard in ids.filter { shard.contains(id: $0) }.count }
        #expect(sizes.allSatisfy { $0 > 20 }, "spread: \(sizes)")
    }

    @Test func autoReadsTheIndexedJobOrArrayIndex() throws {
        #expect(try Shard(parsing: "auto", autoCount: 8, environment: ["JOB_COMPLETION_INDEX": "3"]) == Shard(index: 3, count: 8))
        #expect(try Shard(parsing: "auto", autoCount: 8, environment: ["SLURM_ARRAY_TASK_ID": "7"]) == Shard(index: 7, count: 8))
    }

    @Test(arguments: ["3", "4/4", "-1/4", "1/0", "a/b", "1/2/3"])
    func malformedShardsAreRefusedWithTheValue(text: String) {
        #expect(throws: ShardError.self) { try Shard(parsing: text) }
    }

    @Test func autoWithoutAnIndexIsRefused() {
        #expect(throws: ShardError.self) { try Shard(parsing: "auto", autoCount: 4, environment: [:]) }
        #expect(throws: ShardError.self) { try Shard(parsing: "auto", autoCount: 4, environment: ["SLURM_ARRAY_TASK_ID": "4"]) }
    }
}
