import Foundation

/// The target `ARBITER_FUZZ_TARGET` names, or nil when it names none.
private let selectedTarget: FuzzTarget? = {
    guard let name = getenv("ARBITER_FUZZ_TARGET").map({ String(cString: $0) }) else { return nil }
    return fuzzTargets.first { $0.name == name }
}()

/// libFuzzer entry point: hands the input to the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selectedTarget?.body(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// SwiftPM names an executable's entry point `<module>_main`; check the target name, then hand control to libFuzzer.
@_cdecl("ArbiterFuzzer_main")
public func arbiterFuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    guard selectedTarget != nil else {
        var usage = "set ARBITER_FUZZ_TARGET to one of:\n"
        for target in fuzzTargets { usage += "  \(target.name): \(target.covers)\n" }
        FileHandle.standardError.write(Data(usage.utf8))
        return 2
    }
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzzOneInput)
}
