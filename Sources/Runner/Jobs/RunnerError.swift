/// Why a runner cannot start or run a job; not a team's fault, so never a submission's failure.
public enum RunnerError: Error, Sendable, CustomStringConvertible {
    case missingGPUs(challenge: String, phase: String, needed: Int, offered: Int)
    case notAContainerSubmission(Int64)
    case noScoredOutput(phase: String)

    public var description: String {
        switch self {
        case .missingGPUs(let challenge, let phase, let needed, let offered):
            "phase \(challenge)/\(phase) runs containers on \(needed) GPUs and this host offers \(offered) (gpu-devices in the engine settings); run this runner on a host with GPUs, or exclude the phase"
        case .notAContainerSubmission(let id):
            "submission \(id) is not a container submission of a container phase"
        case .noScoredOutput(let phase):
            "a \(phase) phase names no scored output"
        }
    }
}
