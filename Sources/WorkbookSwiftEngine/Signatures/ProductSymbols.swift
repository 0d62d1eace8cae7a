import Foundation
import SwiftToolchain
import WorkbookKit

/// The public declarations of a package's products, as `swift-symbolgraph-extract` lists them.
package struct ProductSymbols: Sendable, Codable, Equatable {
    /// One declaration: where it lies and how it is declared.
    struct Symbol: Sendable, Codable, Equatable {
        /// The type path and the name: `["Collection", "chunked(by:)"]`, `["Windows"]`.
        var path: [String]
        /// The symbol graph's kind without `swift.`: `method`, `func`, `init`, `property`,
        /// `type.property`, `subscript`, `struct`, `class`, `enum`, `protocol`, …
        var kind: String
        /// The declaration as the products spell it: `func chunked(by belongInSameGroup: …) -> …`.
        var declaration: String
        /// The generic parameters in scope (the declaration's and its type's).
        var genericParameters: [String]
        /// The module that declares it.
        var module: String

        /// Whether the symbol is a type (something an extension or a result type can name).
        var isType: Bool {
            ["struct", "class", "enum", "actor", "protocol", "typealias", "associatedtype"].contains(kind)
        }
    }

    var symbols: [Symbol]
    /// The modules read.
    var modules: [String]

    /// Reads the symbols of one symbol graph file (`Groups.symbols.json`,
    /// `Groups@Swift.symbols.json`); members the products only inherit are not listed.
    static func symbols(inSymbolGraph data: Data) -> [Symbol] {
        guard let graph = try? JSONDecoder().decode(SymbolGraphFile.self, from: data) else { return [] }
        return graph.symbols.compactMap { symbol in
            guard !symbol.identifier.precise.contains("::SYNTHESIZED::") else { return nil }
            let kind = symbol.kind.identifier.hasPrefix("swift.") ? String(symbol.kind.identifier.dropFirst(6)) : symbol.kind.identifier
            let declaration = (symbol.declarationFragments ?? []).map(\.spelling).joined()
            return Symbol(path: symbol.pathComponents, kind: kind, declaration: declaration,
                          genericParameters: symbol.swiftGenerics?.parameters?.map(\.name) ?? [], module: graph.module.name)
        }
    }
}

/// The parts of a symbol graph file that are read.
private struct SymbolGraphFile: Decodable {
    struct Module: Decodable { var name: String }
    struct Symbol: Decodable {
        struct Identifier: Decodable { var precise: String }
        struct Kind: Decodable { var identifier: String }
        struct Fragment: Decodable { var spelling: String }
        struct Generics: Decodable {
            struct Parameter: Decodable { var name: String }
            var parameters: [Parameter]?
        }
        var identifier: Identifier
        var kind: Kind
        var pathComponents: [String]
        var declarationFragments: [Fragment]?
        var swiftGenerics: Generics?
    }
    var module: Module
    var symbols: [Symbol]
}
