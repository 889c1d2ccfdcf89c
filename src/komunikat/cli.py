"""The ``komunikat`` command: list, render, lint, check, escalate.

Results go to stdout, diagnostics to stderr. Exit codes: 0 success,
1 findings of severity error, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from .catalog import Catalog, load_catalog
from .eml import eml_summary, to_eml
from .i18n import polish_argparse
from .invisible import find_invisible
from .invisible import message as invisible_message
from .limits import MAX_MESSAGE_BYTES
from .messagefile import parse_bytes
from .paths import project_root
from .problems import InputError, InputErrors
from .render import Previous, RenderError, TemplateFault
from .vartypes import VARIABLE_TYPES
from .warsaw import TimeError, parse_local

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise UsageError(f"błędne wywołanie: {message}")


def build_parser() -> argparse.ArgumentParser:
    polish_argparse()
    parser = _Parser(prog="komunikat", description="Szablony, dane i walidacja komunikatów DNiU.")
    parser.add_argument("--root", type=Path, help="katalog projektu (domyślnie: wykrywany)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

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
    p_render.add_argument("--format", choices=("text", "eml", "json"), default="text")
    p_render.add_argument("--to", action="append", default=[], metavar="ADRES")
    p_render.add_argument("--cc", action="append", default=[], metavar="ADRES")
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
        "--severity", required=True, metavar="POZIOM", help="poziom pilności zgłoszenia"
    )
    p_esc.add_argument(
        "--since",
        required=True,
        metavar="DD.MM.RRRR GG:MM",
        help="kiedy wysłano pierwsze zgłoszenie (czas lokalny, Warszawa)",
    )
    p_esc.add_argument("--now", metavar="DD.MM.RRRR GG:MM", help="chwila oceny (domyślnie: teraz)")
    return parser


def _add_lint_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "json", "github", "auto"),
        default="auto",
        help="format wyniku (auto: github w GitHub Actions, inaczej text)",
    )
    parser.add_argument(
        "--lang",
        choices=("pl", "en", "auto"),
        default="auto",
        help="język części wiadomości (auto: wykrywany dla każdej części)",
    )


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a writer whose reader left
_STREAM_ERRNOS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EBADF})


def main(argv: Sequence[str] | None = None) -> int:
    """The command; a closed pipe, a full disk or a closed stdout end it quietly."""
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        return _fail(
            "wyjście standardowe (stdout) jest zamknięte; przekieruj je do pliku, "
            "np. > wynik.txt, albo użyj --output"
        )
    try:
        code = _main(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        _discard_stdout()
        return _fail(f"nie można wypisać wyniku: {exc.strerror or exc}")


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        root = args.root or project_root()
        return COMMANDS[args.command](args, root)
    except UsageError as exc:
        return _fail(str(exc))
    except InputErrors as exc:
        for err in exc.errors:
            print(str(err), file=sys.stderr)
        return EXIT_USAGE
    except InputError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        from .__main__ import interrupted

        return interrupted()
    except OSError as exc:
        if exc.errno in _STREAM_ERRNOS:
            raise  # stdout itself failed: main() ends quietly
        return _internal(exc)
    except Exception as exc:  # last line of defence: no traceback reaches a user
        return _internal(exc)


def _internal(exc: Exception) -> int:
    if os.environ.get("KOMUNIKAT_DEBUG"):
        raise exc
    return _fail(
        f"błąd wewnętrzny: {type(exc).__name__}: {exc} "
        "(zgłoś to; KOMUNIKAT_DEBUG=1 pokaże szczegóły)"
    )


def _fail(message: str) -> int:
    print(f"komunikat: {message}", file=sys.stderr)
    return EXIT_USAGE


def cmd_list(args: argparse.Namespace, root: Path) -> int:
    catalog = load_catalog(root)
    if args.format == "json":
        rows = [
            {
                "id": s.id,
                "title": s.title,
                "phase": s.phase,
                "kind": s.kind,
                "languages": list(s.languages),
                "path": s.path,
            }
            for s in catalog
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(s.id) for s in catalog)
    for spec in catalog:
        phase = spec.phase or "-"
        langs = "+".join(spec.languages)
        print(f"{spec.id:<{width}}  {phase:<12}  {langs:<5}  {spec.title}")
    return EXIT_OK


def _parse_sets(items: list[str], catalog: Catalog, template_id: str) -> dict[str, Any]:
    spec = catalog.get(template_id)
    values: dict[str, Any] = {}
    for item in items:
        if "=" not in item:
            raise UsageError(f"--set „{item}”: użyj postaci pole=wartość")
        name, value = item.split("=", 1)
        name = name.strip()
        for _, column, char in find_invisible(value):
            raise UsageError(f"--set {name}: kolumna {column}: {invisible_message(char)}")
        try:
            listed = VARIABLE_TYPES[spec.variable(name).type].list_valued
        except KeyError:
            listed = False
        if listed:
            values.setdefault(name, [])
            values[name] += [v.strip() for v in value.split(",") if v.strip()]
        elif name in values:
            raise UsageError(f"pole „{name}” podano dwa razy")
        else:
            values[name] = value
    return values


def _read_previous(paths: list[Path]) -> list[Previous]:
    found = []
    for path in paths:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise InputError(
                str(path), 0, 0, "plik nie istnieje; sprawdź ścieżkę --previous"
            ) from None
        except OSError as exc:
            raise InputError(str(path), 0, 0, f"nie można odczytać pliku: {exc.strerror}") from None
        parsed = parse_bytes(raw, str(path))
        found.append(Previous(parsed.subject, parsed.body, source=str(path)))
    return found


def cmd_render(args: argparse.Namespace, root: Path) -> int:
    catalog = load_catalog(root)
    try:
        spec = catalog.get(args.template)
    except KeyError as exc:
        raise UsageError(exc.args[0]) from None
    values = _parse_sets(args.values, catalog, spec.id)
    if args.sample:
        values = {**catalog.sample_values(spec, lang=args.lang), **values}
    previous = _read_previous(args.previous)
    if args.sample and not previous and spec.quotes:
        previous = catalog.sample_previous(spec)
    now = None
    if args.now:
        try:
            now = parse_local(args.now).moment
        except TimeError as exc:
            raise UsageError(f"--now: {exc}") from None
    else:
        from datetime import datetime

        from .warsaw import WARSAW

        now = datetime.now(WARSAW)
    if args.lang and spec.layout == "bilingual":
        raise UsageError(f"{spec.id} jest dwujęzyczny (EN + PL w jednej wiadomości); pomiń --lang")
    try:
        message = catalog.render(spec, values, lang=args.lang, previous=previous, now=now)
    except RenderError as exc:
        for problem in exc.problems:
            print(f"komunikat: {spec.id}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except TemplateFault as exc:
        return _fail(f"{exc.path}:{exc.line}:1: {exc.message}")
    for warning in message.warnings:
        print(f"komunikat: uwaga: {warning}", file=sys.stderr)
    for entry in message.cc:
        where = entry["email"] or "adres z CRM"
        print(f"komunikat: DW: {entry['name']} <{where}> — {entry['note']}", file=sys.stderr)
    if args.format == "json":
        payload = json.dumps(message.to_json(), ensure_ascii=False, indent=2) + "\n"
        return _emit(payload.encode("utf-8"), args)
    if args.format == "eml":
        sender = catalog.data.contacts.signature.helpline
        to, cc = _addresses(args.to, "--to"), _addresses(args.cc, "--cc")
        blob = to_eml(message, sender=sender, to=to, cc=cc)
        for entry in eml_summary(message):
            print(f"komunikat: dodaj ręcznie w DW: {entry['name']}", file=sys.stderr)
        return _emit(blob, args)
    return _emit(message.as_text().encode("utf-8"), args)


def _addresses(values: list[str], option: str) -> list[str]:
    """Recipients as ``email.utils`` reads them; anything that is not an address is refused.

    A line break would add a header of its own (``Bcc:``), a word without "@"
    is silently dropped or mangled by lenient parsers: both are usage errors.
    """
    from email.errors import HeaderParseError, InvalidHeaderDefect
    from email.headerregistry import Address
    from email.utils import formataddr, getaddresses

    found = []
    for value in values:
        if any(ord(c) < 32 or c == "\x7f" for c in value):
            raise UsageError(
                f"{option} „{value.encode('unicode_escape').decode()}”: znak sterujący "
                "(np. nowy wiersz) w adresie jest niedozwolony; podaj sam adres"
            )
        for name, addr in getaddresses([value]):
            try:
                parsed = Address(addr_spec=addr)
                valid = "." in parsed.domain and bool(parsed.username)
            except (HeaderParseError, InvalidHeaderDefect, ValueError, IndexError):
                valid = False
            if not valid:
                raise UsageError(
                    f"{option} „{value}”: „{addr or value}” nie jest adresem e-mail; "
                    "podaj np. jan.kowalski@example.pl albo „Jan Kowalski <jan@example.pl>”"
                )
            found.append(formataddr((name, addr)) if name else addr)
    return found


def _emit(blob: bytes, args: argparse.Namespace) -> int:
    if args.output is None:
        sys.stdout.buffer.write(blob)
        sys.stdout.flush()
        return EXIT_OK
    path: Path = args.output
    if path.is_dir():
        raise UsageError(f"{path}: to katalog; podaj nazwę pliku, np. {path / 'wiadomosc.eml'}")
    if (path.exists() or path.is_symlink()) and not args.force:
        raise UsageError(f"{path}: plik już istnieje; wybierz inną nazwę albo dodaj --force")
    if path.is_symlink():
        print(
            f"komunikat: uwaga: {path} to dowiązanie do {os.readlink(path)}; --force zastępuje "
            "dowiązanie zwykłym plikiem, a plik, na który wskazywało, zostaje bez zmian",
            file=sys.stderr,
        )
    try:
        _replace_atomically(path, blob)
    except OSError as exc:
        raise UsageError(f"{path}: nie można zapisać: {exc.strerror or exc}") from None
    print(f"komunikat: zapisano {path}", file=sys.stderr)
    return EXIT_OK


def _replace_atomically(path: Path, blob: bytes) -> None:
    """Write a unique temporary file beside ``path``, then rename it over ``path``.

    The old file stays whole until the rename; on any failure (a full disk
    included) the temporary file is removed, so nothing is left behind.
    """
    import tempfile

    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, kept on success
        dir=path.parent, prefix=f".{path.name}.", suffix=".komunikat-tmp", delete=False
    )
    tmp = Path(handle.name)
    try:
        with handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _new_file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _new_file_mode(path: Path) -> int:
    """The mode of the file being replaced, else what a plain ``open`` would give (umask)."""
    if path.is_file() and not path.is_symlink():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def cmd_lint(args: argparse.Namespace, root: Path) -> int:
    from .lint.config import load_config
    from .lint.formats import write
    from .lint.runner import lint_templates

    rules = load_config(root)
    lang = None if args.lang == "auto" else args.lang
    report = lint_templates(root, rules, args.paths or None, lang)
    write(report, args.format)
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def _read_inputs(names: list[str]) -> list[tuple[str, bytes]]:
    """The messages to check; at most MAX_MESSAGE_BYTES each (one byte more is read to tell)."""
    found = []
    for name in names:
        if name == "-":
            found.append(_within_limit("<stdin>", sys.stdin.buffer.read(MAX_MESSAGE_BYTES + 1)))
            continue
        path = Path(name)
        try:
            with path.open("rb") as handle:
                found.append(_within_limit(name, handle.read(MAX_MESSAGE_BYTES + 1)))
        except FileNotFoundError:
            raise InputError(name, 0, 0, "plik nie istnieje; sprawdź ścieżkę") from None
        except IsADirectoryError:
            raise InputError(name, 0, 0, "to jest katalog; podaj plik wiadomości") from None
        except OSError as exc:
            raise InputError(name, 0, 0, f"nie można odczytać pliku: {exc.strerror}") from None
    return found


def _within_limit(name: str, blob: bytes) -> tuple[str, bytes]:
    if len(blob) > MAX_MESSAGE_BYTES:
        raise InputError(
            name,
            1,
            1,
            f"wiadomość ma ponad {MAX_MESSAGE_BYTES:,} bajtów (limit sprawdzania); ".replace(
                ",", " "
            )
            + "sprawdź, czy to właściwy plik, albo usuń załączniki i długie logi",
        )
    return name, blob


def cmd_check(args: argparse.Namespace, root: Path) -> int:
    from .lint.config import load_config
    from .lint.formats import write
    from .lint.runner import check_files

    rules = load_config(root)
    template = None
    if args.template:
        catalog = load_catalog(root)
        try:
            template = catalog.get(args.template)
        except KeyError as exc:
            raise UsageError(exc.args[0]) from None
    supplier = _supplier_id(root, args.supplier) if args.supplier else None
    inputs = _read_inputs(args.files)
    lang = None if args.lang == "auto" else args.lang
    report = check_files(root, rules, inputs, lang=lang, template=template, supplier=supplier)
    write(report, args.format)
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def _supplier_id(root: Path, given: str) -> str:
    from .data import load_data
    from .suggest import did_you_mean

    data = load_data(root)
    known = [s.id for s in getattr(getattr(data, "suppliers", None), "suppliers", [])]
    if given not in known:
        raise UsageError(
            f"nieznany dostawca „{given}”.{did_you_mean(given, known)} "
            f"Dostawcy: {', '.join(known) or 'brak'}"
        )
    return given


def cmd_escalate(args: argparse.Namespace, root: Path) -> int:
    from .data import load_data
    from .escalation import escalation_status, format_status
    from .warsaw import now_local

    times = {}
    for name in ("since", "now"):
        value = getattr(args, name)
        if value is None:
            times[name] = now_local().moment
            continue
        try:
            times[name] = parse_local(value).moment
        except TimeError as exc:
            raise UsageError(f"--{name}: {exc}") from None
    data = load_data(root)
    try:
        status = escalation_status(
            args.supplier, args.severity, times["since"], times["now"], data=data
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    print("\n".join(format_status(status)))
    return EXIT_OK


COMMANDS = {
    "list": cmd_list,
    "render": cmd_render,
    "lint": cmd_lint,
    "check": cmd_check,
    "escalate": cmd_escalate,
}


if __name__ == "__main__":
    raise SystemExit(main())
