import SwiftParser
import SwiftSyntax
import SwiftToolchain
import WorkbookKit

/// A snippet's top-level items, sorted into the places the library-shaped chapter program
/// puts them: imports hoisted to the top, declarations at file scope, statements in the
/// snippet's function.
///
/// `nil` when the snippet holds anything that file-scope declarations and a function cannot
/// express exactly as top-level code does (see `init?(code:)`); the chapter then keeps the
/// script shape.
struct SnippetItems: Equatable, Sendable {
    /// One top-level item's text, and where it starts in the snippet (1-based line, UTF-8 column).
    struct Item: Equatable, Sendable {
        var text: String
        var line: Int
        var column: Int
    }

    /// What the snippet's function does, in order.
    enum Step: Equatable, Sendable {
        /// A statement of the snippet, run as written.
        case statement(Item)
        /// The first read of a global the snippet declares, which runs its initializer there.
        case touch(String)
    }

    /// A file-scope declaration.
    enum Declaration: Equatable, Sendable {
        /// Moved as written.
        case plain(Item)
        /// A `let`/`var` whose initializer may throw: `head` (`let x =`) and the initializer,
        /// which the program wraps in a call that ends the program as an uncaught top-level
        /// error would, since a global's initializer cannot throw.
        case throwing(head: Item, initializer: Item)
    }

    var imports: [Item] = []
    var declarations: [Declaration] = []
    var steps: [Step] = []
    /// For each of `declarations`, the UTF-8 offset in its text (the head's, for a throwing
    /// one) where `fileprivate ` can be written, after its attributes; `nil` when the
    /// declaration cannot be file-private without changing what the program prints or means:
    /// a type (its reflected name would change), an extension, a protocol, an operator, or a
    /// declaration with modifiers (see `ChapterProgram+Bundle.swift`).
    var filePrivateOffsets: [Int?] = []

    /// Splits `code`; `nil` for a parse error, a binding without an initializer, with an
    /// attribute or a modifier, a throwing initializer in a declaration of several bindings;
    /// `await` outside a function or
    /// type; a top-level `guard`, `defer`, `#if`, `#sourceLocation` or macro; `@main`,
    /// `#function`, or any name starting with `_workbook`.
    init?(code: String) {
        if code.contains("_workbook") || code.contains("#function") { return nil }
        let file = Parser.parse(source: code)
        if file.hasError { return nil }
        let converter = SourceLocationConverter(fileName: "", tree: file)
        let utf8 = Array(code.utf8)
        for block in file.statements {
            let start = block.item.positionAfterSkippingLeadingTrivia
            let end = block.endPositionBeforeTrailingTrivia
            func slice(from start: AbsolutePosition, to end: AbsolutePosition) -> Item {
                let location = converter.location(for: start)
                let bytes = utf8[start.utf8Offset..<end.utf8Offset]
                return Item(text: String(decoding: bytes, as: UTF8.self), line: location.line, column: location.column)
            }
            let item = slice(from: start, to: end)
            switch block.item {
            case .decl(let declaration):
                if let importDecl = declaration.as(ImportDeclSyntax.self) {
                    guard importDecl.attributes.isEmpty else { return nil }
                    imports.append(item)
                } else if let variable = declaration.as(VariableDeclSyntax.self) {
                    guard let sorted = Self.sort(variable, item: item) else { return nil }
                    switch sorted {
                    case .statement:
                        steps.append(.statement(item))
                    case .global(let names, let throwingInitializer):
                        filePrivateOffsets.append(variable.bindingSpecifier.positionAfterSkippingLeadingTrivia.utf8Offset - start.utf8Offset)
                        if let clause = throwingInitializer {
                            let value = clause.value
                            declarations.append(.throwing(
                                head: slice(from: start, to: clause.equal.endPositionBeforeTrailingTrivia),
                                initializer: slice(from: value.positionAfterSkippingLeadingTrivia, to: value.endPositionBeforeTrailingTrivia)))
                        } else {
                            declarations.append(.plain(item))
                        }
                        steps += names.map(Step.touch)
                    }
                } else if Self.isPlainDeclaration(declaration) {
                    if Self.hasMainAttribute(declaration) { return nil }
                    declarations.append(.plain(item))
                    filePrivateOffsets.append(Self.filePrivateKeyword(declaration).map {
                        $0.positionAfterSkippingLeadingTrivia.utf8Offset - start.utf8Offset
                    })
                } else {
                    return nil
                }
            case .stmt(let statement):
                if statement.is(GuardStmtSyntax.self) || statement.is(DeferStmtSyntax.self) { return nil }
                if Self.mentionsAwait(statement) { return nil }
                steps.append(.statement(item))
            case .expr(let expression):
                if expression.is(MacroExpansionExprSyntax.self) || Self.mentionsAwait(expression) { return nil }
                steps.append(.statement(item))
            }
        }
    }

