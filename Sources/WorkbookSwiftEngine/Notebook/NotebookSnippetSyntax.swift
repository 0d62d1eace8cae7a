import SwiftParser
import SwiftSyntax
import SwiftToolchain
import WorkbookKit

/// One snippet's code as notebook scoping sees it: what it declares at its top level, which
/// names each top-level item declares inside itself, and where it refers to names.
struct NotebookSnippetSyntax {
    /// A name the snippet declares at its top level.
    struct Declaration: Equatable {
        /// The name as written (`pi`, `Point`, `greet`).
        var name: String
        /// What identifies it for redeclaration: the name, or for a function its full name
        /// (`greet(person:)`), since functions of other full names overload it.
        var key: String
        /// For a function, its parameters; `nil` for a value or a type.
        var parameters: [Parameter]?
        /// Where a suffix to the name would be written in the snippet's code (UTF-8 offset of
        /// the name's end, before a closing backtick).
        var offset: Int
    }

    /// A function parameter, as far as calls are concerned.
    struct Parameter: Equatable {
        var label: String?
        var hasDefault: Bool
        var isVariadic: Bool
        var isFunction: Bool
    }

    /// A reference to a name in the snippet's code that may mean a top-level declaration.
    struct Reference: Equatable {
        var name: String
        /// Where a suffix to the name would be written (UTF-8 offset of its end).
        var offset: Int
        /// The argument labels of the call it is the callee of (trailing closures unlabeled
        /// unless written with a label), or of `name(a:b:)`; `nil` when it is not called.
        var callLabels: [String?]?
        /// Whether those labels were written as `name(a:b:)`, which names one function exactly.
        var namesFunction: Bool
        /// The top-level item it lies in.
        var item: Int
    }

    /// What one top-level item (declaration or statement) declares inside itself, and the
    /// type it declares or extends, if any.
    struct Item: Equatable {
        var nestedNames: Set<String> = []
        /// The type it declares or extends (`Point` for `extension Point`).
        var typeName: String?
        /// The types it names as supertypes or conformances.
        var inherited: [String] = []
        /// The members it declares, when it declares or extends a type.
        var members: Set<String> = []
        /// Whether it declares a type, function, extension, protocol, type alias, operator or
        /// precedence group: nothing that runs when the snippet runs.
        var isDefinition = false
    }

    /// Whether every top-level item is a definition (no statement, no variable).
    var definesOnly: Bool { items.allSatisfy(\.isDefinition) }

    var declarations: [Declaration] = []
    var references: [Reference] = []
    var items: [Item] = []

    init(code: String) {
        let file = Parser.parse(source: code)
        for (position, statement) in file.statements.enumerated() {
            var item = Item()
            var own: Set<Int> = []
            switch statement.item {
            case .decl(let declaration):
                for declared in Self.topLevelDeclarations(declaration) {
                    declarations.append(declared)
                    own.insert(declared.offset)
                }
                item.isDefinition = !declaration.is(VariableDeclSyntax.self) && !declaration.is(ImportDeclSyntax.self)
                (item.typeName, item.inherited) = Self.typeNameAndInheritance(declaration)
                if item.typeName != nil { item.members = Self.memberNames(declaration) }
            default:
                break
            }
            let collector = NameCollector(item: position, ownDeclarationOffsets: own)
            collector.walk(statement)
            item.nestedNames = collector.nestedNames
            references += collector.references
            items.append(item)
        }
    }

