"""The text of a ``.eml`` part, decoded only when its charset and transfer encoding hold.

``EmailMessage.get_content()`` never fails: a charset that does not match
the bytes gives mojibake, broken base64 whatever bytes survive — and the
spelling rule then reports dozens of "misspelt" words. Here each such file is
one line naming where the problem starts and how to fix it.
"""

from __future__ import annotations

import codecs
import re
from email.errors import (
    InvalidBase64CharactersDefect,
    InvalidBase64LengthDefect,
    InvalidBase64PaddingDefect,
)
from email.message import EmailMessage

from .encoding import guess_legacy_encoding
from .problems import InputError

BASE64_LINE = re.compile(r"[A-Za-z0-9+/=]*")
C1_CONTROL = re.compile("[\x80-\x9f]")
LINE_FOR_LINE = {"7bit", "8bit", "binary"}  # encodings whose lines are the file's lines
# the legacy Polish codecs guess_legacy_encoding tells apart, by its labels
LEGACY = {"Windows-1250": "cp1250", "ISO-8859-2": "iso8859-2"}
RESAVE = "zapisz wiadomość z programu pocztowego ponownie jako .eml"


class _Where:
    """Turns a position in a part's decoded text into ``path:line:column``."""

    def __init__(self, path: str, part: EmailMessage, raw: bytes, body_line: int) -> None:
        self.path = path
        self.cte = str(part.get("content-transfer-encoding", "7bit")).strip().lower()
        self.start = _payload_line(part, raw, body_line)

    def error(self, payload: bytes, offset: int, message: str) -> InputError:
        text = payload[:offset].decode("utf-8", "replace")
        index = text.count("\n")
        column = len(text) - (text.rfind("\n") + 1) + 1
        if self.cte in LINE_FOR_LINE:
            return InputError(self.path, self.start + index, column, message)
        where = f" (od {index + 1}. wiersza treści po zdekodowaniu {self.cte})"
        return InputError(self.path, self.start, 1, message + where)


def _payload_line(part: EmailMessage, raw: bytes, fallback: int) -> int:
    """File line of the part's first encoded line (its place inside a multipart file)."""
    encoded = part.get_payload()
    if not isinstance(encoded, str):
        return fallback
    first = next((line.strip() for line in encoded.split("\n") if line.strip()), "")
    if not first.isascii():
        return fallback
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if number >= fallback and line.strip() == first.encode():
            return number
    return fallback


def decode_body(part: EmailMessage, path: str, raw: bytes, body_line: int) -> str:
    where = _Where(path, part, raw, body_line)
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raise InputError(
            path, body_line, 1, "część text/plain pliku .eml jest pusta lub uszkodzona"
        )
    if where.cte == "base64":
        _check_base64(part, where)
    if payload.isascii():
        return payload.decode("ascii")
    first_8bit = next(i for i, b in enumerate(payload) if b > 0x7F)
    declared = part.get_content_charset()
    is_utf8 = _is_utf8(payload)
    if declared is None or declared in ("us-ascii", "ascii"):
        looks = "UTF-8" if is_utf8 else _guess(payload)
        said = f"wygląda na {looks}" if looks else "kodowanie nie daje się rozpoznać"
        charset = looks.lower() if looks else "…"
        raise where.error(
            payload,
            first_8bit,
            f"plik .eml nie podaje kodowania treści (charset), a treść ma znaki spoza ASCII — "
            f"{said}; dopisz w nagłówku „Content-Type: text/plain; charset={charset}” "
            f"albo {RESAVE}",
        )
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        raise InputError(
            path,
            0,
            0,
            f"nieznane kodowanie „{declared}” w nagłówku Content-Type; popraw charset "
            f"(zwykle utf-8) albo {RESAVE}",
        ) from None
    if codec == "utf-8":
        if not is_utf8:
            return _not_utf8(payload, where)
        return payload.decode("utf-8")
    if is_utf8:
        raise where.error(
            payload,
            first_8bit,
            f"nagłówek Content-Type podaje charset={declared}, ale treść jest w UTF-8; "
            f"zmień charset w nagłówku na utf-8 albo {RESAVE}",
        )
    return _legacy(payload, declared, codec, where)


def _guess(payload: bytes) -> str | None:
    """The legacy encoding the bytes read best in; None where charset_normalizer is absent.

    The composer reads quoted .eml files in the browser (Pyodide), which ships
    without charset_normalizer: there the hint is left out, the refusal stays.
    """
    try:
        return guess_legacy_encoding(payload)
    except ImportError:
        return None


def _is_utf8(payload: bytes) -> bool:
    try:
        payload.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _not_utf8(payload: bytes, where: _Where) -> str:
    try:
        payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = _guess(payload)
        looks = f" — wygląda na {guess}" if guess else ""
        fix = f"popraw charset w nagłówku na {guess.lower()}" if guess else "popraw charset"
        raise where.error(
            payload,
            exc.start,
            f"nagłówek Content-Type podaje charset=utf-8, ale treść nie jest w UTF-8{looks}; "
            f"{fix} albo {RESAVE}",
        ) from None
    raise AssertionError("valid UTF-8")


def _legacy(payload: bytes, declared: str, codec: str, where: _Where) -> str:
    guess = _guess(payload)
    try:
        text = payload.decode(codec)
    except UnicodeDecodeError as exc:
        offset = exc.start
    else:
        control = C1_CONTROL.search(text)  # a C1 control is never text: the wrong table
        offsets = [control.start()] if control else []
        other = LEGACY.get(guess or "")
        if other and other != codec and codec in LEGACY.values():
            theirs = payload.decode(other)  # one byte, one character in both: offsets align
            pairs = enumerate(zip(text, theirs, strict=True))
            offsets += [next(i for i, (a, b) in pairs if a != b)] if text != theirs else []
        if not offsets:
            return text
        offset = min(offsets)
    looks = f" — wygląda na {guess}" if guess else ""
    fix = f"popraw charset w nagłówku na {guess.lower()}" if guess else "popraw charset"
    raise where.error(
        payload,
        offset,
        f"treść nie pasuje do kodowania {declared} z nagłówka Content-Type{looks}; "
        f"{fix} albo {RESAVE}",
    )


def _check_base64(part: EmailMessage, where: _Where) -> None:
    kinds = {type(d) for d in part.defects}
    if not kinds & {
        InvalidBase64CharactersDefect,
        InvalidBase64PaddingDefect,
        InvalidBase64LengthDefect,
    }:
        return
    encoded = str(part.get_payload()).split("\n")
    bad = [i for i, line in enumerate(encoded) if not BASE64_LINE.fullmatch(line.strip())]
    filled = [i for i, line in enumerate(encoded) if line.strip()]
    index = bad[0] if bad else (filled[-1] if filled else 0)
    what = "znaki spoza alfabetu base64" if bad else "niepełny ostatni blok"
    raise InputError(
        where.path,
        where.start + index,
        1,
        f"treść zakodowana w base64 jest uszkodzona ({what}); plik jest ucięty lub zmieniony — "
        f"{RESAVE}",
    )
