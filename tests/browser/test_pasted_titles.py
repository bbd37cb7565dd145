"""In Chromium, staff search with a headline copied from an article, or typed on a phone.

Found using the demo as a new user (notes/walk4.md). Vietnamese headlines are full of typographic
punctuation: "Kinh tế – xã hội", "Tiên Lãng – Hải An" (an en dash between spaces), “đắp chiếu”
(curly quotes, also what a phone keyboard or Word types for "). Pasting such a headline into the
search box gave a syntax error ('–' has no letters or digits), a hyphen between spaces silently
became NOT (so "Tiên Lãng - Hải An" left out the very article), and “đắp chiếu” in curly quotes
was searched as two loose words, not as the phrase; and "Bắc Ninh: …" (how headlines name the
province) was refused with "không có trường 'ninh'" (no field 'ninh').
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from tests.helpers import make_user

PHRASE = re.compile(r"“(\w+(?: \w+)+)”")  # a quoted part of two words or more


@pytest.fixture
def viewer_page(live_server, browser_page, login_page):
    email, password = make_user(live_server.app, "viewer")
    login_page(browser_page, email, password)
    return browser_page


def _total(page) -> int:
    found = re.search(r"Tìm thấy ([\d.]+)", page.inner_text("main"))
    assert found, page.inner_text("main")[:500]
    return int(found.group(1).replace(".", ""))


def _search(page, base: str, query: str) -> tuple[int, list[str]]:
    """Type ``query`` into the search box as a user does; the count shown and the hits' titles."""
    page.goto(f"{base}/search")
    page.fill("#q", query)
    with page.expect_navigation():
        page.press("#q", "Enter")
    assert page.locator(".query-error").count() == 0, page.inner_text(".query-error")
    return _total(page), page.locator(".hit .hit-title").all_inner_texts()


def _count(page, base: str, query: str) -> int:
    page.goto(f"{base}/search?q={quote(query)}")
    return _total(page)


def _headline(page, base: str, wanted: re.Pattern[str]) -> str:
    """The newest headline on the search page that ``wanted`` finds (what a user would copy)."""
    for number in range(1, 30):
        page.goto(f"{base}/search?sort=date&page={number}")
        titles = page.locator(".hit .hit-title").all_inner_texts()
        for title in titles:
            if wanted.search(title):
                return title.strip()
        if not titles:
            break
    pytest.fail(f"no headline in the live index matches {wanted.pattern}")


def test_a_pasted_headline_with_dashes_finds_its_article(live_server, viewer_page):
    page = viewer_page
    headline = _headline(page, live_server.url, re.compile(r"\w \u2013 \w"))
    for dash in ("\u2013", "-", "\u2014"):  # as printed (en dash), the keyboard's hyphen, an em dash
        query = headline.replace(" \u2013 ", f" {dash} ")
        count, titles = _search(page, live_server.url, query)
        assert count >= 1 and headline in titles, (query, count, titles)
        words = query.replace(f" {dash} ", " ")
        assert count == _count(page, live_server.url, words), query
    # A minus written against a word is still NOT (docs/QUERY.md): the article is left out.
    after = headline.split(" \u2013 ", 1)[1].split()[0]
    negated = headline.replace(f" \u2013 {after}", f" -{after}", 1)
    _, titles = _search(page, live_server.url, negated)
    assert headline not in titles, negated


def test_curly_quotes_make_a_phrase_like_straight_ones(live_server, viewer_page):
    page = viewer_page
    headline = _headline(page, live_server.url, PHRASE)
    quoted = PHRASE.search(headline).group(1)
    phrase = _count(page, live_server.url, f'"{quoted}"')
    assert phrase >= 1
    for query in (f"“{quoted}”", f"„{quoted}“"):
        count, _ = _search(page, live_server.url, query)
        assert count == phrase, query
    # The same words in another order: as a phrase, fewer (or no) articles than the loose words.
    backwards = " ".join(reversed(quoted.split()))
    reversed_phrase = _count(page, live_server.url, f'"{backwards}"')
    assert reversed_phrase < _count(page, live_server.url, backwards)
    count, _ = _search(page, live_server.url, f"“{backwards}”")
    assert count == reversed_phrase, backwards
    # The whole headline pasted as it is: its quoted part is a phrase, and the article is found.
    count, titles = _search(page, live_server.url, headline)
    assert headline in titles, (count, titles)
    # A lone curly quote (half a pasted headline) is punctuation, not an unclosed phrase.
    half = headline[: headline.index("”")]
    count, _ = _search(page, live_server.url, half)
    assert count >= 1 and count == _count(page, live_server.url, half.replace("“", " "))


def test_a_headline_naming_its_province_before_a_colon_is_searched_as_words(live_server, viewer_page):
    # "Bắc Ninh: …", "Long An: …": the word before the colon is plain ASCII, like a field name.
    page = viewer_page
    headline = _headline(page, live_server.url, re.compile(r"^[^:]*\b[A-Za-z]+: "))
    count, titles = _search(page, live_server.url, headline)
    assert headline in titles, (count, titles)
    assert count == _count(page, live_server.url, headline.replace(":", " "))
    # A misspelt field written against its value is still an error naming the fields.
    page.goto(f"{live_server.url}/search?q={quote('titel:giao')}")
    assert "titel" in page.inner_text(".query-error")
