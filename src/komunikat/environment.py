"""The one Jinja environment used by the CLI, the site, the composer and the tests.

Sandboxed and immutable (templates cannot reach Python internals or change
data), ``StrictUndefined`` (a missing value is an error, never an empty
string), no ``|safe`` or ``|default`` (nothing bypasses escaping and nothing
is silently filled), autoescape only for HTML output, ``\\n`` newlines.

Bounded: what a template builds (``*``, ``+``, ``**``, padding), the items of
its loops and the size of its output stay under :mod:`.limits`, so a
template cannot exhaust memory or time; each refusal is a ``SecurityError``
raised inside the template, so it carries the template's line.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from jinja2 import (
    BaseLoader,
    DictLoader,
    StrictUndefined,
    Template,
    TemplateNotFound,
    nodes,
    select_autoescape,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from .limits import MAX_LOOP_ITEMS, MAX_OUTPUT_CHARS, MAX_POWER_BITS, MAX_VALUE_CHARS
from .templatefile import TemplateText, split
from .values import VALUE_TYPES

# format: printf-style padding ("%0999999999d") cannot be bounded before it runs
REMOVED_FILTERS = ("safe", "default", "d", "format")
_DICT_ATTRIBUTES = frozenset(dir(dict))


class TemplateDirLoader(BaseLoader):
    """Loads ``templates/`` files by name; names may not leave the directory."""

    def __init__(self, read: Callable[[str], TemplateText | str | None]) -> None:
        self._read = read

    def get_source(self, environment: object, template: str) -> tuple[str, str, Callable[[], bool]]:
        if template.startswith("/") or ".." in template.split("/"):
            raise TemplateNotFound(template)
        file = self._read(template)
        if file is None:
            raise TemplateNotFound(template)
        if isinstance(file, str):
            file = split(file, template)
        return file.jinja_source, template, lambda: False


class LimitExceeded(SecurityError):
    """A template asked for more than :mod:`.limits` allows."""


_loop_items: contextvars.ContextVar[int] = contextvars.ContextVar(
    "komunikat_loop_items", default=MAX_LOOP_ITEMS
)


def _n(count: int) -> str:
    return f"{count:,}".replace(",", " ")


def _bounded_range(*args: int) -> range:
    """``range`` with one budget of items for the whole rendering (nested loops multiply)."""
    items = range(*args)
    left = _loop_items.get() - len(items)
    if left < 0:
        raise LimitExceeded(
            f"pętle tego szablonu przeszłyby ponad {_n(MAX_LOOP_ITEMS)} elementów range(); "
            "zmniejsz zakres pętli"
        )
    _loop_items.set(left)
    return items


def _size(value: Any) -> int | None:
    return len(value) if isinstance(value, str | list | tuple) else None


def _check_size(size: int, what: str) -> None:
    if size > MAX_VALUE_CHARS:
        raise LimitExceeded(
            f"{what} miałby {_n(size)} elementów, a szablon może zbudować najwyżej "
            f"{_n(MAX_VALUE_CHARS)}; zmniejsz powtórzenie"
        )


def _check_int_arguments(args: tuple[Any, ...], kwargs: Mapping[str, Any], what: str) -> None:
    """A width or a count given to a filter or a method ("x".ljust(10**9), center(10**9))."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool):
            _check_size(abs(value), what)


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_int_arguments(args, kwargs, f"wynik filtra „{name}”")
        return function(*args, **kwargs)

    return bounded


class MessageEnvironment(ImmutableSandboxedEnvironment):
    """The sandboxed environment, plus memos of compiled templates.

    Subjects are one-line templates kept in the front matter; compiling one
    costs more than rendering it, so each source is compiled once. Files are
    looked up once too: ``auto_reload`` is off, a changed template means a new
    catalogue and a new environment.
    """

    intercepted_binops = frozenset({"*", "+", "**", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._strings: dict[str, Template] = {}
        self._files: dict[str, Template] = {}
        self.globals["range"] = _bounded_range

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """``*``, ``+``, ``**`` and ``%`` checked before they run (they could build gigabytes)."""
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                size = _size(sequence)
                if size is not None and isinstance(count, int):
                    _check_size(size * max(count, 0), "wynik „*”")
        elif operator == "+":
            left_size, right_size = _size(left), _size(right)
            if left_size is not None and right_size is not None:
                _check_size(left_size + right_size, "wynik „+”")
        elif operator == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0:
                bits = max(abs(left), 1).bit_length() * right
                if bits > MAX_POWER_BITS:
                    raise LimitExceeded(
                        f"wynik „**” miałby około {_n(bits)} bitów (limit {_n(MAX_POWER_BITS)}); "
                        "zmniejsz wykładnik"
                    )
        elif operator == "%" and isinstance(left, str):
            raise LimitExceeded("formatowanie napisów operatorem „%” jest niedozwolone; użyj „~”")
        return super().call_binop(context, operator, left, right)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        name = getattr(__obj, "__name__", "")
        if isinstance(getattr(__obj, "__self__", None), str):
            if name in ("format", "format_map"):
                raise LimitExceeded(
                    "str.format w szablonie jest niedozwolone; połącz tekst operatorem „~”"
                )
            _check_int_arguments(args, kwargs, f"wynik „{name}”")
        return super().call(__context, __obj, *args, **kwargs)

    def render_bounded(self, template: Template, scope: Mapping[str, Any]) -> str:
        """``template.render`` with the loop budget reset and the output size capped.

        The cap is thrown into the template's generator, so the error carries
        the line that was being rendered.
        """
        token = _loop_items.set(MAX_LOOP_ITEMS)
        try:
            parts: list[str] = []
            total = 0
            chunks: Iterator[str] = template.generate(scope)
            for chunk in chunks:
                total += len(chunk)
                if total > MAX_OUTPUT_CHARS:
                    chunks.throw(  # type: ignore[attr-defined]
                        LimitExceeded(
                            f"wiadomość przekroczyłaby {_n(MAX_OUTPUT_CHARS)} znaków; "
                            "sprawdź pętle i powtórzenia w szablonie"
                        )
                    )
                parts.append(chunk)
            return "".join(parts)
        finally:
            _loop_items.reset(token)

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
        loader = DictLoader({name: split(text, name).jinja_source for name, text in loader.items()})
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
    for name, function in list(env.filters.items()):
        env.filters[name] = _bounded_filter(name, function)
    if globals_:
        env.globals.update(globals_)
    return env


@functools.cache
def shared_environment() -> MessageEnvironment:
    """The environment that reads sources outside a catalogue (same options as every other)."""
    return make_environment({})


@functools.lru_cache(maxsize=1024)
def parse(jinja_source: str) -> nodes.Template:
    """The syntax tree of a template source, parsed once per text.

    The catalogue's syntax check and the linter's source rules read the same
    tree; callers only read it.
    """
    return shared_environment().parse(jinja_source)
