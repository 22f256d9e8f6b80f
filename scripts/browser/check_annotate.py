#!/usr/bin/env python3
"""Drives the pathologist's workspace of a running `arbiter serve --slides …` in headless Chromium.

    check_annotate.py BASE_URL ARBITER DATA_DIR STUDY_DIR ARTEFACT_DIR READER_A_TOKEN READER_B_TOKEN ADJUDICATOR_TOKEN

The study is scripts/browser/annotate-study (challenge tissuenet-demo, study outlines), added with its fixture slides.
- reader-a draws a polygon with the mouse on its turned repeat of an item, sets its class with a key, reloads the
  page, and finds it with the same vertices;
- the network is taken down, a point is drawn, the network comes back, and the point is stored without a reload;
- reader-b, on the same item, sees none of reader-a's shapes in the page or in any answer it gets;
- the whole flow by keyboard alone: next item, grade, a box drawn with keys, undo, redo, all saved;
- one item open in two tabs, each drawing: both saves are versions of their own;
- on a shared browser, reader B is neither shown nor made to send reader A's unsent point, which reaches the server
  as A's when A signs in again;
- `arbiter study export --format geojson` puts reader-a's polygon on the slide where it was drawn (level-0
  coordinates within 1 pixel), through the item's box and its quarter turn;
- the two readers disagree on an item's grade and outline; its adjudicator sees both reads side by side, each in its
  own viewer, draws an outline of its own and decides, and the decision is stored on the slide;
- from the next-item key to the first tile painted, in Chromium's Performance API, is printed (a measure, not a test);
- no page breaks its Content-Security-Policy or logs an error; screenshots go to ARTEFACT_DIR.
The database is read (sqlite3) only to learn what the test must not be told by the server: which item and turn each
ordinal is. Exits non-zero with a list of every problem found.
"""
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browsing import check, problems, shoot, sign_in, wait_for
from chromium import browser

CHALLENGE, STUDY = "tissuenet-demo", "outlines"
# Fetches refused while the network is down are the point of the offline check.
OFFLINE = ("net::ERR_INTERNET_DISCONNECTED",)


def sign_out(driver):
    driver.find_element(By.XPATH, "//button[normalize-space()='Sign out']").click()
    wait_for(driver, lambda: driver.find_elements(By.LINK_TEXT, "Sign in"), "signing out")


def assignments(data):
    """Each reader's ordinals: (item, transform, box) as the store keeps them."""
    db = sqlite3.connect(os.path.join(data, "arbiter.sqlite"))
    rows = db.execute("""
        SELECT r.name, a.ordinal, i.item_id, a.transform, i.description FROM study_assignments a
        JOIN study_items i ON i.id = a.item_ref JOIN study_readers r ON r.id = a.reader_ref JOIN studies s ON s.id = a.study_id
        WHERE s.slug = ? ORDER BY r.name, a.ordinal""", (STUDY,)).fetchall()
    out = {}
    for reader, ordinal, item, transform, description in rows:
        out.setdefault(reader, {})[ordinal] = (item, transform, json.loads(description)["box"])
    return out


def to_slide(point, box, transform):
    """A point of the shown item on the slide, as ItemFrame.slidePoint maps it."""
    x, y = point
    w, h = box[2], box[3]
    local = {None: (x, y), "rotate90": (y, h - x), "rotate180": (w - x, h - y), "rotate270": (w - y, x),
             "flip-horizontal": (w - x, y), "flip-vertical": (x, h - y)}[transform]
    return (local[0] + box[0], local[1] + box[1])


def api(base, token, path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request) as response:
        return response.read().decode()


def latest_shapes(base, token, ordinal):
    reads = json.loads(api(base, token, f"/api/v1/challenges/{CHALLENGE}/studies/{STUDY}/assignments/{ordinal}/reads"))
    return reads[-1] if reads else None


def open_item(driver, base, ordinal):
    driver.get(f"{base}/annotate/{CHALLENGE}/{STUDY}/{ordinal}")
    wait_for(driver, lambda: driver.execute_script(
        "const v = window.arbiterViewer; return v && [...v.tiles.values()].some((t) => t.complete && t.naturalWidth)"), "the first tile")


def screen_point(driver, canvas, fraction):
    """The offset from the centre of the canvas's part in view (where selenium measures from) to (fx, fy) of its size."""
    left, top, width, height, view_w, view_h = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height, innerWidth, innerHeight]", canvas)
    centre_x = (max(left, 0) + min(left + width, view_w)) / 2 - left
    centre_y = (max(top, 0) + min(top + height, view_h)) / 2 - top
    return int(width * fraction[0] - centre_x), int(height * fraction[1] - centre_y)


