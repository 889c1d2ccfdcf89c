"""Run the benchmarks and print one table: each figure, its baseline, the ratio and the budget.

    .venv/bin/python -m benchmarks                  # everything (several minutes)
    .venv/bin/python -m benchmarks --only render,spelling
    .venv/bin/python -m benchmarks --quick          # fewer repeats, smaller sets
    .venv/bin/python -m benchmarks --json out.json  # the rows, machine-readable

Ratios are cost ratios (komunikat / baseline; for rates, baseline / komunikat),
so a ratio of 1.3 means komunikat costs 30% more than the baseline.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

from .harness import ChildFailed, Options, Row

SECTIONS = [
    "engines",
    "spelling",
    "render",
    "lint",
    "languagetool",
    "corpus",
    "build",
    "search",
    "composer",
]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f"{pages / 2**30:.0f} GiB"
    except (ValueError, OSError):
        memory = "?"
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    if abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.3g}"
    return f"{text} {unit}".strip()


def _budget(row: Row) -> str:
    if row.limit is not None:
        return f"≤ {_fmt(row.limit, row.unit)}"
    return f"≤ {row.budget:g}×" if row.budget is not None else ""


def table(rows: list[Row]) -> str:
    head = ["section", "measure", "komunikat", "baseline", "ratio", "budget", "", "peak MB"]
    body = []
    for r in rows:
        baseline = _fmt(r.baseline, r.unit) + (f" ({r.baseline_name})" if r.baseline_name else "")
        body.append(
            [
                r.section,
                r.measure,
                _fmt(r.value, r.unit),
                baseline if r.baseline is not None else "–",
                f"{r.ratio:.2f}×" if r.ratio is not None else "–",
                _budget(r),
                r.verdict,
                _fmt(r.peak_mb),
            ]
        )
    widths = [max([len(h), *(len(b[i]) for b in body)]) for i, h in enumerate(head)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(c.ljust(w) for c, w in zip(b, widths, strict=True)) for b in body]
    notes = [f"  {r.section} / {r.measure}: {r.note}" for r in rows if r.note]
    if notes:
        lines += ["", "Notes:", *notes]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--only", help=f"comma-separated sections ({', '.join(SECTIONS)})")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller sets")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    parser.add_argument("--keep", type=Path, help="keep generated trees in this folder")
    args = parser.parse_args(argv)
    chosen = SECTIONS if not args.only else [s.strip() for s in args.only.split(",")]
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    opts = Options(quick=args.quick, keep=args.keep)
    print(f"machine: {machine()}", flush=True)
    rows: list[Row] = []
    failed = []
    for name in chosen:
        start = time.perf_counter()
        print(f"… {name}", file=sys.stderr, flush=True)
        module = importlib.import_module(f"benchmarks.{name}")
        try:
            section_rows = module.run(opts)
        except ChildFailed as exc:
            failed.append(f"{name}: {exc}")
            continue
        rows += section_rows
        print(f"  {name}: {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    print(table(rows))
    if args.json:
        args.json.write_text(
            json.dumps({"machine": machine(), "rows": [r.as_json() for r in rows]}, indent=2),
            encoding="utf-8",
        )
    for line in failed:
        print(f"FAILED {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
