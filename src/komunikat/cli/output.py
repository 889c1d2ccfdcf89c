"""Where ``render`` puts its result: stdout, or a file replaced atomically."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .usage import EXIT_OK, UsageError


def emit(blob: bytes, args: argparse.Namespace) -> int:
    if args.output is None:
        sys.stdout.buffer.write(blob)
        sys.stdout.flush()
        return EXIT_OK
    path: Path = args.output
    if path.is_dir():
        raise UsageError(f"{path}: to katalog; podaj nazwę pliku, np. {path / 'wiadomosc.eml'}")
    if (path.exists() or path.is_symlink()) and not args.force:
        raise UsageError(f"{path}: plik już istnieje; wybierz inną nazwę albo dodaj --force")
    if path.is_symlink():
        print(
            f"komunikat: uwaga: {path} to dowiązanie do {os.readlink(path)}; --force zastępuje "
            "dowiązanie zwykłym plikiem, a plik, na który wskazywało, zostaje bez zmian",
            file=sys.stderr,
        )
    try:
        _replace_atomically(path, blob)
    except OSError as exc:
        raise UsageError(f"{path}: nie można zapisać: {exc.strerror or exc}") from None
    print(f"komunikat: zapisano {path}", file=sys.stderr)
    return EXIT_OK


def _replace_atomically(path: Path, blob: bytes) -> None:
    """Write a unique temporary file beside ``path``, then rename it over ``path``.

    The old file stays whole until the rename; on any failure (a full disk
    included) the temporary file is removed, so nothing is left behind.
    """
    import tempfile

    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, kept on success
        dir=path.parent, prefix=f".{path.name}.", suffix=".komunikat-tmp", delete=False
    )
    tmp = Path(handle.name)
    try:
        with handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _new_file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _new_file_mode(path: Path) -> int:
    """The mode of the file being replaced, else what a plain ``open`` would give (umask)."""
    if path.is_file() and not path.is_symlink():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
