"""The periodic briefing: `presswatch report briefing` run as a user runs it (a subprocess over a
data folder), the DOCX and XLSX parsed back, every count checked against the search backend
queried here independently; the same files from the web app; the handling figures from follow-ups
made through the follow-up routes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import fields
from datetime import date, datetime, time, timedelta

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from search.backends import SearchRequest, open_backend
from search.config import SearchConfig
from search.document import LOCAL_TZ
from tests.browser.corpus import corpus_app
from tests.helpers import logged_in_client
from web.filters import KIND_LABELS, TONE_LABELS, local_today
from web.followup.store import now_text
from web.reports.briefing import Period, PeriodError


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("briefing")
    app, anchor = corpus_app(data_dir)
    return app, anchor, data_dir


@pytest.fixture(scope="module")
def files(corpus, tmp_path_factory):
    _app, anchor, data_dir = corpus
    out = tmp_path_factory.mktemp("out")
    period = quarter_of(anchor)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "presswatch",
            "report",
            "briefing",
            "--period",
            period,
            "--out",
            str(out / "b.docx"),
            "--xlsx",
            str(out / "b.xlsx"),
        ],
        env={**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir), "PRESSWATCH_ELASTICSEARCH_URL": ""},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return period, (out / "b.docx").read_bytes(), load_workbook(out / "b.xlsx")


FOCUS = "Bắc Ninh"  # the corpus app's focus province: the briefing is about it unless --scope all


def backend_counts(
    data_dir, period: Period, field: str, provinces: tuple[str, ...] = (FOCUS,)
) -> dict[str, int]:
    """Counts for one field straight from the backend, as the search page filters the province: one
    search per value, with that filter."""
    backend = open_backend(SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(data_dir)}))
    try:
        everything = backend.search(
            SearchRequest(date_from=period.start, date_to=period.end, limit=0, provinces=list(provinces))
        )
        counts = {}
        for value, _n in everything.facets.get(field, []):
            request = SearchRequest(
                date_from=period.start,
                date_to=period.end,
                limit=0,
                facets=False,
                provinces=list(provinces),
                **{{"kind": "kinds", "topic": "topics", "tone": "tones"}[field]: [value]},
            )
            counts[value] = backend.search(request).total
        return counts | {"__total__": everything.total}
    finally:
        backend.close()


def sheet_rows(workbook, name: str) -> dict[str, list]:
    rows = list(workbook[name].iter_rows(values_only=True))[2:]
    return {row[0]: list(row[1:]) for row in rows}


def test_period_parsing():
    assert Period.parse("2026-Q4") == Period("2026-Q4", date(2026, 10, 1), date(2026, 12, 31))
    assert Period.parse("2026-Q1").previous().key == "2025-Q4"
    assert Period.parse("2026-03").previous() == Period("2026-02", date(2026, 2, 1), date(2026, 2, 28))
    for bad in ("2026-13", "2026-Q5", "26-Q1", "2026-1"):
        with pytest.raises(PeriodError):
            Period.parse(bad)


def test_a_partial_period_is_marked_where_it_is_cut():
    """`partial` is state set by `so_far` (and carried by `previous`), not the key parsed again
    on every use (session 4's review)."""
    assert "partial" in {f.name for f in fields(Period)}
    december = Period.parse("2026-12")
    assert not december.partial and not december.so_far(date(2027, 1, 5)).partial
    cut = december.so_far(date(2026, 12, 3))
    assert (cut.end, cut.partial) == (date(2026, 12, 3), True)
    assert cut.previous() == Period("2026-11", date(2026, 11, 1), date(2026, 11, 3), partial=True)
    assert cut.label == "tháng 12 năm 2026 (từ ngày 01/12 đến ngày 03/12/2026)"
    # 30 days of March against February: the whole of February, which is then not partial
    march = Period.parse("2027-03").so_far(date(2027, 3, 30))
    assert march.previous() == Period.parse("2027-02")
    assert march.previous().label == "tháng 02 năm 2027"


def test_xlsx_counts_equal_the_search_backend(corpus, files):
    _app, anchor, data_dir = corpus
    period_key, _docx, workbook = files
    period = Period.parse(period_key)
    for sheet, field, labels in (
        ("Loại hình", "kind", KIND_LABELS),
        ("Chủ đề", "topic", {}),
        ("Sắc thái", "tone", TONE_LABELS),
    ):
        expected = backend_counts(data_dir, period, field)
        total = expected.pop("__total__")
        rows = sheet_rows(workbook, sheet)
        assert {name: values[0] for name, values in rows.items()} == {
            labels.get(k, k): v for k, v in expected.items()
        }, sheet
        if field != "topic":  # an article has one kind and one tone, but may have several topics
            assert sum(values[0] for values in rows.values()) == total
    summary = list(workbook["Tổng quan"].iter_rows(values_only=True))
    assert summary[1][0] == period_key
    assert summary[1][3] == backend_counts(data_dir, period, "tone")["__total__"]
    reach = sheet_rows(workbook, "Của tỉnh và khác")
    assert reach["Cơ quan báo chí của tỉnh"][0] > 0 and sum(v[0] for v in reach.values()) == summary[1][3]
    assert "Xử lý phản hồi" in workbook.sheetnames


def test_the_briefing_is_about_the_focus_province_unless_asked_for_everything(corpus, files, tmp_path):
    """A Bắc Ninh board's briefing counted every province's articles (its negative list opened with
    other provinces' news); it now counts what the dashboard and the search page count for the
    province, and --scope all gives the whole press followed."""
    _app, anchor, data_dir = corpus
    period_key, data, workbook = files
    period = Period.parse(period_key)
    negative = list(workbook["Tin bài tiêu cực"].iter_rows(values_only=True))[2:]
    backend = open_backend(SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(data_dir)}))
    try:
        request = SearchRequest(
            date_from=period.start, date_to=period.end, provinces=[FOCUS], tones=["negative"], limit=100
        )
        about = {hit.document.url for hit in backend.search(request).hits}
    finally:
        backend.close()
    assert negative and all(row[4] in about for row in negative)
    paragraphs = [p.text for p in open_docx(io.BytesIO(data)).paragraphs]
    assert any(f"tin, bài về {FOCUS};" in p for p in paragraphs)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "presswatch",
            "report",
            "briefing",
            "--period",
            period_key,
            "--scope",
            "all",
            "--xlsx",
            str(tmp_path / "all.xlsx"),
        ],
        env={**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir), "PRESSWATCH_ELASTICSEARCH_URL": ""},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    everything = list(load_workbook(tmp_path / "all.xlsx")["Tổng quan"].iter_rows(values_only=True))
    scoped = list(workbook["Tổng quan"].iter_rows(values_only=True))
    assert everything[1][3] == backend_counts(data_dir, period, "tone", provinces=())["__total__"]
    assert everything[1][3] > scoped[1][3] == backend_counts(data_dir, period, "tone")["__total__"]
    assert everything[1][4] == "được theo dõi" and scoped[1][4] == f"về {FOCUS}"


