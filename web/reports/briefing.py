"""The periodic press briefing as data: coverage by outlet kind, topic and tone against the previous
period, top stories, negative items and their handling, the province's own press vs the rest.

Plain functions over a search backend and the app database; ``briefing_files`` renders the result
as DOCX (with charts) and XLSX (the same tables as data). Every count is a backend query over the
period's whole local days, the same request a search of those dates runs.
"""

from __future__ import annotations

import re
import sqlite3
from calendar import monthrange
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from search.backends.base import SearchBackend, SearchRequest
from search.document import LOCAL_TZ
from search.versions import VersionStore
from web.filters import KIND_LABELS, TONE_LABELS, published_text
from web.followup.store import now_text

PERIOD = re.compile(r"^(\d{4})-(?:Q([1-4])|(0[1-9]|1[0-2]))$")
TONES = ("positive", "neutral", "negative")
REACH_LABELS = {
    "own": "Cơ quan báo chí của tỉnh",
    "central": "Báo chí trung ương",
    "provincial": "Báo chí địa phương khác",
    "other": "Báo, tạp chí ngành, khác",
}
TOP_STORIES = 10
NEGATIVE_ITEMS = 30


class PeriodError(ValueError):
    """A period that is neither YYYY-MM nor YYYY-Qn."""


@dataclass(frozen=True)
class Period:
    """A reporting month or quarter, and the provinces it is about (empty: everything followed).

    The province scope travels with the period so that every count of the report, this period's
    and the previous one's, is the same search the search page runs for that province."""

    key: str
    start: date
    end: date
    provinces: tuple[str, ...] = ()
    # Cut short of its key's last day (by ``so_far``, or ``previous`` of a cut period): set where
    # the cut is made, not worked out again from the key on every use.
    partial: bool = False

    @classmethod
    def parse(cls, text: str) -> Period:
        match = PERIOD.match((text or "").strip())
        if not match:
            raise PeriodError(f"period {text!r}: expected YYYY-MM (2026-11) or YYYY-Qn (2026-Q4)")
        year = int(match.group(1))
        if match.group(2):
            quarter = int(match.group(2))
            first, last = 3 * quarter - 2, 3 * quarter
            last_day = monthrange(year, last)[1]
            return cls(f"{year}-Q{quarter}", date(year, first, 1), date(year, last, last_day))
        month = int(match.group(3))
        return cls(f"{year}-{month:02d}", date(year, month, 1), date(year, month, monthrange(year, month)[1]))

    def so_far(self, today: date) -> Period:
        """The period up to ``today`` while it is not over: an unfinished month is then compared
        with the same days of the previous one (walk4: the whole previous month made it "-84%")."""
        return replace(self, end=today, partial=True) if self.start <= today < self.end else self

    def previous(self) -> Period:
        before = self.start - timedelta(days=1)
        if "Q" in self.key:
            earlier = Period.parse(f"{before.year}-Q{(before.month - 1) // 3 + 1}")
        else:
            earlier = Period.parse(f"{before.year}-{before.month:02d}")
        if self.partial:  # like with like: as many days from the previous period's start
            end = earlier.start + (self.end - self.start)
            if end < earlier.end:  # a shorter previous month may be whole (30 March vs 28 February)
                earlier = replace(earlier, end=end, partial=True)
        return replace(earlier, provinces=self.provinces)

    def about(self, province: str) -> Period:
        """This period, counting only articles about ``province`` (no scope when it is empty)."""
        return replace(self, provinces=(province,) if province else ())

    @property
    def label(self) -> str:
        if "Q" in self.key:
            name = f"quý {['I', 'II', 'III', 'IV'][int(self.key[-1]) - 1]} năm {self.start.year}"
        else:
            name = f"tháng {self.start.month:02d} năm {self.start.year}"
        if self.partial:  # the report says which days it counts, not the whole month's name alone
            return f"{name} (từ ngày {self.start:%d/%m} đến ngày {self.end:%d/%m/%Y})"
        return name

    def request(self, **options: Any) -> SearchRequest:
        values: dict[str, Any] = {
            "date_from": self.start,
            "date_to": self.end,
            "limit": 0,
            "facets": False,
            "provinces": list(self.provinces),
        }
        values.update(options)
        return SearchRequest(**values)


@dataclass
class Table:
    """One table of the report: the DOCX shows it, the XLSX has it as a sheet."""

    key: str
    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)


