"""'Did you mean …' hints for names an editor or operator typed."""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Iterable, Mapping
from typing import Any


def close_matches(name: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    pool = list(candidates)
    lowered = {c.lower(): c for c in pool}
    hits = difflib.get_close_matches(name.lower(), list(lowered), n=limit, cutoff=0.6)
    return [lowered[h] for h in hits]


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """A Polish hint sentence, or an empty string when nothing is close."""
    hits = close_matches(name, candidates)
    if not hits:
        return ""
    return " Czy chodziło o " + " lub ".join(f"„{h}”" for h in hits) + "?"


UNDEFINED_NAME = re.compile(r"^'(?P<name>[^']+)' is undefined$")
NO_ATTRIBUTE = re.compile(r"^'(?P<owner>[^']+) object' has no attribute '(?P<name>[^']+)'$")
SCOPE_DEPTH = 3  # contacts.signature.role: how deep data keys are offered


def undefined_hint(message: str, scope: Mapping[str, Any]) -> str:
    """A did-you-mean for Jinja's "'x' is undefined" / "'… object' has no attribute 'y'".

    The error names only the type of the object, so an attribute is matched
    against that type's public names (a value object such as ``OperatorValue``)
    or, for plain data (``dict object``), against every key the template can reach.
    """
    if match := UNDEFINED_NAME.match(message):
        return did_you_mean(match.group("name"), [k for k in scope if not k.startswith("_")])
    match = NO_ATTRIBUTE.match(message)
    if match is None:
        return ""
    owner, name = match.group("owner"), match.group("name")
    if owner in ("dict", "list", "tuple", "str"):
        return did_you_mean(name, _keys(scope.values(), SCOPE_DEPTH))
    return did_you_mean(name, _public_names(owner))


def _public_names(owner: str) -> set[str]:
    module_name, _, class_name = owner.rpartition(".")
    cls = getattr(sys.modules.get(module_name), class_name, None)
    if not isinstance(cls, type):
        return set()
    names = {n for n in dir(cls) if not n.startswith("_")}
    for base in cls.__mro__:
        names |= {n for n in getattr(base, "__annotations__", {}) if not n.startswith("_")}
    return names


def _keys(values: Iterable[Any], depth: int) -> set[str]:
    found: set[str] = set()
    for value in values:
        if isinstance(value, Mapping):
            found |= {str(k) for k in value}
            if depth > 1:
                found |= _keys(value.values(), depth - 1)
        elif isinstance(value, list | tuple) and depth > 1:
            found |= _keys(value[:20], depth - 1)  # a list's items share their keys
    return found
