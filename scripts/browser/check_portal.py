#!/usr/bin/env python3
"""Drives the portal of a running `arbiter serve --no-judge` in headless Chromium as its people would.

    check_portal.py BASE_URL TEAM_TOKEN ORGANISER_TOKEN ARBITER DATA_DIR FIXTURES ARTEFACT_DIR READER_TOKEN ADJUDICATOR_TOKEN

- a participant signs in, uploads a malformed file and sees every problem the API reports, uploads a valid one and
  follows it from queued to scored on its submissions page without reloading it (the judge is run meanwhile);
- signing out ends the session, and the back button shows nothing private;
- an organiser signs in, publishes the final phase by typing its slug, and the private split appears on the portal's
  leaderboard;
- a participant does the whole path with the keyboard alone, with the focus always visible;
- a reader of the demo's study opens its list and an item's picture, grades it with a digit key and Enter, and finds
  the grade saved as a new version;
- the study's adjudicator opens a tie from its queue, sees both readers' grades beside the picture, and accepts one;
- no page breaks its Content-Security-Policy, and none is wider than a 390 px phone screen;
- every page is saved as a screenshot at 1400 px and at 390 px in ARTEFACT_DIR.
Exits non-zero with a list of every problem found.
"""
import json
import os
import subprocess
import sys
import time
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains

from browsing import check, problems, shoot, sign_in, wait_for
from chromium import browser

CHALLENGE = "tissuenet-demo"
# A refused upload is answered 4xx on purpose; Chromium logs every such answer to a script's request.
REFUSED_UPLOAD = ("/upload", "Failed to load resource")


def api_problems(base, token, path):
    """The problems the API reports for a dry run of the file, to compare with the page's."""
    with open(path, "rb") as handle:
        body = handle.read()
    request = urllib.request.Request(f"{base}/api/v1/challenges/{CHALLENGE}/phases/final/submissions?dry_run=true&file_name=x.csv",
                                     data=body, method="POST", headers={"Authorization": "Bearer " + token})
    try:
        urllib.request.urlopen(request)
        return []
    except urllib.error.HTTPError as error:
        return json.loads(error.read())["error"]["details"]


def participant(driver, base, token, arbiter, data, fixtures, artefacts):
    driver.get(base + "/")
    shoot(driver, artefacts, "home", (REFUSED_UPLOAD,))
    driver.get(base + "/sign-in")
    shoot(driver, artefacts, "sign-in", (REFUSED_UPLOAD,))
    sign_in(driver, base, token)
    check(driver.current_url.endswith(f"/challenges/{CHALLENGE}"), f"a team lands on its challenge, not {driver.current_url}")
    shoot(driver, artefacts, "challenge", (REFUSED_UPLOAD,))
    driver.get(f"{base}/challenges/{CHALLENGE}/phases/final")
    malformed = os.path.join(fixtures, "predictions", "malformed.csv")
    driver.find_element(By.ID, "file").send_keys(os.path.abspath(malformed))
    driver.find_element(By.XPATH, "//button[normalize-space()='Submit']").click()
    wait_for(driver, lambda: driver.find_elements(By.CSS_SELECTOR, "#problems-table tbody tr"), "the malformed file's verdict")
    expected = api_problems(base, token, malformed)
    rows = driver.find_elements(By.CSS_SELECTOR, "#problems-table tbody tr")
    check(len(rows) == len(expected) and expected, f"the page lists {len(rows)} problems, the API {len(expected)}")
    text = driver.find_element(By.ID, "verdict").text
    for detail in expected:
        check(detail["message"] in text, f"the verdict lacks the API's words: {detail['message']}")
    check(driver.current_url.endswith("/phases/final"), "the verdict replaced the form in place (no navigation)")
    shoot(driver, artefacts, "phase-malformed", (REFUSED_UPLOAD,))
    driver.find_element(By.ID, "file").send_keys(os.path.abspath(os.path.join(fixtures, "predictions", "baseline.csv")))
    driver.find_element(By.XPATH, "//button[normalize-space()='Submit']").click()
    wait_for(driver, lambda: "Submitted" in driver.find_element(By.ID, "verdict").text, "the submission's acknowledgement")
    shoot(driver, artefacts, "phase-submitted", (REFUSED_UPLOAD,))
    driver.find_element(By.LINK_TEXT, "Follow its status in My submissions").click()
    wait_for(driver, lambda: driver.find_elements(By.CSS_SELECTOR, "#submissions .status-queued"), "the queued submission")
    shoot(driver, artefacts, "submissions-queued", (REFUSED_UPLOAD,))
    driver.execute_script("window.arbiterMarker = 'not reloaded'")
    subprocess.run([arbiter, "judge", "--data-dir", data], check=True, stdout=subprocess.DEVNULL)
    wait_for(driver, lambda: not driver.find_elements(By.CSS_SELECTOR, "#submissions .status-queued, #submissions .status-scoring"),
             "the status to move to scored")
    check(driver.find_elements(By.CSS_SELECTOR, "#submissions .status-scored"), "the submission shows as scored")
    check(driver.execute_script("return window.arbiterMarker") == "not reloaded", "the status moved without reloading the page")
    shoot(driver, artefacts, "submissions-scored", (REFUSED_UPLOAD,))
    driver.find_element(By.XPATH, "//button[normalize-space()='Sign out']").click()
    wait_for(driver, lambda: driver.find_elements(By.LINK_TEXT, "Sign in"), "signing out")
    driver.back()
    time.sleep(0.5)
    check("baseline.csv" not in driver.page_source and not driver.find_elements(By.CSS_SELECTOR, "#submissions table"),
          f"after signing out, the back button still shows the submissions ({driver.current_url})")
    driver.get(f"{base}/challenges/{CHALLENGE}/submissions")
    check("/sign-in" in driver.current_url, "after signing out, my submissions asks to sign in again")


