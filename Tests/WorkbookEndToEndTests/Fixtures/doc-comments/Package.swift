// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "Shelf",
    products: [.library(name: "Shelf", targets: ["Shelf"])],
    targets: [.target(name: "Shelf")]
)
