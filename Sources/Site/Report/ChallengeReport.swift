import Challenge
import Foundation
import Scoring
import Store

/// A report of a challenge as the BIAS guideline (Maier-Hein et al., 2020) asks: the task, data and splits,
/// annotation, metrics and their definitions, ranking and missing values, uncertainty analysis, and the results
/// with their uncertainty. Generated from the spec and the store; it shows only what the leaderboard may show.
public struct ChallengeReport: Sendable {
    public let store: any ArbiterStore

    public init(store: any ArbiterStore) {
        self.store = store
    }

    /// The report's HTML and the plot files it links (to be written beside it). `studies` and `humanBands` come from
    /// the caller, which reads the challenge's reader studies; a report without them has no agreement section.
    public func render(
        challenge slug: String, now: Date, studies: [StudyAgreementSection] = [], humanBands: HumanBand.ByPhase = [:]
    ) async throws -> (html: String, plots: [(name: String, svg: String)]) {
        var (challenge, boards) = try LeaderboardAssembler(store: store).boards(challenge: slug, now: now)
        var taus: [String: QuartileSummary] = [:]
        for index in boards.indices {
            let rule = boards[index].phase.rankingRule
            let settings = BootstrapSettings(resamples: rule.bootstrapResamples, seed: rule.bootstrapSeed)
            let analysis = try await RankStabilityBuilder.analyse(board: boards[index], challenge: challenge, store: store, settings: settings)
            if let ranks = analysis.ranks { boards[index].rerank(ranks) }
            boards[index].stability = analysis.stability
            boards[index].significance = analysis.significance
            boards[index].bootstrap = settings
            boards[index].attachHumanBand(humanBands)
            if let quartiles = analysis.kendallTau { taus[boards[index].phase.slug] = quartiles }
        }
        let spec = challenge.spec
        var sections = [section("1. Challenge", "<p>\(escape(spec.title)). \(escape(spec.description))</p>")]
        sections.append(section("2. Task", "<p>Task kind <code>\(spec.task.kind.rawValue)</code>. " + taskText(spec.task) + "</p>"))
        sections.append(section("3. Data and splits", try dataText(challenge)))
        sections.append(section("4. Annotation", "<p>Ground truth is kept in the private store only; its version (the digest of what was imported) is <code>\(escape(challenge.truthVersion ?? "not imported"))</code>. Every import is recorded in the audit log.</p>"))
        sections.append(section("5. Metrics", metricsText(spec)))
        sections.append(section("6. Ranking and missing values", boards.map { rankingText($0, spec) }.joined()))
        sections.append(section("7. Uncertainty", boards.map { uncertaintyText($0, tau: taus[$0.phase.slug]) }.joined()))
        sections.append(section("8. Results", "<p>As published on the leaderboard (sealed private splits are not shown).</p>" + HTMLRenderer(challenge: spec).body(boards)))
        if !studies.isEmpty { sections.append(section("9. Reader studies and agreement", agreementText(studies, boards))) }
        var plots: [(name: String, svg: String)] = []
        for board in boards {
            if let svg = ScoreAxisPlot.svg(board) { plots.append((ScoreAxisPlot.fileName(board), svg)) }
            if let svg = BlobPlot.svg(board) { plots.append((BlobPlot.fileName(board), svg)) }
            if let svg = SignificanceMap.svg(board) { plots.append((SignificanceMap.fileName(board), svg)) }
        }
        let html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(spec.title)): challenge report</title></head>
            <body><h1>\(escape(spec.title)): challenge report</h1>
            <p>Generated \(UTCInstant.format(now)) by Arbiter from the challenge spec and the store, following the BIAS reporting guideline.</p>
            \(sections.joined(separator: "\n"))
            </body></html>

