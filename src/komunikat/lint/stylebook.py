"""The house style as data: Vale-like rule files under ``data/lint/style/``.

Each ``*.yml`` file holds one family of rules and names where its wording
came from (``source``). A rule is either an ``existence`` rule (``tokens``
that must not appear) or a ``substitution`` rule (a ``swap`` map from the
wrong form to the right one). Tokens and swap keys are regular expressions
matched as whole words, as in Vale; ``nonword: true`` turns the word edges
off. The files are validated with pydantic, so a broken one is reported as
``path:line:column: message``, and they are read once per process.

The wording lives in the data; this module only loads and matches it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from ..paths import relative
from ..problems import InputError, InputErrors, collecting
from ..schema.base import Strict, compiling, validate
from ..yamlsource import load_yaml

STYLE_DIR = Path("data") / "lint" / "style"

# Word edges: a token must not continue a word, an e-mail address, a hyphenated
# compound (``e-mail``) or an English possessive (``Operator's``).
WORD_BEFORE = r"(?<![\w@'’-])"
WORD_AFTER = r"(?![\w@'’-])"

Text = Annotated[str, Field(min_length=1)]


Pattern = Annotated[
    str,
    AfterValidator(
        compiling(
            "niepoprawne wyrażenie regularne „{pattern}”: {exc}; "
            "popraw je (znaki specjalne, np. . ? ( [, poprzedź ukośnikiem \\)"
        )
    ),
]


class Examples(Strict):
    """Lines the rule must flag (``fail``) and must leave alone (``pass``)."""

    fail: list[Text] = Field(min_length=1)
    pass_: list[Text] = Field(default_factory=list, alias="pass")


class StyleRuleSpec(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    type: Literal["existence", "substitution"]
    message: Text
    level: Literal["error", "warning", "info"]
    language: Literal["pl", "en", "any"] = "any"
    scope: Literal["body", "subject", "any"] = "body"
    kinds: list[Literal["maintenance", "outage", "reply", "report", "phone"]] = Field(
        default_factory=list
    )
    ignorecase: bool = False
    nonword: bool = False
    tokens: list[Pattern] = Field(default_factory=list)
    swap: dict[Pattern, Text] = Field(default_factory=dict)
    examples: Examples

    @model_validator(mode="after")
    def _matches_type(self) -> StyleRuleSpec:
        if self.type == "existence" and (not self.tokens or self.swap):
            raise ValueError(
                f"reguła „{self.id}” typu existence potrzebuje listy „tokens” (i nie ma „swap”)"
            )
        if self.type == "substitution" and (not self.swap or self.tokens):
            raise ValueError(
                f"reguła „{self.id}” typu substitution potrzebuje mapy „swap” (i nie ma „tokens”)"
            )
        allowed = 1 if self.type == "existence" else 2
        if self.message.count("%s") > allowed:
            raise ValueError(
                f"komunikat reguły „{self.id}” ma za dużo „%s” (najwyżej {allowed}: "
                "najpierw znaleziony tekst, potem zamiennik)"
            )
        return self


class StyleFile(Strict):
    source: Text
    rules: list[StyleRuleSpec] = Field(min_length=1)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    replacement: str | None


@dataclass(frozen=True)
class StyleRule:
    """A loaded rule: its spec, its compiled patterns and where it is defined."""

    id: str  # "<file stem>.<rule id>", e.g. "diacritics.panstwo"
    spec: StyleRuleSpec
    patterns: tuple[tuple[re.Pattern[str], str | None], ...]
    path: str
    line: int

    @property
    def level(self) -> str:
        return self.spec.level

    def hits(self, text: str) -> list[Hit]:
        """Non-overlapping matches in ``text``: the earliest first, the longest at one place."""
        found: list[Hit] = []
        for pattern, replacement in self.patterns:
            for match in pattern.finditer(text):
                if match.end() > match.start():
                    found.append(Hit(match.start(), match.end(), match.group(0), replacement))
        found.sort(key=lambda hit: (hit.start, -(hit.end - hit.start)))
        kept: list[Hit] = []
        for hit in found:
            if kept and hit.start < kept[-1].end:
                continue
            kept.append(self._cased(hit))
        return kept

    def _cased(self, hit: Hit) -> Hit:
        """Under ``ignorecase`` a capitalised word keeps its capital in the suggestion.

        An all-capital abbreviation ("ASAP") does not: its replacement is ordinary words.
        """
        repl = hit.replacement
        capitalised = hit.text[:1].isupper() and not (len(hit.text) > 1 and hit.text.isupper())
        if self.spec.ignorecase and repl and capitalised and repl[:1].islower():
            return Hit(hit.start, hit.end, hit.text, repl[:1].upper() + repl[1:])
        return hit

    def message(self, hit: Hit) -> str:
        values = [hit.text] + ([hit.replacement] if hit.replacement is not None else [])
        parts = self.spec.message.split("%s")
        out = parts[0]
        for index, rest in enumerate(parts[1:]):
            out += (values[index] if index < len(values) else "") + rest
        return out


@dataclass(frozen=True)
class Stylebook:
    rules: tuple[StyleRule, ...]
    files: tuple[str, ...]

    def ids(self) -> list[str]:
        return [rule.id for rule in self.rules]


def _compile(spec: StyleRuleSpec) -> tuple[tuple[re.Pattern[str], str | None], ...]:
    flags = re.IGNORECASE if spec.ignorecase else 0
    pairs: list[tuple[str, str | None]] = (
        [(token, None) for token in spec.tokens]
        if spec.type == "existence"
        else list(spec.swap.items())
    )
    compiled = []
    for source, replacement in pairs:
        wrapped = source if spec.nonword else f"{WORD_BEFORE}(?:{source}){WORD_AFTER}"
        compiled.append((re.compile(wrapped, flags), replacement))
    return tuple(compiled)


def load_style_file(path: Path, root: Path) -> list[StyleRule]:
    """One family of rules; errors are located in the file."""
    shown = relative(path, root)
    doc = load_yaml(path, shown)
    model = validate(StyleFile, doc)
    rules = []
    for index, spec in enumerate(model.rules):
        line, _ = doc.position(("rules", index))
        rules.append(StyleRule(f"{path.stem}.{spec.id}", spec, _compile(spec), shown, line))
    ids = [spec.id for spec in model.rules]
    errors = [
        doc.error(("rules", i, "id"), f"identyfikator „{rule_id}” powtarza się w tym pliku")
        for i, rule_id in enumerate(ids)
        if rule_id in ids[:i]
    ]
    if errors:
        raise InputErrors(errors)
    return rules


@cache
def _load(directory: Path, root: Path) -> Stylebook:
    if not directory.is_dir():
        raise InputError(
            relative(directory, root),
            0,
            0,
            "brak katalogu z regułami stylu; reguła „style” nie może sprawdzić tekstu — "
            "przywróć katalog albo wyłącz regułę w komunikat.yml",
        )
    paths = sorted(directory.glob("*.yml"))
    if not paths:
        raise InputError(
            relative(directory, root), 0, 0, "katalog reguł stylu nie zawiera plików *.yml"
        )
    rules: list[StyleRule] = []
    errors: list[InputError] = []
    for path in paths:
        with collecting(errors):
            rules += load_style_file(path, root)
    if errors:
        raise InputErrors(errors)
    return Stylebook(tuple(rules), tuple(relative(p, root) for p in paths))


def load_stylebook(root: Path, directory: Path | None = None) -> Stylebook:
    """Every style rule of the project, read once per process (per directory)."""
    target = directory if directory is not None else root / STYLE_DIR
    return _load(target.resolve(), root.resolve())
