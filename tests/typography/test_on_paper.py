"""Typography as WeasyPrint sets it (issue 24): HTML refined by the typography pass, laid out with
the zine's own stylesheet in columns of several widths, read back from the PDF with pypdfium2
(glyph boxes in pt). No zine is built: each document is one paragraph or a few."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
import weasyprint
from builder.typography import refine

from conftest import ROOT

TEMPLATES = ROOT / "templates"


def render(body: str, lang: str, width: float, align: str = "justify") -> pdfium.PdfTextPage:
    """The first page's text of `body` (HTML, refined in `lang`) set in zine.css, `width` mm wide."""
    document = (f'<html lang="{lang}"><head><link rel="stylesheet" href="zine.css"><style>'
                f"body {{ width: {width}mm }} p {{ text-align: {align} }}</style></head>"
                f"<body>{refine(body, lang)}</body></html>")
    pdf = weasyprint.HTML(string=document, base_url=str(TEMPLATES) + "/").write_pdf()
    return pdfium.PdfDocument(pdf)[0].get_textpage()


def glyphs(page: pdfium.PdfTextPage) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each character pdfium reads and its box (left, bottom, right, top, in pt)."""
    return [(page.get_text_range(i, 1), page.get_charbox(i)) for i in range(page.count_chars())]


def colon_gaps(page: pdfium.PdfTextPage) -> list[tuple[float, float]]:
    """For each « : », the gap (pt) from the word before it, and the widest gap between two words of its line."""
    chars = glyphs(page)
    found = []
    for index, (char, box) in enumerate(chars):
        if char != ":":
            continue
        before = index - 1
        while chars[before][0].isspace():
            before -= 1
        line = [(c, b) for c, b in chars if abs(b[1] - box[1]) < 1 and not c.isspace()]
        widest = max(right[1][0] - left[1][2] for left, right in zip(line, line[1:]))
        found.append((box[0] - chars[before][1][2], widest))
    return found


COLONS = ("<p>Le texte dit ceci : nous refusons. Une phrase assez longue pour tomber sur une ligne lâche "
          "avec anticonstitutionnellement : voilà, et encore « un mot » puis la fin : enfin.</p>")


def test_the_space_before_a_colon_never_stretches() -> None:
    """FACTS.md §4: a no-break word space before « : », as wide on a justified line as on a ragged one."""
    fixed = colon_gaps(render(COLONS, "fr", 120, align="start"))[0][0]
    loose = 0
    for width in range(38, 62, 2):
        for gap, widest in colon_gaps(render(COLONS, "fr", width)):
            assert gap == pytest.approx(fixed, abs=0.5), f"{width} mm: {gap:.2f} pt before a colon, not {fixed:.2f}"
            loose += widest > fixed + 3
    assert loose, "no colon fell on a loose justified line: the test proves nothing"


FIGURES = {
    "fr": ("<p>Le 30 décembre 2025 puis le 1er septembre 2026, le 2 septembre 2026, dans six semaines, quinze "
           "jours ou dix-huit mois, 12 semaines, 10 % des personnes, le n° 18, le 28 novembre 2026, vingt "
           "kilomètres, trois questionnaires, le 15 février 2026 et le 4 octobre 2022, deux administrations, "
           "cinq signatures, 40 kilogrammes, en décembre, quatre septembres, le 31 juillet 2021.</p>"),
    "en": ("<p>On December 30, 2025 then on 2 September 2026, within six weeks, fifteen months or eighteen "
           "fortnights, 12 weeks, No. 18, on November 28, 2026, twenty kilometres, three questionnaires, on "
           "February 15, 2026 and 4 October 2022, two administrations, five signatures, 40 kilograms, in "
           "December, four Septembers, on July 31, 2021 and 10 kilometres.</p>"),
    "de": ("<p>Am 30. Dezember 2025, dann am 2. September 2026, in sechs Wochen, fünfzehn Monaten oder "
           "achtzehn Kalenderwochen, 12 Wochen, Nr. 18, am 28. November 2026, zwanzig Kilometer, drei "
           "Fragebögen, am 15. Februar 2026 und am 4. Oktober 2022, zwei Verwaltungen, fünf Unterschriften, "
           "40 Kilogramm, im Dezember, vier Septembertage, am 31. Juli 2021 und 10 Kilometer.</p>"),
}
"""Dates and counted words in each language (FACTS.md §4, §4b): what the tests below set at many widths."""
KEPT = {
    "fr": ("décembre", "septembre", "semaines", "jours", "mois", "novembre", "kilomètres", "questionnaires",
           "février", "octobre", "administrations", "signatures", "kilogrammes", "septembres", "juillet"),
    "en": ("december", "september", "weeks", "months", "fortnights", "november", "kilometres", "questionnaires",
           "february", "october", "administrations", "signatures", "kilograms", "septembers", "july"),
    "de": ("dezember", "september", "wochen", "monaten", "kalenderwochen", "november", "kilometer", "fragebögen",
           "februar", "oktober", "verwaltungen", "unterschriften", "kilogramm", "septembertage", "juli"),
}
WHOLE = {
    "fr": ("30décembre2025", "2septembre2026", "28novembre2026", "1erseptembre2026", "15février2026",
           "sixsemaines", "vingtkilomètres"),
    "en": ("December30,2025", "2September2026", "November28,2026", "February15,2026", "4October2022",
           "July31,2021", "sixweeks", "No.18", "10kilometres", "twentykilometres"),
    "de": ("30.Dezember2025", "2.September2026", "28.November2026", "15.Februar2026", "4.Oktober2022",
           "31.Juli2021", "sechsWochen", "Nr.18", "10Kilometer", "zwanzigKilometer"),
}
"""What stays on one line: each date, and a few numbers with the word they count."""


def line_ends(page: pdfium.PdfTextPage) -> list[str]:
    """The last word of each line of the page."""
    return [line.split()[-1] for line in page.get_text_range().splitlines() if line.split()]


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_no_date_nor_counted_word_is_hyphenated(lang: str) -> None:
    """FACTS.md §4: a number and its unit or noun stay together, a date whole, none hyphenated (issue 24)."""
    hyphenated = []
    for width in range(30, 72, 3):
        ends = line_ends(render(FIGURES[lang], lang, width))
        hyphenated += [(width, end) for end in ends if end[-1] in "-\u2010"
                       and any(word.startswith(end[:-1].lower()) for word in KEPT[lang])]
    assert not hyphenated


def lines(page: pdfium.PdfTextPage) -> list[list[tuple[str, tuple[float, float, float, float]]]]:
    """The glyphs of each line (pt boxes), top to bottom, spaces left out: a superscript (1er) is in its line."""
    found: list[list[tuple[str, tuple[float, float, float, float]]]] = []
    for index in range(page.count_chars()):  # loose boxes: the font's height, whatever the glyph's ink
        char, box = page.get_text_range(index, 1), page.get_charbox(index, loose=True)
        if char.isspace():
            continue
        if found and abs(found[-1][0][1][1] - box[1]) < 5:  # raised less than half a line: same line
            found[-1].append((char, box))
        else:
            found.append([(char, box)])
    return found


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_a_date_never_splits_across_lines(lang: str) -> None:
    """Day, month and year on one line (issue 24), 1er and its superscript too, and a number with
    the word it counts: pdfium's text puts a superscript on a line of its own, so lines are told
    by the glyphs' height on the page."""
    for width in range(30, 72, 3):
        rows = ["".join(char for char, _ in line) for line in lines(render(FIGURES[lang], lang, width))]
        split = [group for group in WHOLE[lang] if not any(group in row for row in rows)]
        assert not split, f"{width} mm: {split}"


