"""Composer: how soon the composer on a template page works, in Chromium.

The real site is built once (``mkdocs build`` of this tree, ``site_url`` the
address it is then served at, as instant navigation needs) and served on
127.0.0.1 by a server that counts the bytes of every response body it sends.
Debian's Chromium, driven by Playwright in a child process, measures:

- the first template page of a new visitor (new browser context: empty HTTP
  cache, no service worker), from navigation start to the composer's
  ``data-state="ready"``, against a bare page that only starts Pyodide from
  the same files (``bench-bare-pyodide.html``, written beside the built site
  for this benchmark; the site does not ship it), samples alternating;
- a reload of that page (the service worker's cache): time to ready, and the
  bytes the server sent for it;
- the next template page through instant navigation: from the click on its
  link to the new composer's ready;
- a template page opened from a procedure page after the runtime warmed up in
  the background there (from the click to ready);
- a keystroke in the HL field to the updated subject in the preview (the
  animation frame after the change).

Times are milliseconds since navigation start (``performance.now()``) or
between two marks in the page; an init script installed before the page's
scripts records the marks.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import statistics
import sys
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .chromium import CHROMIUM, launch
from .harness import ROOT, Options, Row, child, command

SECTION = "composer"
BARE_PAGE = "bench-bare-pyodide.html"
FIRST = "dv-outage-open"
NEXT = "ticket-accepted"
PROCEDURE = "awarie/digital-virgo/"
TIMEOUT_MS = 240_000
KEYSTROKES = "1234567890"

#: The bare baseline: Pyodide from the site's own files, nothing else.
BARE_HTML = """<!doctype html>
<meta charset="utf-8"><title>Pyodide alone</title>
<script type="module">
const base = new URL("assets/composer/pyodide/", location.href);
const module = await import(new URL("pyodide.mjs", base).href);
await module.loadPyodide({ indexURL: base.href });
window.__bench.bare = performance.now();
</script>
"""

#: Marks, before the page's own scripts: when each composer became ready, and
#: keystroke → subject shown.
PROBE = """
(() => {
  const bench = { ready: {}, bare: null, typed: null, shown: null };
  window.__bench = bench;
  new MutationObserver(() => {
    for (const root of document.querySelectorAll(".komunikat-composer[data-state=ready]")) {
      const id = root.dataset.template;
      if (!(id in bench.ready)) bench.ready[id] = performance.now();
    }
    if (bench.typed !== null && bench.shown === null) {
      const subject = document.querySelector(".kc-subject");
      if (subject && subject.textContent.includes(bench.expect)) {
        bench.shown = -1;
        requestAnimationFrame(() => { bench.shown = performance.now(); });
      }
    }
  }).observe(document, {
    subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ["data-state"],
  });
  document.addEventListener("keydown", () => {
    if (bench.typed === null) bench.typed = performance.now();
  }, true);
})();
"""


# --- serving, counting bytes ----------------------------------------------------------


class _CountingHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.server.sent.append((self.path, 0))  # type: ignore[attr-defined]

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        self.server.sent.append((self.path, len(data)))  # type: ignore[attr-defined]
        outputfile.write(data)


@contextlib.contextmanager
def serve_and_build(work: Path) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """Bind a port, build the site for that address, serve it: (url, bytes sent per path)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    server.sent = []  # type: ignore[attr-defined]
    host, port = server.server_address[:2]
    url = f"http://{host!s}:{port}/"
    site = work / "site"
    argv = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml")]
    command([*argv, "-d", str(site)], env={"NO_MKDOCS_2_WARNING": "1", "KOMUNIKAT_SITE_URL": url})
    (site / BARE_PAGE).write_text(BARE_HTML, encoding="utf-8")
    server.RequestHandlerClass = functools.partial(_CountingHandler, directory=str(site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url, server.sent  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --- the browser (child side) ---------------------------------------------------------


def _new_page(browser: Any) -> Any:
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    context.add_init_script(PROBE)
    return context.new_page()


def _ready_at(page: Any, template: str) -> float:
    page.wait_for_function(
        f"() => window.__bench && {json.dumps(template)} in window.__bench.ready",
        timeout=TIMEOUT_MS,
        polling=50,
    )
    return float(page.evaluate(f"window.__bench.ready[{json.dumps(template)}]"))


def _click_and_time(page: Any, url: str, template: str) -> float:
    """Click the page's link to a template page; ms from the click to its composer's ready."""
    target = f"{url}szablony/{template}/"
    clicked = page.evaluate(
        """(target) => {
          const link = [...document.querySelectorAll("a")].find((a) => a.href === target);
          window.__clickedAt = performance.now();
          window.__kept = true;
          link.click();
          return window.__clickedAt;
        }""",
        target,
    )
    ready = _ready_at(page, template)
    if not page.evaluate("window.__kept === true"):
        raise RuntimeError(f"{target}: the click reloaded the page (no instant navigation)")
    return ready - float(clicked)


def _keystrokes(page: Any, rounds: int = 3) -> list[float]:
    """Type HL numbers digit by digit (4 to 7 digits are valid): ms from keydown to shown."""
    root = f'.komunikat-composer[data-template="{NEXT}"]'
    field = page.locator(f'{root} [data-field="hl"] input')
    times = []
    for _ in range(rounds):
        field.fill(KEYSTROKES[:3])
        page.wait_for_function(
            f"!document.querySelector('{root} .kc-subject').textContent.includes('[HL-')",
            timeout=10_000,
        )
        typed = KEYSTROKES[:3]
        for key in KEYSTROKES[3:7]:
            typed += key
            page.evaluate(
                "(text) => Object.assign(window.__bench, {typed: null, shown: null, expect: text})",
                f"[HL-{typed}]",
            )
            field.press(key)
            page.wait_for_function("window.__bench.shown > 0", timeout=10_000, polling="raf")
            times.append(float(page.evaluate("window.__bench.shown - window.__bench.typed")))
    return times


STEPS = ("start", "worker", "fetched", "pyodide", "imported", "ready")


def _steps(page: Any) -> dict[str, float]:
    """The runtime's performance marks (docs/assets/runtime.js), ms since navigation start."""
    return page.evaluate(
        """(names) => Object.fromEntries(names.map((name) => {
          const mark = performance.getEntriesByName("komunikat:" + name)[0];
          return [name, mark ? mark.startTime : null];
        }))""",
        list(STEPS),
    )


def _sent_bytes(sent: list[tuple[str, int]], since: int) -> dict[str, Any]:
    later = sent[since:]
    big = [(path, size) for path, size in later if size > 100_000]
    requests = sum(1 for _, size in later if size == 0)  # log_request: one per response
    return {"bytes": sum(size for _, size in later), "requests": requests, "big": big}


def measure_browser(url: str, sent: list[tuple[str, int]], samples: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {"bare": [], "bare_reload": [], "first": [], "first_bytes": []}
    out["reload"] = []
    out["steps"] = []
    out |= {"reload_bytes": [], "next": [], "warm": [], "keys": []}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for _ in range(samples):
                page = _new_page(browser)
                page.goto(url + BARE_PAGE)
                page.wait_for_function("window.__bench.bare !== null", timeout=TIMEOUT_MS)
                out["bare"].append(page.evaluate("window.__bench.bare"))
                page.reload()
                page.wait_for_function("window.__bench.bare !== null", timeout=TIMEOUT_MS)
                out["bare_reload"].append(page.evaluate("window.__bench.bare"))
                page.context.close()

                page = _new_page(browser)
                mark = len(sent)
                page.goto(f"{url}szablony/{FIRST}/")
                out["first"].append(_ready_at(page, FIRST))
                out["steps"].append(_steps(page))
                out["first_bytes"].append(_sent_bytes(sent, mark))
                page.wait_for_function(
                    "navigator.serviceWorker && navigator.serviceWorker.controller !== null",
                    timeout=TIMEOUT_MS,
                )
                page.wait_for_timeout(1000)  # let the worker finish storing the files
                mark = len(sent)
                page.reload()
                out["reload"].append(_ready_at(page, FIRST))
                out["reload_bytes"].append(_sent_bytes(sent, mark))
                out["next"].append(_click_and_time(page, url, NEXT))
                out["keys"] += _keystrokes(page)
                page.context.close()

                page = _new_page(browser)
                page.goto(url + PROCEDURE)
                page.wait_for_function(
                    "document.documentElement.dataset.komunikatWarmUp === 'ready'",
                    timeout=TIMEOUT_MS,
                )
                out["warm"].append(_click_and_time(page, url, FIRST))
                page.context.close()
        finally:
            browser.close()
    return out


def measure(samples: str) -> dict[str, Any]:
    """Child entry point: build, serve and measure in one process (the port is the build's)."""
    with (
        tempfile.TemporaryDirectory(prefix="bench-composer-") as work,
        serve_and_build(Path(work)) as (url, sent),
    ):
        return measure_browser(url, sent, int(samples))


# --- rows -----------------------------------------------------------------------------


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _kb(found: list[dict[str, Any]]) -> float | None:
    return _median([entry["bytes"] / 1000 for entry in found])


def rows_from(data: dict[str, Any]) -> list[Row]:
    bare = _median(data["bare"])
    first = _median(data["first"])
    samples = len(data["bare"])
    steps = {
        f"{a}→{b}": _median([m[b] - m[a] for m in data["steps"] if m[a] is not None and m[b]])
        for a, b in itertools.pairwise(STEPS)
    }
    breakdown = ", ".join(f"{k} {v:.0f}" for k, v in steps.items() if v is not None)
    start = _median([m["start"] for m in data["steps"] if m["start"] is not None])
    reload_big = sorted({path for entry in data["reload_bytes"] for path, _ in entry["big"]})
    return [
        Row(
            SECTION,
            "first template page ready (new visitor, empty cache)",
            first,
            "ms",
            baseline=bare,
            baseline_name="bare Pyodide start",
            budget=1.3,
            note=(
                f"from navigation start, median of {samples} alternating samples; "
                f"first page {', '.join(f'{v:.0f}' for v in data['first'])} ms, "
                f"bare Pyodide {', '.join(f'{v:.0f}' for v in data['bare'])} ms; "
                f"the runtime's start at {start or 0:.0f} ms, then (ms) {breakdown}"
            ),
        ),
        Row(
            SECTION,
            "bytes downloaded by the first template page",
            _kb(data["first_bytes"]),
            "kB",
            note="response bodies the server sent, page and everything it loaded",
        ),
        Row(
            SECTION,
            "reload: template page ready (service worker's cache)",
            _median(data["reload"]),
            "ms",
            baseline=_median(data["bare_reload"]),
            baseline_name="bare Pyodide, reload",
            note="the bare page reloads from the browser's HTTP cache",
        ),
        Row(
            SECTION,
            "reload: bytes downloaded (repeat visit)",
            _kb(data["reload_bytes"]),
            "kB",
            baseline=_kb(data["first_bytes"]),
            baseline_name="first visit",
            limit=500,
            note=(
                f"{_median([e['requests'] for e in data['reload_bytes']])} requests answered "
                "by the server (the rest came from the caches); files over 100 kB fetched "
                "again: " + (", ".join(reload_big) or "none")
            ),
        ),
        Row(
            SECTION,
            "next template page ready (instant navigation)",
            _median(data["next"]),
            "ms",
            limit=500,
            note="from the click on its link",
        ),
        Row(
            SECTION,
            "template page ready after warm-up on a procedure page",
            _median(data["warm"]),
            "ms",
            limit=500,
            note="from the click on its link, the runtime warmed up while the procedure was read",
        ),
        Row(
            SECTION,
            "keystroke → updated preview",
            _median(data["keys"]),
            "ms",
            limit=50,
            note=(
                f"keydown to the frame after the new subject, median of {len(data['keys'])}; "
                f"slowest {max(data['keys'], default=0):.0f} ms"
            ),
        ),
    ]


def run(opts: Options) -> list[Row]:
    if not CHROMIUM.exists():
        return [Row(SECTION, "browser", None, "ms", note=f"{CHROMIUM} is not installed")]
    samples = 2 if opts.quick else 5
    return rows_from(child("composer:measure", str(samples)).data)