    /// The names `declaration` declares at the top level.
    static func topLevelDeclarations(_ declaration: DeclSyntax) -> [Declaration] {
        func named(_ token: TokenSyntax) -> [Declaration] {
            guard case .identifier(let name) = token.tokenKind else { return [] }
            let plain = Self.unquoted(name)
            return [Declaration(name: plain, key: plain, parameters: nil, offset: Self.suffixOffset(token))]
        }
        if let variable = declaration.as(VariableDeclSyntax.self) {
            return variable.bindings.flatMap { binding in
                binding.pattern.tokens(viewMode: .sourceAccurate).flatMap { token -> [Declaration] in
                    guard token.parent?.is(IdentifierPatternSyntax.self) == true else { return [] }
                    return named(token)
                }
            }
        }
        if let function = declaration.as(FunctionDeclSyntax.self) {
            guard case .identifier(let name) = function.name.tokenKind else { return [] }
            let plain = Self.unquoted(name)
            let parameters = function.signature.parameterClause.parameters.map { parameter in
                Parameter(label: parameter.firstName.tokenKind == .wildcard ? nil : Self.unquoted(parameter.firstName.text),
                          hasDefault: parameter.defaultValue != nil,
                          isVariadic: parameter.ellipsis != nil,
                          isFunction: Self.isFunctionType(parameter.type))
            }
            let key = plain + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
            return [Declaration(name: plain, key: key, parameters: parameters,
                                offset: Self.suffixOffset(function.name))]
        }
        if let type = declaration.asProtocol(NamedDeclSyntax.self),
           declaration.is(StructDeclSyntax.self) || declaration.is(ClassDeclSyntax.self) || declaration.is(EnumDeclSyntax.self)
            || declaration.is(ActorDeclSyntax.self) || declaration.is(ProtocolDeclSyntax.self)
            || declaration.is(TypeAliasDeclSyntax.self) {
            return named(type.name)
        }
        return []
    }

    static func isFunctionType(_ type: TypeSyntax) -> Bool {
        var type = type
        while true {
            if type.is(FunctionTypeSyntax.self) { return true }
            if let attributed = type.as(AttributedTypeSyntax.self) { type = attributed.baseType; continue }
            if let optional = type.as(OptionalTypeSyntax.self) { type = optional.wrappedType; continue }
            if let tuple = type.as(TupleTypeSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first {
                type = only.type
                continue
            }
            return false
        }
    }

    /// The type a declaration declares or extends, and the types it inherits from.
    static func typeNameAndInheritance(_ declaration: DeclSyntax) -> (String?, [String]) {
        func names(_ clause: InheritanceClauseSyntax?) -> [String] {
            clause?.inheritedTypes.compactMap { $0.type.as(IdentifierTypeSyntax.self).map { unquoted($0.name.text) } } ?? []
        }
        if let extensionDecl = declaration.as(ExtensionDeclSyntax.self) {
            let name = extensionDecl.extendedType.as(IdentifierTypeSyntax.self).map { unquoted($0.name.text) }
            return (name, names(extensionDecl.inheritanceClause))
        }
        if let group = declaration.asProtocol(DeclGroupSyntax.self), let named = declaration.asProtocol(NamedDeclSyntax.self) {
            return (unquoted(named.name.text), names(group.inheritanceClause))
        }
        return (nil, [])
    }

    /// The names of the members a type declaration or extension declares.
    static func memberNames(_ declaration: DeclSyntax) -> Set<String> {
        guard let group = declaration.asProtocol(DeclGroupSyntax.self) else { return [] }
        var names: Set<String> = []
        for member in group.memberBlock.members {
            let decl = member.decl
            if let variable = decl.as(VariableDeclSyntax.self) {
                for binding in variable.bindings {
                    for token in binding.pattern.tokens(viewMode: .sourceAccurate) where token.parent?.is(IdentifierPatternSyntax.self) == true {
                        names.insert(unquoted(token.text))
                    }
                }
            } else if let cases = decl.as(EnumCaseDeclSyntax.self) {
                for element in cases.elements { names.insert(unquoted(element.name.text)) }
            } else if let named = decl.asProtocol(NamedDeclSyntax.self) {
                names.insert(unquoted(named.name.text))
            }
        }
        return names
    }

    /// Where a suffix to `token`'s name is inserted: its end, before a closing backtick.
    static func suffixOffset(_ token: TokenSyntax) -> Int {
        token.endPositionBeforeTrailingTrivia.utf8Offset - (token.text.hasSuffix("`") ? 1 : 0)
    }

    static func unquoted(_ name: String) -> String {
        name.hasPrefix("`") && name.hasSuffix("`") && name.count > 1 ? String(name.dropFirst().dropLast()) : name
    }
}

/// Walks one top-level item: the names declared inside it, and its references to names.
private final class NameCollector: SyntaxVisitor {
    let item: Int
    let ownDeclarationOffsets: Set<Int>
    var nestedNames: Set<String> = []
    var references: [NotebookSnippetSyntax.Reference] = []

