import SwiftParser
import SwiftSyntax

/// Reads a snippet as a list of declarations without bodies, the way package guides show API.
///
/// A snippet reads as signatures when it parses (after ``LabelsOnlyClauses``) and holds only
/// `import`s, functions, initializers, subscripts, properties (a type annotation and no
/// value), and `struct`, `class`, `enum`, `actor` or `extension` declarations whose members
/// are again only these. It *looks like* signatures (``Reading/isBodiless``) when, besides,
/// at least one function, initializer or subscript has no body, a property has accessors
/// without bodies (`{ get }`, `{ get set }`), or a parameter list is written with labels only.
package struct SignatureReader {
    /// What reading a snippet gave.
    package enum Reading: Sendable {
        /// Every declaration, in order; `isBodiless` when something has no body.
        case signatures([SignatureDeclaration], isBodiless: Bool)
        /// Not a list of declarations: why, and where (1-based, in the snippet's code).
        case code(reason: String, at: SignatureDeclaration.Location)
    }

    /// Reads `code`, a snippet's text.
    package static func read(_ code: String) -> Reading {
        let clauses = LabelsOnlyClauses(code)
        let tree = Parser.parse(source: clauses.code)
        var reader = SignatureReader(converter: SourceLocationConverter(fileName: "", tree: tree), labels: clauses.labels)
        if tree.hasError {
            let node = tree.firstErrorNode ?? Syntax(tree)
            return .code(reason: "it does not parse as Swift declarations", at: reader.location(node.positionAfterSkippingLeadingTrivia))
        }
        for item in tree.statements {
            guard case .decl(let decl) = item.item else {
                return .code(reason: "it holds a statement or an expression, not only declarations",
                             at: reader.location(item.positionAfterSkippingLeadingTrivia))
            }
            if let failure = reader.visit(decl, context: []) { return failure }
        }
        guard !reader.declarations.isEmpty else {
            return .code(reason: "it declares nothing", at: SignatureDeclaration.Location(line: 1, column: 1))
        }
        return .signatures(reader.declarations, isBodiless: reader.isBodiless)
    }

    /// Reads one declaration of the products as the symbol graph spells it
    /// (`func chunked(by belongInSameGroup: …) -> …`, `var count: Int { get }`).
    package static func readProduct(_ declaration: String) -> SignatureDeclaration? {
        let tree = Parser.parse(source: declaration)
        var reader = SignatureReader(converter: SourceLocationConverter(fileName: "", tree: tree), labels: [:])
        for item in tree.statements {
            guard case .decl(let decl) = item.item else { continue }
            _ = reader.visit(decl, context: [])
            return reader.declarations.first
        }
        return nil
    }

    let converter: SourceLocationConverter
    let labels: [Int: [String]]
    var declarations: [SignatureDeclaration] = []
    var isBodiless = false

    init(converter: SourceLocationConverter, labels: [Int: [String]]) {
        self.converter = converter
        self.labels = labels
    }

    func location(_ position: AbsolutePosition) -> SignatureDeclaration.Location {
        let place = converter.location(for: position)
        return SignatureDeclaration.Location(line: place.line, column: place.column)
    }

    /// Reads `decl` and its members into `declarations`; the failure when it is not a signature.
    mutating func visit(_ decl: DeclSyntax, context: [SignatureDeclaration.Context]) -> Reading? {
        if decl.is(ImportDeclSyntax.self) { return nil }
        if let function = decl.as(FunctionDeclSyntax.self) {
            var declaration = callable(.function, name: function.name.text, modifiers: function.modifiers,
                                       clause: function.signature.parameterClause, subscriptLabels: false,
                                       keyword: function.funcKeyword, context: context)
            declaration.genericParameters = function.genericParameterClause?.parameters.map(\.name.text) ?? []
            effects(function.signature.effectSpecifiers, into: &declaration)
            if let result = function.signature.returnClause?.type {
                declaration.resultType = result
                declaration.resultLocation = location(result.positionAfterSkippingLeadingTrivia)
            }
            if function.body == nil { isBodiless = true }
            declarations.append(declaration)
            return nil
        }
        if let initializer = decl.as(InitializerDeclSyntax.self) {
            var declaration = callable(.initializer, name: "init", modifiers: initializer.modifiers,
                                       clause: initializer.signature.parameterClause, subscriptLabels: false,
                                       keyword: initializer.initKeyword, context: context)
            declaration.genericParameters = initializer.genericParameterClause?.parameters.map(\.name.text) ?? []
            effects(initializer.signature.effectSpecifiers, into: &declaration)
            if initializer.body == nil { isBodiless = true }
            declarations.append(declaration)
            return nil
        }
        if let subscriptDecl = decl.as(SubscriptDeclSyntax.self) {
            var declaration = callable(.subscript, name: "subscript", modifiers: subscriptDecl.modifiers,
                                       clause: subscriptDecl.parameterClause, subscriptLabels: true,
                                       keyword: subscriptDecl.subscriptKeyword, context: context)
            declaration.genericParameters = subscriptDecl.genericParameterClause?.parameters.map(\.name.text) ?? []
            declaration.resultType = subscriptDecl.returnClause.type
            declaration.resultLocation = location(subscriptDecl.returnClause.type.positionAfterSkippingLeadingTrivia)
            if accessorsWithoutBodies(subscriptDecl.accessorBlock) { isBodiless = true }
            declarations.append(declaration)
            return nil
        }
        if let variable = decl.as(VariableDeclSyntax.self) {
            return property(variable, context: context)
        }
        if let extensionDecl = decl.as(ExtensionDeclSyntax.self) {
            let name = Self.typeName(extensionDecl.extendedType)
            let inner = context + [SignatureDeclaration.Context(name: name, isExtension: true, genericParameters: [])]
            return members(extensionDecl.memberBlock, context: inner)
        }
        if let nominal = Self.nominal(decl) {
            let (keyword, name, generics, block) = nominal
            var declaration = SignatureDeclaration(kind: .type, name: name.text, location: location(keyword.positionAfterSkippingLeadingTrivia))
            declaration.typeKeyword = keyword.text
            declaration.genericParameters = generics
            declaration.context = context
            declarations.append(declaration)
            let inner = context + [SignatureDeclaration.Context(name: name.text, isExtension: false, genericParameters: generics)]
            return members(block, context: inner)
        }
        return .code(reason: "it declares something other than functions, initializers, subscripts, properties, types and extensions",
                     at: location(decl.positionAfterSkippingLeadingTrivia))
    }

    mutating func members(_ block: MemberBlockSyntax, context: [SignatureDeclaration.Context]) -> Reading? {
        for member in block.members {
            if let failure = visit(member.decl, context: context) { return failure }
        }
        return nil
    }

    /// A function, initializer or subscript without its types and effects.
    func callable(
        _ kind: SignatureDeclaration.Kind, name: String, modifiers: DeclModifierListSyntax, clause: FunctionParameterClauseSyntax,
        subscriptLabels: Bool, keyword: TokenSyntax, context: [SignatureDeclaration.Context]
    ) -> SignatureDeclaration {
        var declaration = SignatureDeclaration(kind: kind, name: name, location: location(keyword.positionAfterSkippingLeadingTrivia))
        declaration.context = context
        declaration.isStatic = Self.isStatic(modifiers)
        if let written = labels[clause.leftParen.positionAfterSkippingLeadingTrivia.utf8Offset] {
            declaration.labels = written
            declaration.labelsOnly = true
            return declaration
        }
        for parameter in clause.parameters {
            // A subscript's single name is its parameter's name, not a label.
            let label = subscriptLabels && parameter.secondName == nil ? "_" : parameter.firstName.text
            declaration.labels.append(label)
            declaration.parameterTypes.append(parameter.type)
            declaration.parameterLocations.append(location(parameter.positionAfterSkippingLeadingTrivia))
        }
        return declaration
    }

    func effects(_ specifiers: FunctionEffectSpecifiersSyntax?, into declaration: inout SignatureDeclaration) {
        declaration.isAsync = specifiers?.asyncSpecifier != nil
        switch specifiers?.throwsClause?.throwsSpecifier.tokenKind {
        case .some(.keyword(.rethrows)): declaration.throwing = .rethrowing
        case .some: declaration.throwing = .throwing
        case nil: declaration.throwing = .none
        }
    }

    mutating func property(_ variable: VariableDeclSyntax, context: [SignatureDeclaration.Context]) -> Reading? {
        let isLet = variable.bindingSpecifier.tokenKind == .keyword(.let)
        for binding in variable.bindings {
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier, let type = binding.typeAnnotation?.type,
                  binding.initializer == nil
            else {
                return .code(reason: "a property with a value or without a type is code, not a signature",
                             at: location(binding.positionAfterSkippingLeadingTrivia))
            }
            var declaration = SignatureDeclaration(kind: .property, name: name.text,
                                                   location: location(variable.bindingSpecifier.positionAfterSkippingLeadingTrivia))
            declaration.context = context
            declaration.isStatic = Self.isStatic(variable.modifiers)
            declaration.resultType = type
            declaration.resultLocation = location(type.positionAfterSkippingLeadingTrivia)
            let specifiers = Self.accessorSpecifiers(binding.accessorBlock)
            declaration.declaresSetter = specifiers.contains("set")
            declaration.isSettable = !isLet && (binding.accessorBlock == nil || specifiers.contains("set"))
            if binding.accessorBlock != nil && accessorsWithoutBodies(binding.accessorBlock) { isBodiless = true }
            declarations.append(declaration)
        }
        return nil
    }

    /// Whether `block` is a list of accessors none of which has a body (`{ get set }`).
    func accessorsWithoutBodies(_ block: AccessorBlockSyntax?) -> Bool {
        guard let block else { return true }
        guard case .accessors(let accessors) = block.accessors else { return false }
        return !accessors.isEmpty && accessors.allSatisfy { $0.body == nil }
    }

    static func accessorSpecifiers(_ block: AccessorBlockSyntax?) -> [String] {
        guard let block, case .accessors(let accessors) = block.accessors else { return block == nil ? [] : ["get"] }
        return accessors.map(\.accessorSpecifier.text)
    }

    static func isStatic(_ modifiers: DeclModifierListSyntax) -> Bool {
        modifiers.contains { $0.name.tokenKind == .keyword(.static) || $0.name.tokenKind == .keyword(.class) }
    }

    /// A type's name as an extension names it: `Swift.Collection` and `Windows<Int>` are
    /// `Collection` and `Windows`.
    static func typeName(_ type: TypeSyntax) -> String {
        if let member = type.as(MemberTypeSyntax.self) { return member.name.text }
        if let identifier = type.as(IdentifierTypeSyntax.self) { return identifier.name.text }
        return type.trimmedDescription
    }

    /// A `struct`, `class`, `enum` or `actor`: its keyword, name, generic parameters, members.
    static func nominal(_ decl: DeclSyntax) -> (TokenSyntax, TokenSyntax, [String], MemberBlockSyntax)? {
        if let s = decl.as(StructDeclSyntax.self) {
            return (s.structKeyword, s.name, s.genericParameterClause?.parameters.map(\.name.text) ?? [], s.memberBlock)
        }
        if let c = decl.as(ClassDeclSyntax.self) {
            return (c.classKeyword, c.name, c.genericParameterClause?.parameters.map(\.name.text) ?? [], c.memberBlock)
        }
        if let e = decl.as(EnumDeclSyntax.self) {
            return (e.enumKeyword, e.name, e.genericParameterClause?.parameters.map(\.name.text) ?? [], e.memberBlock)
        }
        if let a = decl.as(ActorDeclSyntax.self) {
            return (a.actorKeyword, a.name, a.genericParameterClause?.parameters.map(\.name.text) ?? [], a.memberBlock)
        }
        return nil
    }
}

private extension SourceFileSyntax {
    /// The first node the parser marked as missing or unexpected.
    var firstErrorNode: Syntax? {
        var found: Syntax?
        for token in tokens(viewMode: .all) where token.presence == .missing || token.parent?.is(UnexpectedNodesSyntax.self) == true {
            found = Syntax(token)
            break
        }
        return found
    }
}
