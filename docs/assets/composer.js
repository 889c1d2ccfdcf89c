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
 * Safety: the page is built with createElement/textContent only. Nothing typed
 * into the form and nothing taken from the data is ever parsed as HTML.
 *
 * Material's instant navigation loads pages without reloading scripts, so the
 * composer mounts through Material's document$ observable on every page, and
 * the runtime (runtime.js: window.komunikat) started on one page serves them all.
 */
(function () {
  "use strict";

  /* The runtime and the catalogue: runtime.js, loaded before this script. */
  const { loadCatalog, loadRuntime } = window.komunikat;
  const MISSING = /⟦[^⟦⟧]*⟧/g;
  const MAX_FILE_BYTES = 5 * 1024 * 1024;
  const LANG_NAMES = { pl: "Polski", en: "English" };
  const ZONE_CHOICES = [
    ["", "— wybierz —"],
    ["CEST", "CEST — pierwsza (przed cofnięciem zegarów)"],
    ["CET", "CET — druga (po cofnięciu zegarów)"],
  ];

  let instances = 0;

  /* --- small DOM helpers (text only, never HTML) -------------------------- */

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.includes("-") || key === "for" || key === "role") node.setAttribute(key, value);
      else node[key] = value;
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

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

  /** One form field: its DOM, how to read it, how to show the renderer's verdict. */
  function makeField(spec, idPrefix, onChange) {
    const id = `${idPrefix}-${spec.name}`;
    const helpId = `${id}-help`;
    const wrap = el("div", { class: `kc-field kc-type-${spec.type}`, "data-field": spec.name });
    const label = el("label", { for: id, text: spec.label });
    if (!spec.required) label.append(el("span", { class: "kc-optional", text: " (opcjonalne)" }));
    const problem = el("p", { class: "kc-field-problem", hidden: true, role: "alert" });
    const describe = spec.help ? helpId : undefined;
    let input;
    let read;
    let zone = null;
    let zoneWrap = null;
    let shown = null;

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
    } else {
      if (spec.widget === "select") {
        input = el("select", { id, "aria-describedby": describe });
        input.append(el("option", { value: "", text: "— wybierz —" }));
        for (const option of spec.options) {
          input.append(el("option", { value: option.value, text: option.label }));
        }
      } else if (spec.widget === "textarea") {
        input = el("textarea", { id, rows: 4, "aria-describedby": describe });
      } else if (spec.widget === "datetime") {
        input = el("input", { type: "datetime-local", id, step: 60, "aria-describedby": describe });
      } else {
        input = el("input", { type: "text", id, autocomplete: "off", "aria-describedby": describe });
        if (spec.widget === "email") input.inputMode = "email";
      }
      wrap.append(label, input);
      read = () => input.value;
    }

    if (spec.widget === "datetime") {
      shown = el("output", { class: "kc-zone", for: id, "aria-live": "polite" });
      zone = el("select", { class: "kc-zone-choice", "aria-label": `${spec.label}: strefa` });
      for (const [value, text] of ZONE_CHOICES) zone.append(el("option", { value, text }));
      zoneWrap = el(
        "label",
        { class: "kc-zone-wrap", hidden: true },
        "Ta godzina występuje dwa razy; wybierz: ",
        zone,
      );
      wrap.append(shown, zoneWrap);
      read = () => (input.value && zone.value ? `${input.value} ${zone.value}` : input.value);
      zone.addEventListener("change", onChange);
    }
    if (spec.help) wrap.append(el("p", { class: "kc-help", id: helpId, text: spec.help }));
    wrap.append(problem);

    return {
      spec,
      wrap,
      input,
      read,
      setExample(lang) {
        if (!spec.example || !("placeholder" in input) || spec.widget === "datetime") return;
        const text = spec.example[lang] || spec.example["*"] || Object.values(spec.example)[0];
        input.placeholder = text ? `np. ${text}` : "";
      },
      show(state) {
        const bad = Boolean(state && state.problem);
        problem.textContent = bad ? state.problem : "";
        problem.hidden = !bad;
        wrap.classList.toggle("kc-invalid", bad);
        wrap.classList.toggle("kc-empty", Boolean(state && state.missing));
        if (input.setAttribute) input.setAttribute("aria-invalid", bad ? "true" : "false");
        if (shown) shown.textContent = state && state.shown ? `→ ${state.shown}` : "";
        if (zone) {
          const ambiguous = Boolean(state && state.ambiguous);
          zoneWrap.hidden = !ambiguous;
          if (!ambiguous && zone.value) {
            zone.value = "";
            onChange();
          }
        }
      },
    };
  }

  /* --- previous messages (CLOSE, PROLONGATION) ------------------------------ */

  function makePrevious(idPrefix, quotes, titles, onChange) {
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

    async function addFiles() {
      problems.length = 0;
      for (const file of Array.from(fileInput.files || [])) {
        if (file.size > MAX_FILE_BYTES) {
          problems.push(`${file.name}: plik jest za duży (ponad 5 MB); to nie wygląda na wiadomość`);
          continue;
        }
        const item = { kind: "file", name: file.name, base64: await toBase64(file) };
        const removeButton = el("button", {
          type: "button",
          class: "md-button kc-small",
          text: "Usuń",
        });
        removeButton.addEventListener("click", () => remove(item));
        item.node = el(
          "li",
          { class: "kc-previous-file" },
          el("span", { text: `Plik: ${file.name} ` }),
          removeButton,
        );
        items.push(item);
        list.append(item.node);
      }
      fileInput.value = "";
      onChange();
    }

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
          "PROLONGATION). Wklej ich treść razem z tematem albo wczytaj pliki .txt lub .eml.",
      }),
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

    return {
      node,
      problems: () => problems.slice(),
      read() {
        return items.map((item) =>
          item.kind === "text"
            ? { name: `wklejona wiadomość ${items.indexOf(item) + 1}`, text: item.area.value }
            : { name: item.name, base64: item.base64 },
        );
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
    const titles = Object.fromEntries(
      Object.entries(catalog.data.forms).map(([id, other]) => [id, other.title]),
    );
    let runtime = null;
    let pending = false;
    let last = null;

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

    const fields = form.fields.map((spec) => makeField(spec, idPrefix, schedule));
    for (const field of fields) formNode.append(field.wrap);
    const previous = form.quotes.length
      ? makePrevious(idPrefix, form.quotes, titles, schedule)
      : null;
    if (previous) formNode.append(previous.node);
    formNode.addEventListener("input", schedule);
    formNode.addEventListener("change", schedule);
    for (const input of langInputs) {
      input.addEventListener("change", () => {
        for (const field of fields) field.setExample(currentLang() || "*");
      });
    }
    for (const field of fields) field.setExample(currentLang() || "*");

    const status = el("p", { class: "kc-status", role: "status", "aria-live": "polite" });
    const problems = admonition("failure", "Wiadomości nie można jeszcze wysłać");
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
    const output = el(
      "div",
      { class: "kc-output" },
      el("p", { class: "kc-output-title", text: "Gotowa wiadomość" }),
      status,
      problems.box,
      warnings.box,
      cc.box,
      subjectRow,
      body,
      el("p", { class: "kc-actions" }, copySubject, " ", copyBody, " ", download),
    );

    function request() {
      const values = {};
      for (const field of fields) values[field.spec.name] = field.read();
      return {
        values: JSON.stringify(values),
        lang: currentLang(),
        previous: JSON.stringify(previous ? previous.read() : []),
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

    function update() {
      if (!runtime || !root.isConnected) return;
      const ask = request();
      let result;
      try {
        result = JSON.parse(runtime.compose(form.id, ask.values, ask.lang, ask.previous, true));
      } catch (error) {
        root.dataset.state = "error";
        status.textContent = "Błąd wewnętrzny kompozytora; zgłoś go (szczegóły w konsoli).";
        console.error(error);
        return;
      }
      last = result;
      show(result);
    }

    function show(result) {
      for (const field of fields) field.show(result.fields[field.spec.name]);
      const localProblems = previous ? previous.problems() : [];
      fillList(problems.box, problems.list, [...localProblems, ...result.problems]);
      fillList(warnings.box, warnings.list, result.warnings);
      fillList(
        cc.box,
        cc.list,
        result.cc.map((c) => `${c.name} <${c.email || "adres z CRM"}> — ${c.note}`),
      );
      fillMarked(subject, result.subject || "");
      fillMarked(body, result.body || "(podgląd niedostępny — popraw błędy wskazane wyżej)");
      const ready = result.ready && localProblems.length === 0;
      root.dataset.complete = ready ? "true" : "false";
      copySubject.disabled = !ready || result.subject === null;
      copyBody.disabled = !ready;
      download.disabled = !ready;
      if (ready) {
        status.textContent = "Wiadomość jest gotowa do wysłania.";
      } else if (result.missing.length) {
        const labels = fields
          .filter((field) => result.missing.includes(field.spec.name))
          .map((field) => field.spec.label);
        status.textContent = `Uzupełnij: ${labels.join(", ")}.`;
      } else {
        status.textContent = "Popraw to, co wskazano poniżej.";
      }
    }

    async function copy(what, text) {
      try {
        await copyText(text);
        status.textContent = `Skopiowano ${what} do schowka.`;
      } catch (error) {
        status.textContent = `Nie udało się skopiować (${error}); zaznacz tekst i skopiuj ręcznie.`;
      }
    }

    copySubject.addEventListener("click", () => {
      if (last && last.ready) copy("temat", last.subject);
    });
    copyBody.addEventListener("click", () => {
      if (last && last.ready) copy("treść", last.body);
    });
    download.addEventListener("click", () => {
      if (!runtime) return;
      const ask = request();
      let result;
      try {
        result = JSON.parse(runtime.compose_eml(form.id, ask.values, ask.lang, ask.previous));
      } catch (error) {
        status.textContent = "Błąd wewnętrzny kompozytora; zgłoś go (szczegóły w konsoli).";
        console.error(error);
        return;
      }
      if (!result.ready) {
        fillList(problems.box, problems.list, result.problems);
        return;
      }
      const url = URL.createObjectURL(new Blob([result.eml], { type: "message/rfc822" }));
      const link = el("a", { href: url, download: result.filename, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      status.textContent = `Pobrano ${result.filename}; otwórz plik w programie pocztowym.`;
    });

    root.replaceChildren(formNode, output);
    root.dataset.state = "loading";
    status.textContent =
      "Ładowanie… (za pierwszym razem przeglądarka pobiera kilkanaście MB; to trwa kilka sekund)";
    loadRuntime().then(
      (loaded) => {
        runtime = loaded;
        root.dataset.state = "ready";
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
