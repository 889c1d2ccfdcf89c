"""Search: size of the search index and time from page load to the first result in a browser.

Two sites are built from one copy of the project tree: komunikat's (Material's
search plugin plus the Polish hook ``hooks/search_pl.py``) and the baseline,
the same configuration without that hook (stock Material search, ``lang: en``
as configured). Everything else about the two sites is identical.

Sizes are read from the built sites: ``search/search_index.json`` raw and
gzip-compressed (level 6, what a web server typically sends), and everything
the browser downloads for search (index, worker, the language scripts the
worker imports for the configured ``lang``).

Timings come from Debian's Chromium driven by Playwright, in a child process
that serves both sites on 127.0.0.1. Every sample is a new browser context
(empty cache, new renderer process) that opens the home page, clicks the
search box as soon as it can be clicked and types the query; Material queues
the query until its worker is ready. An init script in the page records, in
milliseconds since navigation start: the index downloaded, the worker ready
(lunr index built, language scripts loaded), the query sent to the worker,
the result received and the first ``.md-search-result__item`` on screen (the
animation frame after it entered the DOM). Samples alternate between the two
sites so that load on the machine affects both alike.

Peak memory is the kernel's high-water mark of resident memory (``VmHWM``) of
the Chromium renderer process that showed the page; Chromium runs the page's
dedicated workers in that process, so it includes the search worker and its
lunr index.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .chromium import CHROMIUM, launch
from .harness import Options, Row, child, command
from .synthetic import real_templates, site_tree

SECTION = "search"
KOMUNIKAT = "komunikat"
BASELINE = "baseline"
BASELINE_NAME = "stock Material search"
INDEX = "search/search_index.json"
HOOK_LINE = "- hooks/search_pl.py"

#: Typical operator queries, each timed from page load to its first result.
TIMED_QUERIES = ("awaria", "zgłoszenie", "okno serwisowe")
#: Inflected forms and words typed without diacritics, as operators type them.
RECALL_QUERIES = (
    "awarii",
    "awarię",
    "zgłoszenia",
    "zgloszenie",
    "zakonczenie",
    "operatorem",
    "prac planowanych",
    "okno serwisowe",
)

SEARCH_BOX = "input[data-md-component='search-query']"
RESULT_ITEM = ".md-search-result__item"
TIMEOUT_MS = 60_000

#: Installed before the page's scripts: wraps ``Worker`` to time Material's
#: search messages (0 setup, 1 ready, 2 query, 3 result) and watches the DOM
#: for the first result item.
PROBE = """
(() => {
  const bench = {
    setup: null, ready: null, typed: null, shown: null, inDom: null,
    queries: [], results: [], pending: [],
  };
  window.__bench = bench;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        const at = performance.now();
        const message = event.data || {};
        if (message.type === 1 && bench.ready === null) bench.ready = at;
        if (message.type === 3) {
          const items = (message.data && message.data.items) || [];
          bench.results.push({ query: bench.pending.shift(), at, count: items.length });
        }
      });
    }
    postMessage(message, ...rest) {
      const at = performance.now();
      if (message && message.type === 0 && bench.setup === null) bench.setup = at;
      if (message && message.type === 2) {
        bench.pending.push(message.data);
        bench.queries.push({ query: message.data, at });
      }
      return super.postMessage(message, ...rest);
    }
  };
  document.addEventListener("input", (event) => {
    const target = event.target;
    if (bench.typed === null && target && target.value) bench.typed = performance.now();
  }, true);
  new MutationObserver(() => {
    if (bench.inDom !== null || !document.querySelector(".md-search-result__item")) return;
    bench.inDom = performance.now();
    requestAnimationFrame(() => { bench.shown = performance.now(); });
  }).observe(document, { childList: true, subtree: true });
  bench.resultFor = (query) => bench.results.find((r) => r.query === query) || null;
  bench.settled = (query) => {
    const result = bench.resultFor(query);
    return result !== null && (result.count === 0 || bench.shown !== null);
  };
  bench.summary = (query) => {
    const index = performance.getEntriesByType("resource")
      .find((entry) => entry.name.endsWith("/search/search_index.json"));
    const sent = bench.queries.find((q) => q.query === query);
    const result = bench.resultFor(query);
    return {
      index: index ? index.responseEnd : null,
      setup: bench.setup, ready: bench.ready, typed: bench.typed,
      sent: sent ? sent.at : null,
      received: result ? result.at : null,
      count: result ? result.count : null,
      shown: result && result.count > 0 ? bench.shown : null,
    };
  };
})();
"""


# --- building the two sites -----------------------------------------------------------


def _baseline_config(tree: Path) -> Path:
    """The tree's mkdocs.yml without the Polish search hook, next to the original."""
    lines = (tree / "mkdocs.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.strip() != HOOK_LINE]
    if len(kept) != len(lines) - 1:
        raise RuntimeError(f"mkdocs.yml: expected exactly one '{HOOK_LINE}' hook entry")
    config = tree / f"mkdocs.bench-nosearch-{os.getpid()}.yml"
    config.write_text("".join(kept), encoding="utf-8")
    return config


def _build(config: Path, site_dir: Path) -> None:
    argv = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)]
    command(argv, env={"NO_MKDOCS_2_WARNING": "1"})


