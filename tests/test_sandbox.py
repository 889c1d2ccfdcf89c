"""The shared environment: sandboxed, strict, nothing silently empty."""

from __future__ import annotations

import pytest
from jinja2 import TemplateAssertionError, UndefinedError
from jinja2.sandbox import SecurityError

from komunikat.environment import make_environment
from komunikat.templatefile import split


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__ }}",
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ self.__init__ }}",
        "{{ (1).__class__.__base__ }}",
        "{% set x = [] %}{{ x.append(1) }}",
        "{{ {}.update(a=1) }}",
        "{{ ''.format.__globals__ }}",
    ],
)
def test_sandbox_escapes_raise_a_security_error_not_empty_text(source: str) -> None:
    env = make_environment({})
    with pytest.raises(SecurityError):
        env.from_string(source).render()


@pytest.mark.parametrize(
    "source", ["{{ missing }}", "{{ missing.attr }}", "{% for x in missing %}{% endfor %}"]
)
def test_undefined_names_raise(source: str) -> None:
    with pytest.raises(UndefinedError):
        make_environment({}).from_string(source).render()


@pytest.mark.parametrize(
    "source", ["{{ 'x' | safe }}", "{{ x | default('y') }}", "{{ x | d('y') }}"]
)
def test_safe_and_default_filters_do_not_exist(source: str) -> None:
    with pytest.raises(TemplateAssertionError):
        make_environment({}).from_string(source)


def test_autoescape_applies_to_html_templates_only() -> None:
    env = make_environment({"a.html": "{{ v }}", "a.txt": "{{ v }}"})
    assert env.get_template("a.html").render(v="<b>") == "&lt;b&gt;"
    assert env.get_template("a.txt").render(v="<b>") == "<b>"


def test_includes_cannot_leave_the_templates_directory() -> None:
    from jinja2 import TemplateNotFound

    from komunikat.environment import TemplateDirLoader

    env = make_environment(TemplateDirLoader(lambda name: "secret"))
    with pytest.raises(TemplateNotFound):
        env.from_string('{% include "../data/contacts.yml" %}').render()


def test_front_matter_becomes_a_comment_that_keeps_line_numbers() -> None:
    text = "---\nid: x\n---\nline four {{ oops }}\n"
    source = split(text).jinja_source
    assert source.count("\n") == text.count("\n")
    with pytest.raises(UndefinedError) as caught:
        make_environment({"x.j2": text}).get_template("x.j2").render()
    from komunikat.render import _place

    assert _place(caught.value, "templates/x.j2") == ("templates/x.j2", 4)


@pytest.mark.parametrize(
    ("source", "data", "expected"),
    [
        # a data key reads as an attribute
        ("{{ c.signature.helpline }}", {"c": {"signature": {"helpline": "h@x"}}}, "h@x"),
        # a key named like a dict method: Jinja's rule (attribute first) still holds
        ("{{ c.items is callable }}", {"c": {"items": "data"}}, "True"),
        ("{{ c['items'] }}", {"c": {"items": "data"}}, "data"),
    ],
)
def test_dict_attribute_fast_path_keeps_jinja_semantics(
    source: str, data: dict[str, object], expected: str
) -> None:
    assert make_environment({}).from_string(source).render(data) == expected


@pytest.mark.parametrize(
    "source", ["{{ c.__class__ }}", "{{ c.update(a=1) }}", "{{ c.__class__.__mro__ }}"]
)
def test_dict_attribute_fast_path_stays_sandboxed(source: str) -> None:
    with pytest.raises(SecurityError):
        make_environment({}).from_string(source).render(c={"__class__": "x", "update": "y"})


def test_dict_attribute_fast_path_missing_key_is_an_error() -> None:
    with pytest.raises(UndefinedError):
        make_environment({}).from_string("{{ c.nope }}").render(c={"yes": 1})


def test_subject_and_file_templates_are_compiled_once() -> None:
    env = make_environment({"a.j2": "A {{ x }}"})
    assert env.string_template("S {{ x }}") is env.string_template("S {{ x }}")
    assert env.file_template("a.j2") is env.file_template("a.j2")
    assert env.file_template("a.j2").render(x=1) == "A 1"


def test_value_attribute_fast_path_reads_public_attributes_only() -> None:
    from komunikat.warsaw import parse_local

    start = parse_local("29.03.2026 03:15")
    env = make_environment({})
    assert env.from_string("{{ start.en }}").render(start=start) == "29.03.2026 03:15 CEST"
    for source in ("{{ start.__class__ }}", "{{ start.__init__.__globals__ }}"):
        with pytest.raises(SecurityError):
            env.from_string(source).render(start=start)
    with pytest.raises(UndefinedError):
        env.from_string("{{ start.nope }}").render(start=start)
