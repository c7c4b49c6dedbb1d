"""Writing outputs so that a failed or concurrent build never leaves a half-written file."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staging(output: Path) -> Iterator[Path]:
    """A private folder inside `output`; its files replace the old outputs only if all went well.

    The folder is on the same file system as the outputs, so each final `os.replace` is atomic:
    a reader (or a second build) sees either the old file or the new one, never a partial one.
    """
    output.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".staging-", dir=output))
    try:
        yield folder
        for path in sorted(folder.iterdir()):
            if path.is_file():
                os.replace(path, output / path.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
