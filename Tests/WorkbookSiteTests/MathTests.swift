import Foundation
import Testing
import WorkbookKit
@testable import WorkbookSite

@Suite struct MathTests {
    @Test func mathReachesThePageUntouched() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", """
        # A

        The set $\\{1\\}$ has $a_1 * b_2 * c_3$ and $x_i$ with $y_i$.

        $$
        \\hat{\\mu}_t = \\beta \\hat{\\mu}_{t-1} + (1-\\beta) \\mu_B, \\quad a < b
        $$

        """)
        let article = try fixture.article("01-a")
        #expect(article.contains(#"<span class="math inline">\(\{1\}\)</span>"#))
        #expect(article.contains(#"<span class="math inline">\(a_1 * b_2 * c_3\)</span>"#))
        #expect(article.contains(#"<span class="math inline">\(x_i\)</span> with <span class="math inline">\(y_i\)</span>"#))
        #expect(article.contains("<p><span class=\"math display\">\\[\n\\hat{\\mu}_t = \\beta \\hat{\\mu}_{t-1} + (1-\\beta) \\mu_B, \\quad a &lt; b\n\\]</span></p>"))
        #expect(!article.contains("<em>"))
    }

    @Test func dollarsInCodeAndEscapedDollarsStayLiteral() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", """
        # A

        It costs \\$5 and `let s = "$x$"` is code; $5 and $6 are prices.

        ```sh
        echo "$HOME $PATH"
        ```

        """)
        let article = try fixture.article("01-a")
        #expect(article.contains("It costs $5 and <code>let s = &quot;$x$&quot;</code> is code; $5 and $6 are prices."))
        #expect(article.contains("echo &quot;$HOME $PATH&quot;"))
        #expect(!article.contains("math"))
    }

    /// GitHub's table rule holds inside math too: a `|` in a cell is written `\|`.
    @Test func tableCellsKeepMathWithBars() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", """
        # A

        | quantity | formula |
        |---|---|
        | mean | $\\mu_B = \\frac{1}{m}\\sum_i x_i$ |
        | norm | $\\lvert x \\rvert = \\|x\\|$ |
        | set | $\\{1\\}$ and $$a_1*b_1$$ |

        """)
        let article = try fixture.article("01-a")
        #expect(article.contains(#"<td><span class="math inline">\(\mu_B = \frac{1}{m}\sum_i x_i\)</span></td>"#))
        #expect(article.contains(#"<td><span class="math inline">\(\lvert x \rvert = |x|\)</span></td>"#))
        #expect(article.contains(#"<td><span class="math inline">\(\{1\}\)</span> and <span class="math display">\[a_1*b_1\]</span></td>"#))
        #expect(article.components(separatedBy: "<tr>").count == 5)
    }

    @Test func multiLineMathKeepsLaterLineNumbers() throws {
        var fixture = SiteFixture()
        try fixture.add("01-a.md", "# A\n\n$$\na\n\\\\\nb\n$$\n\n{{BAD}}\n")
        #expect(fixture.errors().first?.line == 9)
    }

    @Test func mathInsideAttributesStaysText() throws {
        var fixture = SiteFixture()
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try Data().write(to: fixture.root.appendingPathComponent("chapters/p.png"))
        try fixture.add("01-a.md", "# A\n\n![plot of $x^2$](p.png) and [see $y$](https://example.org \"about $z$\")\n")
        let article = try fixture.article("01-a")
        #expect(article.contains(#"alt="plot of $x^2$""#))
        #expect(article.contains(#"title="about $z$""#))
        #expect(article.contains(#">see <span class="math inline">\(y\)</span></a>"#))
    }
}
