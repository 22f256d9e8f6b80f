import Foundation
@testable import Store
import PlatformSupport
import Testing

@Suite("Store factory")
struct StoreFactoryTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-test-\(UUID().uuidString)")

    @Test func noDatabaseURLOpensTheDataDirectorysOwnSQLiteStore() throws {
        let store = try StoreFactory.open(database: nil, dataDirectory: scratch)
        #expect(store.location == "sqlite://\(scratch.path)")
        #expect(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("arbiter.sqlite").path))
    }

    @Test func sqliteURLNamesTheDataDirectory() throws {
        let elsewhere = scratch.appendingPathComponent("elsewhere")
        let store = try StoreFactory.open(database: "sqlite://\(elsewhere.path)", dataDirectory: scratch)
        #expect(store.location == "sqlite://\(elsewhere.path)")
        #expect(StoreFactory.localDirectory(database: "sqlite://\(elsewhere.path)", dataDirectory: scratch).path == elsewhere.path)
    }

    @Test func unreachablePostgresIsReportedWithoutEchoingItsPassword() {
        // Nothing listens on port 1: the connection is refused at once.
        #expect {
            try StoreFactory.open(database: "postgres://arbiter:s3cret@127.0.0.1:1/arbiter", dataDirectory: scratch)
        } throws: { error in
            let text = "\(error)"
            return text.contains("postgres://arbiter:***@127.0.0.1:1/arbiter") && !text.contains("s3cret")
        }
    }

    @Test func postgresURLHasNoDataDirectoryOfItsOwn() {
        let url = "postgres://arbiter:s3cret@db.example:5432/arbiter"
        #expect(StoreFactory.localDirectory(database: url, dataDirectory: scratch) == scratch)
    }

    @Test func postgresURLWithABadSchemaIsRefusedByName() {
        #expect {
            try StoreFactory.open(database: "postgres://arbiter:s3cret@db.example/arbiter?schema=Robert'); DROP", dataDirectory: scratch)
        } throws: { error in
            let text = "\(error)"
            return text.contains("must be lower-case letters") && !text.contains("s3cret")
        }
    }

    @Test(.enabled(if: StoreAdapter.postgresURL != nil, "needs ARBITER_TEST_POSTGRES_URL"))
    func postgresURLOpensThePostgresStoreWithBlobsInTheDataDirectory() throws {
        let url = try #require(StoreAdapter.postgresURL) + "?schema=factory_" + UUID().uuidString.prefix(8).lowercased()
        let store = try StoreFactory.open(database: url, dataDirectory: scratch)
        #expect(store is PostgresStore)
        #expect(!store.location.contains(":arbiter@"))
        #expect(try store.engineVersion().hasPrefix("PostgreSQL"))
        #expect(store.isReachable())
        let digest = try store.blobs.put([1, 2, 3])
        #expect(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("blobs").path))
        #expect(try store.blobs.read(digest) == [1, 2, 3])
    }

    @Test func unknownSchemeIsRefusedByName() {
        #expect {
            try StoreFactory.open(database: "mysql://root@localhost/arbiter", dataDirectory: scratch)
        } throws: { error in
            "\(error)".contains("unknown scheme \"mysql\"")
        }
    }

    @Test func urlWithoutPasswordIsShownAsIs() {
        #expect(StoreFactory.redacted("postgres://arbiter@db/arbiter") == "postgres://arbiter@db/arbiter")
    }
}
