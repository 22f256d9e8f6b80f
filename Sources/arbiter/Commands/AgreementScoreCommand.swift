import ArgumentParser
import Challenge
import Evaluation
import Foundation
import Scoring
import Studies

/// `arbiter score agreement`: how far the readers of a reader study agree, from a CSV of their reads.
struct AgreementScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Agreement between readers: Cohen's kappa per pair, Fleiss' kappa, Krippendorff's alpha, percent agreement.",
        discussion: """
            The reads CSV has the columns item_id,reader,label, one read per line. Labels are ordered when --spec gives \
            the classes (in the challenge's order) or when every label is an integer (every integer from the smallest \
            to the largest is a category); only then are ordinal alpha and linear or quadratic weights available. \
            Fleiss' kappa uses the items with the most common number of reads; alpha and percent agreement use every \
            item read at least twice. Undefined values (one category only, no item read twice) print as "undefined".
            """)

    @Option(help: "Reads CSV: item_id,reader,label.") var reads: String
    @Option(help: "Weights of Cohen's kappa: none, linear, quadratic, or cost-matrix (the --spec challenge's).")
    var weights: AgreementWeights = .none
    @Option(help: "A challenge.yaml, or the folder holding it, whose classes (in order) are the labels.") var spec: String?
    @Option(help: "Bootstrap resamples of the items for 95% intervals (0: no intervals).") var resamples = 0
    @Option(help: "Seed of the bootstrap resamples.") var seed: UInt64 = 0
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard resamples >= 0 else { throw ValidationError("--resamples must be 0 or more, got \(resamples)") }
        if weights == .costMatrix, spec == nil {
            throw ValidationError("--weights cost-matrix takes the cost matrix of a challenge: pass --spec challenge.yaml")
        }
    }

    func run() throws {
        let challenge = try spec.map(LocalScoringSpec.load)
        let parser = ReadsParser(classes: challenge?.task.classes)
        // One byte past the budget is enough for the parser to refuse a file that is too large.
        let parsed = try parser.parse(try readFile(reads, upTo: parser.limits.maxBytes + 1), file: reads)
        let kappaWeights = try resolveWeights(challenge, ordered: parsed.ordered)
        let report = try AgreementReport(parsed.reads, ordered: parsed.ordered, weights: kappaWeights, weightsName: weights.rawValue, plan: plan)
        print(json ? try JSONOutput.text(report) : report.text)
    }

    private var plan: BootstrapPlan? {
        resamples > 0 ? .seeded(seed: seed, resamples: resamples) : nil
    }

    private func resolveWeights(_ challenge: ChallengeSpec?, ordered: Bool) throws -> KappaWeights {
        try weights.kappaWeights(
            ordered: ordered, challenge: challenge,
            unorderedAdvice: "pass --spec, or use integer labels (\(reads) has others)", specName: spec ?? "the spec")
    }
}
