// swift-tools-version: 5.9
import PackageDescription

// Every package shape the snippet core must handle: a path dependency (Units), a dependency
// from a package registry or mirror (swift-numerics), a Swift 5 language-mode dependency
// (Legacy), a C target, a resource, a define, and a target with a custom path and excludes.
let package = Package(
    name: "Shapes",
    products: [
        .library(name: "Shapes", targets: ["Shapes"]),
        .library(name: "Geometry", targets: ["CGeometry"]),
    ],
    dependencies: [
        .package(path: "../Units"),
        .package(path: "../Legacy"),
        .package(url: "https://github.com/apple/swift-numerics", exact: "1.1.1"),
    ],
    targets: [
        .target(name: "CGeometry"),
        .target(
            name: "Shapes",
            dependencies: [
                "CGeometry",
                .product(name: "Units", package: "Units"),
                .product(name: "Legacy", package: "Legacy"),
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            path: "Code/ShapesLib",
            exclude: ["NOTES.md", "Unfinished.swift"],
            resources: [.copy("Resources/greeting.txt")],
            swiftSettings: [.define("IMPERIAL")]
        ),
    ]
)
