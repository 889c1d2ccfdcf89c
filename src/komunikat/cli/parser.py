"""The command line: subcommands, options and their Polish help."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import polish_argparse
from ..lint.formats import FORMATS
from . import languagetool
from .usage import Parser


def build_parser() -> argparse.ArgumentParser:
    polish_argparse()
    parser = Parser(prog="komunikat", description="Szablony, dane i walidacja komunikatów DNiU.")
    parser.add_argument("--root", type=Path, help="katalog projektu (domyślnie: wykrywany)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    p_list = sub.add_parser("list", help="lista szablonów")
    p_list.add_argument("--format", choices=("text", "json"), default="text")

    p_render = sub.add_parser("render", help="wypełnia szablon i wypisuje gotową wiadomość")
    p_render.add_argument("template", help="id szablonu (zob. komunikat list)")
    p_render.add_argument(
        "--set",
        dest="values",
        action="append",
        default=[],
        metavar="POLE=WARTOŚĆ",
        help="wartość pola; dla list powtórz lub rozdziel przecinkami",
    )
    p_render.add_argument(
        "--previous",
        action="append",
        default=[],
        type=Path,
        metavar="PLIK",
        help="poprzednia wiadomość do zacytowania (CLOSE, PROLONGATION)",
    )
    p_render.add_argument("--lang", choices=("pl", "en"), help="język (szablony jednojęzyczne)")
    p_render.add_argument(
        "--format",
        choices=("text", "eml", "json", "ics"),
        default="text",
        help="text: temat i treść do wklejenia; eml: gotowy e-mail do otwarcia w programie "
        "pocztowym (z kalendarzem przy pracach planowanych, w wątku poprzedniej wiadomości "
        ".eml z --previous); json: wartości i tekst; ics: okno prac planowanych do kalendarza",
    )
    p_render.add_argument(
        "--to",
        action="append",
        default=[],
        metavar="ADRES",
        help="odbiorca (pole Do) w --format eml; powtórz dla kilku, np. --to noc@partner.pl",
    )
    p_render.add_argument(
        "--cc",
        action="append",
        default=[],
        metavar="ADRES",
        help="kopia (pole DW) w --format eml; DW wymagane przez procedurę komunikat dopisuje "
        "sam albo przypomina o nich",
    )
    p_render.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="PLIK",
        help="zapisz do pliku zamiast na standardowe wyjście",
    )
    p_render.add_argument("--force", action="store_true", help="nadpisz istniejący plik --output")
    p_render.add_argument(
        "--sample",
        action="store_true",
        help="użyj przykładowych wartości z szablonu dla pól niepodanych",
    )
    p_render.add_argument(
        "--now",
        metavar="DD.MM.RRRR GG:MM",
        help="bieżący czas do sprawdzenia wyprzedzenia (domyślnie: teraz)",
    )
    p_lint = sub.add_parser("lint", help="sprawdza szablony i pliki danych")
    p_lint.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="ŚCIEŻKA",
        help="szablony lub katalogi (domyślnie: całe templates/)",
    )
    _add_lint_options(p_lint)

    p_check = sub.add_parser("check", help="sprawdza gotową wiadomość przed wysłaniem")
    p_check.add_argument("files", nargs="+", metavar="PLIK", help="plik .txt lub .eml; „-” = stdin")
    p_check.add_argument("--template", metavar="ID", help="szablon, z którego powstała wiadomość")
    p_check.add_argument("--supplier", metavar="ID", help="dostawca, do którego idzie zgłoszenie")
    _add_lint_options(p_check)

    p_esc = sub.add_parser("escalate", help="co teraz przewiduje ścieżka eskalacji dostawcy")
    p_esc.add_argument("supplier", metavar="DOSTAWCA", help="id dostawcy (np. s4e, daktela)")
    p_esc.add_argument(
        "--severity",
        required=True,
        metavar="POZIOM",
        help="poziom pilności zgłoszenia z macierzy eskalacji dostawcy, np. routine (sprawy "
        "rutynowe), failure (awaria zwykła), emergency (nagłe przypadki); poziomy każdego "
        "dostawcy podaje jego strona w serwisie, a nieznany poziom – komunikat o błędzie",
    )
    p_esc.add_argument(
        "--since",
        required=True,
        metavar="DD.MM.RRRR GG:MM",
        help="kiedy wysłano pierwsze zgłoszenie (czas lokalny, Warszawa)",
    )
    p_esc.add_argument("--now", metavar="DD.MM.RRRR GG:MM", help="chwila oceny (domyślnie: teraz)")
    languagetool.add_parser(sub)
    return parser


def _add_lint_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="auto",
        help="format wyniku (auto: github w GitHub Actions, inaczej text)",
    )
    parser.add_argument(
        "--lang",
        choices=("pl", "en", "auto"),
        default="auto",
        help="język części wiadomości (auto: wykrywany dla każdej części)",
    )
