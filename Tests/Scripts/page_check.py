#!/usr/bin/python3
"""Checks a page written by `sargs export --format html` as its readers meet it.

Usage: page_check.py PAGE.html AXE.min.js OUTDIR

Opens the page from the file in headless Chromium (Debian's chromium and
chromium-driver, through Debian's python3-selenium), runs axe-core on it
(WCAG 2.1 A and AA rules and best practices), and takes a screenshot of the
whole page at 360, 768 and 1280 pixels wide into OUTDIR (page-360.png …).
Prints one JSON object: {"violations": [{"id", "impact", "help", "nodes"}],
"widths": {"360": {"scroll_width": N, "height": N}, …}, "requests": N,
"weights": {"titles": [...], "states": [...]}} (the computed font weights of
the activities' titles and of their states in words) and
exits 0; exits 2 when it cannot run the browser.
"""
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def main():
    page, axe_path, outdir = sys.argv[1], sys.argv[2], sys.argv[3]
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    try:
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    except Exception as error:  # the browser is missing or cannot start
        print(json.dumps({"error": str(error)}))
        sys.exit(2)
    try:
        driver.set_window_size(1280, 900)
        driver.get("file://" + page)
        with open(axe_path, encoding="utf-8") as f:
            driver.execute_script(f.read())
        driver.set_script_timeout(60)
        result = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
            ".then(r => done(r)).catch(e => done({error: String(e)}));")
        if "error" in result:
            print(json.dumps({"error": result["error"]}))
            sys.exit(2)
        violations = [{"id": v["id"], "impact": v.get("impact"), "help": v["help"],
                       "nodes": [n.get("html", "")[:200] for n in v.get("nodes", [])][:5]} for v in result["violations"]]
        # Anything the page asked the network for (it should ask for nothing but itself).
        requests = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)")
        # How the titles and the states are set: the state in words stands out, the title does not.
        weights = driver.execute_script(
            "const w = s => [...new Set([...document.querySelectorAll(s)].map(e => getComputedStyle(e).fontWeight))];"
            "return {titles: w('ul.activities p.title'), states: w('ul.activities span.state')}")
        widths = {}
        for width in (360, 768, 1280):
            driver.set_window_size(width, 900)
            height = driver.execute_script("return document.documentElement.scrollHeight")
            scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
            driver.set_window_size(width, min(max(height, 600), 16000))
            driver.save_screenshot(f"{outdir}/page-{width}.png")
            widths[str(width)] = {"scroll_width": scroll_width, "height": height}
        print(json.dumps({"violations": violations, "widths": widths, "requests": requests, "weights": weights}))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
