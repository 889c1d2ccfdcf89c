"""Polish texts that depend on a number, and Polish for argparse, through gettext.

The catalogue is ``komunikat/locale/pl.po``. On the machine Babel compiles it
in memory; the composer's browser runtime has no Babel, so the site build
ships the compiled catalogue (:func:`compiled_catalogue`) as ``pl.mo`` beside
it, and that is read first. Either way :mod:`gettext` picks the plural form
with the catalogue's ``Plural-Forms`` rule (1 błąd, 2 błędy, 5 błędów).
"""

from __future__ import annotations

import argparse
import gettext
import io
from functools import cache
from importlib import resources

CATALOGUE = "locale/pl.po"
COMPILED = "locale/pl.mo"


def compiled_catalogue() -> bytes:
    """``pl.po`` compiled to the gettext binary format (needs Babel)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with resources.files(__package__).joinpath(CATALOGUE).open("rb") as source:
        catalogue = read_po(source, locale="pl")
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    return buffer.getvalue()


@cache
def translations() -> gettext.GNUTranslations:
    shipped = resources.files(__package__).joinpath(COMPILED)
    data = shipped.read_bytes() if shipped.is_file() else compiled_catalogue()
    return gettext.GNUTranslations(io.BytesIO(data))


def count(singular: str, plural: str, n: int) -> str:
    """``count("%(n)d error", "%(n)d errors", 5)`` → „5 błędów”."""
    return translations().ngettext(singular, plural, n) % {"n": n}


def polish_argparse() -> None:
    """Make argparse print its usage, help and errors in Polish.

    argparse looks its texts up through the names ``_`` and ``ngettext`` of its
    own module; pointing them at the catalogue translates every one of them.
    """
    catalogue = translations()
    argparse._ = catalogue.gettext  # type: ignore[attr-defined]
    argparse.ngettext = catalogue.ngettext  # type: ignore[attr-defined]
