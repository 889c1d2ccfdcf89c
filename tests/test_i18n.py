"""Polish plural forms through the gettext catalogue, and argparse in Polish."""

from __future__ import annotations

import gettext
import io
import zipfile

import pytest

from komunikat import i18n
from komunikat.cli import main
from komunikat.site.composer_assets import python_bundle


@pytest.mark.parametrize(
    ("n", "errors", "files"),
    [
        (0, "0 błędów", "w 0 sprawdzonych plikach"),
        (1, "1 błąd", "w 1 sprawdzonym pliku"),
        (2, "2 błędy", "w 2 sprawdzonych plikach"),
        (4, "4 błędy", "w 4 sprawdzonych plikach"),
        (5, "5 błędów", "w 5 sprawdzonych plikach"),
        (12, "12 błędów", "w 12 sprawdzonych plikach"),
        (14, "14 błędów", "w 14 sprawdzonych plikach"),
        (22, "22 błędy", "w 22 sprawdzonych plikach"),
        (101, "101 błędów", "w 101 sprawdzonych plikach"),
        (112, "112 błędów", "w 112 sprawdzonych plikach"),
        (124, "124 błędy", "w 124 sprawdzonych plikach"),
    ],
)
def test_counts_take_the_polish_plural_form(n: int, errors: str, files: str) -> None:
    assert i18n.count("%(n)d error", "%(n)d errors", n) == errors
    assert i18n.count("in %(n)d checked file", "in %(n)d checked files", n) == files


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "zostało 0 pełnych dni"), (1, "został 1 pełny dzień"), (3, "zostały 3 pełne dni")],
)
def test_days_left_agree_with_their_number(n: int, text: str) -> None:
    assert i18n.count("%(n)d full day is left", "%(n)d full days are left", n) == text


def test_every_plural_entry_has_the_three_polish_forms() -> None:
    from babel.messages.pofile import read_po

    source = (i18n.resources.files("komunikat") / i18n.CATALOGUE).read_bytes()
    catalogue = read_po(io.BytesIO(source), locale="pl")
    assert catalogue.num_plurals == 3
    plural = [m for m in catalogue if m.id and isinstance(m.id, tuple)]
    assert plural and all(len(m.string) == 3 and all(m.string) for m in plural)
    assert all(m.string for m in catalogue if m.id)


def test_the_browser_bundle_carries_the_compiled_catalogue() -> None:
    with zipfile.ZipFile(io.BytesIO(python_bundle(("komunikat",)))) as archive:
        data = archive.read(f"komunikat/{i18n.COMPILED}")
    shipped = gettext.GNUTranslations(io.BytesIO(data))
    assert shipped.ngettext("%(n)d error", "%(n)d errors", 2) == "%(n)d błędy"


def test_the_summary_speaks_of_one_file_in_the_singular(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["check", "tests/corpus/good/ticket-accepted-pl.eml", "--format", "text"])
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert "0 błędów, 0 ostrzeżeń, 0 uwag w 1 sprawdzonym pliku." in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["rendr"], "nieznana wartość 'rendr'"),
        (["render"], "brak wymaganych argumentów"),
        (["lint", "--bogus"], "nieznane argumenty: --bogus"),
    ],
)
def test_argparse_errors_are_polish(
    capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert words in err and "użycie: komunikat" in err
    assert "usage:" not in err and "error:" not in err


def test_help_is_polish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["render", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("użycie: komunikat render")
    assert "opcje:" in out and "pokaż tę pomoc i zakończ" in out
    for english in ("usage:", "options:", "show this help", "positional arguments"):
        assert english not in out
