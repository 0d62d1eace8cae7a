#ifndef WORKBOOK_CMARK_MATH_H
#define WORKBOOK_CMARK_MATH_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

/// Two cmark-gfm inline syntax extensions, parsed by cmark-gfm itself (so they never reach code,
/// raw HTML, autolinks or link destinations, and never cross a block boundary):
///
/// - "workbook-math": `$tex$` (pandoc's `tex_math_dollars` rules), `$$tex$$`, and GitHub's
///   `` $`tex`$ ``.
/// - "workbook-placeholders": `{{NAME}}` on one line; a `{{` with no `}}` on its line too,
///   marked unterminated.
///
/// Each becomes a code node owned by its extension (code nodes are accepted by every inline
/// container, GFM table cells included), its literal the TeX or the placeholder's name. A math
/// node left in the tree renders as `<span class="math inline">\(TeX\)</span>` (or `display`,
/// `\[TeX\]`); the site replaces placeholders, and math it has typeset, before rendering.
cmark_syntax_extension *workbook_math_extension(void);
cmark_syntax_extension *workbook_placeholder_extension(void);
int workbook_is_math(cmark_node *node);
int workbook_is_placeholder(cmark_node *node);

/// The TeX of a math node or the name of a placeholder node.
const char *workbook_node_text(cmark_node *node);
/// 1 for `$$…$$`, 0 for inline math.
int workbook_math_is_display(cmark_node *node);
/// The delimiter as written: 0 `$…$`, 1 `$$…$$`, 2 `` $`…`$ ``.
int workbook_math_delimiter(cmark_node *node);
/// 1 for a `{{` with no closing `}}` on its line.
int workbook_placeholder_is_unterminated(cmark_node *node);
/// The 1-based line and column where the node's opening delimiter starts in the parsed text.
int workbook_node_line(cmark_node *node);
int workbook_node_column(cmark_node *node);

/// The nodes a renderer acts on, in document order: headings, block quotes, code and HTML
/// blocks, links, images, math and placeholders; `*count` of them. Free the array with `free`.
cmark_node **workbook_collect_nodes(cmark_node *root, size_t *count);

#endif
