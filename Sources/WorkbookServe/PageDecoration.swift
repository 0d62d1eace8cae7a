import NoteKit

/// The error overlay and the mismatch badge that `serve` adds to every page.
struct PageDecoration: Sendable {
    var problems: [PreviewProblem]
    var mismatchCount: Int

    /// `html` with the overlay (when there are problems) and the badge (when outputs differ).
    func decorate(_ html: [UInt8]) -> [UInt8] {
        guard !problems.isEmpty || mismatchCount > 0 else { return html }
        var markup = "\n<style>\(Self.style)</style>\n"
        if !problems.isEmpty { markup += overlay() }
        if mismatchCount > 0 { markup += badge() }
        return HTMLText.insert(markup, beforeBodyEndOf: html)
    }

    func overlay() -> String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        var markup = "<div id=\"workbook-overlay\" class=\"workbook-overlay\" role=\"alert\">\n"
            + "<div class=\"workbook-overlay-box\">\n"
            + "<button type=\"button\" class=\"workbook-overlay-close\" aria-label=\"Hide\" "
            + "onclick=\"this.closest('.workbook-overlay').hidden = true\">×</button>\n"
            + "<p class=\"workbook-overlay-title\">The workbook did not build (\(count)). "
            + "The last good page is shown underneath.</p>\n"
        for problem in problems {
            markup += "<section class=\"workbook-problem\">\n<p><code class=\"workbook-location\">"
                + HTMLEscaping.text(problem.location) + "</code>: error: " + HTMLEscaping.text(problem.message) + "</p>\n"
            if !problem.details.isEmpty {
                markup += "<pre>" + HTMLEscaping.text(problem.details) + "</pre>\n"
            }
            markup += "</section>\n"
        }
        return markup + "</div>\n</div>\n"
    }

    func badge() -> String {
        let text = mismatchCount == 1
            ? "1 output differs from the recorded one"
            : "\(mismatchCount) outputs differ from the recorded ones"
        return "<div id=\"workbook-badge\" class=\"workbook-badge\" role=\"status\">\(text): run <code>workbook promote</code></div>\n"
    }

    static let style = """
        .workbook-overlay{position:fixed;inset:0;z-index:2147483000;background:rgba(20,20,20,.55);\
        overflow:auto;padding:4vh 4vw;font:15px/1.45 system-ui,sans-serif}\
        .workbook-overlay[hidden]{display:none}\
        .workbook-overlay-box{position:relative;max-width:60rem;margin:0 auto;background:#fff;color:#1a1a1a;\
        border-top:4px solid #c62828;border-radius:6px;padding:1rem 1.25rem;box-shadow:0 8px 30px rgba(0,0,0,.35)}\
        .workbook-overlay-title{font-weight:600;margin:0 2rem .75rem 0}\
        .workbook-overlay-close{position:absolute;top:.5rem;right:.6rem;border:0;background:none;font-size:1.4rem;\
        cursor:pointer;color:inherit}\
        .workbook-problem{border-top:1px solid #ddd;padding-top:.5rem;margin-top:.5rem}\
        .workbook-problem p{margin:.25rem 0}\
        .workbook-location{color:#c62828;font-weight:600}\
        .workbook-problem pre{background:#f4f4f4;color:#1a1a1a;padding:.5rem .75rem;overflow:auto;font-size:13px;\
        white-space:pre;margin:.25rem 0}\
        .workbook-badge{position:fixed;right:1rem;bottom:1rem;z-index:2147482000;background:#fff8e1;color:#5d4200;\
        border:1px solid #e0c060;border-radius:4px;padding:.35rem .7rem;font:13px/1.4 system-ui,sans-serif;\
        box-shadow:0 2px 8px rgba(0,0,0,.15)}\
        @media (prefers-color-scheme: dark){.workbook-overlay-box{background:#1e1e1e;color:#eee}\
        .workbook-problem pre{background:#2a2a2a;color:#eee}.workbook-problem{border-color:#444}\
        .workbook-badge{background:#3a3000;color:#ffe08a;border-color:#806a20}}\
        @media print{.workbook-overlay,.workbook-badge{display:none}}
        """
}
