#!/usr/bin/env python3
"""Drives joining a challenge in headless Chromium, on a running `arbiter serve --smtp-url …` whose mails land in a
local SMTP sink (aiosmtpd, writing a Maildir).

    check_accounts.py BASE_URL MAILDIR ORGANISER_TOKEN FIXTURES ARTEFACT_DIR

The demo challenge (tissuenet-demo) asks each account to accept its rules and data-use agreement and to be approved.
- ada signs up; the confirmation mail arrives in the sink; its link confirms the address;
- ada signs in with her password, reads and accepts the terms, and asks for access;
- the organiser approves her on the dashboard; ada reaches the data page and downloads a file whose SHA-256 the page
  gives;
- ada creates team Curie and makes an invitation link;
- bob signs up and confirms, then opens the link before he has accepted anything: the join page carries the
  invitation through his acceptance and request, and still offers it while he awaits approval; once approved, he opens
  it and joins Curie;
- ada submits a file on the phase page; bob sees it among the team's submissions;
- a sign-in with a wrong password and one with an unknown address read the same;
- no page breaks its Content-Security-Policy or logs an error; screenshots go to ARTEFACT_DIR.
Exits non-zero with a list of every problem found.
"""
import email
import hashlib
import mailbox
import os
import re
import sys
import time
import urllib.request

from selenium.webdriver.common.by import By

from browsing import check, problems, shoot, sign_in, wait_for
from chromium import browser

CHALLENGE = "tissuenet-demo"
PASSWORD = "a long and memorable passphrase"


def mail_link(maildir, to, path, seen):
    """The first link to `path` in a mail to `to` not read before, waiting for it to arrive."""
    deadline = time.time() + 20
    while time.time() < deadline:
        for key, message in mailbox.Maildir(maildir, factory=None).items():
            if key in seen or to not in message.get("To", ""):
                continue
            part = message.get_payload(decode=True) if not message.is_multipart() else message.get_payload(0).get_payload(decode=True)
            text = part.decode("utf-8")
            found = re.search(r"http://[^\s]+" + re.escape(path) + r"[^\s]*", text)
            if found:
                seen.add(key)
                return found.group(0)
        time.sleep(0.2)
    problems.append(f"no mail to {to} with a link to {path} arrived")
    return None


def submit_form(driver, form_action):
    driver.find_element(By.CSS_SELECTOR, f"form[action='{form_action}'] button[type=submit]").click()


def sign_up_and_confirm(driver, base, maildir, seen, address, artefacts, shots):
    driver.get(base + "/sign-up")
    driver.find_element(By.ID, "email").send_keys(address)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    if shots:
        shoot(driver, artefacts, "sign-up")
    submit_form(driver, "/sign-up")
    wait_for(driver, lambda: "Check your mail" in driver.page_source, "the check-your-mail page")
    if shots:
        shoot(driver, artefacts, "check-your-mail")
    link = mail_link(maildir, address, "/verify?link=", seen)
    if link:
        driver.get(link)
        check("Address confirmed" in driver.page_source, f"{address}: the mailed link confirmed the address")
        if shots:
            shoot(driver, artefacts, "address-confirmed")


def sign_in_with_password(driver, base, address, password=PASSWORD):
    driver.get(base + "/sign-in")
    driver.find_element(By.ID, "email").send_keys(address)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "password").find_element(By.XPATH, "ancestor::form//button[@type='submit']").click()


def sign_out(driver):
    driver.find_element(By.XPATH, "//button[normalize-space()='Sign out']").click()
    wait_for(driver, lambda: driver.find_elements(By.LINK_TEXT, "Sign in"), "signing out")


def accept_and_ask(driver, base, who, artefacts, shots, on_join_page=False):
    if not on_join_page:
        driver.get(f"{base}/challenges/{CHALLENGE}")
        driver.find_element(By.LINK_TEXT, "Take part").click()
    wait_for(driver, lambda: driver.find_elements(By.ID, "accept"), "the terms to accept")
    check("Data-use agreement" in driver.page_source and "Rules" in driver.page_source, "the join page shows both documents")
    if shots:
        shoot(driver, artefacts, "join")
    driver.find_element(By.ID, "accept").click()
    driver.find_element(By.ID, "affiliation").send_keys(f"{who}'s pathology lab")
    driver.find_element(By.ID, "purpose").send_keys("Grading models for cervical biopsies")
    submit_form(driver, f"/challenges/{CHALLENGE}/join")
    wait_for(driver, lambda: "awaiting the organisers" in driver.page_source, "the request to be filed")
    if shots:
        shoot(driver, artefacts, "awaiting-approval")


def approve(driver, base, organiser, address, artefacts, shots):
    sign_in(driver, base, organiser)
    driver.get(f"{base}/challenges/{CHALLENGE}/manage")
    row = driver.find_element(By.XPATH, f"//tr[td[normalize-space()='{address}']]")
    if shots:
        shoot(driver, artefacts, "manage-access-requests")
    row.find_element(By.XPATH, ".//button[normalize-space()='Approve']").click()
    wait_for(driver, lambda: not driver.find_elements(By.XPATH, f"//tr[td[normalize-space()='{address}']]//button[normalize-space()='Approve']"),
             f"{address}'s approval")
    sign_out(driver)


