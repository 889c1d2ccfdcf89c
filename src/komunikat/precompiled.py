"""The standard library's byte code shipped in ``python.zip``, for the composer in the browser.

Pyodide ships its standard library as ``.py`` files in a zip, so every module
the renderer imports in the browser (email, zoneinfo, gettext, …) used to be
compiled from source at each start. The site build compiles them once, in
Pyodide itself (:mod:`komunikat.site.composer_bytecode`), into
``_stdlib/<module path>.pyc`` of ``python.zip``, with ``_stdlib/MAGIC`` the
magic number of the interpreter that made them. :func:`install`, called by the
runtime (``docs/assets/runtime.js``) before the first import, puts a finder in
front of ``sys.meta_path`` that serves those modules from their byte code, and
only when ``MAGIC`` is the running interpreter's: any other Pyodide compiles
from source as before.

A package served from byte code keeps the standard library's directory as its
``__path__``: a submodule that was not compiled (imported later, say) is found
in the zip as usual.

The standard library alone: this module is imported before anything else.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, SourcelessFileLoader
from types import ModuleType

#: Under the directory python.zip is unpacked to.
STDLIB_DIR = "_stdlib"
MAGIC_FILE = f"{STDLIB_DIR}/MAGIC"


def stdlib_zip() -> str | None:
    """The zip on ``sys.path`` the standard library is imported from (Pyodide: ``/lib/python3XX.zip``)."""
    for entry in sys.path:
        if entry.endswith(".zip") and os.path.basename(entry).startswith("python"):
            return entry
    return None


class StdlibBytecode:
    """A meta-path finder for the standard library's modules compiled into ``directory``."""

    def __init__(self, directory: str, stdlib: str) -> None:
        self.directory = directory
        self.stdlib = stdlib

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        relative = name.replace(".", "/")
        package = f"{self.directory}/{relative}/__init__.pyc"
        if os.path.isfile(package):
            return importlib.util.spec_from_file_location(
                name,
                package,
                loader=SourcelessFileLoader(name, package),
                submodule_search_locations=[f"{self.stdlib}/{relative}"],
            )
        module = f"{self.directory}/{relative}.pyc"
        if os.path.isfile(module):
            return importlib.util.spec_from_file_location(
                name, module, loader=SourcelessFileLoader(name, module)
            )
        return None


def install(root: str) -> bool:
    """Serve the byte code under ``root/_stdlib`` when it is this interpreter's; True if so."""
    try:
        with open(f"{root}/{MAGIC_FILE}", encoding="ascii") as handle:
            magic = handle.read().strip()
    except OSError:
        return False
    stdlib = stdlib_zip()
    if stdlib is None or magic != importlib.util.MAGIC_NUMBER.hex():
        return False
    if not any(isinstance(finder, StdlibBytecode) for finder in sys.meta_path):
        sys.meta_path.insert(0, StdlibBytecode(f"{root}/{STDLIB_DIR}", stdlib))
    return True
