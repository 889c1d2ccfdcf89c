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

from .composer_incident import (
    calendar_attachment,
    inherited_fields,
    read_recipients,
)
from .composer_input import field_states, read_previous
from .composer_result import fault, filename, form_issues, general, refused, result
from .environment import make_environment
from .problems import ProblemKind, RenderProblem
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
        recipients: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The message for these values, or why it cannot be sent yet.

        ``ready`` is true when the strict rendering — the one the CLI does —
        succeeded; ``subject``/``body``/``text`` are then exactly the CLI's
        output. Otherwise ``issues`` says what keeps it from being sent, each
        with the field it belongs to (``field``, or None) in the form's words
        (no command-line options: :attr:`RenderProblem.form_message`), one per
        missing field instead of the CLI's one list of names; ``problems`` are
        their messages. With ``preview``, the text is then the preview
        rendering: missing values appear as ``⟦label⟧``, and values that
        cannot be used are left out so the rest of the message still shows.
        ``inherited`` are the fields the quoted OPEN fills in (the form locks
        them; the renderer takes them, so they are not missing), ``recipients``
        what is wrong with the To and Cc fields (they only matter for the .eml).
        """
        try:
            spec = self.spec(template_id)
        except KeyError as exc:
            return result(template_id, None, problems=[general(str(exc.args[0]))])
        lang = None if spec.layout == "bilingual" else lang
        now = now or datetime.now(WARSAW)
        quoted, problems = read_previous(previous)
        filled, inherited = inherited_fields(spec, raw, quoted, self.context)
        fields = field_states(spec, filled, self.context)
        extra = {
            "inherited": inherited,
            "thread": _thread_of(quoted),
            "recipients": read_recipients(recipients or {})[1],
        }
        try:
            message, problems = self._strict(spec, raw, lang, quoted, now, problems, fields)
        except TemplateFault as exc:
            return result(spec.id, lang, fields=fields, problems=[fault(exc)], **extra)
        if message is not None:
            return result(spec.id, lang, message=message, fields=fields, ready=True, **extra)
        shown = None
        if preview:
            try:
                shown = self._preview(spec, raw, lang, quoted, now, fields)
            except TemplateFault as exc:
                problems = [*problems, fault(exc)]
        issues = form_issues(spec, fields, problems)
        return result(spec.id, lang, message=shown, fields=fields, problems=issues, **extra)

    def eml(
        self,
        template_id: str,
        raw: Mapping[str, Any],
        *,
        lang: str | None = None,
        previous: Sequence[Any] = (),
        now: datetime | None = None,
        recipients: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The ready message as ``komunikat render --format eml --to … --cc …`` writes it.

        Threaded to the quoted notices' Message-IDs; a maintenance notice
        carries its window as an .ics attachment (icalendar must be importable).
        The Message-ID is returned so the browser can keep it for the next notice.
        """
        ready = self._ready(template_id, raw, lang, previous, now)
        if "message" not in ready:
            return ready
        message, quoted = ready.pop("message"), ready.pop("quoted")
        addresses, wrong = read_recipients(recipients or {})
        if wrong:
            return refused(
                [
                    {"field": name, "kind": "recipients", "message": text}
                    for name, text in wrong.items()
                ]
            )
        from .eml import new_message_id, thread_of, to_eml  # the email package: not at start

        sender = self.context["contacts"]["signature"]["helpline"]
        message_id = new_message_id(sender)
        thread = thread_of(quoted)
        blob = to_eml(
            message,
            sender=sender,
            to=addresses["to"],
            cc=addresses["cc"],
            replying_to=thread,
            calendar=calendar_attachment(message),
            message_id=message_id,
        )
        return {
            **ready,
            "eml": blob.decode("utf-8"),
            "filename": filename(message, "eml"),
            "message_id": message_id,
            "thread": thread,
        }

    def ics(
        self,
        template_id: str,
        raw: Mapping[str, Any],
        *,
        lang: str | None = None,
        previous: Sequence[Any] = (),
        now: datetime | None = None,
    ) -> dict[str, Any]:
        """The maintenance window as ``komunikat render --format ics`` writes it."""
        ready = self._ready(template_id, raw, lang, previous, now)
        if "message" not in ready:
            return ready
        attachment = calendar_attachment(ready["message"])
        if attachment is None:
            return refused([general(f"{template_id}: to nie są prace planowane")])
        name, data = attachment
        return {"ready": True, "problems": [], "ics": data.decode("utf-8"), "filename": name}

    def _ready(
        self,
        template_id: str,
        raw: Mapping[str, Any],
        lang: str | None,
        previous: Sequence[Any],
        now: datetime | None,
    ) -> dict[str, Any]:
        """The strict rendering for a download: ``message`` and ``quoted``, or the problems."""
        try:
            spec = self.spec(template_id)
        except KeyError as exc:
            return refused([general(str(exc.args[0]))])
        lang = None if spec.layout == "bilingual" else lang
        quoted, problems = read_previous(previous)
        try:
            message, problems = self._strict(
                spec, raw, lang, quoted, now or datetime.now(WARSAW), problems
            )
        except TemplateFault as exc:
            return refused([fault(exc)])
        if message is None:
            fields = field_states(
                spec, inherited_fields(spec, raw, quoted, self.context)[0], self.context
            )
            return refused(form_issues(spec, fields, problems))
        return {"ready": True, "problems": [], "issues": [], "message": message, "quoted": quoted}

    def _strict(
        self,
        spec: TemplateSpec,
        raw: Mapping[str, Any],
        lang: str | None,
        quoted: Sequence[Previous],
        now: datetime,
        unreadable: list[str],
        fields: Mapping[str, dict[str, Any]] | None = None,
    ) -> tuple[Message | None, list[RenderProblem]]:
        """The CLI's rendering: the message only when nothing at all is wrong.

        ``unreadable`` are the previous messages that could not be read; they
        keep the message from being ready, as they stop the CLI. A problem of
        one value (e.g. a start that contradicts the quoted OPEN) is also
        shown at its field in ``fields``.
        """
        problems = [RenderProblem(ProblemKind.PREVIOUS, text) for text in unreadable]
        try:
            message = render(self.env, spec, raw, self.context, lang=lang, previous=quoted, now=now)
        except RenderError as exc:
            for issue in exc.issues:
                state = (fields or {}).get(issue.variable or "")
                if state is not None and not state["problem"]:
                    state["problem"] = issue.form_message
            return None, [*problems, *exc.issues]
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


