"""Rule-based tone (negative / neutral / positive) from the cue lexicon in ``tone.yaml``
(read by ``tone_lexicon.py``).

Cues, modifiers and intensifiers are found in one left-to-right pass over each field's lower-case
exact tokens (longest entry first); a modifier or intensifier only acts inside the cue's sentence,
so "không" in one sentence never negates a cue in the next. Scoring can be limited to some
sentences, which is how the tone toward the focus province is computed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from search.analysis.prepared import DocumentTokens, FieldTokens
from search.analysis.tone_context import in_name, planned, title_case
from search.analysis.tone_lexicon import (
    LEXICON_PATH,
    Entry,
    Lexicon,
    LexiconError,
    default_lexicon,
    load_lexicon,
)
from search.document import TEXT_FIELDS

__all__ = [
    "LABELS",
    "LEXICON_PATH",
    "Entry",
    "Lexicon",
    "LexiconError",
    "ToneResult",
    "default_lexicon",
    "load_lexicon",
    "score_tone",
]

LABELS = ("negative", "neutral", "positive")


@dataclass
class ToneResult:
    label: str
    score: float
    cues: list[dict[str, Any]]

    def explanation(self) -> dict[str, Any]:
        return {"label": self.label, "score": round(self.score, 3), "cues": self.cues}


@dataclass(slots=True)
class _Hit:
    entry: Entry
    start: int
    end: int
    sentence: int


def _scan(lexicon: Lexicon, tokens: FieldTokens) -> list[_Hit]:
    hits: list[_Hit] = []
    lower = tokens.lower
    table = lexicon.by_first
    last = len(lower) - 1
    end = 0  # a match consumes its words: the next one starts after it
    # Only the positions whose word starts an entry (FieldTokens.where).
    for i in tokens.where(table):
        if i < end:
            continue
        longer, entry = table[lower[i]]
        # Longest first, as in ``Lexicon.entries``: only the entries whose second word follows can
        # match (a third of the tokens start an entry, few start a longer one), else the one-word
        # entry, if any.
        if longer and i < last:
            for candidate in longer.get(lower[i + 1], ()):
                if tuple(lower[i : i + len(candidate.tokens)]) == candidate.tokens:
                    entry = candidate
                    break
        if entry is not None:
            hits.append(_Hit(entry, i, i + len(entry.tokens), tokens.sentence[i]))
            end = i + len(entry.tokens)
    return hits


def _field_hits(lexicon: Lexicon, prepared: DocumentTokens, name: str) -> list[_Hit]:
    """The field's hits, scanned once per document: the focus tone scores some sentences of the
    fields the article's tone already scanned."""
    key = ("tone", name)
    cached = prepared.memo.get(key)
    if cached is not None and cached[0] is lexicon:
        hits: list[_Hit] = cached[1]
        return hits
    tokens = prepared.fields[name]
    hits = _scan(lexicon, tokens)
    named = [h for h in hits if h.entry.kind == "cue" and in_name(tokens, h.start)]
    if named and not title_case(tokens):  # (counted once per field, and only when a cue is capitalised)
        drop = {id(h) for h in named}
        hits = [h for h in hits if id(h) not in drop]
    if any(h.entry.victim for h in hits):
        hits = _without_victims(hits)
    prepared.memo[key] = (lexicon, hits)
    return hits


_VICTIM_REACH = 3


def _without_victims(hits: list[_Hit]) -> list[_Hit]:
    """Drop the state words that name the victim ("… dùng súng chống trả khiến một cán bộ công an
    bị thương", "tấn công cán bộ"): a state word up to ``_VICTIM_REACH`` words after a victim
    marker of its sentence, with no other hit between, is not wrongdoing inside the state."""
    out: list[_Hit] = []
    for hit in hits:
        if hit.entry.kind == "state" and out:
            before = out[-1]
            near = before.sentence == hit.sentence and hit.start - before.end <= _VICTIM_REACH
            if before.entry.victim and near:
                continue
        out.append(hit)
    return out


