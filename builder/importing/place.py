"""The imported part put into `content/` whole or not at all (issue 23, item 2).

Everything is made first in a folder beside `content/` (the stage); `put` then copies the
pictures and the part in, each created new (a file that appeared meanwhile is never written
over), and replaces the manifest last, atomically (a new file renamed over it), only if it is
still the text the part was added to. Any failure removes what was put: content/ is left as it was.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from builder import files
from builder.content import manifest
from builder.errors import BuildError


def free(stem: str, suffix: str, taken: set[str]) -> str:
    """`stem` + `suffix`, or with -2, -3… before the suffix: a name not in `taken` (lower-case
    names, which the new one joins: two files that differ by case only would clash on a Mac)."""
    name, number = f"{stem}{suffix}", 1
    while name.lower() in taken:
        number += 1
        name = f"{stem}-{number}{suffix}"
    taken.add(name.lower())
    return name


def put(stage: Path, content: Path, pictures: list[str], part: str, manifests: tuple[str, str]) -> None:
    """Copy stage/images/NAME for each of `pictures` into content/images/, stage/`part` into
    content/, and replace content/zine.toml, whose text was `manifests[0]`, by `manifests[1]`.
    BuildError naming the file that failed, after removing what was put."""
    made: list[Path] = []
    try:
        images = content / "images"
        if pictures and not images.is_dir():
            images.mkdir()
            made.append(images)
        for name in pictures:
            _create(stage / "images" / name, images / name, made)
        _create(stage / part, content / part, made)
        _manifest(content / manifest.NAME, *manifests)
    except BaseException:
        for path in reversed(made):
            with contextlib.suppress(OSError):
                if path.is_dir():
                    path.rmdir()
                else:
                    path.unlink()
        raise


def _create(source: Path, target: Path, made: list[Path]) -> None:
    """Copy `source` to `target`, which must not exist; `target` joins `made` once created."""
    shown = f"content/{target.relative_to(target.parents[1]).as_posix()}" if target.parent.name == "images" \
        else f"content/{target.name}"
    try:
        with source.open("rb") as reading, target.open("xb") as writing:
            made.append(target)
            shutil.copyfileobj(reading, writing)
    except FileExistsError:
        raise BuildError(shown, "appeared while importing: nothing imported") from None
    except OSError as error:
        raise BuildError(shown, f"cannot be written ({error.strerror or error}): nothing imported") from None


def _manifest(path: Path, old: str, new: str) -> None:
    """Replace the manifest at `path` by `new`, if its text is still `old`."""
    where = f"content/{manifest.NAME}"
    try:
        if path.read_bytes().decode("utf-8", "replace") != old:
            raise BuildError(where, "changed while importing: nothing imported; import again")
        files.whole(path, new.encode("utf-8"))
    except OSError as error:
        raise BuildError(where, f"cannot be written ({error.strerror or error}): nothing imported") from None
