"""`zine impose` and `zine check` on the PDFs people have (issue 22): a page tree that lists a node
twice, XFA forms, AES-256 files. Each is made here, so that CI tests it without ../shared; the
real files of ../shared/corpus-round3/ (its README says what users expect) are tested too when
they are beside the clone.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from builder import preflight
from builder.errors import BuildError
from builder.imposition.anypdf import describe, impose
from builder.imposition.engine.reading import XFA_DYNAMIC, XFA_STATIC

from conftest import ROOT, make_pdf, page_texts

ROUND3 = ROOT.parent / "shared" / "corpus-round3"
"""Read-only, beside the clone; never copied into the project."""
SCAN = ROUND3 / "PyMuPDF__tests_resources_test_4147.pdf"
XFA = ROUND3 / "pdf.js__test_pdfs_xfa_filled_imm1344e.pdf"
AES = ROUND3 / "qpdf__qpdf_qtest_qpdf_enc-XI-R6,V5,O=master.pdf"


def messages(path: Path, severity: str) -> list[str]:
    return [f.message for f in preflight.check([path], pixels=False) if f.severity == severity]


def repeated_kids(path: Path) -> Path:
    """Adobe Scan's page tree: the root lists a node holding the page, then one empty node twice."""
    pdf = pikepdf.open(make_pdf(path.with_name("plain.pdf"), 1))
    root = pdf.Root.Pages
    page = pdf.pages[0].obj
    holder = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Pages, Kids=pikepdf.Array([page]), Count=1,
                                                  Parent=root))
    empty = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Pages, Kids=pikepdf.Array(), Count=0,
                                                 Parent=root))
    page.Parent = holder
    root.Kids = pikepdf.Array([holder, empty, empty])
    pdf.save(path)
    return path


def test_a_page_tree_listing_a_node_twice_is_read_once(tmp_path: Path) -> None:
    path = repeated_kids(tmp_path / "scan.pdf")
    with pytest.raises(pikepdf.PdfError, match="Loop detected"):
        pikepdf.open(path)  # what qpdf alone says of it
    imposed = impose(path, tmp_path / "out.pdf", layout=None, sheet=None)
    assert imposed.plan.blanks == (2, 3, 4) and imposed.source is not None and imposed.source.pages == 1
    assert "P01" in "".join(page_texts(tmp_path / "out.pdf"))
    (note,) = imposed.notes
    assert note.startswith("the PDF was damaged and read anyway (its page tree lists object ") and "twice" in note
    assert messages(path, "error") == [] and not any("metadata (" in m for m in messages(path, "warning"))


def xfa_form(path: Path, *, dynamic: bool) -> Path:
    """A one-page PDF with an XFA form: its viewer makes the pages (dynamic) or they are the form (static)."""
    pdf = pikepdf.open(make_pdf(path.with_name("plain.pdf"), 1))
    template = pdf.make_stream(b"<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'><template/></xdp:xdp>")
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(), XFA=template)
    if dynamic:
        pdf.Root.NeedsRendering = True
    pdf.save(path)
    return path


def test_a_dynamic_xfa_form_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = xfa_form(tmp_path / "form.pdf", dynamic=True)
    with pytest.raises(BuildError) as error:
        impose(path, tmp_path / "out.pdf", layout=None, sheet=None)
    assert error.value.message == XFA_DYNAMIC and "placeholder" in XFA_DYNAMIC
    assert not (tmp_path / "out.pdf").exists()
    assert XFA_DYNAMIC in messages(path, "error")


def test_a_static_xfa_form_is_imposed_with_a_warning(tmp_path: Path) -> None:
    path = xfa_form(tmp_path / "form.pdf", dynamic=False)
    imposed = impose(path, tmp_path / "out.pdf", layout=None, sheet=None)
    assert f"warning: {XFA_STATIC}" in describe(imposed)
    assert "P01" in "".join(page_texts(tmp_path / "out.pdf"))
    assert XFA_STATIC in messages(path, "warning") and messages(path, "error") == []


@pytest.mark.parametrize(("title", "lang"), [("Zine chiffré", "fr"), (None, None)])
def test_every_check_runs_on_an_aes_256_file(tmp_path: Path, title: str | None, lang: str | None) -> None:
    pdf = pikepdf.open(make_pdf(tmp_path / "plain.pdf", 2))
    if title and lang:
        pdf.docinfo["/Title"] = title
        pdf.Root.Lang = pikepdf.String(lang)
    path = tmp_path / "aes.pdf"
    pdf.save(path, encryption=pikepdf.Encryption(owner="master", user="", R=6))
    assert pikepdf.open(path).encryption.bits == 256
    warnings = messages(path, "warning")
    assert not any("could not read the metadata" in m for m in warnings), warnings
    missing = [m for m in warnings if m.startswith(("no title", "no language"))]
    assert len(missing) == (0 if title else 2), warnings


# The real files, when ../shared/corpus-round3 is beside the clone -------------------------------

real = pytest.mark.skipif(not ROUND3.is_dir(), reason=f"no {ROUND3}: the real files live beside the clone")


@real
def test_the_adobe_scan_file_is_imposed_like_any_one_page_document(tmp_path: Path) -> None:
    imposed = impose(SCAN, tmp_path / "out.pdf", layout=None, sheet=None)
    summary = "\n".join(describe(imposed))
    assert imposed.source is not None and imposed.source.pages == 1 and imposed.plan.blanks == (2, 3, 4)
    assert "page tree lists object 17 twice" in summary and "paper: US letter" in summary
    assert messages(SCAN, "error") == []


@real
def test_the_filled_xfa_form_is_refused_by_impose_and_check(tmp_path: Path) -> None:
    assert "Please wait" in "".join(page_texts(XFA))  # its static page: the placeholder
    with pytest.raises(BuildError, match="dynamic XFA form"):
        impose(XFA, tmp_path / "out.pdf", layout=None, sheet=None)
    assert XFA_DYNAMIC in messages(XFA, "error")


@real
def test_the_aes_file_is_imposed_and_every_check_runs(tmp_path: Path) -> None:
    imposed = impose(AES, tmp_path / "out.pdf", layout=None, sheet=None)
    assert imposed.source is not None and imposed.source.pages == 30
    warnings = messages(AES, "warning")
    assert not any("could not read" in m for m in warnings)
    # it has neither: the checks ran and said so
    assert "no title in the metadata: viewers show the file name" in warnings
    assert any(m.startswith("no language") for m in warnings)
