"""Words of a line for the spelling and grammar checks, and what is not prose.

URLs, e-mail addresses, IP addresses, numbers, dates and times, HL-/CRM- ids,
file paths, identifiers, text in backticks and unfilled places (the placeholder
rule's :func:`~komunikat.lint.placeholders.find_leftovers`) are not words of the language:
:func:`non_prose_spans` finds them, :func:`words` leaves them out. Whole lines
of commands and their output (curl, openssl, logs, JSON/XML) are recognised
by :func:`is_code_line`, and the block pasted after a label such as
„Zwracany błąd:” by :func:`output_block`. All functions are pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .placeholders import find_leftovers


@dataclass(frozen=True)
class Span:
    """A stretch of a line that is not prose; ``kind`` names the pattern that found it."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int
    sentence_start: bool  # the first word of the line or of a sentence


_IPV6_GROUP = r"[0-9A-Fa-f]{1,4}"
_IPV6 = (
    rf"(?:{_IPV6_GROUP}:){{7}}{_IPV6_GROUP}"
    rf"|(?:{_IPV6_GROUP}:){{1,7}}:"
    rf"|(?:{_IPV6_GROUP}:){{1,6}}:{_IPV6_GROUP}"
    rf"|(?:{_IPV6_GROUP}:){{1,5}}(?::{_IPV6_GROUP}){{1,2}}"
    rf"|(?:{_IPV6_GROUP}:){{1,4}}(?::{_IPV6_GROUP}){{1,3}}"
    rf"|(?:{_IPV6_GROUP}:){{1,3}}(?::{_IPV6_GROUP}){{1,4}}"
    rf"|(?:{_IPV6_GROUP}:){{1,2}}(?::{_IPV6_GROUP}){{1,5}}"
    rf"|{_IPV6_GROUP}:(?::{_IPV6_GROUP}){{1,6}}"
    rf"|:(?::{_IPV6_GROUP}){{1,7}}|::"
)
_TLDS = r"pl|com|net|org|eu|io|info|biz|de|fr|uk|local|lan|internal|cloud|app|dev"

# Order matters: earlier patterns win where two overlap (a URL holds a host and a port).
NON_PROSE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("backticks", re.compile(r"`[^`\n]*`")),
    (
        "url",
        re.compile(
            r"\b(?:https?|s?ftp|ssh|wss?|tcp|udp|smpp|jdbc:\w+)://[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]]"
            r"|\bwww\.[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]]",
            re.IGNORECASE,
        ),
    ),
    # the look-behind starts a match only where an address can start: without it every
    # position of a long word is tried and the scan grows with the square of the line
    ("email", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")),
    ("ipv6", re.compile(rf"\[(?:{_IPV6})\](?::\d{{1,5}})?|(?<![\w:])(?:{_IPV6})(?![\w:])")),
    (
        "ipv4",
        re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?:/\d{1,2})?(?!\w|\.\d)"),
    ),
    ("ticket", re.compile(r"\b(?:HL|CRM)-\d+\b")),
    (
        "datetime",
        re.compile(
            r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?"
            r"|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"
            r"|\b\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
            r"(?:\s*(?:CET|CEST|UTC|GMT|Z)\b|(?:[+-]\d{2}:?\d{2}))?"
        ),
    ),
    (
        "host",
        # starts only where a host can start (see "email"): "a.a.a…" stays linear
        re.compile(rf"(?<![\w.-])(?:[A-Za-z0-9-]+\.)+(?:{_TLDS})\b(?::\d{{1,5}})?(?:/[^\s]*)?"),
    ),
    ("path", re.compile(r"(?<![\w/])(?:~|\.{1,2})?(?:/[\w.@%+~-]+){2,}/?")),
    (
        "file",
        re.compile(
            r"(?<![\w-])[\w-]+\.(?:log|conf|cfg|xml|json|ya?ml|txt|sh|py|jar|war|csv|pdf|docx?)\b"
        ),
    ),
    ("identifier", re.compile(r"\b\w*_\w*\b|(?<![\w.])\w+(?:\.\w+)*\(\)")),
    # a dotted name in lower case with no space: a host or a package (pi.dniu, pi.virtual.mp)
    ("dotted", re.compile(r"(?<![\w.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+(?!\w|\.\w)")),
    # digits glued to a word by a hyphen stay with it (dv-mon-02 is a name, not a number)
    ("number", re.compile(r"(?<![\w-])[+-]?\d+(?:[.,:/ -]\d+)*(?:%|(?=\W)|$)")),
)

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
SENTENCE_END = re.compile(r"[.!?:]\s*$")

