import SwiftSyntax

/// One declaration of a signature snippet (or of the products), reduced to what is compared:
/// its kind, name, argument labels, parameter and result types, effects and `static`.
package struct SignatureDeclaration: Sendable {
    package enum Kind: String, Sendable, Equatable {
        case function, initializer, `subscript`, property, type
    }

    /// Whether a function declares `throws`, `rethrows` or neither.
    package enum Throwing: Sendable, Equatable {
        case none, throwing, rethrowing
    }

    /// A 1-based line and column in the code the declaration was read from.
    package struct Location: Sendable, Equatable {
        package var line: Int
        package var column: Int
    }

    /// A type or extension the declaration lies in.
    package struct Context: Sendable, Equatable {
        /// The type's name (`Collection`, `Windows`), without module or generic arguments.
        package var name: String
        /// Whether it is an `extension` (else a type declaration).
        package var isExtension: Bool
        /// The generic parameters the type declaration names (`Base` of `struct Windows<Base>`).
        package var genericParameters: [String]
    }

    package var kind: Kind
    /// The base name: `chunked`, `init`, `subscript`, `count`, `Windows`.
    package var name: String
    /// The argument labels (`_` for none), for functions, initializers and subscripts.
    package var labels: [String] = []
    /// Written as `name(label:label:)`: the labels say which declaration, and nothing else is
    /// compared except a result type when one is written.
    package var labelsOnly = false
    /// The parameters' types, in order (empty when `labelsOnly`).
    package var parameterTypes: [TypeSyntax] = []
    package var parameterLocations: [Location] = []
    /// A function's or subscript's result type, a property's type; `nil` when not written.
    package var resultType: TypeSyntax?
    package var resultLocation: Location?
    package var isStatic = false
    package var isAsync = false
    package var throwing = Throwing.none
    /// For properties: whether it is settable (`var` without accessors, or `{ get set }`).
    package var isSettable = false
    /// For properties: whether the snippet wrote `set` in its accessors.
    package var declaresSetter = false
    /// For types: `struct`, `class`, `enum`, `actor` or `protocol`.
    package var typeKeyword: String?
    /// The declaration's own generic parameters.
    package var genericParameters: [String] = []
    /// The types and extensions around it, outermost first.
    package var context: [Context] = []
    /// Where the declaration starts (its keyword, after attributes and modifiers).
    package var location: Location

    /// The name as the symbol graph titles it: `chunked(by:)`, `init(_:size:)`,
    /// `subscript(offset:)`, `count`.
    package var title: String {
        switch kind {
        case .function, .initializer, .subscript: "\(name)(\(labels.map { $0 + ":" }.joined()))"
        case .property, .type: name
        }
    }

    /// The context's names, outermost first.
    package var contextPath: [String] { context.map(\.name) }
}
