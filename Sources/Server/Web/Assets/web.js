// Arbiter's pages work without this script; it adds what a plain form and a refresh cannot: local times, upload
// progress with the verdict in place, live statuses, drag and drop, and copy buttons. No inline script anywhere
// (the Content-Security-Policy allows only this file).
"use strict";

function localTimes(root) {
  const now = Date.now();
  for (const time of root.querySelectorAll("time[datetime]")) {
    if (time.dataset.localised) continue;
    const instant = new Date(time.getAttribute("datetime"));
    if (isNaN(instant)) continue;
    time.dataset.localised = "1";
    const local = instant.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
    const extra = document.createElement("span");
    extra.className = "local";
    let text = " (" + local + " your time";
    const verb = time.dataset.relative;
    if (verb) {
      const days = (instant - now) / 86400000;
      const phrase = Math.abs(days) >= 1 ? Math.round(Math.abs(days)) + " day" + (Math.round(Math.abs(days)) === 1 ? "" : "s")
        : Math.abs(days * 24) >= 1 ? Math.round(Math.abs(days * 24)) + " h" : Math.max(1, Math.round(Math.abs(days * 1440))) + " min";
      text += days > 0 ? "; " + verb + " in " + phrase : "; " + (verb === "opens" ? "opened" : "closed") + " " + phrase + " ago";
    }
    extra.textContent = text + ")";
    time.after(extra);
  }
}

function swapFrom(html, selector) {
  const fresh = new DOMParser().parseFromString(html, "text/html").querySelector(selector);
  const current = document.querySelector(selector);
  if (fresh && current) { current.replaceWith(fresh); localTimes(fresh); wireCopy(fresh); return fresh; }
  return null;
}

function wireCopy(root) {
  for (const button of root.querySelectorAll("[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const target = document.querySelector(button.dataset.copy);
      if (!target) return;
      const text = target.value !== undefined && target.tagName === "INPUT" ? target.value : target.innerText;
      navigator.clipboard.writeText(text).then(() => { button.textContent = "Copied"; });
    });
  }
}

function wireUpload(form) {
  const input = form.querySelector("input[type=file]");
  const zone = form.querySelector(".drop-zone");
  const chosen = form.querySelector("[data-chosen]");
  const progress = form.querySelector("[data-progress]");
  const status = form.querySelector("[data-progress-text]");
  const limit = Number(form.dataset.limit || 0);
  const showChosen = () => { chosen.textContent = input.files.length ? input.files[0].name + " (" + input.files[0].size.toLocaleString() + " bytes)" : ""; };
  input.addEventListener("change", showChosen);
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("dragging"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    if (event.dataTransfer.files.length) { input.files = event.dataTransfer.files; showChosen(); }
  });
  form.addEventListener("submit", (event) => {
    if (!input.files.length) return;
    event.preventDefault();
    const file = input.files[0];
    if (limit && file.size > limit) {
      status.textContent = file.name + " is " + file.size.toLocaleString() + " bytes, more than this phase's limit of " + limit.toLocaleString() + " bytes.";
      return;
    }
    const action = (event.submitter && event.submitter.getAttribute("formaction")) || form.getAttribute("action");
    const request = new XMLHttpRequest();
    request.open("POST", action);
    progress.hidden = false;
    progress.value = 0;
    for (const button of form.querySelectorAll("button")) button.disabled = true;
    request.upload.addEventListener("progress", (progressEvent) => {
      if (!progressEvent.lengthComputable) return;
      progress.value = Math.round(100 * progressEvent.loaded / progressEvent.total);
      status.textContent = "Uploading: " + progress.value + "%";
    });
    request.addEventListener("load", () => {
      status.textContent = "";
      progress.hidden = true;
      const verdict = swapFrom(request.responseText, "#verdict");
      swapFrom(request.responseText, ".submit");
      const fresh = document.querySelector("form[data-upload]");
      if (fresh) wireUpload(fresh);
      const focus = verdict && verdict.querySelector("[data-focus]");
      if (focus) focus.focus();
    });
    request.addEventListener("error", () => {
      status.textContent = "The upload did not reach the server; check the connection and try again.";
      for (const button of form.querySelectorAll("button")) button.disabled = false;
      progress.hidden = true;
    });
    request.send(new FormData(form));
  });
}

function followStatuses() {
  const live = document.querySelector("#submissions[data-live=pending]");
  if (!live) return;
  setTimeout(() => {
    fetch(location.href, { credentials: "same-origin", cache: "no-store" })
      .then((response) => response.ok ? response.text() : Promise.reject(response.status))
      .then((html) => { swapFrom(html, "#submissions"); followStatuses(); })
      .catch(() => setTimeout(followStatuses, 5000));
  }, 2000);
}

// On a reader's item page: 1-9 choose a grade, n and p go to the next and previous item. Keys typed into the comment
// stay there; the form itself saves with Enter as any form does.
function wireReadingKeys(form) {
  // Where the annotation viewer runs, it takes every key (viewer.js).
  if (document.querySelector("[data-viewer]")) return;
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("textarea, input[type=text]")) return;
    const choice = form.querySelector("input[data-key='" + event.key + "']");
    if (choice) { choice.checked = true; choice.focus(); event.preventDefault(); return; }
    const link = document.querySelector("a[data-key-nav='" + event.key + "']");
    if (link) { event.preventDefault(); location.assign(link.href); }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  localTimes(document);
  wireCopy(document);
  for (const form of document.querySelectorAll("form[data-upload]")) wireUpload(form);
  for (const form of document.querySelectorAll("form[data-read-form]")) wireReadingKeys(form);
  followStatuses();
  const focus = document.querySelector("[data-focus]");
  if (focus) focus.focus();
});
