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

import base64
import binascii
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment

from .eml import to_eml
from .environment import make_environment
from .messagefile import parse_bytes
from .problems import InputError
from .render import Message, Previous, RenderError, TemplateFault, render
from .spec import TemplateSpec, VariableSpec
from .suggest import did_you_mean
from .values import ValueProblem, is_blank
from .vartypes import VARIABLE_TYPES, coerce
from .warsaw import WARSAW, TimeError, parse_local

BUNDLE_FORMAT = 1
PASTED_NAME = "wklejona wiadomość {n}"


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


def field_states(
    spec: TemplateSpec, raw: Mapping[str, Any], context: Mapping[str, Any]
) -> dict[str, dict[str, Any]]:
    """Per field: missing, the renderer's problem with it, how a time prints (CET/CEST).

    Uses the renderer's own :func:`~komunikat.vartypes.coerce`, so the form marks
    exactly the values the renderer refuses.
    """
    states: dict[str, dict[str, Any]] = {}
    for var in spec.variables:
        kind = VARIABLE_TYPES[var.type]
        value = raw.get(var.name)
        state: dict[str, Any] = {"missing": False, "problem": None, "shown": None}
        state["ambiguous"] = kind.moment and is_ambiguous_time(str(value or ""))
        if is_blank(value):
            state["missing"] = var.required
        else:
            try:
                coerced = coerce(var, value, context)
            except ValueProblem as exc:
                state["problem"] = exc.message
            else:
                if kind.shown is not None:
                    state["shown"] = kind.shown(coerced)
        states[var.name] = state
    return states


def is_ambiguous_time(text: str) -> bool:
    """True for a wall-clock time that occurs twice in Warsaw (clocks going back).

    The form then offers CEST/CET, which :func:`~komunikat.warsaw.parse_local`
    accepts as a suffix; a suffix already given is ignored here, so the
    choice stays on offer while the time is the same.
    """
    base = " ".join(text.split())
    for zone in (" CEST", " CET"):
        if base.upper().endswith(zone):
            base = base[: -len(zone)]
            break
    if not base:
        return False
    try:
        parse_local(base)
    except TimeError:
        pass
    else:
        return False
    try:
        parse_local(f"{base} CEST")
        parse_local(f"{base} CET")
    except TimeError:
        return False
    return True


def read_previous(items: Sequence[Any]) -> tuple[list[Previous], list[str]]:
    """Earlier notices from the form, read exactly like ``--previous FILE``.

    An item is pasted text (a string, or ``{"name", "text"}``) or a loaded
    file (``{"name", "base64"}``). Both go through
    :func:`~komunikat.messagefile.parse_bytes`, the CLI's reader, so a pasted
    text is read as a ``.txt`` file with the same content would be. Blank
    items are skipped.
    """
    found: list[Previous] = []
    problems: list[str] = []
    for number, item in enumerate(items, start=1):
        name, raw, problem = _previous_bytes(number, item)
        if problem:
            problems.append(problem)
            continue
        if not raw.strip():
            continue
        try:
            parsed = parse_bytes(raw, name)
        except InputError as exc:
            problems.append(str(exc))
            continue
        except ImportError:
            # The legacy-encoding guess needs charset_normalizer, which the
            # site does not ship; the refusal itself stays the same.
            problems.append(f"{name}: plik nie jest w UTF-8; zapisz go ponownie jako UTF-8")
            continue
        found.append(Previous(parsed.subject, parsed.body, source=name))
    return found, problems


def _previous_bytes(number: int, item: Any) -> tuple[str, bytes, str | None]:
    default_name = PASTED_NAME.format(n=number)
    if isinstance(item, str):
        return default_name, item.encode("utf-8"), None
    if not isinstance(item, Mapping):
        return default_name, b"", f"{default_name}: nieobsługiwana postać poprzedniej wiadomości"
    name = str(item.get("name") or default_name)
    if "base64" in item:
        try:
            return name, base64.b64decode(str(item["base64"]), validate=True), None
        except (binascii.Error, ValueError):
            return name, b"", f"{name}: nie można odczytać pliku"
    return name, str(item.get("text") or "").encode("utf-8"), None


def form_description(spec: TemplateSpec, context: Mapping[str, Any]) -> dict[str, Any]:
    """What the form shows for a template: fields with labels, help and choices.

    Written into the site's catalogue at build time, so the form appears
    before Pyodide has loaded. The choices come from the functions
    :func:`~komunikat.vartypes.coerce` itself uses.
    """
    return {
        "id": spec.id,
        "title": spec.title,
        "channel": spec.channel,
        "layout": spec.layout,
        "languages": list(spec.languages),
        "phase": spec.phase,
        "has_subject": bool(spec.subject),
        "quotes": list(spec.quotes),
        "fields": [_field(var, context) for var in spec.variables],
    }


def _field(var: VariableSpec, context: Mapping[str, Any]) -> dict[str, Any]:
    kind = VARIABLE_TYPES[var.type]
    return {
        "name": var.name,
        "type": var.type,
        "widget": kind.widget,
        "label": var.label,
        "help": var.help,
        "required": var.required,
        "options": kind.options(var, context) if kind.options else [],
        "example": _example(var.sample),
    }


def _example(sample: Any) -> dict[str, str] | None:
    """A sample as a placeholder per language (``*`` for all)."""
    if isinstance(sample, dict):
        return {str(k): str(v) for k, v in sample.items()}
    if isinstance(sample, str):
        return {"*": sample}
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
    result = _composer().compose(
        template_id,
        json.loads(values_json),
        lang=lang or None,
        previous=json.loads(previous_json),
        preview=bool(preview),
        now=_parse_now(now),
    )
    return json.dumps(result, ensure_ascii=False)


def compose_eml(
    template_id: str,
    values_json: str,
    lang: str | None = None,
    previous_json: str = "[]",
    now: str | None = None,
) -> str:
    """JSON of :meth:`Composer.eml`: the .eml text and its file name, or the problems."""
    result = _composer().eml(
        template_id,
        json.loads(values_json),
        lang=lang or None,
        previous=json.loads(previous_json),
        now=_parse_now(now),
    )
    return json.dumps(result, ensure_ascii=False)
