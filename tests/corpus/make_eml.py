"""Generate the corpus files that are awkward to write by hand; run once, commit the output.

    .venv/bin/python tests/corpus/make_eml.py

Writes MIME messages (.eml) into good/ and bad/ — quoted-printable and base64
text/plain parts, RFC 2047 encoded Subject headers (B and Q), a windows-1250
part declared in its Content-Type, multipart/alternative and multipart/mixed —
and the two inputs ``komunikat check`` must refuse into unreadable/: a Polish
message saved as Windows-1250 without any declaration, and a binary file.

Mass notices are rendered with the project's own templates, so their wording
is the reviewed one; defects of the bad files are applied as plain text
replacements afterwards. Dates, Message-IDs and MIME boundaries are fixed: re-running the
script gives the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from datetime import datetime
from email import charset as email_charset
from email.header import Header
from email.message import Message
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from pathlib import Path
from typing import Any

from komunikat.catalog import Catalog, load_catalog
from komunikat.data import load_data
from komunikat.lint.signature import footer_lines
from komunikat.render import Previous
from komunikat.warsaw import WARSAW

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NOW = datetime(2026, 1, 1, 8, 0, tzinfo=WARSAW)  # long before every notice: no lead-time noise

# the footer of data/contacts.yml, as the signature partial prints it
FOOTER = "\n".join(footer_lines(load_data(ROOT), legal=False)) + "\n"


def _charset(name: str, body: str, header: str) -> email_charset.Charset:
    encodings = {"qp": email_charset.QP, "base64": email_charset.BASE64}
    found = email_charset.Charset(name)
    found.body_encoding = encodings[body]
    found.header_encoding = encodings[header]
    return found


def text_part(body: str, *, charset: str = "utf-8", cte: str = "qp") -> MIMEText:
    return MIMEText(body, "plain", _charset(charset, cte, "qp"))  # type: ignore[arg-type]


def envelope(
    msg: Message,
    *,
    subject: str,
    to: str,
    date: str,
    msg_id: str,
    subject_encoding: str = "qp",
    charset: str = "utf-8",
    cc: str | None = None,
) -> Message:
    msg["From"] = "Digital Virgo Helpline <helpline@digitalvirgo.pl>"
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    header_charset = _charset(charset, "qp", subject_encoding)
    msg["Subject"] = Header(subject, header_charset).encode()  # always an RFC 2047 encoded word
    msg["Date"] = date
    msg["Message-ID"] = f"<{msg_id}@digitalvirgo.pl>"
    return msg


def as_bytes(msg: Message) -> bytes:
    return msg.as_bytes(policy=compat32.clone(linesep="\r\n"))


def render(catalog: Catalog, template: str, values: dict[str, Any], **kwargs: Any) -> Any:
    return catalog.render(catalog.get(template), values, now=NOW, **kwargs)


def previous_of(message: Any) -> Previous:
    return Previous(message.subject, message.body, source=message.template)


def replace_once(text: str, old: str, new: str) -> str:
    if old not in text:
        raise SystemExit(f"make_eml: „{old}” not found; the template wording changed")
    return text.replace(old, new, 1)


def html_of(body: str) -> str:
    escaped = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<html><body><pre style="font-family: Arial">{escaped}</pre></body></html>\n'


def tiny_png() -> bytes:
    """A valid 1x1 PNG: the 'screenshot' someone passes to check instead of the message."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


TICKET_ACCEPTED_PL = f"""Dzień dobry,

zgłoszenie zostało przyjęte i zarejestrowane pod numerem {{hl}}.
Trwa jego weryfikacja. Wkrótce skontaktujemy się z Państwem, aby przekazać dalsze informacje.

Z poważaniem,
{{sender}}
{FOOTER}"""

TICKET_REJECTED_EN = f"""Hello,

Unfortunately, the address {{address}} is not registered in our systems, so we cannot accept your request.

Please contact your business account manager, who can add your address to our contact list.

Kind regards,
{{sender}}
{FOOTER}"""

TICKET_ACCEPTED_EN = f"""Hello,

Your request has been registered under number {{hl}}.
We are verifying it at the moment and will contact you as soon as possible to provide more information.

Kind regards,
{{sender}}
{FOOTER}"""