def _thread_of(quoted: Sequence[Previous]) -> list[str]:
    """The Message-IDs a later notice is threaded to; the email package only when one is quoted.

    It costs a fifth of the composer's start in Pyodide (see ``composer_input``).
    """
    if not quoted:
        return []
    from .eml import thread_of

    return list(thread_of(quoted))


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
    recipients_json: str = "{}",
) -> str:
    """JSON of :meth:`Composer.compose` for the form's values (a JSON object)."""
    extra = {"preview": bool(preview), "recipients": json.loads(recipients_json or "{}")}
    return _call(_composer().compose, template_id, values_json, lang, previous_json, now, **extra)


def compose_eml(
    template_id: str,
    values_json: str,
    lang: str | None = None,
    previous_json: str = "[]",
    now: str | None = None,
    recipients_json: str = "{}",
) -> str:
    """JSON of :meth:`Composer.eml`: the .eml text, its file name and Message-ID, or the problems."""
    extra = {"recipients": json.loads(recipients_json or "{}")}
    return _call(_composer().eml, template_id, values_json, lang, previous_json, now, **extra)


def compose_ics(
    template_id: str,
    values_json: str,
    lang: str | None = None,
    previous_json: str = "[]",
    now: str | None = None,
) -> str:
    """JSON of :meth:`Composer.ics`: the .ics text and its file name, or the problems."""
    return _call(_composer().ics, template_id, values_json, lang, previous_json, now)


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