def build_sites(work: Path) -> dict[str, Path]:
    """Build komunikat's site and the baseline from one copy of the project tree."""
    tree = site_tree(work / "tree", len(real_templates()))
    sites = {KOMUNIKAT: work / "site-komunikat", BASELINE: work / "site-baseline"}
    _build(tree / "mkdocs.yml", sites[KOMUNIKAT])
    _build(_baseline_config(tree), sites[BASELINE])
    return sites


# --- sizes ----------------------------------------------------------------------------


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _search_downloads(site: Path, langs: list[str]) -> list[Path]:
    """What the browser fetches for search: the index, the worker, the language scripts."""
    files = [site / INDEX, *sorted((site / "assets/javascripts/workers").glob("search.*.js"))]
    lunr = site / "assets/javascripts/lunr/min"
    extra = [lunr / f"lunr.{lang}.min.js" for lang in langs if lang != "en"]
    if extra:
        files.append(lunr / "lunr.stemmer.support.min.js")
    files += extra
    if len(langs) > 1:
        files.append(lunr / "lunr.multi.min.js")
    return [path for path in files if path.suffix != ".map"]


def index_figures(site: Path) -> dict[str, Any]:
    raw = (site / INDEX).read_bytes()
    index = json.loads(raw)
    downloads = _search_downloads(site, list(index["config"]["lang"]))
    contents = [path.read_bytes() for path in downloads]
    return {
        "bytes": len(raw),
        "gzip": _gzip_size(raw),
        "documents": len(index["docs"]),
        "pages": len({doc["location"].split("#")[0] for doc in index["docs"]}),
        "text_bytes": sum(len(doc["text"].encode()) for doc in index["docs"]),
        "config_bytes": len(json.dumps(index["config"], separators=(",", ":")).encode()),
        "lang": index["config"]["lang"],
        "download_bytes": sum(map(len, contents)),
        "download_gzip": sum(map(_gzip_size, contents)),
        "download_files": [str(path.relative_to(site)) for path in downloads],
    }


# --- the browser (child side) ---------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1; yields the base URL (with a trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _process_table() -> dict[int, int]:
    """pid -> parent pid of every process."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        # the command name (field 2) may contain spaces; it ends at the last ")"
        parents[int(stat.parent.name)] = int(text.rsplit(")", 1)[1].split()[1])
    return parents


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, parent in _process_table().items():
        children.setdefault(parent, []).append(pid)
    found, todo = [], [root]
    while todo:
        for pid in children.get(todo.pop(), []):
            found.append(pid)
            todo.append(pid)
    return found


def _cmdline(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return []
    argv = [arg for arg in raw.split("\0") if arg]
    # Chromium's child processes rewrite their command line as one space-joined string
    return raw.split() if len(argv) == 1 else argv


def _peak_mb(pid: int) -> float | None:
    """VmHWM (peak resident memory) of a process in MiB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def _chromium_processes() -> dict[int, str]:
    """Our Chromium processes (descendants of this process) -> their ``--type``."""
    found = {}
    for pid in _descendants(os.getpid()):
        argv = _cmdline(pid)
        if not argv or "chromium" not in Path(argv[0]).name:
            continue
        kind = next((a.split("=", 1)[1] for a in argv if a.startswith("--type=")), "browser")
        found[pid] = kind
    return found