PARTNER_REPORT_EN = f"""Hello,

We are writing to you about the Quiz Lato 2026 MPS service (ticket HL-121933).

Since 08:50 CEST the MO messages we forward to your server are rejected with HTTP 401, so users who send the keyword LATO to 7355 receive no answer.

Error returned by the service:
HTTP/1.1 401 Unauthorized
WWW-Authenticate: Basic realm="mo-gateway"

Address the service is trying to connect to: https://mo.quizlato.example/dv/mo
Address Digital Virgo connects from: 192.0.2.10

The full log of the failed requests is attached.

Please verify the credentials configured on your side and let us know once the problem is fixed.

Kind regards,
Dorota Pawlak
{FOOTER}"""


def build(catalog: Catalog) -> dict[str, bytes]:
    files: dict[str, bytes] = {}

    # --- good: DV outage in winter, OPEN (multipart/alternative, base64) and CLOSE (qp)
    outage_open = render(
        catalog,
        "dv-outage-open",
        {
            "hl": "HL-118450",
            "start": "21.01.2027 06:35",
            "services": ["mps", "www"],
            "sender": "Dorota Pawlak",
        },
    )
    alternative = MIMEMultipart("alternative", boundary="=_komunikat_alt_118450")
    alternative.attach(text_part(outage_open.body, cte="base64"))
    alternative.attach(MIMEText(html_of(outage_open.body), "html", "utf-8"))
    files["good/dv-outage-open-winter.eml"] = as_bytes(
        envelope(
            alternative,
            subject=outage_open.subject,
            to="partners-outage@lists.digitalvirgo.pl",
            date="Thu, 21 Jan 2027 06:52:00 +0100",
            msg_id="dv-outage-open-118450",
            subject_encoding="base64",
        )
    )
    outage_close = render(
        catalog,
        "dv-outage-close",
        {
            "hl": "HL-118450",
            "start": "21.01.2027 06:35",
            "end": "21.01.2027 08:10",
            "sender": "Dorota Pawlak",
        },
        previous=[previous_of(outage_open)],
    )
    files["good/dv-outage-close-winter.eml"] = as_bytes(
        envelope(
            text_part(outage_close.body, cte="qp"),
            subject=outage_close.subject,
            to="partners-outage@lists.digitalvirgo.pl",
            date="Thu, 21 Jan 2027 08:21:00 +0100",
            msg_id="dv-outage-close-118450",
        )
    )

    # --- good: operator maintenance at T-Mobile in summer (qp)
    tmobile = render(
        catalog,
        "operator-maintenance-open",
        {
            "hl": "HL-122077",
            "operator": "T-MOBILE",
            "start": "05.08.2026 00:00",
            "end": "05.08.2026 04:00",
            "services": ["sms-premium", "mt-subscriptions", "mps"],
            "sender": "Michał Kozłowski",
        },
    )
    files["good/operator-maintenance-open-tmobile.eml"] = as_bytes(
        envelope(
            text_part(tmobile.body, cte="qp"),
            subject=tmobile.subject,
            to="partners-maintenance@lists.digitalvirgo.pl",
            date="Fri, 31 Jul 2026 10:05:00 +0200",
            msg_id="operator-maintenance-open-122077",
        )
    )

    # --- good: replies — Polish acceptance (base64, B-encoded subject), English rejection (qp)
    files["good/ticket-accepted-pl.eml"] = as_bytes(
        envelope(
            text_part(
                TICKET_ACCEPTED_PL.format(hl="HL-121901", sender="Paweł Wojciechowski"),
                cte="base64",
            ),
            subject="Przyjęcie zgłoszenia [HL-121901]",
            to="obsluga@partner-sms.example",
            date="Tue, 17 Mar 2026 09:14:00 +0100",
            msg_id="ticket-accepted-121901",
            subject_encoding="base64",
        )
    )
    files["good/ticket-rejected-en.eml"] = as_bytes(
        envelope(
            text_part(
                TICKET_REJECTED_EN.format(
                    address="ops@newvendor.example", sender="Magdalena Kwiatkowska"
                ),
                cte="qp",
            ),
            subject="Your request cannot be accepted",
            to="ops@newvendor.example",
            date="Wed, 08 Jul 2026 15:40:00 +0200",
            msg_id="ticket-rejected-ops-newvendor",
        )
    )
    # a client that still sends windows-1250, but says so in Content-Type: readable, correct
    files["good/ticket-accepted-pl-windows-1250.eml"] = as_bytes(
        envelope(
            text_part(
                TICKET_ACCEPTED_PL.format(hl="HL-122007", sender="Łukasz Wójcik"),
                charset="windows-1250",
                cte="qp",
            ),
            subject="Przyjęcie zgłoszenia [HL-122007]",
            to="zgloszenia@operator-wirtualny.example",
            date="Mon, 23 Mar 2026 11:02:00 +0100",
            msg_id="ticket-accepted-122007",
            charset="windows-1250",
        )
    )

    # --- good: reports — to a partner with a log attached, to T-Mobile about DirectBilling
    mixed = MIMEMultipart("mixed", boundary="=_komunikat_mixed_121933")
    mixed.attach(text_part(PARTNER_REPORT_EN, cte="qp"))
    log = MIMEApplication(
        b"2026-06-16T08:50:02+02:00 POST https://mo.quizlato.example/dv/mo -> 401\n"
        b"2026-06-16T08:50:09+02:00 POST https://mo.quizlato.example/dv/mo -> 401\n",
        "octet-stream",
    )
    log.add_header("Content-Disposition", "attachment", filename="mo-gateway.log")
    mixed.attach(log)
    files["good/partner-report-en-attachment.eml"] = as_bytes(
        envelope(
            mixed,
            subject="Problem with the Quiz Lato 2026 MPS service [HL-121933]",
            to="tech@quizlato.example",
            date="Tue, 16 Jun 2026 09:20:00 +0200",
            msg_id="partner-report-121933",
        )
    )
    report = render(
        catalog,
        "operator-problem-report",
        {
            "hl": "HL-109761",
            "operator": "T-MOBILE",
            "service": "directbilling",
            "summary": "Błędy autoryzacji w API DirectBilling (XCG)",
            "problem": (
                "Od 13:25 API DirectBilling (XCG) odpowiada błędem autoryzacji na wszystkie "
                "żądania obciążenia wysyłane przez Digital Virgo; płatności użytkowników "
                "nie są realizowane."
            ),
            "connection": "API XCG, adres https://xcg.t-mobile.example/charge, konto DV_XCG",
            "error": "HTTP 401 Unauthorized: token expired",
            "high_impact": True,
            "sender": "Michał Kozłowski",
        },
    )
    files["good/operator-report-tmobile-directbilling.eml"] = as_bytes(
        envelope(
            text_part(report.body, cte="base64"),
            subject=report.subject,
            to="directbilling@t-mobile.example",
            cc="katarzyna.wczyrsa@digitalvirgo.pl",
            date="Wed, 04 Nov 2026 13:41:00 +0100",
            msg_id="operator-report-109761",
        )
    )

    # --- bad: Witam and the help@ footer (qp)
    witam = TICKET_ACCEPTED_PL.format(hl="HL-121950", sender="Joanna Mazur")
    witam = replace_once(witam, "Dzień dobry,", "Witam,")
    witam = replace_once(witam, "helpline@digitalvirgo.pl", "help@digitalvirgo.pl")
    files["bad/ticket-accepted-pl-witam-help.eml"] = as_bytes(
        envelope(
            text_part(witam, cte="qp"),
            subject="Przyjęcie zgłoszenia [HL-121950]",
            to="biuro@partner-premium.example",
            date="Thu, 19 Mar 2026 10:30:00 +0100",
            msg_id="bad-ticket-accepted-121950",
        )
    )
    # --- bad: the seed's subject without the separator, CET / CEST left (base64, B subject)
    maintenance = render(
        catalog,
        "dv-maintenance-open",
        {
            "hl": "HL-122301",
            "start": "14.09.2026 22:00",
            "end": "15.09.2026 01:00",
            "services": ["sms-premium", "directbilling"],
            "sender": "Anna Nowak",
        },
    )
    body = replace_once(maintenance.body, "14.09.2026 22:00 CEST", "14.09.2026 22:00 CET / CEST")
    files["bad/dv-maintenance-open-subject-cet-cest.eml"] = as_bytes(
        envelope(
            text_part(body, cte="base64"),
            subject="Prace planowane   Planned maintenance - OPEN [HL-122301]",
            to="partners-maintenance@lists.digitalvirgo.pl",
            date="Wed, 09 Sep 2026 12:00:00 +0200",
            msg_id="bad-maintenance-122301",
            subject_encoding="base64",
        )
    )
    # --- bad: an outage CLOSE without the quoted OPEN (qp)
    close = render(
        catalog,
        "dv-outage-close",
        {
            "hl": "HL-122118",
            "start": "27.08.2026 19:05",
            "end": "27.08.2026 20:30",
            "sender": "Tomasz Wiśniewski",
        },
        previous=[
            previous_of(
                render(
                    catalog,
                    "dv-outage-open",
                    {
                        "hl": "HL-122118",
                        "start": "27.08.2026 19:05",
                        "services": ["sms-premium"],
                        "sender": "Tomasz Wiśniewski",
                    },
                )
            )
        ],
    )
    without_quote = close.body.split("----- Poprzednia wiadomość / Previous message -----")[0]
    files["bad/dv-outage-close-no-quote.eml"] = as_bytes(
        envelope(
            text_part(without_quote.rstrip("\n") + "\n", cte="qp"),
            subject=close.subject,
            to="partners-outage@lists.digitalvirgo.pl",
            date="Thu, 27 Aug 2026 20:41:00 +0200",
            msg_id="bad-outage-close-122118",
        )
    )
    # --- bad: a private phone number in a mass notice (base64)
    operator_outage = render(
        catalog,
        "operator-outage-open",
        {
            "hl": "HL-122190",
            "operator": "PLUS",
            "start": "02.09.2026 17:45",
            "services": ["sms-premium", "mt-subscriptions"],
            "sender": "Ewa Kamińska",
        },
    )
    leaked = replace_once(
        operator_outage.body,
        "Please contact us if you have any additional questions.",
        "Please contact us if you have any additional questions; in urgent cases you can "
        "call me directly on my private number +48 602 345 678.",
    )
    leaked = replace_once(
        leaked,
        "W razie jakichkolwiek pytań prosimy o kontakt.",
        "W razie jakichkolwiek pytań prosimy o kontakt, a w pilnych sprawach proszę "
        "dzwonić bezpośrednio na mój prywatny numer 602 345 678.",
    )
    files["bad/operator-outage-open-private-phone.eml"] = as_bytes(
        envelope(
            text_part(leaked, cte="base64"),
            subject=operator_outage.subject,
            to="partners-outage@lists.digitalvirgo.pl",
            date="Wed, 02 Sep 2026 18:02:00 +0200",
            msg_id="bad-operator-outage-122190",
        )
    )
    # --- bad: "Hi" and "contact You" in an English acceptance (multipart/alternative, qp)
    hi = TICKET_ACCEPTED_EN.format(hl="HL-122245", sender="Krzysztof Jankowski")
    hi = replace_once(hi, "Hello,", "Hi,")
    hi = replace_once(hi, "will contact you as soon", "will contact You as soon")
    hi_alternative = MIMEMultipart("alternative", boundary="=_komunikat_alt_118450")
    hi_alternative.attach(text_part(hi, cte="qp"))
    hi_alternative.attach(MIMEText(html_of(hi), "html", "utf-8"))
    files["bad/ticket-accepted-en-hi-contact-you.eml"] = as_bytes(
        envelope(
            hi_alternative,
            subject="Request registered [HL-122245]",
            to="noc@partner-global.example",
            date="Mon, 07 Sep 2026 08:12:00 +0200",
            msg_id="bad-ticket-accepted-122245",
        )
    )

    # --- unreadable: Windows-1250 without any declaration, and a binary file
    files["unreadable/ticket-accepted-pl-cp1250.txt"] = (
        "Subject: Przyjęcie zgłoszenia [HL-121988]\n\n"
        + TICKET_ACCEPTED_PL.format(hl="HL-121988", sender="Łukasz Wójcik")
    ).encode("cp1250")
    files["unreadable/screenshot.png"] = tiny_png()
    return files


def main() -> None:
    catalog = load_catalog(ROOT)
    for name, blob in build(catalog).items():
        path = HERE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(blob)
        print(f"make_eml: wrote {path.relative_to(ROOT)} ({len(blob)} bytes)")


if __name__ == "__main__":
    main()