def test_docx_has_sections_tables_charts_and_the_form(files):
    period_key, data, workbook = files
    document = open_docx(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    period = Period.parse(period_key).so_far(local_today())  # the current quarter: up to today
    assert f"BÁO CÁO TÌNH HÌNH THÔNG TIN BÁO CHÍ {period.label.upper()}" in paragraphs
    headings = [p for p in paragraphs if p[:2] in {f"{n}." for n in range(1, 10)}]
    assert [h.split(". ", 1)[1] for h in headings] == [
        "Số tin, bài theo loại hình cơ quan báo chí",
        "Số tin, bài theo chủ đề",
        "Số tin, bài theo sắc thái",
        "Cơ quan báo chí của tỉnh và các cơ quan khác",
        "Sự kiện được nhiều báo đưa tin",
        "Tin, bài tiêu cực",
        "Xử lý, phản hồi thông tin báo chí nêu",
        "Bài bị sửa, bị gỡ sau khi đăng",
    ]
    images = [r for r in document.part.rels.values() if r.reltype.endswith("/image")]
    assert len(images) == 4 and all(r.target_part.blob.startswith(b"\x89PNG") for r in images)
    # The tones table in the DOCX is the XLSX's (the same numbers as the backend, checked above).
    tones = next(t for t in document.tables if t.rows[0].cells[0].text == "Sắc thái")
    docx_tones = {row.cells[0].text: int(row.cells[1].text) for row in tones.rows[1:]}
    assert docx_tones == {k: v[0] for k, v in sheet_rows(workbook, "Sắc thái").items()}
    left = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert left[:2] == ["TỈNH ỦY BẮC NINH", "BAN TUYÊN GIÁO VÀ DÂN VẬN"]
    assert "Nơi nhận:" in [p.text for p in document.tables[-1].rows[0].cells[0].paragraphs]
    assert "PAGE" in document.sections[0].footer.paragraphs[0]._p.xml


def test_web_download_and_refusals(corpus):
    app, anchor, _data_dir = corpus
    editor = logged_in_client(app, "editor")
    page = editor.get("/reports/briefing")
    assert page.status_code == 200 and quarter_of(anchor) in page.get_data(as_text=True)
    response = editor.get(f"/reports/briefing?period={quarter_of(anchor)}&fmt=xlsx")
    assert response.status_code == 200 and response.headers["Content-Disposition"].endswith(
        f'bao-cao-{quarter_of(anchor)}.xlsx"'
    )
    assert "Loại hình" in load_workbook(io.BytesIO(response.data)).sheetnames
    month = f"{anchor:%Y-%m}"
    docx = editor.get(f"/reports/briefing?period={month}&fmt=docx")
    assert docx.status_code == 200 and docx.data[:2] == b"PK"
    bad = editor.get("/reports/briefing?period=2026-Q9&fmt=docx")
    assert bad.status_code == 400 and "2026-Q4" in bad.get_data(as_text=True)
    assert logged_in_client(app, "viewer").get("/reports/briefing").status_code == 403


def test_previous_period_change_is_against_the_earlier_quarter(corpus, files):
    _app, anchor, data_dir = corpus
    period_key, _docx, workbook = files
    previous = Period.parse(period_key).so_far(anchor).previous()  # the same days of the quarter before
    expected = backend_counts(data_dir, previous, "tone")
    expected.pop("__total__")
    rows = sheet_rows(workbook, "Sắc thái")
    assert {k: v[1] for k, v in rows.items() if v[1]} == {
        TONE_LABELS.get(k, k): v for k, v in expected.items()
    }


def test_handling_figures_from_follow_ups_made_through_the_routes(tmp_path):
    from tests.web.test_basket import hit_ids
    from tests.web.test_reports import csrf_token
    from web.db import connect, database_path

    app, anchor = corpus_app(tmp_path)
    editor = logged_in_client(app, "editor")
    first, second = list(hit_ids(editor, "Bắc Ninh").values())[:2]
    with connect(database_path(app)) as db:
        unit = str(db.execute("SELECT id FROM units WHERE active = 1 ORDER BY id").fetchone()[0])
    due = (anchor + timedelta(days=5)).isoformat()

    def act(article: str, **data) -> None:
        token = csrf_token(editor.get(f"/articles/{article}").get_data(as_text=True))
        response = editor.post(f"/followup/article/{article}/act", data={"csrf_token": token, **data})
        assert response.status_code == 303
        editor.get(response.headers["Location"])  # read the flash, as the browser would

    for article in (first, second):
        act(article, action="flag", state="new")
        act(article, action="forward", state="action", unit=unit, due_date=due)
    act(first, action="answer", state="forwarded", response_text="Đã kiểm tra, xử lý", response_number="1/X")
    with connect(database_path(app)) as db:
        assert db.execute("SELECT count(*) FROM followups WHERE state = 'forwarded'").fetchone()[0] == 1
    response = editor.get(f"/reports/briefing?period={anchor:%Y-%m}&fmt=xlsx")
    rows = sheet_rows(load_workbook(io.BytesIO(response.data)), "Xử lý phản hồi")
    assert rows == {
        "Đã chuyển đơn vị xử lý": [2],
        "Đã phản hồi đúng hạn": [1],
        "Đã phản hồi quá hạn": [0],
        "Chưa phản hồi": [1],
        "Tỷ lệ đã phản hồi": ["50%"],
    }


def test_a_follow_up_forwarded_in_the_first_second_of_a_month_counts_in_that_month(tmp_path, monkeypatch):
    """walk6: the trail keeps microseconds ("…T17:00:00.500000Z") but the period's bounds had none
    ("…T17:00:00Z"), so as text an item forwarded in the first second of the 1st (Viet Nam time)
    sorted before the month began and was counted in the previous month's report."""
    import web.followup.store
    from tests.web.test_basket import hit_ids
    from tests.web.test_reports import csrf_token
    from web.db import connect, database_path

    app, anchor = corpus_app(tmp_path)
    editor = logged_in_client(app, "editor")
    article = next(iter(hit_ids(editor, "Bắc Ninh").values()))
    with connect(database_path(app)) as db:
        unit = str(db.execute("SELECT id FROM units WHERE active = 1 ORDER BY id").fetchone()[0])
    # The follow-up's clock: half a second after the local midnight that opens the anchor's month.
    first = datetime.combine(anchor.replace(day=1), time.min, LOCAL_TZ) + timedelta(milliseconds=500)

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            return first.astimezone(tz)

    monkeypatch.setattr(web.followup.store, "datetime", Clock)
    forward = {"action": "forward", "state": "action", "unit": unit, "due_date": f"{anchor}"}
    for data in ({"action": "flag", "state": "new"}, forward):
        token = csrf_token(editor.get(f"/articles/{article}").get_data(as_text=True))
        response = editor.post(f"/followup/article/{article}/act", data={"csrf_token": token, **data})
        assert response.status_code == 303
    monkeypatch.undo()
    with connect(database_path(app)) as db:
        stamps = [row[0] for row in db.execute("SELECT at FROM followup_events WHERE to_state = 'forwarded'")]
    assert stamps == [now_text(first)]  # the forwarding happened at that instant

    def forwarded(period: str) -> list[object]:
        response = editor.get(f"/reports/briefing?period={period}&fmt=xlsx")
        rows = sheet_rows(load_workbook(io.BytesIO(response.data)), "Xử lý phản hồi")
        return rows["Đã chuyển đơn vị xử lý"]

    before = anchor.replace(day=1) - timedelta(days=1)
    assert forwarded(f"{anchor:%Y-%m}") == [1]
    assert forwarded(f"{before:%Y-%m}") == [0]


def test_an_unfinished_month_is_compared_with_the_same_days_of_the_previous_one(corpus):
    """walk4: the current month's report compared its first days with the whole previous month
    ("-84%") without saying the month was unfinished."""
    app, anchor, data_dir = corpus
    editor = logged_in_client(app, "editor")
    response = editor.get(f"/reports/briefing?period={anchor:%Y-%m}&fmt=xlsx")
    assert response.status_code == 200
    summary = list(load_workbook(io.BytesIO(response.data))["Tổng quan"].iter_rows(values_only=True))
    start = anchor.replace(day=1)
    month_end = (start + timedelta(days=31)).replace(day=1) - timedelta(days=1)
    before_end = start - timedelta(days=1)
    before_start = before_end.replace(day=1)
    if anchor < month_end:  # unfinished: up to today, against as many days of the month before
        before_end = min(before_end, before_start + (anchor - start))
    assert [v.date() for v in summary[1][1:3]] == [start, min(anchor, month_end)]
    assert [v.date() for v in summary[2][1:3]] == [before_start, before_end]
    same_days = Period(f"{before_start:%Y-%m}", before_start, before_end)
    assert summary[2][3] == backend_counts(data_dir, same_days, "tone")["__total__"]
    docx = editor.get(f"/reports/briefing?period={anchor:%Y-%m}&fmt=docx")
    text = "\n".join(p.text for p in open_docx(io.BytesIO(docx.data)).paragraphs)
    if anchor < month_end:  # the report says which days it counts
        assert f"(từ ngày {start:%d/%m} đến ngày {anchor:%d/%m/%Y})".upper() in text  # the title
        assert f"(từ ngày {before_start:%d/%m} đến ngày {before_end:%d/%m/%Y}) có" in text
