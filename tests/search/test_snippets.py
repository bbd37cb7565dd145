"""Snippets and highlights: which words get marked, and that nothing else reaches the page raw."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from search.snippets import _matched_spans, _matched_spans_by_word, highlight, snippet


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


WORDS = ["Kiến", "nghị", "kiến", "NGHỊ", "giao", "Giáo", "thông", "đất", "đai", "Đắk", "a_b", "x2",
         "lưu", "giaothông", "Ðồng"]  # "Ð" (U+00D0) is not "Đ": it folds to itself
SEPARATORS = [" ", ", ", " - ", "\n", "_", "; ", "…", " (", ") ", "  "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=40),
       st.lists(st.lists(st.sampled_from(["kien", "nghi", "giao", "giao*", "thong", "dat", "dai",
                                          "dak", "gi*", "b", "x2", "luu"]), min_size=1, max_size=3)
                .map(tuple), min_size=1, max_size=4))
def test_the_regex_scan_finds_exactly_what_the_word_by_word_scan_finds(pieces, terms):
    text = "".join(word + separator for word, separator in pieces)
    assert sorted(_matched_spans(text, terms)) == sorted(_matched_spans_by_word(text, terms))
