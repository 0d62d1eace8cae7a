import WorkbookKit
import SwiftSyntax

/// The canonical spelling of a type, so that a snippet's type and the products' compare equal
/// however each is written.
///
/// Spaces and line breaks do not count; sugar and its long form are one (`[T]` and
/// `Array<T>`, `T?` and `Optional<T>`, `[K: V]` and `Dictionary<K, V>`); a qualifier that is
/// `Self`, a module (`Swift.Int`) or a generic parameter (`Base.Index`, `Self.Element`) is
/// dropped; the type a declaration lies in, written with its own generic parameters or none
/// (`Windows<Base>`, `Windows`), is `Self`; `@escaping` and the ownership words `borrowing`,
/// `consuming`, `__owned` and `__shared` are dropped; the snippet's generic parameters are
/// renamed to the products' by position; labels of a function type's parameters do not count.
struct TypeSpelling: Sendable {
    /// The type the declaration lies in, as `Self`: its name and generic parameters.
    var selfName: String?
    var selfParameters: [String] = []
    /// Names whose member types may be written unqualified: generic parameters, modules.
    var droppedQualifiers: Set<String> = ["Self", "Swift"]
    /// The snippet's generic parameter names, by the products' names they stand for.
    var renames: [String: String] = [:]

    func canonical(_ type: TypeSyntax) -> String {
        if let identifier = type.as(IdentifierTypeSyntax.self) {
            return named(identifier.name.text, arguments: identifier.genericArgumentClause)
        }
        if let member = type.as(MemberTypeSyntax.self) {
            let base = canonical(member.baseType)
            if droppedQualifiers.contains(base) { return named(member.name.text, arguments: member.genericArgumentClause) }
            return base + "." + named(member.name.text, arguments: member.genericArgumentClause, isMember: true)
        }
        if let array = type.as(ArrayTypeSyntax.self) { return "[" + canonical(array.element) + "]" }
        if let dictionary = type.as(DictionaryTypeSyntax.self) {
            return "[" + canonical(dictionary.key) + ":" + canonical(dictionary.value) + "]"
        }
        if let optional = type.as(OptionalTypeSyntax.self) { return canonical(optional.wrappedType) + "?" }
        if let unwrapped = type.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) { return canonical(unwrapped.wrappedType) + "!" }
        if let tuple = type.as(TupleTypeSyntax.self) {
            let elements = tuple.elements.map { element in
                (element.firstName.map { $0.text == "_" ? "" : $0.text + ":" } ?? "") + canonical(element.type)
                    + (element.ellipsis == nil ? "" : "...")
            }
            if elements.count == 1, tuple.elements.first?.firstName == nil { return elements[0] }
            return "(" + elements.joined(separator: ",") + ")"
        }
        if let function = type.as(FunctionTypeSyntax.self) {
            let parameters = function.parameters.map { canonical($0.type) + ($0.ellipsis == nil ? "" : "...") }
            var effects = ""
            if function.effectSpecifiers?.asyncSpecifier != nil { effects += " async" }
            if let throwsClause = function.effectSpecifiers?.throwsClause { effects += " " + throwsClause.throwsSpecifier.text }
            return "(" + parameters.joined(separator: ",") + ")" + effects + "->" + canonical(function.returnClause.type)
        }
        if let attributed = type.as(AttributedTypeSyntax.self) {
            var words: [String] = []
            for specifier in attributed.specifiers {
                let text = specifier.trimmedDescription
                if !["borrowing", "consuming", "__owned", "__shared"].contains(text) { words.append(text) }
            }
            for attribute in attributed.attributes {
                let text = attribute.trimmedDescription
                if text != "@escaping" { words.append(text) }
            }
            return (words + [canonical(attributed.baseType)]).joined(separator: " ")
        }
        if let opaque = type.as(SomeOrAnyTypeSyntax.self) {
            return opaque.someOrAnySpecifier.text + " " + canonical(opaque.constraint)
        }
        if let composition = type.as(CompositionTypeSyntax.self) {
            return composition.elements.map { canonical($0.type) }.sorted().joined(separator: "&")
        }
        if let metatype = type.as(MetatypeTypeSyntax.self) {
            return canonical(metatype.baseType) + "." + metatype.metatypeSpecifier.text
        }
        return type.tokens(viewMode: .sourceAccurate).map(\.text).joined()
    }

    func named(_ written: String, arguments: GenericArgumentClauseSyntax?, isMember: Bool = false) -> String {
        let name = isMember ? written : (renames[written] ?? written)
        let types: [String] = arguments?.arguments.map { argument in
            switch argument.argument {
            case .type(let type): canonical(type)
            case .expr(let expression): expression.trimmedDescription
            }
        } ?? []
        if !isMember {
            if name == selfName, types.isEmpty || types == selfParameters { return "Self" }
            switch (name, types.count) {
            case ("Array", 1): return "[" + types[0] + "]"
            case ("Optional", 1): return types[0] + "?"
            case ("Dictionary", 2): return "[" + types[0] + ":" + types[1] + "]"
            default: break
            }
        }
        return types.isEmpty ? name : name + "<" + types.joined(separator: ",") + ">"
    }
}
