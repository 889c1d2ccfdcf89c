"""stylebook: the style rule files load once, and a broken one is reported where it is broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from komunikat.cli import main
from komunikat.lint.stylebook import STYLE_DIR, Hit, load_stylebook
from komunikat.problems import InputError, InputErrors

ROOT = Path(__file__).resolve().parents[2]

GOOD_RULE = """\
source: test
rules:
  - id: thx
    type: substitution
    message: "„%s” — napisz „%s”"
    level: error
    swap:
      thx: thank you
    examples:
      fail: [thx]
"""


def write_style(root: Path, text: str, name: str = "broken.yml") -> Path:
    directory = root / STYLE_DIR
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(root: Path) -> list[str]:
    with pytest.raises((InputError, InputErrors)) as caught:
        load_stylebook(root)
    exc = caught.value
    return [str(e) for e in (exc.errors if isinstance(exc, InputErrors) else [exc])]


def test_the_shipped_style_files_load_and_name_their_source() -> None:
    book = load_stylebook(ROOT)
    assert len(book.files) >= 5
    assert len(book.rules) >= 15
    assert len(set(book.ids())) == len(book.ids())


def test_the_style_files_are_read_once_per_process() -> None:
    assert load_stylebook(ROOT) is load_stylebook(ROOT)


def test_a_rule_id_is_the_file_name_and_the_rule_name() -> None:
    assert "diacritics.panstwo" in load_stylebook(ROOT).ids()


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        (
            GOOD_RULE.replace("    level: error", "    levl: error"),
            ":6:5:",
            "nieznany klucz „levl”. Czy chodziło o „level”?",
        ),
        (
            GOOD_RULE.replace("level: error", "level: fatal"),
            ":6:12:",
            "niedozwolona wartość „fatal”",
        ),
        (
            GOOD_RULE.replace("      thx: thank you", "      'th(x': thank you"),
            ":8:15:",
            "niepoprawne wyrażenie regularne „th(x”",
        ),
        (
            GOOD_RULE.replace("type: substitution", "type: existence"),
            ":3:5:",
            "potrzebuje listy „tokens”",
        ),
        (GOOD_RULE.replace("„%s” — napisz „%s”", "%s %s %s"), ":3:5:", "za dużo „%s”"),
        (
            GOOD_RULE.replace("    examples:\n      fail: [thx]\n", ""),
            ":3:5:",
            "brak wymaganego klucza „examples”",
        ),
        (
            GOOD_RULE.replace("      fail: [thx]", "      fail: []"),
            ":10:7:",
            "„fail” nie może być puste",
        ),
        (GOOD_RULE.replace("source: test\n", ""), ":1:1:", "brak wymaganego klucza „source”"),
        (GOOD_RULE.replace("level: error", "level: error: x"), ":6:17:", "niepoprawny YAML"),
        (GOOD_RULE + GOOD_RULE[GOOD_RULE.index("  - id") :], ":11:9:", "„thx” powtarza się"),
    ],
)
def test_a_broken_style_file_is_reported_at_its_line_and_column(
    tmp_path: Path, text: str, where: str, says: str
) -> None:
    write_style(tmp_path, text)
    found = errors_of(tmp_path)
    assert any(e.startswith(f"data/lint/style/broken.yml{where}") and says in e for e in found), (
        found
    )


def test_every_broken_file_is_reported_at_once(tmp_path: Path) -> None:
    write_style(tmp_path, GOOD_RULE.replace("level: error", "level: fatal"), "a.yml")
    write_style(tmp_path, GOOD_RULE.replace("source: test\n", ""), "b.yml")
    found = errors_of(tmp_path)
    assert [e.split(":")[0] for e in found] == ["data/lint/style/a.yml", "data/lint/style/b.yml"]


def test_a_missing_style_directory_is_an_error_not_a_silent_skip(tmp_path: Path) -> None:
    (found,) = errors_of(tmp_path)
    assert found.startswith("data/lint/style: brak katalogu z regułami stylu")


def test_a_valid_file_loads_with_its_position(tmp_path: Path) -> None:
    write_style(tmp_path, GOOD_RULE, "familiar.yml")
    (rule,) = load_stylebook(tmp_path).rules
    assert (rule.id, rule.path, rule.line) == ("familiar.thx", "data/lint/style/familiar.yml", 3)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("„%s” — napisz „%s”", "„thx” — napisz „thank you”"),
        ("„%s” to forma potoczna", "„thx” to forma potoczna"),
        ("forma potoczna", "forma potoczna"),
    ],
)
def test_a_message_gets_the_match_then_the_replacement(
    tmp_path: Path, message: str, expected: str
) -> None:
    write_style(tmp_path, GOOD_RULE.replace("„%s” — napisz „%s”", message), "m.yml")
    (rule,) = load_stylebook(tmp_path).rules
    assert rule.message(Hit(0, 3, "thx", "thank you")) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("thx a lot", ["thx"]),
        ("thxx", []),
        ("see https://example.com/a-thx", []),
        ("mail thx@example.com", []),
    ],
)
def test_tokens_match_whole_words_only(tmp_path: Path, text: str, found: list[str]) -> None:
    write_style(tmp_path, GOOD_RULE, "w.yml")
    (rule,) = load_stylebook(tmp_path).rules
    assert [hit.text for hit in rule.hits(text)] == found


def test_a_broken_style_file_makes_the_check_command_exit_2_with_a_located_error(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_style(project_copy, GOOD_RULE.replace("level: error", "level: fatal"))
    message = project_copy / "message.txt"
    message.write_text("Dzień dobry,\n\ntreść.\n", encoding="utf-8")
    code = main(["--root", str(project_copy), "check", str(message)])
    assert code == 2
    assert (
        "data/lint/style/broken.yml:6:12: niedozwolona wartość „fatal”" in capsys.readouterr().err
    )
