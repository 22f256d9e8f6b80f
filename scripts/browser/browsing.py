"""What the browser checks share: the list of problems found, waiting, signing in, and screenshots that also check
the page fits a phone's width and broke no Content-Security-Policy rule."""
import os
import time

from selenium.webdriver.common.by import By

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def wait_for(driver, predicate, what, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if predicate():
                return True
        except Exception:
            pass
        time.sleep(0.2)
    problems.append(f"timed out waiting for {what} on {driver.current_url}")
    return False


def shoot(driver, artefacts, name, expected_errors=()):
    """Saves the page at 1400 px and 390 px, and checks that it fits a phone's width and broke no CSP rule.
    `expected_errors`: console messages (by a part of them) a check brings about on purpose."""
    for width in (1400, 390):
        driver.set_window_size(width, 1000)
        time.sleep(0.2)
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
        driver.set_window_size(width, max(600, height))
        driver.save_screenshot(os.path.join(artefacts, f"{name}-{width}.png"))
        wide = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if wide > 1:
            culprits = driver.execute_script("""
                const width = document.documentElement.clientWidth, out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const box = e.getBoundingClientRect();
                  if (box.right > width + 1 && !e.parentElement.closest('.table-box')) out.push(e.tagName.toLowerCase() + '.' + e.className);
                }
                return out.slice(0, 5);""")
            problems.append(f"{name} at {width} px is {wide} px wider than the window: {culprits}")
    driver.set_window_size(1400, 1000)
    for entry in driver.get_log("browser"):
        message = entry.get("message", "")
        if any(all(part in message for part in expected) for expected in expected_errors):
            continue
        if "Content Security Policy" in message or entry.get("level") == "SEVERE":
            problems.append(f"{name}: browser console: {entry['message'][:300]}")


def sign_in(driver, base, token):
    driver.get(base + "/sign-in")
    field = driver.find_element(By.ID, "token")
    field.send_keys(token)
    field.find_element(By.XPATH, "ancestor::form//button[@type='submit']").click()
    wait_for(driver, lambda: "/sign-in" not in driver.current_url, "signing in")
