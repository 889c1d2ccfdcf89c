"""Reading a composed message: plain text with optional headers, or a .eml file."""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from email.message import EmailMessage

from .emlbody import decode_body
from .encoding import decode_utf8
from .nontext import refuse_non_text
from .problems import InputError

HEADER = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9-]*):[ \t]?(?P<value>.*)$")
KNOWN_HEADERS = {"subject", "to", "cc", "bcc", "from", "date", "reply-to", "temat", "do", "dw"}


@dataclass
class ParsedMessage:
    path: str
    subject: str | None
    body: str
    headers: dict[str, str] = field(default_factory=dict)
    body_line: int = 1  # file line of the body's first line (1 for .eml bodies)
    header_lines: dict[str, int] = field(default_factory=dict)

    @property
    def recipients(self) -> list[str]:
        found = []
        for name in ("to", "cc", "do", "dw"):
            value = self.headers.get(name, "")
            found += re.findall(r"[^\s<>,;\"']+@[^\s<>,;\"']+", value)
        return found

    def as_text(self) -> str:
        """The message as ``komunikat render`` prints it: headers, blank line, body."""
        head = f"Subject: {self.subject}\n\n" if self.subject else ""
        return head + self.body


def parse_text(text: str, path: str) -> ParsedMessage:
    lines = text.split("\n")
    headers: dict[str, str] = {}
    header_lines: dict[str, int] = {}
    i = 0
    last = None
    while i < len(lines):
        line = lines[i]
        if line == "":
            break
        if last and line[:1] in (" ", "\t"):
            headers[last] += " " + line.strip()
            i += 1
            continue
        match = HEADER.match(line)
        if not match or match.group("name").lower() not in KNOWN_HEADERS:
            break
        last = match.group("name").lower()
        headers[last] = match.group("value").strip()
        header_lines[last] = i + 1
        i += 1
    if headers and i < len(lines) and lines[i] == "":
        body_start = i + 1
    else:
        headers, header_lines, body_start = {}, {}, 0
    subject = headers.get("subject", headers.get("temat"))
    if subject is not None and "subject" not in header_lines and "temat" in header_lines:
        header_lines["subject"] = header_lines["temat"]
    body = "\n".join(lines[body_start:])
    return ParsedMessage(path, subject, body, headers, body_start + 1, header_lines)


def parse_eml(raw: bytes, path: str) -> ParsedMessage:
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as exc:  # the email package raises many kinds on broken input
        raise InputError(path, 0, 0, f"nie można odczytać pliku .eml: {exc}") from None
    assert isinstance(msg, EmailMessage)
    if not msg.keys():
        raise InputError(
            path,
            1,
            1,
            "plik .eml nie ma nagłówków poczty (Subject:, From:, Content-Type:) — to zwykły "
            "tekst; zmień rozszerzenie na .txt albo zapisz wiadomość z programu pocztowego jako .eml",
        )
    part = msg.get_body(preferencelist=("plain",))
    if part is None:
        raise InputError(
            path,
            0,
            0,
            "plik .eml nie ma części text/plain; wyślij wiadomość także w formacie tekstowym",
        )
    header_lines, body_line = _eml_lines(raw)
    if msg.is_multipart():
        body_line = 1  # the text part's lines do not map onto the file's lines
    body = decode_body(part, path, raw, body_line)
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    headers = {k.lower(): " ".join(str(v).split()) for k, v in msg.items()}
    return ParsedMessage(path, headers.get("subject"), body, headers, body_line, header_lines)


def _eml_lines(raw: bytes) -> tuple[dict[str, int], int]:
    """File lines of each header and of the body's first line (1-based)."""
    lines = raw.decode("latin-1").replace("\r\n", "\n").split("\n")
    found: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if line == "":
            return found, number + 1
        match = HEADER.match(line)
        if match:
            found.setdefault(match.group("name").lower(), number)
    return found, 1


def parse_bytes(raw: bytes, path: str) -> ParsedMessage:
    if path.lower().endswith(".eml") or _looks_like_mime(raw):
        refuse_non_text(raw, path, "message")
        return parse_eml(raw, path)
    return parse_text(decode_utf8(raw, path), path)


def _looks_like_mime(raw: bytes) -> bool:
    head = raw[:4096].lower()
    return b"mime-version:" in head and b"content-type:" in head
