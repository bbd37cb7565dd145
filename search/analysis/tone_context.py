"""Where a tone cue stands: inside a proper name, or after a plan word of its sentence.

Kept apart from ``tone.py``'s scan and scoring: these read the context of a hit the scan found.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from search.analysis.prepared import FieldTokens

_OPENERS = frozenset("\"“‘'«(")


def in_name(tokens: FieldTokens, i: int) -> bool:
    """Is the cue word at ``i`` capitalised inside its sentence, so part of a proper name ("Tuần lễ
    xanh - Đồng hành người lao động", "kỷ niệm Chiến thắng Điện Biên Phủ", "đường Cao Thắng")?
    The caller checks the field is not written in title case (``title_case``), where every word is
    capitalised."""
    word = tokens.cased[i]
    if not word[:1].isupper() or i == 0 or tokens.sentence[i - 1] != tokens.sentence[i]:
        return False
    # a quotation or a bracket opens a sentence of its own
    return not _OPENERS.intersection(tokens.seps[i - 1])


def title_case(tokens: FieldTokens) -> bool:
    """Most words of a field of six words or more capitalised (a short title may be mostly names:
    "Sửa mặt đường Cao Thắng")."""
    capitalised = sum(1 for word in tokens.cased if word[:1].isupper())
    return len(tokens.cased) >= 6 and capitalised * 10 > len(tokens.cased) * 6


class _Entry(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def plan(self) -> bool: ...
    @property
    def backward(self) -> bool: ...


class _Hit(Protocol):
    @property
    def entry(self) -> _Entry: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def sentence(self) -> int: ...


def planned(hits: Sequence[_Hit], index: int, reach: int) -> bool:
    """Does a plan word of the cue's sentence ("sẽ", "đề xuất", "khuyến cáo") stand at most
    ``reach`` words before hit ``index``? (The 40 hits before it bound the look-back.)"""
    hit = hits[index]
    for other in hits[index + 1 : index + 6]:
        # "Mọi hành vi tấn công mạng sẽ bị nghiêm trị": a threat of what will happen to it
        if other.sentence != hit.sentence or other.start - hit.end > 4:
            break
        if other.entry.backward:
            return True
    for other in reversed(hits[max(0, index - 40) : index]):
        if other.sentence != hit.sentence or hit.start - other.end > reach:
            return False
        if other.entry.plan:
            return True
        if other.entry.kind == "cause":
            return False  # "… bị đề nghị kỷ luật vì sai phạm": the reason has happened
    return False
