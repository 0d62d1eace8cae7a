"""Prints the median of each command of a hyperfine `--export-json` file, one line each.

    python3 Benchmarks/hyperfine_medians.py results.json
"""

import json
import sys


def main(path):
    results = json.load(open(path))["results"]
    width = max(len(result["command"]) for result in results)
    print(f"{'':{width}}  median")
    for result in results:
        print(f"{result['command']:{width}}  {result['median'] * 1000:7.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1])
