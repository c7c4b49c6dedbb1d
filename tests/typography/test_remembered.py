"""The refinement of text nodes remembered between builds (issue 26): what a node becomes depends
on the open quotations and the character before it, so a node met again in another state is
refined again, and a document refined twice is refined the same."""

from __future__ import annotations

import pytest
from builder import typography

SAME_NODE = '<p>5<b>" et</b></p><p>a<b>" et</b></p><p><b>" et</b></p><p>"oui<br><b>" et</b></p>'
"""One text node (`" et`) after a digit (an inch mark), after a letter (closing), at a block's
start (opening) and at a line's start inside an open quotation (closing)."""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_node_met_again_in_another_state_is_refined_as_if_fresh(lang: str) -> None:
    expected = []
    for paragraph in SAME_NODE.split("</p>")[:-1]:
        typography._REFINED.clear()
        expected.append(typography.refine(paragraph + "</p>", lang))
    typography._REFINED.clear()
    assert typography.refine(SAME_NODE, lang) == "".join(expected)
    assert typography.refine(SAME_NODE, lang) == "".join(expected)  # every node remembered now
    nodes = [paragraph.split("<b>")[1].split("</b>")[0] for paragraph in expected]
    assert len(set(nodes[:3])) == 3 and nodes[3] != nodes[2], nodes  # the states give other results


def test_the_shipped_article_is_refined_the_same_from_memory() -> None:
    from conftest import ROOT

    text = (ROOT / "content" / "article.md").read_text(encoding="utf-8")
    document = "".join(f"<p>{block}</p>" for block in text.split("\n\n"))
    typography._REFINED.clear()
    first = typography.refine(document, "fr")
    assert typography.refine(document, "fr") == first
