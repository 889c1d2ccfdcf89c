"""Byte code for the composer's Python: made by the shipped Pyodide, used only by its own Python.

The site build runs Pyodide under Node once (hooks/composer/bytecode.mjs) and
adds the byte code to python.zip; komunikat.precompiled serves the standard
library's part of it in the browser. The browser side is in
tests/browser/test_runtime.py; here, the build side and the finder itself
(on this machine's CPython, with byte code of its own).
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from komunikat import precompiled
from komunikat.site import composer_bytecode
from komunikat.site.composer_assets import check_runtime, python_bundle, runtime_source
from komunikat.site.pyodide_bytecode import _sourceless_pyc, write_zip

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "hooks" / "composer" / "bytecode.mjs"


# --- the finder, on CPython -----------------------------------------------------------


@pytest.fixture
def fake_stdlib(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A 'standard library' zip with package fakestd (three modules), and its byte code for two."""
    sources = {
        "fakestd/__init__.py": b"WHERE = 'source'\n",
        "fakestd/compiled.py": b"WHERE = 'source'\n",
        "fakestd/later.py": b"WHERE = 'source'\n",
    }
    stdlib = tmp_path / "python3xx.zip"
    stdlib.write_bytes(write_zip(sources))
    root = tmp_path / "opt"
    for name in ("fakestd/__init__", "fakestd/compiled"):
        target = root / precompiled.STDLIB_DIR / f"{name}.pyc"
        target.parent.mkdir(parents=True, exist_ok=True)
        # the byte code says where it came from, the source says 'source': tell them apart
        code = sources[f"{name}.py"].replace(b"source", b"byte code")
        target.write_bytes(_sourceless_pyc(code, f"{stdlib}/{name}.py"))
    sys.path.append(str(stdlib))
    before = list(sys.meta_path)
    try:
        yield root, stdlib
    finally:
        sys.path.remove(str(stdlib))
        sys.meta_path[:] = before
        for name in [n for n in sys.modules if n.partition(".")[0] == "fakestd"]:
            del sys.modules[name]


def write_magic(root: Path, magic: str) -> None:
    (root / precompiled.MAGIC_FILE).write_text(magic, encoding="ascii")


def test_modules_with_byte_code_come_from_it_and_the_rest_of_a_package_from_source(
    fake_stdlib: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, stdlib = fake_stdlib
    write_magic(root, importlib.util.MAGIC_NUMBER.hex())
    monkeypatch.setattr(precompiled, "stdlib_zip", lambda: str(stdlib))
    assert precompiled.install(str(root)) is True
    assert precompiled.install(str(root)) is True, "a second call adds no second finder"
    assert sum(isinstance(f, precompiled.StdlibBytecode) for f in sys.meta_path) == 1
    package = importlib.import_module("fakestd")
    compiled = importlib.import_module("fakestd.compiled")
    later = importlib.import_module("fakestd.later")
    assert (package.WHERE, compiled.WHERE, later.WHERE) == ("byte code", "byte code", "source")
    assert package.__file__.endswith("_stdlib/fakestd/__init__.pyc")
    assert package.__path__ == [f"{stdlib}/fakestd"], "submodules are still found in the zip"


@pytest.mark.parametrize("magic", ["", "0d0d0d0a", "not hex"])
def test_byte_code_of_another_python_is_never_used(
    fake_stdlib: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, magic: str
) -> None:
    root, stdlib = fake_stdlib
    write_magic(root, magic)
    monkeypatch.setattr(precompiled, "stdlib_zip", lambda: str(stdlib))
    assert precompiled.install(str(root)) is False
    assert importlib.import_module("fakestd").WHERE == "source"


def test_without_byte_code_in_the_bundle_nothing_is_installed(tmp_path: Path) -> None:
    assert precompiled.install(str(tmp_path)) is False


# --- the build side: Pyodide under Node -------------------------------------------------


def test_the_shipped_pyodide_compiles_the_bundle_once_and_the_cache_serves_the_rebuild(
    tmp_path: Path,
) -> None:
    bundle = python_bundle()
    runtime = check_runtime(ROOT)
    made = composer_bytecode.compile_bundle(bundle, tmp_path, runtime_source(ROOT), runtime, DRIVER)
    assert made.zip is not None, made.reason
    assert not made.cached
    names = zipfile.ZipFile(io.BytesIO(made.zip)).namelist()
    source = zipfile.ZipFile(io.BytesIO(bundle)).namelist()
    assert names == sorted(names), "one zip, entries sorted"
    assert set(source) < set(names), "the source stays beside the byte code"
    magic = zipfile.ZipFile(io.BytesIO(made.zip)).read(precompiled.MAGIC_FILE).decode()
    assert magic != importlib.util.MAGIC_NUMBER.hex(), "Pyodide's Python, not the build's"
    for module in ("komunikat/composer", "komunikat/render", "jinja2/environment"):
        directory, _, name = module.rpartition("/")
        assert any(n.startswith(f"{directory}/__pycache__/{name}.cpython-") for n in names), module
    assert f"{precompiled.STDLIB_DIR}/email/__init__.pyc" in names
    assert f"{precompiled.STDLIB_DIR}/zoneinfo/__init__.pyc" in names
    lint_pycs = [n for n in names if n.startswith("komunikat/lint/") and n.endswith(".pyc")]
    assert not lint_pycs, "only what the browser imports"
    assert made.report["stdlib_modules"] > 10

    again = composer_bytecode.compile_bundle(
        bundle, tmp_path, runtime_source(ROOT), runtime, DRIVER
    )
    assert again.cached and again.zip == made.zip


def test_without_node_the_bundle_has_no_byte_code_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    made = composer_bytecode.compile_bundle(
        b"zip", tmp_path, runtime_source(ROOT), check_runtime(ROOT), DRIVER
    )
    assert made.zip is None
    assert "node" in made.reason


def test_a_failing_compilation_is_one_line_naming_the_cause(tmp_path: Path) -> None:
    broken = tmp_path / "bytecode.mjs"
    broken.write_text('console.error("bytecode.mjs: Pyodide exploded"); process.exit(1);\n')
    made = composer_bytecode.compile_bundle(
        b"zip", tmp_path, runtime_source(ROOT), check_runtime(ROOT), broken
    )
    assert made.zip is None
    assert made.reason.endswith("bytecode.mjs: Pyodide exploded")
    assert "\n" not in made.reason
    assert not list((tmp_path / composer_bytecode.CACHE_DIR).glob("*.zip")), "no broken result kept"
