"""Lint: wall time of ``komunikat lint``, cold and warm, and how it grows with the templates.

Cold is a new process (``python -m komunikat.cli lint``), as CI and the
pre-commit hook run it: interpreter start, imports, data, engines, every rule.
Warm is a second ``lint_templates`` call in the same process, as the site's
lint gate runs under ``mkdocs serve``: engines and memos are loaded already.

The synthetic sets (10, 100 and 1,000 templates, :mod:`benchmarks.synthetic`)
are copies of the real templates under new ids, so the cost per template is
the cost of a real one. Copies repeat the real texts, so the per-line and
per-word memos serve them as they serve the real templates' repeated
boilerplate; what must not happen is a cost per template that rises with the
number of templates. The growth exponent is the slope of log(time) against
log(templates) between the two largest sets: 1.0 is linear.
"""

from __future__ import annotations

import itertools
import math
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .harness import ROOT, Options, Row, child, command
from .synthetic import lint_tree

WARM_LIMIT_S = 2.0


def warm(root: str) -> dict[str, Any]:
    from komunikat.lint.config import load_config
    from komunikat.lint.runner import lint_templates

    path = Path(root)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        report = lint_templates(path, load_config(path))
        times.append(time.perf_counter() - start)
    return {
        "first": times[0],
        "warm": min(times[1:]),
        "findings": len(report.findings),
        "checked": report.checked,
    }


def cold(root: Path, repeat: int) -> tuple[float, float]:
    argv = [sys.executable, "-m", "komunikat.cli", "--root", str(root), "lint", "--format", "json"]
    runs = [command(argv, ok_codes=(0, 1)) for _ in range(repeat)]
    return min(r.seconds for r in runs), max(r.peak_mb for r in runs)


def growth_rows(measured: list[tuple[int, float]]) -> list[Row]:
    """Marginal cost per added template between consecutive sets, and the exponent.

    Linear growth means a constant marginal cost: the last step (say 100 → 1000)
    may cost at most 25% more per template than the one before (10 → 100).
    """
    steps = [(n1, n2, (t2 - t1) / (n2 - n1)) for (n1, t1), (n2, t2) in itertools.pairwise(measured)]
    rows = []
    for index, (n1, n2, cost) in enumerate(steps):
        before = steps[index - 1] if index else None
        rows.append(
            Row(
                "lint",
                f"marginal cost per template, {n1} → {n2}",
                cost * 1000,
                "ms",
                before[2] * 1000 if before else None,
                f"{before[0]} → {before[1]}" if before else "",
                budget=1.25 if before else None,
                note="" if before else "the fixed start-up cost is left out by the difference",
            )
        )
    (n1, t1), (n2, t2) = measured[-2], measured[-1]
    rows.append(
        Row(
            "lint",
            f"growth exponent of the total, {n1} → {n2}",
            math.log(t2 / t1) / math.log(n2 / n1),
            "",
            note="slope of log(time) over log(templates); under 1 while start-up dominates",
        )
    )
    return rows


def run(opts: Options) -> list[Row]:
    rows = []
    seconds, peak = cold(ROOT, 2 if opts.quick else 5)
    rows.append(
        Row(
            "lint",
            "komunikat lint, shipped templates, cold (new process)",
            seconds,
            "s",
            peak_mb=peak,
        )
    )
    result = child("lint:warm", str(ROOT))
    rows.append(
        Row(
            "lint",
            "komunikat lint, shipped templates, warm (same process)",
            result.data["warm"],
            "s",
            limit=WARM_LIMIT_S,
            peak_mb=result.peak_mb,
            note=(
                f"first run in that process {result.data['first']:.2f} s; "
                f"{result.data['checked']} files, {result.data['findings']} findings"
            ),
        )
    )
    sizes = [10, 100] if opts.quick else [10, 100, 1000]
    base = Path(tempfile.mkdtemp(prefix="komunikat-lint-")) if opts.keep is None else opts.keep
    measured: list[tuple[int, float]] = []
    try:
        for size in sizes:
            tree = lint_tree(base / f"lint-{size}", size)
            # the fixed start-up cost varies by a few tenths of a second between runs;
            # the fastest of several runs keeps it out of the marginal cost
            seconds, peak = cold(tree, {10: 5, 100: 3}.get(size, 1))
            measured.append((size, seconds))
            rows.append(
                Row(
                    "lint",
                    f"komunikat lint, {size} templates, cold",
                    seconds,
                    "s",
                    peak_mb=peak,
                    note=f"{seconds / size * 1000:.1f} ms per template",
                )
            )
    finally:
        if opts.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    rows += growth_rows(measured)
    return rows
