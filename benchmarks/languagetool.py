"""LanguageTool: the server's cold start, komunikat's cost per check, the lint with it, its memory.

- **cold start**: a new server of the installation in ``.cache/languagetool``
  (its own state folder, so the project's server is left alone) until it
  answers ``/v2/languages``, then the first Polish and English check — the JVM
  loads a language's rules on its first text;
- **check**: the grammar engine's ``check`` of one rendered template (client
  built with ``remote_server``, the rules the ignore file switches off sent as
  ``disabledRules``) against a bare HTTP POST of the same form to the same
  server, alternating; budget 1.2×;
- **lint**: ``komunikat lint`` of the shipped templates with LanguageTool on:
  the first run when no server runs (it starts one), a new process reusing the
  server, and a second run in one process;
- **peak memory**: the JVM's peak resident set (``VmHWM``) after that lint.

Without the installation or Java every row says why it did not run.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from . import lint
from .harness import ROOT, Options, Row, child, median_times

CHECK_BUDGET = 1.2
TEMPLATE = "dv-outage-open"


def _peak_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# --- child-side workloads -------------------------------------------------------------


def cold_start() -> dict[str, Any]:
    from komunikat.lint.engines import languagetool, ltserver

    project = ltserver.Installation.of()
    reason = project.missing()
    if reason is not None:
        return {"available": False, "detail": reason}
    with tempfile.TemporaryDirectory() as folder:
        inst = ltserver.Installation(Path(folder) / "languagetool")
        inst.home.mkdir()
        (inst.home / "lib").symlink_to(project.lib)
        start = time.perf_counter()
        state = ltserver.ensure_running(inst)
        started = time.perf_counter() - start
        first = {}
        try:
            for lang, text in (("pl", "Wczoraj poszłem do domu."), ("en", "This is a error.")):
                checker, status = languagetool.from_server(state.url, lang)
                assert checker is not None, status.detail
                begin = time.perf_counter()
                checker.check(text)
                first[lang] = time.perf_counter() - begin
            peak = _peak_mb(state.pid)
        finally:
            ltserver.stop(inst)
            languagetool.forget_checkers()
    return {"available": True, "start": started, "first": first, "peak": peak}


def _sample_text() -> str:
    from komunikat.catalog import load_catalog
    from komunikat.lint.sourcemap import document_from_template

    catalog = load_catalog(ROOT)
    doc = document_from_template(catalog, catalog.get(TEMPLATE), lang=None, operator=None)
    return "\n".join(line.text for line in doc.lines)


def check_versus_post(repeat: str) -> dict[str, Any]:
    from komunikat.lint.engines import languagetool
    from komunikat.lint.rules import grammar

    checker, status = languagetool.load("pl")
    if checker is None:
        return {"available": False, "detail": status.detail}
    checker.skip_rules(grammar.always_ignored(checker, grammar.ignore_entries(ROOT)))
    text = _sample_text()
    client = checker._client
    form = client._create_params(text)
    url = client._url + "check"
    body = urllib.parse.urlencode(form).encode("utf-8")

    def bare() -> None:
        request = urllib.request.Request(url, data=body)
        with urllib.request.urlopen(request, timeout=30) as response:
            json.loads(response.read())

    def ours_check() -> None:
        checker._memo.clear()  # a real round trip, not the checker's memo
        checker.check(text)

    ours, baseline = median_times([ours_check, bare], int(repeat), warmup=2)
    return {
        "available": True,
        "ours": ours,
        "bare": baseline,
        "chars": len(text),
        "hits": len(checker.check(text)),
    }


def server_peak() -> dict[str, Any]:
    from komunikat.lint.engines import ltserver

    state = ltserver.running(ltserver.Installation.of())
    return {"peak": _peak_mb(state.pid) if state else None, "pid": state.pid if state else None}


def stop_server() -> dict[str, Any]:
    from komunikat.lint.engines import ltserver

    stopped = ltserver.stop(ltserver.Installation.of())
    return {"stopped": stopped is not None}


# --- parent side ------------------------------------------------------------------------


def run(opts: Options) -> list[Row]:
    cold = child("languagetool:cold_start").data
    if not cold["available"]:
        return [
            Row("languagetool", "LanguageTool", None, "", note=f"did not run: {cold['detail']}")
        ]
    rows = [
        Row(
            "languagetool",
            "server cold start (JVM until /v2/languages answers)",
            cold["start"],
            "s",
            note="a server of its own beside the project's",
        )
    ]
    for lang in ("pl", "en"):
        rows.append(
            Row(
                "languagetool",
                f"first {lang} check on a new server (rules loaded)",
                cold["first"][lang],
                "s",
            )
        )
    rows.append(
        Row(
            "languagetool",
            "new server's peak memory after both",
            cold["peak"],
            "MB",
            peak_mb=cold["peak"],
        )
    )
    ratio = child("languagetool:check_versus_post", "5" if opts.quick else "30").data
    rows.append(
        Row(
            "languagetool",
            f"check of {TEMPLATE} (pl) through komunikat",
            ratio["ours"] * 1000,
            "ms",
            ratio["bare"] * 1000,
            "bare HTTP POST",
            budget=CHECK_BUDGET,
            note=f"{ratio['chars']} characters, {ratio['hits']} hits; same server, same form",
        )
    )
    child("languagetool:stop_server")
    first, first_peak = lint.cold(ROOT, 1)
    rows.append(
        Row(
            "languagetool",
            "komunikat lint, no server running (starts it)",
            first,
            "s",
            peak_mb=first_peak,
            note="JVM start and the first check of each language included",
        )
    )
    cold_lint, cold_peak = lint.cold(ROOT, 2 if opts.quick else 3)
    rows.append(
        Row(
            "languagetool",
            "komunikat lint, cold (new process, server reused)",
            cold_lint,
            "s",
            peak_mb=cold_peak,
        )
    )
    warm = child("lint:warm", str(ROOT))
    rows.append(
        Row(
            "languagetool",
            "komunikat lint, warm (same process)",
            warm.data["warm"],
            "s",
            limit=lint.WARM_LIMIT_S,
            peak_mb=warm.peak_mb,
            note=f"{warm.data['checked']} files, {warm.data['findings']} findings",
        )
    )
    peak = child("languagetool:server_peak").data["peak"]
    rows.append(
        Row(
            "languagetool",
            "server peak memory (JVM VmHWM) after the lint runs",
            peak,
            "MB",
            peak_mb=peak,
            note=f"java {' '.join(_java_options())}",
        )
    )
    return rows


def _java_options() -> tuple[str, ...]:
    from komunikat.lint.engines import ltsupervisor

    return ltsupervisor.JAVA_OPTIONS if shutil.which("java") else ()
