#!/usr/bin/env python3
"""Loads every page of a built site in headless Chromium and checks it.

Speaks the DevTools protocol over --remote-debugging-pipe (file descriptors 3 and 4), so it
needs nothing beyond Python's standard library and a Chromium binary. A page fails when
a math element was not typeset by KaTeX when the site was built (or shows a KaTeX error), when
`$…$` is left as raw text in the prose, when the search box finds nothing for a word of the
page's title, when it requests anything that is not file:// or data:, or when it logs a
console error or throws.

Usage: check_pages.py CHROMIUM SITE_FOLDER [SCREENSHOT_FOLDER]
"""
import base64
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="browser-test-profile-")
        to_browser_read, to_browser_write = os.pipe()
        from_browser_read, from_browser_write = os.pipe()
        # The browser reads commands on fd 3 and writes replies on fd 4.
        def wire():
            # Move the ends clear of 3 and 4 first, so the two dup2 calls cannot collide.
            read_end, write_end = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-default-apps", "--metrics-recording-only", "--hide-scrollbars",
             f"--user-data-dir={self.profile}", "about:blank"],
            close_fds=False, preexec_fn=wire,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.writer = os.fdopen(to_browser_write, "wb", buffering=0)
        self.reader = os.fdopen(from_browser_read, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("the browser stopped answering")
            chunk = self.reader.read(65536)
            if not chunk:
                raise RuntimeError("the browser exited")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        command = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            command["sessionId"] = session
        self.writer.write(json.dumps(command).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            message = self._read_message(deadline)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method, timeout=30):
        deadline = time.time() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(index)
            self.events.append(self._read_message(deadline))

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        subprocess.run(["rm", "-rf", self.profile])


def check_page(browser, page, screenshots):
    problems = []
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ["Page", "Network", "Runtime", "Log"]:
        browser.send(f"{domain}.enable", session=session)
    browser.events = []
    url = page.resolve().as_uri()
    browser.send("Page.navigate", {"url": url}, session=session)
    browser.wait_for("Page.loadEventFired")
    # Let deferred scripts and fonts settle.
    browser.send("Runtime.evaluate", {"expression": "document.fonts.ready.then(() => true)", "awaitPromise": True}, session=session)
    time.sleep(0.3)
    counts = browser.send("Runtime.evaluate", {"returnByValue": True, "expression": """({
        math: document.querySelectorAll('.math').length,
        typeset: document.querySelectorAll('.math > .katex, .math > .katex-display').length,
        errors: document.querySelectorAll('.katex-error').length,
        brokenImages: Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).length,
        rawMath: (() => {
            const walker = document.createTreeWalker(document.querySelector('article') || document.body, NodeFilter.SHOW_TEXT);
            const found = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (node.parentElement.closest('code, pre, samp, script, style, .katex')) continue;
                const match = node.textContent.match(/\$\$[^$]+\$\$|\$[^\s$][^$]*[^\s$]\$|\$[^\s$]\$/);
                if (match) found.push(match[0].slice(0, 40));
            }
            return found;
        })()
    })"""}, session=session)["result"]["value"]
    search = browser.send("Runtime.evaluate", {"returnByValue": True, "awaitPromise": True, "expression": """(async () => {
        const input = document.getElementById('search-input');
        const title = (document.querySelector('article h1') || document.querySelector('h1'));
        const word = title ? (title.textContent.match(/[A-Za-z]{4,}/) || [''])[0] : '';
        if (!input || !word) return {word: word, results: -1};
        input.value = word;
        input.dispatchEvent(new Event('input'));
        await new Promise(resolve => setTimeout(resolve, 300));
        const results = document.querySelectorAll('#search-results li a').length;
        input.value = '';
        input.dispatchEvent(new Event('input'));
        return {word: word, results: results};
    })()"""}, session=session)["result"]["value"]
    # Drain pending events.
    browser.send("Runtime.evaluate", {"expression": "1"}, session=session)
    for event in browser.events:
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            request_url = params["request"]["url"]
            if not (request_url.startswith("file://") or request_url.startswith("data:")):
                problems.append(f"requests {request_url}")
        elif method == "Network.loadingFailed":
            problems.append(f"fails to load a resource: {params.get('errorText')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
            problems.append(f"logs a console error: {text}")
        elif method == "Runtime.exceptionThrown":
            problems.append(f"throws: {params['exceptionDetails'].get('text')}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            problems.append(f"logs an error: {params['entry'].get('text')} {params['entry'].get('url', '')}")
    if counts["typeset"] != counts["math"]:
        problems.append(f"KaTeX typeset {counts['typeset']} of {counts['math']} math elements when the site was built")
    if counts["errors"]:
        problems.append(f"KaTeX reports {counts['errors']} errors")
    if counts["rawMath"]:
        problems.append(f"raw math left in the text: {counts['rawMath'][:3]}")
    if search["results"] == 0:
        problems.append(f"the search box finds nothing for '{search['word']}'")
    if counts["brokenImages"]:
        problems.append(f"{counts['brokenImages']} images do not load")
    if screenshots:
        for width, height, name in [(1280, 900, "desktop"), (390, 844, "phone")]:
            browser.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": name == "phone"}, session=session)
            time.sleep(0.2)
            shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
            (screenshots / f"{page.stem}-{name}.png").write_bytes(base64.b64decode(shot))
    browser.send("Target.closeTarget", {"targetId": target})
    return counts, problems


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 64
    binary, site = sys.argv[1], pathlib.Path(sys.argv[2])
    screenshots = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else None
    if screenshots:
        screenshots.mkdir(parents=True, exist_ok=True)
    pages = sorted(site.glob("*.html"))
    if not pages:
        print(f"no pages in {site}", file=sys.stderr)
        return 1
    browser = Browser(binary)
    failures = 0
    total_math = 0
    try:
        for page in pages:
            counts, problems = check_page(browser, page, screenshots)
            total_math += counts["math"]
            status = "ok  " if not problems else "FAIL"
            print(f"  {status} {page.name}: {counts['typeset']}/{counts['math']} math typeset")
            for problem in problems:
                print(f"       {problem}")
            failures += bool(problems)
    finally:
        browser.close()
    print(f"browser: {len(pages) - failures} of {len(pages)} pages passed, {total_math} math elements")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