def _renderers() -> set[int]:
    return {pid for pid, kind in _chromium_processes().items() if kind == "renderer"}


def _new_context(browser: Any) -> Any:
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    context.add_init_script(PROBE)
    return context


def _type_query(page: Any, query: str) -> None:
    box = page.locator(SEARCH_BOX)
    box.click()
    box.fill(query)
    box.press("End")  # Material reads the query on keyup


def _sample(browser: Any, url: str, query: str) -> dict[str, Any]:
    """One cold page load and query; the in-page marks and the renderer's peak memory."""
    before = _renderers()
    context = _new_context(browser)
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        _type_query(page, query)
        page.wait_for_function("q => window.__bench.settled(q)", arg=query, timeout=TIMEOUT_MS)
        marks: dict[str, Any] = page.evaluate("q => window.__bench.summary(q)", query)
        if marks["count"]:
            marks["visible"] = page.locator(RESULT_ITEM).first.is_visible()
        peaks = [_peak_mb(pid) for pid in _renderers() - before]
        marks["peak_mb"] = max((p for p in peaks if p is not None), default=None)
    finally:
        context.close()
    return marks


def _recall(browser: Any, url: str, queries: list[str]) -> dict[str, int]:
    """Result count (pages) of each query, typed one after the other on one page."""
    context = _new_context(browser)
    counts = {}
    try:
        page = context.new_page()
        page.goto(url)
        for query in queries:
            _type_query(page, query)
            page.wait_for_function(
                "q => window.__bench.resultFor(q) !== null", arg=query, timeout=TIMEOUT_MS
            )
            counts[query] = page.evaluate("q => window.__bench.resultFor(q).count", query)
    finally:
        context.close()
    return counts


def measure_browser(sites_json: str, samples: str) -> dict[str, Any]:
    """Child side: time every query on both sites, ``samples`` times each, alternating."""
    from playwright.sync_api import sync_playwright

    sites: dict[str, str] = json.loads(sites_json)
    with contextlib.ExitStack() as stack:
        urls = {name: stack.enter_context(serve(Path(path))) for name, path in sites.items()}
        playwright = stack.enter_context(sync_playwright())
        browser = launch(playwright)
        stack.callback(browser.close)
        # one unmeasured load per site: the OS file cache, not the browser cache, is warmed
        for url in urls.values():
            _sample(browser, url, TIMED_QUERIES[0])
        runs: dict[str, dict[str, list[dict[str, Any]]]] = {name: {} for name in sites}
        for _ in range(int(samples)):
            for query in TIMED_QUERIES:
                for name, url in urls.items():
                    runs[name].setdefault(query, []).append(_sample(browser, url, query))
        recall = {name: _recall(browser, url, list(RECALL_QUERIES)) for name, url in urls.items()}
        processes = {
            str(pid): {"type": kind, "peak_mb": _peak_mb(pid)}
            for pid, kind in _chromium_processes().items()
        }
    return {"runs": runs, "recall": recall, "processes": processes}


# --- rows -----------------------------------------------------------------------------


def _median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def _interval(marks: dict[str, Any], start: str, end: str) -> float | None:
    if marks.get(start) is None or marks.get(end) is None:
        return None
    return marks[end] - marks[start]


