import Foundation
import TestSupport
import Testing

/// Command lines the parser must refuse (exit 64, with the reason on stderr) or accept.
@Suite struct ArgumentParsingTests {
    let slide = RepositoryFiles.path("Fixtures/slides/aperio-jp2k-rgb.svs")

    @Test func unknownSubcommandIsAUsageError() async throws {
        let run = try await ArbiterBinary.run(["frobnicate"])
        #expect(run.status == ArbiterRun.usageError)
        #expect(run.stderr.contains("Unexpected argument 'frobnicate'"))
    }

    @Test func missingRequiredOptionIsAUsageError() async throws {
        let run = try await ArbiterBinary.run(["slide", "region", slide, "--x", "0", "--y", "0", "--out", "region.png"])
        #expect(run.status == ArbiterRun.usageError)
        #expect(run.stderr.contains("Missing expected argument '--size <size>'"))
    }

    @Test func nonNumericCoordinateIsAUsageError() async throws {
        let run = try await ArbiterBinary.run([
            "slide", "region", slide, "--x", "abc", "--y", "0", "--size", "8x8", "--out", "region.png",
        ])
        #expect(run.status == ArbiterRun.usageError)
        #expect(run.stderr.contains("The value 'abc' is invalid for '--x <x>'"))
    }

    @Test func negativeCoordinatesAreAcceptedAsWritten() async throws {
        let folder = try ScratchFolder()
        let run = try await ArbiterBinary.run(
            ["slide", "region", slide, "--x", "-100", "--y", "-5", "--size", "200x100", "--out", "region.png"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("at (-100, -5)"))
        #expect(FileManager.default.fileExists(atPath: folder.file("region.png")))
    }

    /// A rate of 0 refills nothing: every caller past the burst would be refused for ever.
    @Test(arguments: ["--requests-per-second=0", "--request-burst=-1", "--upload-megabytes-per-minute=nan"])
    func serveRefusesARateThatNeverRefills(_ option: String) async throws {
        let run = try await ArbiterBinary.run(["serve", option])
        #expect(run.status == ArbiterRun.usageError)
        #expect(run.stderr.contains("\(option.split(separator: "=")[0]) must be a number above 0"))
    }

    @Test func helpExitsZero() async throws {
        let run = try await ArbiterBinary.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: arbiter <subcommand>"))
    }
}