def record_clicks(driver, canvas):
    """Records where the browser delivers each press on the canvas, in the item's shown pixels: what was drawn."""
    driver.execute_script("""
        window.testClicks = [];
        arguments[0].addEventListener("pointerdown", (event) => {
          const box = arguments[0].getBoundingClientRect();
          window.testClicks.push(window.arbiterViewer.toItem(event.clientX - box.left, event.clientY - box.top));
        }, { capture: true });""", canvas)


def draw_polygon(driver, base, token, data, artefacts, frames):
    """On reader-a's turned repeat: the polygon tool by key, class 2 by key, four clicks, Enter; saved; reloaded."""
    ordinal = next(o for o, (_, transform, _) in frames["reader-a"].items() if transform == "rotate90")
    open_item(driver, base, ordinal)
    canvas = driver.find_element(By.CSS_SELECTOR, "canvas.viewer-canvas")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys("p")
    body.send_keys("2")
    record_clicks(driver, canvas)
    for fraction in ((0.35, 0.3), (0.65, 0.32), (0.6, 0.65), (0.38, 0.6)):
        offset = screen_point(driver, canvas, fraction)
        ActionChains(driver).move_to_element_with_offset(canvas, *offset).click().perform()
    expected = driver.execute_script("return window.testClicks")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait_for(driver, lambda: "All changes saved" in driver.find_element(By.CSS_SELECTOR, "[data-viewer-status]").text, "the polygon saved")
    shoot(driver, artefacts, "polygon-drawn", (OFFLINE,))
    driver.refresh()
    wait_for(driver, lambda: driver.execute_script("return window.arbiterViewer && window.arbiterViewer.shapes.length") == 1, "the reloaded polygon")
    shapes = driver.execute_script("return window.arbiterViewer.shapes")
    check(shapes and shapes[0]["kind"] == "polygon" and shapes[0]["cls"] == "stroma", f"after a reload, a stroma polygon: {shapes}")
    if shapes:
        found = shapes[0]["pts"]
        check(len(found) == 4 and all(abs(a[0] - b[0]) <= 1 and abs(a[1] - b[1]) <= 1 for a, b in zip(found, expected)),
              f"the reloaded vertices {found} are those drawn {expected}")
    shoot(driver, artefacts, "polygon-reloaded", (OFFLINE,))
    return ordinal, expected


def offline_point(driver, base, token, ordinal, artefacts):
    """Offline: a point drawn is kept in the browser and reaches the server when the network returns, unreloaded."""
    before = latest_shapes(base, token, ordinal)
    driver.execute_script("window.arbiterMarker = 'not reloaded'")
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    canvas = driver.find_element(By.CSS_SELECTOR, "canvas.viewer-canvas")
    driver.find_element(By.TAG_NAME, "body").send_keys("o")
    offset = screen_point(driver, canvas, (0.5, 0.8))
    ActionChains(driver).move_to_element_with_offset(canvas, *offset).click().perform()
    wait_for(driver, lambda: "Offline" in driver.find_element(By.CSS_SELECTOR, "[data-viewer-status]").text, "the offline state shown")
    shoot(driver, artefacts, "offline-point-waiting", (OFFLINE,))
    still = latest_shapes(base, token, ordinal)
    check(still["version"] == before["version"], "nothing reached the server while offline")
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    wait_for(driver, lambda: '"Point"' in (latest_shapes(base, token, ordinal)["shapes"] or ""), "the point stored once online", seconds=30)
    check(driver.execute_script("return window.arbiterMarker") == "not reloaded", "the point was sent without a reload")
    wait_for(driver, lambda: "All changes saved" in driver.find_element(By.CSS_SELECTOR, "[data-viewer-status]").text, "the saved state shown")
    shoot(driver, artefacts, "offline-point-sent", (OFFLINE,))


def blind(driver, base, token_b, frames, ordinal_a, drawn):
    """reader-b's page and answers for the item reader-a drew on hold none of reader-a's shapes."""
    item = frames["reader-a"][ordinal_a][0]
    for ordinal_b, (other, _, _) in frames["reader-b"].items():
        if other != item:
            continue
        open_item(driver, base, ordinal_b)
        check(driver.execute_script("return window.arbiterViewer.shapes.length") == 0, f"reader-b's item {ordinal_b} shows no shapes")
        source = driver.page_source
        for answer in (source, api(base, token_b, f"/api/v1/challenges/{CHALLENGE}/studies/{STUDY}/assignments"),
                       api(base, token_b, f"/api/v1/challenges/{CHALLENGE}/studies/{STUDY}/assignments/{ordinal_b}/reads")):
            geometry = [f'"type":"{kind}"' for kind in ("Polygon", "Point")]
            found = [g for g in geometry if g in answer or g.replace('"', "&quot;") in answer]
            check(not found, f"reader-b's ordinal {ordinal_b} is shown nothing of reader-a's shapes, found {found}")


