#!/usr/bin/env python3
"""Opens a generated leaderboard site in headless Chromium and checks it as a reader would.

    check_site.py SITE_DIR TEAM_COUNT ARTEFACT_DIR

- every page linked from index.html (team pages, CSV, JSON, SVG, history) exists and opens;
- the ranking table of every phase has one row per team (TEAM_COUNT);
- every image on every page rendered (naturalWidth > 0) and has alternative text;
- the pages work without JavaScript (they contain none);
- at 1400 px and at 390 px wide (a phone, with its viewport honoured), every HTML page:
  - is no wider than the viewport (only the tables' own boxes scroll sideways);
  - keeps every table in a box that scrolls (overflow-x auto), takes the keyboard's focus (tabindex 0) and is a
    named region; a ranking table that overflows its box keeps its rank and team columns in view when scrolled;
  - shows every plot inside the page, with its smallest text at least MIN_PLOT_TEXT_PX as drawn;
- a full-page screenshot of every HTML page at both widths is saved to ARTEFACT_DIR as NAME-WIDTHpx.png.
Exits non-zero with a list of every problem found.
"""
import os
import re
import sys
from urllib.parse import unquote, urljoin, urlparse

from selenium.webdriver.common.by import By

from chromium import browser

WIDTHS = (1400, 390)
# The phone width; narrower than this a page gets the mobile viewport (its <meta name="viewport"> is honoured).
PHONE = 600
MIN_PLOT_TEXT_PX = 9
# Tallest screenshot taken, so a runaway page cannot exhaust memory.
MAX_SCREENSHOT_HEIGHT = 12000


def set_viewport(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < PHONE})


def crawl(driver, site, team_count, problems):
    """Every file linked from index.html, following links; checks what does not depend on the width."""
    root = "file://" + os.path.abspath(site) + "/"
    queue, seen, pages = [urljoin(root, "index.html")], set(), []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        path = unquote(urlparse(url).path)
        if not os.path.exists(path):
            problems.append(f"broken link: {path}")
            continue
        if not path.endswith(".html"):
            continue
        pages.append((url, path, os.path.relpath(path, os.path.abspath(site)).replace("/", "_")))
        driver.get(url)
        name = pages[-1][2]
        if driver.find_elements(By.TAG_NAME, "script"):
            problems.append(f"{name}: has a script; pages must read without JavaScript")
        for image in driver.find_elements(By.TAG_NAME, "img"):
            source = image.get_attribute("src")
            if not image.get_attribute("alt"):
                problems.append(f"{name}: image {source} has no alternative text")
            if driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", image) is not True:
                problems.append(f"{name}: image {source} did not render")
        if path.endswith("/index.html") and os.path.dirname(path) == os.path.abspath(site):
            for section in driver.find_elements(By.CSS_SELECTOR, "section[id]"):
                # Human readers (tr.human) are listed under the teams, never counted among them.
                rows = section.find_elements(By.CSS_SELECTOR, "table tbody tr:not(.human)")
                if len(rows) != team_count:
                    problems.append(f"phase {section.get_attribute('id')}: {len(rows)} table rows, expected {team_count}")
        for link in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
            target = link.get_attribute("href").split("#")[0]
            if target.startswith(root):
                queue.append(target)
    return seen, pages


# Measures one table's box in the page; run in the browser, returns plain data.
TABLE_BOX = """
const table = arguments[0], box = table.parentElement;
const first = table.querySelector('tbody tr');
const result = {
  boxed: box.classList.contains('table-box'), overflowX: getComputedStyle(box).overflowX,
  tabindex: box.getAttribute('tabindex'), role: box.getAttribute('role'), label: box.getAttribute('aria-label'),
  overflows: box.scrollWidth > box.clientWidth + 1, boxRight: box.getBoundingClientRect().right,
  ranking: table.classList.contains('ranking'), sticky: null };
if (result.ranking && result.overflows && first && first.cells.length > 2) {
  box.scrollLeft = box.scrollWidth;
  const inner = box.getBoundingClientRect().left + box.clientLeft;
  const [rank, team] = [first.cells[0].getBoundingClientRect(), first.cells[1].getBoundingClientRect()];
  result.sticky = { scrolled: box.scrollLeft > 0, rankLeft: rank.left - inner, teamGap: team.left - rank.right };
  box.scrollLeft = 0;
}
return result;
"""


