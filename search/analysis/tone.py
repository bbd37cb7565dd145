"""Rule-based tone (negative / neutral / positive) from the cue lexicon in ``tone.yaml``.

Cues, modifiers and intensifiers are found in one left-to-right pass over each field's lower-case
exact tokens (longest entry first); a modifier or intensifier only acts inside the cue's sentence,
so "không" in one sentence never negates a cue in the next. Scoring can be limited to some
sentences, which is how the tone toward the focus province is computed.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from search.analysis.prepared import FieldTokens, PreparedText
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
    kind: str  # "cue", "modifier", "intensifier", "neutral" (consumed, never scored)
    value: float = 0.0  # cue: signed weight; intensifier: factor
    on_negative: float = 1.0
    on_positive: float = 1.0
    position: str = "before"  # modifiers: before, after or both


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, list[Entry]]  # first token -> entries, longest first
    field_weights: dict[str, float]
    negative_threshold: float
    positive_threshold: float
    window: int
    intensifier_window: int


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
        entries.append(Entry(_tokens(word), "modifier",
                             on_negative=_number(path, f"modifiers: {word}", spec.get("on_negative", 1.0)),
                             on_positive=_number(path, f"modifiers: {word}", spec.get("on_positive", 1.0)),
                             position=position))
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
    return Lexicon(table, {k: float(v) for k, v in weights.items()},
                   _number(path, "threshold: negative", threshold.get("negative", 1.0)),
                   _number(path, "threshold: positive", threshold.get("positive", 1.0)),
                   int(data.get("window", 3)), int(data.get("intensifier_window", 2)))


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
    lower, n, i = tokens.lower, len(tokens.lower), 0
    table = lexicon.entries
    while i < n:
        candidates = table.get(lower[i])
        if candidates:
            for entry in candidates:
                size = len(entry.tokens)
                if size == 1 or tuple(lower[i:i + size]) == entry.tokens:
                    hits.append(_Hit(entry, i, i + size, tokens.sentence[i]))
                    i += size
                    break
            else:
                i += 1
        else:
            i += 1
    return hits


def _field_cues(lexicon: Lexicon, name: str, tokens: FieldTokens,
                sentences: Collection[int] | None) -> list[dict[str, Any]]:
    hits = _scan(lexicon, tokens)
    out: list[dict[str, Any]] = []
    weight = lexicon.field_weights.get(name, 1.0)
    for index, hit in enumerate(hits):
        if hit.entry.kind != "cue" or (sentences is not None and hit.sentence not in sentences):
            continue
        value = hit.entry.value * weight
        modifier = intensifier = ""
        # The nearest modifier in the same sentence, before (or after) the cue.
        best: tuple[int, _Hit] | None = None
        for other in hits[max(0, index - 4):index + 4]:
            if other is hit or other.sentence != hit.sentence:
                continue
            if other.entry.kind == "modifier":
                if other.end <= hit.start and other.entry.position in ("before", "both"):
                    distance = hit.start - other.end
                elif other.start >= hit.end and other.entry.position in ("after", "both"):
                    distance = other.start - hit.end
                else:
                    continue
                if distance <= lexicon.window and (best is None or distance < best[0]):
                    best = (distance, other)
            elif other.entry.kind == "intensifier" and not intensifier:
                distance = hit.start - other.end if other.end <= hit.start else other.start - hit.end
                if 0 <= distance <= lexicon.intensifier_window:
                    value *= other.entry.value
                    intensifier = " ".join(other.entry.tokens)
        if best is not None:
            entry = best[1].entry
            value *= entry.on_negative if hit.entry.value < 0 else entry.on_positive
            modifier = " ".join(entry.tokens)
        cue: dict[str, Any] = {"cue": " ".join(hit.entry.tokens), "field": name,
                               "polarity": "negative" if hit.entry.value < 0 else "positive",
                               "score": round(value, 3)}
        if modifier:
            cue["modifier"] = modifier
        if intensifier:
            cue["intensifier"] = intensifier
        out.append(cue)
    return out


def score_tone(prepared: PreparedText, lexicon: Lexicon | None = None,
               sentences: dict[str, Collection[int]] | None = None) -> ToneResult:
    """Tone of the whole article, or only of the given sentences per field (``{"body": {2, 5}}``;
    a field missing from the mapping is skipped)."""
    lexicon = lexicon or default_lexicon()
    cues: list[dict[str, Any]] = []
    for name in TEXT_FIELDS:
        if sentences is not None and name not in sentences:
            continue
        cues += _field_cues(lexicon, name, prepared.fields[name],
                            None if sentences is None else sentences[name])
    score = sum(c["score"] for c in cues)
    if score >= lexicon.positive_threshold:
        label = "positive"
    elif score <= -lexicon.negative_threshold:
        label = "negative"
    else:
        label = "neutral"
    return ToneResult(label, score, cues)
