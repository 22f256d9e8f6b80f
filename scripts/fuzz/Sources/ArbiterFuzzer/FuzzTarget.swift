import Foundation

/// One fuzz target: a name for `ARBITER_FUZZ_TARGET` and a body that feeds the input to one decoder of outside bytes.
/// A body may only return (the decoder worked or threw); a crash, a sanitizer report, a hang or an allocation past
/// libFuzzer's `-rss_limit_mb` is a finding.
struct FuzzTarget: Sendable {
    let name: String
    let covers: String
    let body: @Sendable (UnsafeRawBufferPointer) -> Void
}

/// Whether cross-checks between two decoders of the same bytes are on (`ARBITER_FUZZ_CROSS_CHECKS=0` turns them
/// off, to keep fuzzing past a known disagreement).
let crossChecksEnabled: Bool = getenv("ARBITER_FUZZ_CROSS_CHECKS").map { String(cString: $0) != "0" } ?? true

/// Stops the run as a finding when two decoders that must agree did not (unless cross-checks are off).
func crossCheckFailed(_ message: @autoclosure () -> String) {
    guard crossChecksEnabled else { return }
    fatalError("cross-check failed: \(message())")
}
