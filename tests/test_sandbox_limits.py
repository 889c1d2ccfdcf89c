"""Templates cannot exhaust memory or time: operands, loops and output are bounded.

Each refusal names the template and the line, in one line, in well under a second.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from komunikat.cli import main
from komunikat.environment import make_environment
from komunikat.limits import MAX_OUTPUT_CHARS

HOSTILE = {
    "a string repeated a billion times": "{{ 'x' * 10**9 }}",
    "a value repeated a hundred million times": "{{ hl * 100000000 }}",
    "a list repeated": "{{ [1, 2] * 10**8 }}",
    "a huge power": "{{ 9 ** 999999 }}",
    "a concatenation that doubles": "{% set a = 'x' * 90000 %}{{ a + a + a }}",
    "printf-style padding": "{{ '%0999999999d' % 1 }}",
    "str.format padding": "{{ '{:>999999999}'.format(1) }}",
    "a padding method": "{{ 'x'.ljust(10**9) }}",
    "a padding filter": "{{ 'x' | center(10**9) }}",
    "the format filter": "{{ '%0999999999d' | format(1) }}",
    "nested empty loops": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    ),
    "a range too long": "{{ range(10**9) | list | length }}",
    "output over the limit": "{% for i in range(1000) %}{{ 'x' * 1000 }}{% endfor %}",
}


def _poison(project: Path, source: str) -> int:
    """Put ``source`` on its own line in ticket-accepted's body; return that line."""
    path = project / "templates" / "ticket-accepted.j2"
    lines = path.read_text(encoding="utf-8").split("\n")
    body_start = lines.index("---", 1) + 1
    lines.insert(body_start + 1, source)
    path.write_text("\n".join(lines), encoding="utf-8")
    return body_start + 2


@pytest.mark.parametrize("source", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_expressions_are_refused_with_path_and_line(
    capsys: pytest.CaptureFixture[str], project_copy: Path, source: str
) -> None:
    line = _poison(project_copy, source)
    started = time.monotonic()
    code = main(["--root", str(project_copy), "render", "ticket-accepted", "--sample"])
    elapsed = time.monotonic() - started
    out, err = capsys.readouterr()
    assert code == 2 and out == "", err
    assert elapsed < 60  # a guard against the old hang (87 s and more), not a timing
    assert err.count("\n") == 1, err
    assert re.match(rf"komunikat: templates/ticket-accepted\.j2:{line}:1: ", err), err
    assert "wewnętrzny" not in err


def test_lint_of_a_template_with_a_megabyte_of_output_finishes_with_a_finding(
    capsys: pytest.CaptureFixture[str], project_copy: Path
) -> None:
    line = _poison(project_copy, "{{ 'x' * 10**6 }}")
    started = time.monotonic()
    target = project_copy / "templates" / "ticket-accepted.j2"
    code = main(["--root", str(project_copy), "lint", str(target)])
    out, _ = capsys.readouterr()
    assert time.monotonic() - started < 120  # the old run did not end in 240 s
    assert code == 1
    assert f"templates/ticket-accepted.j2:{line}:1: error: " in out, out


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'x' * 1000 }}",
        "{{ 3 * 4 }}{{ 2 ** 10 }}{{ 7 % 3 }}{{ 1 + 2 }}{{ [1] + [2] }}",
        "{% for i in range(100) %}{{ i }}{% endfor %}",
    ],
)
def test_ordinary_arithmetic_and_loops_still_work(source: str) -> None:
    assert make_environment({}).from_string(source).render()


def test_the_output_limit_is_generous_for_real_notices(catalog) -> None:  # type: ignore[no-untyped-def]
    longest = max(
        len(catalog.render_sample(catalog.get(t), lang=lang, operator=op).body)
        for t, lang, op in catalog.renderings()
    )
    assert longest * 10 < MAX_OUTPUT_CHARS
