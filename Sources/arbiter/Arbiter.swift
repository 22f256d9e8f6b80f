import ArgumentParser

@main
struct Arbiter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arbiter",
        abstract: "Run medical-imaging data challenges end to end.",
        subcommands: [
            DemoCommand.self, DoctorCommand.self, ChallengeCommand.self, TruthCommand.self, TeamCommand.self, AccountCommand.self, AccessCommand.self,
            SubmitCommand.self, SelectCommand.self, JudgeCommand.self, PhaseCommand.self, LeaderboardCommand.self,
            ScoreCommand.self, VolumeCommand.self, KeysCommand.self, ReportCommand.self, SlideCommand.self,
            TileCommand.self, TilesCommand.self, StudyCommand.self, ServeCommand.self, TokenCommand.self, RunCommand.self, InputsCommand.self,
        ])
}
