"""The linter's configuration file, ``komunikat.yml`` at the repository root.

It turns rules on or off and sets their severity and options, and may name
engines that must run (an engine that did not run is then an error of
``lint`` and ``check``, not only a line in the summary)::

    rules:
      grammar: {level: warning}
      pii: {level: error}
      style: off
    engines:
      required: [languagetool]

Unknown rule names and options are errors (exit 2), located in the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

from pydantic import Field, model_validator

from ..problems import InputError, InputErrors, Severity
from ..schema.base import Strict, validate
from ..suggest import did_you_mean
from ..yamlsource import load_yaml
from .registry import by_id

CONFIG_NAME = "komunikat.yml"
Level = Literal["error", "warning", "info", "off"]


class RuleConfig(Strict):
    level: Level | None = None
    options: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, data: Any) -> Any:
        """``greeting: off`` is short for ``greeting: {level: off}``."""
        return {"level": data} if isinstance(data, str) else data


class EnginesConfig(Strict):
    required: list[Literal["hunspell", "harper", "languagetool"]] = Field(default_factory=list)


class ConfigFile(Strict):
    rules: dict[str, RuleConfig] = Field(default_factory=dict)
    engines: EnginesConfig = Field(default_factory=EnginesConfig)


def required_engines(root: Path) -> frozenset[str]:
    """The engines ``komunikat.yml`` says must run (``engines: {required: [...]}``)."""
    path = root / CONFIG_NAME
    if not path.exists():
        return frozenset()
    doc = load_yaml(path, CONFIG_NAME)
    config = ConfigFile() if doc.data is None else validate(ConfigFile, doc)
    return frozenset(config.engines.required)


@dataclass(frozen=True)
class ActiveRule:
    module: ModuleType
    severity: Severity
    options: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.module.ID)


def load_config(root: Path) -> list[ActiveRule]:
    """The enabled rules with their severity and options (defaults without a config file)."""
    rules = by_id()
    path = root / CONFIG_NAME
    settings: dict[str, RuleConfig] = {}
    if path.exists():
        doc = load_yaml(path, CONFIG_NAME)
        config = ConfigFile() if doc.data is None else validate(ConfigFile, doc)
        errors: list[InputError] = []
        for name, value in config.rules.items():
            if name not in rules:
                errors.append(
                    doc.error(
                        ("rules", name),
                        f"nieznana reguła „{name}”."
                        f"{did_you_mean(name, rules)} Reguły: {', '.join(rules)}",
                        at_key=True,
                    )
                )
                continue
            rule_conf = value
            module = rules[name]
            allowed: dict[str, type] = dict(getattr(module, "OPTIONS", {}))
            for option, option_value in rule_conf.options.items():
                if option not in allowed:
                    hint = did_you_mean(option, allowed)
                    listed = ", ".join(allowed) or "brak"
                    errors.append(
                        doc.error(
                            ("rules", name, "options", option),
                            f"reguła {name} nie ma opcji „{option}”.{hint} Opcje: {listed}",
                            at_key=True,
                        )
                    )
                elif not isinstance(option_value, allowed[option]):
                    errors.append(
                        doc.error(
                            ("rules", name, "options", option),
                            f"opcja „{option}” reguły {name} ma zły typ",
                        )
                    )
            settings[name] = rule_conf
        if errors:
            raise InputErrors(errors)
    active = []
    for rule_id, module in rules.items():
        conf = settings.get(rule_id, RuleConfig())
        if conf.level == "off":
            continue
        severity = Severity(conf.level) if conf.level else module.LEVEL
        options = {**dict(getattr(module, "DEFAULTS", {})), **conf.options}
        active.append(ActiveRule(module, severity, options))
    return active
