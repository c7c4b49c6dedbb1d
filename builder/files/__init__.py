"""Writing outputs so that a failed, killed or concurrent build never leaves a half-written file."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from builder.errors import BuildError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; stale folders are then swept by age alone
    fcntl = None  # type: ignore[assignment]

PREFIX = ".staging-"
RECORD = ".zine-outputs"
"""In the output folder: the names of what the last build wrote there, one a line (a folder ends
with "/"). The next build removes what this lists and it did not write again (issue 15): the
output holds exactly the last build, and never anything the build did not write itself."""
STALE_SECONDS = 600
"""A staging folder nobody holds and older than this is what a killed build left behind."""


def whole(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a temporary file of this process renamed into place: never
    half a file, even while other processes write the same one; a file written again keeps its
    permissions (a part saved from the desk, the manifest `zine import` lists a part in). OSError
    as writing raises it."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        temporary.write_bytes(data)
        with suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def stamp(path: Path) -> tuple[Path, int, int]:
    """`path` with its modification time (ns) and size, or -1, -1 when it is missing: what a cache
    compares to know a file unchanged (workers.jobs, render.fonts, render.sandbox)."""
    try:
        status = path.stat()
    except OSError:
        return path, -1, -1
    return path, status.st_mtime_ns, status.st_size


@contextmanager
def staging(output: Path, *, sources: tuple[Path, ...] = (), folders: tuple[str, ...] = (),
            record: bool = False) -> Iterator[Path]:
    """A private folder inside `output`; its files replace the old outputs only if all went well.

    The folder is on the same file system as the outputs, so each final `os.replace` is atomic:
    a reader (or a second build) sees either the old file or the new one, never a partial one.
    `sources` (content, templates) are refused as outputs: the build never writes there.
    The staged sub-folders named in `folders` (previews, kept HTML) replace their old copies
    whole; other sub-folders are scratch space, removed with the staging folder. With `record`
    (a build's output folder), what an earlier build wrote and this one did not is removed (RECORD);
    without it (`zine impose -o`, a user's own folder), nothing but the new files is touched.
    """
    _check(output, sources)
    _sweep(output)
    try:
        folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=output))
    except OSError as error:
        raise BuildError(None, f"cannot write in {output}/ ({error.strerror})") from None
    try:
        held = _lock(folder)
    except OSError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise BuildError(None, f"cannot write in {output}/ ({error.strerror})") from None
    try:
        try:
            yield folder
        except OSError as error:  # writing a staged output failed (a full disk…): name the output
            raise _failed(error, folder, output) from None
        _commit(folder, output, folders, record)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if held is not None:
            os.close(held)


def _commit(folder: Path, output: Path, folders: tuple[str, ...], record: bool) -> None:
    """Move the staged files and folders into `output`, then remove what the previous build
    recorded and this one did not write (RECORD); a failure is a write error."""
    try:
        written = [path.name for path in sorted(folder.iterdir()) if path.is_file()] + \
            [f"{name}/" for name in folders if (folder / name).is_dir()]
        if record:
            (folder / RECORD).write_text("".join(f"{name}\n" for name in written), encoding="utf-8")
        staged = sorted(path for path in folder.iterdir() if path.is_file())
        for path in staged:
            _sync(path)  # on disk before the rename: a power cut cannot leave an empty PDF
        # Two builds finishing together: one moves its whole set in, then the other.
        with _locked(output):
            stale = _recorded(output) - set(written) if record else set()
            for path in staged:
                os.replace(path, output / path.name)
            for name in folders:
                if (folder / name).is_dir():
                    _swap(folder / name, output / name, folder / f"{name}.old")
            for name in sorted(stale):
                _remove(output / name.rstrip("/"), folder=name.endswith("/"))
        _sync(output)
    except OSError as error:
        raise _failed(error, folder, output) from None


def _recorded(output: Path) -> set[str]:
    """The names the last build recorded as written in `output`: plain names only (no path
    separator but a folder's final "/", no dot-names), so nothing outside it can be named."""
    try:
        lines = (output / RECORD).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return set()
    return {line for line in lines
            if line.rstrip("/") and "/" not in line.rstrip("/") and "\\" not in line and not line.startswith(".")}


def _remove(path: Path, *, folder: bool) -> None:
    """Remove an output an earlier build wrote (a file, or a folder of them), if it is still there."""
    if folder and path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif not folder and (path.is_file() or path.is_symlink()):
        path.unlink()


def _failed(error: OSError, folder: Path, output: Path) -> BuildError:
    """A file error as the user should read it: a staged file is named as the output it becomes."""
    path = Path(error.filename) if error.filename else None
    if path is not None and not path.is_relative_to(folder) and not path.is_relative_to(output):
        return BuildError(path, error.strerror or str(error))  # not ours to write: a file it read
    name = path.relative_to(folder) if path is not None and path.is_relative_to(folder) else \
        Path(path.name if path is not None else "")
    return BuildError(None, f"cannot write {output / name} ({error.strerror})")


def _check(output: Path, sources: tuple[Path, ...]) -> None:
    for source in sources:
        if output.resolve().is_relative_to(source.resolve()):
            raise BuildError(None, f"the output folder {output} is inside {source}/: the build never writes there")
    try:
        output.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BuildError(None, f"the output folder {output} is a file, not a folder (move it, or name "
                               "another folder with --output)") from None
    except OSError as error:
        raise BuildError(None, f"the output folder {output}: cannot create it ({error.strerror})") from None


def _swap(new: Path, target: Path, old: Path) -> None:
    """Put folder `new` at `target`; the previous one goes to `old` (removed with the stage)."""
    if target.is_dir():
        os.replace(target, old)
    try:
        os.replace(new, target)
    except OSError:
        if old.is_dir():
            os.replace(old, target)  # the previous folder goes back: nothing is lost
        raise


def _sweep(output: Path) -> None:
    """Remove the staging folders of builds that were killed (a live build holds a lock on its own)."""
    for folder in output.glob(PREFIX + "*"):
        try:
            if time.time() - folder.stat().st_mtime < STALE_SECONDS:
                continue  # maybe a build that started a moment ago and has not locked it yet
            held = _lock(folder, wait=False)
        except OSError:
            continue  # held by a live build, or already gone
        try:
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            if held is not None:
                os.close(held)


def _lock(folder: Path, *, wait: bool = True) -> int | None:
    """Lock a folder until the descriptor is closed (or the process dies); raise if another holds it.

    None where there are no locks: then staging folders are only swept by their age.
    """
    if fcntl is None:
        return None
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        os.close(descriptor)
        raise
    except OSError:  # a file system without locks (some network mounts): carry on without
        os.close(descriptor)
        return None
    return descriptor


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    held = _lock(folder)
    try:
        yield
    finally:
        if held is not None:
            os.close(held)


def _sync(path: Path) -> None:
    if os.name != "posix":
        return  # directories cannot be opened for fsync elsewhere; files are flushed on close
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
