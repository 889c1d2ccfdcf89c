"""pii: no personal data goes out in a mass notice; elsewhere it is pointed out.

A mass notice (maintenance, outage) reaches every partner at once, and a
quoted earlier notice goes out with it, so every zone is checked: subject,
body, quote and footer, and each find is an error. Seed 000 („Uwaga”) names
the leak of personal data as one of the worst outcomes of a careless mass
mailing. A message to one recipient (a reply, a report, a ticket answer) is
checked the same way, and each find is a warning that names the risk: it may
be needed there (a supplier asks for the caller's number), but it is personal
data sent outside the company, and a forwarded thread carries it further.
Found:

- a PESEL or NIP that passes its checksum (python-stdnum; a number that fails
  the checksum is not a PESEL or NIP and is not reported);
- an account number (IBAN or 26-digit NRB) that passes its checksum;
- a phone number or e-mail address that is not one of ours: the footer's
  phones and helpline, the internal contacts of ``data/contacts.yml``, the
  operator contacts of ``data/operators.yml`` and the supplier contacts of
  ``data/suppliers.yml`` are allowed, and so is every number printed in the
  company's legal lines (KRS, NIP); toll-free, shared-cost and premium-rate
  numbers (800, 801, 70x) belong to companies and are not reported.

``data/lint/pii-allow.yml`` lists what else may appear, each entry with its
reason: the reserved example domains (example.com, *.test, …) and the
functional mailboxes of partners. IP addresses are not personal data here.

PASS::

    Subject: Prace planowane | Planned maintenance - OPEN [HL-123456]

    Dear customer,

    If you have any questions, please write to partner@example.com.

FAIL::

    Subject: Prace planowane | Planned maintenance - OPEN [HL-123456]

    Dear customer,

    If you have any questions, please call Jan at +48 601 234 567.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

import phonenumbers
from pydantic import AfterValidator, Field, model_validator
from stdnum import iban
from stdnum.pl import nip, pesel

from ...data import DataSet
from ...paths import relative
from ...problems import Severity
from ...schema.base import Strict, validate
from ...yamlsource import load_yaml
from ..model import Context, Document, Finding

ID = "pii"
LEVEL = Severity.ERROR
KIND = "message"
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}

ALLOW_FILE = Path("data") / "lint" / "pii-allow.yml"

_SUBJECT = "Subject: Prace planowane | Planned maintenance - OPEN [HL-123456]\n\nDear customer,\n\n"
PASS = [
    _SUBJECT + "If you have any questions, please write to partner@example.com.\n",
    _SUBJECT + "If you have any questions, please call us at +48 22 312 1111.\n",
]
FAIL = [
    _SUBJECT + "If you have any questions, please call Jan at +48 601 234 567.\n",
    _SUBJECT + "The affected subscriber: PESEL 44051401359.\n",
    _SUBJECT + "Contact: jan.kowalski@gmail.com\n",
]

Kind = Literal["email", "phone", "pesel", "nip", "iban"]

WHAT = {
    "pesel": "numer PESEL",
    "nip": "numer NIP",
    "iban": "numer rachunku bankowego",
    "phone": "numer telefonu",
    "email": "adres e-mail",
}
WHY = {
    "pesel": "",
    "nip": " (NIP osoby prowadzącej działalność to dana osobowa; firmowy NIP jest tylko w stopce)",
    "iban": "",
    "phone": (
        " (numeru nie ma w data/contacts.yml ani data/operators.yml; "
        "partnerzy kontaktują się przez infolinię ze stopki)"
    ),
    "email": (
        " (adresu nie ma w data/contacts.yml ani data/operators.yml; "
        "partnerzy piszą na adres ze stopki)"
    ),
}

# Numbers: not part of a word, an id (HL-123), an address, a date or an IP.
_BEFORE = r"(?<![\w+./:@-])"
_AFTER = r"(?![\w/:@-]|[.,]\d)"
PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("email", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*")),
    ("iban", re.compile(_BEFORE + r"(?:PL ?)?\d{2}(?: ?\d{4}){6}" + _AFTER)),
    ("pesel", re.compile(_BEFORE + r"\d{11}" + _AFTER)),
    (
        "nip",
        re.compile(
            _BEFORE
            + r"(?:PL ?)?(?:\d{3}-\d{3}-\d{2}-\d{2}|\d{3}-\d{2}-\d{2}-\d{3}|\d{10})"
            + _AFTER
        ),
    ),
)
MONEY_AFTER = re.compile(r"\s?(?:zł|zl|PLN|EUR|USD|€|\$)", re.IGNORECASE)
# Register numbers of companies are public, not personal data.
REGISTER_LABEL = re.compile(r"\b(?:KRS|REGON)\s*(?:nr\.?|:)?\s*$", re.IGNORECASE)
VALID = {"pesel": pesel.is_valid, "nip": nip.is_valid}


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"niepoprawne wyrażenie regularne „{pattern}”: {exc}") from None
    return pattern


class AllowEntry(Strict):
    kind: Kind
    value: Annotated[str, Field(min_length=1)] | None = None
    domain: Annotated[str, Field(pattern=r"^[a-z0-9.-]+$")] | None = None
    pattern: Annotated[str, AfterValidator(_compiles)] | None = None
    reason: Annotated[str, Field(min_length=1)]

    @model_validator(mode="after")
    def _one_way(self) -> AllowEntry:
        given = [k for k in ("value", "domain", "pattern") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("wpis potrzebuje dokładnie jednego z kluczy: value, domain, pattern")
        if self.domain is not None and self.kind != "email":
            raise ValueError("klucz „domain” pasuje tylko do wpisów kind: email")
        return self


class AllowFile(Strict):
    source: Annotated[str, Field(min_length=1)]
    allow: list[AllowEntry]


@dataclass(frozen=True)
class Candidate:
    kind: Kind
    start: int
    end: int
    text: str


def normalise(kind: str, text: str) -> str:
    """The form values are compared in: lower-case address, digits with country code."""
    if kind == "email":
        return text.lower()
    digits = re.sub(r"\D", "", text)
    if kind == "phone":
        try:
            number = phonenumbers.parse(text, "PL")
        except phonenumbers.NumberParseException:
            return digits
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164).lstrip("+")
    return digits


@cache
def _load_allow(path: Path, root: Path) -> AllowFile:
    return validate(AllowFile, load_yaml(path, relative(path, root)))


def load_allow(root: Path) -> AllowFile:
    """The allow list, read once per process."""
    return _load_allow((root / ALLOW_FILE).resolve(), root.resolve())


def _ours(data: DataSet) -> set[tuple[str, str]]:
    """Phones, addresses and legal numbers from data/: (kind, normalised value)."""
    sig = data.contacts.signature
    found = {("phone", normalise("phone", sig.mobile)), ("phone", normalise("phone", sig.desk))}
    emails = [sig.helpline] + [c.email for c in data.contacts.internal if c.email]
    for op in data.operators.operators:
        contacts = list(op.contacts) + [c for rule in op.cc_rules for c in rule.contacts]
        emails += [c.email for c in contacts if c.email]
    for supplier in data.suppliers.suppliers:
        for contact in supplier.contacts:
            if contact.value and "phone" in contact.kind:
                found.add(("phone", normalise("phone", contact.value)))
            elif contact.value and "@" in contact.value:
                emails.append(contact.value)
    found |= {("email", normalise("email", e)) for e in emails}
    for line in data.contacts.company.legal:
        for number in re.findall(r"\d[\d -]*\d", line):
            digits = re.sub(r"\D", "", number)
            found |= {(kind, digits) for kind in ("pesel", "nip", "iban", "phone")}
    return found


def _allowed(candidate: Candidate, entries: list[AllowEntry], ours: set[tuple[str, str]]) -> bool:
    key = normalise(candidate.kind, candidate.text)
    if (candidate.kind, key) in ours:
        return True
    for entry in entries:
        if entry.kind != candidate.kind:
            continue
        if entry.value is not None and normalise(entry.kind, entry.value) == key:
            return True
        if entry.domain is not None:
            domain = key.rpartition("@")[2]
            if domain == entry.domain or domain.endswith("." + entry.domain):
                return True
        if entry.pattern is not None and any(
            re.search(entry.pattern, form, re.IGNORECASE) for form in (candidate.text, key)
        ):
            return True
    return False


def _is_kind(kind: Kind, text: str) -> bool:
    if kind == "iban":
        compact = iban.compact(text)
        return iban.is_valid(compact if compact[:2].isalpha() else "PL" + compact)
    check = VALID.get(kind)
    return check(nip.compact(text) if kind == "nip" else text) if check else True


BUSINESS_LINES = frozenset(
    {
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.SHARED_COST,
        phonenumbers.PhoneNumberType.PREMIUM_RATE,
        phonenumbers.PhoneNumberType.UAN,
    }
)


def _phone_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Phone numbers valid in their numbering plan (libphonenumber; Polish by default)."""
    for match in phonenumbers.PhoneNumberMatcher(text, "PL", leniency=phonenumbers.Leniency.VALID):
        if MONEY_AFTER.match(text, match.end):
            continue  # "500 000 000 zł" is an amount, not a mobile number
        if phonenumbers.number_type(match.number) in BUSINESS_LINES:
            continue  # 800/801/70x numbers belong to companies, never to a private person
        yield match.start, match.end, match.raw_string


