// swift-tools-version: 6.0
import PackageDescription

// A local package that Shapes depends on by path.
let package = Package(
    name: "Units",
    products: [.library(name: "Units", targets: ["Units"])],
    targets: [.target(name: "Units")]
)