SÉNAT = {
    "fr": ("<p>Un espace que vous n’avez jamais activé se ferme avec votre numéro de sécurité sociale et celui "
           "de la carte Vitale (réponse du ministre publiée au Journal officiel du Sénat le 29 septembre 2022, "
           "question nº 01935). La lettre sert aux deux premiers cas dans les six semaines.</p>"),
    "en": ("<p>A space you never activated is closed with your social security number and the one of the "
           "Vitale card (the minister’s answer published in the Senate’s Official Journal on September 29, "
           "2022, question No. 01935). The letter serves the first two cases within the six weeks.</p>"),
    "de": ("<p>Ein nie aktivierter Bereich wird mit der Versichertennummer und der Nummer der "
           "Versichertenkarte geschlossen (Antwort des Ministers im Amtsblatt des Senats vom 29. September "
           "2022, Anfrage Nr. 01935). Der Brief dient den ersten zwei Fällen innerhalb der sechs Wochen.</p>"),
}


@pytest.mark.parametrize(("lang", "narrowest"), [("fr", 36), ("en", 40), ("de", 42)])
def test_a_kept_date_does_not_break_lines_early(lang: str, narrowest: int) -> None:
    """A date kept whole never sends words to lines of their own (Kozea/WeasyPrint#1614): every
    justified line but the last reaches the right edge. Below `narrowest` mm, « on » or « vom »
    before a date too long to share a line with it stands alone: no early break, a narrow column."""
    for width in range(narrowest, 80, 2):
        rows = lines(render(SÉNAT[lang], lang, width))
        rows = [line for line in rows if line[0][1][0] < rows[0][0][1][0] + 1]  # not the folio
        edge = max(line[-1][1][2] for line in rows)
        short = ["".join(c for c, _ in line) for line in rows[:-1] if line[-1][1][2] < edge - 3]
        assert not short, f"{width} mm: lines short of the edge: {short}"


