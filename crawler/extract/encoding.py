"""Page bytes to Unicode text: declared charset, then the legacy Vietnamese encodings.

Order of evidence: HTTP header, BOM and <meta charset> (w3lib); if that reading is broken
(replacement characters) the page is tried as Windows-1258 and Windows-1252; then the text is
checked for TCVN3/VNI written in a Western code page, page-wide and node by node, because a
UTF-8 CMS often carries paragraphs pasted from an old .VnTime document.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree
from lxml import html as lxml_html
from w3lib.encoding import html_to_unicode

from crawler.extract import legacy
from crawler.extract.xpaths import strings

_RAW_TEXT = re.compile(r"<(script|style)\b", re.I)
_RAW_TEXT_END = {name: re.compile(rf"</{name}\s*>", re.I) for name in ("script", "style")}
_TAG = re.compile(r"<[^>]+>")
# A legacy font named in face/style/class: ".VnTime", ".VnArialH", "VNI-Times". A letter must follow
# ".vn" and a separator "vni", so addresses ("https://cdn.tuoitre.vn/…") and "VNINDEX" are not fonts.
_LEGACY_FONT = re.compile(r"(\.vn[a-z]\w*|\bvni[- ]\w+)", re.I)
_DECLARED_FONTS = etree.XPath("//@face | //@style | //style/text()")
_VNI_CLASSES = etree.XPath("//@class[contains(translate(., 'VNI', 'vni'), 'vni')]")
_UPPERCASE_FONT = re.compile(r"\.vn\w*h\b", re.I)
# Characters a legacy text node can hold: Latin-1 and the Windows-1252 extras.
_CONTROL_LETTERS = {chr(byte): letter for byte, letter in legacy.TCVN3_DECODE.items() if byte < 0x20}
# Characters a legacy text node can hold: Latin-1, the Windows-1252 extras, and the TCVN3 capitals
# that ``decode_text`` already moved out of the control range.
_WESTERN = re.compile(
    r"^[\x00-\xff" "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ" + "".join(_CONTROL_LETTERS.values()) + "]*$"
)


def visible_text(html_text: str) -> str:
    """Rough text of a page (tags, scripts and styles removed): enough to judge its encoding.

    Linear in the page's length. The one regex this replaces (``<(script|style)\b.*?</\1>|<[^>]+>``)
    was quadratic on hostile pages: every unclosed ``<script`` and every ``<`` with no ``>`` after
    it scanned to the end of the page (a 136 KB page took 14 s). Here a missing end tag is looked
    for once per kind, and tags are only matched up to the page's last ``>``.
    """
    pieces, position, unclosed = [], 0, set()
    while match := _RAW_TEXT.search(html_text, position):
        name = match.group(1).lower()
        end = None if name in unclosed else _RAW_TEXT_END[name].search(html_text, match.end())
        if end is None:  # never closed: only its start tag goes (below), as a tag
            unclosed.add(name)
            pieces.append(html_text[position : match.end()])
            position = match.end()
            continue
        pieces += [html_text[position : match.start()], " "]
        position = end.end()
    pieces.append(html_text[position:])
    text = "".join(pieces)
    last = text.rfind(">") + 1  # no tag can end past it
    return _TAG.sub(" ", text[:last]) + text[last:]


def _cp1252_clean(page: bytes) -> bool:
    return not any(b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for b in page)


def _decodes(page: bytes, encoding: str) -> bool:
    try:
        page.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _damaged_utf8(page: bytes) -> bool:
    """UTF-8 with a few invalid bytes: at most 1 in 10 of its non-ASCII characters unreadable.

    Text in a single-byte encoding almost never forms valid multi-byte UTF-8 sequences by chance, so
    a page mostly made of them is UTF-8."""
    text = page.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - invalid
    return valid >= 20 and invalid <= valid / 10


_UNICODE_FAMILY = ("utf8", "utf16", "utf32", "utf8sig", "utf16le", "utf16be")


def decode_page(page: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, encoding label) for a page; NFC; TCVN3/VNI pages are flagged or converted.

    The declared charset is evidence, not truth: Vietnamese servers send Windows-1258 as
    ISO-8859-1, UTF-8 as Windows-1252, TCVN3 as anything. When the declaration is missing, broken
    or single-byte, every reading of the bytes competes and the one whose words are Vietnamese
    syllables wins; a declared reading keeps a tie.
    """
    encoding, text = html_to_unicode(content_type, page, default_encoding="utf-8")
    broken = "\ufffd" in text[:200_000] and not _decodes(page, encoding)
    single_byte = encoding.replace("-", "").replace("_", "").lower() not in _UNICODE_FAMILY
    if broken or (single_byte and any(b >= 0x80 for b in page[:200_000])):
        western = page.decode("cp1252") if _cp1252_clean(page) else page.decode("latin-1")
        readings = {
            "cp1258": legacy.cp1258_to_unicode(page),
            "cp1252": western,
            "tcvn3-bytes": legacy.tcvn3_to_unicode(page),
            "vni-bytes": legacy.vni_to_unicode(western),
        }
        if _decodes(page, "utf-8") or _damaged_utf8(page):
            # A few invalid bytes (a cut character, a stray byte) do not make a UTF-8 page Western:
            # without this reading a single-byte one, which never fails, won (mojibake).
            readings["utf-8"] = page.decode("utf-8", errors="replace")
        if not broken:
            readings[encoding] = text
        scores = {name: legacy.vietnamese_score(visible_text(value)) for name, value in readings.items()}
        best = max(scores, key=lambda name: scores[name])
        if not broken and not legacy.clearly_better(visible_text(readings[best]), visible_text(text)):
            best = encoding  # the declaration holds unless another reading is clearly Vietnamese
        if best in ("cp1258", "tcvn3-bytes", "vni-bytes") and best != encoding:
            label = best if broken else f"{best} (declared {encoding})"
            return unicodedata.normalize("NFC", readings[best]), label
        if best != encoding:
            encoding = best if broken else f"{best} (declared {encoding})"
        text = readings[best]  # still checked below for pasted TCVN3/VNI paragraphs
    text, legacy_label = decode_text(text)
    return text, f"{encoding}+{legacy_label}" if legacy_label else encoding


