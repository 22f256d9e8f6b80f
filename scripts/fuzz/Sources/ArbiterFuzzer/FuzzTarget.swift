/// One fuzz target: a name for `ARBITER_FUZZ_TARGET` and a body that feeds the input to one decoder of outside bytes.
/// A body may only return (the decoder worked or threw); a crash, a sanitizer report, a hang or an allocation past
/// libFuzzer's `-rss_limit_mb` is a finding.
struct FuzzTarget: Sendable {
    let name: String
    let covers: String
    let body: @Sendable (UnsafeRawBufferPointer) -> Void
}
