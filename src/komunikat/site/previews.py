"""Live previews of templates: rendered from their samples at every site build.

The template pages and the procedure pages (the ``preview`` macro) show the
same blocks: the message as ``komunikat render <id> --sample`` gives it,
subject and body, one tab per language a single-language template has (a
bilingual notice is one message, one tab).
"""

from __future__ import annotations

from ..catalog import Catalog
from ..render import Message, RenderError, TemplateFault
from ..spec import TemplateSpec
from .markdown import fence, inline

LANG_NAMES = {"pl": "polski", "en": "angielski"}


def sample(catalog: Catalog, spec: TemplateSpec, lang: str | None) -> Message | str:
    """The template rendered with its samples, or why it cannot be (in Polish)."""
    try:
        return catalog.render_sample(spec, lang=lang)
    except (RenderError, TemplateFault) as exc:
        return f"Nie można wygenerować podglądu: {exc}"


def block(result: Message | str, indent: int) -> str:
    if isinstance(result, str):
        return " " * indent + "!!! failure\n" + " " * (indent + 4) + inline(result)
    return fence(result.as_text(), "text", indent)


def tabs(catalog: Catalog, spec: TemplateSpec, indent: int = 0) -> list[str]:
    """The preview's tabs: „Angielski i polski” for a bilingual notice, else one per language."""
    pad = " " * indent
    if spec.layout == "bilingual":
        names = " i ".join(LANG_NAMES[lang] for lang in spec.languages).capitalize()
        return [f'{pad}=== "{names}"', "", block(sample(catalog, spec, None), indent + 4), ""]
    parts = []
    for lang in spec.languages:
        parts += [
            f'{pad}=== "{LANG_NAMES[lang].capitalize()}"',
            "",
            block(sample(catalog, spec, lang), indent + 4),
            "",
        ]
    return parts
