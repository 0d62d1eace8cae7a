// swift-tools-version: 5.9
import PackageDescription

// A package whose library does not compile.
let package = Package(
    name: "Broken",
    products: [.library(name: "Broken", targets: ["Broken"])],
    targets: [.target(name: "Broken")]
)
