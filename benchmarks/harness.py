"""What every benchmark section shares: rows of the table, timing, child processes.

A section is a module in ``benchmarks/`` with ``run(opts) -> list[Row]``. The
work it measures runs in child processes started with :func:`child`, so each
figure comes with the peak resident memory of the process that did the work,
and no section warms a cache another one reads.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Options:
    quick: bool = False  # fewer repeats and smaller synthetic sets (for the smoke test)
    keep: Path | None = None  # keep generated trees here instead of a temporary folder


@dataclass
class Row:
    """One line of the table: a figure, its baseline and the budget it is held to."""

    section: str
    measure: str
    value: float | None
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    # "lower" when a smaller value is better (seconds), "higher" for rates
    better: str = "lower"
    budget: float | None = None  # the largest allowed cost ratio (komunikat / baseline)
    limit: float | None = None  # or: the largest allowed value itself (in ``unit``)
    peak_mb: float | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """Cost ratio: how many times more komunikat costs than the baseline."""
        if self.value is None or self.baseline in (None, 0) or self.value == 0:
            return None
        assert self.baseline is not None
        if self.better == "higher":
            return self.baseline / self.value
        return self.value / self.baseline

    @property
    def verdict(self) -> str:
        if self.limit is not None:
            if self.value is None:
                return "n/a"
            return "ok" if self.value <= self.limit else "MISS"
        if self.budget is None:
            return ""
        ratio = self.ratio
        if ratio is None:
            return "n/a"
        return "ok" if ratio <= self.budget else "MISS"

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        data["verdict"] = self.verdict
        return data


def median_time(fn: Callable[[], object], repeat: int, *, warmup: int = 0) -> float:
    """Median wall time of ``fn`` in seconds (garbage collection kept out of the timing)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return statistics.median(times)


def median_times(fns: list[Callable[[], object]], repeat: int, *, warmup: int = 1) -> list[float]:
    """Median wall time of each of ``fns``, timed in turn (a, b, a, b …).

    Alternating spreads any slow spell of the machine over all of them, so
    their ratio stays fair on a busy machine.
    """
    for _ in range(warmup):
        for fn in fns:
            fn()
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, found in zip(fns, times, strict=True):
            found.append(median_time(fn, 1))
    return [statistics.median(found) for found in times]


@dataclass
class ChildResult:
    data: dict[str, Any]
    peak_mb: float
    seconds: float


class ChildFailed(RuntimeError):
    pass


def child(target: str, *args: str, env: dict[str, str] | None = None) -> ChildResult:
    """Run ``benchmarks.<module>:<function>(*args)`` in a new Python process.

    The function returns a JSON-able dict. The peak resident memory comes from
    the kernel's accounting of that process (``wait4``), so it includes native
    engines (Hunspell, Harper) as well as Python objects.
    """
    return command(
        [sys.executable, "-m", "benchmarks.harness", target, *args], env=env, json_out=True
    )


def command(
    argv: list[str],
    *,
    env: dict[str, str] | None = None,
    json_out: bool = False,
    ok_codes: tuple[int, ...] = (0,),
) -> ChildResult:
    """Run a command; its wall time and peak memory (largest process of its tree)."""
    full_env = {**os.environ, **(env or {})}
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=ROOT, stdout=out, stderr=err, env=full_env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode not in ok_codes:
        tail = "\n".join(stderr.strip().splitlines()[-15:])
        raise ChildFailed(f"{' '.join(argv[:6])} exited with {proc.returncode}:\n{tail}")
    data: dict[str, Any] = {}
    if json_out:
        data = json.loads(stdout.strip().splitlines()[-1])
    else:
        data = {"stdout": stdout, "stderr": stderr}
    # ru_maxrss is in KiB on Linux
    return ChildResult(data=data, peak_mb=usage.ru_maxrss / 1024, seconds=seconds)


def _child_main(argv: list[str]) -> None:
    target, *args = argv
    module_name, _, function = target.partition(":")
    module = importlib.import_module(f"benchmarks.{module_name}")
    result = getattr(module, function)(*args)
    print(json.dumps(result))


if __name__ == "__main__":
    _child_main(sys.argv[1:])
