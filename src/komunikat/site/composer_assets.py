"""What the site build ships for the in-browser composer, and where it puts it.

The composer runs the real renderer in the browser (Pyodide), so every
rendering on the site is done by the code ``komunikat render`` runs. The site
is used on an intranet without access to any CDN, so everything is served by
the site itself, under ``assets/composer/``:

- ``pyodide/`` — the Pyodide runtime, copied from ``node_modules/pyodide``
  (installed by ``npm ci`` from the pinned ``package-lock.json``);
- ``python.zip`` — the pure-Python code the renderer needs, taken from the
  installed environment: jinja2, markupsafe (without its compiled speed-ups;
  it falls back to pure Python), tzdata (Pyodide has no system time-zone
  database) and komunikat itself, with its Polish gettext catalogue
  compiled (``locale/pl.mo``);
- ``python-ical.zip`` — icalendar and python-dateutil (pure Python), for the
  planned-maintenance calendar file; fetched by the browser only when a
  ``.ics`` (or a maintenance ``.eml``, which attaches it) is first asked for,
  so composing other notices does not download it;
- ``catalog.json`` — every template's spec and source (partials included),
  the data templates see, and the form of every template;

and, at the site's root, ``composer-sw.js``: the service worker that keeps
Pyodide and ``python.zip`` in the browser's Cache Storage, under a cache named
after :func:`runtime_version` (a hash of exactly those files), so a reload does
not download them again and a build with other files replaces the cache.

``hooks/composer.py`` only calls :func:`check_runtime`, :func:`write_assets`
and :func:`write_service_worker`.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .. import i18n
from ..catalog import Catalog
from ..composer import BUNDLE_FORMAT
from ..composer_form import form_description
from ..templatefile import read_template
from . import composer_bytecode
from .pyodide_bytecode import write_zip

ASSETS_DIR = "assets/composer"
RUNTIME_DIR = f"{ASSETS_DIR}/pyodide"
PYTHON_ZIP = f"{ASSETS_DIR}/python.zip"
CALENDAR_ZIP = f"{ASSETS_DIR}/python-ical.zip"
CATALOG_JSON = f"{ASSETS_DIR}/catalog.json"
#: At the root, so that its scope is every page of the site.
SERVICE_WORKER = "composer-sw.js"
#: Where the service worker's source gets the version of the files it keeps.
VERSION_MARK = "@VERSION@"
#: Where it gets the list of those files.
FILES_MARK = "@FILES@"

#: Top-level Python packages the in-browser renderer imports.
PYTHON_PACKAGES = ("jinja2", "markupsafe", "tzdata", "komunikat")
#: What ``komunikat.ical`` imports besides them (zoneinfo's data is tzdata, above).
CALENDAR_PACKAGES = ("icalendar", "dateutil")
#: Distributions not named like the package they provide (read without a search).
DISTRIBUTIONS = {"dateutil": "python-dateutil"}
#: Pyodide's files the browser loads (``pyodide.asm.*`` is found by pattern).
RUNTIME_FILES = ("pyodide.mjs", "pyodide-lock.json", "python_stdlib.zip")
RUNTIME_PATTERN = "pyodide.asm.*"
#: Compiled or build-only files that are useless (or harmful) in the browser.
SKIPPED_SUFFIXES = (".so", ".pyd", ".dylib", ".pyc", ".pyo", ".c", ".h", ".pyi")
SKIPPED_DIRS = ("__pycache__", "tests")


#: How the last :func:`write_assets` with a byte-code driver went (the hook logs it).
last_bytecode: composer_bytecode.Bytecode | None = None


class ComposerAssetsError(Exception):
    """Something the composer needs is missing; the message is one line with the fix."""


def runtime_source(root: Path) -> Path:
    """``node_modules/pyodide`` of the project."""
    return root / "node_modules" / "pyodide"


def check_runtime(root: Path) -> list[Path]:
    """The Pyodide files to ship; refuses early, with the fix, when npm has not run."""
    source = runtime_source(root)
    fix = "uruchom ./dev serve albo npm ci --no-audit --no-fund w katalogu projektu"
    if not source.is_dir():
        raise ComposerAssetsError(f"kompozytor: brak katalogu node_modules/pyodide; {fix}")
    files = [source / name for name in RUNTIME_FILES]
    files += sorted(source.glob(RUNTIME_PATTERN))
    missing = [f.name for f in files if not f.is_file()]
    if not any(f.name.startswith("pyodide.asm.") for f in files):
        missing.append(RUNTIME_PATTERN)
    if missing:
        raise ComposerAssetsError(
            f"kompozytor: w node_modules/pyodide brak plików {', '.join(missing)}; {fix}"
        )
    return files


def package_files(package: str) -> Iterator[tuple[str, Path]]:
    """(name inside the zip, file) for one installed top-level package.

    Found through the import system, so an editable install (komunikat from
    ``src/``) and a normal one (jinja2 in site-packages) are treated alike.
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ComposerAssetsError(
            f"kompozytor: pakiet Pythona {package} nie jest zainstalowany; uruchom ./dev serve"
        )
    base = Path(next(iter(spec.submodule_search_locations)))
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base)
        if not path.is_file() or any(part in SKIPPED_DIRS for part in relative.parts):
            continue
        if path.name.endswith(SKIPPED_SUFFIXES):
            continue
        yield f"{package}/{relative.as_posix()}", path


