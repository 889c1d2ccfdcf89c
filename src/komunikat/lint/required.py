"""Engines that had to run: the ones ``komunikat.yml`` requires, and every one in CI.

On an editor's machine without Java the engine summary says that LanguageTool
did not run, and that is all. In CI (``CI=true``) a check that silently lost an
engine would let a grammar error through, so there an engine that did not run
fails ``komunikat lint``; ``engines: {required: [...]}`` in ``komunikat.yml``
makes the same true everywhere, for ``lint`` and ``check``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .config import CONFIG_NAME, required_engines


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def engines_not_run(
    engines: Mapping[str, Mapping[str, Mapping[str, Any]]], root: Path, ci: bool
) -> list[str]:
    """One line per required engine and language that did not run."""
    required = required_engines(root)
    lines = []
    for name, langs in engines.items():
        for lang, entry in langs.items():
            if entry.get("status") == "ok":
                continue
            detail = entry.get("detail", "")
            if name in required:
                lines.append(
                    f"{CONFIG_NAME}:1:1: silnik {name} [{lang}] jest wymagany "
                    f"(engines.required), a nie zadziałał: {detail}"
                )
            elif ci:
                lines.append(
                    f"CI: silnik {name} [{lang}] nie zadziałał, a w CI każdy silnik musi "
                    f"działać: {detail}"
                )
    return lines
