"""Run code against the site's python.zip alone, as Pyodide does: no site-packages at all."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

#: Printed by a script as ``"heavy"``: the modules the site does not ship.
HEAVY = 'sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "ruamel", "yaml"))'


def run_shipped(python_zip: bytes, folder: Path, code: str) -> Any:
    """``code`` in an isolated interpreter with only ``python_zip`` on its path; its JSON printout.

    ``json`` and ``sys`` are imported for it.
    """
    lib = folder / "lib"
    with zipfile.ZipFile(io.BytesIO(python_zip)) as archive:
        archive.extractall(lib)
    script = f"import json, sys\nsys.path.insert(0, {str(lib)!r})\n{code}"
    completed = subprocess.run(
        [sys.executable, "-I", "-S", "-c", script],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": os.environ.get("PATH", "")},
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)
