"""The English catalogue is complete: every message marked in any template or Python module of
``web/`` has an English translation, and the compiled ``.mo`` matches the ``.po``.

Extraction runs over every file of the package (not only the files ``babel.cfg`` lists), so a new
page or module cannot slip past by being left out of the mapping. How to update the catalogue is
in ``web/i18n.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

WEB = Path(__file__).resolve().parents[2] / "web"
TRANSLATIONS = WEB / "translations"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "lazy_gettext": None,
    "N_": None,
    "pgettext": ((1, "c"), 2),
}
# Every file that can hold a message: Python modules, HTML and text templates.
EVERYTHING = [("**.py", "python"), ("templates/**.html", "jinja2"), ("templates/**.txt", "jinja2")]
# Letters only Vietnamese uses: an English "translation" that still has them was copied, not translated.
VIETNAMESE_ONLY = re.compile(
    r"[ăâđêôơưàảãạằắẳẵặầấẩẫậèẻẽẹềếểễệìỉĩịòỏõọồốổỗộờớởỡợùủũụừứửữựỳỷỹỵ]", re.IGNORECASE
)
# Proper names that stay Vietnamese in English (places, official names quoted as examples).
PROPER_NAMES = re.compile(
    r"Bắc Ninh|Hà Nội|Tiếng Việt|ĐẢNG CỘNG SẢN VIỆT NAM"
    r"|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|“[^”]*”|\"[^\"]*\"|«[^»]*»",
    re.IGNORECASE,
)


def _catalogue():
    with open(TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle)


def _message_id(message) -> str:
    return message if isinstance(message, str) else message[0]


def _extract(method_map) -> dict[str, str]:
    """msgid -> first place it is used, for every message babel extracts."""
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(WEB), method_map, {}, keywords=KEYWORDS
    ):
        found.setdefault(_message_id(message), f"web/{filename}:{lineno}")
    return found


def test_every_message_in_web_has_an_english_translation():
    extracted = _extract(EVERYTHING)
    assert len(extracted) > 300  # the extraction really read the templates and modules
    catalogue = _catalogue()
    translated = {
        _message_id(m.id)
        for m in catalogue
        if m.id and not m.fuzzy and all([m.string] if isinstance(m.string, str) else m.string)
    }
    missing = sorted(
        f"{place}: {message_id!r}" for message_id, place in extracted.items() if message_id not in translated
    )
    assert not missing, (
        "messages without English (see web/i18n.py: extract, update, translate, "
        "compile):\n" + "\n".join(missing)
    )


def test_english_translations_are_english():
    copied = []
    for message in _catalogue():
        if not message.id:
            continue
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for string in strings:
            if VIETNAMESE_ONLY.search(PROPER_NAMES.sub("", string or "")):
                copied.append(f"{message.id!r} -> {string!r}")
    assert not copied, "English translations still in Vietnamese:\n" + "\n".join(copied)


def test_compiled_catalogue_matches_the_po_file():
    catalogue = _catalogue()
    with open(TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.mo", "rb") as handle:
        compiled = read_mo(handle)
    stale = [
        m.id
        for m in catalogue
        if m.id and (compiled.get(m.id) is None or compiled.get(m.id).string != m.string)
    ]
    assert not stale, f"messages.mo is out of date: run `pybabel compile -d web/translations`: {stale}"


def test_babel_cfg_maps_every_file_that_has_messages():
    """`pybabel extract -F web/translations/babel.cfg` (the documented command) sees them all."""
    with open(TRANSLATIONS / "babel.cfg") as handle:
        method_map, _options = parse_mapping_cfg(handle)
    assert set(_extract(method_map)) == set(_extract(EVERYTHING))
