"""The composer's Python side: what the site's form calls, in the browser, through Pyodide.

The text a person composes on the site must be exactly the text ``komunikat
render`` prints for the same values. So the browser does not reimplement
anything: it runs this package — the same :func:`komunikat.render.render`, the
same environment factory, the same value types and the same Polish error
messages — fed from a JSON copy of the catalogue that the site build writes
(:mod:`komunikat.site.composer_assets`).

Only light modules are imported here (jinja2 and the standard library, through
the renderer): no pydantic and no ruamel.yaml, which are not shipped with the
site. The functions called from JavaScript take and return JSON strings, so
nothing but plain text crosses the JS/Python boundary.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment

from .composer_input import field_states, read_previous
from .environment import make_environment
from .render import Message, Previous, RenderError, TemplateFault, render
from .spec import TemplateSpec
from .suggest import did_you_mean
from .vartypes import VARIABLE_TYPES
from .warsaw import WARSAW

BUNDLE_FORMAT = 1


class ComposerNotLoaded(RuntimeError):
    """:func:`compose` was called before :func:`load` handed over the catalogue."""


@dataclass(frozen=True)
class Composer:
    """The catalogue as the browser sees it: specs, template sources and data."""

    specs: dict[str, TemplateSpec]
    context: dict[str, Any]
    env: ImmutableSandboxedEnvironment

    @classmethod
    def from_bundle(cls, bundle: Mapping[str, Any]) -> Composer:
        """Build from the JSON the site build writes (see ``composer_assets.catalog_bundle``)."""
        if bundle.get("format") != BUNDLE_FORMAT:
            raise ValueError(
                f"catalog.json w formacie {bundle.get('format')!r}, oczekiwano {BUNDLE_FORMAT}; "
                "przebuduj stronę"
            )
        specs = {tid: TemplateSpec.from_json(data) for tid, data in bundle["templates"].items()}
        return cls(specs=specs, context=bundle["context"], env=make_environment(bundle["sources"]))

    def spec(self, template_id: str) -> TemplateSpec:
        if template_id not in self.specs:
            hint = did_you_mean(template_id, self.specs)
            raise KeyError(f"nie ma szablonu „{template_id}”.{hint}")
        return self.specs[template_id]

    def compose(
        self,
        template_id: str,
        raw: Mapping[str, Any],
        *,
        lang: str | None = None,
        previous: Sequence[Any] = (),
        preview: bool = True,
        now: datetime | None = None,
    ) -> dict[str, Any]:
        """The message for these values, or why it cannot be sent yet.

        ``ready`` is true when the strict rendering — the one the CLI does —
        succeeded; ``subject``/``body``/``text`` are then exactly the CLI's
        output. Otherwise ``problems`` holds the renderer's messages and, with
        ``preview``, the text is the preview rendering: missing values appear
        as ``⟦label⟧``, and values that cannot be used are left out so the
        rest of the message still shows.
        """
        try:
            spec = self.spec(template_id)
        except KeyError as exc:
            return _result(template_id, None, problems=[str(exc.args[0])])
        lang = None if spec.layout == "bilingual" else lang
        now = now or datetime.now(WARSAW)
        quoted, problems = read_previous(previous)
        fields = field_states(spec, raw, self.context)
        try:
            message, problems = self._strict(spec, raw, lang, quoted, now, problems)
        except TemplateFault as exc:
            return _result(spec.id, lang, fields=fields, problems=[_fault(exc)])
        if message is not None:
            return _result(spec.id, lang, message=message, fields=fields, ready=True)
        shown = None
        if preview:
            try:
                shown = self._preview(spec, raw, lang, quoted, now, fields)
            except TemplateFault as exc:
                problems = [*problems, _fault(exc)]
        return _result(spec.id, lang, message=shown, fields=fields, problems=problems)

    def eml(
        self,
        template_id: str,
        raw: Mapping[str, Any],
        *,
        lang: str | None = None,
        previous: Sequence[Any] = (),
        now: datetime | None = None,
    ) -> dict[str, Any]:
        """The ready message as ``komunikat render --format eml`` writes it, with a file name."""
        try:
            spec = self.spec(template_id)
        except KeyError as exc:
            return {"ready": False, "problems": [str(exc.args[0])]}
        lang = None if spec.layout == "bilingual" else lang
        quoted, problems = read_previous(previous)
        try:
            message, problems = self._strict(
                spec, raw, lang, quoted, now or datetime.now(WARSAW), problems
            )
        except TemplateFault as exc:
            return {"ready": False, "problems": [_fault(exc)]}
        if message is None:
            return {"ready": False, "problems": problems}
        from .eml import to_eml  # the email package: on the first download, not at start

        sender = self.context["contacts"]["signature"]["helpline"]
        blob = to_eml(message, sender=sender)
        hl = message.values.get("hl")
        name = f"{spec.id}-{hl}.eml" if hl else f"{spec.id}.eml"
        return {"ready": True, "problems": [], "eml": blob.decode("utf-8"), "filename": name}

    def _strict(
        self,
        spec: TemplateSpec,
        raw: Mapping[str, Any],
        lang: str | None,
        quoted: Sequence[Previous],
        now: datetime,
        problems: list[str],
    ) -> tuple[Message | None, list[str]]:
        """The CLI's rendering: the message only when nothing at all is wrong.

        ``problems`` are those found before rendering (unreadable previous
        messages); they keep the message from being ready, as they stop the CLI.
        """
        try:
            message = render(self.env, spec, raw, self.context, lang=lang, previous=quoted, now=now)
        except RenderError as exc:
            return None, [*problems, *exc.problems]
        return (None, problems) if problems else (message, [])

    def _preview(
        self,
        spec: TemplateSpec,
        raw: Mapping[str, Any],
        lang: str | None,
        quoted: Sequence[Previous],
        now: datetime,
        fields: Mapping[str, Mapping[str, Any]],
    ) -> Message | None:
        """A preview despite problems, giving up a little more at each attempt.

        First without the values that cannot be used (and names the template
        does not have), then also without the quoted messages (which may
        belong to another HL), then also without the times (which may be in
        the wrong order). The problems themselves are reported separately; a
        broken template (TemplateFault) is raised.
        """
        usable = {
            name: value
            for name, value in raw.items()
            if name in fields and not fields[name]["problem"]
        }
        timeless = {
            name: value
            for name, value in usable.items()
            if not VARIABLE_TYPES[spec.variable(name).type].moment
        }
        for values, previous in ((usable, quoted), (usable, ()), (timeless, ())):
            try:
                return render(
                    self.env,
                    spec,
                    values,
                    self.context,
                    lang=lang,
                    previous=previous,
                    now=now,
                    preview=True,
                )
            except RenderError:
                continue
        return None


def _fault(exc: TemplateFault) -> str:
    return f"{exc.path}:{exc.line}:1: {exc.message}"


def _result(
    template_id: str,
    lang: str | None,
    *,
    message: Message | None = None,
    fields: Mapping[str, Any] | None = None,
    problems: Sequence[str] = (),
    ready: bool = False,
) -> dict[str, Any]:
    return {
        "template": template_id,
        "lang": lang,
        "ready": ready,
        "subject": message.subject if message else None,
        "body": message.body if message else None,
        "text": message.as_text() if message else None,
        "missing": [name for name, state in (fields or {}).items() if state["missing"]],
        "problems": list(problems),
        "warnings": list(message.warnings) if message else [],
        "cc": list(message.cc) if message else [],
        "fields": dict(fields or {}),
    }


# --- the functions JavaScript calls (JSON strings in, JSON strings out) -------------

_loaded: Composer | None = None


def load(bundle_json: str) -> None:
    """Hand over the site's catalog.json; called once after Pyodide has started."""
    global _loaded
    _loaded = Composer.from_bundle(json.loads(bundle_json))


