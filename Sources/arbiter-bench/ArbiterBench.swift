import ArgumentParser

@main
struct ArbiterBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arbiter-bench", abstract: "Benchmarks of Arbiter's hot paths (run with -c release).",
        subcommands: [JudgeBenchmark.self, PredictionParseBenchmark.self, VolumeBenchmark.self, SlideBenchmark.self, LesionBenchmark.self, SiteBenchmark.self,
                      TileBenchmark.self, ServeReliabilityBenchmark.self, ServePressureBenchmark.self, ClaimBenchmark.self,
                      UploadBenchmark.self, ContainerBenchmark.self, PageLoadBenchmark.self, AgreementBenchmark.self, StudyBenchmark.self,
                      STAPLEBenchmark.self, ViewerTileBenchmark.self, PasswordBenchmark.self, SignInBenchmark.self])
}
