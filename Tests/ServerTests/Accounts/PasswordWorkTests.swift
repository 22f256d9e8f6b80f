@testable import Server
import Store
import Testing

/// Where passwords are checked: a refusal for an unknown address costs what one for a wrong password does.
@Suite struct PasswordWorkTests {
    @Test func anUnknownAddressIsCheckedAgainstADecoyOfTheStandardCost() throws {
        let decoy = try PasswordHash(text: PasswordWork.decoy)
        #expect(decoy.parameters == .standard)
    }

    @Test func onlyTheRightPasswordVerifiesAndAMalformedStoredStringMatchesNothing() async throws {
        let work = PasswordWork(threads: 1)
        let stored = try await work.hash("a long enough passphrase")
        #expect(try await work.verify("a long enough passphrase", against: stored))
        #expect(try await !work.verify("another passphrase", against: stored))
        #expect(try await !work.verify("", against: "not a hash"))
    }

    @Test func checksPastTheCapacityAreRefusedNotQueued() async throws {
        let work = PasswordWork(threads: 1, capacity: 1)
        try work.admit()
        #expect(throws: APIError.self) { try work.admit() }
        await #expect(throws: APIError.self) { _ = try await work.verify("y", against: PasswordWork.decoy) }
        work.release()
        #expect(try await !work.verify("y", against: PasswordWork.decoy))
    }
}
