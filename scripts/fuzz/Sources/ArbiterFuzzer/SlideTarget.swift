import Foundation
import Imaging

/// One file per process: libtiff opens slides by path.
private let scratchPath = "/dev/shm/arbiter-slide-fuzz-\(getpid()).tiff"

/// libFuzzer entry point: the input is a would-be slide. Opening it and reading a few regions of every level and
/// every associated image must either work or throw `SlideError`; anything else (a crash, a sanitizer report,
/// a hang, an allocation past libFuzzer's limit) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    guard FileManager.default.createFile(atPath: scratchPath, contents: bytes) else { return 0 }
    guard let slide = try? Slide(path: scratchPath, options: SlideOptions(cacheBytes: 4 << 20)) else { return 0 }
    for (index, level) in slide.levels.enumerated() {
        _ = try? slide.readRegion(x: 0, y: 0, level: index, width: 48, height: 40)
        _ = try? slide.readRegion(x: -7, y: -5, level: index, width: 20, height: 20)
        let x = Int(Double(max(level.width - 20, 0)) * level.downsample) + 13
        let y = Int(Double(max(level.height - 20, 0)) * level.downsample) + 7
        _ = try? slide.readRegion(x: x, y: y, level: index, width: 40, height: 36)
    }
    _ = slide.bestLevel(forDownsample: 3)
    for name in slide.associatedImageNames {
        _ = try? slide.associatedImage(named: name)
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// SwiftPM names an executable's entry point `<module>_main`; hand control to libFuzzer's driver from there.
@_cdecl("SlideFuzzer_main")
public func slideFuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzzOneInput)
}
