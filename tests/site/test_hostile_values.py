"""Every value from data/ and front matter reaches the built page as text, never as markup.

Each payload is appended to every free-text field of the real data and of every
template's front matter; every generated page is then rendered with the site's
own Markdown extensions (read from mkdocs.yml) and its HTML inspected.
"""

from __future__ import annotations

import dataclasses
import typing
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import annotated_types
import markdown
import pytest
from pydantic import BaseModel

from komunikat.catalog import Catalog, load_catalog
from komunikat.site import rules_page
from komunikat.site.generated import generated_pages

ROOT = Path(__file__).resolve().parents[2]

PAYLOADS = {
    "script tag": "<script>alert(1)</script>",
    "attribute break-out": '"><img src=x onerror=alert(1)>',
    "attribute list": 'Evil {: onclick="alert(1)" }',
    "attribute list without colon": "Evil { onmouseover=alert(1) }",
    "javascript link": "[kliknij](javascript:alert(1))",
    "autolink": "<javascript:alert(1)>",
    "image": "![x](x onerror=alert(1))",
    "reference link": "[x]\n\n[x]: javascript:alert(1)",
    "raw html block": "\n\n<div onclick=alert(1)>x</div>\n\n",
}

# Keys the pages look up in tables (ids, codes, enumerations): they are
# validated against a pattern or a fixed list, so hostile text never gets there.
_LOOKUP = {
    "id",
    "code",
    "slug",
    "kind",
    "role",
    "channel",
    "days",
    "level",
    "after",
    "min",
    "max",
    "services",
    "scopes",
    "languages",
    "expect",
    "operators",
    "cc_on",
}


def _hostile(value: str, payload: str) -> str:
    return f"{value} {payload}"


def _is_text(annotation: Any, metadata: list[Any]) -> bool:
    """Plain text: ``str`` with at most a minimum length (no pattern, no validator)."""
    if not all(isinstance(m, annotated_types.MinLen) for m in metadata):
        return False
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _is_text(base, extra)
    if annotation is str:
        return True
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    return typing.get_origin(annotation) is not list and bool(args) and all(
        _is_text(a, []) for a in args
    )


def _poison_model(model: BaseModel, payload: str) -> None:
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            _poison_model(value, payload)
        elif isinstance(value, list):
            (item_type,) = typing.get_args(info.annotation) or (None,)
            if value and name not in _LOOKUP and _is_text(item_type, []):
                object.__setattr__(model, name, [_hostile(v, payload) for v in value])
            for item in value:
                if isinstance(item, BaseModel):
                    _poison_model(item, payload)
        elif isinstance(value, dict):
            for item in value.values():
                if isinstance(item, BaseModel):
                    _poison_model(item, payload)
        elif (
            isinstance(value, str)
            and value
            and name not in _LOOKUP
            and _is_text(info.annotation, info.metadata)
        ):
            object.__setattr__(model, name, _hostile(value, payload))


def _poisoned_catalog(payload: str) -> Catalog:
    catalog = load_catalog(ROOT)
    data = catalog.data
    for model in (data.contacts, data.services, data.operators, data.suppliers):
        _poison_model(model, payload)
    for template_id, spec in list(catalog.templates.items()):
        variables = tuple(
            dataclasses.replace(
                var,
                label=_hostile(var.label, payload),
                help=_hostile(var.help, payload) if var.help else "",
                sample=_hostile(var.sample, payload)
                if var.type == "text" and isinstance(var.sample, str)
                else var.sample,
            )
            for var in spec.variables
        )
        catalog.templates[template_id] = dataclasses.replace(
            spec,
            title=_hostile(spec.title, payload),
            title_en=_hostile(spec.title_en, payload) if spec.title_en else None,
            when=_hostile(spec.when, payload),
            subject={lang: _hostile(source, payload) for lang, source in spec.subject.items()},
            variables=variables,
        )
    return catalog


def _pages(catalog: Catalog) -> dict[str, str]:
    """Every page the site build makes from data and front matter, as it hands it to MkDocs."""
    return {p.path: p.content for p in generated_pages(catalog) if p.path != rules_page.PATH}


@pytest.fixture(scope="module")
def site_markdown() -> markdown.Markdown:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
    )


class _Markup(HTMLParser):
    """Every tag, attribute and link of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_hostile_text_in_data_and_front_matter_reaches_every_page_as_text(
    site_markdown: markdown.Markdown, payload: str
) -> None:
    clean_tags = {
        path: set(_parse(site_markdown, page).tags) for path, page in _pages(_clean()).items()
    }
    for path, page in _pages(_poisoned_catalog(payload)).items():
        found = _parse(site_markdown, page)
        handlers = [(t, n, v) for t, n, v in found.attributes if n.lower().startswith("on")]
        assert handlers == [], f"{path}: {handlers}"
        scripts = [
            (t, n, v)
            for t, n, v in found.attributes
            if n in ("href", "src") and v.strip().lower().startswith("javascript:")
        ]
        assert scripts == [], f"{path}: {scripts}"
        new_tags = set(found.tags) - clean_tags[path] - {"abbr", "br"}  # br: a line break kept
        assert new_tags == set(), f"{path}: {new_tags}"
        assert "alert(1)" in "".join(found.text), f"{path}: the payload is not shown as text"


def _clean() -> Catalog:
    return load_catalog(ROOT)


def _parse(md: markdown.Markdown, page: str) -> _Markup:
    md.reset()
    parser = _Markup()
    parser.feed(md.convert(page))
    return parser
