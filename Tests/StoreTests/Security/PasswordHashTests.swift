import Foundation
import Store
import Testing

/// Passwords are kept as scrypt strings that carry their own parameters, and checked against them in constant time.
@Suite struct PasswordHashTests {
    /// Cheap parameters, so the tests do not wait on the real cost.
    static let quick = PasswordHash.Parameters(logN: 10, blockSize: 8, parallelism: 1)

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// RFC 7914 section 12's vectors: the KDF is scrypt itself, not something like it.
    @Test func theKDFGivesRFC7914sVectors() throws {
        let first = try PasswordHash.derive("password", salt: Array("NaCl".utf8), parameters: .init(logN: 10, blockSize: 8, parallelism: 16), keyLength: 64)
        #expect(Self.hex(first) == "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
        let second = try PasswordHash.derive("pleaseletmein", salt: Array("SodiumChloride".utf8), parameters: .init(logN: 14, blockSize: 8, parallelism: 1), keyLength: 64)
        #expect(Self.hex(second) == "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887")
    }

    @Test func theStoredStringIsNotThePasswordAndVerifiesOnlyIt() throws {
        let hash = try PasswordHash.make("correct horse battery staple", parameters: Self.quick)
        #expect(!hash.text.contains("correct horse"))
        #expect(hash.text.hasPrefix("$scrypt$ln=10,r=8,p=1$"))
        let read = try PasswordHash(text: hash.text)
        #expect(try read.verifies("correct horse battery staple"))
        #expect(try !read.verifies("correct horse battery stapler"))
        #expect(try !read.verifies(""))
    }

    @Test func twoHashesOfOnePasswordDifferByTheirSalt() throws {
        let (first, second) = (try PasswordHash.make("same", parameters: Self.quick), try PasswordHash.make("same", parameters: Self.quick))
        #expect(first.salt != second.salt && first.text != second.text)
    }

    /// A hash made with older parameters still verifies after the standard ones change: they are read from the string.
    @Test func theParametersAreReadBackFromTheString() throws {
        let old = try PasswordHash.make("pw", parameters: .init(logN: 11, blockSize: 4, parallelism: 2))
        let read = try PasswordHash(text: old.text)
        #expect(read.parameters == .init(logN: 11, blockSize: 4, parallelism: 2))
        #expect(try read.verifies("pw"))
    }

    @Test(arguments: [
        "", "scrypt$ln=10,r=8,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
        "$scrypt$ln=10,r=8$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5", "$scrypt$ln=10,r=8,p=1,p=2$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5",
        "$scrypt$ln=30,r=8,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5", "$scrypt$ln=10,r=8,p=1$!!!$a2V5a2V5a2V5a2V5a2V5a2V5",
        "$scrypt$ln=10,r=8,p=1$c2FsdHNhbHQ$a2V5", "$scrypt$ln=-1,r=8,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5",
    ])
    func aStoredStringThatIsNotAScryptHashWithinTheLimitsIsRefused(text: String) {
        #expect(throws: PasswordHash.Refusal.self) { try PasswordHash(text: text) }
    }

    @Test func aPasswordLongerThanTheLimitIsRefusedBeforeHashing() {
        let long = String(repeating: "a", count: PasswordHash.maximumPasswordBytes + 1)
        #expect(throws: PasswordHash.Refusal.self) { try PasswordHash.make(long, parameters: Self.quick) }
    }

    @Test func theStandardCostIsMemoryHard() {
        #expect(PasswordHash.Parameters.standard.memoryBytes == 32 << 20)
    }
}
