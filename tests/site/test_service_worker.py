"""composer-sw.js: the service worker's cache is named after exactly the files it keeps."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from komunikat.site.composer_assets import (
    PYTHON_ZIP,
    RUNTIME_DIR,
    SERVICE_WORKER,
    FILES_MARK,
    VERSION_MARK,
    ComposerAssetsError,
    write_service_worker,
)

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "hooks" / "composer" / "service-worker.js"


def fake_site(site: Path, code: bytes = b"komunikat", wasm: bytes = b"\0asm") -> Path:
    (site / RUNTIME_DIR).mkdir(parents=True)
    (site / RUNTIME_DIR / "pyodide.asm.wasm").write_bytes(wasm)
    (site / RUNTIME_DIR / "pyodide.mjs").write_bytes(b"export {}")
    (site / PYTHON_ZIP).write_bytes(code)
    (site / "assets" / "composer" / "catalog.json").write_text("{}", encoding="utf-8")
    return site


def test_the_worker_names_its_cache_after_the_files_it_keeps(tmp_path: Path) -> None:
    version = write_service_worker(fake_site(tmp_path / "a"), SOURCE)
    text = (tmp_path / "a" / SERVICE_WORKER).read_text(encoding="utf-8")
    assert f'const VERSION = "{version}";' in text
    assert VERSION_MARK not in text
    assert len(version) == 16


def test_the_worker_lists_the_files_a_first_visit_asks_it_to_store(tmp_path: Path) -> None:
    """A first visit is not controlled yet: the page asks the worker to store these afterwards."""
    write_service_worker(fake_site(tmp_path / "a"), SOURCE)
    text = (tmp_path / "a" / SERVICE_WORKER).read_text(encoding="utf-8")
    assert FILES_MARK not in text
    found = re.search(r'const FILES = JSON.parse\((".*")\);', text)
    assert found is not None
    assert json.loads(json.loads(found[1])) == [
        f"{RUNTIME_DIR}/pyodide.asm.wasm",
        f"{RUNTIME_DIR}/pyodide.mjs",
        PYTHON_ZIP,
    ]


@pytest.mark.parametrize(
    ("changed", "same"),
    [
        ({}, True),
        ({"code": b"komunikat 2"}, False),
        ({"wasm": b"\0asm2"}, False),
    ],
)
def test_a_build_with_other_runtime_files_has_another_version(
    tmp_path: Path, changed: dict[str, bytes], same: bool
) -> None:
    first = write_service_worker(fake_site(tmp_path / "a"), SOURCE)
    second = write_service_worker(fake_site(tmp_path / "b", **changed), SOURCE)
    assert (first == second) is same


def test_the_catalogue_does_not_change_the_version(tmp_path: Path) -> None:
    """catalog.json is fetched fresh every time; a new catalogue keeps the cached runtime."""
    site = fake_site(tmp_path / "a")
    first = write_service_worker(site, SOURCE)
    (site / "assets" / "composer" / "catalog.json").write_text('{"x": 1}', encoding="utf-8")
    assert write_service_worker(site, SOURCE) == first


def test_a_source_without_the_version_mark_is_one_line_with_the_fix(tmp_path: Path) -> None:
    broken = tmp_path / "service-worker.js"
    broken.write_text('const VERSION = "";\n', encoding="utf-8")
    with pytest.raises(ComposerAssetsError) as caught:
        write_service_worker(fake_site(tmp_path / "a"), broken)
    assert "\n" not in str(caught.value)
    assert VERSION_MARK in str(caught.value)
