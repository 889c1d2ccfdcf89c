"""Harper (harper-py): offline English grammar, always available when installed.

American English, like the en_US Hunspell dictionary the spelling rule uses.
Harper's own lint names (``SpellCheck``, ``SentenceCapitalization`` …) are the
rule ids that data/lint/grammar-ignore.yml refers to.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from . import EngineStatus, GrammarHit


class HarperChecker:
    name = "harper"
    lang = "en"

    MEMO_LIMIT = 8192

    def __init__(self, linter: Any, version: str) -> None:
        self._linter = linter
        self.version = version
        # the same text gets the same lints: a notice repeats its lines for every
        # operator it is rendered for, and a long run (the site's lint gate) sees
        # unchanged templates again
        self._memo: dict[str, tuple[GrammarHit, ...]] = {}
        self._skipped: frozenset[str] = frozenset()

    def skip_rules(self, rules: frozenset[str]) -> None:
        """Turn off rules whose every hit would be ignored anyway.

        Not running them is faster than dropping their hits: Harper's own
        SpellCheck, for one, builds its suggestion index (about a second) on
        the first unknown word of a process.
        """
        if rules == self._skipped:
            return
        config = self._linter.get_lint_config()
        for rule in self._skipped - rules:
            config[rule] = None  # back to Harper's default
        for rule in rules:
            if rule in config:
                config[rule] = False
        self._linter.set_lint_config(config)
        self._skipped = rules
        self._memo.clear()

    def check(self, text: str) -> list[GrammarHit]:
        found = self._memo.get(text)
        if found is None:
            if len(self._memo) >= self.MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[text] = tuple(self._lint(text))
        return list(found)

    def _lint(self, text: str) -> list[GrammarHit]:
        hits = []
        for rule, lints in self._linter.organized_lints(text, language="plaintext").items():
            for lint in lints:
                hits.append(
                    GrammarHit(
                        engine=self.name,
                        rule=rule,
                        start=lint.span.start,
                        end=lint.span.end,
                        message=lint.message,
                        suggestions=tuple(
                            s.replacement_text for s in lint.suggestions if s.replacement_text
                        )[:5],
                    )
                )
        return sorted(hits, key=lambda hit: (hit.start, hit.end, hit.rule))


@lru_cache(maxsize=1)
def load() -> tuple[HarperChecker | None, EngineStatus]:
    """The Harper checker and its status; the linter is built once per process."""
    try:
        import harper
    except ImportError as exc:
        detail = (
            f"brak biblioteki harper-py ({exc}) — zainstaluj pakiet Pythona harper-py; "
            "sprawdzanie gramatyki EN przez Harper nie zostało wykonane"
        )
        return None, EngineStatus("harper", "en", False, detail)
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("harper-py")
    except PackageNotFoundError:
        found = "?"
    linter = harper.Linter(harper.Dialect.AMERICAN)
    checker = HarperChecker(linter, found)
    detail = f"Harper {found} (offline), angielski amerykański"
    return checker, EngineStatus("harper", "en", True, detail)
