#!/usr/bin/env python3
"""Writes a deterministic Markdown corpus of about SIZE MiB: prose with inline and display math,
tables with math in cells, fenced code, lists, emphasis, links and diary placeholders."""
import random
import sys

target = float(sys.argv[2]) * 1024 * 1024 if len(sys.argv) > 2 else 4 * 1024 * 1024
out = open(sys.argv[1], "w")
rng = random.Random(1996)
words = ("batch normalization running mean variance estimate momentum training inference layer "
         "feature statistics gradient network bias correction average population sample scale shift "
         "epsilon stable numerically update step data test time").split()

def sentence():
    text = " ".join(rng.choice(words) for _ in range(rng.randint(8, 18)))
    extras = [
        f" with $\\hat{{\\mu}}_{{{rng.randint(1, 99)}}} = \\frac{{1}}{{m}}\\sum_i x_i$",
        f" where $\\sigma_B^2 + \\epsilon$ stays above ${rng.randint(1, 9)} \\times 10^{{-5}}$",
        " and *emphasis* with **strong** words",
        " (see [the paper](https://arxiv.org/abs/1502.03167))",
        " on {{DATE_PRETTY}}, day {{DAYS_SINCE_2025_08_18}}",
        " and `let x = batch.mean()` in code",
        " as the set $\\{1\\}$ with $a_1 * b_2$",
    ]
    return text.capitalize() + rng.choice(extras) + "."

written = 0
section = 0
while written < target:
    section += 1
    parts = [f"## Section {section}: {rng.choice(words)} {rng.choice(words)}\n"]
    for _ in range(3):
        parts.append(" ".join(sentence() for _ in range(rng.randint(3, 6))) + "\n")
    parts.append("$$\n\\bar{\\mu}_t = \\alpha\\, \\bar{\\mu}_{t-1} + (1 - \\alpha)\\, \\mu_{B_t}, \\qquad t = %d\n$$\n" % section)
    rows = "\n".join(f"| {i} | ${rng.random():.4f}$ | $\\sqrt{{{i}}}$ | {rng.choice(words)} |" for i in range(1, 7))
    parts.append("| step | mean | $\\lvert x \\rvert$ | note |\n|---:|---:|---|---|\n" + rows + "\n")
    parts.append("```swift\nlet values: [Double] = [%s]\nlet mean = values.reduce(0, +) / Double(values.count)\nprint(\"mean: \\(mean) costs $%d\")\n```\n"
                 % (", ".join(f"{rng.random():.3f}" for _ in range(6)), section))
    parts.append("- item with $x_%d$\n- item on {{DATE_ISO}}\n- ~~struck~~ item\n" % section)
    text = "\n".join(parts) + "\n"
    out.write(text)
    written += len(text.encode())
out.close()
