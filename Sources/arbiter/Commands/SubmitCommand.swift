import ArgumentParser
import Foundation
import Store
import Intake

struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit a prediction CSV (case_id,label[,p_<class>...]); problems are listed all at once.")

    @Argument(help: "Challenge slug.") var challenge: String
    @Option(help: "Phase slug.") var phase: String
    @Option(help: "Team token (or set ARBITER_TOKEN).") var token: String?
    @Flag(name: .customLong("dry-run"), help: "Validate only: nothing is stored or counted.") var dryRun = false
    @Argument(help: "Prediction CSV.") var file: String
    @Option(help: "Submit through this server's API (for example https://arbiter.example.org) instead of a local data folder.")
    var server: String?
    @OptionGroup var data: DataDirectoryOption

    func run() async throws {
        guard let token = token ?? ProcessInfo.processInfo.environment["ARBITER_TOKEN"] else {
            throw ValidationError("no token: pass --token or set ARBITER_TOKEN")
        }
        if let server {
            guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("--server must be an http or https URL, not \(server)")
            }
            let name = (file as NSString).lastPathComponent
            let answer = try await APIClient(server: url, token: token).upload(
                try readFile(file), to: "api/v1/challenges/\(challenge)/phases/\(phase)/submissions",
                query: [URLQueryItem(name: "file_name", value: name)] + (dryRun ? [URLQueryItem(name: "dry_run", value: "true")] : []))
            if let id = answer["id"] as? Int {
                print("accepted submission \(id) (sha256 \(answer["sha256"] as? String ?? "?")); queued for scoring")
                print("status: \(url.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")))\(answer["status_url"] as? String ?? "")")
            } else {
                print("\(file) is valid for phase \(phase); nothing was stored")
            }
            return
        }
        let intake = SubmissionIntake(store: try data.openStore())
        let submission = try intake.submit(
            challenge: challenge, phase: phase, token: token, fileName: (file as NSString).lastPathComponent,
            bytes: try readFile(file), now: Date(), dryRun: dryRun)
        if let submission {
            print("accepted submission \(submission.id) (sha256 \(submission.fileSHA256)); queued for scoring")
        } else {
            print("\(file) is valid for phase \(phase); nothing was stored")
        }
    }
}

struct SelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select", abstract: "Choose a submission as the team's final entry (team-choice phases).")

    @Argument(help: "Challenge slug.") var challenge: String
    @Option(help: "Team token (or set ARBITER_TOKEN).") var token: String?
    @Argument(help: "Submission id.") var submission: Int64
    @OptionGroup var data: DataDirectoryOption

    func run() throws {
        let store = try data.openStore()
        guard let token = token ?? ProcessInfo.processInfo.environment["ARBITER_TOKEN"],
              let identity = try store.authenticate(token: token), let team = identity.team
        else { throw IntakeError.unauthorized }
        try SubmissionIntake(store: store).choose(submission, team: team, now: Date())
        print("submission \(submission) is now team \(team.name)'s chosen entry")
    }
}
