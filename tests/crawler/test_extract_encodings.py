"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI and Windows-1258 to NFC Unicode.

Round trips cover the whole alphabet: the 67 precomposed lower-case letters that are not ASCII
(12 vowels × 6 tones, less the 6 plain ASCII vowels, plus đ) and their 67 capitals.
Known answers come from public converter documentation, so a table error cannot hide behind a
round trip that is wrong both ways.
"""

from __future__ import annotations

import unicodedata

import pytest

from crawler.extract import extract_article, legacy
from crawler.extract.encoding import decode_page

TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
LOWER = [unicodedata.normalize("NFC", vowel + tone) for vowel in "aăâeêioôơuưy" for tone in TONES]
LOWER = [letter for letter in LOWER if not letter.isascii()] + ["đ"]
ALPHABET = LOWER + [letter.upper() for letter in LOWER]
SENTENCE = "Ủy ban nhân dân tỉnh Bắc Ninh tổ chức hội nghị tổng kết công tác năm 2023 tại Hà Nội."


def test_the_alphabet_has_134_letters():
    assert len(set(ALPHABET)) == 134
    assert all(unicodedata.is_normalized("NFC", letter) for letter in ALPHABET)


@pytest.mark.parametrize("letter", ALPHABET)
def test_tcvn3_round_trip(letter):
    encoded = legacy.unicode_to_tcvn3(letter)
    assert len(encoded) == 1
    assert legacy.tcvn3_to_unicode(encoded) == letter
    assert legacy.tcvn3_to_unicode(encoded.decode("latin-1")) == letter  # already read as Latin-1


@pytest.mark.parametrize("letter", ALPHABET)
def test_vni_round_trip(letter):
    spelled = legacy.unicode_to_vni(letter)
    assert spelled.encode("cp1252")  # VNI text is Windows-1252 text
    assert legacy.vni_to_unicode(spelled) == letter


@pytest.mark.parametrize("letter", ALPHABET)
def test_windows_1258_round_trip(letter):
    assert legacy.cp1258_to_unicode(legacy.unicode_to_cp1258(letter)) == letter


def test_tcvn3_table_is_a_bijection_on_the_alphabet():
    codes = [legacy.unicode_to_tcvn3(letter) for letter in ALPHABET]
    assert len(set(codes)) == 134


@pytest.mark.parametrize(
    ("tcvn3", "unicode_text"),
    [
        ("B¶o Th¾ng", "Bảo Thắng"),
        ("M\u00adêng Kh\u00ad¬ng", "Mường Khương"),  # ư is 0xAD, a soft hyphen in Latin-1: invisible
        ("B¸t X¸t", "Bát Xát"),
        ("Hµ Néi", "Hà Nội"),
    ],
)
def test_tcvn3_known_answers(tcvn3, unicode_text):
    assert legacy.tcvn3_to_unicode(tcvn3) == unicode_text


@pytest.mark.parametrize(
    ("vni", "unicode_text"),
    [
        ("Xin chaøo caùc baïn", "Xin chào các bạn"),
        ("Haø Noäi", "Hà Nội"),
        ("Vieät Nam", "Việt Nam"),
        ("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh"),
    ],
)
def test_vni_known_answers(vni, unicode_text):
    assert legacy.vni_to_unicode(vni) == unicode_text


def test_windows_1258_writes_tone_marks_as_combining_characters():
    encoded = legacy.unicode_to_cp1258("ế")
    assert encoded == "ê".encode("cp1258") + "\u0301".encode("cp1258")
    assert legacy.cp1258_to_unicode(encoded) == "ế"


def test_detection_picks_the_reading_that_is_vietnamese():
    tcvn3 = legacy.unicode_to_tcvn3(SENTENCE).decode("cp1252", errors="replace")
    assert legacy.detect(tcvn3) == "tcvn3"
    assert legacy.detect(legacy.unicode_to_vni(SENTENCE)) == "vni"
    assert legacy.detect(SENTENCE) == ""
    assert legacy.detect("Café Müller à la française déjà vu, naïve señor") == ""


def html(body: str, head: str = "") -> str:
    return (
        f"<html><head>{head}<title>Tiêu đề</title></head><body><h1>Hội nghị tổng kết công tác năm 2023</h"
        "1>"
        f'<div class="date">10/10/2023 14:30</div><div class="detail-content">{body}</div></body></html>'
    )


PARAGRAPHS = "".join(f"<p>{SENTENCE} Đoạn {i}.</p>" for i in range(4))


@pytest.mark.parametrize(
    "declared", ["", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">']
)
def test_tcvn3_pages(declared):
    page = legacy.unicode_to_tcvn3(html(PARAGRAPHS, declared))
    text, label = decode_page(page)
    assert "tcvn3" in label
    result = extract_article(page, "https://baocu.vn/a.asp?id=1")
    assert result.ok and SENTENCE in result.article.body
    assert result.article.title == "Hội nghị tổng kết công tác năm 2023"


def test_vni_page():
    head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    page = legacy.unicode_to_vni(html(PARAGRAPHS, head)).encode("cp1252")
    result = extract_article(page, "https://baocu.vn/a.asp?id=2")
    assert result.ok and SENTENCE in result.article.body and "vni" in result.encoding


@pytest.mark.parametrize("declared", [True, False])
def test_windows_1258_pages(declared):
    head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">' if declared else ""
    page = legacy.unicode_to_cp1258(html(PARAGRAPHS, head))
    result = extract_article(page, "https://aspnet.vn/chitiet.aspx?id=3")
    assert result.ok and SENTENCE in result.article.body
    assert unicodedata.is_normalized("NFC", result.article.body)


def test_tcvn3_paragraph_pasted_into_a_utf8_page():
    pasted = legacy.unicode_to_tcvn3(SENTENCE).decode("latin-1")
    body = (
        f'<p>Đoạn gõ bằng Unicode, giữ nguyên.</p><p><span style="font-family: .VnTime">{pasted}</span></p>'
    ) * 2
    result = extract_article(html(body, '<meta charset="utf-8">').encode("utf-8"), "https://bao.vn/b")
    assert SENTENCE in result.article.body
    assert "Đoạn gõ bằng Unicode, giữ nguyên." in result.article.body


def test_vntimeh_headline_is_drawn_in_capitals():
    title = legacy.unicode_to_tcvn3("hội nghị tổng kết").decode("latin-1")
    page = (
        f'<html><head><meta charset="utf-8"></head><body><td class="tieude"><font face=".VnTimeH">{title}'
        f'</font></td><div class="date">10/10/2023 14:30</div><div class="noidung">{PARAGRAPHS}</div>'
        f"</body></html>"
    ).encode()
    assert extract_article(page, "https://bao.vn/c").article.title == "HỘI NGHỊ TỔNG KẾT"


def test_output_is_nfc_even_from_decomposed_utf8():
    decomposed = unicodedata.normalize("NFD", html(PARAGRAPHS))
    result = extract_article(decomposed.encode("utf-8"), "https://bao.vn/d")
    assert unicodedata.is_normalized("NFC", result.article.body) and SENTENCE in result.article.body


def test_utf8_page_declared_as_latin1_is_read_as_utf8():
    head = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    result = extract_article(html(PARAGRAPHS, head).encode("utf-8"), "https://bao.vn/e")
    assert SENTENCE in result.article.body and result.encoding.startswith("utf-8")


def test_utf8_declared_in_the_http_header_but_sent_as_windows_1258():
    page = legacy.unicode_to_cp1258(html(PARAGRAPHS))
    result = extract_article(page, "https://bao.vn/f", "text/html; charset=utf-8")
    assert SENTENCE in result.article.body


def test_windows_1258_declared_as_latin1():
    """Servers that send every page as ISO-8859-1: the Windows-1258 reading is the Vietnamese one."""
    head = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    page = legacy.unicode_to_cp1258(html(PARAGRAPHS, head))
    result = extract_article(page, "https://bao.vn/g", "text/html; charset=iso-8859-1")
    assert SENTENCE in result.article.body and "cp1258" in result.encoding


def test_a_western_page_declared_windows_1252_stays_as_declared():
    paragraph = "<p>Le café est très apprécié à Paris, où les crêpes et les œufs sont servis le matin.</p>"
    page = (
        "<html><head><meta charset='windows-1252'></head><body><h1>Café Müller, déjà vu à Paris</h1>"
        "<div class='date'>10/10/2023 14:30</div><div class='detail-content'>"
        + paragraph * 4
        + "</div></body></html>"
    ).encode("cp1252")
    result = extract_article(page, "https://example.fr/a")
    assert "très apprécié à Paris" in result.article.body and result.encoding == "cp1252"
