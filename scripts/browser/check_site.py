#!/usr/bin/env python3
"""Opens a generated leaderboard site in headless Chromium and checks it as a reader would.

    check_site.py SITE_DIR TEAM_COUNT ARTEFACT_DIR

- every page linked from index.html (team pages, CSV, JSON, SVG, history) exists and opens;
- the ranking table of every phase has one row per team (TEAM_COUNT);
- every image on every page rendered (naturalWidth > 0) and has alternative text;
- the pages work without JavaScript (they contain none);
- a screenshot of every HTML page is saved to ARTEFACT_DIR.
Exits non-zero with a list of every problem found.
"""
import os
import sys
from urllib.parse import urljoin, urlparse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main(site, team_count, artefacts):
    os.makedirs(artefacts, exist_ok=True)
    problems = []
    root = "file://" + os.path.abspath(site) + "/"
    driver = browser()
    try:
        queue, seen = [urljoin(root, "index.html")], set()
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            path = urlparse(url).path
            if not os.path.exists(path):
                problems.append(f"broken link: {path}")
                continue
            if not path.endswith(".html"):
                continue
            driver.get(url)
            name = os.path.relpath(path, os.path.abspath(site)).replace("/", "_")
            driver.save_screenshot(os.path.join(artefacts, name + ".png"))
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
                    rows = section.find_elements(By.CSS_SELECTOR, "table tbody tr")
                    if len(rows) != team_count:
                        problems.append(f"phase {section.get_attribute('id')}: {len(rows)} table rows, expected {team_count}")
            for link in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
                target = link.get_attribute("href").split("#")[0]
                if target.startswith(root):
                    queue.append(target)
    finally:
        driver.quit()
    print(f"checked {len(seen)} files; screenshots in {artefacts}")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
