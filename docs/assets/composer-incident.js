/*
 * komunikat: one incident in the composer (OPEN → PROLONGATION → CLOSE).
 *
 * What the composer (composer.js) adds for a notice that belongs to an
 * incident, kept apart from the form itself:
 *
 * - the notices this browser composed, kept in localStorage (at most
 *   MAX_KEPT, for KEEP_DAYS days, newest first) so a CLOSE or PROLONGATION
 *   can quote one without pasting it, and be threaded to its Message-ID;
 * - the sender's name, remembered and prefilled;
 * - fields a later notice takes from the quoted OPEN, locked with a note
 *   (which fields and their values come from Python: komunikat.notices.inherit);
 * - To and Cc of the downloaded .eml, with the CC the procedures require;
 * - the planned-maintenance calendar file (.ics), whose Python code
 *   (icalendar) is fetched only when it is first needed.
 *
 * It registers itself as window.komunikat.incident; composer.js calls it.
 * Like composer.js, it builds the page with createElement/textContent only.
 */
(function () {
  "use strict";

  const SCRIPT_URL = document.currentScript
    ? document.currentScript.src
    : new URL("assets/composer-incident.js", document.baseURI).href;
  const CALENDAR_ZIP = new URL("composer/python-ical.zip", SCRIPT_URL);
  const PYTHON_DIR = "/opt/komunikat";
  const KEPT_KEY = "komunikat.notices.v1";
  const SENDER_KEY = "komunikat.sender";
  const MAX_KEPT = 20;
  const KEEP_DAYS = 14;
  const DAY_MS = 24 * 60 * 60 * 1000;

  let calendarPromise = null;

  /** composer.js's DOM helper (text only, never HTML); it is loaded by the time a form mounts. */
  const el = (...args) => window.komunikat.el(...args);

  /* --- what the browser keeps (localStorage may be off: then nothing is kept) --- */

  function readStored(key, fallback) {
    try {
      const text = window.localStorage.getItem(key);
      return text === null ? fallback : JSON.parse(text);
    } catch (error) {
      return fallback;
    }
  }

  function writeStored(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      return false;
    }
  }

  /** The kept notices, newest first, without those older than KEEP_DAYS. */
  function keptNotices() {
    const found = readStored(KEPT_KEY, []);
    const oldest = Date.now() - KEEP_DAYS * DAY_MS;
    const fresh = (Array.isArray(found) ? found : []).filter(
      (entry) => entry && typeof entry.text === "string" && Date.parse(entry.time) >= oldest,
    );
    fresh.sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
    if (fresh.length !== found.length) writeStored(KEPT_KEY, fresh);
    return fresh;
  }

  /**
   * Keep a composed notice; the same text composed again replaces the older
   * record (keeping its Message-ID when only copied now after a download).
   */
  function keep(entry) {
    const record = { ...entry, time: new Date().toISOString() };
    const same = keptNotices().find(
      (old) => old.template === record.template && old.text === record.text,
    );
    if (same && same.message_id && !record.message_id) record.message_id = same.message_id;
    const others = keptNotices().filter(
      (old) =>
        !(old.template === record.template && old.text === record.text) &&
        !(record.message_id && old.message_id === record.message_id),
    );
    writeStored(KEPT_KEY, [record, ...others].slice(0, MAX_KEPT));
    window.dispatchEvent(new CustomEvent("komunikat:kept"));
  }

  function forget() {
    writeStored(KEPT_KEY, null);
    window.dispatchEvent(new CustomEvent("komunikat:kept"));
  }

  function rememberedSender() {
    const name = readStored(SENDER_KEY, "");
    return typeof name === "string" ? name : "";
  }

  function rememberSender(name) {
    if (name.trim()) writeStored(SENDER_KEY, name.trim());
  }

  function shownTime(iso) {
    return new Date(iso).toLocaleString("pl-PL", {
      timeZone: "Europe/Warsaw",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
  }

  /* --- „Wcześniejsza wiadomość”: the kept notices a later one may quote ---------- */

  /**
   * A picker of the kept notices of this incident's kind: the templates this
   * one quotes (OPEN) and the PROLONGATIONs of the same OPEN (on a PROLONGATION's
   * page too, for works prolonged again); with an HL typed,
   * only that incident's. onPick(item) adds the chosen one to the quoted notices.
   */
  function makePicker(idPrefix, form, forms, onPick) {
    const id = `${idPrefix}-kept`;
    // a PROLONGATION's page offers the earlier PROLONGATIONs too: works prolonged twice
    const matches = (entry) =>
      form.quotes.includes(entry.template) ||
      (forms[entry.template] &&
        forms[entry.template].phase === "PROLONGATION" &&
        forms[entry.template].quotes.join() === form.quotes.join());
    const select = el("select", { id, class: "kc-kept-choice" });
    const add = el("button", {
      type: "button",
      class: "md-button kc-small kc-kept-add",
      text: "Cytuj tę wiadomość",
    });
    const forgetButton = el("button", {
      type: "button",
      class: "md-button kc-small kc-kept-forget",
      text: "Zapomnij zapisane wiadomości",
    });
    const empty = el("p", { class: "kc-help kc-kept-empty" });
    const row = el("p", { class: "kc-kept-row" }, select, " ", add);
    let hl = "";
    let shown = [];

    const key = (entry) => `${entry.template}\n${entry.time}\n${entry.message_id || ""}`;

    /**
     * Called on every redraw of the form: the options are rebuilt only when the
     * kept notices shown change, and the one chosen stays chosen (a rebuilt
     * list would fall back to the newest, which „Cytuj” would then quote).
     */
    function refresh(currentHl) {
      if (currentHl !== undefined) hl = currentHl || "";
      const all = keptNotices();
      const chosen = shown[Number(select.value)];
      const before = shown.map(key).join("\n\n");
      shown = all.filter(matches).filter((entry) => !hl || !entry.hl || entry.hl === hl);
      if (shown.map(key).join("\n\n") !== before) {
        select.replaceChildren(
          ...shown.map((entry, i) =>
            el("option", {
              value: String(i),
              text: `${entry.hl || "bez HL"} — ${shownTime(entry.time)} — ${entry.subject || entry.template}`,
            }),
          ),
        );
        const again = chosen ? shown.findIndex((entry) => key(entry) === key(chosen)) : -1;
        if (again >= 0) select.value = String(again);
      }
      row.hidden = shown.length === 0;
      empty.hidden = shown.length !== 0;
      empty.textContent = hl
        ? `Ta przeglądarka nie ma zapisanej wiadomości do ${hl} (${form.quotes.join(", ")}).`
        : "Ta przeglądarka nie ma zapisanych wiadomości, które ta mogłaby cytować.";
      forgetButton.hidden = all.length === 0;
    }

    add.addEventListener("click", () => {
      const entry = shown[Number(select.value)];
      if (!entry) return;
      onPick({
        kind: "kept",
        name: `zapisana wiadomość ${entry.hl || entry.template}`,
        label: `${entry.subject || entry.template} (${shownTime(entry.time)})`,
        text: entry.text,
        message_id: entry.message_id || null,
        references: entry.references || [],
        sent: entry.time,
      });
    });
    forgetButton.addEventListener("click", forget);
    window.addEventListener("komunikat:kept", () => refresh());
    refresh();

    const node = el(
      "div",
      { class: "kc-kept" },
      el("label", { for: id, class: "kc-kept-label", text: "Wcześniejsza wiadomość" }),
      row,
      empty,
      el("p", {
        class: "kc-help kc-kept-privacy",
        text:
          `Ta przeglądarka pamięta wiadomości skopiowane lub pobrane tutaj (najwyżej ${MAX_KEPT}, ` +
          `przez ${KEEP_DAYS} dni), tylko na tym komputerze. Mogą zawierać dane osobowe ` +
          "(np. imię i nazwisko nadawcy); na wspólnym komputerze usuń je przyciskiem „Zapomnij”.",
      }),
      forgetButton,
    );
    return { node, refresh };
  }

  /* --- fields taken from the quoted OPEN ---------------------------------------- */

  /**
   * Makes a form field lockable: while the quoted OPEN gives its value, the
   * field shows that value, cannot be changed and reads as blank, so the
   * renderer takes the OPEN's value itself (as the CLI does).
   */
  function lockable(field) {
    const own = field.read;
    const note = el("p", { class: "kc-inherited", hidden: true });
    field.wrap.append(note);
    const boxes = () => Array.from(field.wrap.querySelectorAll("input[type=checkbox]"));
    let locked = false;

    function put(value) {
      if (field.spec.widget === "checkboxes") {
        const wanted = Array.isArray(value) ? value : [];
        for (const box of boxes()) box.checked = wanted.includes(box.value);
      } else if (field.spec.widget === "checkbox") {
        field.input.checked = Boolean(value);
      } else {
        field.input.value = value || "";
      }
    }

    function setLocked(on) {
      locked = on;
      field.wrap.classList.toggle("kc-locked", on);
      if (field.input.tagName === "INPUT" && field.input.type !== "checkbox") {
        field.input.readOnly = on;
      } else {
        field.input.disabled = on;
      }
    }

    field.read = () => (locked ? "" : own());
    field.inherit = (taken) => {
      if (taken) {
        put(taken.value);
        note.textContent = `${taken.note.charAt(0).toUpperCase()}${taken.note.slice(1)}.`;
        note.hidden = false;
        setLocked(true);
      } else if (locked) {
        put(field.spec.widget === "checkboxes" ? [] : "");
        note.hidden = true;
        setLocked(false);
      }
    };
    return field;
  }

  /* --- recipients -------------------------------------------------------------- */

  /** To and Cc of the .eml, and the CC the procedures require (from data/, via the result). */
  function makeRecipients(idPrefix) {
    const rows = [
      ["to", "Do", "Adresy odbiorców, rozdzielone przecinkami"],
      ["cc", "DW", "Adresy do wiadomości, rozdzielone przecinkami"],
    ].map(([name, label, help]) => {
      const id = `${idPrefix}-recipients-${name}`;
      const input = el("input", {
        type: "text",
        id,
        class: `kc-recipients-${name}`,
        autocomplete: "off",
        inputMode: "email",
        placeholder: "np. Jan Kowalski <jan.kowalski@example.pl>",
        "aria-describedby": `${id}-help`,
      });
      const problem = el("p", { class: "kc-field-problem", hidden: true, role: "alert" });
      const wrap = el(
        "div",
        { class: "kc-field kc-type-recipients", "data-field": `recipients-${name}` },
        el("label", { for: id, text: label }, el("span", { class: "kc-optional", text: " (opcjonalne)" })),
        input,
        el("p", { class: "kc-help", id: `${id}-help`, text: `${help}; trafiają do pliku .eml.` }),
        problem,
      );
      return { name, input, problem, wrap };
    });
    const reminderList = el("ul");
    const reminder = el(
      "div",
      { class: "kc-cc-required", hidden: true },
      el("p", { class: "kc-cc-required-title", text: "Procedura wymaga w DW:" }),
      reminderList,
    );
    const node = el(
      "fieldset",
      { class: "kc-recipients" },
      el("legend", { text: "Odbiorcy (plik .eml)" }),
      ...rows.map((row) => row.wrap),
      reminder,
    );
    return {
      node,
      read: () => Object.fromEntries(rows.map((row) => [row.name, row.input.value])),
      show(result) {
        const wrong = result.recipients || {};
        for (const row of rows) {
          const bad = Boolean(wrong[row.name]);
          row.problem.textContent = bad ? wrong[row.name] : "";
          row.problem.hidden = !bad;
          row.wrap.classList.toggle("kc-invalid", bad);
          row.input.setAttribute("aria-invalid", bad ? "true" : "false");
        }
        const required = result.cc || [];
        reminderList.replaceChildren(
          ...required.map((c) =>
            el("li", {
              text: `${c.name} — ${c.note} (${c.email ? `${c.email}, dopisany do .eml` : "adres z CRM, dopisz ręcznie"})`,
            }),
          ),
        );
        reminder.hidden = required.length === 0;
      },
    };
  }

  /* --- the calendar file ---------------------------------------------------------- */

  /** icalendar and dateutil unpacked beside komunikat, fetched once, when first needed. */
  function loadCalendar() {
    if (calendarPromise === null) {
      calendarPromise = Promise.all([
        window.komunikat.loadPyodide(),
        fetch(CALENDAR_ZIP, { cache: "no-cache" }).then((response) => {
          if (!response.ok) throw new Error(`python-ical.zip: HTTP ${response.status}`);
          return response.arrayBuffer();
        }),
      ]).then(([pyodide, zip]) => {
        pyodide.unpackArchive(zip, "zip", { extractDir: PYTHON_DIR });
        pyodide.runPython("import importlib; importlib.invalidate_caches()");
      });
      calendarPromise.catch(() => {
        calendarPromise = null;
      });
    }
    return calendarPromise;
  }

  window.komunikat = Object.assign(window.komunikat || {}, {
    incident: {
      keep,
      forget,
      keptNotices,
      rememberedSender,
      rememberSender,
      makePicker,
      lockable,
      makeRecipients,
      loadCalendar,
    },
  });
})();
