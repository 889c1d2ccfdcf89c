"""``render --format eml --to/--cc``: only real addresses reach the headers."""

from __future__ import annotations

import pytest

from komunikat.cli import main

EML = ["render", "ticket-accepted", "--sample", "--format", "eml"]


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--to", "x@example.pl\r\nBcc: spy@example.pl", "znak sterujący"),
        ("--cc", "x@example.pl\nBcc: spy@example.pl", "znak sterujący"),
        ("--to", "not an address, evil@example.pl", "„not” nie jest adresem e-mail"),
        ("--cc", "jan@localhost", "nie jest adresem e-mail"),
        ("--to", "@example.pl", "nie jest adresem e-mail"),
    ],
)
def test_a_bad_recipient_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], option: str, value: str, says: str
) -> None:
    code = main([*EML, option, value])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and says in err and "wewnętrzny" not in err, err


def test_names_and_lists_of_addresses_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    code = main([*EML, "--to", '"Kowalski, Jan" <jan@example.pl>, anna@example.pl'])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert 'To: "Kowalski, Jan" <jan@example.pl>, anna@example.pl' in out
