import Challenge
import Foundation

/// Reading a challenge folder's study: the parser takes text, the files are read here.
extension StudySpecParser {
    /// The study of the challenge in DIR, from `DIR/study.yaml` or the `study:` section of `DIR/challenge.yaml` (a
    /// study in both is an issue); nil when the challenge has none. `challenge` is DIR's parsed `challenge.yaml`.
    public static func load(directory: URL, challenge: ChallengeSpec) throws -> StudySpec? {
        let challengePath = directory.appendingPathComponent("challenge.yaml").path
        let studyPath = directory.appendingPathComponent(fileName).path
        let studyText = FileManager.default.fileExists(atPath: studyPath) ? try ChallengeSpecParser.specText(studyPath) : nil
        return try parse(
            studyYAML: studyText, studyFile: studyPath, challengeYAML: try ChallengeSpecParser.specText(challengePath),
            challengeFile: challengePath, challenge: challenge)
    }
}