    init(item: Int, ownDeclarationOffsets: Set<Int>) {
        self.item = item
        self.ownDeclarationOffsets = ownDeclarationOffsets
        super.init(viewMode: .sourceAccurate)
    }

    func declare(_ token: TokenSyntax?) {
        guard let token, case .identifier(let name) = token.tokenKind,
              !ownDeclarationOffsets.contains(NotebookSnippetSyntax.suffixOffset(token)) else { return }
        nestedNames.insert(NotebookSnippetSyntax.unquoted(name))
    }

    override func visit(_ node: IdentifierPatternSyntax) -> SyntaxVisitorContinueKind { declare(node.identifier); return .visitChildren }
    override func visit(_ node: FunctionParameterSyntax) -> SyntaxVisitorContinueKind {
        declare(node.secondName ?? node.firstName)
        return .visitChildren
    }
    override func visit(_ node: ClosureParameterSyntax) -> SyntaxVisitorContinueKind {
        declare(node.secondName ?? node.firstName)
        return .visitChildren
    }
    override func visit(_ node: ClosureShorthandParameterSyntax) -> SyntaxVisitorContinueKind { declare(node.name); return .visitChildren }
    override func visit(_ node: EnumCaseParameterSyntax) -> SyntaxVisitorContinueKind { declare(node.secondName ?? node.firstName); return .visitChildren }
    override func visit(_ node: AccessorParametersSyntax) -> SyntaxVisitorContinueKind { declare(node.name); return .visitChildren }
    override func visit(_ node: GenericParameterSyntax) -> SyntaxVisitorContinueKind { declare(node.name); return .visitChildren }
    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { declare(node.name); return .visitChildren }
    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind { declare(node.name); return .visitChildren }
    override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind { declare(node.name); return .visitChildren }
    override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind { declare(node.name); return .visitChildren }
    override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind { declare(node.name); return .visitChildren }
    override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind { declare(node.name); return .visitChildren }
    override func visit(_ node: TypeAliasDeclSyntax) -> SyntaxVisitorContinueKind { declare(node.name); return .visitChildren }
    override func visit(_ node: AssociatedTypeDeclSyntax) -> SyntaxVisitorContinueKind { declare(node.name); return .visitChildren }
    override func visit(_ node: EnumCaseElementSyntax) -> SyntaxVisitorContinueKind { declare(node.name); return .visitChildren }

    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        guard case .identifier(let name) = node.baseName.tokenKind else { return .visitChildren }
        if let member = node.parent?.as(MemberAccessExprSyntax.self), member.declName.id == node.id { return .visitChildren }
        if node.parent?.is(KeyPathPropertyComponentSyntax.self) == true { return .visitChildren }
        var labels: [String?]?
        var namesFunction = false
        if let arguments = node.argumentNames {
            labels = arguments.arguments.map { $0.name.tokenKind == .wildcard ? nil : NotebookSnippetSyntax.unquoted($0.name.text) }
            namesFunction = true
        } else if let call = node.parent?.as(FunctionCallExprSyntax.self), call.calledExpression.id == node.id {
            labels = call.arguments.map { $0.label.map { NotebookSnippetSyntax.unquoted($0.text) } }
            if call.trailingClosure != nil { labels?.append(nil) }
            for extra in call.additionalTrailingClosures { labels?.append(NotebookSnippetSyntax.unquoted(extra.label.text)) }
        }
        references.append(.init(name: NotebookSnippetSyntax.unquoted(name), offset: NotebookSnippetSyntax.suffixOffset(node.baseName),
                                callLabels: labels, namesFunction: namesFunction, item: item))
        return .visitChildren
    }

    override func visit(_ node: IdentifierTypeSyntax) -> SyntaxVisitorContinueKind {
        guard case .identifier(let name) = node.name.tokenKind else { return .visitChildren }
        references.append(.init(name: NotebookSnippetSyntax.unquoted(name), offset: NotebookSnippetSyntax.suffixOffset(node.name),
                                callLabels: nil, namesFunction: false, item: item))
        return .visitChildren
    }
}