def keyboard(driver, base, token, artefacts):
    """The whole flow by keys: next item, a grade, a box drawn at the crosshair, undo, redo; the box and grade saved."""
    open_item(driver, base, 0)
    actions = lambda *keys: ActionChains(driver).send_keys(*keys).perform()
    actions("n")
    wait_for(driver, lambda: driver.current_url.rstrip("/").endswith(f"/{STUDY}/1"), "the next item by key")
    wait_for(driver, lambda: driver.execute_script("return window.arbiterViewer && window.arbiterViewer.painted"), "the next item's tiles")
    ordinal = 1
    ActionChains(driver).key_down(Keys.SHIFT).send_keys("3").key_up(Keys.SHIFT).perform()
    check(driver.execute_script("const g = document.querySelector('input[name=label]:checked'); return g && g.value") == "2",
          "Shift+3 chose the third grade")
    actions("r", Keys.SPACE)
    for _ in range(6):
        actions(Keys.ARROW_RIGHT)
    for _ in range(4):
        actions(Keys.ARROW_DOWN)
    actions(Keys.SPACE)
    check(driver.execute_script("return window.arbiterViewer.shapes.filter((s) => s.kind === 'box').length") == 1, "Space, arrows, Space drew a box")
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("z").key_up(Keys.CONTROL).perform()
    check(driver.execute_script("return window.arbiterViewer.shapes.length") == 0, "Ctrl+Z took the box away")
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("y").key_up(Keys.CONTROL).perform()
    check(driver.execute_script("return window.arbiterViewer.shapes.length") == 1, "Ctrl+Y put it back")
    actions("?")
    check(driver.execute_script("return document.getElementById('viewer-help').open"), "? opens the list of keys")
    shoot(driver, artefacts, "keys-help", (OFFLINE,))
    actions(Keys.ESCAPE)
    wait_for(driver, lambda: "All changes saved" in driver.find_element(By.CSS_SELECTOR, "[data-viewer-status]").text, "the box saved")
    read = latest_shapes(base, token, ordinal)
    check(read and read["label"] == "2" and '"isRectangle":true' in (read["shapes"] or ""), f"the box and grade are stored: {read}")
    shoot(driver, artefacts, "keyboard-box", (OFFLINE,))


def two_tabs(driver, base, token, artefacts):
    """One item open in two tabs, a point drawn in each: both saves are versions of their own, neither overwritten."""
    ordinal = 3
    before = json.loads(api(base, token, f"/api/v1/challenges/{CHALLENGE}/studies/{STUDY}/assignments/{ordinal}/reads"))
    first = driver.current_window_handle
    open_item(driver, base, ordinal)
    driver.switch_to.new_window("tab")
    second = driver.current_window_handle
    open_item(driver, base, ordinal)
    for handle, fraction in ((first, (0.3, 0.4)), (second, (0.7, 0.6))):
        driver.switch_to.window(handle)
        canvas = driver.find_element(By.CSS_SELECTOR, "canvas.viewer-canvas")
        ActionChains(driver).send_keys("o").perform()
        ActionChains(driver).move_to_element_with_offset(canvas, *screen_point(driver, canvas, fraction)).click().perform()
        wait_for(driver, lambda: "All changes saved" in driver.find_element(By.CSS_SELECTOR, "[data-viewer-status]").text, "the tab's save")
    after = json.loads(api(base, token, f"/api/v1/challenges/{CHALLENGE}/studies/{STUDY}/assignments/{ordinal}/reads"))
    new = after[len(before):]
    check(len(new) == 2 and all((read["shapes"] or "").count('"Point"') == 1 for read in new),
          f"each tab's point is a version of its own: {[read['shapes'] for read in new]}")
    driver.close()
    driver.switch_to.window(first)


