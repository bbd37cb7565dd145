"""Vietnamese text normalisation: the one place every index and the query compiler use.

Three layers, each built on the one before:

* ``normalize``  — NFC plus one canonical tone-mark placement ("hoà" and "hòa" become one
  spelling, "qúy" becomes "quý"). Used for display and for exact-diacritics matching.
* ``fold``       — ``normalize``, lower-case, diacritics removed and "đ" → "d". Used for
  accent-insensitive matching: "kien nghi" matches "kiến nghị".
* ``tokens``     — the token stream both indexes see. Indexes are fed text that is already
  tokenised and joined by single spaces, so SQLite's ``unicode61`` tokenizer, Elasticsearch's
  ``standard`` analyzer and the in-Python matcher all see exactly the same tokens and positions.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining tone marks (thanh điệu); the other combining marks (circumflex, breve, horn)
# belong to the vowel letter and are never moved.
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWELS = set("aăâeêioôơuưy")
_MODIFIED_VOWELS = set("ăâêôơư")
WORD_CHAR = r"[^\W_]"  # tokens are runs of these: letters and digits, not "_"
_WORD = re.compile(WORD_CHAR + "+")
# The shape of a Vietnamese syllable: tone marks are only moved inside words of this shape, so a
# French or English word ("café", "où") keeps its spelling.
_INITIALS = {
    "",
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "gh",
    "h",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "ngh",
    "nh",
    "p",
    "ph",
    "r",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
    "qu",
    "gi",
}
_FINALS = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"}
_NUCLEI = {
    "a",
    "ă",
    "â",
    "e",
    "ê",
    "i",
    "o",
    "ô",
    "ơ",
    "u",
    "ư",
    "y",
    "ai",
    "ao",
    "au",
    "ay",
    "âu",
    "ây",
    "eo",
    "êu",
    "ia",
    "iê",
    "iu",
    "oa",
    "oă",
    "oe",
    "oi",
    "ôi",
    "ơi",
    "oo",
    "ua",
    "uâ",
    "uê",
    "ui",
    "uô",
    "uơ",
    "uy",
    "ưa",
    "ưi",
    "ưu",
    "ươ",
    "yê",
    "iêu",
    "oai",
    "oay",
    "oeo",
    "uây",
    "uôi",
    "uya",
    "uyê",
    "uyu",
    "ươi",
    "ươu",
    "yêu",
}
# Tokens longer than this are cut, as Elasticsearch's standard tokenizer does at 255.
MAX_TOKEN_LENGTH = 255


def _base_letter(ch: str) -> str:
    """The vowel letter without its tone mark but with its own diacritic (ơ stays ơ)."""
    decomposed = unicodedata.normalize("NFD", ch)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


def _tone_position(letters: list[str]) -> int | None:
    """Index of the letter that carries the tone in the traditional placement (hòa, thủy)."""
    lower = [c.lower() for c in letters]
    n = len(lower)
    start = 0
    # "qu" and "gi" + vowel are consonant clusters: the "u"/"i" is not part of the nucleus.
    starts_qu = n >= 2 and lower[0] == "q" and lower[1] == "u"
    starts_gi = n >= 3 and lower[0] == "g" and lower[1] == "i" and lower[2] in _VOWELS
    if starts_qu or starts_gi:
        start = 2
    while start < n and lower[start] not in _VOWELS:
        start += 1
    end = start
    while end < n and lower[end] in _VOWELS:
        end += 1
    nucleus = list(range(start, end))
    if not nucleus:
        return None
    initial = "".join(lower[:start])
    if (
        initial not in _INITIALS
        or "".join(lower[end:]) not in _FINALS
        or "".join(lower[i] for i in nucleus) not in _NUCLEI
    ):
        return None
    modified = [i for i in nucleus if lower[i] in _MODIFIED_VOWELS]
    if modified:
        return modified[-1]  # ươ → ơ, ưu → ư
    if end < n:  # closed syllable: toán, hoàng, tuyết
        return nucleus[-1]
    if len(nucleus) == 3:  # oai, uyu, oay: the middle vowel
        return nucleus[1]
    return nucleus[0]  # open syllable: hòa, thủy, mía


@lru_cache(maxsize=65536)
def _normalize_syllable(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if len(tones) != 1:
        return word
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    letters = [_base_letter(c) for c in toneless]
    position = _tone_position(letters)
    if position is None:
        return word
    letters[position] = unicodedata.normalize("NFC", letters[position] + tones[0])
    return "".join(letters)


def normalize(text: str) -> str:
    """NFC with one canonical tone-mark placement; case and everything else kept."""
    text = unicodedata.normalize("NFC", text)
    return _WORD.sub(lambda m: _normalize_syllable(m.group(0)), text)


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")


# One translate table for every Latin letter with diacritics, and every combining mark, so folding
# a long article is a single pass in C (it runs on every indexed field and every query term).
_FOLD_TABLE: dict[int, str | None] = {
    cp: _fold_char(chr(cp)) for cp in range(0xC0, 0x2000) if _fold_char(chr(cp)) != chr(cp).lower()
}
_FOLD_TABLE.update({cp: None for cp in range(0x300, 0x10000) if unicodedata.combining(chr(cp))})


def fold(text: str) -> str:
    """Accent- and case-insensitive form: "Điện tử" → "dien tu"."""
    return unicodedata.normalize("NFC", text).lower().translate(_FOLD_TABLE)


def tokens(text: str, *, folded: bool = True) -> list[str]:
    """Tokens for indexing and matching: folded (default) or exact (normalised, lower-case)."""
    text = fold(text) if folded else normalize(text).lower()
    return [t[:MAX_TOKEN_LENGTH] for t in _WORD.findall(text)]


def token_text(text: str, *, folded: bool = True) -> str:
    """Tokens joined by single spaces: what the indexes store in their match fields."""
    return " ".join(tokens(text, folded=folded))


def clean_whitespace(text: str) -> str:
    """Collapse runs of spaces and non-breaking spaces inside lines; keep paragraph breaks."""
    lines = [re.sub(r"[ \t\u00a0\u200b]+", " ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)
