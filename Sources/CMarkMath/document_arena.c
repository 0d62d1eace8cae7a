#include "DocumentArena.h"
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

// Every block starts with a header naming its arena (NULL: a plain C library block) and its
// usable size. Small blocks are carved from chunks; a large block is its own C library block,
// linked into its arena's list so the arena can free it (and `realloc` can move it).
typedef struct header {
  struct workbook_arena *arena;
  size_t size; // usable bytes; LARGE set for a block of its own
} header;

typedef struct large_block {
  struct large_block *previous, *next;
  header header;
} large_block;

// Chunks are mapped memory, zero when fresh: `clean` marks where the bytes never handed out
// begin, so `calloc` only clears memory a rolled-back `free` gave back.
typedef struct chunk {
  struct chunk *previous;
  size_t capacity, used, clean, mapped;
  _Alignas(16) unsigned char data[];
} chunk;

struct workbook_arena {
  chunk *chunk;
  large_block *large;
  size_t reserved;
  struct workbook_arena *outer;
};

// Chunks double from 64 KiB (a small page costs little) to 4 MiB; chunks of 2 MiB and more are
// aligned to, and asked for, transparent huge pages: a large document's tree then takes far
// fewer page faults and TLB misses when cmark-gfm walks it (several walks per rendering).
enum { ALIGNMENT = 16, FIRST_CHUNK_BYTES = 1 << 16, LAST_CHUNK_BYTES = 1 << 22, HUGE_PAGE_BYTES = 1 << 21,
       LARGE_BYTES = 1 << 16 };
static const size_t LARGE = (size_t)1 << (sizeof(size_t) * 8 - 1);

_Static_assert(sizeof(header) == ALIGNMENT, "a header keeps blocks aligned");
_Static_assert(sizeof(large_block) % ALIGNMENT == 0, "a large block's data stays aligned");

static _Thread_local workbook_arena *current;

static size_t rounded(size_t size) { return (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1); }
static header *header_of(void *block) { return (header *)block - 1; }
static large_block *large_of(header *h) { return (large_block *)((unsigned char *)h - offsetof(large_block, header)); }

static void *fail(void) {
  // cmark-gfm's own allocator aborts too: the parser cannot recover from a failed allocation.
  abort();
}

static void *large_allocate(workbook_arena *arena, size_t size) {
  large_block *block = malloc(sizeof(large_block) + size);
  if (!block) return fail();
  block->header.arena = arena;
  block->header.size = size | LARGE;
  block->previous = NULL;
  block->next = NULL;
  if (arena) {
    block->next = arena->large;
    if (arena->large) arena->large->previous = block;
    arena->large = block;
    arena->reserved += sizeof(large_block) + size;
  }
  return &block->header + 1;
}

static void large_release(large_block *block) {
  workbook_arena *arena = block->header.arena;
  if (arena) {
    if (block->previous) block->previous->next = block->next; else arena->large = block->next;
    if (block->next) block->next->previous = block->previous;
  }
  free(block);
}

