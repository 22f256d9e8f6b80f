import Store
import Testing

@Suite struct ContentDigestTests {
    @Test func aDigestsHexDigitsGiveBackItsBytes() {
        // SHA-256 of "abc" (FIPS 180-2's example).
        let digest = ContentDigest.sha256(Array("abc".utf8))
        #expect(digest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let bytes = ContentDigest.bytes(ofDigest: digest)
        #expect(bytes?.count == 32 && bytes?.first == 0xBA && bytes?.last == 0xAD)
    }

    @Test(arguments: ["", "abc", String(repeating: "g", count: 64), String(repeating: "0", count: 63)])
    func textThatIsNoDigestGivesNoBytes(_ text: String) {
        #expect(ContentDigest.bytes(ofDigest: text) == nil)
    }
}
