"""Files that are not UTF-8 text at all: UTF-16, binary data, a stray NUL byte.

Each is refused with what the file is and how to make it text, worded for
the kind of file (a checked message, a template, a data file): an editor who
saved a template from Notepad as "Unicode" gets the ``iconv`` line, not
"podaj wiadomość".
"""

from __future__ import annotations

from .problems import InputError

SAMPLE = 8192  # bytes judged for the share of control characters
# what each kind of file has to be, for the hint after "plik binarny, a nie tekst"
KINDS = {
    "message": "podaj wiadomość jako tekst (UTF-8) lub plik .eml",
    "template": "szablon (.j2) musi być zwykłym tekstem w UTF-8; sprawdź, czy to właściwy plik",
    "data": "plik danych (.yml) musi być zwykłym tekstem w UTF-8; sprawdź, czy to właściwy plik",
}


def kind_of(name: str) -> str:
    if name.endswith((".j2", ".jinja")):
        return "template"
    if name.endswith((".yml", ".yaml")):
        return "data"
    return "message"


def utf16_order(raw: bytes) -> str | None:
    """'LE'/'BE' (and whether a BOM says so) for UTF-16 text, else None."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "BOM"
    pairs = raw[: SAMPLE - SAMPLE % 2]
    if len(pairs) < 4:
        return None
    even, odd = pairs[0::2], pairs[1::2]
    # ASCII and Polish letters in UTF-16 have a zero high byte in most code units
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        order = "LE"
    elif even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        order = "BE"
    else:
        return None
    try:
        pairs.decode(f"utf-16-{order.lower()}")
    except UnicodeDecodeError:
        return None  # zeros in a regular pattern, but not text: binary
    return order


def refuse_non_text(raw: bytes, name: str, kind: str = "message") -> None:
    """Raise an :class:`InputError` for UTF-16, binary data or a NUL byte anywhere in ``raw``."""
    order = utf16_order(raw)
    if order is not None:
        source = "UTF-16" if order == "BOM" else f"UTF-16{order}"
        raise InputError(
            name,
            0,
            0,
            f"plik jest zapisany w {source}, a nie w UTF-8; przekoduj go: "
            f"iconv -f {source} -t UTF-8 {name} > nowy-plik (albo zapisz go w edytorze jako UTF-8)",
        )
    sample = raw[:SAMPLE]
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in sample or (sample and control / len(sample) > 0.05):
        raise InputError(name, 0, 0, f"plik binarny, a nie tekst; {KINDS[kind]}")
    nul = raw.find(b"\x00")  # the whole input: one NUL deep in a text file is not text either
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        start = raw.rfind(b"\n", 0, nul) + 1
        column = len(raw[start:nul].decode("utf-8", "replace")) + 1  # characters, not bytes
        raise InputError(
            name,
            line,
            column,
            "bajt zerowy (NUL) w tekście — plik jest uszkodzony lub sklejony z danymi binarnymi; "
            "usuń ten znak",
        )
