"""The context rules that decide what a place name in running text is: a street, a person, an
organisation, a home address, a route end, a unit abroad, an old unit named as such. Split from
places.py (which finds the names and scores them); every rule looks at a few tokens around the
name, so detection stays linear."""

from __future__ import annotations

from search.analysis.gazetteer import Gazetteer, Pattern
from search.analysis.prepared import FieldTokens


def preceded_by(tokens: FieldTokens, i: int, words: tuple[str, ...]) -> bool:
    """Are the tokens right before position i these words, separated by spaces only?"""
    start = i - len(words)
    if start < 0 or tokens.lower[i - 1] != words[-1] or tuple(tokens.lower[start:i]) != words:
        return False
    return all(not tokens.gap(k, k + 1).strip() for k in range(start, i))


def after_any(tokens: FieldTokens, i: int, table: dict[str, list[tuple[str, ...]]]) -> bool:
    """Do the tokens right before i spell one of the table's word lists?"""
    return i > 0 and any(preceded_by(tokens, i, words) for words in table.get(tokens.lower[i - 1], ()))


def why_not_province(g: Gazetteer, tokens: FieldTokens, i: int, pattern: Pattern) -> str:
    """Why the mention at i is not the province ('' when it is)."""
    for reason, table in g.blocked_by_last.items():
        if reason == "sub_unit" and pattern.kind == "city":
            continue  # "huyện Cao Lãnh" is still in Đồng Tháp
        if after_any(tokens, i, table):
            return reason
    if i and not tokens.gap(i - 1, i).strip() and tokens.cased[i - 1] in g.person_name_words:
        return "person"
    # An organisation name: walk back over words joined by spaces, stopping at place words.
    k = i
    last_words = g.organisation_last
    while k > 0 and i - k < g.organisation_reach and tokens.seps[k - 1].isspace():
        k -= 1
        word = tokens.lower[k]
        if word in _PLACE_WORDS:
            break
        if word in last_words and any(preceded_by(tokens, k + 1, w) for w in g.organisation_words):
            return "organisation"
    return ""


_PLACE_WORDS = frozenset(("tại", "ở", "tỉnh", "trên", "của", "cho", "với", "và", "thuộc"))


# Words a place chain may run through back to its weak word: "ngụ xóm 10, xã Hải Anh, huyện Hải
# Hậu, tỉnh Nam Định" is a home address from "ngụ" to the end.
_CHAIN_WORDS = frozenset(
    (
        "tỉnh",
        "thành",
        "phố",
        "tp",
        "huyện",
        "quận",
        "thị",
        "xã",
        "trấn",
        "phường",
        "thôn",
        "xóm",
        "ấp",
        "bản",
        "tổ",
        "khu",
        "số",
        "đường",
        "tx",
        "tt",
        "p",
        "q",
    )
)


def is_weak(g: Gazetteer, tokens: FieldTokens, i: int) -> bool:
    """Is the mention at i a place of origin, residence or destination ("quê Nghệ An", "ngụ xã A,
    huyện B", "từ Hà Nội")? The weak word may stand before the whole address chain."""
    for _ in range(16):
        if after_any(tokens, i, g.weak_by_last):
            return True
        if i == 0 or tokens.gap(i - 1, i).strip(" ,()-.\u00a0"):
            return False
        word = tokens.cased[i - 1]
        if not (word[0].isupper() or word.isdigit() or tokens.lower[i - 1] in _CHAIN_WORDS):
            return False
        i -= 1
    return False


def is_road_end(g: Gazetteer, tokens: FieldTokens, i: int) -> bool:
    """Is the name at i the far end of a road named "X – Y" after a street word?"""
    k = i - 1
    while k > 0 and i - k <= 4 and tokens.cased[k][0].isupper() and not tokens.gap(k - 1, k).strip():
        if after_any(tokens, k, g.blocked_by_last.get("street", {})):
            return True
        k -= 1
    return False


