import SwiftSyntax

/// One declaration of a signature snippet (or of the products), reduced to what is compared:
/// its kind, name, argument labels, parameter and result types, effects and `static`.
struct SignatureDeclaration: Sendable {
    enum Kind: String, Sendable, Equatable {
        case function, initializer, `subscript`, property, type
    }

    /// Whether a function declares `throws`, `rethrows` or neither.
    enum Throwing: Sendable, Equatable {
        case none, throwing, rethrowing
    }

    /// A 1-based line and column in the code the declaration was read from.
    struct Location: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    /// A type or extension the declaration lies in.
    struct Context: Sendable, Equatable {
        /// The type's name (`Collection`, `Windows`), without module or generic arguments.
        var name: String
        /// Whether it is an `extension` (else a type declaration).
        var isExtension: Bool
        /// The generic parameters the type declaration names (`Base` of `struct Windows<Base>`).
        var genericParameters: [String]
    }

    var kind: Kind
    /// The base name: `chunked`, `init`, `subscript`, `count`, `Windows`.
    var name: String
    /// The argument labels (`_` for none), for functions, initializers and subscripts.
    var labels: [String] = []
    /// Written as `name(label:label:)`: the labels say which declaration, and nothing else is
    /// compared except a result type when one is written.
    var labelsOnly = false
    /// The parameters' types, in order (empty when `labelsOnly`).
    var parameterTypes: [TypeSyntax] = []
    var parameterLocations: [Location] = []
    /// A function's or subscript's result type, a property's type; `nil` when not written.
    var resultType: TypeSyntax?
    var resultLocation: Location?
    var isStatic = false
    var isAsync = false
    var throwing = Throwing.none
    /// For properties: whether it is settable (`var` without accessors, or `{ get set }`).
    var isSettable = false
    /// For properties: whether the snippet wrote `set` in its accessors.
    var declaresSetter = false
    /// For types: `struct`, `class`, `enum`, `actor` or `protocol`.
    var typeKeyword: String?
    /// The declaration's own generic parameters.
    var genericParameters: [String] = []
    /// The types and extensions around it, outermost first.
    var context: [Context] = []
    /// Where the declaration starts (its keyword, after attributes and modifiers).
    var location: Location

    /// The name as the symbol graph titles it: `chunked(by:)`, `init(_:size:)`,
    /// `subscript(offset:)`, `count`.
    var title: String {
        switch kind {
        case .function, .initializer, .subscript: "\(name)(\(labels.map { $0 + ":" }.joined()))"
        case .property, .type: name
        }
    }

    /// The context's names, outermost first.
    var contextPath: [String] { context.map(\.name) }
}
