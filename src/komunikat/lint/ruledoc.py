"""A rule's documentation, read from its module docstring.

The docstring is the one source of a rule's examples: the site's rule
reference shows them and the tests run them. An example is an indented block
after a line ``PASS::`` or ``FAIL::``; a character that cannot be seen is
written ``<U+200B>`` and stands for itself when the example runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType

_CODE_POINT = re.compile(r"<U\+([0-9A-F]{4,6})>")


@dataclass(frozen=True)
class Example:
    label: str  # PASS | FAIL
    shown: str  # as the docstring writes it

    @property
    def text(self) -> str:
        """The text the rule is run on: ``<U+XXXX>`` replaced by the character."""
        return _CODE_POINT.sub(lambda m: chr(int(m.group(1), 16)), self.shown)


@dataclass(frozen=True)
class RuleDoc:
    summary: str
    description: str
    examples: tuple[Example, ...]

    def texts(self, label: str) -> list[str]:
        """The runnable PASS (or FAIL) examples."""
        return [e.text for e in self.examples if e.label == label]


def rule_doc(rule: ModuleType) -> RuleDoc:
    """Summary line, description and examples of a rule module."""
    doc = (rule.__doc__ or "").strip()
    head, _, rest = doc.partition("\n")
    summary = head.split(":", 1)[1].strip() if ":" in head else head
    blocks = re.split(r"^(PASS|FAIL)::\s*$", rest, flags=re.MULTILINE)
    examples = []
    for label, body in zip(blocks[1::2], blocks[2::2], strict=False):
        lines = body.split("\n")
        text = "\n".join(line[4:] if line.startswith("    ") else line for line in lines)
        examples.append(Example(label, text.strip("\n")))
    return RuleDoc(summary, blocks[0].strip(), tuple(examples))
