"""The shared environment: sandboxed, strict, nothing silently empty."""

from __future__ import annotations

import pytest
from jinja2 import TemplateAssertionError, UndefinedError
from jinja2.sandbox import SecurityError

from komunikat.environment import jinja_source, make_environment


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
    source = jinja_source(text)
    assert source.count("\n") == text.count("\n")
    with pytest.raises(UndefinedError) as caught:
        make_environment({"x.j2": text}).get_template("x.j2").render()
    from komunikat.render import _line_of

    assert _line_of(caught.value) == 4
