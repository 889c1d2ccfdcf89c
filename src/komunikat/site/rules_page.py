"""The lint rule reference "Reguły sprawdzania", written for editors.

The wording is data (``data/lint/rules.yml``, one Polish entry per rule); the
rule modules give what only they know: id, default level, options and their
PASS/FAIL examples. Contact data is not spelt out on this page (the contacts
page holds it): in the examples our addresses and phones are replaced by a
description of what stands there.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from ..data import DataSet, load_data
from ..lint.registry import RULES
from ..lint.ruledoc import rule_doc
from ..paths import project_root
from ..problems import InputError, InputErrors
from ..schema.base import validate
from ..schema.rule_texts import RuleText, RuleTextsFile
from ..suggest import did_you_mean
from ..yamlsource import load_yaml
from .markdown import code, fence, inline, table

PATH = "reguly.md"
TEXTS_FILE = "data/lint/rules.yml"
LEVELS = {"error": "błąd", "warning": "ostrzeżenie", "info": "uwaga"}
OTHER_LEVEL = {"error": "warning", "warning": "error", "info": "warning"}


@dataclass(frozen=True)
class Examples:
    passing: tuple[str, ...]
    failing: tuple[str, ...]


def rule_examples(rule: ModuleType) -> Examples:
    """The rule's own PASS/FAIL examples (its docstring, :mod:`komunikat.lint.ruledoc`)."""
    doc = rule_doc(rule)
    return Examples(tuple(doc.texts("PASS")), tuple(doc.texts("FAIL")))


def load_rule_texts(root: Path) -> dict[str, RuleText]:
    """The entries of data/lint/rules.yml by rule id, in registry order; problems located."""
    path = Path(root) / TEXTS_FILE
    return _load(path, path.stat().st_mtime_ns if path.is_file() else 0)


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int) -> dict[str, RuleText]:
    doc = load_yaml(path, TEXTS_FILE)
    texts = validate(RuleTextsFile, doc).rules
    rules = {rule.ID: rule for rule in RULES}
    errors: list[InputError] = []
    for name in texts:
        if name not in rules:
            errors.append(
                doc.error(
                    ("rules", name),
                    f"nieznana reguła „{name}”.{did_you_mean(name, rules)} "
                    f"Usuń wpis albo popraw nazwę; reguły: {', '.join(rules)}",
                    at_key=True,
                )
            )
            continue
        options = dict(getattr(rules[name], "OPTIONS", {}))
        for option in texts[name].options:
            if option not in options:
                listed = ", ".join(options) or "brak"
                errors.append(
                    doc.error(
                        ("rules", name, "options", option),
                        f"reguła {name} nie ma opcji „{option}”.{did_you_mean(option, options)} "
                        f"Opcje reguły: {listed}",
                        at_key=True,
                    )
                )
        for option in options:
            if option not in texts[name].options:
                errors.append(
                    doc.error(
                        ("rules", name),
                        f"brak opisu opcji „{option}” reguły {name}; dopisz go w „options”",
                        at_key=True,
                    )
                )
    for name in rules:
        if name not in texts:
            errors.append(
                doc.error(
                    ("rules",),
                    f"brak opisu reguły „{name}”; dopisz wpis „{name}:” "
                    "(title, summary, checks, why, source, fix)",
                    at_key=True,
                )
            )
    if errors:
        raise InputErrors(sorted(errors, key=lambda e: (e.line, e.column)))
    return {name: texts[name] for name in rules}


