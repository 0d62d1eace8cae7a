import WorkbookKit
import SwiftSyntax

/// A declaration of a signature snippet that the products do not declare as written.
struct SignatureProblem: Sendable, Equatable {
    /// Where, in the snippet's code (1-based).
    var location: SignatureDeclaration.Location
    /// One sentence, names quoted with '…'.
    var message: String
}

/// Compares a signature snippet's declarations with the products' symbols.
///
/// The rule, for each declaration of the snippet:
/// - **Where.** A declaration inside `extension X` or a type `X` (nested: `A.B`) must be a
///   member of `X` in the products; a declaration at the snippet's top level may be anywhere
///   (a global, or a member of any type), as guides list members under a heading.
/// - **Which.** Its name with its argument labels (`chunked(by:)`, `init(_:size:)`,
///   `subscript(offset:)`; a subscript parameter's single name is no label) and its kind
///   (function, initializer, subscript, property, type) choose the products' declarations it
///   may be; none is "the products declare no …".
/// - **How.** `static`/`class` must agree. Written with full parameters, each parameter's type
///   must be the same type, `async` must agree, and `throws` must be `throws` or `rethrows` in
///   the products (no `throws` matches `rethrows`). A result type, when written, must be the
///   same type; full parameters and no `->` mean the result is `Void`. Written with labels
///   only, only a written result type is compared. A property's type must be the same, and
///   `set` in its accessors needs a settable property. A type must be the same kind
///   (`struct`, `class`, `enum`, `actor`). Types are compared as ``TypeSpelling`` spells them;
///   generic constraints and `where` clauses are not compared.
/// - Among overloads, one that matches is enough; otherwise the one with the fewest
///   differences is reported.
package struct SignatureMatcher: Sendable {
    var products: ProductSymbols

    /// One problem per declaration at most; the members of a type the products do not
    /// declare are not reported again.
    func problems(in declarations: [SignatureDeclaration]) -> [SignatureProblem] {
        var problems: [SignatureProblem] = []
        var missingTypes: [[String]] = []
        for declaration in declarations {
            let path = declaration.contextPath
            if missingTypes.contains(where: { path.starts(with: $0) }) { continue }
            guard let problem = problem(with: declaration) else { continue }
            problems.append(problem)
            if declaration.kind == .type { missingTypes.append(path + [declaration.name]) }
        }
        return problems
    }

    func problem(with declaration: SignatureDeclaration) -> SignatureProblem? {
        let context = declaration.contextPath
        if declaration.kind == .type {
            let path = context + [declaration.name]
            guard let symbol = products.symbols.first(where: { $0.path == path && $0.isType }) else {
                return SignatureProblem(location: declaration.location,
                                        message: "the products declare no type '\(path.joined(separator: "."))'")
            }
            if let keyword = declaration.typeKeyword, symbol.kind != keyword {
                return SignatureProblem(location: declaration.location, message:
                    "'\(declaration.name)' is \(Self.article(keyword)) \(keyword) in the snippet, but the products declare '\(symbol.shortDeclaration)'")
            }
            return nil
        }
        let title = declaration.title
        let sameKind = products.symbols.filter { $0.path.last == title && Self.kind(of: $0) == declaration.kind }
        let candidates = context.isEmpty ? sameKind : sameKind.filter { Array($0.path.dropLast()) == context }
        guard !candidates.isEmpty else { return missing(declaration, elsewhere: sameKind) }
        var best: [SignatureProblem] = []
        for candidate in candidates {
            guard let declared = SignatureReader.readProduct(candidate.declaration) else { continue }
            let differences = differences(declaration, declared, symbol: candidate)
            if differences.isEmpty { return nil }
            if best.isEmpty || differences.count < best.count { best = differences }
        }
        return best.first
    }

    /// "the products declare no …", with where they do declare it, or what they declare instead.
    func missing(_ declaration: SignatureDeclaration, elsewhere: [ProductSymbols.Symbol]) -> SignatureProblem {
        var message = "the products declare no '\(declaration.title)'"
        if let innermost = declaration.context.last {
            let place = declaration.contextPath.joined(separator: ".")
            message += innermost.isExtension ? " in an extension of '\(place)'" : " in '\(place)'"
            let known = products.symbols.contains { $0.path.count > declaration.context.count && Array($0.path.prefix(declaration.context.count)) == declaration.contextPath }
            if !known && !products.symbols.contains(where: { $0.path == declaration.contextPath && $0.isType }) && !innermost.isExtension {
                message += ", and no type '\(place)'"
            }
        }
        if let other = elsewhere.first {
            message += " (they declare it in '\(other.path.dropLast().joined(separator: "."))')"
        } else {
            let siblings = products.symbols.filter {
                Self.kind(of: $0) == declaration.kind && Array($0.path.dropLast()) == declaration.contextPath
                    && ($0.path.last.map(Self.baseName) == declaration.name)
            }
            if !siblings.isEmpty {
                message += " (they declare " + siblings.prefix(3).map { "'\($0.path.last ?? "")'" }.joined(separator: ", ") + ")"
            }
        }
        return SignatureProblem(location: declaration.location, message: message)
    }

    /// How `written` (the snippet's) differs from `declared` (the products'), first difference first.
    func differences(_ written: SignatureDeclaration, _ declared: SignatureDeclaration, symbol: ProductSymbols.Symbol) -> [SignatureProblem] {
        var problems: [SignatureProblem] = []
        let products = "the products declare '\(symbol.shortDeclaration)'"
        let title = written.title
        func add(_ location: SignatureDeclaration.Location?, _ text: String) {
            problems.append(SignatureProblem(location: location ?? written.location, message: text + ", but " + products))
        }
        if written.isStatic != declared.isStatic {
            add(written.location, "'\(title)' is \(written.isStatic ? "static" : "not static") in the snippet")
        }
        let spelling = spelling(written, declared, symbol: symbol)
        if !written.labelsOnly && written.kind != .property {
            for (index, type) in written.parameterTypes.enumerated() where index < declared.parameterTypes.count {
                let mine = spelling.snippet.canonical(type)
                if mine != spelling.products.canonical(declared.parameterTypes[index]) {
                    add(written.parameterLocations[index],
                        "parameter \(index + 1) of '\(title)' has type '\(type.trimmedDescription)' in the snippet")
                }
            }
            if written.isAsync != declared.isAsync {
                add(written.location, "'\(title)' is \(written.isAsync ? "" : "not ")'async' in the snippet")
            }
            let throwsMatch = switch (written.throwing, declared.throwing) {
            case (.none, .throwing), (.throwing, .none), (.rethrowing, .none), (.rethrowing, .throwing): false
            default: true
            }
            if !throwsMatch {
                let words = ["none": "does not throw", "throwing": "'throws'", "rethrowing": "'rethrows'"]
                add(written.location, "'\(title)' \(words["\(written.throwing)"] ?? "") in the snippet")
            }
        }
        let declaredResult = declared.resultType.map(spelling.products.canonical) ?? "()"
        if let result = written.resultType {
            let mine = spelling.snippet.canonical(result)
            let theirs = declaredResult == "Void" ? "()" : declaredResult
            if (mine == "Void" ? "()" : mine) != theirs {
                let verb = written.kind == .property ? "has type" : "returns"
                add(written.resultLocation, "'\(title)' \(verb) '\(result.trimmedDescription)' in the snippet")
            }
        } else if !written.labelsOnly && (written.kind == .function) && declaredResult != "()" && declaredResult != "Void" {
            add(written.location, "'\(title)' returns nothing in the snippet")
        }
        if written.kind == .property && written.declaresSetter && !declared.isSettable {
            add(written.location, "'\(title)' is settable in the snippet")
        }
        return problems
    }

    /// The spellings of both sides: `Self` is the innermost type, generic parameters of both
    /// sides may qualify member types, and the snippet's own generic parameters are renamed
    /// to the products' by position.
    func spelling(_ written: SignatureDeclaration, _ declared: SignatureDeclaration, symbol: ProductSymbols.Symbol)
        -> (snippet: TypeSpelling, products: TypeSpelling)
    {
        var base = TypeSpelling()
        base.droppedQualifiers.formUnion(products.modules)
        base.droppedQualifiers.formUnion(symbol.genericParameters)
        base.droppedQualifiers.formUnion(written.genericParameters + written.context.flatMap(\.genericParameters))
        if let owner = symbol.path.dropLast().last,
           let type = products.symbols.first(where: { $0.path == Array(symbol.path.dropLast()) && $0.isType }) {
            base.droppedQualifiers.formUnion(type.genericParameters)
            if type.kind != "protocol" {
                base.selfName = owner
                base.selfParameters = type.genericParameters
            }
        }
        var snippet = base
        if written.genericParameters.count == declared.genericParameters.count {
            for (mine, theirs) in zip(written.genericParameters, declared.genericParameters) where mine != theirs {
                snippet.renames[mine] = theirs
            }
            snippet.droppedQualifiers.formUnion(declared.genericParameters)
        }
        return (snippet, base)
    }

    static func kind(of symbol: ProductSymbols.Symbol) -> SignatureDeclaration.Kind? {
        switch symbol.kind {
        case "func", "method", "type.method", "func.op": .function
        case "init": .initializer
        case "subscript", "type.subscript": .subscript
        case "property", "type.property", "var": .property
        default: symbol.isType ? .type : nil
        }
    }

    /// `chunked` of `chunked(by:)`.
    static func baseName(_ title: String) -> String {
        String(title.prefix { $0 != "(" })
    }

    static func article(_ word: String) -> String {
        ["a", "e", "i", "o", "u"].contains(word.prefix(1)) ? "an" : "a"
    }
}

extension ProductSymbols.Symbol {
    /// The declaration on one line, spaces collapsed, without a trailing `where` clause.
    var shortDeclaration: String {
        declaration.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