SHELL_COMMANDS = (
    "curl|wget|openssl|tcpdump|ping|ping6|traceroute|tracert|telnet|nc|ncat|dig|nslookup|"
    "ssh|scp|sftp|mtr|nmap|ip|ifconfig|netstat|ss|systemctl|journalctl|docker|kubectl|"
    "grep|tail|cat|sudo|psql|mysql|sqlplus|java|python3?|ls|cd|echo|http"
)
CODE_LINE: tuple[re.Pattern[str], ...] = tuple(
    map(
        re.compile,
        (
            # a shell prompt, or a command with an option, an address or a path after it
            r"^\s*(?:\$|#|[\w.-]+@[\w.-]+:[^\s]*[$#])\s+\S",
            rf"^\s*(?:sudo\s+)?(?:{SHELL_COMMANDS})\s+\S*[-/.:=_\d]",
            # curl -v: request, response and connection lines
            r"^[<>] \S",
            (
                r"^\* +(?:Trying|Connected|Connection|Closing|TLS|SSL|ALPN|Server certificate|"
                r"Mark bundle|Re-using|Expire|Uses proxy|using HTTP|Host |Request completely|"
                r"CAfile|CApath|subject:|start date:|expire date:|issuer:|common name:|Failed)"
            ),
            r"^\s*HTTP/\d(?:\.\d)?\s+\d{3}\b",
            r"^\s*(?:GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS)\s+\S+\s+HTTP/\d",
            (
                r"^\s*(?:Content-[A-Za-z-]+|Set-Cookie|X-[A-Za-z-]+|Cache-Control|Transfer-Encoding|"
                r"User-Agent|Accept(?:-[A-Za-z]+)?|WWW-Authenticate):\s"
            ),
            # openssl s_client
            (
                r"^\s*(?:CONNECTED\(|depth=\d|verify (?:return|error):|-----(?:BEGIN|END) |"
                r"SSL-Session:|SSL handshake|Certificate chain|Server certificate|subject=|issuer=|"
                r"Protocol\s*:|Cipher\s*:|Session-ID|Verify return code|New, TLS|No client certificate)"
            ),
            # log lines, stack traces, JSON and XML
            r"^\s*\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}",
            r"^\s*at [\w.$]+\(|^\s*Traceback \(|^\s*File \"[^\"]+\", line \d+",
            (
                r"^\s*[{}\[\]],?\s*$|^\s*\{\s*\"|^\s*<[?!/]?[A-Za-z][\w:.-]*[\s>/]|^\s*\"[\w-]+\"\s*:"
            ),
            # indented blocks (four spaces or a tab) are pasted output in an e-mail
            r"^(?:\t| {4,})\S",
        ),
    )
)
OUTPUT_LABEL = re.compile(
    r"^\s*(?:Zwracany błąd|Błąd zwracany przez usługę|Błąd z logów|Wyniki testów|"
    r"Logi?|Odpowiedź(?: serwera)?|Żądanie|Error returned by the service|Returned error|"
    r"Error from the logs|Test results|Logs?|Response|Request)\s*:\s*$",
    re.IGNORECASE,
)


# Lines repeat across a lint run (both languages, every operator, quoted notices):
# the pure per-line functions below are memoised. Their results are tuples of
# frozen dataclasses, so a cached value cannot be changed by a caller.
LINE_CACHE_SIZE = 16384


@lru_cache(maxsize=LINE_CACHE_SIZE)
def non_prose_spans(text: str) -> tuple[Span, ...]:
    """Stretches of ``text`` that are addresses, numbers, ids or code, left to right.

    Unfilled places („HL-xxxxxx”, „PKEY”, „hh:mm”, leftover Jinja) come first:
    the placeholder rule reports them, so they are not words to spell-check.
    """
    found: list[Span] = []
    taken = [False] * len(text)
    for column, matched, _ in find_leftovers(text):
        found.append(Span(column, column + len(matched), "placeholder"))
        taken[column : column + len(matched)] = [True] * len(matched)
    for kind, pattern in NON_PROSE:
        for match in pattern.finditer(text):
            start, end = match.span()
            if start == end or any(taken[start:end]):
                continue
            found.append(Span(start, end, kind))
            taken[start:end] = [True] * (end - start)
    return tuple(sorted(found, key=lambda span: span.start))


def mask(text: str, spans: Sequence[Span]) -> str:
    """``text`` with the given spans blanked out; offsets stay the same."""
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


@lru_cache(maxsize=LINE_CACHE_SIZE)
def words(text: str) -> tuple[Word, ...]:
    """The words of a line to spell-check: no non-prose spans, no single letters, no digits."""
    spans = non_prose_spans(text)
    masked = mask(text, spans) if spans else text
    found = []
    previous_end = 0
    first = True
    for match in WORD.finditer(masked):
        between = masked[previous_end : match.start()]
        sentence_start = first or bool(SENTENCE_END.search(between))
        first = False
        previous_end = match.end()
        token = match.group(0)
        if len(token) < 2 or any(ch.isdigit() for ch in token):
            continue
        found.append(Word(token, match.start(), match.end(), sentence_start))
    return tuple(found)


@lru_cache(maxsize=LINE_CACHE_SIZE)
def is_code_line(text: str) -> bool:
    """A line that looks like a command, its output, a log line, JSON or XML."""
    return any(pattern.search(text) for pattern in CODE_LINE)


def is_output_label(text: str) -> bool:
    """A line that announces pasted output („Zwracany błąd:”, "Test results:")."""
    return bool(OUTPUT_LABEL.match(text))


def output_block(lines: Sequence[str]) -> set[int]:
    """Indexes of lines pasted after an output label, up to the next blank line."""
    found: set[int] = set()
    inside = False
    for index, text in enumerate(lines):
        if not text.strip():
            inside = False
        elif inside:
            found.add(index)
        elif is_output_label(text):
            inside = True
    return found


def overlaps(start: int, end: int, spans: Sequence[Span]) -> bool:
    """Whether the stretch ``start:end`` touches any of ``spans``."""
    return any(span.start < end and start < span.end for span in spans)