def rules_page(root: Path | None = None) -> str:
    root = Path(root) if root is not None else project_root()
    texts = load_rule_texts(root)
    masks = contact_masks(load_data(root))
    parts = [
        "# Reguły sprawdzania",
        "",
        "Zanim wiadomość trafi do partnera lub operatora, sprawdzają ją reguły opisane na tej "
        "stronie. Polecenie `komunikat lint` sprawdza szablony i pliki danych (także przy każdej "
        "budowie tego serwisu), a `komunikat check` — gotową wiadomość przed wysłaniem. Każdy "
        "komunikat reguły to jeden wiersz `plik:wiersz:kolumna: poziom: opis [reguła]`, który "
        "mówi, co poprawić.",
        "",
        "- **błąd** — sprawdzenie kończy się niepowodzeniem: popraw szablon, a gotowej "
        "wiadomości nie wysyłaj, dopóki błąd nie zniknie;",
        "- **ostrzeżenie** — przejrzyj wskazane miejsce przed wysłaniem;",
        "- **uwaga** — informacja, nic nie trzeba zmieniać.",
        "",
        "Przykłady przy każdej regule to te same teksty, na których jest ona testowana. Dane "
        "kontaktowe są w nich zastąpione opisem w nawiasach ‹ ›, np. ‹nasz adres e-mail›; "
        "pełne dane są na stronie [Kontakty](kontakty.md).",
        "",
        "## Wszystkie reguły { #wszystkie }",
        "",
        table(
            ["Reguła", "Identyfikator", "Poziom domyślny", "Co sprawdza"],
            [
                [
                    f"[{inline(texts[rule.ID].title)}](#{rule.ID})",
                    code(rule.ID),
                    LEVELS[rule.LEVEL.value],
                    prose_inline(texts[rule.ID].summary, in_table=True),
                ]
                for rule in RULES
            ],
            raw=(0, 1, 3),
        ),
        "",
        *_settings_section(),
    ]
    for rule in RULES:
        parts += _rule_section(rule, texts[rule.ID], masks)
    return "\n".join(parts) + "\n"


def _settings_section() -> list[str]:
    example = (
        "rules:\n"
        "  grammar: {level: error}      # ostrzeżenie zmienione na błąd\n"
        "  spelling: {level: warning}   # błąd zmieniony na ostrzeżenie\n"
        "  style:\n"
        "    options:\n"
        "      disabled: [familiar.farewell]\n"
    )
    suppression = '{# komunikat: disable=spelling reason="nazwa marki zapisana jak u partnera" #}'
    return [
        "## Jak zmienić poziom reguły { #ustawienia }",
        "",
        "Poziom i opcje reguły w całym projekcie ustawia plik `komunikat.yml` w katalogu głównym "
        "repozytorium. Wpis `nazwa-reguły: off` wyłącza regułę; nieznana nazwa reguły lub opcji "
        "jest błędem ze wskazaniem miejsca w pliku.",
        "",
        fence(example, "yaml"),
        "",
        "Jedno miejsce w szablonie wyłącza komentarz Jinja w tym samym wierszu albo w wierszu "
        "nad nim. Identyfikator reguły i powód są obowiązkowe, a każde wyłączenie pojawia się "
        "w podsumowaniu sprawdzenia:",
        "",
        fence(suppression, "jinja"),
        "",
    ]


def _rule_section(rule: ModuleType, text: RuleText, masks: list[tuple[str, str]]) -> list[str]:
    level = rule.LEVEL.value
    where = (
        "`komunikat lint` (strony procedur w `docs/`)"
        if "docs" in rule.KIND
        else "`komunikat lint` (źródło szablonów)"
        if "message" not in rule.KIND
        else "`komunikat lint` (szablony) i `komunikat check` (gotowe wiadomości)"
    )
    parts = [
        f"## {inline(text.title)} {{ #{rule.ID} }}",
        "",
        f"**{prose_inline(text.summary)}**",
        "",
        f"Identyfikator: `{rule.ID}` · poziom domyślny: **{LEVELS[level]}** · "
        f"polecenia: {prose_inline(where)}",
        "",
        *_labelled("Co sprawdza", text.checks),
        *_labelled("Dlaczego", text.why),
        f"**Źródło:** {prose_inline(text.source)}.",
        "",
        *_labelled("Jak poprawić", text.fix),
    ]
    defaults = dict(getattr(rule, "DEFAULTS", {}))
    if text.options:
        parts += ["**Opcje:**", ""]
        for name, option in text.options.items():
            default = defaults.get(name)
            parts.append(
                f"- `{name}` — {prose_inline(option.description)} (domyślnie: {_default(default)})"
            )
        parts.append("")
    parts += [
        f'??? tip "{"Poziom i opcje" if text.options else "Poziom"} reguły {rule.ID} '
        'w pliku komunikat.yml"',
        "",
        fence(_config_example(rule, text), "yaml", 4),
        "",
    ]
    examples = rule_examples(rule)
    for kind, title, shown in (
        ("success", "Poprawnie", examples.passing),
        ("failure", "Błędnie", examples.failing),
    ):
        parts += [f'!!! {kind} "{title}"', ""]
        for example in shown:
            parts += [fence(shown_example(example, masks), "text", 4), ""]
    return parts


