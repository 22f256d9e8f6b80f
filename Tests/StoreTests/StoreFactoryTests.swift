import Foundation
@testable import Store
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

    @Test func postgresURLIsRefusedWithoutEchoingItsPassword() {
        #expect {
            try StoreFactory.open(database: "postgres://arbiter:s3cret@db.example:5432/arbiter", dataDirectory: scratch)
        } throws: { error in
            let text = "\(error)"
            return text.contains("postgres://arbiter:***@db.example:5432/arbiter") && !text.contains("s3cret")
        }
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
