import Store
import Testing

@Suite struct EmailAddressTests {
    @Test func anAddressIsKeptAsTypedAndKnownByItsLowerCase() throws {
        let address = try #require(EmailAddress("  Ada.Lovelace@Example.ORG "))
        #expect(address.text == "Ada.Lovelace@Example.ORG")
        #expect(address.key == "ada.lovelace@example.org")
    }

    @Test(arguments: [
        "ada", "@example.org", "ada@", "ada@example", "ada@@example.org", "a@b@c.org", "ada@-example.org", "ada@example-.org",
        "ada@exa mple.org", "a\"da@example.org", "<ada>@example.org", String(repeating: "a", count: 65) + "@example.org",
        "ada@" + String(repeating: "a", count: 250) + ".org",
    ])
    func aMalformedAddressIsRefused(_ text: String) {
        #expect(EmailAddress(text) == nil)
    }

    /// Not only ASCII's: a no-break space, a line or paragraph separator, a C1 control or a zero-width space inside.
    @Test(arguments: ["a\u{00A0}da@example.org", "ada@exam\u{2028}ple.org", "ada\u{0085}@example.org", "a\u{2029}da@example.org",
                      "ada\u{200B}@example.org", "ada@example.org\u{0000}"])
    func anAddressHoldingAnySpaceOrControlCharacterIsRefused(_ text: String) {
        #expect(EmailAddress(text) == nil)
    }
}
