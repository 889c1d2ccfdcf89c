"""Byte code for the composer's Python, made at build time by the Pyodide the site ships.

In the browser, importing the renderer used to compile every module from
source (Pyodide's standard library is ``.py`` files too): more than a second
of each composer start. The build now runs the shipped Pyodide once under
Node (``hooks/composer/bytecode.mjs`` running
:mod:`komunikat.site.pyodide_bytecode`), which imports the modules the browser
imports and compiles what they brought in; the result is added to
``python.zip`` (see :mod:`komunikat.precompiled` for how the runtime uses it).

That run takes a few seconds, so its result is kept in
``.cache/composer-bytecode/`` under a hash of everything it depends on (the
bundle, Pyodide's files, the two programs): ``mkdocs serve`` rebuilds and the
test suite's builds reuse it. Without Node the site is built without byte
code and the composer compiles at start, as before; the build says so.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import pyodide_bytecode

#: What the browser imports: at start (runtime.js), for a .eml, on supplier pages.
BROWSER_MODULES = (
    "jinja2.sandbox",
    "komunikat.composer",
    "komunikat.eml",
    "komunikat.escalation_browser",
)
#: Where the browser unpacks python.zip (runtime.js PYTHON_DIR): the byte code names its files.
EXTRACT_DIR = "/opt/komunikat"
CACHE_DIR = ".cache/composer-bytecode"
#: Cached results kept besides the newest (one per recent state of the code).
CACHE_KEEP = 4
NODE_TIMEOUT_S = 180


@dataclass(frozen=True)
class Bytecode:
    """python.zip with its byte code and what the run said of it, or why there is none."""

    zip: bytes | None
    report: dict[str, object]
    cached: bool = False
    reason: str = ""


def _key(bundle: bytes, runtime_files: list[Path], driver: Path) -> str:
    digest = hashlib.sha256()
    digest.update(hashlib.sha256(bundle).digest())
    for path in [*sorted(runtime_files), driver, Path(pyodide_bytecode.__file__)]:
        digest.update(path.name.encode() + b"\0")
        with path.open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    digest.update(",".join(BROWSER_MODULES).encode())
    return digest.hexdigest()[:24]


def compile_bundle(
    bundle: bytes, root: Path, runtime_dir: Path, runtime_files: list[Path], driver: Path
) -> Bytecode:
    """``bundle`` (python.zip's source) with its byte code added, from the cache or a Node run.

    The cache keeps the merged zip, so a rebuild only hashes and reads it.
    """
    key = _key(bundle, runtime_files, driver)
    cache = root / CACHE_DIR
    cached_zip, cached_report = cache / f"{key}.zip", cache / f"{key}.json"
    if cached_zip.is_file() and cached_report.is_file():
        report = json.loads(cached_report.read_text(encoding="utf-8"))
        return Bytecode(cached_zip.read_bytes(), report, cached=True)
    node = shutil.which("node")
    if node is None:
        return Bytecode(None, {}, reason="brak programu node (Node.js)")
    cache.mkdir(parents=True, exist_ok=True)
    source, target = cache / f"{key}.in.zip", cache / f"{key}.out.zip"
    source.write_bytes(bundle)
    argv = [
        node,
        str(driver),
        str(runtime_dir),
        pyodide_bytecode.__file__,
        str(source),
        str(target),
    ]
    argv += [EXTRACT_DIR, ",".join(BROWSER_MODULES)]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=NODE_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Bytecode(None, {}, reason=f"node nie zadziałał: {exc}")
    finally:
        source.unlink(missing_ok=True)
    if done.returncode != 0 or not target.is_file():
        last = (done.stderr.strip().splitlines() or ["(bez komunikatu)"])[-1]
        target.unlink(missing_ok=True)
        return Bytecode(None, {}, reason=f"kompilacja w Pyodide nie powiodła się: {last}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    cached_zip.write_bytes(merged(bundle, target.read_bytes()))
    target.unlink()
    cached_report.write_text(json.dumps(report), encoding="utf-8")
    _prune(cache, keep={cached_zip.name, cached_report.name})
    return Bytecode(cached_zip.read_bytes(), report)


def merged(bundle: bytes, compiled: bytes) -> bytes:
    """python.zip with the compiled files added: one zip, entries sorted, fixed dates."""
    contents: dict[str, bytes] = {}
    for blob in (bundle, compiled):
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            for name in archive.namelist():
                contents[name] = archive.read(name)
    return pyodide_bytecode.write_zip(contents)


def _prune(cache: Path, keep: set[str]) -> None:
    """Keep the newest results only: each state of the code leaves one in the cache."""
    results = sorted(cache.glob("*.zip"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in results[CACHE_KEEP + 1 :]:
        if stale.name not in keep:
            stale.unlink(missing_ok=True)
            stale.with_suffix(".json").unlink(missing_ok=True)
