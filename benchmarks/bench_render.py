"""Prints how long loading the catalogue and rendering every template takes.

Run: .venv/bin/python benchmarks/bench_render.py
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from komunikat.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[1]


def measure(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    load = measure(lambda: load_catalog(ROOT), 20)
    catalog = load_catalog(ROOT)
    specs = list(catalog)

    def render_all() -> None:
        for spec in specs:
            for lang in spec.languages if spec.layout == "single" else [None]:
                catalog.render_sample(spec, lang=lang)

    render = measure(render_all, 50)
    print(f"templates: {len(specs)}")
    print(f"load catalogue: median {statistics.median(load):.1f} ms, max {max(load):.1f} ms (n=20)")
    print(
        f"render all samples: median {statistics.median(render):.1f} ms, "
        f"max {max(render):.1f} ms (n=50)"
    )


if __name__ == "__main__":
    main()
