"""Loading and cross-checking of everything under ``data/``.

This is the only reader of the data files: the CLI, the site macros and the
linter all go through :func:`load_data`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .paths import relative
from .problems import InputError, InputErrors, collecting
from .schema.base import unique, validate
from .schema.contacts import ContactsFile
from .schema.operators import OperatorsFile
from .schema.services import ServicesFile
from .schema.suppliers import Supplier, SuppliersFile
from .schema.suppliers_check import cross_check as suppliers_cross_check
from .suggest import did_you_mean
from .yamlsource import YamlDoc, load_yaml

DATA_FILES = {
    "contacts": ("contacts.yml", ContactsFile),
    "services": ("services.yml", ServicesFile),
    "operators": ("operators.yml", OperatorsFile),
    "suppliers": ("suppliers.yml", SuppliersFile),
}


@dataclass(frozen=True)
class DataSet:
    contacts: ContactsFile
    services: ServicesFile
    operators: OperatorsFile
    suppliers: SuppliersFile
    root: Path

    def operator(self, code: str) -> Any:
        for op in self.operators.operators:
            if op.code == code:
                return op
        raise KeyError(code)

    def supplier(self, supplier_id: str) -> Supplier:
        """The supplier by id; KeyError's message names the valid ids (like Catalog.get)."""
        known = [s.id for s in self.suppliers.suppliers]
        for supplier in self.suppliers.suppliers:
            if supplier.id == supplier_id:
                return supplier
        hint = did_you_mean(supplier_id, known)
        raise KeyError(
            f"nieznany dostawca „{supplier_id}”.{hint} Dostawcy: {', '.join(known) or 'brak'}"
        )

    def service_ids(self, scope: str | None = None) -> list[str]:
        return [s.id for s in self.services.services if scope is None or scope in s.scopes]

    def notice_operator_codes(self) -> list[str]:
        return [op.code for op in self.operators.operators if op.notices]

    def render_context(self) -> dict[str, Any]:
        """Plain data for templates and the in-browser composer (JSON-safe).

        Built once per data set and shared: callers read it (templates cannot
        change it: the environment is an immutable sandbox) and copy it to add keys.
        """
        return self._render_context

    @cached_property
    def _render_context(self) -> dict[str, Any]:
        return {
            "contacts": self.contacts.model_dump(mode="json"),
            "services": {s.id: s.model_dump(mode="json") for s in self.services.services},
            "operators": {op.code: op.model_dump(mode="json") for op in self.operators.operators},
            "suppliers": {s.id: s.model_dump(mode="json") for s in self.suppliers.suppliers},
        }


def load_data(root: Path) -> DataSet:
    """Load and validate all data files; every problem found is raised together."""
    data_dir = root / "data"
    docs: dict[str, YamlDoc] = {}
    models: dict[str, Any] = {}
    errors: list[InputError] = []
    for key, (filename, model) in DATA_FILES.items():
        path = data_dir / filename
        shown = relative(path, root)
        with collecting(errors):
            docs[key] = load_yaml(path, shown)
            models[key] = validate(model, docs[key])
    if errors:
        raise InputErrors(errors)
    errors.extend(_cross_check(docs, models))
    if errors:
        raise InputErrors(errors)
    return DataSet(root=root, **models)


def _cross_check(docs: dict[str, YamlDoc], models: dict[str, Any]) -> list[InputError]:
    """References between files: service ids, unique codes and ids."""
    errors: list[InputError] = []
    services: ServicesFile = models["services"]
    operators: OperatorsFile = models["operators"]
    service_ids = [s.id for s in services.services]
    errors += unique(docs["services"], ("services",), [s.id for s in services.services], "id")
    errors += unique(
        docs["operators"], ("operators",), [o.code for o in operators.operators], "code"
    )
    errors += unique(
        docs["operators"], ("operators",), [o.slug for o in operators.operators], "slug"
    )
    errors += suppliers_cross_check(docs["suppliers"], models["suppliers"])
    for i, op in enumerate(operators.operators):
        refs: list[tuple[tuple[str | int, ...], str]] = []
        for j, prefix in enumerate(op.subject_prefixes):
            refs += [
                (("operators", i, "subject_prefixes", j, "services", k), s)
                for k, s in enumerate(prefix.services)
            ]
        for j, rule in enumerate(op.cc_rules):
            refs += [
                (("operators", i, "cc_rules", j, "services", k), s)
                for k, s in enumerate(rule.services)
            ]
        for loc, sid in refs:
            if sid not in service_ids:
                hint = did_you_mean(sid, service_ids)
                errors.append(
                    docs["operators"].error(
                        loc, f"nieznana usługa „{sid}” (brak w data/services.yml).{hint}"
                    )
                )
    return errors
