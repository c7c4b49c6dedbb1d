"""`zine impose` and `zine check` on hostile PDFs (issue 25): files that are not files, compression
bombs, pages too large to render, rotations PDF does not allow. Each command runs in a subprocess
under an address-space limit: the assertion is on its exit and message, never on a clock (the
subprocess time-out is only a safety net against a hang)."""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import zlib
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from builder.errors import reason
from builder.imposition.engine import limits
from builder.preflight import ink

MEMORY = 2**30
"""The address space each command may take: 1 GiB (Python with pikepdf, pypdf and pdfium
starts in under 0.2 GiB of it, measured)."""


def run(*argv: str, cwd: Path, memory: int = MEMORY) -> subprocess.CompletedProcess[str]:
    """`zine argv…` in a process (and its workers, each) limited to `memory` bytes of address space."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return subprocess.run([sys.executable, "-m", "builder", *argv], cwd=cwd, capture_output=True, text=True,
                          timeout=120, preexec_fn=limit, check=False)


def zeros(size: int) -> bytes:
    """`size` bytes of spaces through zlib: about 1000 times smaller."""
    packer, chunk = zlib.compressobj(9), b" " * 2**20
    packed = [packer.compress(chunk) for _ in range(size // 2**20)]
    return b"".join([*packed, packer.compress(chunk[:size % 2**20]), packer.flush()])


def make(path: Path, *, content: bytes | None = None, xmp: bytes | None = None, box: int = 420,
         rotate: int | None = None) -> Path:
    """A one-page PDF: its content stream (or XMP metadata) the zlib bytes given, raw."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(100, 100))
    page.obj.MediaBox = pikepdf.Array([0, 0, box, box])
    page.obj.Contents = pdf.make_stream(b"0 g 100 100 50 50 re f")
    if content is not None:
        page.obj.Contents = pikepdf.Stream(pdf, b"")
        page.obj.Contents.write(content, filter=pikepdf.Name.FlateDecode)
    if xmp is not None:
        # Not /Metadata yet: qpdf writes metadata streams decoded; the name is set in the bytes.
        pdf.Root.Metadata = pikepdf.Stream(pdf, b"")
        pdf.Root.Metadata.write(xmp, filter=pikepdf.Name.FlateDecode)
        pdf.Root.Metadata.Type, pdf.Root.Metadata.Subtype = pikepdf.Name("/Metadxxx"), pikepdf.Name.XML
    if rotate is not None:
        page.obj.Rotate = rotate
    pdf.docinfo["/Title"], pdf.Root.Lang = "t", pikepdf.String("en")
    pdf.save(path, fix_metadata_version=False)
    path.write_bytes(path.read_bytes().replace(b"/Metadxxx", b"/Metadata"))
    return path


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Small files past the real budgets: 200 MB of content, 8 MB of XMP."""
    folder = tmp_path_factory.mktemp("bombs")
    return {"content": make(folder / "content.pdf", content=zeros(200 * 2**20)),
            "xmp": make(folder / "xmp.pdf", xmp=zeros(8 * 2**20))}


def test_the_bombs_are_small(bombs: dict[str, Path]) -> None:
    assert all(path.stat().st_size < 300_000 for path in bombs.values())


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "socket"])
@pytest.mark.parametrize("command", ["impose", "check"])
def test_only_regular_files_are_read(tmp_path: Path, kind: str, command: str) -> None:
    path = {"device": Path("/dev/zero"), "folder": tmp_path / "d"}.get(kind, tmp_path / "x")
    said = {"fifo": "a FIFO (named pipe)", "device": "a device", "folder": "a folder", "socket": "a socket"}[kind]
    listening = socket.socket(socket.AF_UNIX) if kind == "socket" else None
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif listening is not None:
        listening.bind(str(path))
    try:
        argv = ["impose", str(path), "-o", "out.pdf"] if command == "impose" else ["check", str(path)]
        result = run(*argv, cwd=tmp_path)
    finally:
        if listening is not None:
            listening.close()
    assert result.returncode == 1
    assert f"{path}: {'error: ' * (command == 'check')}is {said}, not a PDF" in result.stdout + result.stderr


@pytest.mark.parametrize("command", ["impose", "check"])
@pytest.mark.parametrize(("bomb", "said"), [("content", "inflates to more than 128 MiB, the limit for one stream"),
                                             ("xmp", "the XMP metadata (8 KiB in the file) inflates to more than 4 MiB")])
def test_compression_bombs_are_refused_under_1_gib(tmp_path: Path, bombs: dict[str, Path], command: str, bomb: str,
                                                   said: str) -> None:
    argv = ["impose", str(bombs[bomb]), "-o", "out.pdf"] if command == "impose" else ["check", str(bombs[bomb])]
    result = run(*argv, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert f"{bombs[bomb]}: {'error: ' * (command == 'check')}" in result.stdout + result.stderr
    assert said in result.stdout + result.stderr
    assert "Traceback" not in result.stderr and " 0 errors" not in result.stdout
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize(("budget", "over"), [(2**16, True), (2**18, False)])
def test_the_stream_budget_is_a_parameter(tmp_path: Path, budget: int, over: bool) -> None:
    with pikepdf.open(make(tmp_path / "x.pdf", content=zeros(2**17 + 1000))) as pdf:
        found = limits.over_budget(pdf, stream=budget)
    assert (found is not None) is over
    assert found is None or "stream object" in str(found) and "more than 64 KiB" in str(found)


def test_chained_filters_are_measured(tmp_path: Path) -> None:
    """Flate of Flate inflates a million-fold: the inner stream is measured too."""
    pdf = pikepdf.new()
    stream = pikepdf.Stream(pdf, b"")
    stream.write(zlib.compress(zeros(2**20)), filter=pikepdf.Array([pikepdf.Name.FlateDecode] * 2))
    assert limits.inflated(stream, 2**19) > 2**19
    assert 2**20 <= limits.inflated(stream, 2**21) <= 2**21  # at most: not measured, far from the limit


def test_a_legal_page_of_14400_pt_is_checked_coarser_under_1_gib(tmp_path: Path) -> None:
    result = run("check", str(make(tmp_path / "x.pdf", box=14400)), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "page 1: warning: checked at 20 dpi, not 100" in result.stdout


def test_the_render_budget_is_a_parameter(tmp_path: Path) -> None:
    with pdfium.PdfDocument(make(tmp_path / "x.pdf")) as document:  # 420 pt: 583 × 583 px at 100 dpi
        page = document[0]
        assert [f.message for f in ink.findings(tmp_path, 1, page) if "checked at" in f.message] == []
        (coarse,) = [f.message for f in ink.findings(tmp_path, 1, page, budget=10_000) if "checked at" in f.message]
        page.close()
    assert coarse.startswith("checked at 17 dpi, not 100")


def test_a_page_past_14400_pt_is_named_with_the_limit(tmp_path: Path) -> None:
    result = run("check", str(make(tmp_path / "x.pdf", box=10**7)), cwd=tmp_path)
    assert result.returncode == 1
    assert "page 1: error: is 3.52778e+06 × 3.52778e+06 mm, larger than the 14400 pt (5080 mm)" in result.stdout
    assert "()" not in result.stdout


@pytest.mark.parametrize("command", ["impose", "check"])
def test_a_rotation_not_a_multiple_of_90_is_named(tmp_path: Path, command: str) -> None:
    path = make(tmp_path / "x.pdf", rotate=45)
    result = run(*(["impose", str(path), "-o", "out.pdf"] if command == "impose" else ["check", str(path)]),
                 cwd=tmp_path)
    assert result.returncode == 1
    assert "is turned by /Rotate 45, not a multiple of 90 as PDF requires" in result.stdout + result.stderr
    assert "(45)" not in result.stdout + result.stderr


@pytest.mark.parametrize(("error", "said"), [(MemoryError(), "out of memory"), (ValueError(""), "ValueError"),
                                             (OSError("a\nb"), "a b")])
def test_a_reason_is_never_empty(error: BaseException, said: str) -> None:
    assert reason(error) == said
