import Challenge
import Foundation
import Judge
import Site
import PlatformSupport
import Scoring
import Store
import Testing

@Suite struct ChallengeReportTests {
    func report(publish: Bool) async throws -> (html: String, platform: Platform) {
        let platform = try Platform(limits: "{ total: 10 }")
        for (team, labels) in [("alpha", [0, 1, 2, 0, 0, 0]), ("beta", [0, 1, 0, 0, 1, 2])] {
            try platform.submit(try platform.addTeam(team), labels, at: 1)
        }
        _ = try await Judge(store: platform.store, worker: "test", clock: { Platform.opens.addingTimeInterval(600) }).drain()
        if publish { try platform.store.publishPhase(try platform.phase(), challenge: "small", now: Platform.opens) }
        return (try await ChallengeReport(store: platform.store).render(challenge: "small", now: Platform.opens.addingTimeInterval(700)).html, platform)
    }

    @Test func reportCoversEveryBIASTopic() async throws {
        let (html, _) = try await report(publish: true)
        for topic in ["1. Challenge", "2. Task", "3. Data and splits", "4. Annotation", "5. Metrics", "6. Ranking and missing values", "7. Uncertainty", "8. Results"] {
            #expect(html.contains(topic), "missing \(topic)")
        }
        #expect(html.contains("with quadratic weights over the ordered classes"))
        #expect(html.contains("bootstrap resamples"))
    }

    @Test func reportOfAnUnpublishedPhaseShowsNoPrivateColumn() async throws {
        let (html, _) = try await report(publish: false)
        #expect(!html.contains("private ·"))
        #expect(html.contains("sealed until published"))
    }

    @Test func reportHasAnAgreementSectionForTheStudies() async throws {
        let platform = try Platform(limits: "{ total: 10 }")
        let study = StudyAgreementSection(study: "Grading", agreement: "Fleiss' kappa: 0.500000 on 6 items with 3 reads",
                                          selfConsistency: [.init(reader: "Reader 1", items: 4, agreeing: 3)])
        let html = try await ChallengeReport(store: platform.store).render(
            challenge: "small", now: Platform.opens.addingTimeInterval(700), studies: [study]).html
        #expect(html.contains("9. Reader studies and agreement"))
        #expect(html.contains("Fleiss&#39; kappa: 0.500000 on 6 items with 3 reads"))
        #expect(html.contains("<tr><td>Reader 1</td><td class=\"number\">4</td><td class=\"number\">3</td><td class=\"number\">0.750</td></tr>"))
    }

    @Test func reportWithoutStudiesHasNoAgreementSection() async throws {
        let (html, _) = try await report(publish: false)
        #expect(!html.contains("Reader studies and agreement"))
    }
}