def shared_browser(driver, base, token_a, token_b, artefacts):
    """Reader A draws offline and leaves; reader B signs in on the same browser: B neither sees A's unsent point nor
    sends it as B's; when A signs in again, A's point reaches the server as A's."""
    ordinal = 0
    read_a = lambda: latest_shapes(base, token_a, ordinal)
    before = read_a()
    open_item(driver, base, ordinal)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    canvas = driver.find_element(By.CSS_SELECTOR, "canvas.viewer-canvas")
    ActionChains(driver).send_keys("o").perform()
    ActionChains(driver).move_to_element_with_offset(canvas, *screen_point(driver, canvas, (0.2, 0.2))).click().perform()
    wait_for(driver, lambda: "Offline" in driver.find_element(By.CSS_SELECTOR, "[data-viewer-status]").text, "A's point kept offline")
    # A's tab is closed while still offline, so that it cannot send the point itself; the next reader uses a new tab.
    closing = driver.current_window_handle
    driver.switch_to.new_window("tab")
    fresh = driver.current_window_handle
    driver.switch_to.window(closing)
    driver.close()
    driver.switch_to.window(fresh)
    driver.get(base + "/")
    driver.delete_all_cookies()
    sign_in(driver, base, token_b)
    open_item(driver, base, ordinal)
    time.sleep(5)  # past the queue's retry, so that a wrongly sent save would have arrived
    check(driver.execute_script("return window.arbiterViewer.shapes.length") == 0, "reader B is not shown reader A's unsent point")
    check(latest_shapes(base, token_b, ordinal) is None, "reader A's unsent point was not saved as reader B's")
    now_a = read_a()
    check((now_a or {}).get("version") == (before or {}).get("version"),
          f"nothing reached the server for A while B was signed in: before {before}, now {now_a}")
    shoot(driver, artefacts, "shared-browser-reader-b", (OFFLINE,))
    sign_out(driver)
    sign_in(driver, base, token_a)
    driver.get(f"{base}/annotate/{CHALLENGE}/{STUDY}/{ordinal}")
    check(wait_for(driver, lambda: '"Point"' in ((read_a() or {}).get("shapes") or ""), "A's point sent once A is back", seconds=30),
          "reader A's point reaches the server when A signs in again")


def exported(arbiter, data, study_dir, frames, ordinal, drawn):
    """The CLI's QuPath GeoJSON of reader-a's reads has the polygon on the slide where it was drawn."""
    item, transform, box = frames["reader-a"][ordinal]
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([arbiter, "study", "export", CHALLENGE, STUDY, "--format", "geojson", "--reader", "reader-a", "--out", out,
                        "--data-dir", data], check=True, stdout=subprocess.DEVNULL)
        # A repeat's read is exported as <item>.repeat.geojson, beside the first reading's.
        polygons = []
        for name in os.listdir(out):
            if name.startswith(item):
                with open(os.path.join(out, name)) as handle:
                    for feature in json.load(handle)["features"]:
                        if feature["geometry"]["type"] == "Polygon" and not feature["geometry"].get("isRectangle"):
                            polygons.append(feature["geometry"]["coordinates"][0][:-1])
    expected = [to_slide(point, box, transform) for point in drawn]
    check(any(len(p) == 4 and all(abs(a[0] - b[0]) <= 1 and abs(a[1] - b[1]) <= 1 for a, b in zip(p, expected)) for p in polygons),
          f"the exported polygon {polygons} lies where it was drawn on the slide {expected} (item {item}, box {box}, {transform})")


def post_read(base, token, ordinal, label, shapes):
    body = json.dumps({"label": label, "seconds_spent": 5, "shapes": shapes}).encode()
    request = urllib.request.Request(f"{base}/api/v1/challenges/{CHALLENGE}/studies/{STUDY}/assignments/{ordinal}/reads", data=body,
                                     method="POST", headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def square(x, y, size, cls):
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
                                                        "properties": {"classification": {"name": cls}}}]}


