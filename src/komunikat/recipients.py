"""Recipients typed by a person (``--to``/``--cc``, the composer's To and Cc fields).

Read with :func:`email.utils.getaddresses`, each address checked by
:class:`email.headerregistry.Address`: one reading for the CLI and the browser.
"""

from __future__ import annotations

from collections.abc import Iterable
from email.errors import HeaderParseError, InvalidHeaderDefect
from email.headerregistry import Address
from email.utils import formataddr, getaddresses


class AddressError(ValueError):
    """A recipient that is not an address; the message names the field and the fix."""


def parse_addresses(values: Iterable[str], field: str) -> list[str]:
    """The addresses in ``values`` (each may list several, comma-separated).

    A line break would add a header of its own (``Bcc:``), a word without "@"
    is silently dropped or mangled by lenient parsers: both are refused.
    ``field`` names where the value was typed (``--to``, „Do”).
    """
    found = []
    for value in values:
        if any(ord(c) < 32 or c == "\x7f" for c in value):
            raise AddressError(
                f"{field} „{value.encode('unicode_escape').decode()}”: znak sterujący "
                "(np. nowy wiersz) w adresie jest niedozwolony; podaj sam adres"
            )
        if not value.strip():
            continue
        for name, addr in getaddresses([value]):
            try:
                parsed = Address(addr_spec=addr)
                valid = "." in parsed.domain and bool(parsed.username)
            except (HeaderParseError, InvalidHeaderDefect, ValueError, IndexError):
                valid = False
            if not valid:
                raise AddressError(
                    f"{field} „{value}”: „{addr or value}” nie jest adresem e-mail; "
                    "podaj np. jan.kowalski@example.pl albo „Jan Kowalski <jan@example.pl>”"
                )
            found.append(formataddr((name, addr)) if name else addr)
    return found
