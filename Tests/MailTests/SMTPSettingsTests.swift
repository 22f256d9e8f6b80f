import Mail
import Testing

@Suite struct SMTPSettingsTests {
    static func refusal(url: String, from: String = "arbiter@example.org") -> MailError? {
        do {
            _ = try SMTPSettings.parse(url: url, from: from)
            return nil
        } catch {
            return error
        }
    }

    @Test func acceptsALocalSMTPServerWithDefaults() throws {
        let settings = try SMTPSettings.parse(url: "smtp://127.0.0.1:2525", from: "arbiter@example.org")
        #expect(settings.url == "smtp://127.0.0.1:2525")
        #expect(settings.from == "arbiter@example.org")
        #expect(settings.timeoutSeconds == 20)
        #expect(!settings.requiresSTARTTLS)
        #expect(settings.username == nil && settings.password == nil)
    }

    @Test func acceptsSMTPSWithoutAPort() throws {
        #expect(try SMTPSettings.parse(url: "SMTPS://mail.example.org", from: "a@example.org").url == "smtps://mail.example.org")
    }

    @Test func refusesHTTPNamingTheURL() throws {
        let error = try #require(Self.refusal(url: "http://x"))
        #expect(error.code == .invalidSettings && error.field == "url" && error.value == "http://x")
        #expect(error.description.contains("\"http://x\""))
    }

    @Test(arguments: ["smtp://", "smtp:///path", "mail.example.org:25", "smtp://host:25/inbox", "smtp://host?x=1", "not a url"])
    func refusesURLsThatAreNotJustAServer(url: String) throws {
        let error = try #require(Self.refusal(url: url))
        #expect(error.code == .invalidSettings && error.field == "url")
    }

    @Test func refusesCredentialsInTheURLWithoutShowingThem() throws {
        let error = try #require(Self.refusal(url: "smtp://user:s3cret@mail.example.org:587"))
        #expect(error.field == "url")
        #expect(!error.description.contains("s3cret"))
    }

    @Test func refusesAMalformedSender() throws {
        let error = try #require(Self.refusal(url: "smtp://127.0.0.1:2525", from: "arbiter"))
        #expect(error.field == "from" && error.value == "arbiter")
    }

    @Test func descriptionHidesThePassword() throws {
        var settings = try SMTPSettings.parse(url: "smtp://127.0.0.1:2525", from: "arbiter@example.org")
        settings.username = "arbiter"
        settings.password = "s3cret"
        #expect(!"\(settings)".contains("s3cret"))
        #expect(!String(reflecting: settings).contains("s3cret"))
    }
}