def _field_cues(
    lexicon: Lexicon,
    name: str,
    hits: list[_Hit],
    sentences: Collection[int] | None,
    lead: str | None = None,
    opening: int = -1,
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    weight = lexicon.field_weights.get(name, 1.0)
    outcome = _outcome_sentences(hits, lead) if name in _HEADLINE else {}
    # An outcome counts where it solves a harm the sentence names ("bắt" a thief, not "bắt" a fish),
    # and not in a sentence framed with alarm, where the harm is the news.
    # A death in the sentence is the news beside a rescue ("Lao xuống sông cứu bạn, nam sinh tử vong").
    harmed = {h.sentence for h in hits if h.entry.kind == "cue" and h.entry.value < 0}
    alarmed = {h.sentence for h in hits if h.entry.alarm}
    dead = {h.sentence for h in hits if h.entry.death}
    refuted = {h.sentence for h in hits if h.entry.kind == "refute"}
    accused: dict[int, list[int]] = {}
    for h in hits if name in _HEADLINE else ():
        if h.entry.kind == "state":
            accused.setdefault(h.sentence, []).append(h.start)
    for index, hit in enumerate(hits):
        if hit.entry.kind != "cue" or (sentences is not None and hit.sentence not in sentences):
            continue
        value = hit.entry.value * weight
        blocked = hit.sentence in alarmed or (hit.entry.rescue and hit.sentence in dead)
        if hit.entry.outcome and (hit.sentence not in harmed or blocked):
            if hit.start == opening and not blocked:
                # "Khởi tố vụ phá hơn 20ha rừng …": a title that leads with the catch reports it
                out.append(
                    {
                        "cue": " ".join(hit.entry.tokens),
                        "field": name,
                        "polarity": "positive",
                        "score": round(value, 3),
                        "modifier": "lead",
                    }
                )
                continue
            if not hit.entry.rescue and not blocked and _accuses(accused.get(hit.sentence), hit):
                # "Khám nhà cựu chủ tịch HĐQT …": a catch of someone of the state is wrongdoing inside
                # the state even where the sentence names no harm
                found = {"cue": " ".join(hit.entry.tokens), "field": name, "polarity": "positive"}
                out.append({**found, "score": round(-value, 3), "modifier": "state"})
                continue
            if not hit.entry.alone or blocked:
                continue
            # "Giải cứu 30 cá thể rùa biển": a rescue is good news without a harm named beside it
            value = hit.entry.alone * weight
        modifier = intensifier = ""
        # The nearest modifier in the same sentence, before (or after) the cue.
        best: tuple[int, _Hit] | None = None
        for other in hits[max(0, index - 8) : index + 4]:
            if other is hit or other.sentence != hit.sentence:
                continue
            if other.entry.kind == "modifier":
                if other.end <= hit.start and other.entry.position in ("before", "both"):
                    distance = hit.start - other.end
                    if distance > lexicon.window and distance <= other.entry.reach:
                        distance = lexicon.window  # a direction word governing a list
                elif other.start >= hit.end and other.entry.position in ("after", "both"):
                    distance = other.start - hit.end
                    if distance > lexicon.window and distance <= other.entry.reach // 2:
                        distance = lexicon.window  # "số vụ phạm tội về trật tự xã hội giảm"
                else:
                    continue
                if distance <= lexicon.window and (best is None or distance < best[0]):
                    best = (distance, other)
            elif other.entry.kind == "intensifier" and not intensifier:
                distance = hit.start - other.end if other.end <= hit.start else other.start - hit.end
                if 0 <= distance <= lexicon.intensifier_window:
                    value *= other.entry.value
                    intensifier = " ".join(other.entry.tokens)
        if hit.entry.directional and best is None:
            best = _later_direction(hits, index)
        if hit.entry.directional and best is None:
            continue  # "Trao quà Tết cho hộ nghèo" (vs "Tỷ lệ hộ nghèo giảm", "không còn hộ nghèo")
        if hit.sentence in refuted or (lexicon.plan_reach and planned(hits, index, lexicon.plan_reach)):
            # "Bộ sẽ đề nghị xem lại kỷ luật", "ADB khuyến cáo cần cải thiện môi trường kinh doanh":
            # what is planned, proposed or forecast has not happened; a refuted rumour did not either.
            out.append(
                {
                    "cue": " ".join(hit.entry.tokens),
                    "field": name,
                    "polarity": "negative" if hit.entry.value < 0 else "positive",
                    "score": 0.0,
                    "modifier": "refuted" if hit.sentence in refuted else "plan",
                }
            )
            continue
        if best is not None:
            entry = best[1].entry
            value *= entry.on_negative if hit.entry.value < 0 else entry.on_positive
            if hit.entry.directional and hit.entry.value > 0 and entry.on_negative < 0:
                value = -abs(value)  # "thu ngân sách giảm": a fall in a good measure is bad news
            modifier = " ".join(entry.tokens)
            if value > 0 > hit.entry.value and _aimed(hits, best[1]):
                value = 0.0  # "nhằm kéo giảm tai nạn": an aim, not a result
                modifier = "aim"
        elif hit.entry.value < 0 and outcome.get(hit.sentence):
            # "Bắt nhóm đối tượng cướp giật": the headline reports the harm solved.
            value *= lexicon.outcome_factor
            modifier = outcome[hit.sentence]
        elif hit.entry.outcome and not hit.entry.rescue and outcome.get(hit.sentence) == "":
            value = -value  # "Khởi tố nguyên phó phòng": wrongdoing inside the state
            modifier = "state"
        cue: dict[str, Any] = {
            "cue": " ".join(hit.entry.tokens),
            "field": name,
            "polarity": "negative" if hit.entry.value < 0 else "positive",
            "score": round(value, 3),
        }
        if modifier:
            cue["modifier"] = modifier
        if intensifier:
            cue["intensifier"] = intensifier
        out.append(cue)
    return out


_HEADLINE = ("title", "sapo")


def _accuses(state: list[int] | None, outcome: _Hit) -> bool:
    """Is the outcome done to someone of the state: a state word after it ("Khám nhà cựu chủ tịch")
    or a passive outcome ("Nguyên chủ tịch xã bị bắt")? (Not "Chủ tịch tỉnh chỉ đạo xử phạt …",
    where the state acts.)"""
    if not state:
        return False
    return outcome.entry.tokens[0] == "bị" or any(start > outcome.start for start in state)


_MEASURE_REACH = 6


def _later_direction(hits: list[_Hit], index: int) -> tuple[int, _Hit] | None:
    """A measure's direction word told after its qualifiers ("GDP Việt Nam năm 2018 tăng 7%",
    "Kim ngạch xuất khẩu của tỉnh 6 tháng giảm"): the first modifier after it in its sentence,
    up to ``_MEASURE_REACH`` words on and before any other cue."""
    hit = hits[index]
    for other in hits[index + 1 : index + 4]:
        if other.sentence != hit.sentence or other.start - hit.end > _MEASURE_REACH:
            return None
        if other.entry.kind == "cue":
            return None
        if other.entry.kind == "modifier" and other.entry.position in ("after", "both"):
            return (other.start - hit.end, other)
    return None


def _aimed(hits: list[_Hit], modifier: _Hit) -> bool:
    """Is the direction word an aim ("nhằm/để/phấn đấu kéo giảm …"), one or two words after a
    purpose word of its sentence?"""
    return any(
        h.entry.kind == "purpose" and h.sentence == modifier.sentence and 0 <= modifier.start - h.end <= 2
        for h in hits
    )


def _lead_outcome(title: list[_Hit]) -> str | None:
    """The outcome a title leads with when it names no harm ("Bắt giám đốc doanh nghiệp …", the
    sapo says what he did): its words, "" when against someone of the state, else None."""
    outcomes = [h for h in title if h.entry.outcome]
    if not outcomes or any(h.entry.kind == "cue" and h.entry.value < 0 for h in title):
        return None
    state = any(h.entry.kind == "state" or h.entry.finding for h in title)
    return "" if state and not any(h.entry.rescue for h in outcomes) else " ".join(outcomes[0].entry.tokens)


def _opening(tokens: FieldTokens, title: list[_Hit], lead: str | None) -> _Hit | None:
    """The enforcement outcome a title leads with ("Bắt nhóm thanh niên …", "Quảng Ninh: Phá thành
    công …"), when it names no harm and no one of the state (``lead``): the first word of its
    sentence. A catch told later in the title ("… đối mặt án tù vì bắt hai con sò") is not one."""
    if not lead:
        return None
    for hit in title:
        if hit.entry.outcome and not hit.entry.rescue:
            start = hit.start
            opens = start == 0 or tokens.sentence[start - 1] != tokens.sentence[start]
            # (tone8) a fine told after whom it hits is still the title's news ("Tài xế bị phạt
            # 700.000 đồng vì …", "CSGT phạt 16 triệu đồng tài xế …"): a fine is no catch of a fish
            opens = opens or hit.entry.tokens[-1] == "phạt"
            return hit if opens and hit.entry.leads else None
    return None


def _outcome_sentences(hits: list[_Hit], lead: str | None = None) -> dict[int, str]:
    """Sentences of a headline field that report an enforcement outcome ("bắt", "khởi tố", "phá
    thành công"): sentence -> the outcome words, or "" when it is against someone of the state.
    ``lead``: the title's outcome, which solves the harm the sapo's sentences name."""
    outcome: dict[int, str] = {}
    state: set[int] = set()
    rescued: set[int] = set()  # "Cán bộ xã cứu 3 người bị lũ cuốn": a rescue has no culprit
    harmed = {h.sentence for h in hits if h.entry.kind == "cue" and h.entry.value < 0}
    harmed -= {h.sentence for h in hits if h.entry.alarm}  # "Kinh hoàng …, chủ quán thoát chết"
    dead = {h.sentence for h in hits if h.entry.death}
    for hit in hits:
        if hit.entry.outcome and hit.sentence in harmed and not (hit.entry.rescue and hit.sentence in dead):
            outcome.setdefault(hit.sentence, " ".join(hit.entry.tokens))
            if hit.entry.rescue:
                rescued.add(hit.sentence)
        elif hit.entry.kind == "state" or hit.entry.finding:
            state.add(hit.sentence)  # "Xử phạt 15 cơ sở vi phạm an toàn thực phẩm": violations found
    if lead is not None:
        for s in harmed - outcome.keys():
            outcome[s] = lead
    return {s: "" if s in state and s not in rescued else words for s, words in outcome.items()}


def _label(lexicon: Lexicon, score: float, body: bool = False) -> str:
    if score >= (lexicon.body_positive_threshold if body else lexicon.positive_threshold):
        return "positive"
    if score <= -lexicon.negative_threshold:
        return "negative"
    return "neutral"


def score_tone(
    prepared: DocumentTokens,
    lexicon: Lexicon | None = None,
    sentences: Mapping[str, Collection[int]] | None = None,
) -> ToneResult:
    """Tone of the whole article, or only of the given sentences per field (``{"body": {2, 5}}``;
    a field missing from the mapping is skipped).

    The title decides when its own score passes a threshold, as staff read a headline; then title
    and sapo; the body decides only a headline that is neutral on its own and does not negate the
    harm it names."""
    lexicon = lexicon or default_lexicon()
    cues: list[dict[str, Any]] = []
    # "Bắt giám đốc doanh nghiệp …" + a sapo telling the fraud: the title's outcome solves it.
    title_hits = _field_hits(lexicon, prepared, "title")
    lead = _lead_outcome(title_hits)
    opening = _opening(prepared.fields["title"], title_hits, lead)
    if opening is not None and any(
        h.entry.kind == "state" or h.entry.finding for h in _field_hits(lexicon, prepared, "sapo")
    ):
        opening = None  # "Bắt giám đốc …" + "ông A, nguyên chủ tịch xã, …": wrongdoing inside the state
    for name in TEXT_FIELDS:
        if sentences is not None and name not in sentences:
            continue
        cues += _field_cues(
            lexicon,
            name,
            _field_hits(lexicon, prepared, name),
            None if sentences is None else sentences[name],
            lead if name == "sapo" else None,
            opening.start if opening is not None and name == "title" else -1,
        )
    # The title decides when it is decisive, else title and sapo, else the whole article.
    label, score = "neutral", 0.0
    # "…: Không phát hiện sai phạm": a headline that negates the harm it names is not overruled
    # by the complaint its body recounts.
    negated = any(c["field"] == "title" and c.get("modifier") and c["score"] == 0 for c in cues)
    # "Cần Thơ kêu gọi đầu tư BOT", "Hội nghị bàn giải pháp …": a plan, rule, proposal or meeting
    # is neutral news unless its headline reports a result or a harm; the background its body
    # recounts does not decide.
    if lexicon.plan_reach and sentences is None:
        negated = negated or any(h.entry.frame for h in _field_hits(lexicon, prepared, "title"))
    for fields in (("title",), _HEADLINE, TEXT_FIELDS):
        # (0.0, not 0, with no cue: a float like every other score, compiled or not)
        score = sum((c["score"] for c in cues if c["field"] in fields), 0.0)
        # (the sentences naming a province are all its evidence: they keep the headline threshold)
        label = _label(lexicon, score, body=fields == TEXT_FIELDS and sentences is None)
        if label != "neutral" or (negated and fields == _HEADLINE):
            break
    return ToneResult(label, score, cues)
