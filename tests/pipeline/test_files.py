"""Nothing lost: outputs appear whole or not at all, whatever happens to the build."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from builder import files
from builder.errors import BuildError
from builder.model import Report
from pypdf import PdfReader

from conftest import ROOT, SAMPLE


def old_outputs(output: Path) -> dict[str, bytes]:
    output.mkdir(exist_ok=True)
    for name in ("a.pdf", "b.pdf"):
        (output / name).write_bytes(f"old {name}".encode())
    return {path.name: path.read_bytes() for path in output.iterdir()}


def test_outputs_replace_the_old_ones_only_when_all_went_well(tmp_path: Path) -> None:
    before = old_outputs(tmp_path)
    with pytest.raises(BuildError):
        with files.staging(tmp_path) as stage:
            (stage / "a.pdf").write_bytes(b"new a")
            raise BuildError("content/un.md", "a problem found half way")
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before  # no staging folder left
    with files.staging(tmp_path) as stage:
        (stage / "a.pdf").write_bytes(b"new a")
        (stage / "b.pdf").write_bytes(b"new b")
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == {"a.pdf": b"new a", "b.pdf": b"new b"}


def test_new_outputs_have_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    with files.staging(tmp_path / "out") as stage:
        (stage / "a.pdf").write_bytes(b"new")
    assert (tmp_path / "out/a.pdf").stat().st_mode & 0o777 == 0o666 & ~umask  # not the staging folder's 0700


def test_a_failed_write_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = old_outputs(tmp_path)

    def full(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(BuildError) as error:
        with files.staging(tmp_path) as stage:
            (stage / "a.pdf").write_bytes(b"new a")
    assert str(error.value) == f"cannot write {tmp_path}/a.pdf (No space left on device)"
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before


def test_a_killed_build_leaves_the_old_outputs_and_its_leftovers_are_swept(tmp_path: Path) -> None:
    before = old_outputs(tmp_path)
    killed = subprocess.run([sys.executable, "-c", f"""
import os, signal
from pathlib import Path
from builder import files
with files.staging(Path({str(tmp_path)!r})) as stage:
    (stage / "a.pdf").write_bytes(b"half a PDF")
    os.kill(os.getpid(), signal.SIGKILL)
