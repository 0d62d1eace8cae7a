import Testing
@testable import WorkbookSite

/// How math delimiters read, case by case. The expected reading is pandoc's `tex_math_dollars`
/// (`pandoc -f markdown -t json`), except where the README lists a difference (marked here).
@Suite struct MathDelimiterTests {
    /// Formulas as `$tex$` (inline) or `$$tex$$` (display), in order.
    private static func formulas(_ markdown: String) -> [String] {
        var slugger = HeadingSlugger()
        let rendered = MarkdownRenderer.render(markdown, environment: MarkdownEnvironment(), slugger: &slugger)
        return rendered.formulas.map { $0.formula.display ? "$$\($0.formula.tex)$$" : "$\($0.formula.tex)$" }
    }

    @Test(arguments: [
        // Pandoc's rules: an opening `$` followed by a non-space, a closing `$` preceded by a
        // non-space and not followed by a digit.
        ("$x$", ["$x$"]),
        ("a $x$ b", ["$x$"]),
        ("$x$ and $y$", ["$x$", "$y$"]),
        ("$ x$", []),
        ("$x $", []),
        ("$x$1", []),
        ("$x$a", ["$x$"]),
        ("$5 and $6", []),
        ("costs $5, or $10.", []),
        ("\\$x$", []),
        ("$x\\$y$", ["$x\\$y$"]),
        ("$\\{1\\}$", ["$\\{1\\}$"]),
        ("$a_1 * b_2 * c_3$", ["$a_1 * b_2 * c_3$"]),
        ("$a *b* c$", ["$a *b* c$"]),
        ("$\\text{a $b$ c}$", ["$\\text{a $b$ c}$"]),
        ("$a\nb$", ["$a\nb$"]),  // pandoc: the same, with its whitespace collapsed
        ("$$x$$", ["$$x$$"]),
        ("$$ x $$", ["$$ x $$"]),
        ("$$\na\n\\\\\nb\n$$", ["$$\na\n\\\\\nb\n$$"]),
        ("a $$x$$ b $y$", ["$$x$$", "$y$"]),
        ("$$x$ y", []),  // pandoc: `$x$` (an unmatched `$$` is two dollars here)
        ("$$", []),
        ("$", []),
        ("$$$x$$$", ["$$$x$$"]),
        // GitHub's `$`…`$` form.
        ("$`x^2`$", ["$x^2$"]),  // pandoc: no such form (GitHub's)
        ("$``a`b``$", ["$a`b$"]),  // pandoc: no such form (GitHub's)
        ("$`x` y", []),
        // Never inside code, raw HTML, autolinks or link destinations.
        ("`$x$`", []),
        ("``a $x$ b``", []),
        ("    $x$", []),
        ("```\n$x$\n```", []),
        ("~~~\n$x$\n~~~", []),
        ("- a\n\n      $x$", []),
        ("> ~~~\n> $x$\n> ~~~", []),
        ("<span title=\"$x$\">t</span>", []),
        ("<script>\n$('#x')+$('#y')\n</script>", []),
        ("<pre>\n$x$\n</pre>", []),
        ("<http://a.org/$x$>", []),
        ("[t](/$a$b)", []),
        ("[t](/u \"$x$\")", []),
        ("![$x$](p.png)", []),  // pandoc: math (here an image's text is its plain `alt`)
        // Never across a block boundary.
        ("- $a\n- b$", []),
        ("| h | i |\n|---|---|\n| $a | b$ |", []),  // pandoc: math (here GFM splits cells first)
        ("> a $x\n\ny$ b", []),
        ("# A $a\nb$", []),  // pandoc: math (here a `#` heading is one line)
        ("a $x\n\ny$", []),
        // Inside blocks where prose is.
        ("- $a$\n- $b$", ["$a$", "$b$"]),
        ("> a $x$ b", ["$x$"]),
        ("> a $x\n> y$ b", ["$x\ny$"]),  // pandoc: the same, whitespace collapsed
        ("# A $a$", ["$a$"]),
        ("| h |\n|---|\n| $a\\|b$ |", ["$a|b$"]),  // pandoc: `a\|b` (GFM unescapes `\|` in cells)
        ("[$x$]\n\n[$x$]: https://example.org", ["$x$"]),
        ("*$x$*", ["$x$"]),
        ("```math\nx^2\n```", ["$$x^2$$"]),  // pandoc: a code block (GitHub's form)
    ])
    func readsLikePandoc(_ markdown: String, _ expected: [String]) {
        #expect(Self.formulas(markdown) == expected, "\(markdown)")
    }

    @Test func mathInAURLStaysTheURL() {
        var slugger = HeadingSlugger()
        let html = MarkdownRenderer.render("[t](/$a$b) and \u{E000}0\u{E001} and \u{E002}x\n", environment: MarkdownEnvironment(), slugger: &slugger).html
        #expect(html == "<p><a href=\"/$a$b\">t</a> and \u{E000}0\u{E001} and \u{E002}x</p>\n")
    }

    @Test func aReferenceLinkWithMathInItsLabelStaysALink() {
        var slugger = HeadingSlugger()
        let html = MarkdownRenderer.render("[$x$]\n\n[$x$]: https://example.org\n", environment: MarkdownEnvironment(), slugger: &slugger).html
        #expect(html == "<p><a href=\"https://example.org\"><span class=\"math inline\">\\(x\\)</span></a></p>\n")
    }
}