def _composer() -> Composer:
    if _loaded is None:
        raise ComposerNotLoaded("komunikat.composer.load() was not called")
    return _loaded


def _parse_now(now: str | None) -> datetime | None:
    if not now:
        return None
    moment = datetime.fromisoformat(now)
    return moment if moment.tzinfo else moment.replace(tzinfo=WARSAW)


def compose(
    template_id: str,
    values_json: str,
    lang: str | None = None,
    previous_json: str = "[]",
    preview: bool = True,
    now: str | None = None,
) -> str:
    """JSON of :meth:`Composer.compose` for the form's values (a JSON object)."""
    compose = _composer().compose
    return _call(compose, template_id, values_json, lang, previous_json, now, preview=bool(preview))


def compose_eml(
    template_id: str,
    values_json: str,
    lang: str | None = None,
    previous_json: str = "[]",
    now: str | None = None,
) -> str:
    """JSON of :meth:`Composer.eml`: the .eml text and its file name, or the problems."""
    return _call(_composer().eml, template_id, values_json, lang, previous_json, now)


def _call(
    method: Any,
    template_id: str,
    values_json: str,
    lang: str | None,
    previous_json: str,
    now: str | None,
    **extra: Any,
) -> str:
    """The JSON strings from JavaScript decoded, the result encoded back."""
    result = method(
        template_id,
        json.loads(values_json),
        lang=lang or None,
        previous=json.loads(previous_json),
        now=_parse_now(now),
        **extra,
    )
    return json.dumps(result, ensure_ascii=False)
