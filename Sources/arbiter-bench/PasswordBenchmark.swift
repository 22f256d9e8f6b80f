import ArgumentParser
import Foundation
import Store

/// How many sign-ins a second the password KDF allows: scrypt hashes with the standard parameters, on every core at
/// once, for `--seconds`. Target (issue 21): at least 20 a second on 2 cores.
struct PasswordBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password", abstract: "Password checks per second with the standard scrypt parameters, on every core.")

    @Option(help: "Seconds of hashing.") var seconds = 5.0
    @Option(help: "Threads hashing at once (default: the machine's cores).") var threads: Int?

    func validate() throws {
        guard seconds > 0, (threads ?? 1) > 0 else { throw ValidationError("--seconds and --threads must be above 0") }
    }

    func run() throws {
        let parameters = PasswordHash.Parameters.standard
        let stored = try PasswordHash.make("the benchmark's password", parameters: parameters)
        let count = threads ?? ProcessInfo.processInfo.activeProcessorCount
        let results = ResultSlots<(checks: Int, latencies: [Double])>(count: count)
        let deadline = Date().addingTimeInterval(seconds)
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                var latencies: [Double] = []
                while Date() < deadline {
                    let started = DispatchTime.now().uptimeNanoseconds
                    // A wrong password costs what a right one does.
                    _ = try? stored.verifies(index % 2 == 0 ? "the benchmark's password" : "a wrong one")
                    latencies.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
                }
                results.set(index, (latencies.count, latencies))
                group.leave()
            }
        }
        group.wait()
        let checks = results.values.reduce(0) { $0 + $1.checks }
        let latencies = results.values.flatMap(\.latencies).sorted()
        let rate = Double(checks) / seconds
        print(String(format: "password: scrypt ln=%d r=%d p=%d (%d MiB a check), %d threads: %d checks in %.1f s, %.1f a second; each p50 %.1f ms, p99 %.1f ms",
                     parameters.logN, parameters.blockSize, parameters.parallelism, parameters.memoryBytes >> 20, count, checks, seconds, rate,
                     latencies.percentileMilliseconds(0.5), latencies.percentileMilliseconds(0.99)))
        BenchmarkResult(benchmark: "password checks: scrypt ln=\(parameters.logN) r=\(parameters.blockSize) p=\(parameters.parallelism), \(count) threads",
                        arbiter: BenchmarkResult.number(rate, 1, "checks/s"), target: ">= 20/s", met: rate >= 20).print()
    }
}
