"""The extractor's selector matcher finds exactly what cssselect's XPath finds, in the same order."""

import pytest
from lxml import html
from lxml.cssselect import CSSSelector

from crawler.extract.content import preselected, select_all
from crawler.extract.cssmatch import SelectorGroups, SelectorList
from crawler.extract.selector_lists import (
    BODY_SELECTORS,
    BREADCRUMB_SELECTORS,
    CAPTION_SELECTORS,
    SAPO_FALLBACK,
    TAG_SELECTORS,
    TITLE_SELECTORS,
)

PAGE = """<html><body>
<div class="page-header main"><h2>Tiêu đề</h2><!-- a comment --><p class="sapo  lead">Sapo</p></div>
<div id="abody" class="detail-content&#9;x" itemprop="articleBody">
  <p class="Image">pic</p><p>one</p><figure><figcaption>cap</figcaption></figure>
  <div class="tags"><a href="/t/1">t1</a><span><a href="/t/2" class="tag">t2</a></span></div>
  <div class="box-caption-x"><div class="tags"><a>nested</a></div></div>
  <p class="desc&#160;ription">nbsp is not a class separator</p>
</div>
<ul class="breadcrumb"><li><a>Home</a></li><li><a>Section</a></li></ul>
<h2 class="title">h2</h2><span data-role="title">role</span>
</body></html>"""

ODD = (
    "p:first-child",
    "div > p",
    "h2 + p",
    "[class^='de']",
    "*",
    "a[href]",
    "#abody p",
    "li:nth-child(2)",
    ".page-header h2",
    "[class*='']",
    "div.content p.x",
    "[class~='tag']",
    "div div",
    ".tags *",
    "bad((",
    "p.desc",
    "[itemprop]",
    "div .tags a",
)


@pytest.mark.parametrize(
    "selectors",
    [
        TITLE_SELECTORS,
        BODY_SELECTORS,
        CAPTION_SELECTORS,
        SAPO_FALLBACK,
        TAG_SELECTORS,
        BREADCRUMB_SELECTORS,
        ODD,
        *[(s,) for s in ODD if s != "bad(("],
    ],
)
def test_same_elements_as_cssselect(selectors):
    tree = html.document_fromstring(PAGE)
    valid = []
    for selector in selectors:
        try:
            CSSSelector(selector)
        except Exception:  # noqa: BLE001
            continue
        valid.append(selector)
    expected = CSSSelector(", ".join(valid))
    compiled = SelectorList(tuple(selectors))
    for root in [tree, *tree.iter("div")]:  # the whole page and sub-trees (captions inside a box)
        assert compiled(root) == expected(root)


def test_lists_matched_in_one_pass_give_each_list_its_own_matches():
    """SelectorGroups (the extractor's one walk for title, sapo, author, breadcrumb, tags and body)
    answers every list exactly as that list alone does, overlapping lists included."""
    tree = html.document_fromstring(PAGE)
    lists = (
        TITLE_SELECTORS,
        BODY_SELECTORS,
        SAPO_FALLBACK,
        TAG_SELECTORS,
        BREADCRUMB_SELECTORS,
        ODD,
        ("p", ".tags a"),
        ("p",),
    )
    grouped = SelectorGroups(lists)(tree)
    assert grouped == [SelectorList(selectors)(tree) for selectors in lists]
    assert all(grouped)


def test_preselected_answers_only_its_own_tree_and_lists():
    tree = html.document_fromstring(PAGE)
    other = html.document_fromstring(PAGE)
    with preselected(tree, (TITLE_SELECTORS, TAG_SELECTORS)):
        assert select_all(tree, TITLE_SELECTORS) == SelectorList(TITLE_SELECTORS)(tree)
        assert [e.text for e in select_all(other, TAG_SELECTORS)] == ["t1", "t2", "nested"]
        assert select_all(tree, ("p",)) == tree.xpath("//p")
    tree.body.drop_tree()
    assert select_all(tree, TITLE_SELECTORS) == []  # outside the block: matched afresh