def adjudicate(driver, base, arbiter, data, frames, tokens, artefacts):
    """reader-a and reader-b grade and outline one item apart; the consensus sends it to the adjudicator, who sees both
    reads in viewers side by side, draws its own outline in the item's own frame, and decides."""
    item = next(item for item, transform, _ in frames["reader-a"].values() if item not in
                [i for i, t, _ in frames["reader-a"].values() if t] and transform is None)
    for reader, label, (x, size) in (("reader-a", "0", (40, 100)), ("reader-b", "3", (60, 120))):
        ordinal = next(o for o, (i, t, _) in frames[reader].items() if i == item and t is None)
        post_read(base, tokens[reader], ordinal, label, square(x, x, size, "tumour"))
    subprocess.run([arbiter, "study", "consensus", CHALLENGE, STUDY, "--out", os.path.join(data, "tie.csv"), "--data-dir", data],
                   check=True, stdout=subprocess.DEVNULL)
    sign_in(driver, base, tokens["senior"])
    driver.find_element(By.LINK_TEXT, "Open the adjudication queue").click()
    driver.find_element(By.LINK_TEXT, item).click()
    wait_for(driver, lambda: driver.execute_script("return window.arbiterViewers && window.arbiterViewers.length") == 3, "three viewers")
    counts = driver.execute_script("return window.arbiterViewers.map((v) => [v.readonly, v.shapes.length])")
    check(counts == [[True, 1], [True, 1], [False, 0]], f"each reader's outline in its own viewer, the decision's empty: {counts}")
    text = driver.find_element(By.TAG_NAME, "main").text
    check("reader-a" in text and "reader-b" in text, "both readers' reads are side by side")
    canvas = driver.find_elements(By.CSS_SELECTOR, "canvas.viewer-canvas")[-1]
    driver.execute_script("arguments[0].scrollIntoView()", canvas)
    canvas.click()
    ActionChains(driver).send_keys("p").perform()
    record_clicks(driver, canvas)
    for fraction in ((0.3, 0.3), (0.7, 0.3), (0.5, 0.7)):
        ActionChains(driver).move_to_element_with_offset(canvas, *screen_point(driver, canvas, fraction)).click().perform()
    drawn = driver.execute_script("return window.testClicks")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    check(driver.execute_script("return window.arbiterViewer.shapes.length") == 1, "the adjudicator drew its own outline")
    driver.find_element(By.CSS_SELECTOR, "#decision-form input[name=label][value='2']").click()
    shoot(driver, artefacts, "adjudicate-shapes", (OFFLINE,))
    driver.find_element(By.CSS_SELECTOR, "#decision-form button[type=submit]").click()
    wait_for(driver, lambda: f"Decided item {item}" in driver.find_element(By.TAG_NAME, "main").text, "the decision's notice")
    db = sqlite3.connect(os.path.join(data, "arbiter.sqlite"))
    row = db.execute("SELECT d.label, d.shapes FROM study_decisions d JOIN study_disputes s ON s.id = d.dispute_id "
                     "JOIN study_items i ON i.id = s.item_ref WHERE i.item_id = ?", (item,)).fetchone()
    box = frames["reader-a"][next(o for o, (i, _, _) in frames["reader-a"].items() if i == item)][2]
    expected = [to_slide(point, box, None) for point in drawn]
    stored = json.loads(row[1])["features"][0]["geometry"]["coordinates"][0][:-1] if row and row[1] else []
    check(row and row[0] == "2" and len(stored) == 3 and all(abs(a[0] - b[0]) <= 1 and abs(a[1] - b[1]) <= 1 for a, b in zip(stored, expected)),
          f"the decision holds grade 2 and the outline on the slide {expected}: {row}")
    shoot(driver, artefacts, "adjudicate-decided", (OFFLINE,))


def next_item_timing(driver, base):
    """From the next-item key to the next item's first tile painted, five times (milliseconds)."""
    samples = []
    for start in (0, 1, 2, 3):
        open_item(driver, base, start)
        ActionChains(driver).send_keys("n").perform()
        if wait_for(driver, lambda: driver.execute_script("return document.body.dataset.nextItemToFirstTileMs"), "the timing mark"):
            samples.append(int(driver.execute_script("return document.body.dataset.nextItemToFirstTileMs")))
    return samples


def main(base, arbiter, data, study_dir, artefacts, token_a, token_b, token_senior):
    os.makedirs(artefacts, exist_ok=True)
    frames = assignments(data)
    driver = browser(console_log=True)
    try:
        sign_in(driver, base, token_a)
        driver.get(base + "/annotate")
        shoot(driver, artefacts, "reading-list", (OFFLINE,))
        ordinal, drawn = draw_polygon(driver, base, token_a, data, artefacts, frames)
        offline_point(driver, base, token_a, ordinal, artefacts)
        exported(arbiter, data, study_dir, frames, ordinal, drawn)
        keyboard(driver, base, token_a, artefacts)
        two_tabs(driver, base, token_a, artefacts)
        shared_browser(driver, base, token_a, token_b, artefacts)
        samples = next_item_timing(driver, base)
        print("next item key to first tile painted (ms):", samples, "median", statistics.median(samples) if samples else "none")
        sign_out(driver)
        sign_in(driver, base, token_b)
        blind(driver, base, token_b, frames, ordinal, drawn)
        shoot(driver, artefacts, "reader-b", (OFFLINE,))
        sign_out(driver)
        adjudicate(driver, base, arbiter, data, frames, {"reader-a": token_a, "reader-b": token_b, "senior": token_senior}, artefacts)
    finally:
        driver.quit()
    if problems:
        print("annotation workspace check failed:")
        for problem in problems:
            print(" -", problem)
        sys.exit(1)
    print("annotation workspace check passed")


if __name__ == "__main__":
    main(*sys.argv[1:])
