"""How a chapter's build time grows with its number of snippets.

Usage: snippet_scaling.py WORKBOOK [--sizes 10,100,400] [--rounds N] [--warmup N] [--baseline WORKBOOK]
       snippet_scaling.py --write-chapter N FOLDER

One workbook per size, each a single chapter of N small snippets of four kinds in turn (a
computation, a struct filled in a loop, a Markdown table, a `let`), later snippets using earlier
ones' declarations. Each is built from nothing: the workbook's cache and its toolchain facts
(compiler version, job plans) are removed first, so every snippet is compiled and run again and
nothing stored stands in for it (the Swift compiler's own module cache stays). A round builds every size once, in turn; after the warm-up rounds, the median of the timed rounds is reported, with
the ratio of the largest size to the one before it taken round by round.
"""

import argparse
import os
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import markdown_table, median, memory_text, seconds_text, timed_run  # noqa: E402


def snippet(k):
    """The k-th snippet (0-based) of a scaling chapter, as a fenced block."""
    kind = k % 4
    if kind == 0:
        scale = f"Double(edit{k - 1})" if k >= 4 else "1.0"
        # The first snippet imports Foundation, for String(format:), as a reader would.
        code = (("import Foundation\n" if k == 0 else "")
                + f"let values{k} = (1...50).map {{ Double($0) * {scale} }}\n"
                + f"print(String(format: \"mean %.2f\", values{k}.reduce(0, +) / Double(values{k}.count)))\n")
        return "```swift\n" + code + "```\n"
    if kind == 1:
        code = (f"struct Point{k} {{ var x: Double; var y: Double }}\n"
                f"var points{k}: [Point{k}] = []\n"
                f"for i in 0..<5 {{ points{k}.append(Point{k}(x: Double(i), y: Double(i) * values{k - 1}[i])) }}\n"
                f"print(\"points\", points{k}.count, points{k}.last!.y)\n")
        return "```swift\n" + code + "```\n"
    if kind == 2:
        code = ("print(\"| i | square |\")\n"
                "print(\"|---|---|\")\n"
                f"for i in 1...3 {{ print(\"| \\(i) | \\(i * i + {k}) |\") }}\n")
        return "```swift output=markdown\n" + code + "```\n"
    code = f"let edit{k} = {k}\nprint(\"edit\", edit{k})\n"
    return "```swift\n" + code + "```\n"


def chapter_text(count):
    parts = [f"# {count} snippets\n\nOne chapter of small snippets sharing their declarations.\n"]
    for k in range(count):
        parts.append(f"Snippet {k + 1}.\n\n{snippet(k)}")
    return "\n".join(parts)


def write_workbook(count, folder):
    os.makedirs(os.path.join(folder, "chapters"), exist_ok=True)
    with open(os.path.join(folder, "workbook.toml"), "w") as file:
        file.write(f'title = "{count} snippets"\ncore = []\n')
    with open(os.path.join(folder, "chapters", "01-snippets.md"), "w") as file:
        file.write(chapter_text(count))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workbook", nargs="?")
    parser.add_argument("--sizes", default="10,100,400")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--baseline", help="another workbook executable, run in the same rounds")
    parser.add_argument("--write-chapter", nargs=2, metavar=("N", "FOLDER"),
                        help="only write the workbook of N snippets into FOLDER")
    arguments = parser.parse_args()
    if arguments.write_chapter:
        write_workbook(int(arguments.write_chapter[0]), arguments.write_chapter[1])
        return
    if not arguments.workbook:
        parser.error("the workbook executable is required")
    sizes = [int(size) for size in arguments.sizes.split(",")]

    executables = [("workbook", arguments.workbook)]
    if arguments.baseline:
        executables.append(("baseline workbook", arguments.baseline))
    with tempfile.TemporaryDirectory(prefix="snippet-scaling.") as scratch:
        roots = {}
        for name, _ in executables:
            for size in sizes:
                roots[name, size] = os.path.join(scratch, f"{name.replace(' ', '-')}-{size}")
                write_workbook(size, roots[name, size])
        runs = {(name, size): [] for name, _ in executables for size in sizes}
        ratios = {name: [] for name, _ in executables}
        print(f"  {arguments.warmup} warm-up + {arguments.rounds} rounds of {sizes} ...",
              file=sys.stderr, flush=True)
        for round_index in range(arguments.warmup + arguments.rounds):
            order = executables if round_index % 2 == 0 else list(reversed(executables))
            for name, executable in order:
                seconds = {}
                for size in sizes:
                    root = roots[name, size]
                    toolchains = os.path.join(scratch, name.replace(" ", "-") + "-toolchains")
                    env = dict(os.environ, WORKBOOK_CACHE_DIR=os.path.join(root, ".workbook-cache"),
                               WORKBOOK_TOOLCHAIN_CACHE=toolchains)
                    command = [executable, "build", "--root", root, "--date", "1996-05-12", "--no-cache"]
                    shutil.rmtree(os.path.join(root, ".workbook-cache"), ignore_errors=True)
                    shutil.rmtree(toolchains, ignore_errors=True)
                    run = timed_run(command, cwd=root, env=env)
                    seconds[size] = run.seconds
                    if round_index >= arguments.warmup:
                        runs[name, size].append(run)
                if round_index >= arguments.warmup and len(sizes) >= 2:
                    ratios[name].append(seconds[sizes[-1]] / seconds[sizes[-2]])

    for name, _ in executables:
        rows = []
        for size in sizes:
            middle = median([run.seconds for run in runs[name, size]])
            rows.append([str(size), seconds_text(middle), f"{middle / size * 1000:.1f} ms",
                         memory_text(max(run.max_rss_kib for run in runs[name, size]))])
        if len(executables) > 1:
            print(f"\n{name}: {dict(executables)[name]}\n")
        print(markdown_table(["snippets in one chapter", "build, every snippet compiled and run", "per snippet", "peak RSS"], rows))
        if len(sizes) >= 2:
            linear = sizes[-1] / sizes[-2]
            print(f"\nratio {sizes[-1]}/{sizes[-2]}: {median(ratios[name]):.2f} "
                  f"(median of {len(ratios[name])} rounds, range {min(ratios[name]):.2f}–{max(ratios[name]):.2f}; "
                  f"linear would be {linear:.1f}, goal ≤ 4.5 and ≤ 1.5 s at 400)")


if __name__ == "__main__":
    main()
