// swift-tools-version:6.1
// A libFuzzer target for the whole-slide TIFF path, kept out of the main package so `swift build` and
// `swift test` there need no sanitizer flags. Sources/Imaging holds symlinks to the main package's WholeSlide and Codecs
// folders, and the C modules are symlinks too.
// Run it with scripts/fuzz/run-slide-fuzzer.
import PackageDescription

let package = Package(
    name: "ArbiterFuzz",
    targets: [
        .systemLibrary(name: "CTIFF", pkgConfig: "libtiff-4"),
        .systemLibrary(name: "COpenJPEG", pkgConfig: "libopenjp2"),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng"),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib"),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate"),
        .target(
            name: "Imaging", dependencies: ["CTIFF", "COpenJPEG", "CPNG", "CJPEG", "CZlib", "CDeflate"],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]),
        .executableTarget(name: "SlideFuzzer", dependencies: ["Imaging"]),
    ]
)