@dataclass
class Briefing:
    period: Period
    previous: Period
    organisation: str
    total: int
    previous_total: int
    tables: list[Table]
    handling: dict[str, Any] | None  # None: no follow-up data (the hook for it is ``handling``)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


def change(now: int, before: int) -> str:
    """The change against the previous period, as a signed count and percentage."""
    if before == 0:
        return f"+{now}" if now else "0"
    return f"{now - before:+d} ({(now - before) / before:+.0%})"


def _comparison(
    key: str,
    title: str,
    label: str,
    now: dict[str, int],
    before: dict[str, int],
    names: dict[str, str] | None = None,
) -> Table:
    names = names or {}
    table = Table(key, title, [label, "Kỳ này", "Kỳ trước", "Thay đổi"])
    for name in sorted(set(now) | set(before), key=lambda n: (-now.get(n, 0), -before.get(n, 0), n)):
        table.rows.append(
            [
                names.get(name, name),
                now.get(name, 0),
                before.get(name, 0),
                change(now.get(name, 0), before.get(name, 0)),
            ]
        )
    return table


def _sums(pivot: dict[str, dict[str, int]]) -> dict[str, int]:
    return {row: sum(columns.values()) for row, columns in pivot.items()}


def _columns(pivot: dict[str, dict[str, int]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for columns in pivot.values():
        for name, count in columns.items():
            totals[name] = totals.get(name, 0) + count
    return totals


def reach_counts(
    backend: SearchBackend, period: Period, focus: str, provinces: dict[str, str]
) -> dict[str, int]:
    """Articles by where their outlet stands: the province's own press, central, other provinces, other."""
    from web.coverage import own_share

    return own_share(backend, period.request(), focus, provinces).counts


def handling(db: sqlite3.Connection | None, period: Period) -> dict[str, Any] | None:
    """Items forwarded to a unit during the period: answered on time, late, still open; share answered.

    Read from the follow-up audit trail (``followup_events``): the first 'forwarded' and the first
    'answered' event of each item, against its deadline (a whole local day).
    """
    if db is None or not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'followup_events'").fetchone():
        return None
    # The bounds in the trail's own text form (microseconds included), since the trail is compared
    # as text: "…T17:00:00Z" sorts after "…T17:00:00.5Z", the period's own first second.
    start, end = (now_text(bound) for bound in _bounds(period))
    rows = db.execute(
        "SELECT f.id, f.due_date, (SELECT min(e.at) FROM followup_events e WHERE e.followup_id = f.id "
        "AND e.to_state = 'answered') AS answered_at FROM followups f WHERE f.id IN (SELECT followup_id "
        "FROM followup_events WHERE to_state = 'forwarded' AND at >= ? AND at < ?)",
        (start, end),
    ).fetchall()
    on_time = late = still_open = 0
    for row in rows:
        if row["answered_at"] is None:
            still_open += 1
            continue
        # The audit trail's times are ISO UTC with a Z, with microseconds since the trail keeps them.
        answered = datetime.fromisoformat(row["answered_at"].replace("Z", "+00:00")).astimezone(UTC)
        due = date.fromisoformat(row["due_date"]) if row["due_date"] else None
        if due is None or answered.astimezone(LOCAL_TZ).date() <= due:
            on_time += 1
        else:
            late += 1
    forwarded = len(rows)
    return {
        "forwarded": forwarded,
        "on_time": on_time,
        "late": late,
        "open": still_open,
        "share_answered": (on_time + late) / forwarded if forwarded else None,
    }


def _bounds(period: Period) -> tuple[datetime, datetime]:
    """The period's whole local days as an instant range [start, end)."""
    return (
        datetime.combine(period.start, time.min, LOCAL_TZ),
        datetime.combine(period.end + timedelta(days=1), time.min, LOCAL_TZ),
    )


def version_counts(versions: VersionStore, period: Period, followed: set[str]) -> dict[str, int]:
    """Edits and takedowns seen during the period (search.versions), and how many of them hit an
    article under follow-up: an answered problem often ends with the outlet correcting or removing
    its article."""
    events = versions.events_between(*_bounds(period))
    counts = {"edit": 0, "takedown": 0, "followed": 0}
    for event in events:
        counts[event.kind] += 1
        counts["followed"] += event.document_id in followed
    return counts


def _followed_articles(db: sqlite3.Connection | None) -> set[str]:
    if db is None or not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'followups'").fetchone():
        return set()
    return {row[0] for row in db.execute("SELECT target FROM followups WHERE kind = 'article'")}


def versions_table(versions: VersionStore, period: Period, db: sqlite3.Connection | None) -> Table:
    followed = _followed_articles(db)
    now = version_counts(versions, period, followed)
    before = version_counts(versions, period.previous(), followed)
    labels = {
        "edit": "Bài bị tòa soạn sửa sau khi đăng",
        "takedown": "Bài bị gỡ",
        "followed": "Trong đó: bài đang được theo dõi, xử lý",
    }
    table = Table(
        "versions", "Bài bị sửa, bị gỡ sau khi đăng", ["Chỉ tiêu", "Kỳ này", "Kỳ trước", "Thay đổi"]
    )
    for key, label in labels.items():
        table.rows.append([label, now[key], before[key], change(now[key], before[key])])
    return table


def build_briefing(
    backend: SearchBackend,
    period: Period,
    *,
    organisation: str,
    focus: str,
    outlet_names: dict[str, str],
    provinces: dict[str, str],
    db: sqlite3.Connection | None = None,
    versions: VersionStore | None = None,
) -> Briefing:
    previous = period.previous()
    now_kind_tone = backend.pivot(period.request(), "kind", "tone")
    before_kind_tone = backend.pivot(previous.request(), "kind", "tone")
    now_topics = _sums(backend.pivot(period.request(), "topic", "tone"))
    before_topics = _sums(backend.pivot(previous.request(), "topic", "tone"))
    total = backend.search(period.request()).total
    previous_total = backend.search(previous.request()).total
    tables = [
        _comparison(
            "kinds",
            "Số tin, bài theo loại hình cơ quan báo chí",
            "Loại hình",
            _sums(now_kind_tone),
            _sums(before_kind_tone),
            dict(KIND_LABELS),
        ),
        _comparison("topics", "Số tin, bài theo chủ đề", "Chủ đề", now_topics, before_topics),
        _comparison(
            "tones",
            "Số tin, bài theo sắc thái",
            "Sắc thái",
            _columns(now_kind_tone),
            _columns(before_kind_tone),
            dict(TONE_LABELS),
        ),
        _comparison(
            "reach",
            "Cơ quan báo chí của tỉnh và các cơ quan khác",
            "Nhóm",
            reach_counts(backend, period, focus, provinces),
            reach_counts(backend, previous, focus, provinces),
            REACH_LABELS,
        ),
    ]
    stories = Table(
        "stories",
        "Sự kiện được nhiều báo đưa tin",
        ["TT", "Sự kiện (bài đăng đầu tiên)", "Đăng đầu tiên", "Số bài", "Số cơ quan"],
    )
    for number, story in enumerate(backend.stories(period.request(), size=TOP_STORIES), 1):
        first = story.first
        stories.rows.append(
            [
                number,
                first.title,
                outlet_names.get(first.outlet_id) or first.outlet_name or first.outlet_id,
                story.articles,
                story.outlets,
            ]
        )
    negative = Table(
        "negative", "Tin, bài tiêu cực", ["TT", "Tiêu đề", "Cơ quan báo chí", "Ngày đăng", "Đường dẫn"]
    )
    result = backend.search(period.request(tones=["negative"], sort="date", limit=NEGATIVE_ITEMS))
    for number, hit in enumerate(result.hits, 1):
        doc = hit.document
        negative.rows.append(
            [
                number,
                doc.title,
                outlet_names.get(doc.outlet_id) or doc.outlet_name or doc.outlet_id,
                published_text(doc),
                doc.url,
            ]
        )
    tables += [stories, negative]
    figures = handling(db, period)
    if figures is not None:
        share = figures["share_answered"]
        tables.append(
            Table(
                "handling",
                "Xử lý, phản hồi thông tin báo chí nêu",
                ["Chỉ tiêu", "Số lượng"],
                [
                    ["Đã chuyển đơn vị xử lý", figures["forwarded"]],
                    ["Đã phản hồi đúng hạn", figures["on_time"]],
                    ["Đã phản hồi quá hạn", figures["late"]],
                    ["Chưa phản hồi", figures["open"]],
                    ["Tỷ lệ đã phản hồi", "—" if share is None else f"{share:.0%}"],
                ],
            )
        )
    if versions is not None:
        tables.append(versions_table(versions, period, db))
    return Briefing(period, previous, organisation, total, previous_total, tables, figures)