            """
        return (html, plots)
    }

    private func agreementText(_ studies: [StudyAgreementSection], _ boards: [PhaseBoard]) -> String {
        "<p>Readers are named Reader 1, 2, … in the order the study lists them. Agreement is over each reader's latest plain reads; self-consistency compares a reader's label of an item with their label of its hidden repeat.</p>\n"
            + studies.map { study in
                study.html(bands: boards.compactMap { board -> (phase: String, split: String, band: HumanBand)? in
                    guard let band = board.humanBand, band.study == study.study else { return nil }
                    return (board.phase.title, board.rankingSplit.rawValue, band)
                })
            }.joined()
    }

    private func section(_ title: String, _ body: String) -> String { "<section><h2>\(escape(title))</h2>\n\(body)\n</section>" }

    private func taskText(_ task: TaskSpec) -> String {
        switch task.kind {
        case .slideClassification: return "Participants predict one of \(task.classes.count) ordered classes per slide: " + task.classes.map { "\(escape($0.id)) (\(escape($0.name)))" }.joined(separator: ", ") + "."
        case .slideLesionDetection:
            let froc = task.froc ?? FROCSettings()
            return "Participants mark lesions with points and confidences; scored by FROC, protocol <code>\(froc.protocolName.rawValue)</code>, evaluation level \(froc.level), \(froc.micronsPerPixel) µm per level-0 pixel, isolated tumour cells under 275 µm ignored."
        case .volumeLesionDetection:
            let detection = task.detection ?? DetectionSettings()
            return "Participants submit a detection map per case; candidates match lesions by \(detection.overlap.rawValue.uppercased()) of at least \(detection.minimumOverlap), as picai_eval 1.4.13 does."
        case .volumeSegmentation, .slideSegmentation:
            return "Participants submit a mask per case; NSD tolerances \((task.segmentation ?? SegmentationSettings()).tolerances.map { "\($0)" }.joined(separator: ", "))."
        }
    }

    private func dataText(_ challenge: StoredChallenge) throws -> String {
        let counts = try Split.allCases.map { ($0, try store.caseIDs(challenge: challenge, splits: [$0]).count) }
        var text = "<ul>" + counts.map { "<li>\($0.0.rawValue) split: \($0.1) cases</li>" }.joined() + "</ul>"
        text += "<ul>" + challenge.spec.phases.map { phase in
            "<li>Phase <b>\(escape(phase.title))</b>: \(UTCInstant.format(phase.opens)) to \(UTCInstant.format(phase.closes)); cases of \(phase.cases.map(\.rawValue).joined(separator: " and ")); public split \(phase.publicSplit.rawValue)" + (phase.privateSplit.map { ", private split \($0.rawValue) (sealed until published)" } ?? "") + "; final entry: \(phase.finalEntry.rawValue).</li>"
        }.joined() + "</ul>"
        return text
    }

    private func metricsText(_ spec: ChallengeSpec) -> String {
        "<dl>" + spec.metrics.all.map { metric in
            "<dt>\(escape(metric.kind.title)) (\(metric.direction.caption))\(metric == spec.metrics.primary ? ", primary" : "")</dt><dd>\(escape(metric.kind.definition))</dd>"
        }.joined() + "</dl>"
    }

    private func rankingText(_ board: PhaseBoard, _ spec: ChallengeSpec) -> String {
        let rule = board.phase.rankingRule
        let metrics = rule.metrics.isEmpty ? [spec.primaryColumn.key] : rule.metrics
        var text = "<p>Phase <b>\(escape(board.phase.title))</b>: \(rule.scheme.rawValue) with \(rule.aggregation.rawValue) of \(metrics.joined(separator: ", "))"
        if metrics.count > 1 { text += ", per-metric ranks combined by \(rule.metricAggregation.rawValue)" }
        text += ". Ties share the smallest rank. A missing case value counts as the metric's worst observed value."
        if board.phase.publicFeedback == .ladder { text += " Public scores follow the Ladder (a score moves only on an improvement beyond one standard error)." }
        for change in board.rankingChanges { text += " The rule was changed after opening (forced): \(escape(change))." }
        return text + "</p>"
    }

    private func uncertaintyText(_ board: PhaseBoard, tau: QuartileSummary?) -> String {
        guard let settings = board.bootstrap, !board.stability.isEmpty else {
            return "<p>Phase <b>\(escape(board.phase.title))</b>: no per-case values for the ranking metric, so no bootstrap.</p>"
        }
        var text = "<p>Phase <b>\(escape(board.phase.title))</b>: \(settings.resamples) bootstrap resamples of the \(board.rankingSplit.rawValue) cases (seed \(settings.seed)); each team's 95% rank interval and probability of ranking first are in the results table."
        if let tau {
            text += String(format: " Kendall's tau-b between the full ranking and the resampled rankings: median %.3f (quartiles %.3f to %.3f).", tau.median, tau.lowerQuartile, tau.upperQuartile)
        }
        return text + " Significance: one-sided Wilcoxon signed-rank tests against the leader over shared cases, Holm-adjusted, alpha 0.05.</p>"
    }
}
