# The two set-up commands of the README: `make site` and `make test`.
# Both install what is missing (Debian packages), build, and are idempotent.

SWIFT        ?= swift
BIN_DIR       = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
WORKBOOK      = $(BIN_DIR)/workbook
# Debian packages the project needs: cmark-gfm (library and command-line tool),
# KaTeX (copied into the site), tidy (HTML check), chromium (browser test and serve benchmark), hyperfine (benchmarks).
BUILD_PACKAGES = pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libjs-katex fonts-katex
TEST_PACKAGES  = $(BUILD_PACKAGES) cmark-gfm tidy chromium
BENCH_PACKAGES = $(BUILD_PACKAGES) cmark-gfm hyperfine chromium

.PHONY: site test build deps-build deps-test deps-bench bench clean

site: deps-build build
	$(WORKBOOK) build

test: deps-test build
	$(SWIFT) test
	$(WORKBOOK) check
	Tests/browser/run-browser-test.sh $(WORKBOOK)
	Tests/browser/run-browser-test.sh $(WORKBOOK) .

build:
	$(SWIFT) build

bench: deps-bench
	$(SWIFT) build -c release
	Benchmarks/run-all.sh

deps-build:
	@Scripts/install-debian-packages.sh $(BUILD_PACKAGES)

deps-test:
	@Scripts/install-debian-packages.sh $(TEST_PACKAGES)

deps-bench:
	@Scripts/install-debian-packages.sh $(BENCH_PACKAGES)

clean:
	rm -rf .build site .workbook-cache
