/*
 * komunikat: the composer on template pages.
 *
 * A form for the template's fields that turns it into a ready-to-send message
 * while the operator types. The text is made by the real komunikat renderer
 * (Python) running in the browser through Pyodide, so it is exactly what
 * `komunikat render` prints for the same values: there is one rendering logic,
 * not a JavaScript copy of it. Everything is served by the site itself
 * (assets/composer/, written by hooks/composer.py): the site works on an
 * intranet without any CDN.
 *
 * The form and the message stand side by side (stacked on a phone). A problem
 * (the renderer's, in the form's wording: no command-line options) is shown
 * beside its field once the field was left, or when copy or download is asked
 * for too early; then every problem is listed in one summary, linked to its
 * field. The date field is docs/assets/composer-date.js (loaded first).
 *
 * Safety: the page is built with createElement/textContent only. Nothing typed
 * into the form and nothing taken from the data is ever parsed as HTML.
 *
 * Material's instant navigation loads pages without reloading scripts, so the
 * composer mounts through Material's document$ observable on every page, and
 * the runtime (runtime.js: window.komunikat) started on one page serves them all.
 */
(function () {
  "use strict";

  /* The runtime, the catalogue and the text-only DOM helper: runtime.js, loaded before this script. */
  const { loadCatalog, loadRuntime, el } = window.komunikat;
  const MISSING = /⟦[^⟦⟧]*⟧/g;
  const MAX_FILE_BYTES = 5 * 1024 * 1024;
  const LANG_NAMES = { pl: "Polski", en: "English" };

  let instances = 0;

  /* --- small DOM helpers (text only, never HTML) -------------------------- */

  /** Text with every ⟦missing value⟧ wrapped in <mark>. */
  function fillMarked(target, text) {
    target.replaceChildren();
    let last = 0;
    for (const match of text.matchAll(MISSING)) {
      target.append(document.createTextNode(text.slice(last, match.index)));
      target.append(el("mark", { class: "kc-missing", text: match[0] }));
      last = match.index + match[0].length;
    }
    target.append(document.createTextNode(text.slice(last)));
  }

  function fillList(box, list, items) {
    list.replaceChildren(...items.map((item) => el("li", { text: item })));
    box.hidden = items.length === 0;
  }

  function admonition(kind, title) {
    const list = el("ul");
    const box = el(
      "div",
      { class: `admonition ${kind} kc-${kind}`, hidden: true },
      el("p", { class: "admonition-title", text: title }),
      list,
    );
    return { box, list };
  }

  async function toBase64(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  }

  function saveFile(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = el("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  /** The clipboard API needs a secure context; plain-HTTP intranets get the old way. */
  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
    const area = el("textarea", { class: "kc-offscreen", value: text, readOnly: true });
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    if (!copied) throw new Error("copy refused");
  }

  /* --- form fields ---------------------------------------------------------- */

  /**
   * One form field: its DOM, how to read it, how to show the renderer's verdict.
   *
   * A problem is shown beside the field (aria-invalid, aria-describedby) only
   * once the field was touched — left or changed — or the operator asked to
   * copy or download (`reveal`); an untouched form shows no error.
   */
  function makeField(spec, idPrefix, onChange, onTouch) {
    const id = `${idPrefix}-${spec.name}`;
    const helpId = `${id}-help`;
    const problemId = `${id}-problem`;
    const wrap = el("div", { class: `kc-field kc-type-${spec.type}`, "data-field": spec.name });
    const label = el("label", { for: id, text: spec.label });
    if (!spec.required) label.append(el("span", { class: "kc-optional", text: " (opcjonalne)" }));
    const problem = el("p", { class: "kc-field-problem", id: problemId, hidden: true });
    const describe = spec.help ? helpId : undefined;
    let input;
    let read;
    let date = null;
    let touched = false;

    if (spec.widget === "checkboxes") {
      const boxes = spec.options.map((option) =>
        el("input", { type: "checkbox", value: option.value, name: id }),
      );
      input = el(
        "fieldset",
        { class: "kc-choices", id, "aria-describedby": describe },
        el("legend", { text: spec.label }),
        ...boxes.map((box, i) =>
          el("label", { class: "kc-choice" }, box, " ", spec.options[i].label),
        ),
      );
      read = () => boxes.filter((box) => box.checked).map((box) => box.value);
      wrap.append(input);
    } else if (spec.widget === "checkbox") {
      input = el("input", { type: "checkbox", id, "aria-describedby": describe });
      read = () => (input.checked ? "tak" : spec.required ? "nie" : "");
      wrap.append(el("label", { class: "kc-choice", for: id }, input, " ", spec.label));
    } else if (spec.widget === "datetime") {
      date = window.komunikatComposerParts.makeDateField({ el, spec, id, describe, onChange });
      input = date.input;
      read = date.read;
      wrap.append(label, ...date.nodes);
    } else {
      if (spec.widget === "select") {
        input = el("select", { id, "aria-describedby": describe });
        input.append(el("option", { value: "", text: "— wybierz —" }));
        for (const option of spec.options) {
          input.append(el("option", { value: option.value, text: option.label }));
        }
      } else if (spec.widget === "textarea") {
        input = el("textarea", { id, rows: 4, "aria-describedby": describe });
      } else {
        input = el("input", { type: "text", id, autocomplete: "off", "aria-describedby": describe });
        if (spec.widget === "email") input.inputMode = "email";
      }
      wrap.append(label, input);
      read = () => input.value;
    }
    if (spec.help) wrap.append(el("p", { class: "kc-help", id: helpId, text: spec.help }));
    wrap.append(problem);

    function touch() {
      if (touched) return;
      touched = true;
      onTouch();
    }
    /* Left: focus went outside the field (not to the next check box, nor to the picker). */
    wrap.addEventListener("focusout", (event) => {
      if (!wrap.contains(event.relatedTarget)) touch();
    });
    wrap.addEventListener("change", touch);

    return {
      spec,
      wrap,
      input,
      read,
      /** Where a link in the summary takes the operator. */
      focusTarget: () => (input.matches("fieldset") ? input.querySelector("input") : input),
      reveal() {
        touched = true;
      },
      setExample(lang) {
        if (!spec.example || !("placeholder" in input)) return;
        const text = spec.example[lang] || spec.example["*"] || Object.values(spec.example)[0];
        input.placeholder = text ? `np. ${text}` : "";
      },
      /** The renderer's state of the field and its issues (the form's wording). */
      show(state, issues) {
        const bad = touched && issues.length > 0;
        problem.replaceChildren(...(bad ? issues : []).map((i) => el("span", { text: i.message })));
        problem.hidden = !bad;
        wrap.classList.toggle("kc-invalid", bad);
        wrap.classList.toggle("kc-empty", Boolean(state && state.missing));
        input.setAttribute("aria-invalid", bad ? "true" : "false");
        const described = [describe, bad ? problemId : undefined].filter(Boolean).join(" ");
        if (described) input.setAttribute("aria-describedby", described);
        else input.removeAttribute("aria-describedby");
        if (date) date.setState(state);
      },
    };
  }

  /* --- previous messages (CLOSE, PROLONGATION) ------------------------------ */

  function makePrevious(idPrefix, form, forms, onChange) {
    const quotes = form.quotes;
    const titles = Object.fromEntries(Object.entries(forms).map(([id, f]) => [id, f.title]));
    const items = [];
    const problems = [];
    const list = el("ol", { class: "kc-previous-list" });
    const names = quotes.map((id) => titles[id] || id).join(", ");
    const fileInput = el("input", {
      type: "file",
      id: `${idPrefix}-previous-file`,
      multiple: true,
      accept: ".txt,.eml,text/plain,message/rfc822",
    });

    function remove(item) {
      items.splice(items.indexOf(item), 1);
      item.node.remove();
      onChange();
    }

    function addPasted() {
      const number = items.filter((item) => item.kind === "text").length + 1;
      const id = `${idPrefix}-previous-${Date.now()}-${number}`;
      const area = el("textarea", { id, rows: 6, class: "kc-previous-text" });
      const item = { kind: "text", area };
      const removeButton = el("button", {
        type: "button",
        class: "md-button kc-small",
        text: "Usuń",
      });
      removeButton.addEventListener("click", () => remove(item));
      item.node = el(
        "li",
        {},
        el("label", { for: id, text: "Wklejona wiadomość (z linią „Subject: …” na początku)" }),
        area,
        removeButton,
      );
      area.addEventListener("input", onChange);
      items.push(item);
      list.append(item.node);
      return area;
    }

    /** A loaded file or a kept notice: shown by its name, with a button to remove it. */
    function addListed(item, className, label) {
      const removeButton = el("button", {
        type: "button",
        class: "md-button kc-small",
        text: "Usuń",
      });
      removeButton.addEventListener("click", () => remove(item));
      item.node = el("li", { class: className }, el("span", { text: label }), removeButton);
      items.push(item);
      list.append(item.node);
    }

    async function addFiles() {
      problems.length = 0;
      for (const file of Array.from(fileInput.files || [])) {
        if (file.size > MAX_FILE_BYTES) {
          problems.push(`${file.name}: plik jest za duży (ponad 5 MB); to nie wygląda na wiadomość`);
          continue;
        }
        const item = { kind: "file", name: file.name, base64: await toBase64(file) };
        addListed(item, "kc-previous-file", `Plik: ${file.name} `);
      }
      fileInput.value = "";
      onChange();
    }

    /* a notice this browser kept (composer-incident.js): quoted, and threaded to its Message-ID */
    function addKept(kept) {
      const blank = items.find((item) => item.kind === "text" && !item.area.value.trim());
      if (blank) remove(blank);
      addListed({ ...kept }, "kc-previous-kept", `Zapisana: ${kept.label} `);
      onChange();
    }
    const incident = window.komunikat && window.komunikat.incident;
    const picker = incident ? incident.makePicker(idPrefix, form, forms, addKept) : null;

    const addButton = el("button", {
      type: "button",
      class: "md-button kc-small",
      text: "Dodaj kolejną wklejoną wiadomość",
    });
    addButton.addEventListener("click", () => addPasted().focus());
    fileInput.addEventListener("change", () => {
      addFiles().catch((error) => {
        problems.push(`nie można odczytać pliku: ${error}`);
        onChange();
      });
    });
    addPasted();

    const node = el(
      "fieldset",
      { class: "kc-previous" },
      el("legend", { text: "Poprzednie wiadomości" }),
      el("p", {
        class: "kc-help",
        text:
          `Ta wiadomość cytuje wcześniejsze zawiadomienia (${names} i ewentualne ` +
          "PROLONGATION). Wybierz zapisaną w tej przeglądarce, wklej ich treść razem " +
          "z tematem albo wczytaj pliki .txt lub .eml.",
      }),
      picker ? picker.node : null,
      list,
      el(
        "p",
        { class: "kc-previous-actions" },
        addButton,
        " ",
        el("label", { for: fileInput.id, text: "Wczytaj plik (.txt, .eml): " }),
        fileInput,
      ),
    );

    let touched = false;
    node.addEventListener("change", () => {
      touched = true;
    });
    node.addEventListener("focusout", (event) => {
      if (!node.contains(event.relatedTarget)) touched = true;
    });

    return {
      node,
      problems: () => problems.slice(),
      refresh: (hl) => picker && picker.refresh(hl),
      /** Problems with the quoted notices are shown once this part was used (or on copy). */
      touched: () => touched,
      reveal() {
        touched = true;
      },
      focusTarget: () => node.querySelector("textarea") || fileInput,
      read() {
        // pasted texts are named by the renderer ("wklejona nr 2"), by their place in the list
        return items.map((item) => {
          if (item.kind === "text") return { text: item.area.value };
          if (item.kind === "kept") {
            const { name, text, message_id, references, sent } = item;
            return { name, text, message_id, references, sent };
          }
          return { name: item.name, base64: item.base64 };
        });
      },
    };
  }

  /* --- one composer --------------------------------------------------------- */

  function mount(root, catalog) {
    const form = catalog.data.forms[root.dataset.template];
    if (!form) {
      root.dataset.state = "error";
      root.replaceChildren(el("p", { text: `Nie ma szablonu „${root.dataset.template}”.` }));
      return;
    }
    instances += 1;
    const idPrefix = `kc${instances}`;
    const incident = window.komunikat && window.komunikat.incident;
    let runtime = null;
    let pending = false;
    let last = null;
    let submitted = false; // copy or download was asked for: every problem is shown
    let asked = null; // what was asked for too early ("skopiować treści"), until the next edit
    let pressing = false; // a button of the preview is held down: the page must not move

    const formNode = el("form", { class: "kc-form", noValidate: true });
    formNode.addEventListener("submit", (event) => event.preventDefault());

    let langInputs = [];
    if (form.layout === "single" && form.languages.length > 1) {
      langInputs = form.languages.map((lang, i) =>
        el("input", { type: "radio", name: `${idPrefix}-lang`, value: lang, checked: i === 0 }),
      );
      formNode.append(
        el(
          "fieldset",
          { class: "kc-lang" },
          el("legend", { text: "Język wiadomości" }),
          ...langInputs.map((input) =>
            el("label", { class: "kc-choice" }, input, " ", LANG_NAMES[input.value] || input.value),
          ),
        ),
      );
    }
    const currentLang = () => {
      const checked = langInputs.find((input) => input.checked);
      return checked ? checked.value : null;
    };

    const fields = form.fields.map((spec) => makeField(spec, idPrefix, schedule, refresh));
    const byName = Object.fromEntries(fields.map((field) => [field.spec.name, field]));
    for (const field of fields) formNode.append(field.wrap);
    const previous = form.quotes.length
      ? makePrevious(idPrefix, form, catalog.data.forms, schedule)
      : null;
    if (previous) formNode.append(previous.node);
    /* one incident (composer-incident.js): locked fields, sender, recipients */
    if (incident) for (const field of fields) incident.lockable(field);
    const sender = fields.find((field) => field.spec.name === "sender");
    if (incident && sender && !sender.input.value) sender.input.value = incident.rememberedSender();
    if (incident && sender) {
      sender.input.addEventListener("change", () => incident.rememberSender(sender.input.value));
    }
    const recipients = incident && form.channel === "email" ? incident.makeRecipients(idPrefix) : null;
    if (recipients) formNode.append(recipients.node);
    for (const type of ["input", "change"]) {
      formNode.addEventListener(type, () => {
        asked = null;
        schedule();
      });
    }
    formNode.addEventListener("focusout", refresh);
    for (const input of langInputs) {
      input.addEventListener("change", () => {
        for (const field of fields) field.setExample(currentLang() || "*");
      });
    }
    for (const field of fields) field.setExample(currentLang() || "*");

    const status = el("p", { class: "kc-status", role: "status", "aria-live": "polite" });
    const problems = admonition("failure", "Wiadomości nie można jeszcze wysłać");
    problems.box.tabIndex = -1;
    const warnings = admonition("warning", "Uwaga");
    const cc = admonition("info", "Dodaj do wiadomości (DW)");
    const subject = el("span", { class: "kc-subject" });
    const subjectRow = el(
      "p",
      { class: "kc-subject-row", hidden: !form.has_subject },
      el("strong", { text: "Temat: " }),
      subject,
    );
    const body = el("pre", { class: "kc-body", tabIndex: 0, "aria-label": "Treść wiadomości" });
    /* Enabled once the runtime runs: asked for with problems, they show every problem. */
    const copySubject = el("button", {
      type: "button",
      class: "md-button kc-copy-subject",
      text: "Kopiuj temat",
      disabled: true,
      hidden: !form.has_subject,
    });
    const copyBody = el("button", {
      type: "button",
      class: "md-button kc-copy-body",
      text: "Kopiuj treść",
      disabled: true,
    });
    const download = el("button", {
      type: "button",
      class: "md-button md-button--primary kc-download",
      text: "Pobierz .eml",
      disabled: true,
      hidden: form.channel !== "email",
    });
    const calendar = el("button", {
      type: "button",
      class: "md-button kc-download-ics",
      text: "Pobierz do kalendarza (.ics)",
      disabled: true,
      hidden: !(incident && form.calendar),
    });
    const output = el(
      "div",
      { class: "kc-output" },
      el("p", { class: "kc-output-title", text: "Gotowa wiadomość" }),
      status,
      el("p", { class: "kc-actions" }, copySubject, " ", copyBody, " ", download, " ", calendar),
      problems.box,
      warnings.box,
      cc.box,
      subjectRow,
      body,
    );

    function request() {
      const values = {};
      for (const field of fields) values[field.spec.name] = field.read();
      return {
        values: JSON.stringify(values),
        lang: currentLang(),
        previous: JSON.stringify(previous ? previous.read() : []),
        recipients: JSON.stringify(recipients ? recipients.read() : {}),
      };
    }

    function schedule() {
      if (pending) return;
      pending = true;
      setTimeout(() => {
        pending = false;
        update();
      }, 0);
    }

    /** A field was left or a copy was asked for: show the last verdict again, no new rendering. */
    function refresh() {
      if (last) show(last);
    }

    function update() {
      if (!runtime || !root.isConnected) return;
      const ask = request();
      let result;
      try {
        result = JSON.parse(
          runtime.compose(form.id, ask.values, ask.lang, ask.previous, true, null, ask.recipients),
        );
      } catch (error) {
        root.dataset.state = "error";
        status.textContent = "Błąd wewnętrzny kompozytora; zgłoś go (szczegóły w konsoli).";
        console.error(error);
        return;
      }
      last = result;
      show(result);
    }

    /** The summary's entry: a link to the field (or the quoted notices) the problem is in. */
    function summaryItem(issue) {
      const target = issue.field
        ? byName[issue.field]
        : issue.kind === "previous"
          ? previous
          : null;
      if (!target) return el("li", { text: issue.message });
      const focus = target.focusTarget();
      // a button, not a link to #id: Material's instant navigation takes over same-page
      // links (it moves the hash and, later, the focus), which lost the field's focus
      const link = el("button", { type: "button", class: "kc-summary-link", text: issue.message });
      link.addEventListener("click", (event) => {
        event.preventDefault();
        focus.focus();
        focus.scrollIntoView({ block: "center" });
        // a redraw started by the summary losing focus may run after this click: focus again then
        requestAnimationFrame(() => {
          if (document.activeElement !== focus) focus.focus();
        });
      });
      return el("li", {}, link);
    }

    function fieldLabel(issue) {
      if (issue.field && byName[issue.field]) return `„${byName[issue.field].spec.label}”`;
      return issue.kind === "previous" ? "„Poprzednie wiadomości”" : "ramka poniżej";
    }

    function show(result) {
      if (pressing) return;
      const issues = result.issues || [];
      for (const field of fields) {
        if (field.inherit) field.inherit((result.inherited || {})[field.spec.name]);
        const mine = issues.filter((issue) => issue.field === field.spec.name);
        field.show(result.fields[field.spec.name], mine);
      }
      if (recipients) recipients.show(result);
      if (previous) {
        const hl = fields.find((field) => field.spec.name === "hl");
        previous.refresh(hl ? hl.input.value.trim() : "");
      }
      /* Problems of no field: the quoted notices' once that part was used, the rest at once;
         after a copy was asked for, every problem, each linked to its field. */
      const listed = issues.filter((issue) => {
        if (submitted) return true;
        if (issue.field && byName[issue.field]) return false;
        return issue.kind !== "previous" || (previous && previous.touched());
      });
      const localProblems = previous ? previous.problems() : [];
      // the same problems again (a field was left): the links stay, and so does a focused one,
      // or a click on a link could land on the list that replaced it
      const said = JSON.stringify([localProblems, listed.map((i) => [i.field, i.kind, i.message])]);
      if (problems.said !== said) {
        problems.said = said;
        problems.list.replaceChildren(
          ...localProblems.map((text) => el("li", { text })),
          ...listed.map(summaryItem),
        );
      }
      problems.box.hidden = localProblems.length + listed.length === 0;
      fillList(warnings.box, warnings.list, result.warnings);
      fillList(
        cc.box,
        cc.list,
        result.cc.map((c) => `${c.name} <${c.email || "adres z CRM"}> — ${c.note}`),
      );
      fillMarked(subject, result.subject || "");
      fillMarked(
        body,
        result.body || "(podgląd niedostępny — popraw to, co wskazano w formularzu)",
      );
      const ready = result.ready && localProblems.length === 0;
      root.dataset.complete = ready ? "true" : "false";
      const why = asked ? `Nie można jeszcze ${asked}. ` : "";
      status.textContent = ready
        ? "Wiadomość jest gotowa do wysłania."
        : why + notReady(result, issues);
    }

    function notReady(result, issues) {
      const said = [];
      if (result.missing.length) {
        const labels = fields
          .filter((field) => result.missing.includes(field.spec.name))
          .map((field) => field.spec.label);
        said.push(`Uzupełnij: ${labels.join(", ")}.`);
      }
      const wrong = [
        ...new Set(issues.filter((issue) => issue.kind !== "missing").map(fieldLabel)),
      ];
      if (wrong.length) said.push(`Popraw: ${wrong.join(", ")}.`);
      if (!said.length) said.push("Popraw to, co wskazano w ramce poniżej.");
      return said.join(" ");
    }

    /** Copy or download asked for before the message is ready: show every problem, go to them. */
    function revealProblems(what) {
      submitted = true;
      asked = what;
      for (const field of fields) field.reveal();
      if (previous) previous.reveal();
      if (last) show(last);
      if (!problems.box.hidden) problems.box.focus();
    }

    /** The composed notice kept in this browser, for the later notices of the incident. */
    function keepComposed(messageId, thread) {
      if (!incident || !last || !last.ready || !form.phase) return;
      incident.keep({
        template: form.id,
        subject: last.subject,
        hl: last.hl,
        text: last.text,
        message_id: messageId,
        references: thread || last.thread || [],
      });
    }

    async function copy(what, text) {
      try {
        await copyText(text);
        keepComposed(null);
        status.textContent = `Skopiowano ${what} do schowka.`;
      } catch (error) {
        status.textContent = `Nie udało się skopiować (${error}); zaznacz tekst i skopiuj ręcznie.`;
      }
    }

    copySubject.addEventListener("click", () => {
      if (last && last.ready) copy("temat", last.subject);
      else revealProblems("skopiować tematu");
    });
    copyBody.addEventListener("click", () => {
      if (last && last.ready) copy("treść", last.body);
      else revealProblems("skopiować treści");
    });
    function internalError(error) {
      status.textContent = "Błąd wewnętrzny kompozytora; zgłoś go (szczegóły w konsoli).";
      console.error(error);
    }

    /** A file made by Python (.eml, .ics): saved, or every problem shown. */
    function offer(result, type, what) {
      if (!result.ready) {
        last = { ...last, ready: false, issues: result.issues };
        revealProblems(what);
        return false;
      }
      saveFile(result.filename, result.eml || result.ics, type);
      status.textContent = `Pobrano ${result.filename}; otwórz plik w programie pocztowym.`;
      return true;
    }

    download.addEventListener("click", async () => {
      if (!runtime) return;
      if (!last || !last.ready) {
        revealProblems("pobrać pliku .eml");
        return;
      }
      const ask = request();
      try {
        // a maintenance .eml carries its .ics, made by icalendar (fetched when first needed)
        if (incident && form.calendar) await incident.loadCalendar();
        const result = JSON.parse(
          runtime.compose_eml(form.id, ask.values, ask.lang, ask.previous, null, ask.recipients),
        );
        if (offer(result, "message/rfc822", "pobrać pliku .eml")) keepComposed(result.message_id, result.thread);
      } catch (error) {
        internalError(error);
      }
    });
    calendar.addEventListener("click", async () => {
      if (!runtime) return;
      if (!last || !last.ready) {
        revealProblems("pobrać pliku kalendarza");
        return;
      }
      const ask = request();
      try {
        await incident.loadCalendar();
        const result = JSON.parse(runtime.compose_ics(form.id, ask.values, ask.lang, ask.previous));
        if (offer(result, "text/calendar", "pobrać pliku kalendarza")) {
          status.textContent = `Pobrano ${result.filename}; otwórz go w kalendarzu.`;
        }
      } catch (error) {
        internalError(error);
      }
    });

    /*
     * Pressing copy takes the focus from the field being typed in, and a problem
     * shown beside it would move the button away before the click: the form is
     * shown again only once the press is over (the click shows every problem).
     */
    function released() {
      setTimeout(() => {
        pressing = false;
        refresh();
      }, 0);
    }
    output.addEventListener("pointerdown", (event) => {
      if (!event.target.closest("button")) return;
      pressing = true;
      document.addEventListener("pointerup", released, { once: true });
      document.addEventListener("pointercancel", released, { once: true });
    });
    output.addEventListener(
      "click",
      () => {
        pressing = false;
      },
      true,
    );

    root.replaceChildren(formNode, output);
    root.dataset.state = "loading";
    status.textContent =
      "Ładowanie… (za pierwszym razem przeglądarka pobiera kilkanaście MB; to trwa kilka sekund)";
    loadRuntime().then(
      (loaded) => {
        runtime = loaded;
        root.dataset.state = "ready";
        for (const button of [copySubject, copyBody, download, calendar]) button.disabled = false;
        update();
      },
      (error) => {
        root.dataset.state = "error";
        status.textContent = `Nie udało się uruchomić kompozytora: ${error}. Odśwież stronę.`;
        console.error(error);
      },
    );
  }

  function mountAll() {
    const roots = Array.from(document.querySelectorAll(".komunikat-composer:not([data-state])"));
    if (roots.length === 0) return;
    for (const root of roots) {
      root.dataset.state = "loading";
      root.replaceChildren(el("p", { class: "kc-status", role: "status", text: "Ładowanie…" }));
    }
    loadCatalog().then(
      (catalog) => {
        for (const root of roots) mount(root, catalog);
      },
      (error) => {
        for (const root of roots) {
          root.dataset.state = "error";
          root.replaceChildren(
            el("p", { text: `Nie udało się wczytać szablonów: ${error}. Odśwież stronę.` }),
          );
        }
        console.error(error);
      },
    );
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
