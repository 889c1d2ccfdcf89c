/*
 * komunikat: the composer's date-and-time field (docs/assets/composer.js uses it).
 *
 * Typed as dd.mm.rrrr gg:mm whatever the browser's language: a text input,
 * which the renderer parses exactly as `komunikat render --set` does. A
 * native datetime-local control follows the browser's locale (mm/dd/yyyy and
 * AM/PM in an English browser), so it is offered only as a picker in a small
 * panel beside the field, and what it picks is written into the text as
 * dd.mm.rrrr gg:mm. The keyboard path stays the text input.
 *
 * For the hour the clocks go back (it happens twice) the field asks CEST or
 * CET; the choice is sent as the suffix the renderer accepts ("… CEST").
 */
(function () {
  "use strict";

  const ZONE_CHOICES = [
    ["", "— wybierz —"],
    ["CEST", "CEST — pierwsza (przed cofnięciem zegarów)"],
    ["CET", "CET — druga (po cofnięciu zegarów)"],
  ];
  /* What the renderer reads (komunikat.warsaw); the pattern only helps the browser. */
  const PATTERN = String.raw`\s*\d{1,2}\.\d{1,2}\.\d{4}\s+\d{1,2}:\d{2}(\s+(CET|CEST|cet|cest))?\s*`;
  const ZONED = /\sCES?T$/i;
  const TYPED = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(\d{1,2}):(\d{2})/;

  const pad = (n) => String(n).padStart(2, "0");

  /** "2026-10-25T02:30" (datetime-local) -> "25.10.2026 02:30". */
  function fromPicker(value) {
    const found = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || "");
    return found ? `${found[3]}.${found[2]}.${found[1]} ${found[4]}:${found[5]}` : "";
  }

  /** "25.10.2026 2:30" -> "2026-10-25T02:30", or "" when the text is not a full time yet. */
  function toPicker(text) {
    const found = TYPED.exec(text || "");
    if (!found) return "";
    const [, d, m, y, H, M] = found;
    return `${y}-${pad(m)}-${pad(d)}T${pad(H)}:${M}`;
  }

  /**
   * The field's controls: { input, read, nodes, setState(state) }.
   * `el` is the composer's text-only DOM helper; `onChange` re-renders.
   */
  function makeDateField({ el, spec, id, describe, onChange }) {
    const pickerId = `${id}-picker`;
    const input = el("input", {
      type: "text",
      id,
      class: "kc-date",
      autocomplete: "off",
      inputMode: "text",
      pattern: PATTERN,
      "aria-describedby": describe,
    });
    input.spellcheck = false;
    const open = el("button", {
      type: "button",
      class: "md-button kc-small kc-picker-open",
      text: "Kalendarz",
      "aria-expanded": "false",
      "aria-controls": pickerId,
      "aria-label": `${spec.label}: wybierz z kalendarza`,
    });
    const native = el("input", { type: "datetime-local", id: `${pickerId}-value`, step: 60 });
    const insert = el("button", { type: "button", class: "md-button kc-small", text: "Wstaw" });
    const cancel = el("button", { type: "button", class: "md-button kc-small", text: "Anuluj" });
    const panel = el(
      "div",
      { class: "kc-picker", id: pickerId, role: "group", "aria-label": spec.label, hidden: true },
      el("label", { for: native.id, text: "Data i godzina (czas Warszawy)" }),
      native,
      el("span", { class: "kc-picker-actions" }, insert, " ", cancel),
    );
    const shown = el("output", { class: "kc-zone", for: id, "aria-live": "polite" });
    const zone = el("select", { class: "kc-zone-choice", "aria-label": `${spec.label}: strefa` });
    for (const [value, text] of ZONE_CHOICES) zone.append(el("option", { value, text }));
    const zoneWrap = el(
      "label",
      { class: "kc-zone-wrap", hidden: true },
      "Ta godzina występuje dwa razy; wybierz: ",
      zone,
    );

    function close(focusText) {
      panel.hidden = true;
      open.setAttribute("aria-expanded", "false");
      if (focusText) input.focus();
    }

    open.addEventListener("click", () => {
      if (!panel.hidden) {
        close(true);
        return;
      }
      native.value = toPicker(input.value);
      panel.hidden = false;
      open.setAttribute("aria-expanded", "true");
      native.focus();
    });
    insert.addEventListener("click", () => {
      const text = fromPicker(native.value);
      if (text) {
        input.value = text;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
      close(true);
    });
    cancel.addEventListener("click", () => close(true));
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        close(true);
      }
    });
    zone.addEventListener("change", onChange);

    return {
      input,
      read() {
        const text = input.value.trim();
        return text && zone.value && !ZONED.test(text) ? `${text} ${zone.value}` : input.value;
      },
      nodes: [
        el("span", { class: "kc-date-row" }, input, " ", open),
        panel,
        shown,
        zoneWrap,
      ],
      setState(state) {
        shown.textContent = state && state.shown ? `→ ${state.shown}` : "";
        const ambiguous = Boolean(state && state.ambiguous);
        zoneWrap.hidden = !ambiguous;
        if (!ambiguous && zone.value) {
          zone.value = "";
          onChange();
        }
      },
    };
  }

  window.komunikatComposerParts = Object.assign(window.komunikatComposerParts || {}, {
    makeDateField,
  });
})();
