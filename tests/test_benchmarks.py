"""The benchmark harness: rows, verdicts, synthetic trees (no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import composer
from benchmarks.build import _plain_config
from benchmarks.harness import Row, child
from benchmarks.lint import growth_rows
from benchmarks.synthetic import lint_tree, real_templates
from komunikat.catalog import collect_catalog
from komunikat.data import load_data

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("row", "ratio", "verdict"),
    [
        (Row("s", "time", 3.0, "s", 2.0, budget=1.5), 1.5, "ok"),
        (Row("s", "time", 3.1, "s", 2.0, budget=1.5), 1.55, "MISS"),
        (Row("s", "rate", 50.0, "/s", 100.0, better="higher", budget=2), 2.0, "ok"),
        (Row("s", "rate", 40.0, "/s", 100.0, better="higher", budget=2), 2.5, "MISS"),
        (Row("s", "time", 1.9, "s", limit=2.0), None, "ok"),
        (Row("s", "time", 2.1, "s", limit=2.0), None, "MISS"),
        (Row("s", "time", None, "s", 2.0, budget=1.5), None, "n/a"),
        (Row("s", "size", 10.0, "kB", 5.0), 2.0, ""),
    ],
)
def test_ratio_is_a_cost_ratio_and_the_verdict_follows_the_budget(
    row: Row, ratio: float | None, verdict: str
) -> None:
    assert row.ratio == (pytest.approx(ratio) if ratio is not None else None)
    assert row.verdict == verdict


def test_growth_rows_compare_marginal_costs() -> None:
    linear = growth_rows([(10, 2.0), (100, 4.0), (1000, 24.0)])
    assert [r.verdict for r in linear] == ["", "ok", ""]
    quadratic = growth_rows([(10, 2.0), (100, 4.0), (1000, 200.0)])
    assert quadratic[1].verdict == "MISS"


@pytest.mark.parametrize("count", [5, 19, 45])
def test_synthetic_trees_hold_that_many_valid_templates(tmp_path: Path, count: int) -> None:
    root = lint_tree(tmp_path / "tree", count)
    catalog, errors = collect_catalog(root, load_data(root))
    assert errors == []
    assert len(list(catalog)) == count
    for spec in catalog:  # a copy quotes the copies of its own round
        suffix = spec.id.rpartition("-k")[2] if "-k" in spec.id else None
        for quoted in spec.quotes:
            assert (quoted.rpartition("-k")[2] if "-k" in quoted else None) == suffix


def test_real_templates_come_after_the_templates_they_quote() -> None:
    order = [p.stem for p in real_templates()]
    assert order.index("dv-outage-open") < order.index("dv-outage-close")


def test_a_child_reports_its_result_and_its_peak_memory() -> None:
    result = child("engines:bare_python")
    assert result.data == {}
    assert result.peak_mb > 1


def test_the_command_prints_a_table(tmp_path: Path) -> None:
    out = tmp_path / "rows.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--only", "render", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith("machine: ")
    assert "render every template" in done.stdout
    assert '"verdict"' in out.read_text(encoding="utf-8")


def test_an_unknown_section_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--only", "nope"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "unknown section" in done.stderr


def test_composer_rows_hold_the_figures_to_their_budgets() -> None:
    steps = dict.fromkeys(composer.STEPS, 0.0) | {"ready": 900.0}
    sent = {"bytes": 0, "requests": 3, "big": []}
    data = {
        "bare": [1000.0, 1100.0],
        "bare_reload": [500.0, 500.0],
        "first": [1400.0, 1500.0],
        "first_bytes": [{"bytes": 15_000_000, "requests": 20, "big": []}] * 2,
        "steps": [steps, steps],
        "reload": [700.0, 800.0],
        "reload_bytes": [sent, {"bytes": 9_600_000, "requests": 4, "big": [("wasm", 1)]}],
        "next": [100.0, 600.0, 700.0],
        "warm": [120.0],
        "keys": [20.0, 30.0, 90.0],
    }
    verdicts = {row.measure: row.verdict for row in composer.rows_from(data)}
    assert verdicts == {
        "first template page ready (new visitor, empty cache)": "MISS",  # 1450/1050 > 1.3
        "bytes downloaded by the first template page": "",
        "reload: template page ready (service worker's cache)": "",
        "reload: bytes downloaded (repeat visit)": "MISS",  # median 4.8 MB > 500 kB
        "next template page ready (instant navigation)": "MISS",  # median 600 ms
        "template page ready after warm-up on a procedure page": "ok",
        "keystroke → updated preview": "ok",  # median 30 ms
    }


def test_the_plain_build_is_material_without_komunikat_s_hooks_theme_override_or_macros() -> None:
    """The build benchmark's baseline: a theme override from hooks/ would not exist in its tree."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "custom_dir:" in text and "\nhooks:" in text and "- macros" in text
    plain = _plain_config(text, [{"Start": "index.md"}])
    assert "custom_dir:" not in plain
    assert "\nhooks:" not in plain
    assert "- macros" not in plain
    assert "name: material" in plain and "navigation.instant" in plain, "the rest stays"
