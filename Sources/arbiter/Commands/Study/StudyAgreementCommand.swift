import ArgumentParser
import Challenge
import Foundation
import Scoring
import Store
import Studies

/// `arbiter study agreement`: label agreement over the latest plain reads, each reader's self-consistency, and, where
/// the study asks for shapes, their Dice and point F1.
struct StudyAgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Agreement between a study's readers (latest reads) and each reader's consistency on hidden repeats.",
        discussion: """
            The classes are the study's, in order, so linear and quadratic weights and ordinal alpha apply; cost-matrix \
            weights take the registered challenge's cost matrix and need the study to use the challenge's classes.
            """)

    /// The JSON: the agreement report and each reader's self-consistency.
    struct Output: Encodable {
        let study: String
        /// Nil for a study that asks no label question.
        let agreement: AgreementReport?
        let selfConsistency: [ReaderConsistency]
        /// Nil for a study that asks for no shapes.
        let shapes: ShapeAgreementReport?
    }

    @OptionGroup var target: StudyTarget
    @Option(help: "Weights of Cohen's kappa: none, linear, quadratic, or cost-matrix (the challenge's).")
    var weights: AgreementWeights = .none
    @Option(help: "Bootstrap resamples of the items for 95% intervals (0: no intervals).") var resamples = 0
    @Option(help: "Seed of the bootstrap resamples.") var seed: UInt64 = 0
    @Option(help: "Level-0 pixels within which two readers' points match (shape studies).") var pointRadius = 20.0
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard resamples >= 0 else { throw ValidationError("--resamples must be 0 or more, got \(resamples)") }
        guard pointRadius.isFinite, pointRadius >= 0 else { throw ValidationError("--point-radius must be 0 or more, got \(pointRadius)") }
    }

    func run() throws {
        let study = try target.open()
        let challenge = weights == .costMatrix ? try study.store.challenge(target.challenge).spec : nil
        if weights == .costMatrix, study.spec.questions.label?.fromChallenge != true {
            throw ValidationError("--weights cost-matrix needs a study graded with the challenge's classes; \(study.study.name) has its own")
        }
        let kappaWeights = try weights.kappaWeights(
            ordered: true, challenge: challenge, unorderedAdvice: "", specName: "challenge \(target.challenge)")
        let plan: BootstrapPlan? = resamples > 0 ? .seeded(seed: seed, resamples: resamples) : nil
        let report = study.spec.questions.label == nil ? nil
            : try study.labelAgreement(weights: kappaWeights, weightsName: weights.rawValue, plan: plan)
        let shapes = study.spec.questions.shapes == nil ? nil : try study.shapeAgreementReport(pointRadius: pointRadius)
        let consistency = try study.selfConsistency()
        guard !json else {
            return print(try JSONOutput.text(Output(study: study.study.name, agreement: report, selfConsistency: consistency, shapes: shapes)))
        }
        if let report { print(report.text) }
        if let shapes { print(shapes.text) }
        print(consistency.isEmpty ? "Self-consistency: no hidden repeat read yet" : "Self-consistency on hidden repeats:")
        for reader in consistency {
            print("  \(reader.reader): \(reader.agreeing) of \(reader.items) the same" + (reader.items == 0 ? "" : String(format: " (%.3f)", reader.share)))
        }
    }
}
