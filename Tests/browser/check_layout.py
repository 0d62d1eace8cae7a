#!/usr/bin/env python3
"""Checks the layout of every page of a built site in headless Chromium.

At 390 px wide (a phone): the page never scrolls sideways, every plot is at least 90% of the
column's width and its text at least 11 px. At 1280 px, in light and in dark mode: KaTeX
reports no error, and every plot series reaches 4.5:1 contrast against the background it is
drawn on. Drives Chromium over the DevTools protocol with the Browser class of
check_pages.py (Python's standard library only).

Usage: check_layout.py CHROMIUM SITE_FOLDER
"""
import os
import pathlib
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_pages import Browser  # noqa: E402

MEASURE = r"""(() => {
  const article = document.querySelector('.content > article') || document.body;
  const style = getComputedStyle(article);
  const column = article.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const plots = Array.from(document.querySelectorAll('figure.plot svg')).map((svg, index) => {
    const width = svg.getBoundingClientRect().width;
    const box = svg.viewBox && svg.viewBox.baseVal;
    const scale = box && box.width ? width / box.width : 1;
    const sizes = Array.from(svg.querySelectorAll('text')).map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    return {index, width, smallestText: sizes.length ? Math.min(...sizes) : 99};
  });
  function rgb(text) {
    const m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(',').map(s => parseFloat(s));
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  }
  function luminance(c) {
    const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function background(element) {
    for (let e = element; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  }
  const contrasts = [];
  document.querySelectorAll('figure.plot svg path[style*="--plot-color"]').forEach(path => {
    const stroke = rgb(getComputedStyle(path).stroke);
    if (!stroke) return;
    const a = luminance(stroke), b = luminance(background(path.closest('figure')));
    contrasts.push((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
  });
  return {
    pageWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    column, plots,
    katexErrors: document.querySelectorAll('.katex-error').length,
    lowestContrast: contrasts.length ? Math.min(...contrasts) : 21,
  };
})()"""


def measure(browser, page, width, height, dark):
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    browser.send("Page.enable", session=session)
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
                 session=session)
    browser.send("Emulation.setEmulatedMedia",
                 {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]},
                 session=session)
    browser.events = []
    browser.send("Page.navigate", {"url": page.resolve().as_uri()}, session=session)
    browser.wait_for("Page.loadEventFired")
    browser.send("Runtime.evaluate", {"expression": "document.fonts.ready.then(() => true)", "awaitPromise": True},
                 session=session)
    time.sleep(0.3)
    result = browser.send("Runtime.evaluate", {"expression": MEASURE, "returnByValue": True},
                          session=session)["result"]["value"]
    browser.send("Target.closeTarget", {"targetId": target})
    return result


def check_page(browser, page):
    problems = []
    phone = measure(browser, page, 390, 844, dark=False)
    # Compared with the device width, not innerWidth: a mobile browser zooms out to fit a page
    # that is too wide, and innerWidth grows with it.
    if max(phone["pageWidth"], phone["viewport"]) > 390:
        problems.append(f"390 px: the page is {max(phone['pageWidth'], phone['viewport'])} px wide "
                        "and scrolls sideways")
    for plot in phone["plots"]:
        if plot["width"] < 0.9 * phone["column"]:
            problems.append(f"390 px: plot {plot['index'] + 1} is {plot['width']:.0f} px wide, "
                            f"less than 90% of the {phone['column']:.0f} px column")
        if plot["smallestText"] < 11:
            problems.append(f"390 px: plot {plot['index'] + 1} has {plot['smallestText']:.1f} px text (under 11 px)")
    for dark in (False, True):
        mode = "dark" if dark else "light"
        desktop = measure(browser, page, 1280, 900, dark=dark)
        if desktop["katexErrors"]:
            problems.append(f"1280 px {mode}: KaTeX reports {desktop['katexErrors']} errors")
        if desktop["lowestContrast"] < 4.5:
            problems.append(f"1280 px {mode}: a plot series has contrast {desktop['lowestContrast']:.2f}:1 (under 4.5:1)")
    return len(phone["plots"]), problems


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 64
    binary, site = sys.argv[1], pathlib.Path(sys.argv[2])
    pages = sorted(site.glob("*.html"))
    if not pages:
        print(f"no pages in {site}", file=sys.stderr)
        return 1
    browser = Browser(binary)
    failures = 0
    try:
        for page in pages:
            plots, problems = check_page(browser, page)
            print(f"  {'ok  ' if not problems else 'FAIL'} {page.name}: {plots} plots")
            for problem in problems:
                print(f"       {problem}")
            failures += bool(problems)
    finally:
        browser.close()
    print(f"layout: {len(pages) - failures} of {len(pages)} pages passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
