"""Build the labelled extraction set: every article text rendered by three site families.

    python tests/data/extraction/generate.py

Writes pages/<family>-<n>.html and labels.json. The output is committed, so the benchmark set
is fixed; rerun only to change the set, and review the diff. Labels come from the article texts
and the family templates, never from any extractor's output.

The legacy encoders here are written independently of crawler/extract/legacy.py (TCVN3 from the
Unicode→TCVN5712-1 direction of glibc's table, VNI from the VNI Windows key table, Windows-1258
from Python's codec), so a mistake in the product's decoders cannot cancel out in the labels.
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import families_heldout as heldout  # noqa: E402
import families_legacy as legacy  # noqa: E402
import families_modern as modern  # noqa: E402
import families_trade as trade  # noqa: E402
from common import Page, load_articles  # noqa: E402

# name, template, domain, encoding
FAMILIES = [
    ("vnexpress", modern.vnexpress, "vne.presswatch.test", "utf-8"),
    ("vccorp", modern.vccorp, "tto.presswatch.test", "utf-8"),
    ("vgp", modern.vgp, "vgp.presswatch.test", "utf-8"),
    ("vietnamnet", modern.vietnamnet, "vnn.presswatch.test", "utf-8"),
    ("wordpress", modern.wordpress, "tapchi.presswatch.test", "utf-8"),
    ("masterdetail", trade.masterdetail, "dautu.presswatch.test", "utf-8"),
    ("portal", trade.portal, "dndp.presswatch.test", "utf-8"),
    ("drupal", trade.drupal, "vov.presswatch.test", "utf-8"),
    ("toasoan", trade.toasoan, "bacgiang.presswatch.test", "utf-8"),
    ("nextjs", trade.nextjs, "nhipsong.presswatch.test", "utf-8"),
    ("joomla", legacy.joomla, "lucngan.presswatch.test", "utf-8"),
    ("tcvn3", legacy.tcvn3, "baotinh-cu.presswatch.test", "tcvn3"),
    ("vni", legacy.vni, "saigon-cu.presswatch.test", "vni"),
    ("cp1258", legacy.aspnet_1258, "aspnet.presswatch.test", "cp1258"),
    ("tcvn3-pasted", legacy.tcvn3_pasted, "langson.presswatch.test", "utf-8"),
    # Held out: written after the extractor was frozen, scored without changing it.
    ("amp", heldout.amp, "amp.presswatch.test", "utf-8"),
    ("blogger", heldout.blogger, "yenthe.presswatch.test", "utf-8"),
    ("print-edition", heldout.print_edition, "nhandao.presswatch.test", "utf-8"),
]
HELD_OUT = {"amp", "blogger", "print-edition"}
PAGES_PER_FAMILY = 6

# Unicode → TCVN 5712:1993 (VN1), the from_ucs4 direction of glibc's TCVN5712-1 converter.
_TCVN3_FROM_UCS = {
    0x00C0: 0x80,
    0x00C1: 0x83,
    0x00C2: 0xA2,
    0x00C3: 0x82,
    0x00C8: 0x87,
    0x00C9: 0x8A,
    0x00CA: 0xA3,
    0x00CC: 0x8D,
    0x00CD: 0x90,
    0x00D2: 0x92,
    0x00D3: 0x95,
    0x00D4: 0xA4,
    0x00D5: 0x94,
    0x00D9: 0x9D,
    0x00DA: 0x01,
    0x00DD: 0x16,
    0x00E0: 0xB5,
    0x00E1: 0xB8,
    0x00E2: 0xA9,
    0x00E3: 0xB7,
    0x00E8: 0xCC,
    0x00E9: 0xD0,
    0x00EA: 0xAA,
    0x00EC: 0xD7,
    0x00ED: 0xDD,
    0x00F2: 0xDF,
    0x00F3: 0xE3,
    0x00F4: 0xAB,
    0x00F5: 0xE2,
    0x00F9: 0xEF,
    0x00FA: 0xF3,
    0x00FD: 0xFD,
    0x0102: 0xA1,
    0x0103: 0xA8,
    0x0110: 0xA7,
    0x0111: 0xAE,
    0x0128: 0x8F,
    0x0129: 0xDC,
    0x0168: 0x9F,
    0x0169: 0xF2,
    0x01A0: 0xA5,
    0x01A1: 0xAC,
    0x01AF: 0xA6,
    0x01B0: 0xAD,
    0x00A0: 0xA0,
}
_TCVN3_1EA0 = [  # U+1EA0 … U+1EF9
    0x84,
    0xB9,
    0x81,
    0xB6,
    0xC4,
    0xCA,
    0xC1,
    0xC7,
    0xC2,
    0xC8,
    0xC3,
    0xC9,
    0x86,
    0xCB,
    0xC0,
    0xBE,
    0xAF,
    0xBB,
    0xBA,
    0xBC,
    0xBF,
    0xBD,
    0x85,
    0xC6,
    0x8B,
    0xD1,
    0x88,
    0xCE,
    0x89,
    0xCF,
    0xDA,
    0xD5,
    0xC5,
    0xD2,
    0xCD,
    0xD3,
    0xD9,
    0xD4,
    0x8C,
    0xD6,
    0x8E,
    0xD8,
    0x91,
    0xDE,
    0x96,
    0xE4,
    0x93,
    0xE1,
    0xFF,
    0xE8,
    0xDB,
    0xE5,
    0xE0,
    0xE6,
    0xF0,
    0xE7,
    0x97,
    0xE9,
    0x9B,
    0xED,
    0x98,
    0xEA,
    0x99,
    0xEB,
    0x9A,
    0xEC,
    0x9C,
    0xEE,
    0x02,
    0xF4,
    0x9E,
    0xF1,
    0x11,
    0xF8,
    0x04,
    0xF5,
    0x05,
    0xF6,
    0x06,
    0xF7,
    0x12,
    0xF9,
    0x13,
    0xFA,
    0x17,
    0xFE,
    0x14,
    0xFB,
    0x15,
    0xFC,
]
_TCVN3_FROM_UCS.update({0x1EA0 + i: byte for i, byte in enumerate(_TCVN3_1EA0)})

# VNI Windows key table: rows a â ă e ê o ô ơ u ư i y, tones none/sắc/huyền/hỏi/ngã/nặng.
_VNI_ROWS = {
    "a": "a aù aø aû aõ aï",
    "â": "aâ aá aà aå aã aä",
    "ă": "aê aé aè aú aü aë",
    "e": "e eù eø eû eõ eï",
    "ê": "eâ eá eà eå eã eä",
    "o": "o où oø oû oõ oï",
    "ô": "oâ oá oà oå oã oä",
    "ơ": "ô ôù ôø ôû ôõ ôï",
    "u": "u uù uø uû uõ uï",
    "ư": "ö öù öø öû öõ öï",
    "i": "i í ì æ ó ò",
    "y": "y yù yø yû yõ î",
}
_MARKS = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


def to_tcvn3(text: str) -> bytes:
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        code = ord(ch)
        out.append(code if code < 0x80 else _TCVN3_FROM_UCS.get(code, ord("?")))
    return bytes(out)


def _vni_map() -> dict[str, str]:
    table = {"đ": "ñ", "Đ": "Ñ"}
    for base, spellings in _VNI_ROWS.items():
        for mark, spelling in zip(_MARKS, spellings.split(), strict=True):
            letter = unicodedata.normalize("NFC", base + mark)
            table[letter], table[letter.upper()] = spelling, spelling.upper()
    return table


_VNI = _vni_map()


def to_vni(text: str) -> bytes:
    return "".join(_VNI.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("cp1252")


def to_cp1258(text: str) -> bytes:
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _MARKS))
            out += (base + "".join(c for c in parts if c in _MARKS)).encode("cp1258")
    return bytes(out)


def encode(page_html: str, encoding: str) -> bytes:
    if encoding == "tcvn3":
        return to_tcvn3(page_html)
    if encoding == "vni":
        return to_vni(page_html)
    if encoding == "cp1258":
        return to_cp1258(page_html)
    # Pasted .VnTime text inside a UTF-8 page: TCVN3 bytes shown as the Latin-1 characters they are.
    pasted = re.sub(
        r"\{\{TCVN3:(.*?)\}\}", lambda m: html.escape(to_tcvn3(m.group(1)).decode("latin-1")), page_html
    )
    return pasted.encode("utf-8")


def build(out_dir: Path = HERE) -> list[dict[str, object]]:
    articles = load_articles()
    labels = []
    pages_dir = out_dir / "pages"
    pages_dir.mkdir(exist_ok=True)
    for stale in pages_dir.glob("*.html"):
        stale.unlink()
    for family_no, (name, template, domain, encoding) in enumerate(FAMILIES):
        for i in range(PAGES_PER_FAMILY):
            article = articles[(family_no * PAGES_PER_FAMILY + i) % len(articles)]
            rng = random.Random(f"{name}-{i}")
            others = [a for a in articles if a.id != article.id]
            page = Page(
                article=article,
                family=name,
                number=family_no * 100 + i + 1,
                domain=domain,
                rng=rng,
                related=rng.sample(others, 10),
                extra_minutes=family_no * 11 % 50,
            )
            page_html, label = template(page)
            file_name = f"{name}-{i + 1:02d}.html"
            (pages_dir / file_name).write_bytes(encode(page_html, encoding))
            split = "heldout" if name in HELD_OUT else "dev"
            labels.append(
                {"file": file_name, "article": article.id, "encoding": encoding, "split": split, **label}
            )
    text = json.dumps(labels, ensure_ascii=False, indent=1) + "\n"
    (out_dir / "labels.json").write_text(text, encoding="utf-8")
    return labels


if __name__ == "__main__":
    built = build()
    print(f"{len(built)} pages from {len(FAMILIES)} families in {HERE / 'pages'}")
