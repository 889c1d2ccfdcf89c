"""Template files: one reader, one splitter; a BOM changes nothing, a legacy encoding is located."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from komunikat.catalog import load_catalog
from komunikat.cli import main
from komunikat.problems import InputError
from komunikat.templatefile import read_template, split

TEMPLATE = "templates/ticket-accepted.j2"


@pytest.mark.parametrize(
    ("text", "front_matter", "body", "body_line"),
    [
        ("---\nid: x\n---\nbody\n", "id: x", "body\n", 4),
        ("---\na: 1\nb: 2\n---\n", "a: 1\nb: 2", "", 5),
        ("no front matter {{ x }}\n", None, "no front matter {{ x }}\n", 1),
        ("---\nid: x\nnever closed\n", None, "---\nid: x\nnever closed\n", 1),
    ],
)
def test_a_file_splits_into_front_matter_and_body(
    text: str, front_matter: str | None, body: str, body_line: int
) -> None:
    file = split(text, "templates/x.j2")
    assert (file.front_matter, file.body, file.body_line) == (front_matter, body, body_line)


def test_jinja_sees_the_front_matter_as_a_comment_of_as_many_lines() -> None:
    file = split("---\nid: x\ntitle: y\n---\n{{ a }}\n", "templates/x.j2")
    assert file.jinja_source.count("\n") == file.text.count("\n")
    assert file.jinja_source.split("\n")[4] == "{{ a }}"


def test_a_bom_and_windows_newlines_are_read_away(tmp_path: Path) -> None:
    path = tmp_path / "x.j2"
    path.write_bytes(b"\xef\xbb\xbf---\r\nid: x\r\n---\r\nDzie\xc5\x84 dobry\r\n")
    file = read_template(path, "templates/x.j2")
    assert file.text == "---\nid: x\n---\nDzień dobry\n"
    assert file.body == "Dzień dobry\n"


def test_a_legacy_encoding_is_an_error_at_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "x.j2"
    path.write_bytes("linia\nDzień dobry\n".encode("cp1250"))
    with pytest.raises(InputError) as caught:
        read_template(path, "templates/partials/x.j2")
    error = caught.value
    assert (error.path, error.line, error.column) == ("templates/partials/x.j2", 2, 5)
    assert "UTF-8" in error.message


def _render(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--root", str(root), "render", "ticket-accepted", "--sample"])
    out, err = capsys.readouterr()
    return code, out, err


def _lint(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict], str]:
    code = main(["--root", str(root), "lint", str(root / TEMPLATE), "--format", "json"])
    out, err = capsys.readouterr()
    return code, (json.loads(out)["findings"] if out.strip() else []), err


def test_a_template_saved_with_a_bom_lints_and_renders_like_one_without(
    capsys: pytest.CaptureFixture[str], project_copy: Path
) -> None:
    path = project_copy / TEMPLATE
    expected = _render(project_copy, capsys)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert _render(project_copy, capsys) == expected
    code, findings, err = _lint(project_copy, capsys)
    assert (code, findings) == (0, []), err


def test_a_partial_in_windows_1250_is_one_located_line_not_an_internal_error(
    capsys: pytest.CaptureFixture[str], project_copy: Path
) -> None:
    (project_copy / "templates" / "partials" / "note.j2").write_bytes(
        "Uwaga:\nprosimy o cierpliwość.\n".encode("cp1250")
    )
    path = project_copy / TEMPLATE
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Dzień dobry,", 'Dzień dobry,\n{% include "partials/note.j2" %}', 1),
        encoding="utf-8",
    )
    for code, _, err in (_render(project_copy, capsys), _lint(project_copy, capsys)):
        assert code == 2, err
        assert err.count("\n") == 1 and "wewnętrzny" not in err, err
        assert "templates/partials/note.j2:2:20: plik nie jest w UTF-8" in err, err
        assert "Windows-1250" in err


def _edit(root: Path, old: str, new: str) -> int:
    """Replace ``old`` in the template; the 1-based line where ``new`` starts."""
    path = root / TEMPLATE
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('en: "Request registered [{{ hl }}]"', 'en: "Request registered [{{ nope }}]"'),
        (
            'en: "Request registered [{{ hl }}]"',
            "en: \"Request registered [{{ hl | default('') }}]\"",
        ),
    ],
    ids=["an undefined name", "a |default"],
)
def test_a_broken_subject_is_reported_at_the_subject_line(
    capsys: pytest.CaptureFixture[str], project_copy: Path, old: str, new: str
) -> None:
    line = _edit(project_copy, old, new)
    code, findings, err = _lint(project_copy, capsys)
    assert code == 1, err
    broken = [f for f in findings if f["rule"] == "template-syntax"]
    assert broken and all(f["line"] == line for f in broken), findings
    assert "temacie" in broken[0]["message"]


def test_a_bad_sample_is_reported_at_its_own_line(
    capsys: pytest.CaptureFixture[str], project_copy: Path
) -> None:
    line = _edit(project_copy, "sample: HL-123460", "sample: not-a-ticket")
    code, findings, err = _lint(project_copy, capsys)
    assert code == 1, err
    broken = [f for f in findings if f["rule"] == "template-syntax"]
    assert [f["line"] for f in broken] == [line] * len(broken) and broken, findings


def test_the_spec_keeps_where_each_front_matter_key_was_written(project_copy: Path) -> None:
    path = project_copy / "templates" / "ticket-accepted.j2"
    lines = path.read_text(encoding="utf-8").split("\n")
    spec = load_catalog(project_copy).get("ticket-accepted")

    def where(prefix: str, after: int = 0) -> int:
        return next(n for n, t in enumerate(lines, 1) if n > after and t.startswith(prefix))

    assert spec.subject_position("pl") == (where("  pl:"), 3)
    assert spec.subject_position("en") == (where("  en:"), 3)
    assert spec.position("variables.sender") == (where("  sender:"), 3)
    sample_line = where("    sample: Jan", after=where("  sender:"))
    assert spec.sample_position("sender") == (sample_line, len("    sample: ") + 1)
    assert spec.position("quotes") == (1, 1)  # not written: the file's start


def test_quotes_are_located_at_their_key(root: Path) -> None:
    spec = load_catalog(root).get("dv-maintenance-close")
    lines = (root / spec.path).read_text(encoding="utf-8").split("\n")
    assert spec.position("quotes") == (
        lines.index(next(t for t in lines if t.startswith("quotes:"))) + 1,
        1,
    )