def organiser(driver, base, token, artefacts):
    sign_in(driver, base, token)
    driver.get(f"{base}/challenges/{CHALLENGE}/leaderboard/")
    check("private ·" not in driver.find_element(By.ID, "final").text, "the private split shows before publishing")
    driver.get(f"{base}/challenges/{CHALLENGE}/manage")
    shoot(driver, artefacts, "manage", (REFUSED_UPLOAD,))
    driver.find_element(By.CSS_SELECTOR, f"a[href='/challenges/{CHALLENGE}/manage/phases/final/publish']").click()
    shoot(driver, artefacts, "confirm-publish", (REFUSED_UPLOAD,))
    driver.find_element(By.ID, "confirm").send_keys("final")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for(driver, lambda: driver.current_url.endswith("/manage"), "the dashboard after publishing")
    driver.get(f"{base}/challenges/{CHALLENGE}/manage/audit?action=phase.published")
    check("phase.published" in driver.find_element(By.TAG_NAME, "main").text, "the audit log records the publication")
    shoot(driver, artefacts, "audit", (REFUSED_UPLOAD,))
    driver.get(f"{base}/challenges/{CHALLENGE}/leaderboard/")
    check("private ·" in driver.find_element(By.ID, "final").text, "the private split appears on the leaderboard once published")
    shoot(driver, artefacts, "leaderboard", (REFUSED_UPLOAD,))
    # The site's pages have no sign-out form: sign out through the portal.
    driver.get(f"{base}/")
    driver.find_element(By.XPATH, "//button[normalize-space()='Sign out']").click()
    # The keyboard check signs in next: it must find the session ended, not race the sign-out's answer.
    wait_for(driver, lambda: driver.find_elements(By.LINK_TEXT, "Sign in"), "the organiser signing out")


def tab_to(driver, predicate, what, limit=60):
    """Presses Tab until the focused element satisfies `predicate`, checking that the focus is visible each time."""
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        element = driver.switch_to.active_element
        if element.tag_name == "body":
            continue
        style = driver.execute_script("const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth", element)
        check(not style.startswith("none") and not style.endswith(" 0px"),
              f"focus is not visible on <{element.tag_name}> {element.text[:40]!r} ({style})")
        if predicate(element):
            return element
    problems.append(f"could not reach {what} with Tab")
    return None


def keyboard(driver, base, token, fixtures, artefacts):
    driver.get(base + "/sign-in")
    if tab_to(driver, lambda e: e.get_attribute("id") == "token", "the token field"):
        ActionChains(driver).send_keys(token).send_keys(Keys.ENTER).perform()
    wait_for(driver, lambda: "/sign-in" not in driver.current_url, "signing in by keyboard")
    if tab_to(driver, lambda e: e.tag_name == "a" and e.text == "Submit", "the Submit section"):
        ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait_for(driver, lambda: "/phases/" in driver.current_url, "the phase page")
    # A native file chooser cannot be driven by keys in headless Chromium: the file is given to the focused input.
    field = tab_to(driver, lambda e: e.get_attribute("id") == "file", "the file input")
    if field:
        field.send_keys(os.path.abspath(os.path.join(fixtures, "predictions", "atlas.csv")))
    if tab_to(driver, lambda e: e.text == "Check only", "Check only"):
        ActionChains(driver).send_keys(Keys.SPACE).perform()
    wait_for(driver, lambda: "The file is valid" in driver.find_element(By.ID, "verdict").text, "the check's verdict")
    shoot(driver, artefacts, "phase-checked-by-keyboard", (REFUSED_UPLOAD,))


