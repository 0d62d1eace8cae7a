#ifndef WORKBOOK_SHA256_H
#define WORKBOOK_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// An incremental SHA-256 (FIPS 180-4): the hash of workbook's cache keys and checksums.
typedef struct workbook_sha256 {
  uint32_t state[8];
  uint64_t length;        // bytes added so far
  uint8_t pending[64];    // bytes waiting for a whole block
  size_t pending_count;
} workbook_sha256;

void workbook_sha256_init(workbook_sha256 *context);
void workbook_sha256_update(workbook_sha256 *context, const void *bytes, size_t count);
/// Writes the 32-byte digest of everything added; `context` is left finished.
void workbook_sha256_final(workbook_sha256 *context, uint8_t digest[32]);

#endif
