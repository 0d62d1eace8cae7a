// swift-tools-version: 5.9
import PackageDescription

// A package in Swift 5 language mode: its global mutable state is an error in Swift 6 mode.
let package = Package(
    name: "Legacy",
    products: [.library(name: "Legacy", targets: ["Legacy"])],
    targets: [.target(name: "Legacy")],
    swiftLanguageVersions: [.v5]
)
