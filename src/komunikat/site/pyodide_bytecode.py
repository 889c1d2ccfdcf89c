"""Compile the composer's Python to byte code, inside Pyodide itself (run at build time).

Not imported by komunikat: :mod:`komunikat.site.composer_bytecode` hands this
file's source to Pyodide under Node (``hooks/composer/bytecode.mjs``), which
then calls :func:`main`. It runs on Pyodide's Python (3.14 at the time of
writing) with the standard library alone, so the byte code it writes is
exactly what the browser's Pyodide would make: the same interpreter, the same
magic number. The build's own Python cannot make it (another version).

Why: in the browser, importing the renderer compiled every module from source
(Pyodide ships its standard library as ``.py`` files), most of the second the
import took. :func:`main` imports the modules the browser imports, as the
browser does, and writes byte code for exactly the modules that brought in:

- ``<package>/__pycache__/<module>.cpython-3XX.pyc`` for the modules of
  ``python.zip`` (jinja2, markupsafe, komunikat): unchecked-hash pycs (PEP
  552), since the unpacked files carry no useful time stamps and the source is
  the one they were made from; Python's own import system uses them;
- ``_stdlib/<module path>.pyc`` for the standard library's modules, served by
  :mod:`komunikat.precompiled` (packages that hold other files than ``.py``
  are left out: they may read those beside their code), and ``_stdlib/MAGIC``.
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import json
import marshal
import os
import py_compile
import sys
import zipfile

#: A fixed time stamp for every zip entry: the same input gives the same zip.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
#: Hash-based pyc, not checked against its source (PEP 552): flags bit 0 set, bit 1 clear.
UNCHECKED_HASH = 0b01


def _origin(name: str) -> str:
    spec = getattr(sys.modules.get(name), "__spec__", None)
    return (getattr(spec, "origin", None) or "") if spec else ""


def _compile_bundle_modules(names: list[str], root: str) -> dict[str, bytes]:
    """An unchecked-hash pyc in ``__pycache__`` for each imported module of the bundle."""
    written: dict[str, bytes] = {}
    for name in names:
        source = _origin(name)
        if not (source.startswith(root + "/") and source.endswith(".py")):
            continue
        cached = importlib.util.cache_from_source(source)
        py_compile.compile(
            source,
            cfile=cached,
            dfile=source,
            doraise=True,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        with open(cached, "rb") as handle:
            written[os.path.relpath(cached, root).replace(os.sep, "/")] = handle.read()
    return written


def _sourceless_pyc(source: bytes, filename: str) -> bytes:
    code = compile(source, filename, "exec", dont_inherit=True)
    flags = UNCHECKED_HASH.to_bytes(4, "little")
    return (
        importlib.util.MAGIC_NUMBER
        + flags
        + importlib.util.source_hash(source)
        + marshal.dumps(code)
    )


def _compile_stdlib_modules(
    names: list[str], stdlib: str, directory: str
) -> tuple[dict[str, bytes], list[str]]:
    """Sourceless pycs of the imported standard-library modules: (files, packages left out)."""
    written: dict[str, bytes] = {}
    left_out: set[str] = set()
    with zipfile.ZipFile(stdlib) as archive:
        entries = [n for n in archive.namelist() if not n.endswith("/")]
        for name in names:
            origin = _origin(name)
            if not (origin.startswith(stdlib + "/") and origin.endswith(".py")):
                continue  # built in, frozen, or not from the zip
            member = origin[len(stdlib) + 1 :]
            top = member.partition("/")[0]
            if "/" in member and any(
                n.startswith(top + "/") and not n.endswith(".py") for n in entries
            ):
                left_out.add(top)
                continue
            target = f"{directory}/{member[: -len('.py')]}.pyc"
            written[target] = _sourceless_pyc(archive.read(member), origin)
    return written, sorted(left_out)


def write_zip(files: dict[str, bytes]) -> bytes:
    """A zip of ``files``: entries sorted, one fixed date, so the same files give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def main(bundle: str, target: str, extract_dir: str, modules: list[str]) -> str:
    """Compile what importing ``modules`` from ``bundle`` (python.zip) brings in; write ``target``.

    ``bundle`` is unpacked at ``extract_dir``, where the browser unpacks it
    (the byte code names its files). Returns a JSON report for the build log.
    """
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(extract_dir)
    sys.path.insert(0, extract_dir)
    before = set(sys.modules)
    from komunikat import precompiled  # the shipped copy: the names the runtime reads

    stdlib = precompiled.stdlib_zip()
    if stdlib is None:
        raise RuntimeError(f"no standard library zip on sys.path: {sys.path}")
    for name in modules:
        importlib.import_module(name)
    imported = sorted(set(sys.modules) - before)
    files = _compile_bundle_modules(imported, extract_dir)
    stdlib_files, left_out = _compile_stdlib_modules(imported, stdlib, precompiled.STDLIB_DIR)
    files.update(stdlib_files)
    files[precompiled.MAGIC_FILE] = importlib.util.MAGIC_NUMBER.hex().encode("ascii")
    with open(target, "wb") as handle:
        handle.write(write_zip(files))
    return json.dumps(
        {
            "python": sys.version.split()[0],
            "bundle_modules": len(files) - len(stdlib_files) - 1,
            "stdlib_modules": len(stdlib_files),
            "left_out": left_out,
        }
    )
