import Foundation
import GRDB
@testable import Store
import Synchronization
import Testing

/// Concurrent writers share commits, and each still gets exactly its own outcome.
@Suite("Group commit")
struct GroupCommitWriterTests {
    struct Refused: Error, Equatable {
        let value: Int
    }

    /// A pool over a fresh file with one table, and a writer over it.
    static func writer() throws -> (GroupCommitWriter, DatabasePool) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("group-commit-\(UUID().uuidString).sqlite").path
        let pool = try DatabasePool(path: path)
        try pool.write { db in try db.execute(sql: "CREATE TABLE rows (value INTEGER NOT NULL)") }
        return (GroupCommitWriter(pool: pool, maximumBatch: 8), pool)
    }

    /// Inserts `value`, then refuses multiples of `refusing` after the insert, so a refusal must roll its insert back.
    static func insert(_ value: Int, refusing: Int, into writer: GroupCommitWriter) -> Result<Int64, Refused> {
        do {
            return .success(try writer.write { db in
                try db.execute(sql: "INSERT INTO rows (value) VALUES (?)", arguments: [value])
                if value % refusing == 0 { throw Refused(value: value) }
                return db.lastInsertedRowID
            })
        } catch let refused as Refused {
            return .failure(refused)
        } catch {
            Issue.record("unexpected \(error)")
            return .failure(Refused(value: -1))
        }
    }

    static func concurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Result<Int64, Refused>) -> [Result<Int64, Refused>] {
        let results = Mutex([Result<Int64, Refused>?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = body(index)
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }

    @Test func everyConcurrentWriteIsCommittedWithItsOwnRowID() throws {
        let (writer, pool) = try Self.writer()
        let results = Self.concurrently(400) { Self.insert($0 + 1, refusing: .max, into: writer) }
        let ids = results.compactMap { try? $0.get() }
        #expect(Set(ids).count == 400)
        #expect(try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rows") } == 400)
        let stored = try pool.read { db in try Row.fetchAll(db, sql: "SELECT rowid, value FROM rows") }
        let valueOfRow = Dictionary(uniqueKeysWithValues: stored.map { (Int64($0["rowid"] as Int64), $0["value"] as Int) })
        for (index, result) in results.enumerated() {
            #expect(valueOfRow[try result.get()] == index + 1)
        }
    }

    @Test func aRefusedWriteRollsBackOnlyItsOwnStatements() throws {
        let (writer, pool) = try Self.writer()
        let results = Self.concurrently(300) { Self.insert($0 + 1, refusing: 3, into: writer) }
        for (index, result) in results.enumerated() {
            let value = index + 1
            switch result {
            case .success: #expect(value % 3 != 0)
            case .failure(let refused): #expect(refused == Refused(value: value))
            }
        }
        let values = try pool.read { db in try Int.fetchAll(db, sql: "SELECT value FROM rows ORDER BY value") }
        #expect(values == (1...300).filter { $0 % 3 != 0 })
    }

    @Test func aWriteReturnsOnlyOnceItsTransactionHasCommitted() throws {
        let (writer, pool) = try Self.writer()
        let results = Self.concurrently(64) { index in
            let inserted = Self.insert(index + 1, refusing: .max, into: writer)
            // Another connection sees the row the moment the write returns: it was committed, not merely run.
            let visible = (try? pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rows WHERE value = ?", arguments: [index + 1]) }) ?? 0
            return visible == 1 ? inserted : .failure(Refused(value: index + 1))
        }
        #expect(results.allSatisfy { (try? $0.get()) != nil })
    }
}
