"""The one Jinja environment used by the CLI, the site, the composer and the tests.

Sandboxed and immutable (templates cannot reach Python internals or change
data), ``StrictUndefined`` (a missing value is an error, never an empty
string), no ``|safe`` or ``|default`` (nothing bypasses escaping and nothing
is silently filled), autoescape only for HTML output, ``\\n`` newlines.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import (
    BaseLoader,
    DictLoader,
    StrictUndefined,
    Template,
    TemplateNotFound,
    select_autoescape,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .values import VALUE_TYPES

FRONT_MATTER_FENCE = "---"
REMOVED_FILTERS = ("safe", "default", "d")
_DICT_ATTRIBUTES = frozenset(dir(dict))


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


class MessageEnvironment(ImmutableSandboxedEnvironment):
    """The sandboxed environment, plus memos of compiled templates.

    Subjects are one-line templates kept in the front matter; compiling one
    costs more than rendering it, so each source is compiled once. Files are
    looked up once too: ``auto_reload`` is off, a changed template means a new
    catalogue and a new environment.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._strings: dict[str, Template] = {}
        self._files: dict[str, Template] = {}

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``a.b`` on data dicts and komunikat's values, with the sandbox's result, faster.

        Jinja tries the attribute first and falls back to the item; a name that
        is no attribute of ``dict`` can only be the item, which the sandbox
        returns unchecked either way. The frozen value types hold no mutable
        built-ins and no format methods, so for a name without a leading "_"
        the sandbox's checks (internal attribute, known mutable, str.format)
        cannot refuse. Everything else takes the sandbox's path.
        """
        kind = type(obj)
        if kind is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        elif kind in VALUE_TYPES and not attribute.startswith("_"):
            # komunikat's own frozen values (times, services, operators): a public
            # attribute is what the sandbox's checks would allow too, without them
            try:
                return getattr(obj, attribute)
            except AttributeError:
                pass
        return super().getattr(obj, attribute)

    def file_template(self, name: str) -> Template:
        """``get_template`` without its per-call cache bookkeeping (templates never reload)."""
        template = self._files.get(name)
        if template is None:
            template = self._files[name] = self.get_template(name)
        return template

    def string_template(self, source: str) -> Template:
        template = self._strings.get(source)
        if template is None:
            template = self._strings[source] = self.from_string(source)
        return template


def make_environment(
    loader: BaseLoader | Mapping[str, str], *, globals_: Mapping[str, object] | None = None
) -> MessageEnvironment:
    if isinstance(loader, Mapping):
        loader = DictLoader({name: jinja_source(text) for name, text in loader.items()})
    env = MessageEnvironment(
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
