"""Decoding of files editors and operators hand us.

Polish text often arrives as Windows-1250 or ISO-8859-2; we never guess
silently: such input is refused with a message that names the encoding.
"""

from __future__ import annotations

from pathlib import Path

from .nontext import kind_of, refuse_non_text
from .problems import InputError, reading


def decode_utf8(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    refuse_non_text(raw, name, kind_of(name))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        guess = guess_legacy_encoding(raw)
        hint = f" — wygląda na {guess}" if guess else ""
        raise InputError(
            name, line, column, f"plik nie jest w UTF-8{hint}; zapisz go ponownie jako UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_utf8(path: Path, shown: str | None = None) -> str:
    """Read a UTF-8 file; anything else is an input error, never a traceback."""
    name = shown or str(path)
    with reading(name, directory="to jest katalog, a nie plik"):
        raw = path.read_bytes()
    return decode_utf8(raw, name)


_POLISH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"


def guess_legacy_encoding(raw: bytes) -> str | None:
    """Name the legacy encoding under which the bytes read best as Polish."""
    best: tuple[int, str] | None = None
    for codec, label in (("cp1250", "Windows-1250"), ("iso-8859-2", "ISO-8859-2")):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        score = sum(text.count(ch) for ch in _POLISH)
        if best is None or score > best[0]:
            best = (score, label)
    if best and best[0] > 0:
        return best[1]
    from charset_normalizer import from_bytes

    match = from_bytes(raw).best()
    return match.encoding if match else None
