import CGeometry
import Foundation
import Legacy
import RealModule
import Units

/// A square whose side is measured in the package's unit.
public struct Square {
    public var side: Double

    public init(side: Double) { self.side = side }

    /// The area, computed by the C target.
    public var area: Double { cg_square_area(side) }

    /// The diagonal, through swift-numerics' `Double.sqrt`.
    public var diagonal: Double { Double.sqrt(2) * side }

    /// The side with its unit: the `IMPERIAL` define picks the unit.
    public var label: String { Units.format(side, unit: Square.unit) }

    #if IMPERIAL
    public static let unit = "in"
    #else
    public static let unit = "cm"
    #endif
}

/// The text of the bundled resource, read through `Bundle.module`.
public func greeting() -> String {
    guard let url = Bundle.module.url(forResource: "greeting", withExtension: "txt"),
          let text = try? String(contentsOf: url, encoding: .utf8)
    else { return "no resource" }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// How many squares were counted by the Swift 5 language-mode dependency.
public func countSquare() -> Int {
    Tally.count()
}
