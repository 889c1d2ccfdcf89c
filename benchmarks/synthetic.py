"""Synthetic project trees with N templates, made from the real ones.

The real templates are copied in rounds: round 0 is the originals, round k
renames every template ``<id>-k<k>`` (file name and ``id:``) and points its
``quotes:`` at the copies of the same round. A set of N templates takes the
first N of that sequence, in an order where a quoted template always comes
before the one quoting it. Everything else (data, lint config, docs, hooks)
is the project's own, so linting or building the tree does the same work per
template as on the real project.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .harness import ROOT

_QUOTES = re.compile(r"^quotes:\s*\[(?P<ids>[^\]]*)\]\s*$", re.MULTILINE)
_ID = re.compile(r"^id:\s*(?P<id>\S+)\s*$", re.MULTILINE)


def real_templates() -> list[Path]:
    """The real templates, each after the templates it quotes."""
    paths = sorted((ROOT / "templates").glob("*.j2"))
    quoted_by: dict[str, list[str]] = {}
    for path in paths:
        match = _QUOTES.search(path.read_text(encoding="utf-8"))
        ids = [s.strip() for s in match["ids"].split(",")] if match else []
        quoted_by[path.stem] = [i for i in ids if i]
    ordered: list[Path] = []
    done: set[str] = set()

    def visit(stem: str) -> None:
        if stem in done:
            return
        done.add(stem)
        for quoted in quoted_by.get(stem, []):
            visit(quoted)
        ordered.append(ROOT / "templates" / f"{stem}.j2")

    for path in paths:
        visit(path.stem)
    return ordered


def _renamed(text: str, round_no: int) -> str:
    if round_no == 0:
        return text
    suffix = f"-k{round_no}"
    text = _ID.sub(lambda m: f"id: {m['id']}{suffix}", text, count=1)

    def quotes(m: re.Match[str]) -> str:
        ids = [s.strip() for s in m["ids"].split(",") if s.strip()]
        return "quotes: [" + ", ".join(i + suffix for i in ids) + "]"

    return _QUOTES.sub(quotes, text, count=1)


def write_templates(target: Path, count: int) -> list[str]:
    """Write ``count`` templates (and the partials) into ``target/templates``."""
    sources = real_templates()
    out = target / "templates"
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "templates" / "partials", out / "partials")
    ids = []
    for n in range(count):
        round_no, index = divmod(n, len(sources))
        source = sources[index]
        stem = source.stem if round_no == 0 else f"{source.stem}-k{round_no}"
        text = _renamed(source.read_text(encoding="utf-8"), round_no)
        (out / f"{stem}.j2").write_text(text, encoding="utf-8")
        ids.append(stem)
    return ids


def lint_tree(target: Path, count: int) -> Path:
    """A tree ``komunikat lint`` can run in: data, lint config and ``count`` templates."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "data", target / "data", dirs_exist_ok=True)
    shutil.copy2(ROOT / "komunikat.yml", target / "komunikat.yml")
    write_templates(target, count)
    return target


def site_tree(target: Path, count: int) -> Path:
    """A tree ``mkdocs build`` can run in: the whole site with ``count`` templates."""
    lint_tree(target, count)
    for name in ("docs", "hooks"):
        shutil.copytree(ROOT / name, target / name, dirs_exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    modules = target / "node_modules"
    if not modules.exists():
        modules.symlink_to(ROOT / "node_modules")
    for name in ("package.json", "package-lock.json"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, target / name)
    return target
