"""The tone lexicon: ``tone.yaml`` read into cue, modifier, outcome and plan entries.

Split from ``tone.py`` (which scans a document and scores it): the entries and what each of
their flags means are documented at ``Entry`` and in ``tone.yaml`` itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from search.analysis.prepared import by_second
from search.text import normalize

LEXICON_PATH = Path(__file__).resolve().parent / "tone.yaml"
_TOKEN = re.compile(r"[^\W_]+")


class LexiconError(ValueError):
    """The tone lexicon is malformed; the message names the file, section and entry."""


@dataclass(frozen=True)
class Entry:
    tokens: tuple[str, ...]
    kind: str  # "cue", "modifier", "intensifier", "state" (marks the state), "cause" (ends a plan's
    # scope) or "neutral" (never scored)
    value: float = 0.0  # cue: signed weight; intensifier: factor
    on_negative: float = 1.0
    on_positive: float = 1.0
    position: str = "before"  # modifiers: before, after or both
    reach: int = 0  # modifiers: words they govern past `window` ("giảm cả số vụ, số người chết …")
    outcome: bool = False  # an enforcement outcome ("bắt", "khởi tố"): see _outcome_sentences
    rescue: bool = False  # an outcome that is a rescue or a good deed: no one of the state turns it
    alone: float = 0.0  # an outcome that is also a positive cue: its value where no harm is named
    leads: bool = True  # an outcome that reports a catch when a title opens with it (not "triệu tập")
    directional: bool = False  # a group or a measure, not a harm: counts only with a direction word
    finding: bool = False  # a harm an inspection finds ("vi phạm an toàn thực phẩm"): no sanction solves it
    plan: bool = False  # a plan, proposal, rule or forecast word ("sẽ", "đề xuất"): see tone_context.planned
    frame: bool = False  # in a title, makes the article a plan, rule or meeting (see score_tone)
    backward: bool = False  # a plan word that also governs the cues just before it ("… sẽ bị xử lý")
    alarm: bool = False  # "Kinh hoàng …": no outcome or rescue in its sentence turns the harm
    death: bool = False  # a death: no rescue in its sentence turns the harm (outcomes.deaths)
    victim: bool = False  # a state word just after it is the victim, not the offender (outcomes.victims)


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
    alarms = {_tokens(word) for word in outcomes.get("alarm") or []}
    deaths = {_tokens(word) for word in outcomes.get("deaths") or []}
    victims = {_tokens(word) for word in outcomes.get("victims") or []}
    entries = [
        replace(
            e,
            directional=e.tokens in directional,
            finding=e.tokens in findings,
            alarm=e.tokens in alarms,
            death=e.tokens in deaths,
            victim=e.tokens in victims,
        )
        if e.kind == "cue"
        else e
        for e in entries
    ]
    # Rescues and good deeds in a headline that names the harm ("Cứu sống bé trai bị đuối nước",
    # "Xe tải lật, người dân giúp tài xế") report the help, not the harm, as staff read them.
    rescues = {_tokens(word) for word in outcomes.get("rescues") or []}
    not_lead = {_tokens(word) for word in outcomes.get("not_lead") or []}
    # Where no harm is named a rescue keeps its positive weight; an enforcement outcome has none
    # ("bắt hai con sò" is no bust).
    praise = {e.tokens: e.value for e in entries if e.kind == "cue" and e.value > 0 and e.tokens in rescues}
    entries = [e for e in entries if not (e.kind == "cue" and e.tokens in solved | rescues)]  # outcome wins
    entries += [
        Entry(
            words,
            "cue",
            value,
            outcome=True,
            rescue=words in rescues,
            alone=praise.get(words, 0.0),
            leads=words not in not_lead,
        )
        for words in sorted(solved | rescues)
    ]
    entries += [Entry(_tokens(word), "state") for word in outcomes.get("not_when") or []]
    # "… khiến một cán bộ công an bị thương": the marker is no cue of its own where it is not one
    known = {e.tokens for e in entries}
    entries += [Entry(w, "victim", victim=True) for w in sorted(victims - known)]
    purposes = {_tokens(word) for word in data.get("purposes") or []}
    plans = {_tokens(word) for word in (data.get("plans") or {}).get("words") or []}
    frames = plans | {_tokens(word) for word in (data.get("plans") or {}).get("headline") or []}
    # A refuted rumour frames its title and zeroes its sentence ("… là tin giật gân").
    refutes = {_tokens(word) for word in data.get("refutations") or []}
    entries += [Entry(w, "refute", frame=True) for w in sorted(refutes)]
    entries += [Entry(w, "purpose", plan=w in plans, frame=w in frames) for w in sorted(purposes)]
    backward = {_tokens(word) for word in (data.get("plans") or {}).get("backward") or []}
    entries += [Entry(w, "plan", plan=True, frame=True, backward=True) for w in sorted(backward)]
    entries += [Entry(w, "plan", plan=w in plans, frame=True) for w in sorted(frames - purposes)]
    # A reason told after a plan word has happened: "bị đề nghị kỷ luật vì sai phạm" (tone_context.planned)
    causes = {_tokens(word) for word in (data.get("plans") or {}).get("until") or []}
    entries += [Entry(w, "cause") for w in sorted(causes - frames - purposes)]
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
