"""The composer's runtime in a real browser: started once per visit, kept between visits.

Instant navigation (Material's ``navigation.instant``) swaps pages in without
reloading the scripts, so the Pyodide runtime started on one page serves the
next; the service worker ``composer-sw.js`` keeps Pyodide and ``python.zip``
in Cache Storage, so a reload takes them from there; and every page warms the
runtime up when the browser is idle. How fast each of these is, is measured
by ``./dev bench --only composer``; these tests hold what happens, not how long.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

#: As in test_composer.py: Pyodide compiles ~10 MB of WebAssembly on a 2-core machine.
LOAD_TIMEOUT_MS = 180_000

#: The files that make up almost all of the 14 MB (and python.zip, komunikat's code).
BIG_FILES = ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs", "python.zip")
PROCEDURE_PAGE = "awarie/digital-virgo/"


def starts(page: Page) -> int:
    return int(page.evaluate("window.komunikatRuntimeStarts"))


def mark_the_document(page: Page) -> None:
    """A flag that only survives while the page is not reloaded."""
    page.evaluate("window.stillTheSamePage = true")


def follow_link(page: Page, site_url: str, relative: str) -> None:
    """Click a link of the page to ``relative`` (nav or content) as a reader would."""
    link = page.locator(f'a[href="{site_url}{relative}"]:visible').first
    link.click()
    page.wait_for_url(f"{site_url}{relative}")


def composer(page: Page, template_id: str) -> Locator:
    return page.locator(f'.komunikat-composer[data-template="{template_id}"]')


def open_composer(page: Page, site_url: str, template_id: str) -> Locator:
    page.goto(f"{site_url}szablony/{template_id}/")
    root = composer(page, template_id)
    expect(root).to_have_attribute("data-state", "ready", timeout=LOAD_TIMEOUT_MS)
    return root


def wait_for_cached_runtime(page: Page, cache_name: str | None = None) -> None:
    """Until the service worker controls the page and holds every big file (in that cache)."""
    page.wait_for_function(
        """async ([names, only]) => {
          if (!navigator.serviceWorker || !navigator.serviceWorker.controller) return false;
          const found = [];
          for (const key of await caches.keys()) {
            if (only && key !== only) continue;
            const cache = await caches.open(key);
            for (const request of await cache.keys()) found.push(request.url);
          }
          return names.every((name) => found.some((url) => url.endsWith("/" + name)));
        }""",
        arg=[list(BIG_FILES), cache_name],
        timeout=LOAD_TIMEOUT_MS,
        polling=200,
    )


def test_instant_navigation_to_the_next_template_keeps_the_runtime(
    page: Page, site_url: str
) -> None:
    open_composer(page, site_url, "dv-outage-open")
    assert starts(page) == 1
    mark_the_document(page)

    follow_link(page, site_url, "szablony/ticket-accepted/")
    root = composer(page, "ticket-accepted")
    expect(root).to_have_attribute("data-state", "ready", timeout=LOAD_TIMEOUT_MS)
    assert page.evaluate("window.stillTheSamePage") is True, "the page was reloaded"
    assert starts(page) == 1
    root.locator('[data-field="hl"] input').fill("123461")
    expect(root.locator(".kc-subject")).to_have_text("Przyjęcie zgłoszenia [HL-123461]")
    expect(page.locator("h1")).to_contain_text("Przyjęcie zgłoszenia")


def test_a_reload_takes_the_runtime_from_the_cache_and_the_catalogue_from_the_server(
    page: Page, site_url: str, served_requests: list[str]
) -> None:
    open_composer(page, site_url, "dv-outage-open")
    wait_for_cached_runtime(page)

    served_requests.clear()
    page.reload()
    expect(composer(page, "dv-outage-open")).to_have_attribute(
        "data-state", "ready", timeout=LOAD_TIMEOUT_MS
    )
    downloaded = [path for path in served_requests if path.endswith(BIG_FILES)]
    assert downloaded == []
    assert any(path.endswith("/catalog.json") for path in served_requests), served_requests


def test_a_procedure_page_warms_the_runtime_up_for_the_template_page(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + PROCEDURE_PAGE)
    expect(page.locator("html")).to_have_attribute(
        "data-komunikat-warm-up", "ready", timeout=LOAD_TIMEOUT_MS
    )
    assert starts(page) == 1
    mark_the_document(page)

    follow_link(page, site_url, "szablony/dv-outage-open/")
    root = composer(page, "dv-outage-open")
    expect(root).to_have_attribute("data-state", "ready", timeout=LOAD_TIMEOUT_MS)
    assert page.evaluate("window.stillTheSamePage") is True
    assert starts(page) == 1


def test_no_warm_up_when_the_reader_asked_to_save_data(page: Page, site_url: str) -> None:
    page.add_init_script(
        """Object.defineProperty(Navigator.prototype, "connection", {
          get: () => ({ saveData: true, effectiveType: "4g" }),
        });"""
    )
    page.goto(site_url + PROCEDURE_PAGE, wait_until="load")
    expect(page.locator("html")).to_have_attribute("data-komunikat-warm-up", "skipped-save-data")
    assert starts(page) == 0
    open_composer(page, site_url, "dv-outage-open")  # a template page still starts it
    assert starts(page) == 1


def test_a_new_build_replaces_the_cached_runtime(
    page: Page, site_url: str, built_site: Path
) -> None:
    """A new build (another python.zip, another version in composer-sw.js): its files are cached.

    The new cache holds the new build's python.zip, not the old one's, and the
    old cache is deleted: the new worker stores the files when it activates.
    """
    open_composer(page, site_url, "dv-outage-open")
    wait_for_cached_runtime(page)
    worker, bundle = built_site / "composer-sw.js", built_site / "assets/composer/python.zip"
    text, code = worker.read_text(encoding="utf-8"), bundle.read_bytes()
    version = re.search(r'const VERSION = "([0-9a-f]+)";', text)
    assert version is not None
    assert page.evaluate("caches.keys()") == [f"komunikat-composer-{version[1]}"]
    new_cache = f"komunikat-composer-{version[1]}0"
    worker.write_text(text.replace(version[0], f'const VERSION = "{version[1]}0";'), "utf-8")
    with zipfile.ZipFile(bundle, "a") as archive:  # the same code, another file
        archive.comment = b"a new build"
    new_size = bundle.stat().st_size
    assert new_size != len(code)
    try:
        # the browser finds the new worker (as it does on every visit); once it is active the
        # old cache is gone, and the new one fills with the new build's files
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        page.wait_for_function(
            "async (old) => !(await caches.keys()).includes(old)",
            arg=f"komunikat-composer-{version[1]}",
            timeout=LOAD_TIMEOUT_MS,
        )
        page.reload()
        expect(composer(page, "dv-outage-open")).to_have_attribute(
            "data-state", "ready", timeout=LOAD_TIMEOUT_MS
        )
        wait_for_cached_runtime(page, new_cache)
        page.wait_for_function(
            "async (name) => (await caches.keys()).join() === name",
            arg=new_cache,
            timeout=LOAD_TIMEOUT_MS,
        )
        cached_size = page.evaluate(
            """async (name) => {
              const cache = await caches.open(name);
              const key = (await cache.keys()).find((r) => r.url.endsWith("/python.zip"));
              const found = key ? await cache.match(key) : null;
              return found ? (await found.arrayBuffer()).byteLength : null;
            }""",
            new_cache,
        )
        assert cached_size == new_size, "the new build's python.zip, not the old cache's"
    finally:
        worker.write_text(text, "utf-8")
        bundle.write_bytes(code)


def test_the_runtime_imports_the_byte_code_the_build_made(page: Page, site_url: str) -> None:
    """python.zip carries byte code made by this Pyodide: nothing is compiled at start."""
    open_composer(page, site_url, "dv-outage-open")
    found = page.evaluate(
        """async () => {
          const pyodide = await window.komunikat.loadPyodide();
          return JSON.parse(pyodide.runPython(`
import importlib.util, json, sys
def header(path):
    with open(path, "rb") as handle:
        return handle.read(8)
render = sys.modules["komunikat.render"]
magic = importlib.util.MAGIC_NUMBER
json.dumps({
    "email": sys.modules["email"].__file__,
    "render_pyc": header(render.__cached__) == magic + bytes([1, 0, 0, 0]),
    "jinja2_pyc": header(sys.modules["jinja2.environment"].__cached__)[:4] == magic,
})`));
        }"""
    )
    assert found == {
        "email": "/opt/komunikat/_stdlib/email/__init__.pyc",
        "render_pyc": True,  # unchecked hash-based: used without looking at the source
        "jinja2_pyc": True,
    }
