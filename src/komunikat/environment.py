"""The one Jinja environment used by the CLI, the site, the composer and the tests.

Sandboxed and immutable (templates cannot reach Python internals or change
data), ``StrictUndefined`` (a missing value is an error, never an empty
string), no ``|safe`` or ``|default`` (nothing bypasses escaping and nothing
is silently filled), autoescape only for HTML output, ``\\n`` newlines.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from jinja2 import BaseLoader, DictLoader, StrictUndefined, TemplateNotFound, select_autoescape
from jinja2.sandbox import ImmutableSandboxedEnvironment

FRONT_MATTER_FENCE = "---"
REMOVED_FILTERS = ("safe", "default", "d")


def jinja_source(file_text: str) -> str:
    """A template file's text as Jinja sees it: front matter turned into a comment.

    The comment keeps the same number of lines, so Jinja's line numbers are
    the file's line numbers.
    """
    lines = file_text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return file_text
    for end in range(1, len(lines)):
        if lines[end].strip() == FRONT_MATTER_FENCE:
            hidden = "\n" * end
            return "{#" + hidden + "#}\n" + "\n".join(lines[end + 1 :])
    return file_text


class TemplateDirLoader(BaseLoader):
    """Loads ``templates/`` files by name; names may not leave the directory."""

    def __init__(self, read: Callable[[str], str | None]) -> None:
        self._read = read

    def get_source(self, environment: object, template: str) -> tuple[str, str, Callable[[], bool]]:
        if template.startswith("/") or ".." in template.split("/"):
            raise TemplateNotFound(template)
        text = self._read(template)
        if text is None:
            raise TemplateNotFound(template)
        return jinja_source(text), template, lambda: False


def make_environment(
    loader: BaseLoader | Mapping[str, str], *, globals_: Mapping[str, object] | None = None
) -> ImmutableSandboxedEnvironment:
    if isinstance(loader, Mapping):
        loader = DictLoader({name: jinja_source(text) for name, text in loader.items()})
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=select_autoescape(
            enabled_extensions=("html", "htm"), default_for_string=False, default=False
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        newline_sequence="\n",
        auto_reload=False,
    )
    for name in REMOVED_FILTERS:
        env.filters.pop(name, None)
    if globals_:
        env.globals.update(globals_)
    return env
