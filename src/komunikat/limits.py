"""How large and how long anything komunikat reads or renders may be.

One place for every limit: the sandbox (:mod:`.environment`), ``check``
(:mod:`.messagefile`) and the README's "Reliability" section read these.
Each is far above what a real notice needs (the longest shipped rendering is
about 3,000 characters) and far below what would exhaust a laptop.
"""

from __future__ import annotations

MAX_VALUE_CHARS = 100_000  # one string or list a template builds (`*`, `+`, padding)
MAX_POWER_BITS = 4_096  # the result of `**`
MAX_LOOP_ITEMS = 100_000  # all range() items of one rendering, nested loops included
MAX_OUTPUT_CHARS = 200_000  # one rendered body or subject
MAX_MESSAGE_BYTES = 500_000  # a composed message given to `komunikat check` (about 10 s)