    /// Where a top-level `let`/`var` goes.
    enum SortedBinding {
        /// `let _ = …`: a statement of the snippet's function.
        case statement
        /// A global, read once by `names` (one per binding); `throwingInitializer` is the
        /// initializer of its single binding when that may throw.
        case global(names: [String], throwingInitializer: InitializerClauseSyntax?)
    }

    /// Where `variable` goes; `nil` when it cannot be a global.
    static func sort(_ variable: VariableDeclSyntax, item: Item) -> SortedBinding? {
        guard variable.attributes.isEmpty, variable.modifiers.isEmpty, !mentionsAwait(variable) else { return nil }
        let names = variable.bindings.map { firstName(in: $0.pattern) }
        if names.allSatisfy({ $0 == nil }) { return .statement }
        var touches: [String] = []
        var throwing: InitializerClauseSyntax?
        for (binding, name) in zip(variable.bindings, names) {
            guard let name, let initializer = binding.initializer, binding.accessorBlock == nil else { return nil }
            if mayThrow(initializer.value) {
                guard variable.bindings.count == 1 else { return nil }
                throwing = initializer
            }
            touches.append(name)
        }
        return .global(names: touches, throwingInitializer: throwing)
    }

    /// Declarations that mean the same at file scope as in top-level code.
    static func isPlainDeclaration(_ declaration: DeclSyntax) -> Bool {
        declaration.is(FunctionDeclSyntax.self) || declaration.is(StructDeclSyntax.self)
            || declaration.is(ClassDeclSyntax.self) || declaration.is(EnumDeclSyntax.self)
            || declaration.is(ActorDeclSyntax.self) || declaration.is(ProtocolDeclSyntax.self)
            || declaration.is(ExtensionDeclSyntax.self) || declaration.is(TypeAliasDeclSyntax.self)
            || declaration.is(OperatorDeclSyntax.self) || declaration.is(PrecedenceGroupDeclSyntax.self)
    }

    /// The keyword `fileprivate ` can be written before: a function's `func` (one named by an
    /// identifier) or a type alias's `typealias`, when the declaration has no modifier.
    static func filePrivateKeyword(_ declaration: DeclSyntax) -> TokenSyntax? {
        if let function = declaration.as(FunctionDeclSyntax.self), function.modifiers.isEmpty,
           case .identifier = function.name.tokenKind {
            return function.funcKeyword
        }
        if let alias = declaration.as(TypeAliasDeclSyntax.self), alias.modifiers.isEmpty {
            return alias.typealiasKeyword
        }
        return nil
    }

    static func hasMainAttribute(_ declaration: DeclSyntax) -> Bool {
        declaration.tokens(viewMode: .sourceAccurate).contains { token in
            token.tokenKind == .identifier("main") && token.previousToken(viewMode: .sourceAccurate)?.tokenKind == .atSign
        }
    }

    /// The first name a binding's pattern binds (`a` in `let (a, b)`), or `nil` for `_`.
    static func firstName(in pattern: PatternSyntax) -> String? {
        for token in pattern.tokens(viewMode: .sourceAccurate) {
            if case .identifier(let name) = token.tokenKind { return name }
        }
        return nil
    }

    static func mentionsAwait(_ node: some SyntaxProtocol) -> Bool {
        node.tokens(viewMode: .sourceAccurate).contains { $0.tokenKind == .keyword(.await) }
    }

    /// Whether an initializer holds a plain `try` (not `try?`/`try!`) anywhere, closures included.
    static func mayThrow(_ node: some SyntaxProtocol) -> Bool {
        node.tokens(viewMode: .sourceAccurate).contains { token in
            guard token.tokenKind == .keyword(.try) else { return false }
            let next = token.nextToken(viewMode: .sourceAccurate)?.tokenKind
            return next != .postfixQuestionMark && next != .exclamationMark && next != .infixQuestionMark
        }
    }
}
