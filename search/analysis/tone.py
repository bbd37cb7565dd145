"""Rule-based tone (negative / neutral / positive) from the cue lexicon in ``tone.yaml``.

Cues, modifiers and intensifiers are found in one left-to-right pass over each field's lower-case
exact tokens (longest entry first); a modifier or intensifier only acts inside the cue's sentence,
so "không" in one sentence never negates a cue in the next. Scoring can be limited to some
sentences, which is how the tone toward the focus province is computed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from search.analysis.prepared import DocumentTokens, FieldTokens, by_second
from search.analysis.tone_context import in_name, planned
from search.document import TEXT_FIELDS
from search.text import normalize

LEXICON_PATH = Path(__file__).resolve().parent / "tone.yaml"
_TOKEN = re.compile(r"[^\W_]+")
LABELS = ("negative", "neutral", "positive")


class LexiconError(ValueError):
    """The tone lexicon is malformed; the message names the file, section and entry."""


@dataclass(frozen=True)
class Entry:
    tokens: tuple[str, ...]
    kind: str  # "cue", "modifier", "intensifier", "state" (marks the state) or "neutral" (never scored)
    value: float = 0.0  # cue: signed weight; intensifier: factor
    on_negative: float = 1.0
    on_positive: float = 1.0
    position: str = "before"  # modifiers: before, after or both
    reach: int = 0  # modifiers: words they govern past `window` ("giảm cả số vụ, số người chết …")
    outcome: bool = False  # an enforcement outcome ("bắt", "khởi tố"): see _outcome_sentences
    rescue: bool = False  # an outcome that is a rescue or a good deed: no one of the state turns it
    alone: float = 0.0  # an outcome that is also a positive cue: its value where no harm is named
    directional: bool = False  # a group or a measure, not a harm: counts only with a direction word
    finding: bool = False  # a harm an inspection finds ("vi phạm an toàn thực phẩm"): no sanction solves it
    plan: bool = False  # a plan, proposal, rule or forecast word ("sẽ", "đề xuất"): see tone_context.planned
    frame: bool = False  # in a title, makes the article a plan, rule or meeting (see score_tone)


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, list[Entry]]  # first token -> entries, longest first
    field_weights: dict[str, float]
    negative_threshold: float
    positive_threshold: float
    window: int
    intensifier_window: int
    outcome_factor: float = 1.0  # what an enforcement outcome does to harm cues in its headline
    # When the body decides (a neutral headline), positive words must add up to more: a long body
    # collects passing ceremonial or showbiz praise that staff do not read as good news.
    body_positive_threshold: float = 1.0
    # Cues up to this many words after a plan word of their sentence state what is planned,
    # proposed or forecast, not what happened (0: off).
    plan_reach: int = 0

    @cached_property
    def by_first(self) -> dict[str, tuple[dict[str, tuple[Entry, ...]], Entry | None]]:
        """``entries`` as the scan reads them: first token -> (the longer entries by their second
        token, longest first; the one-word entry that wins when none of them matches)."""
        out: dict[str, tuple[dict[str, tuple[Entry, ...]], Entry | None]] = {}
        for first, candidates in self.entries.items():
            longer, singles = by_second(candidates)
            out[first] = (longer, singles[0] if singles else None)
        return out


@dataclass
class ToneResult:
    label: str
    score: float
    cues: list[dict[str, Any]]

    def explanation(self) -> dict[str, Any]:
        return {"label": self.label, "score": round(self.score, 3), "cues": self.cues}


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(normalize(str(text)).lower()))


def _number(path: Path, where: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise LexiconError(f"{path}: {where}: expected a number, got {value!r}")
    return float(value)


def load_lexicon(path: Path | str | None = None) -> Lexicon:
    path = Path(path or LEXICON_PATH)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise LexiconError(f"{path}: not valid YAML: {error}") from error
    entries: list[Entry] = []
    for section, sign in (("negative", -1.0), ("positive", 1.0)):
        for cue, weight in (data.get(section) or {}).items():
            entries.append(Entry(_tokens(cue), "cue", sign * _number(path, f"{section}: {cue}", weight)))
    for word, spec in (data.get("modifiers") or {}).items():
        if not isinstance(spec, dict):
            raise LexiconError(f"{path}: modifiers: {word}: expected a mapping with on_negative/on_positive")
        position = spec.get("position", "before")
        if position not in ("before", "after", "both"):
            raise LexiconError(f"{path}: modifiers: {word}: position must be before, after or both")
        entries.append(
            Entry(
                _tokens(word),
                "modifier",
                on_negative=_number(path, f"modifiers: {word}", spec.get("on_negative", 1.0)),
                on_positive=_number(path, f"modifiers: {word}", spec.get("on_positive", 1.0)),
                position=position,
                reach=int(_number(path, f"modifiers: {word}: reach", spec.get("reach", 0))),
            )
        )
    outcomes = data.get("outcomes") or {}
    value = _number(path, "outcomes: weight", outcomes.get("weight", 0.0))
    solved = {_tokens(word) for word in outcomes.get("words") or []}
    # "hộ nghèo" is who gets help ("Trao quà Tết cho hộ nghèo"); only its change is news.
    directional = {_tokens(word) for word in data.get("needs_direction") or []}
    # Violations an inspection finds are the news even when sanctioned (`findings`).
    findings = {_tokens(word) for word in outcomes.get("findings") or []}
    entries = [
        replace(e, directional=e.tokens in directional, finding=e.tokens in findings)
        if e.kind == "cue"
        else e
        for e in entries
    ]
    # Rescues and good deeds in a headline that names the harm ("Cứu sống bé trai bị đuối nước",
    # "Xe tải lật, người dân giúp tài xế") report the help, not the harm, as staff read them.
    rescues = {_tokens(word) for word in outcomes.get("rescues") or []}
    # Where no harm is named a rescue keeps its positive weight; an enforcement outcome has none
    # ("bắt hai con sò" is no bust).
    praise = {e.tokens: e.value for e in entries if e.kind == "cue" and e.value > 0 and e.tokens in rescues}
    entries = [e for e in entries if not (e.kind == "cue" and e.tokens in solved | rescues)]  # outcome wins
    entries += [
        Entry(words, "cue", value, outcome=True, rescue=words in rescues, alone=praise.get(words, 0.0))
        for words in sorted(solved | rescues)
    ]
    entries += [Entry(_tokens(word), "state") for word in outcomes.get("not_when") or []]
    purposes = {_tokens(word) for word in data.get("purposes") or []}
    plans = {_tokens(word) for word in (data.get("plans") or {}).get("words") or []}
    frames = plans | {_tokens(word) for word in (data.get("plans") or {}).get("headline") or []}
    entries += [Entry(w, "purpose", plan=w in plans, frame=w in frames) for w in sorted(purposes)]
    entries += [Entry(w, "plan", plan=w in plans, frame=True) for w in sorted(frames - purposes)]
    for phrase in data.get("neutral") or []:
        entries.append(Entry(_tokens(phrase), "neutral"))
    for word, factor in (data.get("intensifiers") or {}).items():
        entries.append(Entry(_tokens(word), "intensifier", _number(path, f"intensifiers: {word}", factor)))
    table: dict[str, list[Entry]] = {}
    for entry in entries:
        if not entry.tokens:
            raise LexiconError(f"{path}: an entry has no words")
        table.setdefault(entry.tokens[0], []).append(entry)
    for candidates in table.values():
        # Longest first; at equal length a neutral phrase, then a cue, beats a modifier.
        candidates.sort(key=lambda e: (-len(e.tokens), {"neutral": 0, "cue": 1}.get(e.kind, 2)))
    weights = data.get("field_weights") or {"title": 2.0, "sapo": 1.5, "body": 1.0}
    threshold = data.get("threshold", 1.0)
    if not isinstance(threshold, dict):
        threshold = {"negative": threshold, "positive": threshold}
    return Lexicon(
        table,
        {k: float(v) for k, v in weights.items()},
        _number(path, "threshold: negative", threshold.get("negative", 1.0)),
        _number(path, "threshold: positive", threshold.get("positive", 1.0)),
        int(data.get("window", 3)),
        int(data.get("intensifier_window", 2)),
        _number(path, "outcomes: factor", outcomes.get("factor", 1.0)),
        _number(
            path, "threshold: body_positive", threshold.get("body_positive", threshold.get("positive", 1.0))
        ),
        int(_number(path, "plans: reach", (data.get("plans") or {}).get("reach", 0))),
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()


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
    hits = [h for h in _scan(lexicon, tokens) if not (h.entry.kind == "cue" and in_name(tokens, h.start))]
    prepared.memo[key] = (lexicon, hits)
    return hits


def _field_cues(
    lexicon: Lexicon, name: str, hits: list[_Hit], sentences: Collection[int] | None
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    weight = lexicon.field_weights.get(name, 1.0)
    outcome = _outcome_sentences(hits) if name in _HEADLINE else {}
    # An outcome counts where it solves a harm the sentence names ("bắt" a thief, not "bắt" a fish).
    harmed = {h.sentence for h in hits if h.entry.kind == "cue" and h.entry.value < 0}
    for index, hit in enumerate(hits):
        if hit.entry.kind != "cue" or (sentences is not None and hit.sentence not in sentences):
            continue
        value = hit.entry.value * weight
        if hit.entry.outcome and hit.sentence not in harmed:
            if not hit.entry.alone:
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
            continue  # "Trao quà Tết cho hộ nghèo" (vs "Tỷ lệ hộ nghèo giảm", "không còn hộ nghèo")
        if lexicon.plan_reach and planned(hits, index, lexicon.plan_reach):
            # "Bộ sẽ đề nghị xem lại kỷ luật", "ADB khuyến cáo cần cải thiện môi trường kinh doanh":
            # what is planned, proposed or forecast has not happened.
            out.append(
                {
                    "cue": " ".join(hit.entry.tokens),
                    "field": name,
                    "polarity": "negative" if hit.entry.value < 0 else "positive",
                    "score": 0.0,
                    "modifier": "plan",
                }
            )
            continue
        if best is not None:
            entry = best[1].entry
            value *= entry.on_negative if hit.entry.value < 0 else entry.on_positive
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


def _aimed(hits: list[_Hit], modifier: _Hit) -> bool:
    """Is the direction word an aim ("nhằm/để/phấn đấu kéo giảm …"), one or two words after a
    purpose word of its sentence?"""
    return any(
        h.entry.kind == "purpose" and h.sentence == modifier.sentence and 0 <= modifier.start - h.end <= 2
        for h in hits
    )


def _outcome_sentences(hits: list[_Hit]) -> dict[int, str]:
    """Sentences of a headline field that report an enforcement outcome ("bắt", "khởi tố", "phá
    thành công"): sentence -> the outcome words, or "" when it is against someone of the state."""
    outcome: dict[int, str] = {}
    state: set[int] = set()
    rescued: set[int] = set()  # "Cán bộ xã cứu 3 người bị lũ cuốn": a rescue has no culprit
    harmed = {h.sentence for h in hits if h.entry.kind == "cue" and h.entry.value < 0}
    for hit in hits:
        if hit.entry.outcome and hit.sentence in harmed:
            outcome.setdefault(hit.sentence, " ".join(hit.entry.tokens))
            if hit.entry.rescue:
                rescued.add(hit.sentence)
        elif hit.entry.kind == "state" or hit.entry.finding:
            state.add(hit.sentence)  # "Xử phạt 15 cơ sở vi phạm an toàn thực phẩm": violations found
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
    for name in TEXT_FIELDS:
        if sentences is not None and name not in sentences:
            continue
        cues += _field_cues(
            lexicon,
            name,
            _field_hits(lexicon, prepared, name),
            None if sentences is None else sentences[name],
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
        score = sum(c["score"] for c in cues if c["field"] in fields)
        # (the sentences naming a province are all its evidence: they keep the headline threshold)
        label = _label(lexicon, score, body=fields == TEXT_FIELDS and sentences is None)
        if label != "neutral" or (negated and fields == _HEADLINE):
            break
    return ToneResult(label, score, cues)
