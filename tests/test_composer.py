"""The composer's Python side: the same text as the CLI, and what the site ships for it."""

from __future__ import annotations

import base64
import email
import email.policy
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from komunikat.catalog import Catalog, load_catalog
from komunikat.cli import main
from komunikat.composer import Composer
from komunikat.composer_form import form_description
from komunikat.composer_input import is_ambiguous_time, read_previous
from komunikat.site.composer_assets import (
    CATALOG_JSON,
    PYTHON_ZIP,
    RUNTIME_DIR,
    ComposerAssetsError,
    catalog_bundle,
    check_runtime,
    python_bundle,
    write_assets,
)
from tests.shipped_python import HEAVY, run_shipped

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-01-05T09:00"


@pytest.fixture(scope="module")
def bundle(catalog: Catalog) -> dict[str, Any]:
    """The catalogue as the browser receives it: through JSON text."""
    return json.loads(json.dumps(catalog_bundle(catalog), ensure_ascii=False))


@pytest.fixture(scope="module")
def composer(bundle: dict[str, Any]) -> Composer:
    return Composer.from_bundle(bundle)


@pytest.fixture(scope="module")
def python_zip() -> bytes:
    return python_bundle()


def cases(catalog: Catalog) -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []
    for spec in catalog:
        if spec.layout == "bilingual":
            found.append((spec.id, None))
        else:
            found += [(spec.id, lang) for lang in spec.languages]
    return found


CASES = cases(load_catalog(ROOT))


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def sample_request(
    catalog: Catalog, template_id: str, lang: str | None
) -> tuple[dict[str, Any], list[str]]:
    """The sample values as the form would send them, and the sample previous notices as text."""
    spec = catalog.get(template_id)
    values = catalog.sample_values(spec, lang=lang)
    previous = [p.as_text() for p in catalog.sample_previous(spec)]
    return values, previous


# --- one rendering logic ------------------------------------------------------------


@pytest.mark.parametrize(("template_id", "lang"), CASES)
def test_compose_gives_exactly_the_sample_rendering(
    catalog: Catalog, composer: Composer, template_id: str, lang: str | None
) -> None:
    values, previous = sample_request(catalog, template_id, lang)
    result = composer.compose(template_id, values, lang=lang, previous=previous, preview=False)
    expected = catalog.render_sample(catalog.get(template_id), lang=lang)
    assert result["ready"], result["problems"]
    assert result["problems"] == []
    assert result["text"] == expected.as_text()
    assert result["subject"] == expected.subject
    assert result["body"] == expected.body
    assert result["cc"] == expected.cc


@pytest.mark.parametrize(("template_id", "lang"), CASES)
def test_compose_gives_exactly_what_the_cli_prints(
    catalog: Catalog,
    composer: Composer,
    capsys: pytest.CaptureFixture[str],
    template_id: str,
    lang: str | None,
) -> None:
    values, previous = sample_request(catalog, template_id, lang)
    argv = ["render", template_id, "--sample"] + (["--lang", lang] if lang else [])
    code, out, err = run_cli(capsys, *argv)
    assert code == 0, err
    result = composer.compose(template_id, values, lang=lang, previous=previous)
    assert result["ready"], result["problems"]
    assert result["text"] == out


