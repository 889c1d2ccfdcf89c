"""The command line: subcommands, options and their Polish help."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..i18n import polish_argparse
from ..lint.formats import FORMATS
from . import languagetool
from .usage import Parser


def build_parser() -> argparse.ArgumentParser:
    polish_argparse()
    parser = Parser(prog="komunikat", description="Szablony, dane i walidacja komunikatów DNiU.")
    levels_help = LevelsHelp()
    parser.add_argument(
        "--root",
        type=levels_help.root_path,
        help="katalog projektu (domyślnie: wykrywany)",
    )
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

    p_esc = sub.add_parser(
        "escalate",
        help="co teraz przewiduje ścieżka eskalacji dostawcy",
        add_help=False,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_esc.add_argument(
        "-h", "--help", action=levels_help.help_action, help="pokaż tę pomoc i poziomy pilności"
    )
    p_esc.add_argument("supplier", metavar="DOSTAWCA", help="id dostawcy (np. s4e, daktela)")
    p_esc.add_argument(
        "--severity",
        required=True,
        metavar="POZIOM",
        help="poziom pilności zgłoszenia: jego polska nazwa w cudzysłowie (np. "
        '"awaria krytyczna") albo jego id; nazwy i id poziomów – na końcu tej pomocy',
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


class LevelsHelp:
    """``escalate --help`` ends with every supplier's urgency levels, read from ``data/``.

    The levels are data, so the help reads them when it is asked for: from the
    project ``--root`` names (given before the command) or the detected one.
    """

    def __init__(self) -> None:
        self.root: Path | None = None
        holder = self

        class HelpAction(argparse.Action):
            def __init__(self, option_strings: Sequence[str], dest: str, help: str) -> None:
                super().__init__(
                    option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help
                )

            def __call__(
                self,
                parser: argparse.ArgumentParser,
                namespace: argparse.Namespace,
                values: Any,
                option_string: str | None = None,
            ) -> None:
                from .info import levels_help

                parser.epilog = levels_help(holder.root)
                parser.print_help()
                parser.exit()

        self.help_action = HelpAction

    def root_path(self, text: str) -> Path:
        """``--root``'s type: the path, remembered for the help."""
        self.root = Path(text)
        return self.root


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