def distribution_names(package: str) -> list[str]:
    """The installed distributions that provide a top-level package.

    Usually the one named like the package (jinja2, markupsafe, tzdata,
    komunikat): asked for by name, that reads one distribution's metadata.
    Only otherwise is every installed distribution searched, which takes a
    noticeable part of a site build.
    """
    try:
        dist = importlib.metadata.distribution(DISTRIBUTIONS.get(package, package))
    except importlib.metadata.PackageNotFoundError:
        return importlib.metadata.packages_distributions().get(package, [])
    return [dist.metadata["Name"]]


def license_files(package: str) -> Iterator[tuple[str, Path]]:
    """The licence texts of a package's distribution, shipped next to its code."""
    for dist_name in distribution_names(package):
        dist = importlib.metadata.distribution(dist_name)
        for entry in dist.files or ():
            name = entry.name.upper()
            if name.startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE")):
                yield f"licenses/{dist_name}/{entry.name}", Path(str(dist.locate_file(entry)))


def python_bundle(packages: Iterable[str] = PYTHON_PACKAGES) -> bytes:
    """The zip unpacked into Pyodide's file system: the same bytes for the same code."""
    members: dict[str, Path] = {}
    for package in packages:
        members.update(package_files(package))
        members.update(license_files(package))
    contents = {name: path.read_bytes() for name, path in members.items()}
    if "komunikat" in packages:
        # the browser has no Babel to compile the Polish catalogue: ship it compiled
        contents[f"komunikat/{i18n.COMPILED}"] = i18n.compiled_catalogue()
    return write_zip(contents)


def template_sources(root: Path) -> dict[str, str]:
    """Every file under ``templates/`` by the name the Jinja loader uses (partials too).

    All files, not only ``*.j2``: the CLI's loader can include any of them.
    """
    directory = root / "templates"
    sources = {}
    for path in sorted(directory.rglob("*")):
        name = path.relative_to(directory).as_posix()
        if not path.is_file() or any(part.startswith(".") for part in name.split("/")):
            continue
        sources[name] = read_template(path, f"templates/{name}").text
    return sources


def catalog_bundle(catalog: Catalog) -> dict[str, Any]:
    """The catalogue as JSON for :meth:`komunikat.composer.Composer.from_bundle`."""
    context = catalog.context
    return {
        "format": BUNDLE_FORMAT,
        "templates": {spec.id: spec.to_json() for spec in catalog},
        "sources": template_sources(catalog.root),
        "context": context,
        "forms": {spec.id: form_description(spec, context) for spec in catalog},
    }


