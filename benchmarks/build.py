"""Build: ``mkdocs build`` of the site against the same pages built plain.

The plain baseline is the same site without the macros plugin and without the
hooks: every page, the generated ones included, as the Markdown the macros
plugin and the hooks produced for it, with the same theme, Markdown
extensions, extra CSS/JS, nav and stock ``search`` plugin. The difference
between the two builds is what komunikat adds to a build: loading the
catalogue, rendering the previews, the template lint gate, the Polish search
plugin and the composer's assets.

How the plain tree is made: the synthetic site tree (``synthetic.site_tree``)
is built once with an extra hook that runs last and writes out every page's
final Markdown and the final nav; those pages, ``docs/`` (assets, includes)
and a ``mkdocs.yml`` without ``macros`` and ``hooks:`` make the plain tree.
Both builds must give the same set of HTML pages.

Each build runs as ``python -m mkdocs build`` in a child process into a fresh
output folder (a cold build: no cache survives between builds), at 1×, 10×
and 100× the real number of templates.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .harness import Options, Row, command
from .synthetic import real_templates, site_tree

SECTION = "build"
BUDGET = 1.5  # "macros and hooks add at most 50% to a plain build"
#: (multiple of the real template count, repeats of each timed build)
SIZES_FULL = ((1, 5), (10, 3), (100, 1))  # small sizes: short and noisy, so more repeats
SIZES_QUICK = ((1, 2), (10, 1))
#: marginal cost per template growing by more than this between sizes is reported
SUPERLINEAR = 1.3
ENV = {"NO_MKDOCS_2_WARNING": "1"}
WHAT = {
    "real": "real build",
    "plain": "plain build",
    "added": "added by macros and hooks (real − plain)",
    "lint": "lint gate alone",
}
#: why the plain build (and with it the real one) grows faster than linear, found by profiling
NAV_CAUSE = (
    "Why, for both builds: Material renders the whole navigation into every page, "
    "so each page costs time in proportion to the number of pages and the build grows "
    "with pages²; in a profile of the plain ×100 build, Material's nav-item macro "
    "took 78% of the time."
)

CAPTURE_DIR = "captured"
CAPTURE_HOOK = "bench_capture.py"
CAPTURE_CONFIG = "mkdocs-capture.yml"
CAPTURE_SOURCE = '''\
"""Benchmark hook: writes every page's final Markdown and the final nav (runs last)."""

import json
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


def _out(config):
    return Path(config.config_file_path).parent / "captured"


@event_priority(-1000)
def on_config(config):
    out = _out(config)
    out.mkdir(parents=True, exist_ok=True)
    nav = json.dumps(config.nav, ensure_ascii=False, indent=1)
    (out / "nav.json").write_text(nav, encoding="utf-8")
    return config


@event_priority(-1000)
def on_page_markdown(markdown, page, config, files):
    target = _out(config) / "pages" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    head = ""
    # render_macros: how the real build keeps the macros plugin off a generated page
    meta = {k: v for k, v in page.meta.items() if k != "render_macros"}
    if meta:
        head = "---\\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\\n\\n"
    target.write_text(head + markdown, encoding="utf-8")
    return markdown