def check_tables(driver, label, problems):
    for index, table in enumerate(driver.find_elements(By.TAG_NAME, "table"), 1):
        box = driver.execute_script(TABLE_BOX, table)
        where = f"{label}: table {index}"
        if not box["boxed"]:
            problems.append(f"{where} is not inside a .table-box")
            continue
        if box["overflowX"] not in ("auto", "scroll"):
            problems.append(f"{where}: its box has overflow-x {box['overflowX']}, so it cannot scroll")
        if box["tabindex"] != "0" or box["role"] != "region" or not box["label"]:
            problems.append(f"{where}: its box needs tabindex=0, role=region and an aria-label for keyboard and screen readers")
        if box["overflows"] and box["overflowX"] not in ("auto", "scroll"):
            problems.append(f"{where} overflows its box, which does not scroll")
        sticky = box["sticky"]
        # A box that did not scroll is reported above; one that did must keep rank and team at its left edge.
        if sticky is not None and sticky["scrolled"] and (abs(sticky["rankLeft"]) > 1 or abs(sticky["teamGap"]) > 1):
            problems.append(f"{where}: scrolled sideways, its rank and team columns left view ({sticky})")


def check_plots(driver, label, problems):
    """Plots stay inside the viewport and their smallest text stays readable at the size drawn."""
    width = driver.execute_script("return document.documentElement.clientWidth")
    for image in driver.find_elements(By.TAG_NAME, "img"):
        source = image.get_attribute("src")
        size = driver.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return [r.left, r.right, r.width, arguments[0].naturalWidth]", image)
        if size[0] < -1 or size[1] > width + 1:
            problems.append(f"{label}: plot {source} reaches outside the viewport ({size[0]:.0f} to {size[1]:.0f} of {width})")
        path = unquote(urlparse(source).path)
        if not path.endswith(".svg") or not os.path.exists(path) or not size[3]:
            continue
        with open(path, encoding="utf-8") as file:
            sizes = [float(value) for value in re.findall(r'font-size="([0-9.]+)"', file.read())]
        if sizes and min(sizes) * size[2] / size[3] < MIN_PLOT_TEXT_PX:
            problems.append(f"{label}: plot {os.path.basename(path)} shows its smallest text at "
                            f"{min(sizes) * size[2] / size[3]:.1f} px, under {MIN_PLOT_TEXT_PX}")


def check_layout(driver, pages, artefacts, problems):
    for width in WIDTHS:
        for url, _, name in pages:
            set_viewport(driver, width, 900)
            driver.get(url)
            label = f"{name} at {width} px"
            client, scroll = driver.execute_script(
                "const d = document.documentElement; return [d.clientWidth, d.scrollWidth]")
            if width < PHONE and client != width:
                problems.append(f"{label}: laid out {client} px wide; the page needs <meta name=\"viewport\" content=\"width=device-width\">")
            if scroll > client:
                problems.append(f"{label}: the document is {scroll} px wide, wider than the viewport ({client} px)")
            check_tables(driver, label, problems)
            check_plots(driver, label, problems)
            height = driver.execute_script("return document.documentElement.scrollHeight")
            set_viewport(driver, width, min(max(height, 600), MAX_SCREENSHOT_HEIGHT))
            driver.save_screenshot(os.path.join(artefacts, f"{name}-{width}px.png"))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def main(site, team_count, artefacts):
    os.makedirs(artefacts, exist_ok=True)
    problems = []
    driver = browser()
    try:
        seen, pages = crawl(driver, site, team_count, problems)
        check_layout(driver, pages, artefacts, problems)
    finally:
        driver.quit()
    print(f"checked {len(seen)} files, {len(pages)} pages at {' and '.join(f'{w} px' for w in WIDTHS)}; screenshots in {artefacts}")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
