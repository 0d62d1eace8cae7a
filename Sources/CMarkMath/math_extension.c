#include "CMarkMath.h"
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// cmark-gfm 0.29's chunk (chunk.h is not installed): the text the inline parser works on.
struct cmark_chunk {
  unsigned char *data;
  bufsize_t len;
  bufsize_t alloc;
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static cmark_syntax_extension *math_extension;
static cmark_syntax_extension *placeholder_extension;

// A node's position and flags, packed into its user data (no allocation to free):
// line in bits 32…, column in bits 8…31, flags in bits 0…7.
enum { FLAG_DISPLAY = 1, FLAG_BACKTICKS = 2, FLAG_UNTERMINATED = 4 };

static void *pack(int line, int column, int flags) {
  uintptr_t value = ((uintptr_t)(uint32_t)line << 32) | ((uintptr_t)(column & 0xFFFFFF) << 8) | (uintptr_t)(flags & 0xFF);
  return (void *)value;
}

static uintptr_t unpacked(cmark_node *node) { return (uintptr_t)cmark_node_get_user_data(node); }

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// The line and column of `offset` in the chunk of a block that starts at `block`'s position:
/// lines are counted in the chunk; a column after a line break counts from that break (the
/// continuation line's indentation and container markers are not part of the chunk).
static void locate(cmark_node *parent, const struct cmark_chunk *chunk, int offset, int *line, int *column) {
  cmark_node *block = parent;
  while (block && cmark_node_get_start_line(block) <= 0) block = cmark_node_parent(block);
  int start_line = block ? cmark_node_get_start_line(block) : 1;
  int start_column = block ? cmark_node_get_start_column(block) : 1;
  int breaks = 0, last_break = -1;
  for (int i = 0; i < offset && i < chunk->len; i++) {
    if (chunk->data[i] == '\n') { breaks++; last_break = i; }
  }
  *line = start_line + breaks;
  *column = breaks == 0 ? start_column + offset : offset - last_break;
}

/// A math or placeholder node: a code node (a type every inline container accepts, GFM table
/// cells included, and that no other extension rewrites) owned by `extension`, its literal the
/// TeX or the name.
static cmark_node *make_node(cmark_syntax_extension *extension, cmark_node *parent,
                             const struct cmark_chunk *chunk, int start, int content_start, int content_end, int flags) {
  cmark_node *node = cmark_node_new_with_mem(CMARK_NODE_CODE, cmark_get_default_mem_allocator());
  if (!node) return NULL;
  cmark_node_set_syntax_extension(node, extension);
  size_t length = (size_t)(content_end - content_start);
  char *text = malloc(length + 1);
  if (!text) { cmark_node_free(node); return NULL; }
  memcpy(text, chunk->data + content_start, length);
  text[length] = 0;
  cmark_node_set_literal(node, text);
  free(text);
  int line, column;
  locate(parent, chunk, start, &line, &column);
  cmark_node_set_user_data(node, pack(line, column, flags));
  return node;
}

/// After `\text`, a balanced `{…}` group starting at `index` (which may hold `$`); the index
/// after it, or `index` when there is none.
static int skip_text_group(const struct cmark_chunk *chunk, int index) {
  if (index >= chunk->len || chunk->data[index] != '{') return index;
  int depth = 0;
  for (int i = index; i < chunk->len; i++) {
    unsigned char c = chunk->data[i];
    if (c == '\\') { i++; continue; }
    if (c == '{') depth++;
    if (c == '}' && --depth == 0) return i + 1;
  }
  return index;
}

/// Inline math after the `$` at `start` (pandoc's `tex_math_dollars`): the opening `$` is
/// followed by a non-space; the first unescaped `$` closes, and must follow a non-space and not
/// precede a digit, otherwise there is no math. Returns the closing `$`'s index or -1.
static int closing_inline_dollar(const struct cmark_chunk *chunk, int start) {
  int index = start + 1;
  if (index >= chunk->len || is_space(chunk->data[index])) return -1;
  while (index < chunk->len) {
    unsigned char c = chunk->data[index];
    if (c == '\\') {
      if (index + 5 <= chunk->len && memcmp(chunk->data + index + 1, "text", 4) == 0) {
        int after = skip_text_group(chunk, index + 5);
        if (after > index + 5) { index = after; continue; }
      }
      index += 2;
      continue;
    }
    if (c == '$') {
      if (is_space(chunk->data[index - 1])) return -1;
      if (index + 1 < chunk->len && chunk->data[index + 1] >= '0' && chunk->data[index + 1] <= '9') return -1;
      return index;
    }
    index++;
  }
  return -1;
}

/// Display math after the `$$` at `start`: everything up to the next `$$`, at least one byte.
static int closing_display_dollars(const struct cmark_chunk *chunk, int start) {
  for (int index = start + 3; index + 1 < chunk->len; index++) {
    if (chunk->data[index] == '$' && chunk->data[index + 1] == '$') return index;
  }
  return -1;
}

static cmark_node *match_math(cmark_syntax_extension *extension, cmark_parser *parser, cmark_node *parent,
                              unsigned char character, cmark_inline_parser *inline_parser) {
  (void)parser;
  if (character != '$') return NULL;
  const struct cmark_chunk *chunk = cmark_inline_parser_get_chunk(inline_parser);
  int start = cmark_inline_parser_get_offset(inline_parser);
  if (start + 1 >= chunk->len) return NULL;
  unsigned char next = chunk->data[start + 1];
  if (next == '`') {
    // GitHub's $`…`$: a backtick run, the TeX, the same run, then `$`.
    int run = 0;
    while (start + 1 + run < chunk->len && chunk->data[start + 1 + run] == '`') run++;
    int content = start + 1 + run;
    for (int index = content; index < chunk->len; index++) {
      if (chunk->data[index] != '`') continue;
      int close = 0;
      while (index + close < chunk->len && chunk->data[index + close] == '`') close++;
      if (close == run && index + close < chunk->len && chunk->data[index + close] == '$' && index > content) {
        cmark_node *node = make_node(extension, parent, chunk, start, content, index, FLAG_BACKTICKS);
        cmark_inline_parser_set_offset(inline_parser, index + close + 1);
        return node;
      }
      index += close - 1;
    }
    return NULL;
  }
  if (next == '$') {
    int close = closing_display_dollars(chunk, start);
    if (close < 0) {
      // An unmatched `$$` is two literal dollars (not an opening `$` followed by a `$`).
      cmark_node *text = cmark_node_new_with_mem(CMARK_NODE_TEXT, cmark_get_default_mem_allocator());
      cmark_node_set_literal(text, "$$");
      cmark_inline_parser_set_offset(inline_parser, start + 2);
      return text;
    }
    cmark_node *node = make_node(extension, parent, chunk, start, start + 2, close, FLAG_DISPLAY);
    cmark_inline_parser_set_offset(inline_parser, close + 2);
    return node;
  }
  int close = closing_inline_dollar(chunk, start);
  if (close < 0) return NULL;
  cmark_node *node = make_node(extension, parent, chunk, start, start + 1, close, 0);
  cmark_inline_parser_set_offset(inline_parser, close + 1);
  return node;
}

static cmark_node *match_placeholder(cmark_syntax_extension *extension, cmark_parser *parser, cmark_node *parent,
                                     unsigned char character, cmark_inline_parser *inline_parser) {
  (void)parser;
  if (character != '{') return NULL;
  const struct cmark_chunk *chunk = cmark_inline_parser_get_chunk(inline_parser);
  int start = cmark_inline_parser_get_offset(inline_parser);
  if (start + 1 >= chunk->len || chunk->data[start + 1] != '{') return NULL;
  for (int index = start + 2; index < chunk->len && chunk->data[index] != '\n'; index++) {
    if (chunk->data[index] == '}' && index + 1 < chunk->len && chunk->data[index + 1] == '}') {
      cmark_node *node = make_node(extension, parent, chunk, start, start + 2, index, 0);
      cmark_inline_parser_set_offset(inline_parser, index + 2);
      return node;
    }
  }
  cmark_node *node = make_node(extension, parent, chunk, start, start + 2, start + 2, FLAG_UNTERMINATED);
  cmark_inline_parser_set_offset(inline_parser, start + 2);
  return node;
}

// cmark-gfm 0.29's HTML renderer (html.h is not installed): its first member is the output buffer,
// which the library's exported `cmark_strbuf_puts` and `houdini_escape_html0` write to.
struct cmark_html_renderer {
  void *html;
};
void cmark_strbuf_puts(void *buffer, const char *string);
int houdini_escape_html0(void *buffer, const uint8_t *source, bufsize_t size, int secure);

/// A math node left in the tree renders as an element holding its TeX, HTML-escaped:
/// `<span class="math inline">\(…\)</span>` or `<span class="math display">\[…\]</span>`.
static void render_math(cmark_syntax_extension *extension, struct cmark_html_renderer *renderer,
                        cmark_node *node, cmark_event_type event, int options) {
  (void)extension; (void)options;
  if (event != CMARK_EVENT_ENTER) return;
  int display = workbook_math_is_display(node);
  const char *tex = workbook_node_text(node);
  cmark_strbuf_puts(renderer->html, display ? "<span class=\"math display\">\\[" : "<span class=\"math inline\">\\(");
  houdini_escape_html0(renderer->html, (const uint8_t *)tex, (bufsize_t)strlen(tex), 0);
  cmark_strbuf_puts(renderer->html, display ? "\\]</span>" : "\\)</span>");
}

static void setup(void) {
  math_extension = cmark_syntax_extension_new("workbook-math");
  cmark_llist *dollar = cmark_llist_append(cmark_get_default_mem_allocator(), NULL, (void *)'$');
  cmark_syntax_extension_set_special_inline_chars(math_extension, dollar);
  cmark_syntax_extension_set_match_inline_func(math_extension, match_math);
  cmark_syntax_extension_set_html_render_func(math_extension, render_math);

  placeholder_extension = cmark_syntax_extension_new("workbook-placeholders");
  cmark_llist *brace = cmark_llist_append(cmark_get_default_mem_allocator(), NULL, (void *)'{');
  cmark_syntax_extension_set_special_inline_chars(placeholder_extension, brace);
  cmark_syntax_extension_set_match_inline_func(placeholder_extension, match_placeholder);
}

cmark_syntax_extension *workbook_math_extension(void) { pthread_once(&once, setup); return math_extension; }
cmark_syntax_extension *workbook_placeholder_extension(void) { pthread_once(&once, setup); return placeholder_extension; }
int workbook_is_math(cmark_node *node) {
  return cmark_node_get_type(node) == CMARK_NODE_CODE && cmark_node_get_syntax_extension(node) == workbook_math_extension();
}
int workbook_is_placeholder(cmark_node *node) {
  return cmark_node_get_type(node) == CMARK_NODE_CODE && cmark_node_get_syntax_extension(node) == workbook_placeholder_extension();
}

const char *workbook_node_text(cmark_node *node) {
  const char *text = cmark_node_get_literal(node);
  return text ? text : "";
}
int workbook_math_is_display(cmark_node *node) { return (unpacked(node) & FLAG_DISPLAY) != 0; }
int workbook_math_delimiter(cmark_node *node) {
  uintptr_t flags = unpacked(node);
  return (flags & FLAG_DISPLAY) ? 1 : (flags & FLAG_BACKTICKS) ? 2 : 0;
}
int workbook_placeholder_is_unterminated(cmark_node *node) { return (unpacked(node) & FLAG_UNTERMINATED) != 0; }
int workbook_node_line(cmark_node *node) { return (int)(unpacked(node) >> 32); }
int workbook_node_column(cmark_node *node) { return (int)((unpacked(node) >> 8) & 0xFFFFFF); }

cmark_node **workbook_collect_nodes(cmark_node *root, size_t *count) {
  size_t capacity = 256, used = 0;
  cmark_node **nodes = malloc(capacity * sizeof(cmark_node *));
  cmark_iter *iter = cmark_iter_new(root);
  cmark_event_type event;
  while (nodes && (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node *node = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_HEADING: case CMARK_NODE_BLOCK_QUOTE: case CMARK_NODE_CODE_BLOCK: case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_LINK: case CMARK_NODE_IMAGE: case CMARK_NODE_CODE:
      break;
    default:
      continue;
    }
    if (cmark_node_get_type(node) == CMARK_NODE_CODE && cmark_node_get_syntax_extension(node) == NULL) continue;
    if (used == capacity) {
      capacity *= 2;
      cmark_node **grown = realloc(nodes, capacity * sizeof(cmark_node *));
      if (!grown) { free(nodes); nodes = NULL; break; }
      nodes = grown;
    }
    nodes[used++] = node;
  }
  cmark_iter_free(iter);
  *count = nodes ? used : 0;
  return nodes;
}
