/*
 * komunikat: the panel „Co teraz?” on supplier pages.
 *
 * The operator types when the first report went out and picks the level of
 * urgency; the panel says which step of the supplier's escalation ladder
 * applies now, which comes next and when, and which channels not to use.
 * The answer is computed by komunikat.escalation — the code `komunikat
 * escalate` runs — in the composer's Pyodide runtime (window.komunikat, set
 * up by composer.js), through the JSON bridge komunikat.escalation_browser.
 * The supplier's ladder comes from catalog.json (context.suppliers).
 *
 * Safety: the panel is built with createElement/textContent only.
 *
 * Material's instant navigation replaces pages without reloading scripts:
 * the panel mounts through document$, and its minute timer stops once its
 * page is gone.
 */
(function () {
  "use strict";

  const REFRESH_MS = 60 * 1000;
  let panels = 0;

  /* the text-only DOM helper of runtime.js, loaded before this script */
  const { el } = window.komunikat;

  function fail(root, message, error) {
    root.dataset.state = "error";
    root.replaceChildren(el("p", { class: "ke-error", role: "alert", text: message }));
    if (error) console.error(error);
  }

  /** The form, and the answer under it; `bridge` is komunikat.escalation_browser. */
  function build(root, supplier, bridge) {
    panels += 1;
    const id = `ke-${panels}`;
    const since = el("input", {
      id: `${id}-since`,
      class: "ke-since",
      type: "text",
      inputMode: "numeric",
      autocomplete: "off",
      spellcheck: false,
      placeholder: "dd.mm.rrrr gg:mm",
      "aria-describedby": `${id}-since-hint`,
    });
    const resetSince = el("button", {
      type: "button",
      class: "md-button ke-reset",
      text: "Ustaw bieżący czas",
    });
    const level = el("select", { id: `${id}-level`, class: "ke-level" });
    for (const ladder of supplier.escalation) {
      level.append(el("option", { value: ladder.id, text: ladder.name_pl }));
    }
    const covers = el("small", { id: `${id}-level-hint`, class: "ke-hint" });
    level.setAttribute("aria-describedby", covers.id);
    const form = el(
      "div",
      { class: "ke-form" },
      el(
        "div",
        { class: "ke-field" },
        el("label", { for: since.id, text: "Kiedy zgłoszono" }),
        el("div", { class: "ke-row" }, since, resetSince),
        el("small", {
          id: `${id}-since-hint`,
          class: "ke-hint",
          text: "Czas warszawski, dd.mm.rrrr gg:mm, np. 15.12.2026 22:00.",
        }),
      ),
      el(
        "div",
        { class: "ke-field" },
        el("label", { for: level.id, text: "Pilność" }),
        level,
        covers,
      ),
    );
    const status = el("p", { class: "ke-status", role: "status", "aria-live": "polite" });
    const summary = el("p", { class: "ke-summary" });
    const list = el("ul", { class: "ke-lines" });
    const answer = el("div", { class: "ke-answer", hidden: true }, summary, list);

    function showLevel() {
      const chosen = supplier.escalation.find((ladder) => ladder.id === level.value);
      covers.textContent = chosen ? `Dotyczy: ${chosen.label_pl}` : "";
    }

    function line(item) {
      const text = el(
        "span",
        { class: "ke-text" },
        item.label ? el("strong", { class: "ke-label", text: `${item.label}: ` }) : null,
        item.text,
      );
      const node = el("li", { class: `ke-line ke-${item.kind}`, "data-kind": item.kind }, text);
      if (item.kind === "next" && item.at) {
        const when = item.in ? `${item.at} · za ${item.in}` : item.at;
        node.append(el("span", { class: "ke-when", text: when }));
      }
      return node;
    }

    function update() {
      const request = {
        supplier,
        severity: level.value,
        since: since.value,
        now: new Date().toISOString(),
      };
      const result = JSON.parse(bridge.status(JSON.stringify(request)));
      if (!result.ok) {
        root.dataset.answer = "error";
        status.textContent = result.error;
        answer.hidden = true;
        return;
      }
      root.dataset.answer = "ok";
      status.textContent = "";
      const [first, ...rest] = result.lines;
      summary.textContent = first.text;
      list.replaceChildren(...rest.map(line));
      answer.hidden = false;
    }

    function setNow() {
      since.value = bridge.now_text(new Date().toISOString());
      update();
    }

    since.addEventListener("input", update);
    level.addEventListener("change", () => {
      showLevel();
      update();
    });
    resetSince.addEventListener("click", setNow);

    root.replaceChildren(form, status, answer);
    showLevel();
    setNow();
    root.dataset.state = "ready";

    // every minute while the page is open and shown; nothing once the page is gone
    const timer = setInterval(refresh, REFRESH_MS);
    document.addEventListener("visibilitychange", refresh);
    function refresh() {
      if (!root.isConnected) {
        clearInterval(timer);
        document.removeEventListener("visibilitychange", refresh);
      } else if (!document.hidden) {
        update();
      }
    }
  }

  function mount(root) {
    const api = window.komunikat;
    if (!api || typeof api.loadPyodide !== "function") {
      fail(root, "Panel „Co teraz?” nie znalazł środowiska kompozytora (composer.js). Odśwież stronę.");
      return;
    }
    root.dataset.state = "loading";
    root.replaceChildren(
      el("p", {
        class: "ke-status",
        role: "status",
        text: "Ładowanie… (za pierwszym razem przeglądarka pobiera kilkanaście MB; to trwa kilka sekund)",
      }),
    );
    Promise.all([api.loadCatalog(), api.loadPyodide()]).then(
      ([catalog, pyodide]) => {
        const supplierId = root.dataset.supplier;
        const suppliers = (catalog.data.context || {}).suppliers || {};
        const supplier = suppliers[supplierId];
        if (!supplier || !Array.isArray(supplier.escalation) || supplier.escalation.length === 0) {
          fail(root, `W danych strony nie ma drabiny eskalacji dostawcy „${supplierId}”. Przebuduj stronę.`);
          return;
        }
        build(root, supplier, pyodide.pyimport("komunikat.escalation_browser"));
      },
      (error) => {
        fail(root, `Nie udało się uruchomić panelu „Co teraz?”: ${error}. Odśwież stronę.`, error);
      },
    );
  }

  function mountAll() {
    for (const root of document.querySelectorAll(".komunikat-escalation:not([data-state])")) {
      mount(root);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
