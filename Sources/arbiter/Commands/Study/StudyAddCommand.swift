import ArgumentParser
import Challenge
import Evaluation
import Foundation
import Store
import Studies

/// `arbiter study add DIR`: registers (or updates) the study of a registered challenge and prints each new token once.
struct StudyAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a challenge's reader study, or add its new items and readers; prints each new reader's token once.",
        discussion: """
            The study is DIR/study.yaml or the `study:` section of DIR/challenge.yaml; register the challenge first \
            (`arbiter challenge add DIR`). Items are the spec's regions or slides, or for `tiles:` the tiles of the \
            `arbiter tiles export` manifest it names (relative to DIR). Each reader and adjudicator not yet bound gets an \
            annotator token, printed this once and stored only as a hash; running it again prints no tokens and assigns \
            only items no reader has yet.
            """)

    @Argument(help: "Folder containing challenge.yaml (and study.yaml, or a `study:` section).") var directory: String
    @Option(help: ArgumentHelp(
        "Folder of the study's slides (<slide> or <slide>.<ext>): each region's and whole slide's picture is made from it. "
            + "Tiles bring their own PNG files. Without it, items keep the pictures an earlier add gave them.", valueName: "dir"))
    var slides: String?
    @OptionGroup var data: DataDirectoryOption

    func run() throws {
        let outcome = try Self.add(folder: URL(fileURLWithPath: directory), slides: slides.map { URL(fileURLWithPath: $0) },
                                   store: try data.openStore(), now: Date())
        if !outcome.issuedTokens.isEmpty {
            FileHandle.standardError.write(Data("new tokens, shown this once; give each to its reader and keep them secret:\n".utf8))
        }
        for issued in outcome.issuedTokens {
            print("\(issued.role.rawValue) \(issued.reader): \(issued.token)")
        }
        print("study \(outcome.study.name): \(outcome.addedAssignments) assignments added")
    }

    /// Loads DIR's study and its items, checks the challenge is registered, and runs the setup. The store is opened
    /// only once the spec and its items have passed.
    /// Loads DIR's study and its items, makes their pictures (tiles' files, or regions and slides from `slides`),
    /// checks the challenge is registered, and runs the setup. The store is opened only once the spec and its items
    /// have passed.
    static func add(folder: URL, slides: URL? = nil, store: @autoclosure () throws -> any ArbiterStore, now: Date) throws -> StudySetup.Outcome {
        let challenge = try ChallengeSpecParser.load(directory: folder)
        guard let spec = try StudySpecParser.load(directory: folder, challenge: challenge) else {
            throw ValidationError("\(folder.path) has no reader study: add \(StudySpecParser.fileName) or a `study:` section to challenge.yaml")
        }
        let sourced = try StudyItemSource(folder: folder).records(spec.items)
        let images = StudyItemImages(slides: slides)
        let pictures = try sourced.map { try images.png(for: $0.record, tileFile: $0.tileFile) }
        let store = try store()
        do {
            _ = try store.challenge(challenge.slug)
        } catch StoreError.unknownChallenge {
            throw ValidationError(
                "challenge \"\(challenge.slug)\" is not registered; run `arbiter challenge add \(folder.path)` first, then `arbiter study add` again")
        }
        let earlier = try earlierPictures(store, challenge: challenge.slug, study: spec.slug)
        let items = try zip(sourced, pictures).map { item, picture in
            let digest = try picture.map { try store.blobs.put($0) } ?? earlier[item.record.itemID]
            guard let digest, let description = ItemDescription(item.record) else { return item.record }
            return description.with(image: digest).record(id: item.record.itemID, kind: item.record.kind)
        }
        return try StudySetup(store: store).run(spec, challenge: challenge.slug, items: items, now: now)
    }

    /// The picture each item of an already registered study has, so an add without `--slides` keeps them.
    private static func earlierPictures(_ store: any ArbiterStore, challenge: String, study: String) throws -> [String: String] {
        let registered: StoredStudy
        do { registered = try store.study(challenge: challenge, slug: study) } catch StoreError.unknownStudy { return [:] }
        return Dictionary(try store.studyItems(registered).compactMap { item in
            ItemDescription(item)?.image.map { (item.itemID, $0) }
        }, uniquingKeysWith: { first, _ in first })
    }
}
