"""docs-fact: a procedure page does not spell out a fact that data/ or a template holds.

The pages under ``docs/`` call macros for a template's subject line and lead
time and for the phone numbers, e-mail addresses, names and CRM ids of
``data/contacts.yml`` and ``data/operators.yml`` (``hooks/macros.py``), so
the page changes when the template or the data does. A page that types such
a fact itself goes stale the day the data changes: each one is reported with
the macro call to write instead. Fenced code blocks, macro calls and the
page's front matter are not checked; a subject is recognised by its fixed
words, whatever stands for its fields.

PASS::

    | Tytuł maila | {{ subject('dv-outage-open') }} |

    W razie pytań zadzwoń: {{ contact('signature', 'desk') }}.

    Kontakt techniczny Orange w CRM: {{ operator('orange', 'crm') }}.

    ```text
    Subject: Awaria w Digital Virgo | Digital Virgo outage - OPEN [HL-123456]
    ```

FAIL::

    | Tytuł maila | `Awaria w Digital Virgo | Digital Virgo outage - OPEN [HL-<numer>]` |

FAIL::

    Powiadomienie wyślij najpóźniej 3 pełne dni przed pracami.

FAIL::

    W razie pytań zadzwoń pod numer +48 22 312 1111.

FAIL::

    Kopię wyślij na adres Helpline@DigitalVirgo.pl.

FAIL::

    Kontakt techniczny Orange w CRM: CRM-744.

FAIL::

    W polu DW zawsze Katarzyna Wczyrsa.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ...catalog import Catalog
from ...i18n import count
from ...problems import Severity
from ..model import SourceFinding

ID = "docs-fact"
LEVEL = Severity.ERROR
KIND = ("docs",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}

CONTACTS, OPERATORS = "data/contacts.yml", "data/operators.yml"
# a subject is recognised only by enough fixed words: "{{ summary }}" alone is no fact
MIN_SUBJECT_LETTERS = 10
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
_SEPARATOR = r"[\s.-]?"
HELPLINE = "{{ contact('signature', 'helpline') }}"


@dataclass(frozen=True)
class Fact:
    what: str  # "temat szablonu dv-outage-open"
    source: str  # the file that holds it
    pattern: re.Pattern[str]
    macro: str  # the call to write instead: "{{ subject('dv-outage-open') }}"


def check_page(text: str, catalog: Catalog) -> Iterator[SourceFinding]:
    """Every fact of ``catalog`` (templates and data) a docs page spells out."""
    known = facts(catalog)
    for number, line in checked_lines(text):
        for fact in known:
            for match in fact.pattern.finditer(line):
                changes = "szablonu" if fact.source.startswith("templates/") else "w danych"
                yield SourceFinding(
                    number,
                    match.start() + 1,
                    f"{fact.what} z {fact.source} wpisano na stronie ręcznie (zmiana "
                    f"{changes} jej nie zaktualizuje) — użyj {fact.macro}",
                    match.group(0),
                )


def checked_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based number, text) of the lines a reader sees as prose; macro calls blanked out.

    Front matter and fenced code are left out; a blanked call keeps its width,
    so columns stay those of the file.
    """
    blanked = _JINJA.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    lines = blanked.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        start = closing + 1 if closing is not None else 0
    fence = ""
    for index in range(start, len(lines)):
        line = lines[index]
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group("fence").startswith(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group("fence")
            continue
        yield index + 1, line


def facts(catalog: Catalog) -> list[Fact]:
    return [
        *_subjects(catalog),
        *_lead_times(catalog),
        *_contacts(catalog),
        *_operators(catalog),
    ]


def _subjects(catalog: Catalog) -> Iterator[Fact]:
    """One fact per subject text: templates that share a subject are named together."""
    shared: dict[str, list[tuple[str, str, str]]] = {}
    for spec in catalog:
        for key, source in spec.subject.items():
            pattern = subject_pattern(source)
            if pattern is not None:
                call = f"'{spec.id}'" if key == "*" else f"'{spec.id}', '{key}'"
                shared.setdefault(pattern.pattern, []).append((spec.id, spec.path, call))
    for pattern, specs in shared.items():
        ids = " lub ".join(dict.fromkeys(s[0] for s in specs))
        paths = ", ".join(dict.fromkeys(s[1] for s in specs))
        calls = " lub ".join(f"{{{{ subject({s[2]}) }}}}" for s in specs)
        yield Fact(f"temat szablonu {ids}", paths, re.compile(pattern), calls)


def _lead_times(catalog: Catalog) -> Iterator[Fact]:
    """A lead time as the macro writes it („3 pełne dni”), whatever the spacing."""
    for spec in catalog:
        if spec.lead_time_days is not None:
            words = count("%(n)d full day", "%(n)d full days", spec.lead_time_days).split()
            pattern = re.compile(r"(?<!\d)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)")
            call = f"{{{{ lead_time('{spec.id}') }}}}"
            yield Fact(f"wyprzedzenie szablonu {spec.id}", spec.path, pattern, call)


def subject_pattern(source: str) -> re.Pattern[str] | None:
    """The subject's fixed text, its fields matching anything on the line; None if too short."""
    pieces = _JINJA.split(source.strip())
    if sum(ch.isalpha() for piece in pieces for ch in piece) < MIN_SUBJECT_LETTERS:
        return None
    literal = [_literal(piece) for piece in pieces]
    # fields at either end add nothing to recognise the subject by
    while literal and not literal[0].strip():
        literal.pop(0)
    while literal and not literal[-1].strip():
        literal.pop()
    return re.compile(r"[^\n]{1,80}?".join(literal))


def _literal(piece: str) -> str:
    """A fixed piece of a subject as it may be typed on a page: any spacing, ``\\|`` in tables."""
    out = []
    for word in re.split(r"(\s+)", piece):
        if not word:
            continue
        if word.isspace():
            out.append(r"\s+")
            continue
        escaped = re.escape(word).replace(r"\|", r"\\?\|").replace("'", "['’]")
        out.append(escaped)
    return "".join(out)


def _phone(number: str) -> re.Pattern[str]:
    """A phone number however it is grouped, with or without +48 / 0048."""
    digits = re.sub(r"\D", "", number)
    country, national = (digits[:2], digits[2:]) if len(digits) == 11 else ("", digits)
    body = _SEPARATOR.join(national)
    prefix = rf"(?:(?:\+|00){country}{_SEPARATOR})?" if country else ""
    return re.compile(rf"(?<![\d+]){prefix}{body}(?!\d)")


def _email(address: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.+-]){re.escape(address)}(?![\w-]|\.\w)", re.IGNORECASE)


