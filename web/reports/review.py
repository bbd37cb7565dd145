"""The press review (điểm báo) as data: clippings grouped by topic, counts by topic and tone.

Plain Python, no Flask: ``docx_report`` and ``pdf_report`` render a ``PressReview``, and the digest
e-mails can build the same one.

Each article is printed once, under one topic (its first topic among the focus topics, else its
first topic, else "Chủ đề khác"), but counted under every topic it carries, as the dashboard counts
it: a reader checking "Y tế: 12 bài" on the dashboard finds 12 in the điểm báo's summary and in the
"Y tế" section, whose heading counts the clippings filed there plus those filed under another topic,
named by their numbers ("đã nêu ở mục 1.2"). The total counts each article once, so the topic rows
can add up to more than it; the summary says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from search.document import LOCAL_TZ, Document
from web.filters import TONE_LABELS, published_text
from web.organisation import organisation_name

TONES = ("positive", "neutral", "negative")
SUMMARY_CHARS = 170  # two lines of 14 pt Times New Roman across 165 mm
NUMBER_BLANK = "\u00a0" * 8  # the office writes the number in by hand
__all__ = ["COUNTED_TWICE", "TONE_LABELS", "TONES", "PressReview", "Signature", "also_line", "build_review"]
OTHER_TOPIC = "Chủ đề khác"
# Characters XML (so DOCX) cannot hold; scraped headlines do carry some (vertical tabs, NULs).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The header line of a Vietnamese office document. Party organs (the Ban Tuyên giáo và Dân vận of a Tỉnh ủy)
# head their papers "ĐẢNG CỘNG SẢN VIỆT NAM"; State bodies use the national motto.
HEADERS = {
    "party": ("ĐẢNG CỘNG SẢN VIỆT NAM", ""),
    "state": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
    "none": ("", ""),
}


def default_title(start: date, end: date | None = None) -> str:
    """The period actually covered: one day, or "TỪ NGÀY … ĐẾN NGÀY …" (never the export's date)."""
    if end is None or end == start:
        return f"ĐIỂM BÁO NGÀY {start:%d/%m/%Y}"
    return f"ĐIỂM BÁO TỪ NGÀY {start:%d/%m/%Y} ĐẾN NGÀY {end:%d/%m/%Y}"


def covered_period(
    documents: Iterable[Document],
    start: date | None = None,
    end: date | None = None,
    fallback: date | None = None,
) -> tuple[date, date]:
    """The search's own dates where it has them, else the first and last local day of the articles."""
    days = [d.published_at.astimezone(LOCAL_TZ).date() for d in documents]
    first = start or (min(days) if days else None) or end or fallback or datetime.now(LOCAL_TZ).date()
    last = end or (max(days) if days else None) or first
    return first, max(first, last)


def two_lines(text: str, limit: int = SUMMARY_CHARS) -> str:
    """A summary of about two printed lines: cut at a word boundary, marked with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.-–") + "…"


# Left header: "TỈNH ỦY BẮC NINH" over "BAN TUYÊN GIÁO VÀ DÂN VẬN" (Hướng dẫn 36-HD/VPTW, 2018).
_SUPERIOR = re.compile(r"^(.*?)\s+((?:Tỉnh|Thành|Đảng|Huyện|Quận) ủy\b.*)$", re.IGNORECASE)


def issuing_body(organisation: str) -> tuple[str, str]:
    """(superior committee, issuing body) of "Ban … Tỉnh ủy Bắc Ninh"; ("", organisation) otherwise."""
    match = _SUPERIOR.match(organisation.strip())
    if not match or not match.group(1):
        return "", organisation.strip()
    return match.group(2), match.group(1)


@dataclass
class Signature:
    """What ends the document: the number line, "Nơi nhận", the signer (settings, see web.config)."""

    number_suffix: str = ""
    signer: str = ""
    signer_title: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)

    @property
    def number_line(self) -> str:
        return f"Số {NUMBER_BLANK}{self.number_suffix}" if self.number_suffix else ""


def place_date(place: str, day: date) -> str:
    """ "Bắc Ninh, ngày 20 tháng 11 năm 2026" — the place-and-date line of an office document."""
    prefix = f"{place}, " if place else ""
    return f"{prefix}ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


@dataclass
class Clipping:
    title: str
    outlet: str
    published: str  # dd/mm/yyyy HH:MM, local time
    sapo: str
    url: str
    tone: str


@dataclass
class Section:
    topic: str
    clippings: list[Clipping] = field(default_factory=list)
    # The numbers ("1.2") of clippings printed under another topic that carry this one too.
    also: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        """Every article about this topic: the summary's and the dashboard's count."""
        return len(self.clippings) + len(self.also)


@dataclass
class PressReview:
    title: str
    day: date
    organisation: str
    sections: list[Section]
    counts: dict[str, dict[str, int]]  # topic → tone → articles carrying that topic (among others)
    header: str = "party"
    place: str = ""
    subtitle: str = ""
    start: date | None = None
    end: date | None = None
    signature: Signature = field(default_factory=Signature)
    tones: dict[str, int] | None = None  # tone → articles, each once; None: the sum of ``counts``

    def issuer(self) -> tuple[str, str]:
        return issuing_body(self.organisation)

    @property
    def total(self) -> int:
        """The articles, each once (not the sum of the topic rows)."""
        return sum(self.tone_totals().values())

    def tone_totals(self) -> dict[str, int]:
        totals = dict.fromkeys(TONES, 0)
        if self.tones is not None:
            totals.update(self.tones)
            return totals
        for tones in self.counts.values():
            for tone, count in tones.items():
                totals[tone] = totals.get(tone, 0) + count
        return totals

    @property
    def counted_twice(self) -> bool:
        """Whether some article is counted under several topics (the rows add up to more)."""
        return sum(sum(tones.values()) for tones in self.counts.values()) > self.total

    def header_lines(self) -> tuple[str, str]:
        return HEADERS.get(self.header, HEADERS["none"])


def clean(text: str) -> str:
    return _NOT_XML.sub(" ", text or "")


def primary_topic(document: Document, focus: Iterable[str] = ()) -> str:
    focus_set = {t.casefold() for t in focus}
    for topic in document.topics:
        if topic.casefold() in focus_set:
            return topic
    return document.topics[0] if document.topics else OTHER_TOPIC


def build_review(
    documents: Iterable[Document],
    *,
    title: str = "",
    day: date | None = None,
    organisation: str = "",
    outlet_names: Mapping[str, str] | None = None,
    counts: Mapping[str, Mapping[str, int]] | None = None,
    focus_topics: Iterable[str] = (),
    header: str = "party",
    place: str = "",
    subtitle: str = "",
    start: date | None = None,
    end: date | None = None,
    signature: Signature | None = None,
) -> PressReview:
    """Group ``documents`` (newest first within a topic) and count them by topic and tone.

    ``counts`` replaces the computed summary, e.g. with ``backend.pivot(request, "topic", "tone")``
    over a wider search than the clippings shown. ``start``/``end`` are the search's dates; missing
    ones come from the articles (the title names the period covered).
    """
    day = day or datetime.now(LOCAL_TZ).date()
    documents = list(documents)
    start, end = covered_period(documents, start, end, fallback=day)
    names = outlet_names or {}
    focus = list(focus_topics)
    filed: dict[str, list[Document]] = {}  # topic → the articles printed under it
    carrying: dict[str, list[Document]] = {}  # topic → every article carrying it (the counts)
    tones = dict.fromkeys(TONES, 0)
    for document in documents:
        tones[document.tone] = tones.get(document.tone, 0) + 1
        filed.setdefault(clean(primary_topic(document, focus)), []).append(document)
        topics = list(dict.fromkeys(clean(t) for t in document.topics)) or [OTHER_TOPIC]
        for topic in topics:
            carrying.setdefault(topic, []).append(document)
    computed: dict[str, dict[str, int]] = {}
    for topic, docs in carrying.items():
        computed[topic] = dict.fromkeys(TONES, 0)
        for document in docs:
            computed[topic][document.tone] = computed[topic].get(document.tone, 0) + 1
    # The summary's order: most articles first, "Chủ đề khác" last.
    order = sorted(carrying, key=lambda t: (t == OTHER_TOPIC, -len(carrying[t]), t))
    sections: list[Section] = []
    numbers: dict[int, str] = {}  # id(article) → its clipping's number, "2.3"
    for number, topic in enumerate(order, 1):
        docs = sorted(filed.get(topic, []), key=lambda d: d.published_at, reverse=True)
        numbers.update({id(d): f"{number}.{index}" for index, d in enumerate(docs, 1)})
        sections.append(
            Section(
                topic,
                [
                    Clipping(
                        title=clean(d.title),
                        published=published_text(d),
                        sapo=two_lines(clean(d.sapo or d.body)),
                        outlet=clean(names.get(d.outlet_id) or d.outlet_name or d.outlet_id),
                        url=clean(d.url),
                        tone=d.tone,
                    )
                    for d in docs
                ],
            )
        )
    for section in sections:
        own = {id(d) for d in filed.get(section.topic, [])}
        elsewhere = [d for d in carrying[section.topic] if id(d) not in own]
        section.also = sorted((numbers[id(d)] for d in elsewhere), key=_section_order)
    summary = {clean(t): dict(v) for t, v in counts.items()} if counts is not None else computed
    return PressReview(
        title=clean(title) or default_title(start, end),
        day=day,
        start=start,
        end=end,
        signature=signature or Signature(),
        organisation=clean(organisation) or organisation_name(),
        sections=sections,
        counts=summary,
        header=header if header in HEADERS else "none",
        place=clean(place),
        subtitle=clean(subtitle),
        tones=tones if counts is None else None,  # given counts come from a wider search
    )


# Under the summary table when some article carries several topics.
COUNTED_TWICE = (
    "Tin, bài thuộc nhiều chủ đề được tính ở mỗi chủ đề (như trên trang tổng quan), nên cộng các "
    "dòng có thể lớn hơn tổng số tin, bài."
)


def also_line(section: Section) -> str:
    """Under a topic's heading: the articles counted there but printed under another topic."""
    return (
        f"Trong đó {len(section.also)} tin, bài thuộc nhiều chủ đề, đã nêu ở mục {', '.join(section.also)}."
    )


def _section_order(number: str) -> tuple[int, ...]:
    """ "2.10" after "2.9"."""
    return tuple(int(part) for part in number.split("."))
