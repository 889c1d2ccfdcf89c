"""spelling: every word is spelt right for the language of its part (Hunspell).

Each language part is checked against its own language, with the Debian
pl_PL and en_US dictionaries:

- a Polish part may carry English technical terms („Gateway Timeout”), so a
  word the English dictionary knows is accepted there too;
- an English part is not excused by a Polish word: „serwis” is Polish, not
  English. Only a capitalised word inside a sentence that the Polish
  dictionary knows passes, as a Polish proper name (a service called
  „Konkurs Zimowy”, a street, a surname);
- the subject of a notice, ``<PL> | <EN> - PHASE [HL-n]``, is checked half
  Polish, half English; any other subject in the language of the message.

Always accepted: the project vocabulary in data/lint/accept.txt (products,
systems, operators; a term written in lower case there is accepted in any
case, one with capitals as written or in capitals) and the names in data/*.yml
(people, operators and their codes, CRM titles, services, the company).

Not checked: the quoted earlier mails, the sender and footer lines, URLs,
e-mail and IP addresses, numbers, dates and times, HL-/CRM- ids, identifiers,
text in backticks, and lines of commands or their output (see
:mod:`komunikat.lint.tokens`).

Level: error. A misspelt word in a notice goes to every partner and operator;
a genuine term the dictionaries lack belongs in data/lint/accept.txt, which
is the way to silence a false alarm. When a dictionary is not installed the
words of that language are not checked and the engine summary says so.

PASS::

    Dzień dobry,

    uprzejmie informujemy, że serwer zwraca błąd Gateway Timeout.

PASS::

    Hello,

    the DirectBilling service is available again at https://api.example.com/.

FAIL::

    Dzień dobry,

    Upzejmie informujemy o pracach planowanych.

FAIL::

    Hello,

    the serwis has been restored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ...data import DataSet
from ...problems import Severity
from ...suggest import close_matches
from .. import advice
from ..engines import LANGUAGE_NAMES, Speller
from ..model import Context, Document, Finding
from ..prose import prose_segments
from ..tokens import Word, words

ID = "spelling"
LEVEL = Severity.ERROR
KIND = ("message",)
OPTIONS: Mapping[str, type] = {}
DEFAULTS: Mapping[str, Any] = {}

MAX_SUGGESTIONS = 5
# Hunspell takes about half a second to suggest for an unknown Polish word; past this many
# distinct words in one message (text in a third language, say) findings come without hints.
SUGGESTED_WORDS = 20
PART_NAMES = {"pl": "polskiej", "en": "angielskiej"}
POSSESSIVE = re.compile(r"(?i)'s$")


@dataclass(frozen=True)
class Vocabulary:
    """Accepted terms: ``exact`` as written or in capitals, ``any_case`` in any case."""

    exact: frozenset[str]
    any_case: frozenset[str]  # lower-cased
    upper: frozenset[str]  # ``exact`` in capitals
    # verdicts of :func:`accepted` for the spellers this vocabulary was built with
    verdicts: dict[tuple[str, str | None, bool], bool] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def accepts(self, word: str) -> bool:
        return word in self.exact or word.lower() in self.any_case or word in self.upper


def split_terms(lines: Iterable[str]) -> list[str]:
    """The words of vocabulary lines: a hyphenated name counts whole and by its pieces."""
    found: list[str] = []
    for line in lines:
        for word in words(line):
            found.append(word.text)
            if "-" in word.text:
                found += [piece for piece in word.text.split("-") if len(piece) > 1]
    return found


def make_vocabulary(terms: Iterable[str]) -> Vocabulary:
    """Terms in lower case are accepted in any case; others as written or in capitals."""
    terms = list(terms)
    exact = {term for term in terms if term != term.lower()}
    any_case = {term for term in terms if term == term.lower()}
    return Vocabulary(
        frozenset(exact), frozenset(any_case), frozenset(term.upper() for term in exact)
    )


def capitalised(text: str) -> list[str]:
    """The name-like words of a title: those starting with a capital letter."""
    return [w.text for w in words(text) if w.text[0].isupper()]


def data_terms(data: DataSet) -> list[str]:
    """Names from data/*.yml: people, operators, CRM titles, services, the company."""
    contacts = data.contacts
    names = [p.name for p in contacts.people] + [p.name for p in contacts.internal]
    names += [contacts.company.name, contacts.signature.helpline.split("@")[0]]
    titles: list[str] = []
    for op in data.operators.operators:
        names += [op.name, op.code]
        names += [prefix.prefix for prefix in op.subject_prefixes]
        titles += [c.title for c in op.contacts]
        titles += [c.title for rule in op.cc_rules for c in rule.contacts]
        titles += [m for rule in op.cc_rules for m in rule.mentions]
    for service in data.services.services:
        titles += [service.pl, service.en]
    suppliers = getattr(data, "suppliers", None)  # data/suppliers.yml, where present
    titles += [s.name for s in getattr(suppliers, "suppliers", [])]
    return split_terms(names) + [t for title in titles for t in split_terms(capitalised(title))]


_VOCABULARIES: list[tuple[DataSet, tuple[Speller, ...], tuple[str, ...], Vocabulary]] = []


def vocabulary(ctx: Context) -> Vocabulary:
    """accept.txt, plus the data names no dictionary knows; built once per data and file.

    A data name a dictionary knows („Serwis” in the CRM title „PLUS Serwis
    techniczny”) is left out: as a vocabulary term it would pass in any part,
    in an English one too.
    """
    spellers = tuple(ctx.engines.spellers.values())
    accept = ctx.files.accept
    for data, known_by, lines, built in _VOCABULARIES:
        if data is ctx.data and lines == accept and known_by == spellers:
            return built
    names = [t for t in data_terms(ctx.data) if not any(s.known(t) for s in spellers)]
    built = make_vocabulary([*split_terms(accept), *names])
    _VOCABULARIES.insert(0, (ctx.data, spellers, accept, built))
    del _VOCABULARIES[4:]
    return built


def accepted(
    word: Word, lang: str | None, spellers: Mapping[str, Speller], vocab: Vocabulary
) -> bool:
    """Whether ``word`` is right in a part written in ``lang`` (None: either language)."""
    text = word.text.replace("’", "'")
    if vocab.accepts(text) or vocab.accepts(POSSESSIVE.sub("", text)):
        return True
    if spellers[lang or "pl"].known(text):
        return True
    if lang == "en":
        # a capitalised Polish word inside an English sentence is a name („Konkurs Zimowy”)
        polish = spellers.get("pl")
        if text[0].isupper() and not word.sentence_start and polish and polish.known(text):
            return True
    elif "en" in spellers and spellers["en"].known(text):
        return True
    if "-" in text:
        pieces = [Word(p, 0, len(p), word.sentence_start) for p in text.split("-") if len(p) > 1]
        return bool(pieces) and all(accepted(p, lang, spellers, vocab) for p in pieces)
    return False


def suggestions(
    word: str, lang: str | None, spellers: Mapping[str, Speller], vocab: Vocabulary
) -> tuple[str, ...]:
    """Close project terms first, then Hunspell's own suggestions, at most five."""
    found = close_matches(word, vocab.exact, limit=2) if len(word) > 3 else []
    speller = spellers.get(lang or "pl")
    if speller is not None:
        found += [s for s in speller.suggest(word) if s not in found]
    return tuple(found[:MAX_SUGGESTIONS])


def message(
    word: str, lang: str | None, spellers: Mapping[str, Speller], origin: str = "message"
) -> str:
    """What is wrong and how to fix it, for the reader of ``origin`` (a template or a message);
    the suggestions travel separately with the finding."""
    polish = spellers.get("pl")
    if lang == "en" and polish is not None and polish.known(word):
        text = f"„{word}” to słowo polskie, a ta część wiadomości jest po angielsku"
        return text + "; użyj angielskiego słowa"
    where = f" w części {PART_NAMES[lang]}" if lang in PART_NAMES else ""
    return f"nieznane słowo „{word}”{where}; {advice.fix('unknown-word', origin)}"


def checkable(lang: str | None, spellers: Mapping[str, Speller]) -> bool:
    """A part can be checked when the dictionaries its verdict depends on are loaded."""
    if lang == "en":
        return "en" in spellers
    if lang == "pl":
        return "pl" in spellers
    return "pl" in spellers and "en" in spellers


def note_missing(ctx: Context, lang: str | None) -> None:
    missing = [code for code in (lang,) if code] if lang else ["pl", "en"]
    for code in missing:
        if ctx.engines.status("hunspell", code) is None:
            note = (
                f"pisownia {LANGUAGE_NAMES[code]} nie została sprawdzona: "
                "słownik Hunspell nie został wczytany"
            )
            if note not in ctx.notes:
                ctx.notes.append(note)


def applies(doc: Document) -> bool:
    return True


def check(doc: Document, options: Mapping[str, Any], ctx: Context) -> Iterator[Finding]:
    spellers = ctx.engines.spellers
    vocab = vocabulary(ctx)
    suggested: set[str] = set()
    for segment in prose_segments(doc, ctx.data):
        if not checkable(segment.lang, spellers):
            note_missing(ctx, segment.lang)
            continue
        verdicts = vocab.verdicts
        for word in words(segment.text):
            key = (word.text, segment.lang, word.sentence_start)
            verdict = verdicts.get(key)
            if verdict is None:
                verdict = verdicts[key] = accepted(word, segment.lang, spellers, vocab)
            if verdict:
                continue
            hints: tuple[str, ...] = ()
            if word.text in suggested or len(suggested) < SUGGESTED_WORDS:
                suggested.add(word.text)
                hints = suggestions(word.text, segment.lang, spellers, vocab)
            yield Finding(
                segment.index,
                segment.start + word.start,
                message(word.text, segment.lang, spellers, doc.origin),
                word.text,
                hints,
            )
