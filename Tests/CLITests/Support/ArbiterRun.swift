/// What one run of the `arbiter` binary printed and how it exited.
struct ArbiterRun: Sendable {
    let status: Int32
    let stdout: String
    let stderr: String

    /// ArgumentParser's exit status for a command line it cannot parse (EX_USAGE).
    static let usageError: Int32 = 64
}
