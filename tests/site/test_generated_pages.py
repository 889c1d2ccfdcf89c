"""Generated pages: every template, operator and rule has its page, built from the real data."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from komunikat.catalog import Catalog
from komunikat.lint.registry import RULES
from komunikat.site import operator_pages, rules_page, template_pages
from komunikat.site.generated import generated_pages
from komunikat.site.markdown import cell

ROOT = Path(__file__).resolve().parents[2]


def test_every_template_and_operator_gets_a_page_with_a_nav_place(catalog: Catalog) -> None:
    pages = {p.path: p for p in generated_pages(catalog)}
    for spec in catalog:
        assert pages[f"szablony/{spec.id}.md"].section == "Szablony"
    for op in catalog.data.operators.operators:
        assert pages[f"operatorzy/{op.slug}.md"].section == "Operatorzy"
    assert {"szablony/index.md", "kontakty.md", "reguly.md"} <= set(pages)


def test_the_catalogue_lists_every_template(catalog: Catalog) -> None:
    page = template_pages.catalogue_page(catalog)
    for spec in catalog:
        assert f"]({spec.id}.md)" in page


@pytest.mark.parametrize(
    "template_id", ["dv-outage-close", "ticket-accepted", "operator-problem-report"]
)
def test_a_template_page_shows_when_subject_fields_previews_and_raw_source(
    catalog: Catalog, template_id: str
) -> None:
    spec = catalog.get(template_id)
    page = template_pages.template_page(catalog, template_id)
    assert spec.when.split()[0] in page
    for var in spec.variables:
        assert var.label.split(" (")[0] in page
    for lang in spec.languages if spec.layout == "single" else [None]:
        preview = catalog.render_sample(spec, lang=lang).as_text()
        assert preview.split("\n")[2] in page
    assert "{{" in page and "{% include" in page  # the source is shown raw
    assert '    ??? note "Źródło szablonu' in page


def test_a_template_page_opens_with_the_composer_and_folds_the_editors_details(
    catalog: Catalog,
) -> None:
    spec = catalog.get("dv-outage-close")
    page = template_pages.template_page(catalog, spec.id)
    lines = page.split("\n")
    body = lines[lines.index("# Awaria w Digital Virgo – zakończenie (CLOSE)") :]
    assert body[4] == f"**Kiedy:** {spec.when}"
    assert body[6] == (
        '<div class="komunikat-composer" id="kompozytor" data-template="dv-outage-close"></div>'
    )
    details = body.index('??? note "Dla redaktorów"')
    sample = body.index("## Przykład")
    assert 6 < details < sample
    inside = [line for line in body[details + 1 : sample] if line]
    assert all(line.startswith("    ") for line in inside), "up to the sample, all inside it"
    assert "    ## Pola" in inside and "    | **Faza** | CLOSE |" in inside
    assert '    ??? note "Źródło szablonu (templates/dv-outage-close.j2)"' in inside
    assert lines[:4] == ["---", "hide:", "  - toc", "---"]


def test_operator_pages_carry_every_contact_rule_prefix_and_example(catalog: Catalog) -> None:
    for op in catalog.data.operators.operators:
        page = operator_pages.operator_page(catalog, op.code)
        for contact in op.contacts:
            assert contact.crm in page and contact.title.split()[0] in page
        for rule in op.cc_rules:
            assert all(c.crm in page for c in rule.contacts)
        for prefix in op.subject_prefixes:
            assert f"| {prefix.prefix} |" in page
        for example in op.examples:
            assert example.task in page


def test_the_contact_directory_comes_from_the_data(catalog: Catalog) -> None:
    page = operator_pages.contacts_page(catalog)
    sig = catalog.data.contacts.signature
    for value in (sig.helpline, sig.mobile, sig.desk, catalog.data.contacts.company.address):
        assert cell(value) in page
    assert "Katarzyna Wczyrsa" in page


def test_the_rule_reference_documents_every_rule_with_examples() -> None:
    page = rules_page.rules_page()
    for rule in RULES:
        assert f"{{ #{rule.ID} }}" in page
    assert page.count('!!! success "Poprawnie"') >= len(RULES)
    assert page.count('!!! failure "Błędnie"') >= len(RULES)


def test_data_values_cannot_inject_html_into_pages(catalog: Catalog) -> None:
    from dataclasses import replace

    op = catalog.data.operators.operators[0]
    evil = op.model_copy(update={"summary": "<script>alert(1)</script>"})
    data = replace(
        catalog.data, operators=catalog.data.operators.model_copy(update={"operators": [evil]})
    )
    fake = Catalog(root=catalog.root, data=data, templates=catalog.templates, env=catalog.env)
    page = operator_pages.operator_page(fake, op.code)
    assert "<script>" not in page and "&lt;script&gt;" in page


def _project_copy(tmp_path: Path) -> Path:
    """A copy of everything ``mkdocs build`` reads, to change before building."""
    for name in ("templates", "data", "docs", "hooks"):
        shutil.copytree(ROOT / name, tmp_path / name)
    for name in ("mkdocs.yml", "komunikat.yml", "package.json"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, tmp_path / name)
    if (ROOT / "node_modules").exists():
        (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    return tmp_path


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _build(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    if "PYTHONPATH" in os.environ:  # a checkout run without installing it
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tree / "out")],
        cwd=tree,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def test_a_lint_error_fails_the_strict_site_build(tmp_path: Path) -> None:
    tree = _project_copy(tmp_path)
    _replace(tree / "templates" / "dv-outage-open.j2", "Dear customer,", "Witam,")
    result = _build(tree)
    assert result.returncode != 0
    assert "komunikat lint: templates/dv-outage-open.j2:" in result.stderr
    assert "„Witam” to forma potoczna" in result.stderr


def _text(html_file: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_file.read_text(encoding="utf-8")))


def test_jinja_in_a_data_value_reaches_the_built_page_as_text(tmp_path: Path) -> None:
    tree = _project_copy(tmp_path)
    jinja = "{{ 7*7 }} {% if x %}"
    _replace(
        tree / "data" / "suppliers.yml",
        "value: połączenie przychodzące\n",
        f'value: "połączenie {jinja} przychodzące"\n',
    )
    # a hand-written page still goes through the macros plugin
    with (tree / "docs" / "telefon.md").open("a", encoding="utf-8") as page:
        page.write("\nZnacznik {{ supplier_index().split()[1] ~ '-' ~ 6 * 7 }}.\n")
    result = _build(tree)
    assert result.returncode == 0, result.stderr
    supplier = _text(tree / "out" / "dostawcy" / "daktela" / "index.html")
    assert f"Rodzaj problemu: połączenie {jinja} przychodzące" in supplier
    assert "Znacznik Dostawcy-42." in _text(tree / "out" / "telefon" / "index.html")


def test_a_procedure_page_macro_naming_an_unknown_template_fails_the_build_at_its_place(
    tmp_path: Path,
) -> None:
    tree = _project_copy(tmp_path)
    page = tree / "docs" / "awarie" / "digital-virgo.md"
    _replace(page, "{{ preview('dv-outage-close') }}", "{{ preview('dv-outage-clos') }}")
    _replace(page, "{{ subject('dv-outage-open') }}", "{{ subject('dv-outage-open', 'de') }}")
    lines = page.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "dv-outage-clos'" in line)
    column = lines[at].index("'dv-outage-clos'") + 1
    result = _build(tree)
    assert result.returncode != 0
    assert (
        f"docs/awarie/digital-virgo.md:{at + 1}:{column}: preview('dv-outage-clos'): "
        "nie ma szablonu „dv-outage-clos”. Czy chodziło o „dv-outage-close”"
    ) in result.stderr
    assert "preview('dv-outage-open', 'de')" not in result.stderr
    assert "subject('dv-outage-open', 'de'): nie ma wersji językowej „de”" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_macro_on_a_procedure_page_is_one_located_line_not_a_traceback(
    tmp_path: Path,
) -> None:
    tree = _project_copy(tmp_path)
    page = tree / "docs" / "telefon.md"
    _replace(page, "{{ preview('phone-outgoing') }}", "{{ previw('phone-outgoing') }}")
    line = page.read_text(encoding="utf-8").split("\n").index("{{ previw('phone-outgoing') }}")
    result = _build(tree)
    assert result.returncode != 0
    assert (
        f"docs/telefon.md:{line + 1}:4: nie ma makra „previw”. Czy chodziło o „preview”?"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_changed_template_changes_the_procedure_page(tmp_path: Path) -> None:
    tree = _project_copy(tmp_path)
    _replace(
        tree / "templates" / "dv-outage-open.j2",
        "informujemy, że odnotowujemy problemy techniczne",
        "informujemy, że wystąpiły problemy techniczne",
    )
    _replace(
        tree / "templates" / "ticket-accepted.j2",
        'pl: "Przyjęcie zgłoszenia [{{ hl }}]"',
        'pl: "Zarejestrowano zgłoszenie [{{ hl }}]"',
    )
    result = _build(tree)
    assert result.returncode == 0, result.stderr
    outage = _text(tree / "out" / "awarie" / "digital-virgo" / "index.html")
    assert "informujemy, że wystąpiły problemy techniczne" in outage
    assert "odnotowujemy" not in outage
    incoming = _text(tree / "out" / "partnerzy" / "przychodzaca" / "index.html")
    assert "temat: Zarejestrowano zgłoszenie [⟦Numer zgłoszenia (HL)⟧]" in incoming
    assert "Subject: Zarejestrowano zgłoszenie [HL-" in incoming  # the preview
    assert "Przyjęcie zgłoszenia [" not in incoming
    # the preview is the template page's text: a search for it leads there, not here
    index = json.loads((tree / "out" / "search" / "search_index.json").read_text("utf-8"))
    found = {d["location"].split("#")[0] for d in index["docs"] if "wystąpiły problemy" in d["text"]}
    assert found == {"szablony/dv-outage-open/", "szablony/dv-outage-close/"}  # CLOSE quotes it