def _size_rows(sizes: dict[str, dict[str, Any]]) -> list[Row]:
    ours, base = sizes[KOMUNIKAT], sizes[BASELINE]
    extra = {
        name: {k: v for k, v in figures.items() if k != "download_files"}
        for name, figures in sizes.items()
    }
    docs = f"{ours['documents']} documents ({ours['pages']} pages)"
    grown = ours["bytes"] - base["bytes"]
    same = all(ours[k] == base[k] for k in ("documents", "pages", "text_bytes"))
    if same:
        size_note = (
            f"{docs} in both, the same text; komunikat's hook only rewrites the index "
            f"config (lang, separator, pipeline): {grown:+,} bytes"
        )
    else:
        size_note = (
            f"komunikat {docs}, {ours['text_bytes']:,} bytes of text; baseline "
            f"{base['documents']} documents, {base['text_bytes']:,} bytes of text"
        )
    rows = [
        Row(
            SECTION,
            "index size (search_index.json)",
            ours["bytes"] / 1000,
            "kB",
            base["bytes"] / 1000,
            BASELINE_NAME,
            extra={"documents": ours["documents"], **extra},
            note=size_note,
        ),
        Row(
            SECTION,
            "index size, gzip",
            ours["gzip"] / 1000,
            "kB",
            base["gzip"] / 1000,
            BASELINE_NAME,
            extra={"documents": ours["documents"]},
        ),
        Row(
            SECTION,
            "search download, gzip",
            ours["download_gzip"] / 1000,
            "kB",
            base["download_gzip"] / 1000,
            BASELINE_NAME,
            extra={name: sizes[name]["download_files"] for name in sizes},
            note=(
                "index + search worker + the language scripts the worker imports "
                f"({', '.join(Path(f).name for f in ours['download_files'][2:])} for "
                f"lang {ours['lang']}; none for {base['lang']})"
            ),
        ),
    ]
    return rows


def _samples(runs: dict[str, list[dict[str, Any]]], queries: list[str]) -> list[dict[str, Any]]:
    return [marks for query in queries for marks in runs.get(query, [])]


def _found_by_both(browser: dict[str, Any]) -> list[str]:
    """Timed queries for which every sample on both sites showed a result."""
    return [
        query
        for query in TIMED_QUERIES
        if all(m["count"] for site in browser["runs"].values() for m in site[query])
    ]


def _breakdown(samples: list[dict[str, Any]]) -> dict[str, float | None]:
    """Median milliseconds from navigation start to each step, and query -> result."""
    steps = ("index", "setup", "ready", "typed", "sent", "received", "shown")
    out = {f"{step}_ms": _median([m.get(step) for m in samples]) for step in steps}
    out["worker_build_ms"] = _median([_interval(m, "setup", "ready") for m in samples])
    out["query_to_result_ms"] = _median([_interval(m, "sent", "shown") for m in samples])
    out["results"] = _median([m.get("count") for m in samples])
    return out


def _timed_row(
    browser: dict[str, Any], measure: str, queries: list[str], key: str, note: str = ""
) -> Row:
    figures = {}
    for name in (KOMUNIKAT, BASELINE):
        samples = _samples(browser["runs"][name], queries)
        if key == "query_to_result":
            values = [_interval(m, "sent", "shown") for m in samples]
        else:
            values = [m.get(key) for m in samples]
        figures[name] = {
            "value": _median(values),
            "values": [None if v is None else round(v, 1) for v in values],
            "peak_mb": _median([m.get("peak_mb") for m in samples]),
            "samples": len(samples),
            **_breakdown(samples),
        }
    base_peak = figures[BASELINE]["peak_mb"]
    if base_peak is not None:
        note = f"{note}; " if note else ""
        note += f"renderer peak of the baseline {base_peak:.0f} MB"
    return Row(
        SECTION,
        measure,
        figures[KOMUNIKAT]["value"],
        "ms",
        figures[BASELINE]["value"],
        BASELINE_NAME,
        peak_mb=figures[KOMUNIKAT]["peak_mb"],
        note=note,
        extra={**figures, "queries": queries},
    )