def _name(name: str) -> re.Pattern[str]:
    return re.compile(r"\b" + r"\s+".join(re.escape(w) for w in name.split()) + r"\b")


def _contacts(catalog: Catalog) -> Iterator[Fact]:
    data = catalog.data.contacts
    sig = data.signature
    for field, label in (("mobile", "telefon komórkowy"), ("desk", "telefon stacjonarny")):
        call = f"{{{{ contact('signature', '{field}') }}}}"
        yield Fact(label, CONTACTS, _phone(getattr(sig, field)), call)
    yield Fact("adres e-mail", CONTACTS, _email(sig.helpline), HELPLINE)
    for person in (*data.internal, *data.people):
        call = f"{{{{ contact('{person.id}', 'name') }}}}"
        yield Fact("imię i nazwisko", CONTACTS, _name(person.name), call)
    for internal in data.internal:
        if internal.email:
            call = f"{{{{ contact('{internal.id}', 'email') }}}}"
            yield Fact("adres e-mail", CONTACTS, _email(internal.email), call)


def _operators(catalog: Catalog) -> Iterator[Fact]:
    for op in catalog.data.operators.operators:
        contacts = [*op.contacts, *(c for rule in op.cc_rules for c in rule.contacts)]
        first: set[str] = set()
        for contact in contacts:
            role = "" if contact.role == "technical" else f", '{contact.role}'"
            call = f"{{{{ operator('{op.slug}', 'crm'{role}) }}}}"
            if contact.role in first:  # the macro gives the first of a role; the rest: the list
                call = "{{ required_cc() }}"
            first.add(contact.role)
            pattern = re.compile(rf"(?<![\w-]){re.escape(contact.crm)}(?!\d)")
            yield Fact(f"numer w CRM ({op.name})", OPERATORS, pattern, call)
            if contact.email:
                call = f"{{{{ operator('{op.slug}', 'email'{role}) }}}}"
                yield Fact(f"adres e-mail ({op.name})", OPERATORS, _email(contact.email), call)
