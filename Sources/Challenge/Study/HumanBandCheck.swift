import Yams

/// Checks the phases' `human-band:` against the study of the challenge's folder: the slug must be the study's, and the
/// study must ask for a label from the challenge's own classes, since its readers are scored with the primary metric.
/// A `human-band:` in a folder without a study is left alone (the study may be registered with `arbiter study add`).
enum HumanBandCheck {
    static func issues(challengeRoot: YAMLField, challenge: ChallengeSpec, study: StudySpec) -> [SpecIssue] {
        let phases = challengeRoot.child("phases").elements ?? []
        return zip(phases, challenge.phases).compactMap { field, phase in
            guard let slug = phase.humanBand else { return nil }
            let band = field.child("human-band")
            guard slug == study.slug else {
                return band.issue("no study \"\(slug)\" in this folder; its study is \"\(study.slug)\"")
            }
            guard study.questions.label?.fromChallenge == true else {
                return band.issue("study \"\(slug)\" does not ask for one of the challenge's classes (`classes: challenge`), so its readers cannot be scored with the primary metric")
            }
            return nil
        }
    }
}