ADDRESS = "https://www.lantivol.com/2021/05/vers-une-societe-machine-tendance.html?page=2&x=1#fin"
ADDRESSES = (f"<p>Pour aller plus loin, lire le texte en ligne : {ADDRESS} et les textes sur "
             '<a href="https://eur-lex.europa.eu/eli/reg/2025/327/oj">https://eur-lex.europa.eu/eli/reg/2025/327/oj</a>.</p>')


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_an_address_breaks_only_after_a_slash_or_before_a_mark(lang: str) -> None:
    """Issue 24: never in the scheme nor at a hyphen of the address (read as hyphenation), and the
    text copied from the PDF is the address unchanged (pdfium marks a line-end hyphen U+FFFE)."""
    for width in range(30, 72, 3):
        page = render(ADDRESSES, lang, width)
        rows = ["".join(char for char, _ in line) for line in lines(page)]
        text = page.get_text_range()
        assert ADDRESS in text.replace("\r\n", ""), f"{width} mm"
        assert "https://eur-lex.europa.eu/eli/reg/2025/327/oj" in text.replace("\r\n", "")
        assert "\ufffe" not in text, f"{width} mm: a line ends on a hyphen of an address: {rows}"
        for row, after in zip(rows, rows[1:]):
            assert not row.endswith(("https:", "https://", "-")), f"{width} mm: {row} / {after}"
            assert not after.startswith(("/", "-", ":")), f"{width} mm: {row} / {after}"


def word_gaps(page: pdfium.PdfTextPage) -> list[float]:
    """The widest gap (pt) between two words on each line of the page (loose boxes: the font's
    height, the same for every glyph of a line)."""
    lines: dict[int, list[tuple[float, float]]] = {}
    for index in range(page.count_chars()):
        if not page.get_text_range(index, 1).isspace():
            left, bottom, right, _ = page.get_charbox(index, loose=True)
            lines.setdefault(round(bottom), []).append((left, right))
    return [max((after[0] - before[1] for before, after in zip(boxes, boxes[1:])), default=0.0)
            for boxes in (sorted(line) for line in lines.values())]


SOURCE = ("<p>Pour aller plus loin, lire aussi le texte suivant : "
          "https://www.lantivol.com/2021/05/vers-une-societe-machine-tendance.html et les autres.</p>")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_paragraph_with_a_spelt_out_address_is_set_ragged(lang: str) -> None:
    """Issue 24: a long address cannot hyphenate, so a justified line before it stretched into holes
    (10 pt and more): its paragraph is set ragged (shared.css), whatever the paragraphs around it."""
    space = max(word_gaps(render("<p>un deux trois</p>", lang, 120, align="start")))
    for width in range(40, 72, 4):
        widest = max(word_gaps(render(SOURCE, lang, width)))
        assert widest < space + 1, f"{width} mm: a gap of {widest:.1f} pt, a space is {space:.1f} pt"
