#ifndef WORKBOOK_DOCUMENT_ARENA_H
#define WORKBOOK_DOCUMENT_ARENA_H
#include <cmark-gfm.h>

/// A region allocator for one cmark-gfm document: its parser, nodes, text buffers and rendered
/// HTML come from a few large chunks, `free` of a single block does (almost) nothing, and the
/// whole document goes at once with `workbook_arena_free`, instead of one `free` per node and
/// buffer.
///
/// cmark's allocator functions take no context, so `calloc` takes the calling thread's *current*
/// arena: a new arena becomes current, `workbook_arena_use` makes one current again, and freeing
/// an arena restores the one that was current when it was made. `realloc` and `free` find a
/// block's arena in the block itself, so they are right whichever arena is current. With no
/// current arena, blocks come from the C library.
typedef struct workbook_arena workbook_arena;

workbook_arena *workbook_arena_new(void);
/// Makes `arena` the calling thread's current arena.
void workbook_arena_use(workbook_arena *arena);
/// Frees every block of `arena` at once (pointers into it are invalid afterwards).
void workbook_arena_free(workbook_arena *arena);
/// The allocator to give cmark-gfm (`cmark_parser_new_with_mem`, `cmark_node_new_with_mem`).
cmark_mem *workbook_arena_allocator(void);
/// Bytes the arena took from the C library so far (chunks and large blocks).
size_t workbook_arena_reserved(workbook_arena *arena);

#endif