def test_close_quotes_a_pasted_message_as_the_cli_quotes_the_same_file(
    catalog: Catalog, composer: Composer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sets = {
        "hl": "HL-200001",
        "start": "2026-12-20T22:00",
        "services": "sms-premium,mps",
        "sender": "Anna Nowak",
    }
    argv = ["render", "dv-outage-open", "--now", "10.12.2026 10:00"]
    for name, value in sets.items():
        argv += ["--set", f"{name}={value}"]
    code, opened, err = run_cli(capsys, *argv)
    assert code == 0, err
    (tmp_path / "open.txt").write_text(opened, encoding="utf-8")
    close = {"hl": "HL-200001", "start": "20.12.2026 22:00", "end": "2026-12-21T01:15"}
    close["sender"] = "Anna Nowak"
    argv = ["render", "dv-outage-close", "--previous", str(tmp_path / "open.txt")]
    for name, value in close.items():
        argv += ["--set", f"{name}={value}"]
    code, out, err = run_cli(capsys, *argv)
    assert code == 0, err
    result = composer.compose("dv-outage-close", close, previous=[opened])
    assert result["ready"], result["problems"]
    assert result["text"] == out
    loaded = [{"name": "open.txt", "base64": base64.b64encode(opened.encode()).decode()}]
    assert composer.compose("dv-outage-close", close, previous=loaded)["text"] == out


def test_eml_is_the_cli_eml(
    catalog: Catalog, composer: Composer, capsys: pytest.CaptureFixture[str]
) -> None:
    values, previous = sample_request(catalog, "operator-problem-report", "pl")
    code, out, err = run_cli(capsys, "render", "operator-problem-report", "--sample")
    assert code == 0, err
    capsys.readouterr()
    main(["render", "operator-problem-report", "--sample", "--format", "eml"])
    cli_eml = capsys.readouterr().out
    result = composer.eml("operator-problem-report", values, lang="pl", previous=previous)
    assert result["ready"] and result["filename"] == "operator-problem-report-HL-123462.eml"
    ours, theirs = (
        email.message_from_string(text, policy=email.policy.default)
        for text in (result["eml"], cli_eml)
    )
    assert isinstance(ours, EmailMessage) and isinstance(theirs, EmailMessage)
    for header in ("From", "Subject", "Cc", "X-Unsent", "X-Komunikat-Template"):
        assert ours[header] == theirs[header], header
    assert ours.get_content() == theirs.get_content()
    body = ours.get_content().replace("\r\n", "\n")
    assert f"Subject: {ours['Subject']}\n\n{body}" == out


def test_json_entry_points_speak_json(bundle: dict[str, Any]) -> None:
    from komunikat import composer as module

    module.load(json.dumps(bundle))
    result = json.loads(
        module.compose("ticket-accepted", json.dumps({"hl": "123456"}), "en", "[]", True, NOW)
    )
    assert result["lang"] == "en" and not result["ready"]
    assert result["subject"] == "Request registered [HL-123456]"
    assert result["missing"] == ["sender"]
    eml = json.loads(module.compose_eml("ticket-accepted", json.dumps({"hl": "1"}), "en", "[]"))
    assert eml["ready"] is False and eml["problems"]


# --- preview: missing values highlighted, problems in Polish ---------------------------


def test_preview_shows_missing_values_as_labels_and_refuses_to_be_ready(
    composer: Composer,
) -> None:
    result = composer.compose("dv-outage-open", {"hl": "123456"})
    assert not result["ready"]
    assert result["subject"] == "Awaria w Digital Virgo | Digital Virgo outage - OPEN [HL-123456]"
    assert "⟦Czas rozpoczęcia awarii⟧" in result["body"]
    assert "⟦Niedostępne usługi⟧" in result["body"]
    assert result["missing"] == ["start", "services", "sender"]
    assert result["issues"][0] == {
        "field": "start",
        "kind": "missing",
        "message": "„Czas rozpoczęcia awarii”: uzupełnij to pole",
    }
    assert [issue["field"] for issue in result["issues"]] == ["start", "services", "sender"]


@pytest.mark.parametrize(("template_id", "lang"), CASES)
def test_an_empty_form_previews_every_template(
    composer: Composer, template_id: str, lang: str | None
) -> None:
    """Missing values (even an operator whose method the subject calls) are placeholders."""
    result = composer.compose(template_id, {}, lang=lang)
    assert result["body"] and "⟦" in result["text"]
    assert not [p for p in result["problems"] if p.startswith("templates/")]


def test_a_bad_value_is_named_and_left_out_of_the_preview(composer: Composer) -> None:
    result = composer.compose("dv-outage-open", {"hl": "12", "sender": "Jan Kowalski"})
    assert result["fields"]["hl"]["problem"] == (
        "„Numer HL”: „12” nie jest numerem HL; wpisz np. HL-123456"
    )
    assert "„Numer HL”: „12” nie jest numerem HL; wpisz np. HL-123456" in result["problems"]
    assert result["subject"].endswith("[⟦Numer HL⟧]")
    assert "Jan Kowalski" in result["body"]


def test_times_in_the_wrong_order_still_give_a_preview(composer: Composer) -> None:
    values = {"hl": "1234", "start": "2026-12-20T22:00", "end": "2026-12-20T21:00"}
    result = composer.compose("dv-maintenance-open", values)
    assert any(p.startswith("czas zakończenia") for p in result["problems"])
    assert result["body"] is not None and "⟦Czas zakończenia⟧" in result["body"]


def test_each_time_shows_its_zone_and_an_ambiguous_one_offers_the_choice(
    composer: Composer,
) -> None:
    values = {"start": "2026-10-25T02:30", "end": "2026-12-20T21:00"}
    fields = composer.compose("dv-maintenance-open", values)["fields"]
    assert fields["end"]["shown"] == "20.12.2026 21:00 CET"
    assert fields["start"]["ambiguous"] and fields["start"]["problem"] == (
        "„Czas rozpoczęcia”: „2026-10-25T02:30”: ta godzina występuje dwa razy — przy "
        "zmianie czasu na zimowy zegary cofa się z 03:00 na 02:00; wybierz strefę: CEST "
        "(pierwsza) albo CET (druga)"
    )
    values["start"] = "2026-10-25T02:30 CET"
    fields = composer.compose("dv-maintenance-open", values)["fields"]
    assert fields["start"] == {
        "missing": False,
        "problem": None,
        "shown": "25.10.2026 02:30 CET",
        "ambiguous": True,
    }
    assert not is_ambiguous_time("2026-07-01T02:30")
    assert not is_ambiguous_time("")


def test_close_without_previous_message_is_not_ready(composer: Composer) -> None:
    values = {"hl": "1234", "start": "2026-12-20T22:00", "end": "2026-12-20T23:00"}
    values["sender"] = "Jan Kowalski"
    result = composer.compose("dv-outage-close", values)
    assert not result["ready"] and result["body"]
    assert result["issues"] == [
        {
            "field": None,
            "kind": "previous",
            "message": "CLOSE musi zawierać treść poprzedniej wiadomości (OPEN, a jeśli prace "
            "przedłużano, także PROLONGATION); wybierz ją z listy „Wcześniejsza wiadomość”, "
            "wklej albo wczytaj plik",
        }
    ]


def test_unreadable_previous_files_are_reported_not_raised() -> None:
    legacy = "Subject: Zażółć\n\nGęślą jaźń".encode("cp1250")
    items: list[Any] = [
        {"name": "stare.txt", "base64": base64.b64encode(legacy).decode()},
        {"name": "zepsuty.eml", "base64": "%%%"},
        "   ",
        42,
    ]
    found, problems = read_previous(items)
    assert found == []
    assert problems[0] == (
        "stare.txt:1:12: plik nie jest w UTF-8 — wygląda na Windows-1250; "
        "zapisz go ponownie jako UTF-8"
    )
    assert problems[1] == "zepsuty.eml: nie można odczytać pliku"
    assert problems[2] == "wklejona nr 4: nieobsługiwana postać poprzedniej wiadomości"


def test_unknown_template_is_a_problem_not_an_exception(composer: Composer) -> None:
    result = composer.compose("dv-outage-opne", {})
    assert result["problems"][0].startswith(
        "nie ma szablonu „dv-outage-opne”. Czy chodziło o „dv-outage-open”"
    )
    assert composer.eml("nope", {})["ready"] is False


# --- the form -----------------------------------------------------------------------


def test_operator_choice_lists_only_operators_taking_notices(catalog: Catalog) -> None:
    form = form_description(catalog.get("operator-outage-open"), catalog.context)
    operator = next(f for f in form["fields"] if f["name"] == "operator")
    assert [o["value"] for o in operator["options"]] == catalog.data.notice_operator_codes()
    everyone = [op.code for op in catalog.data.operators.operators]
    assert set(everyone) - {o["value"] for o in operator["options"]}, "some operator is excluded"


def test_services_are_limited_to_the_variable_scope(catalog: Catalog) -> None:
    form = form_description(catalog.get("dv-outage-open"), catalog.context)
    services = next(f for f in form["fields"] if f["name"] == "services")
    assert [o["value"] for o in services["options"]] == catalog.data.service_ids("dv")
    assert services["label"] == "Niedostępne usługi" and services["required"]


def test_form_carries_labels_help_and_examples_from_the_front_matter(catalog: Catalog) -> None:
    form = form_description(catalog.get("partner-problem-report"), catalog.context)
    assert form["languages"] == ["pl", "en"] and form["layout"] == "single"
    action = next(f for f in form["fields"] if f["name"] == "expected_action")
    assert action["example"] == {
        "pl": "weryfikację i usunięcie problemu",
        "en": "verify and fix the problem",
    }
    assert action["help"].startswith("W języku wiadomości")
    close = form_description(catalog.get("dv-maintenance-close"), catalog.context)
    assert close["quotes"] == ["dv-maintenance-open"] and close["phase"] == "CLOSE"


# --- what the site ships ---------------------------------------------------------------


def test_catalog_bundle_holds_specs_sources_partials_context_and_forms(
    bundle: dict[str, Any], catalog: Catalog
) -> None:
    assert list(bundle["templates"]) == [spec.id for spec in catalog]
    assert "partials/signature.j2" in bundle["sources"]
    assert bundle["sources"]["dv-outage-open.j2"] == (
        ROOT / "templates/dv-outage-open.j2"
    ).read_text(encoding="utf-8")
    assert bundle["context"] == json.loads(json.dumps(catalog.context))
    assert set(bundle["forms"]) == set(bundle["templates"])


def test_python_bundle_has_the_renderer_and_no_compiled_files(python_zip: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(python_zip)) as archive:
        names = archive.namelist()
    for needed in (
        "jinja2/__init__.py",
        "jinja2/sandbox.py",
        "markupsafe/__init__.py",
        "markupsafe/_native.py",
        "tzdata/zoneinfo/Europe/Warsaw",
        "komunikat/composer.py",
        "komunikat/composer_input.py",
        "komunikat/render.py",
        "komunikat/eml.py",
        "komunikat/warsaw.py",
    ):
        assert needed in names, needed
    assert not [n for n in names if n.endswith((".so", ".pyd", ".pyc")) or "__pycache__" in n]
    assert any(n.startswith("licenses/") and "jinja2" in n.lower() for n in names)
    assert python_bundle() == python_zip, "the same code must give the same zip"


def test_shipped_code_renders_on_its_own_without_pydantic(
    python_zip: bytes, bundle: dict[str, Any], catalog: Catalog, tmp_path: Path
) -> None:
    """Only the zip and the standard library, as in Pyodide: no site-packages at all."""
    (tmp_path / "catalog.json").write_text(json.dumps(bundle), encoding="utf-8")
    values, previous = sample_request(catalog, "dv-maintenance-close", None)
    code = f"""
from komunikat import composer
composer.load(open({str(tmp_path / "catalog.json")!r}, encoding="utf-8").read())
result = json.loads(composer.compose("dv-maintenance-close", {json.dumps(values)!r}, None,
                                     {json.dumps(previous)!r}, False, None))
print(json.dumps({{"text": result["text"], "heavy": {HEAVY},
                  "speedups": "markupsafe._speedups" in sys.modules}}))
"""
    report = run_shipped(python_zip, tmp_path, code)
    expected = catalog.render_sample(catalog.get("dv-maintenance-close")).as_text()
    assert report == {"text": expected, "heavy": [], "speedups": False}


def test_write_assets_puts_runtime_code_and_catalog_under_assets(
    catalog: Catalog, tmp_path: Path
) -> None:
    root = tmp_path / "project"
    runtime = root / "node_modules" / "pyodide"
    runtime.mkdir(parents=True)
    for name in ("pyodide.mjs", "pyodide-lock.json", "python_stdlib.zip", "pyodide.asm.wasm"):
        (runtime / name).write_bytes(name.encode())
    (runtime / "pyodide.asm.mjs").write_text("// runtime", encoding="utf-8")
    (runtime / "console.html").write_text("<!-- not shipped -->", encoding="utf-8")
    site = tmp_path / "site"
    written = write_assets(site, root, catalog)
    shipped = sorted(p.name for p in (site / RUNTIME_DIR).iterdir())
    assert shipped == sorted(
        [
            "pyodide-lock.json",
            "pyodide.asm.mjs",
            "pyodide.asm.wasm",
            "pyodide.mjs",
            "python_stdlib.zip",
        ]
    )
    assert json.loads((site / CATALOG_JSON).read_text(encoding="utf-8"))["format"] == 1
    assert written[PYTHON_ZIP] == (site / PYTHON_ZIP).stat().st_size
    again = write_assets(site, root, catalog)
    assert again.keys() == written.keys(), "a rebuild writes the same files"
    assert {k: v for k, v in again.items() if k.startswith(RUNTIME_DIR)} == {
        k: v for k, v in written.items() if k.startswith(RUNTIME_DIR)
    }


@pytest.mark.parametrize(
    "name",
    ["runtime.js", "composer.js", "composer-date.js", "composer-incident.js", "escalation.js"],
)
def test_composer_script_builds_the_page_from_text_only(name: str) -> None:
    """Typed values and data reach the page through textContent, never through HTML parsing."""
    script = (ROOT / "docs" / "assets" / name).read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script, f"{name}: {sink}"
    assert "new Function" not in script and "createContextualFragment" not in script


# --- build errors are one line with the fix ------------------------------------------


def test_missing_runtime_is_one_line_that_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(ComposerAssetsError) as caught:
        check_runtime(tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    assert "./dev serve" in message and "npm ci" in message
    (tmp_path / "node_modules" / "pyodide").mkdir(parents=True)
    (tmp_path / "node_modules" / "pyodide" / "pyodide.mjs").write_text("", encoding="utf-8")
    with pytest.raises(ComposerAssetsError) as caught:
        check_runtime(tmp_path)
    assert "\n" not in str(caught.value)
    assert "pyodide-lock.json, python_stdlib.zip, pyodide.asm.*" in str(caught.value)


def test_site_build_without_npm_packages_fails_with_one_line_and_no_traceback(
    tmp_path: Path,
) -> None:
    """A checkout where ``npm ci`` never ran: the real site, no node_modules."""
    for name in ("templates", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for name in ("docs", "hooks"):
        (tmp_path / name).symlink_to(ROOT / name)
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode != 0
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if "kompozytor:" in line]
    assert len(lines) == 1, output
    assert "node_modules/pyodide" in lines[0] and "./dev serve" in lines[0]
