// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "workbook",
    // Supported and tested: Linux (Debian 12 with the Swift toolchain), what CI runs. The
    // macOS version is only the minimum a Darwin build needs (Synchronization's `Mutex`,
    // Swift Testing): a floor, not a promise that macOS is tested; see README, "Platforms".
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "workbook", targets: ["workbook"]),
        .library(name: "WorkbookKit", targets: ["WorkbookKit"]),
        .library(name: "WorkbookDriver", targets: ["WorkbookDriver"]),
    ],
    dependencies: [
        // The notes' core (BatchNorm, NoteKit): a package of its own in `Core/`.
        .package(path: "Core"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // Debian's cmark-gfm (with its GFM extensions), seen from Swift.
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Math and placeholder syntax extensions for cmark-gfm, parsed by cmark-gfm itself.
        .target(name: "CMarkMath", dependencies: ["CMarkGFM"]),
        // Debian's OpenSSL libcrypto, seen from Swift: SHA-256, the hash of cache keys and checksums.
        .systemLibrary(
            name: "COpenSSLCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The layers of execution, each depending only on those above it:
        //   WorkbookKit ← SwiftToolchain ← SwiftCompileShortcuts ← WorkbookSwiftEngine
        // (the engine also uses the first two directly). See ARCHITECTURE.md, "Layers".
        //
        // The generic pipeline: model, load, plan, schedule (the executor over the
        // `SnippetEngine` protocol, the result cache), compare, promote; support and platform.
        // It knows no compiler: an engine is passed in.
        .target(
            name: "WorkbookKit",
            dependencies: [
                "COpenSSLCrypto",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
            ]
        ),
        // The Swift toolchain as both the engine and the accelerators see it: finding `swiftc`
        // and its version, running tools, reading diagnostics, and the compile path
        // (`WORKBOOK_PLAIN_SWIFTC`).
        .target(
            name: "SwiftToolchain",
            dependencies: [
                "WorkbookKit",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]
        ),
        // The accelerators the engine may use, never needs: replayed compile plans, direct
        // link, stored autolink answers, stored compiled programs. Knows nothing of the engine.
        .target(name: "SwiftCompileShortcuts", dependencies: ["WorkbookKit", "SwiftToolchain"]),
        // The Swift engine: chapter programs, compile (plain `swiftc`, or through the
        // shortcuts), run, notebook scoping, packages, signatures and doc comments.
        .target(
            name: "WorkbookSwiftEngine",
            dependencies: [
                "WorkbookKit",
                "SwiftToolchain",
                "SwiftCompileShortcuts",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
            ]
        ),
        // The site: Markdown through cmark-gfm, math, placeholders, templates, atomic writing.
        .target(
            name: "WorkbookSite",
            dependencies: [
                "WorkbookKit",
                .product(name: "NoteKit", package: "Core"),
                "CMarkGFM",
                "CMarkMath",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The theme is compiled into the binary (`BuiltInTheme`): no resource bundle at run time.
            resources: [
                .embedInCode("Resources/theme/chapters.mustache"),
                .embedInCode("Resources/theme/index.mustache"),
                .embedInCode("Resources/theme/page.mustache"),
                .embedInCode("Resources/theme/search.js"),
                .embedInCode("Resources/theme/style.css"),
            ]
        ),
        // `workbook serve`: the site from memory over HTTP, rebuilt when files change, with
        // reload events and errors shown in the page.
        .target(
            name: "WorkbookServe",
            dependencies: [
                "WorkbookDriver",
                "WorkbookKit",
                "WorkbookSite",
                .product(name: "NoteKit", package: "Core"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // The pipeline as one API: load a workbook, then check, promote or build it.
        .target(name: "WorkbookDriver", dependencies: ["WorkbookKit", "WorkbookSwiftEngine", "WorkbookSite"]),
        // The thin command-line interface: parse flags, call the driver, print.
        .executableTarget(
            name: "workbook",
            dependencies: [
                "WorkbookDriver",
                "WorkbookKit",
                "WorkbookSwiftEngine",
                "WorkbookServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // FlyingFox's proxy handler imports FoundationNetworking, whose static archive
            // (`--static-swift-stdlib`, `make install`) calls libcurl: Debian's libcurl4-openssl-dev.
            linkerSettings: [.linkedLibrary("curl", .when(platforms: [.linux]))]
        ),
        // `make fuzz`: chapter, config and page parsing under libFuzzer or a seeded random driver.
        .executableTarget(
            name: "workbook-fuzz", dependencies: ["WorkbookKit", "WorkbookSite"], path: "Fuzz/WorkbookFuzz",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(name: "core-bench", dependencies: [.product(name: "BatchNorm", package: "Core")], path: "Benchmarks/CoreBench"),
        .executableTarget(
            name: "render-bench", dependencies: ["WorkbookSite"], path: "Benchmarks/RenderBench",
            exclude: ["make_corpus.py"]),
        .testTarget(name: "BatchNormTests", dependencies: [.product(name: "BatchNorm", package: "Core")]),
        .testTarget(name: "NoteKitTests", dependencies: [.product(name: "NoteKit", package: "Core")]),
        .testTarget(
            name: "WorkbookKitTests",
            dependencies: ["WorkbookKit", "SwiftToolchain", "SwiftCompileShortcuts", "WorkbookSwiftEngine"]
        ),
        .testTarget(name: "WorkbookSiteTests", dependencies: ["WorkbookSite"]),
        .testTarget(name: "WorkbookServeTests", dependencies: ["WorkbookServe", "WorkbookKit"]),
        .testTarget(name: "WorkbookDriverTests", dependencies: ["WorkbookDriver", "WorkbookSwiftEngine"]),
        .testTarget(
            name: "WorkbookEndToEndTests",
            dependencies: ["WorkbookKit"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
