"""The template lint of a site build, run in a process of its own.

The lint takes longer than the rest of a build, and it only reads files, so
``hooks/lint_gate.py`` starts it in a child process when the build starts and
collects its errors when the pages are written: the two run side by side on
two cores instead of one after the other.

:func:`begin` and :func:`finish` are what the hook calls; the result is kept
(in this module, which outlives the hook modules MkDocs reloads on every
``mkdocs serve`` rebuild) until a file under templates/ or data/, a page
under docs/ (the rule docs-fact reads them) or ``komunikat.yml`` changes.

The child prints one JSON line: ``{"errors": [...]}`` (each error-level finding
as ``path:line:column: ...``) or ``{"fatal": "..."}`` when ``komunikat.yml`` or
the data cannot be read at all. Its standard error is the build's own, so a
crash shows its traceback where the build log is.

    python -m komunikat.site.lint_worker <project root>
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .state import Fingerprint, fingerprint


class LintFailed(Exception):
    """The lint could not run (unreadable configuration or data, or a crash)."""


@dataclass
class LintRun:
    """A lint running in a child process; :meth:`errors` waits for it."""

    process: subprocess.Popen[bytes]

    def errors(self) -> list[str]:
        """The error lines; raises :class:`LintFailed` when the lint did not run."""
        out, _ = self.process.communicate()
        if self.process.returncode != 0:
            raise LintFailed(
                f"komunikat lint: proces lintowania zakończył się kodem {self.process.returncode}"
            )
        return _parse(out.decode("utf-8"))

    def cancel(self) -> None:
        """Stop the child (the build failed before its result was needed)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()


_done: dict[Path, tuple[Fingerprint, list[str]]] = {}
_running: dict[Path, tuple[Fingerprint, LintRun]] = {}


def begin(root: Path) -> None:
    """Start linting ``root`` unless nothing changed since the last lint."""
    cancel(root)
    stamp = fingerprint(root, root / "komunikat.yml", *root.glob("docs/**/*.md"))
    done = _done.get(root)
    if not (done and done[0] == stamp):
        _running[root] = (stamp, start(root))


def finish(root: Path) -> list[str]:
    """The error lines of the lint :func:`begin` started (or of the last one)."""
    if root not in _running:
        if root not in _done:
            begin(root)
            return finish(root)
        return _done[root][1]
    stamp, run = _running.pop(root)
    errors = run.errors()
    _done[root] = (stamp, errors)
    return errors


def cancel(root: Path | None = None) -> None:
    """Stop the lint of ``root`` (of every project when None), e.g. when the build failed."""
    for key in [root] if root is not None else list(_running):
        running = _running.pop(key, None)
        if running is not None:
            running[1].cancel()


def start(root: Path) -> LintRun:
    """Start linting the templates and data of ``root``."""
    argv = [sys.executable, "-m", "komunikat.site.lint_worker", str(root)]
    return LintRun(subprocess.Popen(argv, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL))


def _parse(out: str) -> list[str]:
    lines = out.strip().splitlines()
    if not lines:
        raise LintFailed("komunikat lint: proces lintowania nie zwrócił wyniku")
    result = json.loads(lines[-1])
    if "fatal" in result:
        raise LintFailed(result["fatal"])
    return list(result["errors"])


def lint_errors(root: Path) -> dict[str, object]:
    """What the child prints: the error lines, or the one reason the lint could not run."""
    from ..lint.config import load_config
    from ..lint.runner import lint_templates
    from ..problems import InputError, InputErrors, Severity

    try:
        report = lint_templates(root, load_config(root))
    except InputErrors as exc:
        return {"fatal": "\n".join(str(e) for e in exc.errors)}
    except InputError as exc:
        return {"fatal": str(exc)}
    return {"errors": [p.format() for p in report.findings if p.severity == Severity.ERROR]}


def main(argv: list[str]) -> int:
    result = lint_errors(Path(argv[0]))
    try:
        print(json.dumps(result), flush=True)  # ASCII: whatever the locale
    except BrokenPipeError:  # the build ended before it asked (a page failed): nobody to tell
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
