// swift-tools-version:6.1
import Foundation
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Arbiter",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "arbiter", targets: ["arbiter"]),
        .executable(name: "arbiter-bench", targets: ["arbiter-bench"]),
        .library(
            name: "ArbiterFuzzable",
            targets: ["Geometry", "Compression", "Imaging", "Scoring", "Annotations", "Challenge", "Evaluation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CTIFF", pkgConfig: "libtiff-4", providers: [.apt(["libtiff-dev"])]),
        .systemLibrary(name: "COpenJPEG", pkgConfig: "libopenjp2", providers: [.apt(["libopenjp2-7-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg62-turbo-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "Parallel", swiftSettings: strictSettings),
        .target(name: "Diagnostics", swiftSettings: strictSettings),
        .target(name: "ChildProcesses", swiftSettings: strictSettings),
        .target(name: "Geometry", swiftSettings: strictSettings),
        .target(name: "Compression", dependencies: ["CZlib", "CDeflate"], swiftSettings: strictSettings),
        .target(name: "Mail", dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")], swiftSettings: strictSettings),
        .target(
            name: "Imaging",
            dependencies: [
                "Parallel", "Diagnostics", "Geometry", "Compression", "CTIFF", "COpenJPEG", "CPNG", "CJPEG",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        .target(name: "Scoring", dependencies: ["Parallel", "Geometry"], swiftSettings: strictSettings),
        .target(
            name: "Tiling", dependencies: ["Parallel", "Diagnostics", "Imaging", "Geometry", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings),
        .target(name: "Annotations", dependencies: ["Diagnostics", "Geometry"], swiftSettings: strictSettings),
        .target(name: "Studies", dependencies: ["Scoring", "Store", "Annotations", "Challenge", "Geometry"], swiftSettings: strictSettings),
        .target(
            name: "Challenge", dependencies: ["Diagnostics", "Scoring", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings),
        .target(
            name: "Evaluation",
            dependencies: [
                "Parallel", "Diagnostics", "Challenge", "Scoring", "Annotations", "Imaging", "Geometry", "Compression",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "Store",
            dependencies: [
                "Challenge",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "Intake",
            dependencies: ["Challenge", "Store", "Evaluation", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings),
        .target(
            name: "Judge",
            dependencies: ["ChildProcesses", "Challenge", "Store", "Evaluation", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings),
        .target(
            name: "Runner",
            dependencies: [
                "ChildProcesses", "Diagnostics", "Challenge", "Store", "Intake", "Evaluation",
                .product(name: "Yams", package: "Yams"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "Site",
            dependencies: ["Challenge", "Store", "Scoring", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings),
        .target(
            name: "Server",
            dependencies: [
                "Challenge", "Evaluation", "Store", "Intake", "Judge", "Site", "Studies", "Tiling", "Mail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Ink", package: "Ink"),
            ],
            // The pages' templates, style sheet and small script, bundled so `arbiter serve` needs no other files.
            resources: [.copy("Web/Templates"), .copy("Web/Assets")],
            swiftSettings: strictSettings),
        // The leaderboard template and the demo challenges as resources (see BuiltInFiles.swift). SwiftPM copies resources
        // only from inside a target's folder and copies a symlink as a link (dangling in the bundle), so this target sits
        // at the package root to keep one copy of each file in git; everything else at the root is excluded below.
        .target(
            name: "BuiltInFiles", path: ".", sources: ["Sources/BuiltInFiles"],
            resources: [
                .copy("Leaderboard"), .copy("Challenges"),
                .copy("Fixtures/tissuenet-demo"), .copy("Fixtures/camelyon-demo"), .copy("Fixtures/picai-demo"),
                .copy("Fixtures/tissuenet-container-demo"), .copy("Fixtures/picai-container-demo"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "arbiter",
            dependencies: [
                "Imaging", "Tiling", "Annotations", "Challenge", "Evaluation", "Store", "Intake", "Judge", "Site", "Scoring",
                "Server", "Runner", "Studies", "BuiltInFiles", "Mail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "arbiter-bench",
            dependencies: [
                "ChildProcesses", "Challenge", "Evaluation", "Store", "Intake", "Judge", "Runner", "Scoring", "Imaging", "Compression", "Tiling", "Site",
                "Studies", "BuiltInFiles", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings),
        .target(name: "TestSupport", dependencies: ["Scoring"], path: "Tests/Support", swiftSettings: strictSettings),
        .target(
            name: "PlatformSupport", dependencies: ["Challenge", "Evaluation", "Store", "Intake", "TestSupport"],
            path: "Tests/PlatformSupport", swiftSettings: strictSettings),
        .testTarget(name: "ParallelTests", dependencies: ["Parallel"], swiftSettings: strictSettings),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"], swiftSettings: strictSettings),
        .testTarget(name: "ChildProcessesTests", dependencies: ["ChildProcesses"], swiftSettings: strictSettings),
        .testTarget(name: "GeometryTests", dependencies: ["Geometry", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "CompressionTests", dependencies: ["Compression", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "MailTests", dependencies: ["Mail", .product(name: "Logging", package: "swift-log")], swiftSettings: strictSettings),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging", "Compression", "TestSupport", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: strictSettings),
        .testTarget(name: "TilingTests", dependencies: ["Tiling", "Imaging", "TestSupport", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: strictSettings),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "Geometry", "Imaging", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "AnnotationsTests", dependencies: ["Annotations", "Geometry", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "ChallengeTests", dependencies: ["Challenge", "Scoring", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Challenge", "Annotations", "Scoring", "Imaging", "Compression", "Geometry", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Challenge", "Evaluation", "Judge", "PlatformSupport", "TestSupport", .product(name: "Crypto", package: "swift-crypto"), .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio")], swiftSettings: strictSettings),
        .testTarget(name: "IntakeTests", dependencies: ["Intake", "Store", "Challenge", "Evaluation", "Imaging", "PlatformSupport", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "JudgeTests", dependencies: ["Judge", "Intake", "Store", "Challenge", "Evaluation", "Imaging", "PlatformSupport", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Judge", "Intake", "Store", "Challenge", "Evaluation", "Scoring", "PlatformSupport", "TestSupport", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: strictSettings),
        .testTarget(
            name: "RunnerTests",
            dependencies: ["Runner", "ChildProcesses", "Judge", "Intake", "Store", "Challenge", "Evaluation", "PlatformSupport", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StudiesTests", dependencies: ["Studies", "Store", "Challenge", "Scoring", "Annotations", "Geometry", "Evaluation", "Judge", "PlatformSupport", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "CLITests", dependencies: ["arbiter", "ChildProcesses", "Runner", "Store", "Studies", "Imaging", "TestSupport", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Challenge", "Imaging", "Evaluation", "Store", "Intake", "Judge", "Scoring", "Studies", "Geometry", "TestSupport", "PlatformSupport", "Mail",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
    ]
)

// BuiltInFiles' folder is the package root: exclude every other target's folder and the rest of the root, so SwiftPM
// neither compiles them twice nor warns about unhandled files. (Resources listed above win over these exclusions.)
if let builtIn = package.targets.first(where: { $0.name == "BuiltInFiles" }) {
    let root = Context.packageDirectory
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    let sources = (try? FileManager.default.contentsOfDirectory(atPath: root + "/Sources")) ?? []
    builtIn.exclude = entries.filter { !["Sources", "Leaderboard", "Challenges"].contains($0) && !$0.hasPrefix(".") }
        + sources.filter { $0 != "BuiltInFiles" }.map { "Sources/\($0)" }
}
