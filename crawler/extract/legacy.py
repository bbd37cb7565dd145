"""Legacy Vietnamese encodings → Unicode: TCVN3 (ABC, TCVN 5712:1993), VNI and Windows-1258.

Provincial sites built before ~2010 still serve pages typed in the ABC fonts (.VnTime, TCVN3) or
VNI fonts (VNI-Times), labelled as Windows-1252 or not labelled at all, and a few ASP sites serve
Windows-1258, which writes most tone marks as separate combining characters. A browser shows
those pages correctly only because the font does the mapping; to everyone else they are mojibake
("Hµ Néi", "Haø Noäi"). These functions convert them; ``detect`` picks the reading whose words are
Vietnamese syllables.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# TCVN 5712:1993 (VN1, the superset glibc calls TCVN5712-1): bytes 0x80-0xFF in order. 0xA0 is a
# no-break space; 0xB0-0xB4 are the five combining tone marks. The lower-case letters and the
# seven unmarked capitals (0xA1-0xA7) are the VN3 set the .VnTime fonts draw; the toned capitals
# (0x80-0x9F and the control positions below) complete the alphabet.
_TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ"  # 0x80
    "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"  # 0x90
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ"  # 0xA0
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # 0xB0
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # 0xC0
    "éẹềểễếệìỉỄẾỒĩíịò"  # 0xD0
    "Ổỏõóọồổỗốộờởỡớợù"  # 0xE0
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # 0xF0
)
_TCVN3_LOW = {
    0x01: "Ú",
    0x02: "Ụ",
    0x04: "Ừ",
    0x05: "Ử",
    0x06: "Ữ",
    0x11: "Ứ",
    0x12: "Ự",
    0x13: "Ỳ",
    0x14: "Ỷ",
    0x15: "Ỹ",
    0x16: "Ý",
    0x17: "Ỵ",
}
TCVN3_DECODE: dict[int, str] = {**_TCVN3_LOW, **{0x80 + i: ch for i, ch in enumerate(_TCVN3_HIGH)}}
TCVN3_ENCODE: dict[str, int] = {
    ch: byte for byte, ch in TCVN3_DECODE.items() if not unicodedata.combining(ch) and ch != "\u00a0"
}

# VNI: a base letter followed by a mark letter from the Windows-1252 range. Rows follow the tone
# order none, sắc, huyền, hỏi, ngã, nặng; each cell is (unicode, VNI spelling). Written from the
# VNI Windows table, both cases (VNI capitals take capital marks: "AÙ" = "Á").
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
_VNI_ROWS_LOWER = {
    "a": ("a", "aù", "aø", "aû", "aõ", "aï"),
    "â": ("aâ", "aá", "aà", "aå", "aã", "aä"),
    "ă": ("aê", "aé", "aè", "aú", "aü", "aë"),
    "e": ("e", "eù", "eø", "eû", "eõ", "eï"),
    "ê": ("eâ", "eá", "eà", "eå", "eã", "eä"),
    "i": ("i", "í", "ì", "æ", "ó", "ò"),
    "o": ("o", "où", "oø", "oû", "oõ", "oï"),
    "ô": ("oâ", "oá", "oà", "oå", "oã", "oä"),
    "ơ": ("ô", "ôù", "ôø", "ôû", "ôõ", "ôï"),
    "u": ("u", "uù", "uø", "uû", "uõ", "uï"),
    "ư": ("ö", "öù", "öø", "öû", "öõ", "öï"),
    "y": ("y", "yù", "yø", "yû", "yõ", "î"),
}


def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    encode: dict[str, str] = {"đ": "ñ", "Đ": "Ñ"}
    for base, spellings in _VNI_ROWS_LOWER.items():
        for tone, spelling in zip(_TONES, spellings, strict=True):
            letter = unicodedata.normalize("NFC", base + tone)
            if letter.isascii():
                continue
            encode[letter] = spelling
            encode[letter.upper()] = spelling.upper()
    decode = {spelling: letter for letter, spelling in encode.items()}
    return encode, decode


VNI_ENCODE, VNI_DECODE = _vni_tables()
# Longest spellings first, so "oâ" (ô) wins over "o" and "ôù" (ớ) over "ô" (ơ).
_VNI_PATTERN = re.compile("|".join(re.escape(s) for s in sorted(VNI_DECODE, key=len, reverse=True)))

# Windows-1252 characters in 0x80-0x9F, so text a browser already decoded maps back to its bytes.
_CP1252_BYTES = {
    bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _byte_of(ch: str) -> int | None:
    code = ord(ch)
    if code < 0x100:
        return code
    return _CP1252_BYTES.get(ch)


def tcvn3_to_unicode(data: bytes | str) -> str:
    """TCVN3 bytes (or the same bytes already read as Windows-1252/Latin-1) to NFC Unicode."""
    if isinstance(data, bytes):
        out = [TCVN3_DECODE.get(b, chr(b)) for b in data]
    else:
        out = []
        for ch in data:
            byte = _byte_of(ch)
            out.append(TCVN3_DECODE.get(byte, ch) if byte is not None and byte not in (9, 10, 13) else ch)
    return unicodedata.normalize("NFC", "".join(out))


def unicode_to_tcvn3(text: str) -> bytes:
    """NFC Unicode to TCVN3 bytes; characters outside the code page become '?'."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in TCVN3_ENCODE:
            out.append(TCVN3_ENCODE[ch])
        elif ord(ch) < 0x80:
            out.append(ord(ch))
        else:
            out.extend(b"?")
    return bytes(out)