/// A fresh (zero) chunk of `bytes` in all, mapped; huge-page aligned when that large.
static chunk *map_chunk(size_t bytes) {
  size_t slack = bytes >= HUGE_PAGE_BYTES ? HUGE_PAGE_BYTES : 0;
  unsigned char *start = mmap(NULL, bytes + slack, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (start == MAP_FAILED) return fail();
  if (slack) {
    uintptr_t aligned = ((uintptr_t)start + HUGE_PAGE_BYTES - 1) & ~(uintptr_t)(HUGE_PAGE_BYTES - 1);
    size_t before = aligned - (uintptr_t)start;
    if (before) munmap(start, before);
    if (slack - before) munmap((unsigned char *)aligned + bytes, slack - before);
    start = (unsigned char *)aligned;
#ifdef MADV_HUGEPAGE
    madvise(start, bytes, MADV_HUGEPAGE);
#endif
  }
  chunk *c = (chunk *)start;
  c->mapped = bytes;
  c->capacity = bytes - sizeof(chunk);
  return c;
}

/// A block of `size` bytes from `arena`'s chunks (or of its own when large), zeroed when `zero`.
static void *allocate(workbook_arena *arena, size_t size, int zero) {
  if (!arena || size >= LARGE_BYTES) {
    void *block = large_allocate(arena, size);
    if (zero) memset(block, 0, size);
    return block;
  }
  size_t needed = sizeof(header) + rounded(size);
  chunk *c = arena->chunk;
  if (!c || c->capacity - c->used < needed) {
    size_t bytes = c ? c->mapped * 2 : FIRST_CHUNK_BYTES;
    if (bytes > LAST_CHUNK_BYTES) bytes = LAST_CHUNK_BYTES;
    while (bytes - sizeof(chunk) < needed) bytes *= 2;
    chunk *fresh = map_chunk(bytes);
    fresh->previous = c;
    arena->chunk = c = fresh;
    arena->reserved += bytes;
  }
  header *h = (header *)(c->data + c->used);
  size_t start = c->used + sizeof(header);
  c->used += needed;
  if (zero && start < c->clean) memset(c->data + start, 0, (c->clean < c->used ? c->clean : c->used) - start);
  if (c->used > c->clean) c->clean = c->used;
  h->arena = arena;
  h->size = rounded(size);
  return h + 1;
}

/// Whether `h` is the last block carved from its arena's current chunk (it can grow or shrink
/// in place).
static int is_last(header *h) {
  chunk *c = h->arena->chunk;
  return (unsigned char *)(h + 1) + h->size == c->data + c->used;
}

static void *arena_calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) return fail();
  return allocate(current, count * size, 1);
}

static void *arena_realloc(void *block, size_t size) {
  if (!block) return allocate(current, size, 0);
  header *h = header_of(block);
  if (h->size & LARGE) {
    large_block *old = large_of(h);
    workbook_arena *arena = h->arena;
    size_t old_size = h->size & ~LARGE;
    large_block *moved = realloc(old, sizeof(large_block) + size);
    if (!moved) return fail();
    moved->header.size = size | LARGE;
    if (arena) {
      arena->reserved += size - old_size;
      if (moved->previous) moved->previous->next = moved; else arena->large = moved;
      if (moved->next) moved->next->previous = moved;
    }
    return &moved->header + 1;
  }
  if (size <= h->size) return block;
  workbook_arena *arena = h->arena;
  if (size < LARGE_BYTES && is_last(h)) {
    chunk *c = arena->chunk;
    size_t grown = rounded(size);
    if (c->capacity - c->used >= grown - h->size) {
      c->used += grown - h->size;
      if (c->used > c->clean) c->clean = c->used;
      h->size = grown;
      return block;
    }
  }
  void *moved = allocate(arena, size, 0);
  memcpy(moved, block, h->size);
  return moved;
}

static void arena_free(void *block) {
  if (!block) return;
  header *h = header_of(block);
  if (h->size & LARGE) {
    large_release(large_of(h));
  } else if (is_last(h)) {
    h->arena->chunk->used -= sizeof(header) + h->size;
  }
  // Any other small block waits for its arena.
}

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

cmark_mem *workbook_arena_allocator(void) { return &allocator; }

workbook_arena *workbook_arena_new(void) {
  workbook_arena *arena = calloc(1, sizeof(workbook_arena));
  if (!arena) return fail();
  arena->outer = current;
  current = arena;
  return arena;
}

void workbook_arena_use(workbook_arena *arena) { current = arena; }

void workbook_arena_free(workbook_arena *arena) {
  if (!arena) return;
  // Out of the thread's chain of arenas, wherever it stands in it.
  for (workbook_arena **link = &current; *link; link = &(*link)->outer) {
    if (*link == arena) { *link = arena->outer; break; }
  }
  for (chunk *c = arena->chunk; c;) {
    chunk *previous = c->previous;
    munmap(c, c->mapped);
    c = previous;
  }
  for (large_block *block = arena->large; block;) {
    large_block *next = block->next;
    free(block);
    block = next;
  }
  free(arena);
}

size_t workbook_arena_reserved(workbook_arena *arena) { return arena ? arena->reserved : 0; }
