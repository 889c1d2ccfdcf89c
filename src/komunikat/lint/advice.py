"""What to do about a spelling or grammar finding, said to the one who reads it.

An editor linting a template can change the linter's data; an operator
checking a composed message (``komunikat check``, the composer) cannot and
should not: the advice for a message is to fix the text or leave a correct
name, and that an editor may teach the linter the word later.
"""

from __future__ import annotations

from .datafiles import ACCEPT_FILE, IGNORE_FILE

#: ``Document.origin`` of a template rendered with its samples (the editor's lint).
TEMPLATE = "template"

#: The fix of a finding, per kind: for the editor of a template, for the operator of a message.
FIXES: dict[str, tuple[str, str]] = {
    "unknown-word": (
        f"popraw pisownię, a poprawną nazwę dopisz do {ACCEPT_FILE}",
        "popraw pisownię albo, jeśli to poprawna nazwa własna, zostaw — "
        "redaktor może dodać słowo do słownika projektu",
    ),
    "language-error": (
        f"fałszywy alarm opisz w {IGNORE_FILE}",
        "popraw albo, jeśli to fałszywy alarm, zostaw — redaktor może wyłączyć tę regułę "
        "dla takich tekstów",
    ),
}


def fix(kind: str, origin: str) -> str:
    """How to fix a finding of ``kind`` in a document of ``origin`` (template or message)."""
    editor, operator = FIXES[kind]
    return editor if origin == TEMPLATE else operator
