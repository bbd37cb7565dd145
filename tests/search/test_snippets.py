"""Snippets and highlights: which words get marked, and that nothing else reaches the page raw."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from search.snippets import (
    MAX_SCAN_CHARS,
    _head,
    _matched_spans,
    _matched_spans_by_word,
    highlight,
    snippet,
)


def test_terms_match_whole_words_without_accents_and_phrases_as_one_mark():
    text = "Cử tri kiến nghị; Kiến Nghị khác. Kiến thiết không phải kiến nghị?"
    marked = highlight(text, [("kien", "nghi")])
    assert marked.count("<mark>") == 3
    assert "<mark>Kiến Nghị</mark>" in marked
    assert "Kiến thiết" in marked and "<mark>Kiến thiết" not in marked


def test_prefix_terms_mark_every_word_they_start():
    marked = highlight("Giao thông và giáo dục, giao lưu", [("giao*",)])
    assert marked.count("<mark>") == 3  # giao, giáo (accents folded), giao


def test_text_is_escaped_around_and_inside_marks():
    marked = highlight("<b>kiến nghị</b> & <script>", [("kien", "nghi")])
    assert "<script>" not in marked and "&lt;script&gt;" in marked
    assert "<mark>kiến nghị</mark>" in marked


def test_snippet_is_the_window_with_the_match():
    body = "Mở đầu. " * 80 + "Người dân gửi kiến nghị về đất đai. " + "Kết thúc. " * 80
    text = snippet(["", body], [("kien", "nghi")], width=120)
    assert "<mark>kiến nghị</mark>" in text
    assert text.startswith("… ") and text.endswith(" …")
    assert len(text) < 200


def test_snippet_without_terms_is_the_start_of_the_first_text():
    assert snippet(["Sapo ngắn.", "Thân bài."], []) == "Sapo ngắn."


WORDS = [
    "Kiến",
    "nghị",
    "kiến",
    "NGHỊ",
    "giao",
    "Giáo",
    "thông",
    "đất",
    "đai",
    "Đắk",
    "a_b",
    "x2",
    "lưu",
    "giaothông",
    "Ðồng",
]  # "Ð" (U+00D0) is not "Đ": it folds to itself
SEPARATORS = [" ", ", ", " - ", "\n", "_", "; ", "…", " (", ") ", "  "]


TEXTS = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=60).map(
    lambda pieces: "".join(word + separator for word, separator in pieces)
)
TERMS = st.lists(
    st.lists(
        st.sampled_from(
            ["kien", "nghi", "giao", "giao*", "thong", "dat", "dai", "dak", "gi*", "b", "x2", "luu"]
        ),
        min_size=1,
        max_size=3,
    ).map(tuple),
    min_size=1,
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(TEXTS, TERMS)
def test_the_regex_scan_finds_exactly_what_the_word_by_word_scan_finds(text, terms):
    assert sorted(_matched_spans(text, terms)) == sorted(_matched_spans_by_word(text, terms))


# -- work per document (issue 16, item 7): counted in Python lines run, not timed ---------------
class _Budget(Exception):
    pass


def _lines_run(fn, budget: int = 2_000_000) -> int:
    """Python lines ``fn`` runs (a deterministic count of work); over ``budget`` aborts, so a
    quadratic scan fails at once instead of running for an hour."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
            if count > budget:
                raise _Budget(f"more than {budget} lines")
        return tracer

    sys.settrace(tracer)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count


REPEATED = "An toàn giao thông là việc của mỗi người, giao thông an toàn. "
GIAO_THONG = [("giao",), ("thong",)]


def test_snippet_work_grows_linearly_with_the_matches_of_a_document():
    snippet(["", REPEATED], GIAO_THONG)  # patterns compiled and cached outside the count
    small = _lines_run(lambda: snippet(["", REPEATED * 12], GIAO_THONG))  # 48 matches
    double = _lines_run(lambda: snippet(["", REPEATED * 24], GIAO_THONG))  # 96 matches
    assert double <= 2.5 * small  # quadratic was 3.4x


def test_a_megabyte_of_matches_costs_no_more_than_a_long_article():
    long_article = REPEATED * 400  # 25 KB, 1,600 matches
    megabyte = REPEATED * 16_000  # 1 MB, 64,000 matches
    bound = _lines_run(lambda: snippet(["", long_article], GIAO_THONG))
    work = _lines_run(lambda: snippet(["", megabyte], GIAO_THONG), budget=2 * bound)
    assert work <= 1.1 * bound
    text = snippet(["", megabyte], GIAO_THONG)
    assert "<mark>giao thông</mark>" in text and text.endswith(" …") and len(text) < 1000


def test_a_text_cut_for_length_is_never_cut_inside_a_word():
    text = "giao " * 9_999 + "giaothông " * 10  # the cut falls among the long words
    head, cut = _head(text)
    assert cut and len(head) <= MAX_SCAN_CHARS
    assert all(word in ("giao", "giaothông") for word in head.split())


def test_the_window_is_the_densest_one():
    body = "kiến nghị khác. " + "Mở đầu. " * 50 + "kiến nghị, kiến nghị và kiến nghị. " + "Kết. " * 50
    text = snippet([body], [("kien", "nghi")], width=60)
    assert text.count("<mark>") == 3


@settings(max_examples=300, deadline=None)
@given(TEXTS, TERMS)
def test_folding_a_chunk_at_a_time_finds_what_the_word_by_word_scan_finds(text, terms):
    import search.snippets as snippets

    chunk, margin = snippets.FOLD_CHUNK, snippets.FOLD_MARGIN
    snippets.FOLD_CHUNK, snippets.FOLD_MARGIN = 7, 48  # many chunks; no match here is longer than 48
    try:
        assert sorted(_matched_spans(text, terms)) == sorted(_matched_spans_by_word(text, terms))
    finally:
        snippets.FOLD_CHUNK, snippets.FOLD_MARGIN = chunk, margin