"""], env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert killed.returncode == -9
    (leftover,) = tmp_path.glob(files.PREFIX + "*")
    assert {path.name: path.read_bytes() for path in tmp_path.glob("*.pdf")} == before
    with files.staging(tmp_path):
        pass
    assert leftover.exists()  # too recent: it could be a build that has only just started
    old = time.time() - files.STALE_SECONDS - 1
    os.utime(leftover, (old, old))
    with files.staging(tmp_path):
        pass
    assert not leftover.exists()
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before


def test_a_live_build_keeps_its_staging_folder(tmp_path: Path) -> None:
    with files.staging(tmp_path) as stage:
        old = time.time() - files.STALE_SECONDS - 1
        os.utime(stage, (old, old))  # a slow build: old, but its lock is held
        with files.staging(tmp_path):
            pass
        assert stage.exists()


def test_never_writes_into_the_sources(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    with pytest.raises(BuildError, match="the build never writes there"):
        with files.staging(tmp_path / "content/out", sources=(tmp_path / "content",)):
            pass
    assert not (tmp_path / "content/out").exists()


def test_two_builds_at_once_never_show_a_partial_file(tmp_path: Path, sample_build: Report) -> None:
    shutil.copytree(SAMPLE / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    script = "from builder.cli import main\nfor _ in range(3):\n    assert main(['build']) == 0\n"
    builds = [subprocess.Popen([sys.executable, "-c", script], cwd=tmp_path, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
              for _ in range(2)]
    expected = {out.path.name: out.path.read_bytes() for out in sample_build.outputs}
    seen = 0
    while any(build.poll() is None for build in builds):
        for name in expected:
            try:
                data = (tmp_path / "output" / name).read_bytes()
            except FileNotFoundError:
                continue  # not written yet
            assert data == expected[name], f"{name} read half-written or different"
            seen += 1
        time.sleep(0.01)
    assert [build.wait() for build in builds] == [0, 0], [build.stderr.read() for build in builds if build.stderr]
    assert seen  # the reader did look while the builds were running
    assert {path.name: path.read_bytes() for path in (tmp_path / "output").glob("*.pdf")} == expected
    assert all(len(PdfReader(tmp_path / "output" / name).pages) for name in expected)


def test_a_file_read_inside_the_stage_is_named_as_it_is(tmp_path: Path) -> None:
    """An error on a file the build reads is not reported as a failure to write an output."""
    with pytest.raises(BuildError) as error:
        with files.staging(tmp_path / "out"):
            (tmp_path / "absent.png").read_bytes()
    assert str(error.value) == f"{tmp_path / 'absent.png'}: No such file or directory"
    assert not list((tmp_path / "out").glob(files.PREFIX + "*"))


# The output folder holds exactly the last build ------------------------------------------------


def _names(folder: Path) -> set[str]:
    return {path.name + "/" * path.is_dir() for path in folder.iterdir()}


def test_what_the_last_build_wrote_and_this_one_did_not_is_removed(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("a user's own file")
    (tmp_path / "mine").mkdir()
    with files.staging(tmp_path, folders=("preview",), record=True) as stage:
        for name in ("z-reading.pdf", "z-letters-fillable.pdf"):
            (stage / name).write_bytes(b"first")
        (stage / "preview").mkdir()
        (stage / "preview" / "p.png").write_bytes(b"png")
    assert _names(tmp_path) == {"mine.txt", "mine/", "z-reading.pdf", "z-letters-fillable.pdf", "preview/",
                                files.RECORD}
    with files.staging(tmp_path, folders=("preview",), record=True) as stage:
        (stage / "z-reading.pdf").write_bytes(b"second")
    assert _names(tmp_path) == {"mine.txt", "mine/", "z-reading.pdf", files.RECORD}, "never an old letter"
    assert (tmp_path / "z-reading.pdf").read_bytes() == b"second"


def test_a_failed_build_removes_nothing(tmp_path: Path) -> None:
    with files.staging(tmp_path, record=True) as stage:
        (stage / "old.pdf").write_bytes(b"old")
    with pytest.raises(BuildError):
        with files.staging(tmp_path, record=True) as stage:
            raise BuildError("content/un.md", "a problem")
    assert (tmp_path / "old.pdf").read_bytes() == b"old"


def test_the_record_cannot_name_anything_outside_the_output(tmp_path: Path) -> None:
    output = tmp_path / "output"
    output.mkdir()
    (tmp_path / "precious.pdf").write_bytes(b"keep")
    (output / "sub").mkdir()
    (output / "sub" / "x.pdf").write_bytes(b"keep")
    (output / ".hidden").write_bytes(b"keep")
    (output / files.RECORD).write_text("../precious.pdf\nsub/x.pdf\n.hidden\n/etc/hostname\n..\n", encoding="utf-8")
    with files.staging(output, record=True) as stage:
        (stage / "new.pdf").write_bytes(b"new")
    assert (tmp_path / "precious.pdf").exists() and (output / "sub" / "x.pdf").exists() and (output / ".hidden").exists()


def test_without_a_record_nothing_else_is_touched(tmp_path: Path) -> None:
    """`zine impose -o` writes into a user's own folder: only its own file changes there."""
    with files.staging(tmp_path) as stage:
        (stage / "one.pdf").write_bytes(b"1")
    with files.staging(tmp_path) as stage:
        (stage / "two.pdf").write_bytes(b"2")
    assert _names(tmp_path) == {"one.pdf", "two.pdf"}


def test_builds_with_fewer_options_leave_no_stale_outputs(tmp_path: Path) -> None:
    from builder.build import Options

    from conftest import build_in, copy_project
    project = copy_project(ROOT, tmp_path / "project")
    output = project / "output"
    build_in(project, options=Options(fillable=True, keep_html=True))
    assert {"html/", "preview/", "mon-espace-sante-letters-fillable.pdf", "mon-espace-sante-contact.png"} <= _names(output)
    build_in(project, options=Options(previews=False))
    assert _names(output) == {files.RECORD} | {f"mon-espace-sante-{kind}.pdf"
                                               for kind in ("reading", "booklet", "letters", "minizine")}