def write_assets(
    site_dir: Path, root: Path, catalog: Catalog, bytecode_driver: Path | None = None
) -> dict[str, int]:
    """Write everything under ``assets/composer/``; returns the bytes written per path.

    With ``bytecode_driver`` (``hooks/composer/bytecode.mjs``), ``python.zip``
    also carries the byte code the shipped Pyodide makes of it
    (:mod:`komunikat.site.composer_bytecode`); :data:`last_bytecode` says how
    that went.
    """
    global last_bytecode
    written: dict[str, int] = {}
    runtime_dir = site_dir / RUNTIME_DIR
    runtime_dir.mkdir(parents=True, exist_ok=True)
    runtime_files = check_runtime(root)
    for source in runtime_files:
        target = runtime_dir / source.name
        if not _same_file(source, target):
            shutil.copy2(source, target)
        written[f"{RUNTIME_DIR}/{source.name}"] = target.stat().st_size
    for name, packages in ((PYTHON_ZIP, PYTHON_PACKAGES), (CALENDAR_ZIP, CALENDAR_PACKAGES)):
        blob = python_bundle(packages)
        if name == PYTHON_ZIP and bytecode_driver is not None:
            last_bytecode = composer_bytecode.compile_bundle(
                blob, root, runtime_source(root), runtime_files, bytecode_driver
            )
            if last_bytecode.zip is not None:
                blob = last_bytecode.zip
        _write(site_dir / name, blob)
        written[name] = len(blob)
    text = json.dumps(catalog_bundle(catalog), ensure_ascii=False, separators=(",", ":"))
    data = text.encode("utf-8")
    _write(site_dir / CATALOG_JSON, data)
    written[CATALOG_JSON] = len(data)
    return written


def kept_files(site_dir: Path) -> list[Path]:
    """The files the service worker keeps: Pyodide's and ``python.zip``."""
    return [*sorted((site_dir / RUNTIME_DIR).iterdir()), site_dir / PYTHON_ZIP]


def runtime_version(site_dir: Path) -> str:
    """A hash of the files the service worker keeps (Pyodide and ``python.zip``).

    Written into the worker's source, so the browser sees a new worker (and a
    new cache) exactly when one of those files changed.
    """
    digest = hashlib.sha256()
    for path in kept_files(site_dir):
        digest.update(f"{path.relative_to(site_dir).as_posix()}\0".encode())
        with path.open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()[:16]


def write_service_worker(site_dir: Path, source: Path) -> str:
    """``composer-sw.js`` at the site's root from its source; returns the version in it."""
    text = source.read_text(encoding="utf-8")
    missing = [mark for mark in (VERSION_MARK, FILES_MARK) if mark not in text]
    if missing:
        raise ComposerAssetsError(
            f"kompozytor: w {source.name} brak znacznika {', '.join(missing)}; "
            "przywróć go z repozytorium"
        )
    version = runtime_version(site_dir)
    files = [path.relative_to(site_dir).as_posix() for path in kept_files(site_dir)]
    # a JSON list inside a JavaScript string: JSON.parse("…") in the worker
    listed = json.dumps(json.dumps(files))[1:-1]
    text = text.replace(VERSION_MARK, version).replace(FILES_MARK, listed)
    _write(site_dir / SERVICE_WORKER, text.encode("utf-8"))
    return version


def _same_file(source: Path, target: Path) -> bool:
    """Skip re-copying 13 MB on every ``mkdocs serve`` rebuild."""
    if not target.is_file():
        return False
    a, b = source.stat(), target.stat()
    return a.st_size == b.st_size and int(a.st_mtime) == int(b.st_mtime)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file() and path.read_bytes() == data:
        return
    path.write_bytes(data)
