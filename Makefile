# The two set-up commands of the README: `make site` and `make test`.
# Both install what is missing (Debian packages), build, and are idempotent.
# `make install` puts `workbook` on the PATH (PREFIX, default /usr/local; DESTDIR honoured).

SWIFT        ?= swift
BIN_DIR       = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
WORKBOOK      = $(BIN_DIR)/workbook
PREFIX       ?= /usr/local
# The configuration `make install` builds (debug only to test the install quickly).
CONFIGURATION ?= release
# A release build links the Swift runtime and Foundation statically: the installed program
# starts about 4 ms sooner (no shared Swift libraries to load) and needs none at run time.
STATIC_FLAGS  = $(if $(filter release,$(CONFIGURATION)),--static-swift-stdlib,)
RELEASE_DIR   = $(shell $(SWIFT) build -c $(CONFIGURATION) $(STATIC_FLAGS) --show-bin-path 2>/dev/null)
# The installed program is one file: the site theme is compiled into it.
# Debian packages the project needs: cmark-gfm (library and command-line tool), OpenSSL's
# libcrypto (SHA-256 of the cache keys), libcurl (linked for FoundationNetworking, which the
# HTTP server library imports),
# KaTeX run under Node.js when the site is built (its style sheet and fonts copied into the site),
# tidy (HTML check), chromium (browser test and serve benchmark), hyperfine (benchmarks),
# python3-venv (the benchmarks' MkDocs peer, installed from PyPI into a virtualenv).
BUILD_PACKAGES = pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libssl-dev libcurl4-openssl-dev libjs-katex fonts-katex nodejs
TEST_PACKAGES  = $(BUILD_PACKAGES) cmark-gfm tidy chromium
BENCH_PACKAGES = $(BUILD_PACKAGES) cmark-gfm hyperfine python3-venv chromium

.PHONY: fuzz site test test-install build install uninstall deps-build deps-test deps-bench bench clean

site: deps-build build
	$(WORKBOOK) build

# The end-to-end suite runs twice: with the accelerators (inside `swift test`) and with
# `WORKBOOK_PLAIN_SWIFTC=1`, which turns every one of them off; both must pass alike.
test: deps-test build
	$(SWIFT) test
	WORKBOOK_PLAIN_SWIFTC=1 $(SWIFT) test --skip-build --filter WorkbookEndToEndTests
	$(WORKBOOK) check
	Tests/browser/run-browser-test.sh $(WORKBOOK)
	Tests/browser/run-browser-test.sh $(WORKBOOK) .

# Only the tool: the site needs neither the fuzzer nor the benchmarks (`swift test` builds the
# rest for `make test`).
build:
	$(SWIFT) build --product workbook

install: deps-build
	$(SWIFT) build -c $(CONFIGURATION) $(STATIC_FLAGS) --product workbook
	install -D -m 755 $(RELEASE_DIR)/workbook $(DESTDIR)$(PREFIX)/bin/workbook

# Installs into a temporary PREFIX and runs the installed binary with the build folder moved away.
test-install:
	Tests/install/run-install-test.sh $(CONFIGURATION)

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/workbook

bench: deps-bench
	$(SWIFT) build -c release --static-swift-stdlib
	Benchmarks/run-all.sh

deps-build:
	@Scripts/install-debian-packages.sh $(BUILD_PACKAGES)

deps-test:
	@Scripts/install-debian-packages.sh $(TEST_PACKAGES)

deps-bench:
	@Scripts/install-debian-packages.sh $(BENCH_PACKAGES)

clean:
	rm -rf .build site .workbook-cache

# `make fuzz`: chapter, config and page parsing under libFuzzer for FUZZ_SECONDS (not part of
# `make test`). FUZZ_DRIVER=seeded uses the seeded random-input driver instead.
FUZZ_SECONDS ?= 600
fuzz: deps-build
ifeq ($(FUZZ_DRIVER),seeded)
	$(SWIFT) build --product workbook-fuzz
	SWIFT_BACKTRACE=enable=no $(BIN_DIR)/workbook-fuzz --seconds $(FUZZ_SECONDS) --keep .build/fuzz-current-input Fuzz/Corpus
else
	$(SWIFT) build --build-path .build-fuzz --product workbook-fuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING
	mkdir -p .build-fuzz/corpus
	SWIFT_BACKTRACE=enable=no .build-fuzz/debug/workbook-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -artifact_prefix=.build-fuzz/ .build-fuzz/corpus Fuzz/Corpus
endif
