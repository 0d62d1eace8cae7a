#!/usr/bin/env python3
"""Measures `workbook serve` as an author sees it, in headless Chromium.

For each edit, a chapter file is replaced (written to a temporary file and renamed, as
editors save) and the clock runs until the open page has reloaded and shows the new text
(DevTools `Page.domContentEventFired`, then the text checked in the DOM). Prose edits change
a paragraph; snippet edits change a value the snippet prints, so the chapter is compiled and
run again. The resident memory of the server process is read from /proc after the first 10
edits and after the last one.

Usage: serve_bench.py WORKBOOK_BINARY WORKBOOK_ROOT CHROMIUM [PROSE_EDITS SNIPPET_EDITS TOTAL_EDITS]
"""
import os
import pathlib
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "Tests" / "browser"))
from check_pages import Browser  # noqa: E402


def rss_kib(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def save(path, text):
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text)
    os.replace(temporary, path)


class Server:
    def __init__(self, binary, root):
        self.log = open(root / "serve.log", "w+")
        self.process = subprocess.Popen(
            [binary, "serve", "--root", str(root), "--port", "0", "--date", "1996-05-12"],
            stdout=self.log, stderr=subprocess.STDOUT)
        self.url = None
        deadline = time.time() + 600
        while time.time() < deadline:
            text = pathlib.Path(self.log.name).read_text()
            match = re.search(r"Serving (http://\S+) ", text)
            if match and "Built in" in text:
                self.url = match.group(1)
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("serve did not start:\n" + pathlib.Path(self.log.name).read_text())

    def stop(self):
        self.process.send_signal(2)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def measure_edit(browser, session, path, old, new, token):
    """Seconds from the file written to the reloaded page showing `token`."""
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    browser.events = []
    start = time.perf_counter()
    save(path, text.replace(old, new, 1))
    deadline = time.time() + 120
    while time.time() < deadline:
        browser.wait_for("Page.domContentEventFired", timeout=120)
        shown = browser.send("Runtime.evaluate", {
            "returnByValue": True, "expression": f"document.body.innerText.includes({token!r})"}, session=session)
        if shown.get("result", {}).get("value"):
            return time.perf_counter() - start
    raise TimeoutError(f"the page never showed {token!r}")


def summary(name, seconds, goal):
    values = [s * 1000 for s in seconds]
    return (f"{name:<28} median {statistics.median(values):7.1f} ms   max {max(values):7.1f} ms"
            f"   ({len(values)} edits; goal <= {goal} ms)")


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 64
    binary, root, chromium = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    prose_edits, snippet_edits, total_edits = (int(x) for x in (sys.argv[4:7] or ["10", "10", "200"]))
    chapter = root / "chapters" / "03-chapter.md"
    page = "03-chapter.html"

    server = Server(binary, root)
    browser = Browser(chromium)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.send("Page.enable", session=session)
        browser.send("Runtime.enable", session=session)
        browser.send("Page.navigate", {"url": server.url + page}, session=session)
        browser.wait_for("Page.loadEventFired", timeout=60)
        time.sleep(0.5)

        prose, snippet, edits = [], [], 0
        rss_after_10 = None
        prose_text, code_value = "Four snippets sharing state.", "let edit = 0"
        while edits < total_edits:
            edits += 1
            if edits <= prose_edits or (edits > prose_edits + snippet_edits and edits % 10 != 0):
                token = f"prose edit {edits} done"
                new = f"Four snippets sharing state, {token}."
                seconds = measure_edit(browser, session, chapter, prose_text, new, token)
                prose_text = new
                if edits <= prose_edits:
                    prose.append(seconds)
            else:
                token = f"edit {edits}000"
                new = f"let edit = {edits}000"
                seconds = measure_edit(browser, session, chapter, code_value, new, token)
                code_value = new
                if edits <= prose_edits + snippet_edits:
                    snippet.append(seconds)
            if edits == 10:
                time.sleep(0.5)
                rss_after_10 = rss_kib(server.process.pid)
            time.sleep(0.15)
        time.sleep(0.5)
        rss_after_all = rss_kib(server.process.pid)
    finally:
        browser.close()
        server.stop()

    print(summary("prose edit -> page reloaded", prose, 150))
    print(summary("snippet edit -> page reloaded", snippet, 400))
    growth = (rss_after_all - rss_after_10) / rss_after_10 * 100
    print(f"server memory (RSS)          after 10 edits {rss_after_10 / 1024:6.1f} MiB, after {total_edits} edits "
          f"{rss_after_all / 1024:6.1f} MiB ({growth:+.1f} %; goal within 10 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
