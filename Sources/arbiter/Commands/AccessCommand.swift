import ArgumentParser
import Foundation
import Store

struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access", abstract: "List, approve and refuse participants' access requests.",
        subcommands: [List.self, Approve.self, Refuse.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a challenge's access requests, pending first (tab-separated).")

        @Argument(help: "Challenge slug.") var challenge: String
        @Option(help: "Only requests in this state: pending, approved or refused.") var state: String?
        @OptionGroup var data: DataDirectoryOption

        func validate() throws {
            if let state, AccessRequest.State(rawValue: state) == nil {
                throw ValidationError("--state must be pending, approved or refused, not \(state)")
            }
        }

        func run() throws {
            let store = try data.openStore()
            let requests = try store.accessRequests(challenge: try store.challenge(challenge))
            print(["email", "state", "requested", "affiliation", "purpose"].joined(separator: "\t"))
            for request in requests where state == nil || request.state.rawValue == state {
                let cells = [request.email.text, request.state.rawValue, request.requestedAt.formatted(.iso8601), request.affiliation, request.purpose]
                print(cells.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\t"))
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve an account's access request.")
        @Argument(help: "Challenge slug.") var challenge: String
        @Argument(help: "The account's e-mail address.") var email: String
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            try AccessCommand.decide(challenge: challenge, email: email, approve: true, data: data)
            print("approved \(email)")
        }
    }

    struct Refuse: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Refuse an account's access request.")
        @Argument(help: "Challenge slug.") var challenge: String
        @Argument(help: "The account's e-mail address.") var email: String
        @OptionGroup var data: DataDirectoryOption

        func run() throws {
            try AccessCommand.decide(challenge: challenge, email: email, approve: false, data: data)
            print("refused \(email)")
        }
    }

    static func decide(challenge slug: String, email text: String, approve: Bool, data: DataDirectoryOption) throws {
        let store = try data.openStore()
        let account = try AccountCommand.account(text, in: store)
        try store.decideAccess(accountID: account.id, challenge: try store.challenge(slug), approve: approve, now: Date())
    }
}
