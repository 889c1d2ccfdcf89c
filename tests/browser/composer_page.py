"""Driving the composer on a template page of the built site, and the CLI to compare with."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from playwright.sync_api import Locator, Page, expect

from komunikat.cli import main

#: Pyodide compiles ~10 MB of WebAssembly; on a 2-core CI machine that takes a while.
LOAD_TIMEOUT_MS = 180_000
Values = Mapping[str, str | list[str] | bool]
FOCUS_TIMEOUT_MS = 5_000


def expect_focused(control: Locator, timeout_ms: int = FOCUS_TIMEOUT_MS) -> None:
    """The control holds the page's keyboard focus (it is ``document.activeElement``).

    Playwright's ``to_be_focused`` also wants the browser window to have the
    system's focus (``document.hasFocus()``), which headless Chromium does not
    always give a page while other pages run beside it: the keyboard still
    types into the active element, and that is what an operator relies on.
    """
    deadline = control.page.evaluate("performance.now()") + timeout_ms
    while True:
        if control.evaluate("(el) => el === el.getRootNode().activeElement"):
            return
        if control.page.evaluate("performance.now()") > deadline:
            active = control.page.evaluate(
                "(() => { const a = document.activeElement; return a ? a.outerHTML.slice(0, 200) : null; })()"
            )
            raise AssertionError(f"{control} is not focused; the active element is {active}")
        control.page.wait_for_timeout(50)


def open_composer(page: Page, site_url: str, template_id: str) -> Locator:
    page.goto(f"{site_url}szablony/{template_id}/")
    root = page.locator(f'.komunikat-composer[data-template="{template_id}"]')
    expect(root).to_have_attribute("data-state", "ready", timeout=LOAD_TIMEOUT_MS)
    return root


def fill(root: Locator, values: Values) -> None:
    """Type values into the form the way a person would, by field type, leaving each field.

    A date is typed as text (``dd.mm.rrrr gg:mm``), the way the form asks for it.
    """
    for name, value in values.items():
        field = root.locator(f'[data-field="{name}"]')
        if isinstance(value, list):
            for box in field.locator("input[type=checkbox]").all():
                box.set_checked(box.get_attribute("value") in value)
        elif isinstance(value, bool):
            field.locator("input[type=checkbox]").set_checked(value)
        elif field.locator("select").count() and not field.locator("input").count():
            field.locator("select").select_option(value)
        else:
            control = field.locator("input, textarea").first
            control.fill(value)
            control.blur()


def choose_language(root: Locator, lang: str) -> None:
    root.locator(f'.kc-lang input[value="{lang}"]').check()


def composed_text(root: Locator) -> str:
    """Subject and body as the composer shows them, in the CLI's text layout."""
    body = root.locator(".kc-body").text_content() or ""
    if root.locator(".kc-subject-row").is_hidden():
        return body
    return f"Subject: {root.locator('.kc-subject').text_content()}\n\n{body}"


def wait_complete(root: Locator) -> None:
    expect(root).to_have_attribute("data-complete", "true")


def cli_run(
    capsys: pytest.CaptureFixture[str],
    template_id: str,
    values: Values,
    *extra: str,
) -> tuple[str, str]:
    """``komunikat render`` in-process with the values the form was given: (stdout, stderr)."""
    argv = ["render", template_id, *extra]
    for name, value in values.items():
        if isinstance(value, list):
            value = ",".join(value)
        elif isinstance(value, bool):
            value = "tak" if value else "nie"
        argv += ["--set", f"{name}={value}"]
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 0, err
    return out, err


def cli(capsys: pytest.CaptureFixture[str], template_id: str, values: Values, *extra: str) -> str:
    return cli_run(capsys, template_id, values, *extra)[0]
