"""workbook against MkDocs + markdown-exec on the same four-chapter book (18 code blocks).

Usage: peer_bench.py WORKBOOK MKDOCS BOOK [--pairs N] [--warmup N] [--baseline WORKBOOK]

WORKBOOK and MKDOCS are the two executables; BOOK is the folder holding `workbook/`,
`mkdocs/` and `edit-const.sh` (Benchmarks/peer-book). Both books are copied to a temporary
folder first. For every scenario, after the warm-up pairs, each of the timed pairs runs the
two builders one after the other (workbook first in even pairs, MkDocs first in odd ones, so
a drift of the machine's load weighs on both); the ratio workbook / MkDocs is taken pair by
pair and its median reported, beside each builder's median time and peak memory.
"""

import argparse
import os
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import markdown_table, median, memory_text, run_step, seconds_text, timed_run  # noqa: E402


class Builder:
    """One side of the comparison: how to build, how to reset, how to edit one block."""

    def __init__(self, name, folder, build, build_without_cache, clean, chapter, env):
        self.name = name
        self.folder = folder
        self.build = build
        self.build_without_cache = build_without_cache
        self.clean = clean
        self.chapter = chapter
        self.env = env


class Scenario:
    def __init__(self, name, goal, prepare, command):
        self.name = name
        self.goal = goal
        self.prepare = prepare   # builder -> None, untimed
        self.command = command   # builder -> argv, timed


def workbook_builder(name, workbook, book, scratch, folder):
    """A workbook builder on its own copy of the book, with its own cache and toolchain facts
    (kept in the scratch folder, not the user's, and kept across its runs like a user's, but
    removed with the cache for a cold build: no stored result or fact stands in for work a cold
    build must do; the Swift compiler's own module cache stays, as Python's bytecode does)."""
    root = os.path.join(scratch, folder)
    shutil.copytree(os.path.join(book, "workbook"), root)
    toolchains = os.path.join(scratch, folder + "-toolchains")
    env = dict(os.environ, WORKBOOK_CACHE_DIR=os.path.join(root, ".workbook-cache"),
               WORKBOOK_TOOLCHAIN_CACHE=toolchains)
    build = [workbook, "build", "--root", root, "--date", "1996-05-12"]
    return Builder(name, root, build, build + ["--no-cache"],
                   [".workbook-cache", "site", toolchains], "chapters/01-bn-test-time.md", env)


def make_builders(workbook, mkdocs, book, scratch, baseline=None):
    """The builders: workbook, MkDocs, and with `baseline` a second workbook binary after them."""
    shutil.copytree(os.path.join(book, "mkdocs"), os.path.join(scratch, "mkdocs"))
    mkdocs_root = os.path.join(scratch, "mkdocs")
    builders = [
        workbook_builder("workbook", workbook, book, scratch, "workbook"),
        Builder("MkDocs + markdown-exec", mkdocs_root, [mkdocs, "build", "--quiet"],
                [mkdocs, "build", "--quiet"], ["site"], "docs/chapters/01-bn-test-time.md", dict(os.environ)),
    ]
    if baseline:
        builders.append(workbook_builder("baseline workbook", baseline, book, scratch, "baseline"))
    return builders


def make_scenarios(edit_script):
    def nothing(builder):
        pass

    def remove_outputs(builder):
        for name in builder.clean:
            shutil.rmtree(os.path.join(builder.folder, name), ignore_errors=True)

    def edit_one_block(builder):
        run_step([edit_script, builder.chapter], cwd=builder.folder)

    return [
        Scenario("cold (cache and output removed)", "1.2", remove_outputs, lambda b: b.build),
        Scenario("warm, nothing changed", "0.1", nothing, lambda b: b.build),
        Scenario("one code block edited, then build", "0.6", edit_one_block, lambda b: b.build),
        Scenario("every block executed again (`--no-cache`)", "1.2", nothing, lambda b: b.build_without_cache),
    ]


def measure(scenario, builders, pairs, warmup):
    """Each builder's runs and the per-pair ratios of the first builder, and of the third if
    any, to the second."""
    runs = {builder.name: [] for builder in builders}
    ratios = []
    baseline_ratios = []
    for pair in range(warmup + pairs):
        order = builders if pair % 2 == 0 else list(reversed(builders))
        seconds = {}
        for builder in order:
            scenario.prepare(builder)
            run = timed_run(scenario.command(builder), cwd=builder.folder, env=builder.env)
            seconds[builder.name] = run.seconds
            if pair >= warmup:
                runs[builder.name].append(run)
        if pair >= warmup:
            ratios.append(seconds[builders[0].name] / seconds[builders[1].name])
            if len(builders) > 2:
                baseline_ratios.append(seconds[builders[2].name] / seconds[builders[1].name])
    return runs, ratios, baseline_ratios


def check_site(builder):
    index = os.path.join(builder.folder, "site", "index.html")
    if not os.path.isfile(index):
        raise SystemExit(f"{builder.name} wrote no {index}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workbook")
    parser.add_argument("mkdocs")
    parser.add_argument("book")
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--baseline", help="another workbook executable, measured in the same pairs")
    arguments = parser.parse_args()
    edit_script = os.path.join(os.path.abspath(arguments.book), "edit-const.sh")

    rows = []
    with tempfile.TemporaryDirectory(prefix="peer-bench.") as scratch:
        builders = make_builders(os.path.abspath(arguments.workbook), os.path.abspath(arguments.mkdocs),
                                 os.path.abspath(arguments.book), scratch,
                                 os.path.abspath(arguments.baseline) if arguments.baseline else None)
        for scenario in make_scenarios(edit_script):
            print(f"  {scenario.name}: {arguments.warmup} warm-up + {arguments.pairs} pairs ...",
                  file=sys.stderr, flush=True)
            runs, ratios, baseline_ratios = measure(scenario, builders, arguments.pairs, arguments.warmup)
            for builder in builders:
                check_site(builder)
            cells = [scenario.name]
            for builder in builders:
                times = runs[builder.name]
                cells.append(f"{seconds_text(median([r.seconds for r in times]))} "
                             f"({memory_text(max(r.max_rss_kib for r in times))})")
            cells.append(f"{median(ratios):.2f}")
            cells.append(f"{min(ratios):.2f}–{max(ratios):.2f}")
            cells.append(f"≤ {scenario.goal}")
            if baseline_ratios:
                cells.append(f"{median(baseline_ratios):.2f}")
            rows.append(cells)
    header = ["scenario"] + [f"{b.name} (peak RSS)" for b in builders] + ["ratio", "ratio range", "goal"]
    if arguments.baseline:
        header.append("baseline ratio")
    print(markdown_table(header, rows))
    print(f"\nMedians of {arguments.pairs} alternated pairs after {arguments.warmup} warm-up pair(s); "
          "ratio = median of the per-pair ratios workbook / MkDocs; peak RSS = the largest "
          "process of any timed run.")


if __name__ == "__main__":
    main()
