import Foundation
import TOMLKit

/// The `package` and `products` keys of `workbook.toml`, and the retired `core` key.
extension ConfigReader {
    /// `package`: a folder relative to the root (`"."` is the workbook's own folder).
    mutating func packageFolder(_ value: TOMLValueConvertible, key: String) -> String? {
        folder(value, key: key)
    }

    /// `products`: a non-empty list of distinct library product names.
    mutating func products(_ value: TOMLValueConvertible, key: String) -> [String]? {
        guard let array = value.array else {
            fail(key: key, "'\(key)' must be a list of library product names, such as [\"MyLibrary\"], not \(value.type)")
            return nil
        }
        var names: [String] = []
        for element in array {
            guard let name = element.string, !name.isEmpty else {
                fail(key: key, "'\(key)' must list library product names as non-empty strings")
                return nil
            }
            names.append(name)
        }
        if names.isEmpty {
            fail(key: key, "'\(key)' must name at least one library product of the package")
            return nil
        }
        if Set(names).count != names.count {
            fail(key: key, "'\(key)' names a product twice")
            return nil
        }
        return names
    }

    /// `core` named source folders compiled by workbook itself; SwiftPM builds packages now.
    /// `core = []` (plain Swift) is still accepted and means nothing.
    mutating func retiredCore(_ value: TOMLValueConvertible, key: String) {
        if let array = value.array, array.isEmpty { return }
        fail(key: key, "'core' is no longer supported: name a SwiftPM package and its library products instead, "
             + "such as package = \".\" and products = [\"MyLibrary\"] (or write core = [] for plain Swift)")
    }

    /// `package` and `products` only make sense together.
    mutating func requirePackageAndProductsTogether(table: TOMLTable) {
        let hasPackage = table.contains(key: "package"), hasProducts = table.contains(key: "products")
        if hasPackage && !hasProducts {
            fail(key: "package", "'package' needs 'products': the library products snippets may import, such as products = [\"MyLibrary\"]")
        } else if hasProducts && !hasPackage {
            fail(key: "products", "'products' needs 'package': the folder of the SwiftPM package that has them, such as package = \".\"")
        }
    }
}