def main():
    base, maildir, organiser, fixtures, artefacts = sys.argv[1:6]
    os.makedirs(artefacts, exist_ok=True)
    seen = set()
    driver = browser(console_log=True)
    try:
        sign_up_and_confirm(driver, base, maildir, seen, "ada@example.org", artefacts, True)
        sign_in_with_password(driver, base, "ada@example.org")
        wait_for(driver, lambda: driver.current_url.endswith("/account"), "ada's account page")
        shoot(driver, artefacts, "account")
        accept_and_ask(driver, base, "ada", artefacts, True)
        sign_out(driver)
        approve(driver, base, organiser, "ada@example.org", artefacts, True)

        sign_in_with_password(driver, base, "ada@example.org")
        wait_for(driver, lambda: driver.current_url.endswith("/account"), "ada's account page")
        driver.get(f"{base}/challenges/{CHALLENGE}/data")
        digest = driver.find_element(By.XPATH, "//tr[td/a[normalize-space()='submission-template.csv']]//code").text
        href = driver.find_element(By.LINK_TEXT, "submission-template.csv").get_attribute("href")
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        with urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookies})) as response:
            check(hashlib.sha256(response.read()).hexdigest() == digest, "the downloaded file matches the SHA-256 the data page gives")
        shoot(driver, artefacts, "data")

        driver.get(f"{base}/challenges/{CHALLENGE}/team")
        driver.find_element(By.ID, "name").send_keys("Curie")
        submit_form(driver, f"/challenges/{CHALLENGE}/team")
        wait_for(driver, lambda: "Team Curie" in driver.page_source, "team Curie")
        submit_form(driver, f"/challenges/{CHALLENGE}/team/invitations")
        wait_for(driver, lambda: driver.find_elements(By.ID, "token"), "the invitation link")
        invitation = driver.find_element(By.ID, "token").get_attribute("value")
        check("/team/join?invitation=inv_" in invitation, "the invitation is a link to the team's join page")
        shoot(driver, artefacts, "invitation")
        sign_out(driver)

        sign_up_and_confirm(driver, base, maildir, seen, "bob@example.org", artefacts, False)
        sign_in_with_password(driver, base, "bob@example.org")
        wait_for(driver, lambda: driver.current_url.endswith("/account"), "bob's account page")
        driver.get(invitation)
        wait_for(driver, lambda: "ada@example.org has invited you to team Curie" in driver.page_source, "the join page, carrying bob's invitation")
        shoot(driver, artefacts, "join-invited")
        accept_and_ask(driver, base, "bob", artefacts, False, on_join_page=True)
        check(driver.find_elements(By.LINK_TEXT, "open the invitation"), "the join page still offers bob's invitation while he awaits approval")
        shoot(driver, artefacts, "awaiting-with-invitation")
        sign_out(driver)
        approve(driver, base, organiser, "bob@example.org", artefacts, False)
        sign_in_with_password(driver, base, "bob@example.org")
        wait_for(driver, lambda: driver.current_url.endswith("/account"), "bob's account page")
        driver.get(invitation)
        wait_for(driver, lambda: "Join team Curie" in driver.page_source, "the invitation page")
        shoot(driver, artefacts, "join-team")
        submit_form(driver, f"/challenges/{CHALLENGE}/team/join")
        wait_for(driver, lambda: "bob@example.org (you)" in driver.page_source and "ada@example.org" in driver.page_source, "bob in team Curie")
        shoot(driver, artefacts, "team")
        sign_out(driver)

        sign_in_with_password(driver, base, "ada@example.org")
        wait_for(driver, lambda: driver.current_url.endswith("/account"), "ada's account page")
        driver.get(f"{base}/challenges/{CHALLENGE}/phases/final")
        driver.find_element(By.ID, "file").send_keys(os.path.abspath(os.path.join(fixtures, "predictions", "baseline.csv")))
        driver.find_element(By.XPATH, "//button[normalize-space()='Submit']").click()
        wait_for(driver, lambda: "Submitted" in driver.find_element(By.ID, "verdict").text, "ada's submission")
        shoot(driver, artefacts, "submitted")
        sign_out(driver)
        sign_in_with_password(driver, base, "bob@example.org")
        wait_for(driver, lambda: driver.current_url.endswith("/account"), "bob's account page")
        driver.get(f"{base}/challenges/{CHALLENGE}/submissions")
        check("baseline.csv" in driver.page_source, "bob sees the team's submission")
        shoot(driver, artefacts, "team-submissions")
        sign_out(driver)

        sign_in_with_password(driver, base, "ada@example.org", "not the passphrase")
        wait_for(driver, lambda: driver.find_elements(By.CSS_SELECTOR, ".error-summary"), "the refusal of a wrong password")
        wrong = driver.find_element(By.CSS_SELECTOR, ".error-summary").text
        sign_in_with_password(driver, base, "nobody@example.org", "not the passphrase")
        wait_for(driver, lambda: driver.find_elements(By.CSS_SELECTOR, ".error-summary"), "the refusal of an unknown address")
        unknown = driver.find_element(By.CSS_SELECTOR, ".error-summary").text
        check(wrong == unknown, f"a wrong password and an unknown address read the same: {wrong!r} / {unknown!r}")
        shoot(driver, artefacts, "sign-in-refused", (("/sign-in", "401"),))
    finally:
        driver.quit()
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("accounts: sign-up, mailed confirmation, terms, approval, data, team invitation and submission all work")


if __name__ == "__main__":
    main()
