import Challenge
import Scoring
import Site
import Store
import Studies

/// What the leaderboard and the report take from a challenge's reader studies: Site does not read studies, so the
/// server and the CLI compute the human levels and agreement here and hand the numbers over.
public enum StudySiteInputs {
    /// The human band of each phase with `human-band:`, by split.
    public static func humanBands(store: any ArbiterStore, challenge: String) throws -> HumanBand.ByPhase {
        try PhaseHumanLevels(store: store, challenge: challenge).phases.mapValues { splits in
            splits.mapValues { entry in
                HumanBand(study: entry.study, readers: entry.level.readers.map { .init(name: $0.reader, value: $0.value, items: $0.items) },
                          notApplicable: entry.level.notApplicable)
            }
        }
    }

    /// Agreement and self-consistency of each registered study with a label question, readers anonymised.
    public static func agreementSections(store: any ArbiterStore, challenge: String) throws -> [StudyAgreementSection] {
        try store.studies(challenge: challenge).map { stored in
            let study = try ReaderStudy(store: store, challenge: challenge, slug: stored.slug)
            guard study.spec.questions.label != nil else {
                return StudyAgreementSection(study: study.spec.title, agreement: "The study asks for shapes only; no label agreement.", selfConsistency: [])
            }
            let agreement: String
            do { agreement = try study.anonymisedLabelAgreement().text } catch { agreement = "No agreement yet: \(error)" }
            let consistency = try study.selfConsistency().map { $0.named(study.anonymousName(of: $0.reader)) }
            return StudyAgreementSection(study: study.spec.title, agreement: agreement, selfConsistency: consistency)
        }
    }
}
