// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Groups",
    products: [.library(name: "Groups", targets: ["Groups"])],
    targets: [.target(name: "Groups")]
)
