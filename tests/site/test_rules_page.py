"""The page "Reguły sprawdzania": Polish text from data/lint/rules.yml, examples from the rules."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from komunikat.data import load_data
from komunikat.lint.config import load_config
from komunikat.lint.registry import RULES
from komunikat.problems import InputErrors
from komunikat.site import rules_page as page_module
from komunikat.site.markdown import fence
from komunikat.site.rules_page import (
    _config_example,
    contact_masks,
    load_rule_texts,
    rule_examples,
    rules_page,
    shown_example,
)

ROOT = Path(__file__).resolve().parents[2]
TEXTS = "data/lint/rules.yml"


@pytest.fixture(scope="module")
def page() -> str:
    return rules_page(ROOT)


def table_rows(page: str) -> list[str]:
    """The body rows of the rules table (the page's first table)."""
    lines = page.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("| Reguła |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def test_every_registered_rule_has_exactly_one_polish_entry() -> None:
    assert list(load_rule_texts(ROOT)) == [rule.ID for rule in RULES]


def test_every_rule_has_pass_and_fail_examples_to_show() -> None:
    for rule in RULES:
        examples = rule_examples(rule)
        assert examples.passing and examples.failing, rule.ID


def test_the_page_carries_no_rst_markup_and_no_docstring_english(page: str) -> None:
    prose = "\n".join(line for line in page.split("\n") if not line.lstrip().startswith("```"))
    for markup in ("``", ":mod:", ":class:", ":func:", "PASS::", "FAIL::"):
        assert markup not in prose
    assert "seed" not in page.casefold()
    for rule in RULES:
        head = (rule.__doc__ or "").strip().split("\n", 1)[0]
        summary = head.partition(":")[2].strip() or head  # the English summary line
        assert not summary or summary not in page, rule.ID


def test_the_table_has_one_row_per_rule_with_four_cells(page: str) -> None:
    rows = table_rows(page)
    assert len(rows) == len(RULES)
    for rule, row in zip(RULES, rows, strict=True):
        assert f"](#{rule.ID})" in row
        assert row.count("|") == 5, row  # a "|" in a summary is escaped, not a column


def test_the_rendered_table_has_one_html_row_per_rule(page: str) -> None:
    html = markdown.markdown(page, extensions=["tables", "attr_list", "admonition"])
    first_table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert first_table.count("<tr>") == len(RULES)
    filter_row = next(row for row in table_rows(page) if "(#template-filter)" in row)
    assert "„&#124;default”" in filter_row


def test_every_example_of_every_rule_stands_in_a_text_fence(page: str) -> None:
    masks = contact_masks(load_data(ROOT))
    for rule in RULES:
        section = page.split(f"{{ #{rule.ID} }}", 1)[1].split("\n## ", 1)[0]
        examples = rule_examples(rule)
        for example in (*examples.passing, *examples.failing):
            assert fence(shown_example(example, masks), "text", 4) in section, rule.ID
        assert section.count('!!! success "Poprawnie"') == 1
        assert section.count('!!! failure "Błędnie"') == 1


def test_examples_are_never_table_cells(page: str) -> None:
    for row in table_rows(page):
        assert "Subject:" not in row and "{%" not in row


def test_the_page_spells_out_no_contact_data(page: str) -> None:
    data = load_data(ROOT)
    sig = data.contacts.signature
    for value in (sig.helpline, sig.mobile, sig.desk, data.contacts.company.address):
        assert value not in page
    for supplier in data.suppliers.suppliers:
        for address in supplier.email_addresses:
            assert address not in page.lower()
    assert "helpline" not in page.casefold()
    assert "‹nasz adres e-mail›" in page  # the footer example says what stands there


def test_invisible_characters_of_the_examples_are_named_not_hidden(page: str) -> None:
    assert "Dzień<U+200B>dobry" in page
    assert "\u200b" not in page and "\u202e" not in page


def test_every_rule_section_says_why_where_from_how_to_fix_and_how_to_change_the_level(
    page: str,
) -> None:
    for rule in RULES:
        section = page.split(f"{{ #{rule.ID} }}", 1)[1].split("\n## ", 1)[0]
        for label in ("**Co sprawdza", "**Dlaczego", "**Źródło:**", "**Jak poprawić"):
            assert label in section, (rule.ID, label)
        assert "w pliku komunikat.yml" in section
    assert "procedura komunikacji zewnętrznej DNiU" in page


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_the_komunikat_yml_shown_for_a_rule_is_a_valid_configuration(
    rule: object, tmp_path: Path
) -> None:
    text = load_rule_texts(ROOT)[rule.ID]  # type: ignore[attr-defined]
    (tmp_path / "komunikat.yml").write_text(_config_example(rule, text), encoding="utf-8")  # type: ignore[arg-type]
    active = {a.id: a for a in load_config(tmp_path)}
    assert active[rule.ID].severity != rule.LEVEL  # type: ignore[attr-defined]


def test_every_option_of_a_rule_is_described() -> None:
    texts = load_rule_texts(ROOT)
    for rule in RULES:
        assert set(texts[rule.ID].options) == set(dict(rule.OPTIONS)), rule.ID


def _broken(project_copy: Path, old: str, new: str) -> Path:
    path = project_copy / TEXTS
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _errors(root: Path) -> list[str]:
    page_module._load.cache_clear()
    with pytest.raises(InputErrors) as caught:
        load_rule_texts(root)
    return [str(e) for e in caught.value.errors]


def _line_of(path: Path, text: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line
    )


def test_an_entry_for_an_unknown_rule_is_a_located_error_with_a_suggestion(
    project_copy: Path,
) -> None:
    path = _broken(project_copy, "\n  greeting:\n", "\n  gretting:\n")
    errors = _errors(project_copy)
    line = _line_of(path, "  gretting:")
    assert f"{TEXTS}:{line}:3: nieznana reguła „gretting”. Czy chodziło o „greeting”?" in errors[1]
    assert errors[0].startswith(f"{TEXTS}:")
    assert "brak opisu reguły „greeting”; dopisz wpis „greeting:”" in errors[0]


def test_a_rule_without_an_entry_is_a_located_error(project_copy: Path) -> None:
    path = project_copy / TEXTS
    text = path.read_text(encoding="utf-8")
    start = text.index("\n  required-fields:\n")
    path.write_text(text[:start] + "\n", encoding="utf-8")
    (error,) = _errors(project_copy)
    assert re.match(rf"{TEXTS}:\d+:1: brak opisu reguły „required-fields”", error)


def test_an_unknown_option_and_an_undescribed_option_are_located_errors(
    project_copy: Path,
) -> None:
    path = _broken(project_copy, "      disabled:\n", "      disable:\n")
    errors = _errors(project_copy)
    line = _line_of(path, "      disable:")
    assert any(
        e.startswith(f"{TEXTS}:{line}:7: reguła style nie ma opcji „disable”.") for e in errors
    )
    assert any("brak opisu opcji „disabled” reguły style" in e for e in errors)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    title: Powitanie\n", "    tytul: Powitanie\n", "nieznany klucz „tytul”"),
        (
            "    source: procedura komunikacji zewnętrznej DNiU, rozdział „Przywitanie”\n",
            "",
            "brak wymaganego klucza „source”",
        ),
        (
            "      Zacznij od „Dzień dobry,”",
            "      Zacznij od `„Dzień dobry,”",
            "nieparzystą liczbę znaków „`”",
        ),
    ],
)
def test_a_broken_entry_is_reported_in_polish_at_its_place(
    project_copy: Path, old: str, new: str, message: str
) -> None:
    _broken(project_copy, old, new)
    errors = _errors(project_copy)
    assert any(re.match(rf"{TEXTS}:\d+:\d+: .*{re.escape(message)}", e) for e in errors), errors