def vni_to_unicode(text: str) -> str:
    """VNI text (read as Windows-1252) to NFC Unicode."""
    return unicodedata.normalize("NFC", _VNI_PATTERN.sub(lambda m: VNI_DECODE[m.group(0)], text))


def unicode_to_vni(text: str) -> str:
    """NFC Unicode to VNI spelling (a Windows-1252 string; ``.encode("cp1252")`` gives the bytes)."""
    return "".join(VNI_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def cp1258_to_unicode(data: bytes) -> str:
    """Windows-1258 bytes to NFC Unicode: the combining tone marks are composed onto their vowels."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def unicode_to_cp1258(text: str) -> bytes:
    """NFC Unicode to Windows-1258 as Windows writes it: precomposed where the code page has the
    letter, otherwise the letter with its vowel mark (â, ơ…) plus a combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.extend(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = [c for c in decomposed if c in _TONES[1:]]
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES[1:]))
        out.extend((base + "".join(tones)).encode("cp1258", errors="replace"))
    return bytes(out)


# A Vietnamese syllable without its tone: onset, nucleus, coda. Used only to score readings.
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"(?:oai|oay|oao|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|iêu|yêu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|"
    r"oi|ôi|ơi|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ươ|ưu|uy|yê|[aăâeêioôơuưy])"
    r"(?:ch|ng|nh|[cmnpt])?$"
)
_TONE_SET = set(_TONES[1:])
_SPLIT = re.compile(r"[\s.,;:!?()\[\]\"'“”‘’…/|<>=+*&#%0-9-]+")


# A page has a few hundred distinct syllables and each is tested under three readings: cached,
# detection costs a fifth of what it did.
@functools.lru_cache(maxsize=1 << 16)
def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(1 for c in decomposed if c in _TONE_SET) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_SET))
    return bool(_SYLLABLE.match(toneless))


def vietnamese_score(text: str) -> int:
    """Words with non-ASCII letters that are Vietnamese syllables, minus those that are not."""
    valid, invalid = _syllable_counts(text)
    return valid - invalid


def vietnamese_ratio(text: str) -> float:
    """Share of the words with non-ASCII letters that are Vietnamese syllables (0 when none)."""
    valid, invalid = _syllable_counts(text)
    return valid / (valid + invalid) if valid + invalid else 0.0


def _syllable_counts(text: str) -> tuple[int, int]:
    valid = invalid = 0
    for word in _SPLIT.split(text):
        if not word or word.isascii():
            continue
        if _is_syllable(word):
            valid += 1
        else:
            invalid += 1
    return valid, invalid


def clearly_better(candidate: str, baseline: str) -> bool:
    """A conversion is taken only if it reads as Vietnamese, not merely as "less wrong": French or
    German text gains a few syllables from any reading but stays mostly non-Vietnamese."""
    return vietnamese_ratio(candidate) >= 0.8 and vietnamese_score(candidate) > vietnamese_score(baseline) + 5


def detect(sample: str) -> str:
    """Which reading of a Windows-1252/Latin-1 text is Vietnamese: "tcvn3", "vni" or "" (as is).

    ``sample`` is text without markup. Genuine Unicode Vietnamese scores high as is; TCVN3 and VNI
    read as Windows-1252 score negative as is and high once converted.
    """
    sample = sample[:200_000]
    readings = {"": vietnamese_score(sample)}
    if readings[""] > 0 and readings[""] >= 0.9 * _non_ascii_words(sample):
        return ""
    converted = {"tcvn3": tcvn3_to_unicode(sample), "vni": vni_to_unicode(sample)}
    readings.update({name: vietnamese_score(text) for name, text in converted.items()})
    best = max(readings, key=lambda name: readings[name])
    # A conversion must clearly win: a handful of French or German names must not flip a page.
    return best if best and clearly_better(converted[best], sample) else ""


def _non_ascii_words(text: str) -> int:
    return sum(1 for word in _SPLIT.split(text) if word and not word.isascii())