'''


@dataclass
class Timing:
    seconds: float  # median wall time of the child process
    peak_mb: float  # largest peak resident memory over the repeats


@dataclass
class SizeResult:
    multiple: int
    templates: int
    html_pages: int
    real: Timing
    plain: Timing
    lint: Timing  # the lint gate's child process on its own


def run(opts: Options) -> list[Row]:
    sizes = SIZES_QUICK if opts.quick else SIZES_FULL
    per_round = len(real_templates())
    results = []
    with _workdir(opts) as work:
        for multiple, repeats in sizes:
            results.append(_measure(work, multiple, multiple * per_round, repeats))
    return _rows(results)


@contextlib.contextmanager
def _workdir(opts: Options) -> Iterator[Path]:
    if opts.keep is not None:
        work = opts.keep / SECTION
        work.mkdir(parents=True, exist_ok=True)
        yield work
        return
    with tempfile.TemporaryDirectory(prefix="komunikat-build-") as name:
        yield Path(name)


# --- trees -------------------------------------------------------------------------------


def _measure(work: Path, multiple: int, count: int, repeats: int) -> SizeResult:
    real = site_tree(_fresh(work / f"real-x{multiple}"), count)
    captured = _capture(real, work / f"out-capture-x{multiple}")
    plain = _plain_tree(real, captured, _fresh(work / f"plain-x{multiple}"))
    real_config, plain_config = real / "mkdocs.yml", plain / "mkdocs.yml"
    out = work / f"out-x{multiple}"
    real_runs: list[tuple[float, float]] = []
    plain_runs: list[tuple[float, float]] = []
    pages: set[str] = set()
    for _ in range(repeats):  # alternate, so load from elsewhere hits both alike
        real_runs.append(_build(real_config, out / "real"))
        real_pages = _html_pages(out / "real")
        plain_runs.append(_build(plain_config, out / "plain"))
        plain_pages = _html_pages(out / "plain")
        if real_pages != plain_pages:
            raise AssertionError(_page_difference(real_pages, plain_pages))
        pages = real_pages
    lint_runs = [_lint(real) for _ in range(repeats)]
    return SizeResult(
        multiple, count, len(pages), _timing(real_runs), _timing(plain_runs), _timing(lint_runs)
    )


def _fresh(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def _capture(tree: Path, out: Path) -> Path:
    """Build ``tree`` once with the capture hook; the folder with the pages and the nav."""
    (tree / CAPTURE_HOOK).write_text(CAPTURE_SOURCE, encoding="utf-8")
    text = (tree / "mkdocs.yml").read_text(encoding="utf-8")
    blocks = _top_level_blocks(text)
    hooks = blocks.get("hooks")
    if hooks is None:
        raise AssertionError("mkdocs.yml has no hooks: the build has nothing to compare")
    blocks["hooks"] = hooks.rstrip("\n") + f"\n  - {CAPTURE_HOOK}\n"
    (tree / CAPTURE_CONFIG).write_text("".join(blocks.values()), encoding="utf-8")
    shutil.rmtree(tree / CAPTURE_DIR, ignore_errors=True)
    _build(tree / CAPTURE_CONFIG, out)
    shutil.rmtree(out, ignore_errors=True)
    return tree / CAPTURE_DIR


def _plain_tree(real: Path, captured: Path, plain: Path) -> Path:
    """``docs/`` with every page as captured Markdown, and the plain ``mkdocs.yml``."""
    shutil.copytree(real / "docs", plain / "docs")
    for page in (captured / "pages").rglob("*.md"):
        target = plain / "docs" / page.relative_to(captured / "pages")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(page, target)
    nav = json.loads((captured / "nav.json").read_text(encoding="utf-8"))
    config = _plain_config((real / "mkdocs.yml").read_text(encoding="utf-8"), nav)
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    return plain


def _plain_config(text: str, nav: list[Any]) -> str:
    """``mkdocs.yml`` without ``hooks:``, the theme override and the macros plugin, with the final nav.

    Edited as text: the rest (the ``!!python`` slugify tag included) stays byte
    for byte what the real build reads.
    """
    blocks = _top_level_blocks(text)
    blocks.pop("hooks", None)
    # komunikat's theme override lives in hooks/ (runtime.js in the head): Material as shipped
    blocks["theme"] = "".join(
        line
        for line in blocks["theme"].splitlines(keepends=True)
        if not line.lstrip().startswith("custom_dir:")
    )
    blocks["plugins"] = _without_item(blocks["plugins"], "macros")
    dumped = yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    blocks["nav"] = "\n" + dumped
    return "".join(blocks.values())


def _top_level_blocks(text: str) -> dict[str, str]:
    """The text of each top-level key, in order (comments and blank lines stay attached)."""
    blocks: dict[str, str] = {}
    key = ""
    for line in text.splitlines(keepends=True):
        if line[:1] not in ("", " ", "#", "\n", "-") and ":" in line:
            key = line.split(":", 1)[0]
        blocks[key] = blocks.get(key, "") + line
    return blocks


def _without_item(block: str, name: str) -> str:
    """A YAML list block without the item ``- name`` (with its nested lines)."""
    kept: list[str] = []
    skipping = False
    indent = 0
    for line in block.splitlines(keepends=True):
        stripped = line.lstrip(" ")
        depth = len(line) - len(stripped)
        if stripped.startswith("- "):
            item = stripped[2:].split(":", 1)[0].strip()
            skipping = item == name
            indent = depth
        elif skipping and (depth <= indent and stripped.strip()):
            skipping = False
        if not skipping:
            kept.append(line)
    if len(kept) == len(block.splitlines()):
        raise AssertionError(f"plugin {name} not found in mkdocs.yml")
    return "".join(kept)


# --- builds ------------------------------------------------------------------------------


def _build(config: Path, out: Path) -> tuple[float, float]:
    """One ``mkdocs build`` into a fresh folder: (seconds, peak MB)."""
    if out.exists():
        shutil.rmtree(out)
    argv = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)]
    result = command(argv, env=ENV)
    return result.seconds, result.peak_mb


def _lint(tree: Path) -> tuple[float, float]:
    """The lint the build's lint gate runs, alone: (seconds, peak MB)."""
    argv = [sys.executable, "-m", "komunikat.site.lint_worker", str(tree)]
    result = command(argv, env=ENV)
    return result.seconds, result.peak_mb


def _html_pages(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*.html")}


def _page_difference(real: set[str], plain: set[str]) -> str:
    only_real = sorted(real - plain)[:5]
    only_plain = sorted(plain - real)[:5]
    return (
        f"the plain build made other HTML pages: {len(real)} real, {len(plain)} plain; "
        f"only real: {only_real}; only plain: {only_plain}"
    )


def _timing(runs: list[tuple[float, float]]) -> Timing:
    return Timing(statistics.median(s for s, _ in runs), max(m for _, m in runs))


# --- rows --------------------------------------------------------------------------------


def _rows(results: list[SizeResult]) -> list[Row]:
    rows: list[Row] = []
    for result in results:
        rows += _size_rows(result)
    return rows + _marginal_rows(results)


def _size_rows(r: SizeResult) -> list[Row]:
    label = f"×{r.multiple}"
    extra = {
        "templates": r.templates,
        "html_pages": r.html_pages,
        "real_seconds": r.real.seconds,
        "plain_seconds": r.plain.seconds,
        "real_peak_mb": r.real.peak_mb,
        "plain_peak_mb": r.plain.peak_mb,
        "lint_seconds": r.lint.seconds,
        "lint_peak_mb": r.lint.peak_mb,
    }
    build = Row(
        SECTION,
        f"mkdocs build {label} ({r.templates} templates, {r.html_pages} pages)",
        r.real.seconds,
        "s",
        baseline=r.plain.seconds,
        baseline_name="plain",
        budget=BUDGET,
        peak_mb=r.real.peak_mb,
        note=_bound_note(r),
        extra=extra,
    )
    per_page = Row(
        SECTION,
        f"time per template page {label}",
        r.real.seconds / r.templates * 1000,
        "ms",
        baseline=r.plain.seconds / r.templates * 1000,
        baseline_name="plain",
        extra=extra,
    )
    memory = Row(
        SECTION,
        f"peak memory {label}",
        r.real.peak_mb,
        "MB",
        baseline=r.plain.peak_mb,
        baseline_name="plain",
        peak_mb=r.real.peak_mb,
        extra=extra,
    )
    lint = Row(
        SECTION,
        f"lint gate alone {label}",
        r.lint.seconds,
        "s",
        baseline=r.plain.seconds,
        baseline_name="plain build",
        peak_mb=r.lint.peak_mb,
        extra=extra,
    )
    return [build, per_page, memory, lint]


def _bound_note(r: SizeResult) -> str:
    """Which of the two processes of the real build kept it over the budget."""
    if r.real.seconds <= BUDGET * r.plain.seconds:
        return ""
    lint = f"the lint gate alone takes {r.lint.seconds:.1f} s = "
    lint += f"{r.lint.seconds / r.plain.seconds:.2f}× the plain build"
    if r.lint.seconds > BUDGET * r.plain.seconds:
        return (
            f"bound by the lint gate: it runs beside the page build in a process of its own, "
            f"and {lint}, so the build cannot finish sooner"
        )
    return (
        f"{lint} and fits; the excess is the page build's own work for macros and hooks "
        f"(catalogue loading, generated pages, composer assets), on {os.cpu_count()} cores "
        f"shared with the lint"
    )


def _marginal(a: SizeResult, b: SizeResult, which: str) -> float:
    """Milliseconds per added template between two sizes ("added": real minus plain)."""
    if which == "added":
        return _marginal(a, b, "real") - _marginal(a, b, "plain")
    seconds = getattr(b, which).seconds - getattr(a, which).seconds
    return seconds / (b.templates - a.templates) * 1000


def _marginal_rows(results: list[SizeResult]) -> list[Row]:
    """Marginal cost per added template page between sizes (start-up cost left out)."""
    steps = list(itertools.pairwise(results))
    rows = []
    for a, b in steps:
        rows.append(
            Row(
                SECTION,
                f"marginal cost per template page ×{a.multiple}→×{b.multiple}",
                _marginal(a, b, "real"),
                "ms",
                baseline=_marginal(a, b, "plain"),
                baseline_name="plain",
                extra={which: _marginal(a, b, which) for which in WHAT},
            )
        )
    if rows:
        rows[-1].note = _growth_note(steps)
    return rows


def _growth_note(steps: list[tuple[SizeResult, SizeResult]]) -> str:
    """What grows faster than linear (and why, where known); the added and lint costs."""
    parts = []
    faster = []
    for which in ("added", "lint"):
        costs = ", ".join(f"{_marginal(a, b, which):.0f}" for a, b in steps)
        parts.append(f"{WHAT[which]}: {costs} ms")
    for which in WHAT:
        costs = [_marginal(a, b, which) for a, b in steps]
        if len(costs) > 1 and costs[-1] > SUPERLINEAR * max(costs[0], 1.0):
            faster.append(WHAT[which])
    note = "; ".join(parts) + ". "
    if len(steps) < 2:
        return note + "One step only: growth is not judged."
    if not faster:
        return note + "Every part grows linearly."
    note += f"Faster than linear: {', '.join(faster)}."
    if "plain build" in faster:
        note += " " + NAV_CAUSE
    return note