def is_abroad(g: Gazetteer, tokens: FieldTokens, end: int) -> str:
    """Is the name followed, within its address, by a foreign country ("tỉnh Hà Nam, Trung Quốc")?
    "region" when the address places it in a part of that country ("tỉnh Hà Nam, miền trung Trung
    Quốc": a region abroad, like a name of ``foreign_regions``), "country" otherwise, "" if not."""
    k, region = end, False
    while k < len(tokens.lower) and k - end < 8 and not tokens.gap(k - 1, k).strip(" ,()-.\u00a0"):
        if any(tuple(tokens.lower[k : k + len(w)]) == w for w in g.foreign.get(tokens.lower[k], ())):
            return "region" if region else "country"
        word = tokens.cased[k]
        if tokens.lower[k] in _COMPASS:
            region = True  # "miền trung", "tây nam", "phía bắc" … of the country that follows
        elif not (word[0].isupper() or tokens.lower[k] in _CHAIN_WORDS):
            return ""
        k += 1
    return ""


# Words that place a region inside the country named after them ("miền trung Trung Quốc").
_COMPASS = frozenset(("miền", "phía", "vùng", "đông", "tây", "nam", "bắc", "trung"))


def after_foreign_region(g: Gazetteer, tokens: FieldTokens, start: int) -> bool:
    """Is a foreign region a whole item of the list or address just before ``start`` ("Trịnh Châu,
    tỉnh Hà Nam", "Giang Tây, An Huy và Hà Nam")? (Whole items only: "Mỹ Xuyên" holds no Mỹ.)"""
    k = start
    while k > 0 and start - k < 8 and not tokens.gap(k - 1, k).strip(" ,()-.\u00a0"):
        lower = tokens.lower[k - 1]
        if not (tokens.cased[k - 1][0].isupper() or lower in _CHAIN_WORDS or lower == "và"):
            return False
        if k < start and ("," in tokens.gap(k - 1, k) or tokens.lower[k] in _ITEM_AFTER):
            for first in range(max(0, k - 4), k):
                before = tokens.lower[first - 1] if first else ""
                boundary = (
                    first == 0 or "," in tokens.gap(first - 1, first) or before in _ITEM_AFTER
                ) and before not in _SUBUNIT_TYPES  # "xã Tân Cương": Vietnamese, whatever its name
                if boundary and tuple(tokens.lower[first:k]) in g.foreign_regions.get(
                    tokens.lower[first], ()
                ):
                    return True
        k -= 1
    return False


_ITEM_AFTER = _CHAIN_WORDS | {"và"}
_SUBUNIT_TYPES = frozenset(
    ("huyện", "quận", "thị", "xã", "trấn", "phường", "thôn", "xóm", "ấp", "bản", "tx", "tt")
)


def merger_starts(g: Gazetteer, tokens: FieldTokens) -> dict[int, int]:
    """Sentence -> position of its first merger word ("hợp nhất", "sáp nhập" …), found in one pass."""
    out: dict[int, int] = {}
    lower, table = tokens.lower, g.merger_words
    if table.keys().isdisjoint(tokens.words):
        return out
    for k in tokens.where(table):
        if any(tuple(lower[k : k + len(w)]) == w for w in table[lower[k]]):
            out.setdefault(tokens.sentence[k], k)
    return out


def old_note(tokens: FieldTokens, i: int, end: int, mergers: dict[int, int]) -> str:
    """How the unit is named as it was before the merger: "cũ" ("tỉnh Thái Bình (cũ)"), "merger"
    (after "hợp nhất", "sáp nhập" … in the same sentence; ``mergers`` from merger_starts) or not."""
    if end < len(tokens.lower) and tokens.lower[end] == "cũ" and tokens.gap(end - 1, end).strip(" (") == "":
        return "cũ"
    first = mergers.get(tokens.sentence[i])
    return "merger" if first is not None and first < i else ""
