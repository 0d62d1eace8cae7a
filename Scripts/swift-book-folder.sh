#!/usr/bin/env bash
# Prints the folder of a checkout of The Swift Programming Language (swiftlang/swift-book) at
# BOOK_COMMIT: the folder given as the first argument, else a clone kept in
# ~/.cache/workbook-swift-book (made on first use). Used by the scripts that check the book.
#
#   book=$(Scripts/swift-book-folder.sh [BOOK_FOLDER])
set -euo pipefail
BOOK_COMMIT=${BOOK_COMMIT:-29329996c4ec537de0b16e70609e2a6c4ecc2af7}
book=${1:-}
if [ -z "$book" ]; then
    book=${XDG_CACHE_HOME:-$HOME/.cache}/workbook-swift-book
    if [ ! -d "$book/.git" ]; then
        git clone --quiet https://github.com/swiftlang/swift-book "$book" >&2
    fi
    git -C "$book" checkout --quiet "$BOOK_COMMIT"
fi
echo "$book"
