"""Light rewording so articles written from the same template do not read as copies of each other.

Story clustering must group the agency stories that several outlets republish (``story_id``) and
must not group two different stories that happen to share a template; swapping interchangeable
press phrasings per article keeps template siblings apart. Syndicated copies are not reworded.
"""

from __future__ import annotations

import random
import re

from .text import capitalize

# Each group lists phrasings that can stand in for each other wherever one of them appears.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("cho biết", "cho hay"),
    ("thời gian tới", "thời gian sắp tới", "tới đây"),
    ("đẩy mạnh", "tăng cường"),
    ("nhấn mạnh", "khẳng định"),
    ("bảo đảm", "đảm bảo"),
    ("hiện nay", "hiện tại"),
    ("đáng chú ý", "đáng nói"),
    ("xử lý nghiêm", "xử lý nghiêm minh", "xử lý nghiêm khắc"),
    ("thời gian qua", "thời gian vừa qua"),
    ("từ đầu năm đến nay", "từ đầu năm tới nay", "kể từ đầu năm"),
    ("trao đổi với", "làm việc với", "chia sẻ với"),
    ("ghi nhận của phóng viên", "ghi nhận của PV", "theo quan sát"),
    ("kịp thời", "nhanh chóng"),
    ("thực hiện nghiêm", "chấp hành nghiêm"),
    ("tăng mạnh", "tăng cao", "tăng đáng kể"),
    ("quyết liệt", "mạnh mẽ"),
)
# Phrasings that may be replaced but are not safe replacements themselves ("song" is also a name).
ONE_WAY: dict[str, tuple[str, ...]] = {
    "tuy nhiên": ("tuy nhiên", "dù vậy", "song"),
    "nhằm": ("nhằm", "để"),
    "rất": ("rất", "hết sức"),
    "phóng viên": ("phóng viên", "PV"),
}
_LOOKUP = {phrase: group for group in GROUPS for phrase in group} | ONE_WAY
_ALTERNATION = "|".join(re.escape(p) for p in sorted(_LOOKUP, key=len, reverse=True))
_LOWER = re.compile(r"(?<!\w)(" + _ALTERNATION + r")(?!\w)")
_SENTENCE_START = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=[.!?]” ))("
    + "|".join(re.escape(capitalize(p)) for p in sorted(_LOOKUP, key=len, reverse=True))
    + r")(?!\w)"
)
_BEFORE_NUMBER = re.compile(r"(?<!\w)(hơn|trên) (?=\d)")
_DA = re.compile(r"(?<=\w) đã (?=\w)")

# Older tone-mark placement ("hoá", "uỷ") as some outlets still print it.
OLD_STYLE = (
    ("óa", "oá"),
    ("òa", "oà"),
    ("ỏa", "oả"),
    ("õa", "oã"),
    ("ọa", "oạ"),
    ("óe", "oé"),
    ("òe", "oè"),
    ("ỏe", "oẻ"),
    ("ọe", "oẹ"),
    ("úy", "uý"),
    ("ùy", "uỳ"),
    ("ủy", "uỷ"),
    ("ũy", "uỹ"),
    ("ụy", "uỵ"),
    ("Ủy", "Uỷ"),
    ("Úy", "Uý"),
)
_OLD_STYLE = re.compile("|".join(old for old, _ in OLD_STYLE) + r"(?=\W|$)")


def vary(text: str, rng: random.Random, rate: float = 0.55) -> str:
    """Swap interchangeable phrasings, each occurrence with probability ``rate``."""

    def swap(match: re.Match[str]) -> str:
        found = match.group(0)
        group = _LOOKUP[found[0].lower() + found[1:]]
        if rng.random() > rate:
            return found
        choice = rng.choice(group)
        return capitalize(choice) if found[0].isupper() else choice

    text = _SENTENCE_START.sub(swap, _LOWER.sub(swap, text))
    text = _BEFORE_NUMBER.sub(
        lambda m: rng.choice(("hơn ", "trên ")) if rng.random() < rate else m.group(0), text
    )
    return _DA.sub(lambda m: " " if rng.random() < 0.35 else m.group(0), text)


def old_style_marks(text: str) -> str:
    """'hóa' → 'hoá', 'Ủy' → 'Uỷ': the tone mark on the second vowel of oa/oe/uy at a word's end."""
    table = dict(OLD_STYLE)
    return _OLD_STYLE.sub(lambda m: table[m.group(0)], text)