def test_a_summary_must_be_one_line(project_copy: Path) -> None:
    _broken(
        project_copy,
        "    summary: Wiadomość zaczyna się od uprzejmego powitania w języku swojej części.\n",
        "    summary: |\n      Wiadomość zaczyna się\n      od powitania.\n",
    )
    (error,) = _errors(project_copy)
    assert re.match(rf"{TEXTS}:\d+:\d+: tekst musi być jednym wierszem", error)


def test_a_broken_rules_file_fails_the_strict_site_build_naming_the_place(tmp_path: Path) -> None:
    for name in ("templates", "data", "docs", "hooks"):
        shutil.copytree(ROOT / name, tmp_path / name)
    for name in ("mkdocs.yml", "komunikat.yml", "package.json"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, tmp_path / name)
    if (ROOT / "node_modules").exists():
        (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    path = _broken(tmp_path, "\n  greeting:\n", "\n  gretting:\n")
    line = _line_of(path, "  gretting:")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        # this checkout's library, whichever one the virtualenv was installed from
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src")},
        timeout=600,
    )
    assert result.returncode != 0
    assert f"{TEXTS}:{line}:3: nieznana reguła „gretting”" in result.stderr


def test_the_style_ids_of_the_option_example_exist() -> None:
    from komunikat.lint.stylebook import load_stylebook

    example = load_rule_texts(ROOT)["style"].options["disabled"].example
    listed = [name.strip() for name in example.strip("[]").split(",")]
    assert set(listed) <= set(load_stylebook(ROOT).ids())


def test_markup_in_the_rules_file_reaches_the_page_as_text(project_copy: Path) -> None:
    _broken(project_copy, "    title: Powitanie\n", '    title: "<b>Powitanie</b> {: .evil }"\n')
    _broken(project_copy, "      Zacznij od „Dzień", "      Zacznij [od](javascript:x) <i>„Dzień")
    page_module._load.cache_clear()
    page = rules_page(project_copy)
    assert "<b>" not in page and "<i>" not in page and "](javascript" not in page
    assert "&lt;b&gt;Powitanie&lt;/b&gt; &#123;: .evil &#125; { #greeting }" in page
