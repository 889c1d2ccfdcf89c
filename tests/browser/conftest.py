"""Fixtures for real-browser tests of the site's search.

The site is built once per session with ``python -m mkdocs build --strict``
from the repository's mkdocs.yml into a temporary directory, served from
127.0.0.1 by ``http.server`` and driven with Playwright through Debian's
Chromium (/usr/bin/chromium; Playwright's own browser download is not used).

The server's socket is bound before the build, so that the build's
``site_url`` (``KOMUNIKAT_SITE_URL``) is the address the site is served at:
Material's instant navigation only follows links listed in sitemap.xml. Every
request the server answers is recorded (``served_requests``).

Requests to other hosts (e.g. web fonts configured by the theme) are answered
with empty responses so the tests never depend on the internet.

Set ``SEARCH_PL_MKDOCS_YML`` to build another configuration (e.g. a scratch
site while developing); by default the repository's mkdocs.yml is used.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Playwright,
    Route,
    Worker,
    sync_playwright,
)

from benchmarks.chromium import CHROMIUM, launch

ROOT = Path(__file__).resolve().parents[2]
CONFIG_FILE = Path(os.environ.get("SEARCH_PL_MKDOCS_YML", ROOT / "mkdocs.yml"))
ARTIFACTS = ROOT / "test-artifacts"

#: Pages (relative to docs_dir) whose titles the search tests look for.
REQUIRED_PAGES = (
    "awarie/digital-virgo.md",
    "awarie/operator.md",
    "prace-planowane/digital-virgo.md",
)


def _docs_dir(config_file: Path) -> Path:
    from mkdocs.utils.yaml import yaml_load

    with config_file.open(encoding="utf-8") as handle:
        config: dict[str, Any] = yaml_load(handle) or {}
    return config_file.parent / str(config.get("docs_dir", "docs"))


def _missing_prerequisites() -> str | None:
    """Why the site cannot be tested yet, or None when it can."""
    if not CONFIG_FILE.is_file():
        return f"{CONFIG_FILE} does not exist yet"
    docs_dir = _docs_dir(CONFIG_FILE)
    missing = [page for page in REQUIRED_PAGES if not (docs_dir / page).is_file()]
    if missing:
        return f"pages not written yet in {docs_dir}: {', '.join(missing)}"
    return None


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.server.requests.append(self.path)  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def site_server() -> Iterator[ThreadingHTTPServer]:
    """The site's server on 127.0.0.1, bound (not yet serving) before the site is built."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _QuietHandler)
    server.requests = []  # type: ignore[attr-defined]
    try:
        yield server
    finally:
        server.server_close()


def _address(server: ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    return f"http://{host!s}:{port}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_server: ThreadingHTTPServer) -> Path:
    """The site built with ``mkdocs build --strict`` into a temporary directory."""
    reason = _missing_prerequisites()
    if reason is not None:
        pytest.skip(f"search browser tests need the real site: {reason}")
    site_dir = tmp_path_factory.mktemp("site")
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(CONFIG_FILE),
        "--site-dir",
        str(site_dir),
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KOMUNIKAT_SITE_URL": _address(site_server)}
    completed = subprocess.run(
        command,
        cwd=CONFIG_FILE.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if completed.returncode != 0:
        pytest.fail(
            f"mkdocs build failed ({completed.returncode}):\n{completed.stdout}\n{completed.stderr}"
        )
    return site_dir


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_server: ThreadingHTTPServer) -> Iterator[str]:
    """Base URL (with trailing slash) of the built site served on 127.0.0.1."""
    site_server.RequestHandlerClass = functools.partial(  # type: ignore[assignment]
        _QuietHandler, directory=str(built_site)
    )
    thread = threading.Thread(target=site_server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield _address(site_server)
    finally:
        site_server.shutdown()
        thread.join(timeout=10)


@pytest.fixture
def served_requests(site_url: str, site_server: ThreadingHTTPServer) -> list[str]:
    """The paths the server answered from now on (requests the browser's caches did not take)."""
    requests: list[str] = site_server.requests  # type: ignore[attr-defined]
    requests.clear()
    return requests


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    browser = launch(playwright_instance)
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """test-artifacts/ at the repository root (gitignored) for screenshots."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def console_errors() -> list[str]:
    """Console errors and uncaught exceptions of the page and its workers."""
    return []


@pytest.fixture
def page(browser: Browser, site_url: str, console_errors: list[str]) -> Iterator[Page]:
    """A fresh page; the test fails if the page or a worker logged an error.

    The list of errors is also available as ``page.console_errors``, the URLs
    of blocked requests to other hosts as ``page.external_requests``.
    """
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    external_requests: list[str] = []
    local = re.compile(rf"^{re.escape(site_url)}")

    def answer_offline(route: Route) -> None:
        if local.match(route.request.url):
            route.continue_()
        else:
            external_requests.append(route.request.url)
            route.fulfill(status=200, body="")

    def record_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location.get("url", "")
            console_errors.append(f"console.error: {message.text} ({location})")

    def watch_worker(worker: Worker) -> None:
        worker.on("console", record_console)

    context.route("**/*", answer_offline)
    page = context.new_page()
    page.on("console", record_console)
    page.on("pageerror", lambda error: console_errors.append(f"page error: {error}"))
    page.on("worker", watch_worker)
    page.console_errors = console_errors  # type: ignore[attr-defined]
    page.external_requests = external_requests  # type: ignore[attr-defined]
    try:
        yield page
    finally:
        context.close()
    if console_errors:
        pytest.fail("errors in the browser console:\n" + "\n".join(console_errors))