def candidates(text: str) -> list[Candidate]:
    """Personal-data look-alikes in a line, left to right, none overlapping."""
    found: list[Candidate] = []
    taken = [False] * len(text)

    def take(kind: Kind, start: int, end: int, raw: str) -> None:
        if any(taken[start:end]) or not _is_kind(kind, raw):
            return
        if kind != "email" and REGISTER_LABEL.search(text[:start]):
            return
        found.append(Candidate(kind, start, end, raw))
        taken[start:end] = [True] * (end - start)

    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            take(kind, *match.span(), match.group(0))
    for start, end, raw in _phone_spans(text):
        take("phone", start, end, raw)
    return sorted(found, key=lambda c: c.start)


@dataclass(frozen=True)
class PiiFinding(Finding):
    """A find with its level: an error in a mass notice, a warning elsewhere."""

    level: Severity = Severity.ERROR


def applies(doc: Document) -> bool:
    return True


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    entries = load_allow(Path(ctx.root)).allow
    ours = _ours(ctx.data)
    sig = ctx.data.contacts.signature
    replacement = {"phone": (sig.desk,), "email": (sig.helpline,)}
    for index, line in doc.indexed():
        for candidate in candidates(line.text):
            if _allowed(candidate, entries, ours):
                continue
            if doc.is_mass_notice:
                message = (
                    f"{WHAT[candidate.kind]} w wiadomości masowej — usuń dane osobowe "
                    f"przed wysyłką{WHY[candidate.kind]}"
                )
                level = Severity.ERROR
            else:
                message = (
                    f"{WHAT[candidate.kind]} — dane osobowe wysyłane poza firmę (RODO); "
                    "zostaw je tylko, jeśli odbiorca naprawdę ich potrzebuje"
                )
                level = Severity.WARNING
            yield PiiFinding(
                index,
                candidate.start,
                message,
                candidate.text,
                replacement.get(candidate.kind, ()),
                level=level,
            )
