/// Reads the `phases` section.
enum PhaseSpecReader {
    private static let phaseKeys: Set = [
        "slug", "title", "opens", "closes", "cases", "public-split", "private-split", "limits", "final-entry", "ranking", "public-feedback",
        "submission", "container", "human-band",
    ]

    /// `columns`: the challenge's result columns, which a ranking rule may name (nil when the metrics did not parse).
    static func readAll(_ field: YAMLField, columns: [ResultColumn]?, task: TaskKind?, _ reader: inout SpecReader) -> [PhaseSpec]? {
        guard let elements = reader.sequence(field) else { return nil }
        guard !elements.isEmpty else {
            reader.report(field.issue("a challenge needs at least one phase"))
            return nil
        }
        var phases: [PhaseSpec] = []
        var slugs: Set<String> = []
        var complete = true
        for element in elements {
            guard let phase = read(element, columns: columns, task: task, &reader) else { complete = false; continue }
            if !slugs.insert(phase.slug).inserted {
                reader.report(element.child("slug").issue("phase slug \"\(phase.slug)\" appears twice"))
                complete = false
            }
            phases.append(phase)
        }
        return complete ? phases : nil
    }

    private static func read(_ field: YAMLField, columns: [ResultColumn]?, task: TaskKind?, _ reader: inout SpecReader) -> PhaseSpec? {
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: phaseKeys)
        let issuesBefore = reader.issues.count
        let slug = ChallengeSpecParser.readSlug(field.child("slug"), &reader)
        let title = reader.string(field.child("title"), required: false)
        let opens = reader.instant(field.child("opens"))
        let closes = reader.instant(field.child("closes"))
        if let opens, let closes, opens >= closes {
            reader.report(field.child("closes").issue("a phase must close after it opens"))
        }
        let splits = readSplits(field, &reader)
        let limits = readLimits(field.child("limits"), &reader)
        let finalEntry = reader.choice(field.child("final-entry"), as: FinalEntryRule.self, required: false) ?? .bestPublic
        let ranking = RankingSpecReader.read(field.child("ranking"), columns: columns, &reader)
        let feedback = reader.choice(field.child("public-feedback"), as: PublicFeedback.self, required: false)
        if feedback == .ladder, let primary = columns?.first, !primary.isPerCase {
            reader.report(field.child("public-feedback").issue("the Ladder needs per-case values of the primary metric, and \(primary.key) has none"))
        }
        let container = readContainer(field, task: task, hasPrivateSplit: splits?.private != nil, &reader)
        let humanBand = field.child("human-band").isPresent ? ChallengeSpecParser.readSlug(field.child("human-band"), &reader) : nil
        guard reader.issues.count == issuesBefore, let slug, let opens, let closes, let splits, let limits else {
            return nil
        }
        return PhaseSpec(
            slug: slug, title: title ?? slug, opens: opens, closes: closes, cases: splits.cases,
            publicSplit: splits.public, privateSplit: splits.private, limits: limits, finalEntry: finalEntry, ranking: ranking, publicFeedback: feedback,
            container: container, humanBand: humanBand)
    }

    /// `submission: container` and its `container` section come together, or neither does.
    private static func readContainer(_ field: YAMLField, task: TaskKind?, hasPrivateSplit: Bool, _ reader: inout SpecReader) -> ContainerPhaseSpec? {
        let kindField = field.child("submission")
        let sectionField = field.child("container")
        let kind = reader.choice(kindField, as: SubmissionKind.self, required: false) ?? .predictions
        switch (kind, sectionField.isPresent) {
        case (.predictions, false):
            return nil
        case (.predictions, true):
            reader.report(sectionField.issue("only a phase with `submission: container` runs containers; add it or remove this section"))
            return nil
        case (.container, false):
            reader.report(sectionField.issue("missing; a container phase says how its containers run (layout, inputs, limits)"))
            return nil
        case (.container, true):
            return ContainerPhaseSpecReader.read(sectionField, task: task, hasPrivateSplit: hasPrivateSplit, &reader)
        }
    }

    private static func readSplits(
        _ field: YAMLField, _ reader: inout SpecReader
    ) -> (cases: [Split], public: Split, private: Split?)? {
        let casesField = field.child("cases")
        var cases: [Split] = []
        for element in reader.sequence(casesField) ?? [] {
            guard let split = reader.choice(element, as: Split.self) else { continue }
            if cases.contains(split) {
                reader.report(element.issue("split \"\(split.rawValue)\" is listed twice"))
            }
            cases.append(split)
        }
        let publicField = field.child("public-split")
        let privateField = field.child("private-split")
        let publicSplit = reader.choice(publicField, as: Split.self) ?? .public
        let privateSplit = reader.choice(privateField, as: Split.self, required: false)
        if !cases.isEmpty, !cases.contains(publicSplit) {
            reader.report(publicField.issue("split \"\(publicSplit.rawValue)\" is not among the phase's cases"))
        }
        if let privateSplit {
            if privateSplit == publicSplit {
                reader.report(privateField.issue("the private split must differ from the public split"))
            } else if !cases.contains(privateSplit) {
                reader.report(privateField.issue("split \"\(privateSplit.rawValue)\" is not among the phase's cases"))
            }
        }
        for split in cases where split != publicSplit && split != privateSplit {
            reader.report(casesField.issue(
                "split \"\(split.rawValue)\" would be scored but neither shown nor sealed; name it as public-split or private-split"))
        }
        guard !cases.isEmpty else { return nil }
        return (cases, publicSplit, privateSplit)
    }

    private static func readLimits(_ field: YAMLField, _ reader: inout SpecReader) -> SubmissionLimits? {
        guard field.isPresent else {
            return SubmissionLimits(perPeriod: nil, periodSeconds: nil, total: nil)
        }
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["per-period", "period", "total", "max-file-size"])
        let perPeriod = reader.integer(field.child("per-period"), required: false, minimum: 1)
        let period = reader.duration(field.child("period"), required: perPeriod != nil)
        if period != nil, perPeriod == nil {
            reader.report(field.child("per-period").issue("missing; a period needs a per-period count"))
        }
        let total = reader.integer(field.child("total"), required: false, minimum: 1)
        let sizeField = field.child("max-file-size")
        var maxFileBytes = SubmissionLimits.defaultMaxFileBytes
        if let text = reader.string(sizeField, required: false) {
            if let bytes = SubmissionLimits.parseBytes(text) {
                maxFileBytes = bytes
            } else {
                reader.report(sizeField.issue("expected a size such as 500KB or 20MB, at most 1024GB, got \"\(text)\""))
            }
        }
        return SubmissionLimits(perPeriod: perPeriod, periodSeconds: period, total: total, maxFileBytes: maxFileBytes)
    }
}
