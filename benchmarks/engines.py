"""Engines: what each spelling and grammar engine costs to start, and how often it is paid.

Each engine is started in a new process of its own, so the time is a real
cold start and the peak memory is that engine's process. The baseline is the
bare binding doing the same start (``Hunspell(...)``, ``harper.Linter(...)``):
the difference is what komunikat adds (status checks, wrappers). "Paid once"
is checked by asking ``create_engines`` a second time in the same process.
"""

from __future__ import annotations

import time
from typing import Any

from .harness import Options, Row, child

SPELLING = ("pl", "en")


def _timed(fn: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


# --- child-side workloads -------------------------------------------------------------


def start_hunspell(lang: str) -> dict[str, Any]:
    from komunikat.lint.engines import hunspell

    (speller, status), seconds = _timed(lambda: hunspell.load(lang))
    # the first lookup is part of the start: chunspell builds its tables lazily
    _, first = _timed(lambda: speller.known("test") if speller else None)
    return {"seconds": seconds + first, "available": status.available, "detail": status.detail}


def start_bare_hunspell(lang: str) -> dict[str, Any]:
    from hunspell import Hunspell

    from komunikat.lint.engines.hunspell import DICTIONARIES, DICTIONARY_DIR

    backend, seconds = _timed(
        lambda: Hunspell(DICTIONARIES[lang], hunspell_data_dir=str(DICTIONARY_DIR))
    )
    _, first = _timed(lambda: backend.spell("test"))
    return {"seconds": seconds + first}


def start_harper() -> dict[str, Any]:
    from komunikat.lint.engines import harper

    (checker, status), seconds = _timed(harper.load)
    _, first = _timed(lambda: checker.check("This is a test.") if checker else None)
    return {"seconds": seconds + first, "available": status.available, "detail": status.detail}


def start_bare_harper() -> dict[str, Any]:
    import harper

    linter, seconds = _timed(lambda: harper.Linter(harper.Dialect.AMERICAN))
    _, first = _timed(lambda: linter.organized_lints("This is a test.", language="plaintext"))
    return {"seconds": seconds + first}


def start_languagetool(lang: str) -> dict[str, Any]:
    from komunikat.lint.engines import languagetool

    (checker, status), seconds = _timed(lambda: languagetool.load(lang))
    first = 0.0
    if checker is not None:
        _, first = _timed(lambda: checker.check("To jest test." if lang == "pl" else "A test."))
    return {
        "seconds": seconds + first,
        "available": status.available,
        "detail": status.detail,
    }


def start_all_twice() -> dict[str, Any]:
    from komunikat.lint.engines import create_engines

    rules = {"spelling", "grammar"}
    _, first = _timed(lambda: create_engines(rules))
    _, second = _timed(lambda: create_engines(rules))
    return {"first": first, "second": second}


def bare_python() -> dict[str, Any]:
    return {}


# --- parent side ------------------------------------------------------------------------


def _best(target: str, *args: str, repeat: int) -> tuple[dict[str, Any], float]:
    """The fastest of ``repeat`` cold starts (start-up noise only ever adds time)."""
    runs = [child(target, *args) for _ in range(repeat)]
    best = min(runs, key=lambda r: r.data["seconds"])
    return best.data, max(r.peak_mb for r in runs)


def run(opts: Options) -> list[Row]:
    repeat = 2 if opts.quick else 5
    rows = []
    python_peak = child("engines:bare_python").peak_mb
    for lang in SPELLING:
        ours, peak = _best("engines:start_hunspell", lang, repeat=repeat)
        bare, _ = _best("engines:start_bare_hunspell", lang, repeat=repeat)
        rows.append(
            Row(
                "engines",
                f"Hunspell {lang} start (load + first lookup)",
                ours["seconds"] * 1000,
                "ms",
                bare["seconds"] * 1000,
                "bare chunspell",
                peak_mb=peak,
                note="" if ours["available"] else f"did not run: {ours['detail']}",
            )
        )
    ours, peak = _best("engines:start_harper", repeat=repeat)
    bare, _ = _best("engines:start_bare_harper", repeat=repeat)
    rows.append(
        Row(
            "engines",
            "Harper en start (linter + first check)",
            ours["seconds"] * 1000,
            "ms",
            bare["seconds"] * 1000,
            "bare harper.Linter",
            peak_mb=peak,
        )
    )
    for lang in SPELLING:
        ours, peak = _best("engines:start_languagetool", lang, repeat=repeat)
        reachable = ours["available"]
        rows.append(
            Row(
                "engines",
                f"LanguageTool {lang} start" + ("" if reachable else " (probe only)"),
                ours["seconds"] * 1000,
                "ms",
                peak_mb=peak,
                note=(
                    f"{ours['detail']}; time includes the first check "
                    "(a server already running is reused: the languagetool section times a cold one)"
                    if reachable
                    else "not reachable on this machine, so the check did not run: "
                    + ours["detail"]
                ),
            )
        )
    twice = child("engines:start_all_twice")
    rows.append(
        Row(
            "engines",
            "all engines, 2nd create_engines() in one process",
            twice.data["second"] * 1000,
            "ms",
            twice.data["first"] * 1000,
            "1st call",
            peak_mb=twice.peak_mb,
            note=(
                "paid once per process: the 2nd call reuses the loaded engines"
                if twice.data["second"] < twice.data["first"] / 10
                else "PAID AGAIN on every call"
            ),
        )
    )
    rows.append(
        Row(
            "engines", "bare Python process (for the peak MB column)", None, "", peak_mb=python_peak
        )
    )
    return rows