def _query_rows(browser: dict[str, Any]) -> list[Row]:
    rows = []
    for query in TIMED_QUERIES:
        ours = browser["runs"][KOMUNIKAT][query]
        base = browser["runs"][BASELINE][query]
        base_found = all(m["count"] for m in base)
        note = ""
        if not all(m["count"] for m in ours):
            note = "NO RESULTS on komunikat: the Polish search is broken for this query"
        elif not all(m.get("visible") for m in ours):
            note = "results arrived but the first result item was not visible"
        elif not base_found:
            note = "the baseline finds nothing: no baseline time (see recall)"
        row = _timed_row(browser, f"load → first result '{query}'", [query], "shown", note)
        if not base_found:
            row.baseline = None
        rows.append(row)
    return rows


def _recall_row(browser: dict[str, Any]) -> Row:
    recall = browser["recall"]
    answered = {name: sum(1 for c in counts.values() if c) for name, counts in recall.items()}
    missed = [q for q, c in recall[BASELINE].items() if not c]
    pairs = ", ".join(
        f"{q} {recall[KOMUNIKAT][q]}/{recall[BASELINE][q]}" for q in recall[KOMUNIKAT]
    )
    return Row(
        SECTION,
        f"queries with results (of {len(RECALL_QUERIES)} inflected/undiacritised)",
        answered[KOMUNIKAT],
        "queries",
        answered[BASELINE],
        BASELINE_NAME,
        better="higher",
        note=(
            f"result pages komunikat/baseline: {pairs}; the baseline finds nothing for "
            f"{', '.join(repr(q) for q in missed) or 'none'}"
        ),
        extra=recall,
    )


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _ready_note(browser: dict[str, Any]) -> str:
    """Where the time to "search ready" goes, and what the memory figures are."""
    steps = {
        name: _breakdown(_samples(browser["runs"][name], list(TIMED_QUERIES)))
        for name in (KOMUNIKAT, BASELINE)
    }
    ours, base = steps[KOMUNIKAT], steps[BASELINE]
    processes = browser["processes"].values()
    total = sum(p["peak_mb"] or 0 for p in processes)
    kinds = sorted({p["type"] for p in processes})
    return (
        f"komunikat/baseline: index downloaded at {_ms(ours['index_ms'])}/"
        f"{_ms(base['index_ms'])} ms, sent to the worker at {_ms(ours['setup_ms'])}/"
        f"{_ms(base['setup_ms'])} ms, worker setup (language scripts + lunr index) "
        f"{_ms(ours['worker_build_ms'])}/{_ms(base['worker_build_ms'])} ms. "
        "Peak MB: VmHWM of the renderer process (page + search worker), median of samples; "
        f"the whole Chromium tree at the end: {len(processes)} processes "
        f"({', '.join(kinds)}), sum of peaks {total:.0f} MB"
    )


def _browser_rows(browser: dict[str, Any]) -> list[Row]:
    both = _found_by_both(browser)
    ready = _timed_row(
        browser,
        "load → search ready (index fetched, worker built)",
        list(TIMED_QUERIES),
        "ready",
        note=_ready_note(browser),
    )
    query = _timed_row(
        browser,
        "query sent → first result shown",
        both,
        "query_to_result",
        note=f"queries found by both sites: {', '.join(both)}",
    )
    overall = _timed_row(
        browser,
        "load → first result (queries found by both)",
        both,
        "shown",
        note="from navigation start, new context (empty cache) per sample; query typed "
        "as soon as the search box can be clicked",
    )
    return [ready, query, overall, *_query_rows(browser), _recall_row(browser)]


def run(opts: Options) -> list[Row]:
    samples = 2 if opts.quick else 5
    with contextlib.ExitStack() as stack:
        if opts.keep is not None:
            work = opts.keep / SECTION
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
        else:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-search-")))
        sites = build_sites(work)
        sizes = {name: index_figures(site) for name, site in sites.items()}
        rows = _size_rows(sizes)
        if not CHROMIUM.exists():
            rows.append(Row(SECTION, "browser", None, "ms", note=f"{CHROMIUM} is not installed"))
            return rows
        sites_json = json.dumps({name: str(site) for name, site in sites.items()})
        result = child("search:measure_browser", sites_json, str(samples))
        return rows + _browser_rows(result.data)
