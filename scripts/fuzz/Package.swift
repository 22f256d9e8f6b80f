// swift-tools-version:6.1
// libFuzzer targets for every decoder of outside bytes, kept out of the main package so `swift build` and `swift test`
// there need no sanitizer flags. The fuzzer depends on the main package by path and links its real modules through the
// `ArbiterFuzzable` library product, so it always compiles against the code in the tree.
// One executable holds every target; ARBITER_FUZZ_TARGET picks one. Run with scripts/fuzz/run-all or run-one.
import PackageDescription

let settings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "ArbiterFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Arbiter", path: "../..")],
    targets: [
        .executableTarget(
            name: "ArbiterFuzzer",
            dependencies: ["MultipartParsing", "FieldParsing", .product(name: "ArbiterFuzzable", package: "Arbiter")],
            swiftSettings: settings),
        // Sources/Server/Uploads/MultipartForm.swift, linked in: it needs only Foundation, the Server module much more.
        .target(name: "MultipartParsing", swiftSettings: settings),
        // ByteRange (Server) and EmailAddress (Store), linked in the same way.
        .target(name: "FieldParsing", swiftSettings: settings),
    ]
)
