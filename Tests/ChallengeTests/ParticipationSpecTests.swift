import Challenge
import Foundation
import Testing

@Suite("challenge.yaml: participation")
struct ParticipationSpecTests {
    static func yaml(_ participation: String?) -> String {
        """
        schema: 1
        slug: demo
        title: Demo
        task:
          kind: slide-classification
          classes:
            - { id: "0", name: benign }
            - { id: "1", name: malignant }
        metrics:
          primary: accuracy
        phases:
          - slug: final
            opens: 2026-01-01T00:00:00Z
            closes: 2026-02-01T00:00:00Z
            cases: [public]
            public-split: public
        """ + (participation.map { "\nparticipation:\n" + $0.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") } ?? "")
    }

    func issues(_ participation: String) -> [SpecIssue] {
        do throws(SpecError) {
            _ = try ChallengeSpecParser.parse(yaml: Self.yaml(participation), file: "challenge.yaml")
            return []
        } catch {
            return error.issues
        }
    }

    @Test func withoutTheSectionAnyoneAdmittedJoinsTeamsOfAnySize() throws {
        let spec = try ChallengeSpecParser.parse(yaml: Self.yaml(nil), file: "challenge.yaml")
        #expect(spec.participation == ParticipationSpec(approval: .automatic, maxTeamSize: nil, data: []))
    }

    @Test func aSpecWithoutTheSectionEncodesAsBefore() throws {
        let spec = try ChallengeSpecParser.parse(yaml: Self.yaml(nil), file: "challenge.yaml")
        let json = String(decoding: try JSONEncoder().encode(spec), as: UTF8.self)
        #expect(!json.contains("participation"))
        #expect(try JSONDecoder().decode(ChallengeSpec.self, from: Data(json.utf8)) == spec)
    }

    @Test func readsApprovalTeamSizeAndData() throws {
        let spec = try ChallengeSpecParser.parse(yaml: Self.yaml("""
            approval: required
            max-team-size: 4
            data:
              - { name: labels.csv, file: data/labels.csv, description: Training labels }
              - name: slides
                url: https://slides.example.org/
                sha256: \(String(repeating: "ab", count: 32))
            """), file: "challenge.yaml")
        #expect(spec.participation.approval == .required && spec.participation.maxTeamSize == 4)
        #expect(spec.participation.data == [
            DataEntry(name: "labels.csv", source: .file("data/labels.csv"), description: "Training labels"),
            DataEntry(name: "slides", source: .link("https://slides.example.org/"), sha256: String(repeating: "ab", count: 32)),
        ])
        #expect(try JSONDecoder().decode(ChallengeSpec.self, from: try JSONEncoder().encode(spec)) == spec)
    }

    @Test(arguments: [
        ("approval: sometimes", "participation.approval"),
        ("max-team-size: 0", "participation.max-team-size"),
        ("data:\n  - { name: a, file: ../truth.csv }", "participation.data[0].file"),
        ("data:\n  - { name: a, file: /etc/passwd }", "participation.data[0].file"),
        ("data:\n  - { name: a, url: ftp://x.org/a }", "participation.data[0].url"),
        ("data:\n  - { name: .hidden, url: https://x.org/a }", "participation.data[0].name"),
        ("data:\n  - { name: a/b, url: https://x.org/a }", "participation.data[0].name"),
        ("data:\n  - { name: a }", "participation.data[0]"),
        ("data:\n  - { name: a, url: https://x.org/a, file: a }", "participation.data[0]"),
        ("data:\n  - { name: a, url: https://x.org/a }\n  - { name: a, url: https://x.org/b }", "participation.data[1].name"),
        ("data:\n  - { name: a, file: a.csv, sha256: \(String(repeating: "0", count: 64)) }", "participation.data[0].sha256"),
        ("data:\n  - { name: a, url: https://x.org/a, sha256: ABC }", "participation.data[0].sha256"),
        ("teams: 3", "participation.teams"),
    ])
    func aMistakeIsNamedByItsKeyPath(participation: String, path: String) {
        let found = issues(participation)
        #expect(found.map(\.path).contains(path), "\(found)")
        #expect(found.allSatisfy { $0.line != nil })
    }
}
