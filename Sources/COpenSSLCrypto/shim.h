#ifndef WORKBOOK_OPENSSL_CRYPTO_SHIM_H
#define WORKBOOK_OPENSSL_CRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
