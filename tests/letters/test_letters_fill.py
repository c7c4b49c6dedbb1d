"""`zine letter NAME --fill values.toml -o FILE.pdf`: the values go into FILE.pdf and nowhere else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from builder.imposition.engine import black
from builder.paper import MM, Size
from pypdf import PdfReader

from conftest import ROOT, SAMPLE, copy_project, page_texts, run

VALUES = {
    "nom": "Jeanne Quelconque-Exemple",
    "adresse": "12 rue des Essais",
    "commune": "31000 TOULOUSE",
    "nir": "2 06 12 75 111 005 64",
    "date-naissance": "3 décembre 2006",
    "caisse": "CPAM de la Haute-Garonne",
    "caisse-adresse": "Service fictif",
    "caisse-commune": "31999 VILLE-FICTIVE",
    "lieu": "Villefictive",
    "date": "28 novembre 2026",
    "date-avis": "3 février 2022",
}
SECRETS = ("Quelconque", "Essais", "31000", "TOULOUSE", "Haute-Garonne", "fictif", "31999", "Villefictive",
           "novembre", "février", "décembre", "2061275111005", "2 06 12 75", "005 64")


@pytest.fixture
def values(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project, made the current directory (as a reader runs it), and a values file beside it."""
    for folder in ("content", "templates"):
        shutil.copytree(ROOT / folder, tmp_path / "project" / folder)
    monkeypatch.chdir(tmp_path / "project")
    path = tmp_path / "valeurs.toml"
    lines = [f'{key} = "{value}"' for key, value in VALUES.items()] + ['cocher = ["L’avis de création"]']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def printed(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """The exit code, and everything printed (out and err)."""
    code, out, err = run(capsys, *argv)
    return code, out + err


def _listing(*folders: Path) -> set[Path]:
    return {path for folder in folders if folder.exists() for path in folder.rglob("*")}


def test_filled_letter_holds_the_values_and_the_terminal_none(values: Path, capsys: pytest.CaptureFixture[str]
                                                              ) -> None:
    target = values.parent / "lettre.pdf"
    before = _listing(values.parent)
    code, said = printed(capsys, "letter", "opposition", "--fill", str(values), "-o", str(target))
    assert code == 0, said
    text = page_texts(target)
    assert len(text) == 1
    plain = text[0].replace("\u00a0", " ")
    for value in VALUES.values():
        if not value.startswith("2 06"):
            assert value in plain, value
    assert "206127511100564" in re.sub(r"\s", "", plain), "the NIR, one digit per box"
    assert re.search(r"X\s+L’avis de création", plain), "the box asked for is ticked"
    for secret in SECRETS:
        assert secret not in said, secret
    assert "left blank, to fill in by hand: signature" in said
    after = _listing(values.parent)
    assert after - before == {target}, "nothing written but the file named"
    with pikepdf.open(target) as pdf:
        assert black.black_pages(pdf) == (), "a filled letter is printed like the pack: black on one ink"


@pytest.mark.parametrize(("change", "message"), [
    (("nir", "2 06 12 75 111 005 46"), "valeurs.toml:4: 'nir': the key (the last two digits) does not match"),
    (("nir", "2 06 12 75 111 005"), "valeurs.toml:4: 'nir': a NIR has 15 characters"),
    (("prenom", "Jeanne"), "valeurs.toml:13: 'prenom': not a field of any letter"),
    (("signature", "J. Q."), "'signature': sign the printed letter by hand"),
    (("cocher", None), "'cocher': entry 1 starts no checkbox of letter 'opposition'"),
])
def test_bad_values_are_named_by_key_never_shown(values: Path, capsys: pytest.CaptureFixture[str],
                                                 change: tuple[str, str | None], message: str) -> None:
    key, value = change
    text = values.read_text(encoding="utf-8")
    if key == "cocher":
        text = text.replace("L’avis de création", "Quelconque choix")
    elif key in VALUES:
        text = text.replace(f'"{VALUES[key]}"', f'"{value}"')
    else:
        text += f'{key} = "{value}"\n'
    values.write_text(text, encoding="utf-8")
    target = values.parent / "lettre.pdf"
    code, said = printed(capsys, "letter", "opposition", "--fill", str(values), "-o", str(target))
    assert code == 1
    assert message in said, said
    assert not target.exists()
    for secret in (*SECRETS, "J. Q.", "005 46", "Jeanne"):
        assert secret not in said, secret


def test_every_bad_line_of_the_values_is_named_at_once_never_shown(values: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A values file typed in a word processor: each broken line named in one run (issue 21,
    item 6), in words that quote no value."""
    lines = values.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"', "“", 1).replace('"', "”", 1)  # curly quotes
    lines[5] = lines[5].rstrip('"')  # a text not closed
    values.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = values.parent / "lettre.pdf"
    code, said = printed(capsys, "letter", "opposition", "--fill", str(values), "-o", str(target))
    assert code == 1 and not target.exists()
    assert f"{values}:2: a word processor's curly quotes" in said, said
    assert f"{values}:6: invalid TOML" in said, said
    for secret in SECRETS:
        assert secret not in said, secret


def test_a_value_too_long_for_the_a4_page_is_an_overflow(values: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = values.read_text(encoding="utf-8")  # each value under fill.LENGTH, together too long
    for key in ("nom", "adresse", "commune", "caisse", "caisse-adresse", "caisse-commune"):
        text = text.replace(f'"{VALUES[key]}"', f'"{"rue très longue " * 31}"')
    values.write_text(text, encoding="utf-8")
    target = values.parent / "lettre.pdf"
    code, said = printed(capsys, "letter", "opposition", "--fill", str(values), "-o", str(target))
    assert code == 1
    assert re.search(r"content/letters/opposition\.md: the letter does not fit on one A4 page: it runs over by "
                     r"\d+ mm", said), said
    assert not target.exists() and "longue" not in said


@pytest.mark.parametrize(("value", "message"), [
    ("Jeanne " * 2858 + "Q", "valeurs.toml:1: 'nom': the value is 20,007 characters long: a value is a name, an "
                             "address, a date, at most 1000 characters; shorten it"),
    ("Jeanne \U0001F600 Quelconque", "valeurs.toml:1: 'nom': the value holds a character that no font of the "
                                     "letters has (an emoji or a rare sign: it would print as an empty box): "
                                     "write the value without it"),
])
def test_a_value_too_long_or_unprintable_is_named_by_the_values_file_and_key(
        values: Path, capsys: pytest.CaptureFixture[str], value: str, message: str) -> None:
    """Issue 25: both were refused naming neither the values file nor the key (the long one by the
    letter's file, quoting its first words)."""
    values.write_text(values.read_text(encoding="utf-8").replace(VALUES["nom"], value), encoding="utf-8")
    target = values.parent / "lettre.pdf"
    code, said = printed(capsys, "letter", "opposition", "--fill", str(values), "-o", str(target))
    assert code == 1 and not target.exists()
    assert f"{values.parent}/{message}" in said, said
    assert "Jeanne" not in said and "\U0001F600" not in said


def test_unknown_letter_lists_the_letters(values: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, said = printed(capsys, "letter", "resiliation", "--fill", str(values), "-o", str(values.parent / "x.pdf"))
    assert code == 1
    assert "no letter named 'resiliation'; the letters are: opposition, cloture, opposition-representant, " \
           "confirmation" in said


def test_a_zine_without_letters_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    copy_project(SAMPLE, tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")
    (tmp_path / "v.toml").write_text("", encoding="utf-8")
    code, said = printed(capsys, "letter", "x", "--fill", str(tmp_path / "v.toml"), "-o", str(tmp_path / "x.pdf"))
    assert code == 1
    assert "no letter named 'x'; the zine has no letter (a part with 'kind: letter' in its front matter)" in said


def test_a_template_problem_leaves_no_filled_letter_behind(values: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The filled letter holds personal data: an error after the layout must not leave the file."""
    css = Path("templates/letters.css")
    css.write_text(css.read_text(encoding="utf-8") + "\n.letter { colr: red; }\n", encoding="utf-8")
    target = values.parent / "lettre.pdf"
    code, said = printed(capsys, "letter", "opposition", "--fill", str(values), "-o", str(target))
    assert code == 1 and "templates/letters.css" in said and "colr" in said, said
    assert not target.exists()
    assert not list(values.parent.glob("*.partial")) and not list(values.parent.glob(".*.partial"))


TENANTS = ('title = "Tenants"\nlang = "en"\ndate = 2026-11-28\nedition = "First edition"\nformat = "half-letter"\n'
           'parts = ["letters/repairs.md"]\n')
REPAIRS = ("---\ntitle: Repairs\nkind: letter\n---\n\n[[name]]\n[[address]]\n\n> Acme Property Management\n"
           "> [[landlord-address: street]]\n> [[landlord-city: city, state and ZIP code]]\n\n"
           "Please repair the heating.\n\n> [[signature]]\n")


@pytest.fixture
def tenants(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A half-letter zine of one English letter (the shipped templates), made the current directory."""
    (tmp_path / "tenants/content/letters").mkdir(parents=True)
    (tmp_path / "tenants/content/zine.toml").write_text(TENANTS, encoding="utf-8")
    (tmp_path / "tenants/content/letters/repairs.md").write_text(REPAIRS, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "tenants")
    return tmp_path


def test_a_half_letter_zines_letter_is_filled_on_us_letter_for_a_number_10_window(
        tenants: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 22: `zine letter --fill` writes the zine's letter paper, and says it."""
    values, target = tenants / "values.toml", tenants / "letter.pdf"
    values.write_text('name = "Pat Example"\nlandlord-address = "1 Main Street"\nlandlord-city = "Springfield"\n',
                      encoding="utf-8")
    code, said = printed(capsys, "letter", "repairs", "--fill", str(values), "-o", str(target))
    assert code == 0, said
    assert "letter 'repairs', one US letter page, for a #10 window envelope" in said
    box = PdfReader(target).pages[0].mediabox
    assert Size.from_points(float(box.width), float(box.height)) == Size(215.9, 279.4)
    document = pdfium.PdfDocument(target)
    try:
        page = document[0]
        text = page.get_textpage()
        found = text.search("Springfield").get_next()
        assert found is not None
        left, bottom, right, top = text.get_charbox(found[0])
        # inside what a #10 window shows (tests/letters/test_envelopes.py: NUMBER_10_WINDOW)
        assert 22.2 <= left / MM <= 111.1 and 51.8 <= (page.get_height() - top) / MM <= 80.4
    finally:
        document.close()


def test_a_letter_too_long_for_us_letter_is_refused_naming_the_paper(tenants: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    values, target = tenants / "values.toml", tenants / "letter.pdf"
    values.write_text("".join(f'{key} = "{"a very long street " * 52}"\n'
                              for key in ("name", "address", "landlord-address", "landlord-city")), encoding="utf-8")
    code, said = printed(capsys, "letter", "repairs", "--fill", str(values), "-o", str(target))
    assert code == 1 and not target.exists()
    assert "content/letters/repairs.md: the letter does not fit on one US letter page" in said, said


def test_a_filled_address_taller_than_the_window_is_warned(tenants: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 25, item 3: a filled recipient's address may wrap past what the #10 window shows
    (letters.fit): the letter is written, and the terminal says which letter and how much may hide."""
    values, target = tenants / "values.toml", tenants / "letter.pdf"
    street = "Building 12, Staircase B, Apartment 34, " * 4 + "1 Main Street"
    values.write_text(f'name = "Pat Example"\nlandlord-address = "{street}"\nlandlord-city = "Springfield"\n',
                      encoding="utf-8")
    code, out, err = run(capsys, "letter", "repairs", "--fill", str(values), "-o", str(target))
    assert code == 0 and target.exists(), out + err
    warned = re.search(r"warning: (.*): the recipient's address is (\d+) mm tall, and the window of a #10 envelope "
                       r"shows ([\d.]+) mm of it .*: its last (\d+) mm may be hidden", err)
    assert warned is not None, err
    assert "repairs" in warned[1] and int(warned[2]) > float(warned[3]) and int(warned[4]) > 0
    assert "Springfield" in "".join(page_texts(target))  # written all the same