def _config_example(rule: ModuleType, text: RuleText) -> str:
    """A komunikat.yml that gives the rule the other level (tests load it as a real config)."""
    other = OTHER_LEVEL[rule.LEVEL.value]
    comment = f"# zamiast poziomu „{LEVELS[rule.LEVEL.value]}”: „{LEVELS[other]}”"
    lines = ["rules:"]
    if text.options:
        lines += [f"  {rule.ID}:", f"    level: {other}   {comment}", "    options:"]
        lines += [f"      {name}: {option.example}" for name, option in text.options.items()]
    else:
        lines.append(f"  {rule.ID}: {{level: {other}}}   {comment}")
    lines.append(f"  # {rule.ID}: off   # albo: reguła wyłączona")
    return "\n".join(lines) + "\n"


def _default(value: object) -> str:
    if isinstance(value, list | tuple):
        return code("[" + ", ".join(str(v) for v in value) + "]") if value else "pusta lista"
    return code(value)


def _labelled(label: str, text: str) -> list[str]:
    """Prose with a run-in bold label; a list opens below the label instead."""
    blocks = prose_blocks(text)
    if blocks and not blocks[0].startswith("- "):
        blocks[0] = f"**{label}.** {blocks[0]}"
    else:
        blocks.insert(0, f"**{label}:**")
    return [line for block in blocks for line in (block, "")]


def prose_blocks(text: str) -> list[str]:
    """Markdown of a prose field: paragraphs and "- " lists, every word escaped."""
    blocks = []
    for paragraph in text.strip().split("\n\n"):
        lines = [line.strip() for line in paragraph.strip().split("\n")]
        if lines[0].startswith("- "):
            items: list[str] = []
            for line in lines:
                if line.startswith("- "):
                    items.append(line[2:])
                else:
                    items[-1] += " " + line
            blocks.append("\n".join(f"- {prose_inline(item)}" for item in items))
        else:
            blocks.append(prose_inline(" ".join(lines)))
    return blocks


def prose_inline(text: str, in_table: bool = False) -> str:
    """One line of prose: text between backticks as code, the rest escaped like any data.

    Outside tables the code stays a backtick span (it holds no backtick, so
    nothing can leave it), which keeps the abbreviations out of code.
    """
    pieces = text.split("`")
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            out.append(code(piece) if in_table else f"`{piece}`")
        elif piece.strip():
            lead = piece[: len(piece) - len(piece.lstrip())]
            trail = piece[len(piece.rstrip()) :]
            out.append(f"{lead}{inline(piece) if index == 0 else _mid(piece)}{trail}")
        else:
            out.append(piece)
    return "".join(out)


def _mid(piece: str) -> str:
    """Escaped text inside a line (it cannot open a block, so no block-start escape)."""
    escaped = inline("x" + piece.strip())
    return escaped[1:]


def contact_masks(data: DataSet) -> list[tuple[str, str]]:
    """(contact value, what to show instead): our own and our suppliers' contacts."""
    sig = data.contacts.signature
    masks = [
        (sig.helpline, "‹nasz adres e-mail›"),
        (sig.mobile, "‹nasz telefon komórkowy›"),
        (sig.desk, "‹nasz telefon stacjonarny›"),
        (data.contacts.company.address, "‹adres spółki›"),
    ]
    masks += [(c.email, f"‹adres e-mail: {c.name}›") for c in data.contacts.internal if c.email]
    for op in data.operators.operators:
        masks += [(c.email, f"‹adres e-mail: {c.title}›") for c in op.contacts if c.email]
    for supplier in data.suppliers.suppliers:
        masks += [(a, f"‹adres e-mail {supplier.name}›") for a in supplier.email_addresses]
    return sorted(masks, key=lambda m: -len(m[0]))


def shown_example(text: str, masks: list[tuple[str, str]]) -> str:
    """An example as the page shows it: contacts described, invisible characters named."""
    for value, label in masks:
        text = _replace_casefold(text, value, label)
    return "".join(f"<U+{ord(ch):04X}>" if unicodedata.category(ch) == "Cf" else ch for ch in text)


def _replace_casefold(text: str, value: str, label: str) -> str:
    lowered, wanted = text.lower(), value.lower()
    out, start = [], 0
    while (found := lowered.find(wanted, start)) >= 0:
        out += [text[start:found], label]
        start = found + len(value)
    return "".join(out) + text[start:]
