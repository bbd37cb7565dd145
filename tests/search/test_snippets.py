"""Snippets and highlights: which words get marked, and that nothing else reaches the page raw."""

from __future__ import annotations

from search.snippets import highlight, snippet


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
