"""Shared schema base and the mapping of pydantic errors to editor messages."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from ..problems import InputError, InputErrors
from ..suggest import did_you_mean
from ..yamlsource import YamlDoc

M = TypeVar("M", bound=BaseModel)


class Strict(BaseModel):
    """Unknown keys are errors; values are not coerced between types."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


_TYPE_NAMES = {
    "string_type": "tekst",
    "int_type": "liczbę całkowitą",
    "bool_type": "wartość true albo false",
    "list_type": "listę",
    "dict_type": "mapę (klucz: wartość)",
    "model_type": "mapę (klucz: wartość)",
    "model_attributes_type": "mapę (klucz: wartość)",
    "float_type": "liczbę",
}


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model that owns the last step of ``loc``.

    Steps that are not fields (list indexes, keys of a ``dict[str, Model]``)
    stay on the same model.
    """
    current: Any = model
    for step in loc[:-1]:
        fields = getattr(current, "model_fields", {})
        if isinstance(step, str) and step in fields:
            current = _inner_model(fields[step].annotation)
            if current is None:
                return []
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _message(model: type[BaseModel], err: dict[str, Any]) -> str:
    kind = err["type"]
    loc = tuple(err["loc"])
    name = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc)
        hint = did_you_mean(str(name), allowed)
        listed = ", ".join(allowed)
        return f"nieznany klucz „{name}”.{hint} Dozwolone klucze: {listed}"
    if kind == "missing":
        return f"brak wymaganego klucza „{name}”; dopisz go"
    if kind in _TYPE_NAMES:
        got = type(err.get("input")).__name__
        got_pl = {
            "str": "tekst",
            "int": "liczba",
            "bool": "true/false",
            "list": "lista",
            "CommentedMap": "mapa",
            "CommentedSeq": "lista",
            "dict": "mapa",
            "NoneType": "pusta wartość",
            "date": "data",
            "datetime": "data i godzina",
            "float": "liczba",
            "ScalarFloat": "liczba",
            "ScalarInt": "liczba",
            "ScalarBoolean": "true/false",
        }.get(got, got)
        return f"oczekiwano: {_TYPE_NAMES[kind]}, a jest: {got_pl}; popraw wartość „{name}”"
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", str(err.get("ctx", {}).get("expected", "")))
        hint = did_you_mean(str(err.get("input")), expected)
        return f"niedozwolona wartość „{err.get('input')}”; dozwolone: {', '.join(expected)}.{hint}"
    if kind == "value_error":
        return str(err.get("ctx", {}).get("error", err["msg"]))
    if kind == "string_pattern_mismatch":
        return f"wartość „{err.get('input')}” ma zły format ({err['msg']})"
    if kind == "too_short":
        return f"„{name}” nie może być puste"
    return f"{err['msg']} ({name})"


def validate(model: type[M], doc: YamlDoc) -> M:
    """Validate a YAML document; every error is located in the source file."""
    if doc.data is None:
        raise InputError(doc.path, 1, 1, "plik jest pusty; uzupełnij dane zgodnie ze schematem")
    try:
        return model.model_validate(_plain(doc.data))
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            at_key = err["type"] == "extra_forbidden"
            errors.append(doc.error(loc, _message(model, dict(err)), at_key=at_key))
        raise InputErrors(sorted(errors, key=lambda e: (e.line, e.column))) from None


def _plain(node: Any) -> Any:
    """ruamel's round-trip types to plain Python, so strict mode judges real types."""
    if isinstance(node, dict):
        return {str(k) if not isinstance(k, str) else k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


def unique(
    doc: YamlDoc, at: tuple[str | int, ...], values: list[str], key: str
) -> list[InputError]:
    """An error at each repeat of a value that must be unique in the list at ``at``."""
    seen: set[str] = set()
    errors = []
    for i, value in enumerate(values):
        if value in seen:
            errors.append(
                doc.error(
                    (*at, i, key), f"„{value}” występuje więcej niż raz; {key} musi być unikalne"
                )
            )
        seen.add(value)
    return errors


def compiling(message: str) -> Callable[[str], str]:
    """A validator that refuses a regular expression Python cannot compile.

    ``message`` is the editor's message, with ``{pattern}`` and ``{exc}``.
    """

    def check(pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(message.format(pattern=pattern, exc=exc)) from None
        return pattern

    return check
