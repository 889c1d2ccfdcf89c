"""tokens: words to spell-check, and the addresses, numbers, ids and code that are not prose."""

from __future__ import annotations

import pytest

from komunikat.lint.tokens import (
    Span,
    is_code_line,
    mask,
    non_prose_spans,
    output_block,
    overlaps,
    words,
)


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.kind) for s in non_prose_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Adres: https://api.example.com/sms/callback, dalej.",
            [("https://api.example.com/sms/callback", "url")],
        ),
        ("zobacz www.digitalvirgo.pl.", [("www.digitalvirgo.pl", "url")]),
        ("Pisz na jan.kowalski@example.com.", [("jan.kowalski@example.com", "email")]),
        ("e-mail: helpline@digitalvirgo.pl", [("helpline@digitalvirgo.pl", "email")]),
        ("adres 192.0.2.10:5016 i 10.0.0.1.", [("192.0.2.10:5016", "ipv4"), ("10.0.0.1", "ipv4")]),
        ("sieć 10.1.0.0/16", [("10.1.0.0/16", "ipv4")]),
        ("[2001:db8::1]:443 lub fe80::1", [("[2001:db8::1]:443", "ipv6"), ("fe80::1", "ipv6")]),
        (
            "2001:0db8:0000:0000:0000:ff00:0042:8329",
            [("2001:0db8:0000:0000:0000:ff00:0042:8329", "ipv6")],
        ),
        ("HL-123456 i CRM-744", [("HL-123456", "ticket"), ("CRM-744", "ticket")]),
        ("od 15.12.2026 22:00 CET", [("15.12.2026", "datetime"), ("22:00 CET", "datetime")]),
        (
            "o 2026-12-15T22:00:00 i 14:05",
            [("2026-12-15T22:00:00", "datetime"), ("14:05", "datetime")],
        ),
        ("host pi.dniu.pl:8080 nie odpowiada", [("pi.dniu.pl:8080", "host")]),
        ("na hoście pi.virtual.mp.", [("pi.virtual.mp", "dotted")]),
        ("plik /var/log/app/x.log", [("/var/log/app/x.log", "path")]),
        ("plik app.log", [("app.log", "file")]),
        ("konto DV_PREMIUM", [("DV_PREMIUM", "identifier")]),
        ("użyj `curl -v` teraz", [("`curl -v`", "backticks")]),
        ("M: +48 503 208 168", [("+48 503 208 168", "number")]),
        ("kapitał 500 000 zł, 99,5% ruchu", [("500 000", "number"), ("99,5%", "number")]),
        ("zgłoszenie HL-xxxxxx", [("HL-xxxxxx", "placeholder")]),
        ("nr PKEY", [("PKEY", "placeholder")]),
        ("od dd.mm.yyyy hh:mm", [("dd.mm.yyyy", "placeholder"), ("hh:mm", "placeholder")]),
        ("Uprzejmie informujemy o pracach.", []),
    ],
)
def test_non_prose_spans_name_what_is_not_a_word(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Uprzejmie informujemy o pracach.", ["Uprzejmie", "informujemy", "pracach"]),
        ("T-Mobile, e-mail, partner’s", ["T-Mobile", "e-mail", "partner’s"]),
        ("SMS/MMS MT", ["SMS", "MMS", "MT"]),
        ("Teleaudio2, P4, MM7 i 3G", []),
        ("the server dv-mon-02 and tmobile-mms-mm7-gateway", ["the", "server", "and"]),
        ("Start date: 15.12.2026 22:00 CET", ["Start", "date"]),
        ("adres https://api.example.com/x, zgłoszenie HL-123456", ["adres", "zgłoszenie"]),
        ("Adres 192.0.2.10, [::1]:80, a@b.pl", ["Adres"]),
    ],
)
def test_words_leave_out_single_letters_digits_and_non_prose(
    text: str, expected: list[str]
) -> None:
    assert [w.text for w in words(text)] == expected


def test_words_know_their_position_and_where_a_sentence_starts() -> None:
    found = list(words("Prace trwają. Serwis działa, Konkurs też"))
    assert [(w.text, w.start, w.sentence_start) for w in found] == [
        ("Prace", 0, True),
        ("trwają", 6, False),
        ("Serwis", 14, True),
        ("działa", 21, False),
        ("Konkurs", 29, False),
        ("też", 37, False),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "$ curl -v https://api.example.com/",
        "curl -v https://api.example.com/",
        "openssl s_client -connect api.example.com:443",
        "root@gw01:~# tcpdump -i eth0 port 5016",
        "ping 192.0.2.10",
        "> GET /sms/callback HTTP/1.1",
        "< HTTP/1.1 504 Gateway Timeout",
        "* Connected to api.example.com (192.0.2.10) port 443",
        "HTTP/1.1 504 Gateway Timeout",
        "Content-Type: text/html",
        "CONNECTED(00000003)",
        "depth=0 CN = api.example.com",
        "verify return:1",
        "2026-12-15 22:00:01 ERROR Connection refused",
        '{"error": "timeout"}',
        '  "status": 504,',
        "<?xml version='1.0'?>",
        "<response status='error'>",
        "    at org.example.Gateway.send(Gateway.java:42)",
        "\tNACK 02",
    ],
)
def test_commands_and_their_output_are_code(line: str) -> None:
    assert is_code_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Dzień dobry,",
        "uprzejmie informujemy o pracach planowanych.",
        "Start date: 15.12.2026 22:00 CET",
        "Operator: PLAY",
        "ping do serwera nie przechodzi",
        "* Usługi: SMS Premium",
        "Host partnera nie odpowiada.",
        "Error returned by the service:",
        "[HL-123456] zgłoszenie",
    ],
)
def test_prose_lines_are_not_code(line: str) -> None:
    assert not is_code_line(line)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Zwracany błąd:", "NACK 02: Syntax error", "", "Prosimy o weryfikację."], {1}),
        (["Error returned by the service:", "HTTP 504 Gateway Timeout", "x", ""], {1, 2}),
        (["Wyniki testów:", "curl -v …", "< HTTP/1.1 504"], {1, 2}),
        (["Dane połączenia:", "Bramka UCP, adres 198.51.100.20:5016"], set()),
        (["Zwracany błąd:", ""], set()),
    ],
)
def test_output_block_is_what_follows_an_output_label_up_to_a_blank_line(
    lines: list[str], expected: set[int]
) -> None:
    assert output_block(lines) == expected


def test_mask_blanks_spans_and_keeps_offsets() -> None:
    text = "adres 10.0.0.1 działa"
    masked = mask(text, non_prose_spans(text))
    assert masked == "adres          działa"
    assert len(masked) == len(text)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(0, 5, False), (4, 7, True), (6, 14, True), (14, 20, False), (13, 15, True)],
)
def test_overlaps_tells_whether_a_stretch_touches_a_span(
    start: int, end: int, expected: bool
) -> None:
    assert overlaps(start, end, [Span(6, 14, "ipv4")]) is expected
