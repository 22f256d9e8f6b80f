import ArgumentParser
import Foundation
import Store
import Intake

struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit a prediction file (or, to a container phase, an image archive); problems are listed all at once.")

    @Argument(help: "Challenge slug.") var challenge: String
    @Option(help: "Phase slug.") var phase: String
    @Option(help: "Team token (or set ARBITER_TOKEN).") var token: String?
    @Flag(name: .customLong("dry-run"), help: "Validate only: nothing is stored or counted.") var dryRun = false
    @Argument(help: "The prediction file (a CSV, an archive of case files), or for a container phase an image archive (docker save, podman save).")
    var file: String
    @Option(help: "Submit through this server's API (for example https://arbiter.example.org) instead of a local data folder.")
    var server: String?
    @OptionGroup var data: DataDirectoryOption

    func run() async throws {
        let token = try CommandLineToken.resolve(token)
        if let server {
            let client = try APIClient(serverOption: server, token: token)
            let name = (file as NSString).lastPathComponent
            let answer = try await client.upload(
                try readFile(file), to: "api/v1/challenges/\(challenge)/phases/\(phase)/submissions",
                query: [URLQueryItem(name: "file_name", value: name)] + (dryRun ? [URLQueryItem(name: "dry_run", value: "true")] : []))
            if let id = answer["id"] as? Int {
                print("accepted submission \(id) (sha256 \(answer["sha256"] as? String ?? "?")); queued for scoring")
                print("status: \(client.server.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")))\(answer["status_url"] as? String ?? "")")
            } else {
                print("\(file) is valid for phase \(phase); nothing was stored")
            }
            return
        }
        let store = try data.openStore()
        let team = try SubmissionIntake(store: store).submittingTeam(token: token, challenge: challenge)
        // Copied into the blob store's incoming folder a megabyte at a time, as the server spools an upload: an image
        // archive of gigabytes is never held in memory.
        let upload = try UploadedFile.copying(file, into: store.blobs)
        let submission = try SubmissionIntake(store: store).submit(
            challenge: challenge, phase: phase, team: team, fileName: (file as NSString).lastPathComponent, file: upload,
            now: Date(), dryRun: dryRun)
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
        let team = try SubmissionIntake(store: store).submittingTeam(token: try CommandLineToken.resolve(token), challenge: challenge)
        try SubmissionIntake(store: store).choose(submission, team: team, now: Date())
        print("submission \(submission) is now team \(team.name)'s chosen entry")
    }
}