def decode_text(text: str) -> tuple[str, str]:
    """NFC text, and "tcvn3"/"vni" when the text is one of those read as a Western code page."""
    text = unicodedata.normalize("NFC", text)
    kind = legacy.detect(visible_text(text))
    if kind == "tcvn3":
        # Control-range bytes are TCVN3 capitals (Ú, Ụ, Ừ…); the HTML parser would drop them.
        text = "".join(_CONTROL_LETTERS.get(ch, ch) for ch in text)
    return text, kind


def legacy_kind(encoding: str) -> str:
    """ "tcvn3", "vni" or "" from the label ``decode_page`` or ``decode_text`` returned."""
    kind = encoding.rsplit("+", 1)[-1]
    return kind if kind in ("tcvn3", "vni") else ""


def _font_hints(
    tree: lxml_html.HtmlElement,
) -> tuple[dict[lxml_html.HtmlElement, str], dict[lxml_html.HtmlElement, bool]]:
    """For every element, in one pass from the root down: the legacy font family it (or its nearest
    ancestor declaring one) asks for - "tcvn3", "vni" or "" - and whether that font is an "H" ABC
    font (.VnTimeH draws lower-case codes as capitals). Walking each node's ancestors instead cost
    O(nodes × depth): most of the extraction time of a 300 KB page."""
    hints: dict[lxml_html.HtmlElement, str] = {}
    upper: dict[lxml_html.HtmlElement, bool] = {}
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        parent = element.getparent()
        hint, capitals = ("", False) if parent is None else (hints.get(parent, ""), upper.get(parent, False))
        face, style, css_class = element.get("face"), element.get("style"), element.get("class")
        if face or style or css_class:
            if match := _LEGACY_FONT.search(f"{face or ''} {style or ''} {css_class or ''}"):
                hint = "vni" if match.group(1).lower().startswith("vni") else "tcvn3"
            font = f"{face or ''} {style or ''}"
            if _UPPERCASE_FONT.search(font):
                capitals = True
            elif re.search(r"\.vn\w*\b", font, re.I):
                capitals = False
        hints[element], upper[element] = hint, capitals
    return hints, upper


def _convert(text: str, kind: str) -> str:
    return legacy.tcvn3_to_unicode(text) if kind == "tcvn3" else legacy.vni_to_unicode(text)


def _maybe_convert(text: str | None, page_kind: str, hint: str) -> str | None:
    if not text or text.isascii() or not _WESTERN.match(text):
        return text  # Unicode Vietnamese (ơ, ư, ạ…) is never re-read
    kind = page_kind or hint
    if not kind:
        return text
    converted = _convert(text, kind)
    before, after = legacy.vietnamese_score(text), legacy.vietnamese_score(converted)
    # With the page-wide verdict a tie converts; on a font hint alone the conversion must help.
    return converted if after > before or (page_kind and after >= before) else text


def _declares_legacy_font(tree: lxml_html.HtmlElement, page_text: str) -> bool:
    """A face/style/class attribute or a style sheet naming a legacy font (the page's text also holds
    addresses like "vnecdn.net" that look like one, so it only says where not to look)."""
    declared = strings(tree, _DECLARED_FONTS)
    lowered = page_text.lower()
    if "vni-" in lowered or "vni " in lowered:
        declared += strings(tree, _VNI_CLASSES)  # class="VNI-Times": only VNI names fit a class token
    return _names_legacy_font("\n".join(declared))


def _names_legacy_font(text: str) -> bool:
    """``_LEGACY_FONT.search(text)``, tried only where ".vn" or "vni" stands: a case-insensitive
    alternation scans a 200 KB inline style sheet slowly, ``str.find`` does not."""
    lowered = text.lower()
    for needle in (".vn", "vni"):
        start = lowered.find(needle)
        while start != -1:
            if _LEGACY_FONT.match(lowered, start):
                return True
            start = lowered.find(needle, start + 1)
    return False


def convert_legacy_nodes(tree: lxml_html.HtmlElement, page_kind: str, page_text: str) -> None:
    """Convert TCVN3/VNI text nodes and attributes in place (page-wide verdict or font hints)."""
    if not page_kind and not _declares_legacy_font(tree, page_text):
        return  # no legacy font asked for anywhere: nothing to convert, and no per-node walk
    hints, upper = _font_hints(tree)
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        hint = hints.get(element, "") if not page_kind else ""
        if page_kind or hint:
            element.text = _maybe_convert(element.text, page_kind, hint)
            for attribute in ("content", "alt", "title"):
                if element.get(attribute):
                    element.set(attribute, _maybe_convert(element.get(attribute), page_kind, hint) or "")
        parent = element.getparent()
        if element.tail and parent is not None:
            tail_hint = hints.get(parent, "") if not page_kind else ""
            element.tail = _maybe_convert(element.tail, page_kind, tail_hint)
    if not _UPPERCASE_FONT.search(page_text):
        return
    for element in tree.iter():
        if isinstance(element.tag, str) and element.text and upper.get(element, False):
            element.text = element.text.upper()
