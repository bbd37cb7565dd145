import unicodedata

import pytest

from search.text import fold, normalize, token_text, tokens


@pytest.mark.parametrize(
    "old, new", [("hoà", "hòa"), ("thuỷ", "thủy"), ("qúy", "quý"), ("Hoà Bình", "Hòa Bình"), ("khoẻ", "khỏe")]
)
def test_tone_mark_placements_become_one(old, new):
    assert normalize(old) == normalize(new)


def test_normalize_keeps_words_with_modified_vowels():
    for word in ("người", "thuở", "khuỷu", "giá", "gì", "toán", "hoàng", "tuyết", "Điện"):
        assert normalize(word) == unicodedata.normalize("NFC", word)


def test_nfd_input_is_composed():
    decomposed = unicodedata.normalize("NFD", "Bắc Ninh kiến nghị")
    assert normalize(decomposed) == "Bắc Ninh kiến nghị"


@pytest.mark.parametrize(
    "text, folded",
    [("Kiến nghị", "kien nghi"), ("Bắc Ninh", "bac ninh"), ("điện tử", "dien tu"), ("ĐƯỜNG", "duong")],
)
def test_fold_removes_diacritics_and_d_stroke(text, folded):
    assert fold(text) == folded


def test_tokens_split_punctuation_the_same_way_for_every_index():
    assert tokens("TP.HCM: 52-NQ/TU, 3,4%") == ["tp", "hcm", "52", "nq", "tu", "3", "4"]
    assert token_text("Sở TT&TT", folded=False) == "sở tt tt"


def test_foreign_words_keep_their_spelling():
    assert normalize("café où naïve") == "café où naïve"
    assert normalize("Khánh Hoà") == "Khánh Hòa"
