import ArgumentParser
import Foundation
import Store

struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Create, list and confirm people's accounts, and make their own tokens.",
        subcommands: [Create.self, List.self, Verify.self, Token.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account; its password is read from standard input (one line), never from the command line.")

        @Argument(help: "E-mail address.") var email: String
        @Flag(help: "Count the address as confirmed (when the organisers know it already).") var verified = false
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            guard let address = EmailAddress(email) else { throw ValidationError("\(email) is not an e-mail address") }
            let password = readLine(strippingNewline: true) ?? ""
            if let problem = PasswordPolicy.problem(with: password, email: address) {
                throw ValidationError("the password read from standard input will not do: \(problem)")
            }
            let store = try data.openStore()
            let now = Date()
            guard let account = try store.createAccount(email: address, passwordHash: try PasswordHash.make(password).text, now: now) else {
                throw ValidationError("\(address) has an account already")
            }
            if verified { _ = try store.confirmAccount(id: account.id, now: now) }
            print("account \(account.id) \(address)\(verified ? " (confirmed)" : "")")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts of the given addresses (tab-separated).")
        @Argument(help: "E-mail addresses.") var emails: [String]
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let store = try data.openStore()
            print("id\temail\tconfirmed\tcreated")
            for email in emails {
                let account = try AccountCommand.account(email, in: store)
                print("\(account.id)\t\(account.email)\t\(account.verifiedAt.map { $0.formatted(.iso8601) } ?? "no")\t\(account.createdAt.formatted(.iso8601))")
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm an account's address by hand (audited as account.verified).")
        @Argument(help: "E-mail address.") var email: String
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let store = try data.openStore()
            let account = try AccountCommand.account(email, in: store)
            _ = try store.confirmAccount(id: account.id, now: Date())
            print("confirmed \(account.email)")
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make one of an account's own tokens and print it; shown this once (as on the account page).")
        @Argument(help: "E-mail address.") var email: String
        @Option(help: "A label to tell the token apart.") var label: String?
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            let store = try data.openStore()
            let account = try AccountCommand.account(email, in: store)
            print(try store.issueAccountToken(accountID: account.id, label: label, now: Date()).token)
        }
    }

    /// The account of an address, or `unknownAccount` naming it.
    static func account(_ email: String, in store: any ArbiterStore) throws -> StoredAccount {
        guard let address = EmailAddress(email), let account = try store.account(email: address) else { throw StoreError.unknownAccount(email) }
        return account
    }
}
