"""Where the project's content lives.

The library is used from a checkout (editable install): the root is the
nearest directory above the working directory that holds ``templates/`` and
``data/``; ``KOMUNIKAT_ROOT`` overrides it.
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root(start: Path | None = None) -> Path:
    env = os.environ.get("KOMUNIKAT_ROOT")
    if env:
        return Path(env)
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "templates").is_dir() and (candidate / "data").is_dir():
            return candidate
    package_root = Path(__file__).resolve().parents[2]
    return package_root


def relative(path: Path, root: Path) -> str:
    """A path as editors see it: relative to the project root when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
