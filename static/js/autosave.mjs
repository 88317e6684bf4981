// Automatic draft saving for the scoring form.
//
// Every 20 seconds, when something has changed, and when the page is hidden, the form is posted
// to the draft endpoint. A copy of what was typed is also kept in this browser's storage, keyed
// by audit and revision, and put back when the page loads with an older server copy: nothing
// typed is lost when the session ends or the network drops.

const INTERVAL_MS = 20_000;
const SKIPPED_FIELDS = new Set(["csrf_token", "revision", "action"]);
const form = document.getElementById("scoring-form");

if (form && form.dataset.draftUrl) {
  startAutosave(form);
} else if (form && form.dataset.status === "submitted") {
  forgetCopies(form.dataset.auditId, Infinity);
}

function copyKey(auditId, revision) {
  return `qa-audit:audit:${auditId}:revision:${revision}`;
}

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // storage switched off: autosave still works, without the local copy
  }
}

function forgetCopies(auditId, belowRevision) {
  const store = storage();
  if (!store) return;
  const prefix = `qa-audit:audit:${auditId}:revision:`;
  for (const key of Object.keys(store)) {
    if (key.startsWith(prefix) && Number(key.slice(prefix.length)) < belowRevision) {
      store.removeItem(key);
    }
  }
}

function clockTime(milliseconds) {
  return new Date(milliseconds).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}

function answers(form) {
  const pairs = [];
  for (const [name, value] of new FormData(form)) {
    if (!SKIPPED_FIELDS.has(name)) pairs.push([name, String(value)]);
  }
  return pairs;
}

function putBack(form, pairs) {
  const values = new Map(pairs);
  for (const element of form.elements) {
    if (!element.name || SKIPPED_FIELDS.has(element.name)) continue;
    if (element.type === "radio") {
      element.checked = values.get(element.name) === element.value;
    } else if (element.tagName === "TEXTAREA" || element.type === "text") {
      element.value = values.get(element.name) ?? "";
    }
  }
}

function startAutosave(form) {
  const auditId = form.dataset.auditId;
  const url = form.dataset.draftUrl;
  const status = document.getElementById("draft-status");
  let revision = Number(form.dataset.revision);
  let changes = 0;
  let savedChanges = 0;
  let inFlight = null;
  let stopped = false;
  let needToken = false;

  const show = (message, problem = false) => {
    status.textContent = message;
    status.classList.toggle("app-draft-status--problem", problem);
  };

  const keepCopy = () => {
    const store = storage();
    if (!store) return;
    try {
      store.setItem(copyKey(auditId, revision), JSON.stringify({ at: Date.now(), answers: answers(form) }));
    } catch {
      // storage full: the server copy still protects the work
    }
  };

  const restoreCopy = () => {
    const store = storage();
    const raw = store && store.getItem(copyKey(auditId, revision));
    if (!raw) return;
    const copy = JSON.parse(raw);
    const serverSavedAt = Number(form.dataset.savedAt);
    if (copy.at <= serverSavedAt || JSON.stringify(copy.answers) === JSON.stringify(answers(form))) {
      return;
    }
    putBack(form, copy.answers);
    changes += 1;
    const notice = document.createElement("div");
    notice.className = "govuk-inset-text";
    notice.id = "draft-restored";
    notice.textContent =
      `What you typed at ${clockTime(copy.at)} had not been saved, so it has been put back ` +
      "from this browser. Check it, then save the draft.";
    form.prepend(notice);
  };

  const refreshToken = async () => {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) return false;
    const data = await response.json();
    for (const input of document.querySelectorAll('input[name="csrf_token"]')) {
      input.value = data.csrf_token;
    }
    needToken = false;
    return true;
  };

  const send = async (keepalive) => {
    if (needToken && !(await refreshToken())) {
      show("You have been signed out. Sign in again in another tab, then come back: nothing you typed on this page has been lost.", true);
      return;
    }
    const body = new FormData(form);
    body.delete("action");
    body.set("revision", String(revision));
    const sentChanges = changes;
    const response = await fetch(url, {
      method: "POST",
      body,
      keepalive,
      headers: { Accept: "application/json" },
    });
    const data = await response.json().catch(() => ({}));
    if (response.ok) {
      forgetCopies(auditId, data.revision);
      revision = data.revision;
      form.elements.revision.value = String(revision);
      savedChanges = sentChanges;
      if (changes !== savedChanges) keepCopy();
      show(`Draft saved at ${data.saved_at}`);
    } else if (response.status === 401 || (response.status === 400 && data.csrf)) {
      needToken = true;
      show(data.error || "The draft could not be saved yet; it will be tried again.", true);
    } else if (response.status === 409) {
      stopped = true;
      show(data.error, true);
    } else {
      show(data.error || "The draft could not be saved. Use Save draft to try again.", true);
    }
  };

  const save = (keepalive = false) => {
    if (stopped || inFlight || changes === savedChanges) return inFlight;
    inFlight = send(keepalive)
      .catch(() => show("The draft could not be saved: check your connection. Nothing you typed has been lost.", true))
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  const changed = () => {
    changes += 1;
    keepCopy();
  };

  forgetCopies(auditId, revision);
  restoreCopy();
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => {
    if (inFlight) {
      // Let the automatic save finish first, so this save is based on the newest revision.
      event.preventDefault();
      const submitter = event.submitter;
      inFlight.finally(() => form.requestSubmit(submitter));
      return;
    }
    stopped = true;
  });
  window.setInterval(() => save(), INTERVAL_MS);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") save(true);
  });
  window.addEventListener("pagehide", () => save(true));
}
