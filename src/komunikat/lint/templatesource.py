"""Reading a template's Jinja source: names used per language part, includes, filters."""

from __future__ import annotations

from pathlib import Path

from jinja2 import nodes

from .. import environment
from ..spec import TemplateSpec
from ..templatefile import read_template, split

GLOBALS = frozenset({"contacts", "operators", "services", "suppliers", "lang", "loop"})
SEPARATOR = "\n-----\n"


def parse(text: str) -> nodes.Template:
    """The tree of a template file's text, parsed once (by the shared environment)."""
    return environment.parse(split(text).jinja_source)


def _names(node: nodes.Node) -> list[nodes.Name]:
    return [n for n in node.find_all(nodes.Name) if n.ctx == "load"]


def _assigned(node: nodes.Node) -> set[str]:
    return {n.name for n in node.find_all(nodes.Name) if n.ctx in ("store", "param")}


def _includes(tree: nodes.Template) -> list[str]:
    return [
        inc.template.value
        for inc in tree.find_all(nodes.Include)
        if isinstance(inc.template, nodes.Const) and isinstance(inc.template.value, str)
    ]


def _lang_test(test: nodes.Node) -> str | None:
    """'pl' for a test like ``lang == "pl"``."""
    if (
        isinstance(test, nodes.Compare)
        and isinstance(test.expr, nodes.Name)
        and test.expr.name == "lang"
        and len(test.ops) == 1
        and test.ops[0].op == "eq"
        and isinstance(test.ops[0].expr, nodes.Const)
    ):
        return str(test.ops[0].expr.value)
    return None


def used_names_by_language(
    spec: TemplateSpec, text: str, root: Path
) -> tuple[dict[str, set[str]], dict[str, tuple[int, int]]]:
    """Names each language part uses (following static includes), and where each is first used."""
    tree = parse(text)
    lines = text.split("\n")
    first_use: dict[str, tuple[int, int]] = {}
    for name in _names(tree):
        if name.name not in first_use:
            source_line = lines[name.lineno - 1] if name.lineno <= len(lines) else ""
            column = source_line.find(name.name) + 1 or 1
            first_use[name.name] = (name.lineno, column)
    assigned = _assigned(tree)
    shared = set()
    for include in _includes(tree):
        path = root / "templates" / include
        if path.is_file():
            partial = parse(read_template(path, f"templates/{include}").text)
            shared |= {n.name for n in _names(partial)} - _assigned(partial)
    sections: dict[str, set[str]] = {}
    if spec.layout == "single" and len(spec.languages) > 1:
        for node in tree.body:
            if isinstance(node, nodes.If):
                branches = [(node.test, node.body), *[(e.test, e.body) for e in node.elif_]]
                for test, body in branches:
                    lang = _lang_test(test)
                    if lang:
                        found: set[str] = set()
                        for child in body:
                            found |= {n.name for n in _names(child)}
                        sections[lang] = found
    elif spec.layout == "bilingual":
        current = 0
        parts: list[set[str]] = [set(), set()]
        for node in tree.body:
            if isinstance(node, nodes.Output):
                for child in node.nodes:
                    if isinstance(child, nodes.TemplateData) and SEPARATOR in child.data:
                        current = 1
                    parts[current] |= {n.name for n in _names(child)}
            else:
                parts[current] |= {n.name for n in _names(node)}
        sections = dict(zip(spec.languages, parts, strict=True))
    if not sections:
        sections = {spec.languages[0]: {n.name for n in _names(tree)}}
    everywhere = {n.name for n in _names(tree)} - set().union(*sections.values())
    for lang in sections:
        sections[lang] = (sections[lang] | everywhere | shared) - assigned
    return sections, first_use
