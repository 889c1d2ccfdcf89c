"""The patterns of the facts messages carry: an HL number, an e-mail address, a person's name.

Written once here; the value types, the subject grammar, the data checks and
the linter's token and PII scanners build on them.
"""

from __future__ import annotations

import re

HL_DIGITS = r"\d{4,7}"
HL_NUMBER = rf"HL-(?P<n>{HL_DIGITS})"
# A number as typed into a form or --set: "HL-123456", "hl123456" or "123456".
HL_INPUT = re.compile(rf"^(?:HL-?)?(?P<n>{HL_DIGITS})$", re.IGNORECASE)
HL_ANYWHERE = re.compile(rf"\b{HL_NUMBER}\b")

# One address (use fullmatch): no spaces, angle brackets or second "@"; a top-level domain of letters.
EMAIL = re.compile(r"[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,}")

# A first name and a surname (or more), letters only, joined by a space, apostrophe or hyphen.
PERSON = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+)+$")