def reader(driver, base, token, artefacts):
    """The demo study's first reader: its list, an item's picture, a grade chosen with a digit key and saved with
    Enter, then the next item; back on the first item the grade is checked and the read is a new version."""
    driver.get(base + "/")
    for button in driver.find_elements(By.XPATH, "//button[normalize-space()='Sign out']"):
        button.click()
        wait_for(driver, lambda: driver.find_elements(By.LINK_TEXT, "Sign in"), "the team signing out")
    sign_in(driver, base, token)
    check(driver.current_url.endswith("/annotate"), f"an annotator lands on its reading, not {driver.current_url}")
    check("read" in driver.find_element(By.TAG_NAME, "main").text, "the reading list shows the reader's progress")
    shoot(driver, artefacts, "annotate", (REFUSED_UPLOAD,))
    driver.find_element(By.LINK_TEXT, "Continue reading").click()
    wait_for(driver, lambda: driver.execute_script(
        "const i = document.querySelector('.item-picture img'); return i && i.complete && i.naturalWidth > 0"), "the item's picture")
    first = driver.current_url.split("?")[0]
    shoot(driver, artefacts, "annotate-item", (REFUSED_UPLOAD,))
    ActionChains(driver).send_keys("2").perform()
    check(driver.find_element(By.CSS_SELECTOR, "input[name=label][value='1']").is_selected(), "the key 2 chooses the second grade")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait_for(driver, lambda: "Saved your read" in driver.find_element(By.TAG_NAME, "main").text, "the saved notice on the next item")
    check(driver.current_url.split("?")[0] != first, "saving goes on to another item")
    shoot(driver, artefacts, "annotate-saved", (REFUSED_UPLOAD,))
    driver.get(first)
    check(driver.find_element(By.CSS_SELECTOR, "input[name=label][value='1']").is_selected(), "the saved grade comes back checked")
    check("version 2" in driver.find_element(By.TAG_NAME, "main").text, "the read saved from the page is a new version")


def adjudicator(driver, base, token, arbiter, data, artefacts):
    """Two readers of one item are made to disagree (new versions of their reads, imported with the CLI) and the
    consensus puts the tie in the queue; the adjudicator opens it, sees both grades beside the picture, and accepts one."""
    study = [CHALLENGE, "tissuenet-demo-grading", "--data-dir", data]
    exported = subprocess.run([arbiter, "study", "reads", "export", *study], check=True, capture_output=True, text=True).stdout
    readers = {}
    for line in exported.splitlines()[1:]:
        fields = line.split(",")
        if fields[-1] == "false":
            readers.setdefault(fields[0], set()).add(fields[1])
    item, pair = next((item, sorted(names)) for item, names in readers.items() if len(names) == 2)
    reads = os.path.join(data, "tie.csv")
    with open(reads, "w") as file:
        file.write(f"item_id,reader,label\n{item},{pair[0]},0\n{item},{pair[1]},3\n")
    subprocess.run([arbiter, "study", "reads", "import", *study[:2], reads, *study[2:]], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([arbiter, "study", "consensus", *study[:2], "--out", os.path.join(data, "tie-consensus.csv"), *study[2:]],
                   check=True, stdout=subprocess.DEVNULL)
    driver.get(base + "/")
    for button in driver.find_elements(By.XPATH, "//button[normalize-space()='Sign out']"):
        button.click()
        wait_for(driver, lambda: driver.find_elements(By.LINK_TEXT, "Sign in"), "the reader signing out")
    sign_in(driver, base, token)
    check("open dispute" in driver.find_element(By.TAG_NAME, "main").text, "the adjudicator's list shows its open disputes")
    driver.find_element(By.LINK_TEXT, "Open the adjudication queue").click()
    driver.find_element(By.LINK_TEXT, item).click()
    wait_for(driver, lambda: driver.execute_script(
        "const i = document.querySelector('.item-picture img'); return i && i.complete && i.naturalWidth > 0"), "the disputed item's picture")
    text = driver.find_element(By.TAG_NAME, "main").text
    check(pair[0] in text and pair[1] in text, f"both readers' grades are side by side ({pair})")
    shoot(driver, artefacts, "adjudicate-dispute", (REFUSED_UPLOAD,))
    driver.find_element(By.XPATH, "//button[starts-with(normalize-space(), 'Accept 3')]").click()
    wait_for(driver, lambda: f"Decided item {item}" in driver.find_element(By.TAG_NAME, "main").text, "the decision's notice")
    shoot(driver, artefacts, "adjudicate-decided", (REFUSED_UPLOAD,))


def main(base, team_token, organiser_token, arbiter, data, fixtures, artefacts, reader_token, adjudicator_token):
    os.makedirs(artefacts, exist_ok=True)
    driver = browser(console_log=True)
    try:
        participant(driver, base, team_token, arbiter, data, fixtures, artefacts)
        organiser(driver, base, organiser_token, artefacts)
        keyboard(driver, base, team_token, fixtures, artefacts)
        reader(driver, base, reader_token, artefacts)
        adjudicator(driver, base, adjudicator_token, arbiter, data, artefacts)
    finally:
        driver.quit()
    print(f"portal checked; screenshots in {artefacts}")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 10:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
