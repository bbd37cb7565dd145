"""Publish times: Vietnamese date lines, ISO values, offsets, and which one wins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crawler.extract import extract_article
from crawler.extract.dates import (
    LOCAL_TZ,
    is_update_line,
    parse_iso,
    parse_iso_stamp,
    parse_line,
    parse_rss_date,
)
from crawler.extract.evidence import Evidence, choose


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=LOCAL_TZ)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ Ba, 10/10/2023 - 14:30", local(2023, 10, 10, 14, 30)),
        ("10/10/2023 14:30 (GMT+7)", local(2023, 10, 10, 14, 30)),
        ("Cập nhật: 10/10/2023 14:30", local(2023, 10, 10, 14, 30)),
        ("09:15 | 24/10/2023", local(2023, 10, 24, 9, 15)),
        ("Thứ năm, 2/11/2023, 19:20 (GMT+7)", local(2023, 11, 2, 19, 20)),
        ("Thứ Tư, 07:02, 08/11/2023", local(2023, 11, 8, 7, 2)),
        ("14h30 ngày 10/10/2023", local(2023, 10, 10, 14, 30)),
        ("Thứ bảy, 07/03/2026 - 08:07", local(2026, 3, 7, 8, 7)),
        ("07/03/2026 08:52 (GMT+07:00)", local(2026, 3, 7, 8, 52)),
        (" - 07/03/2026 08:47", local(2026, 3, 7, 8, 47)),
        ("01/03/2026 \n 09:51", local(2026, 3, 1, 9, 51)),
        ("10/10/2023 02:30 CH", local(2023, 10, 10, 14, 30)),  # CH = chiều (p.m.)
        ("10-10-2023 14:30", local(2023, 10, 10, 14, 30)),
        ("Thứ tư, 11-10-2023, 14:30:25", local(2023, 10, 11, 14, 30, 25)),
        ("2026-03-07 08:07", local(2026, 3, 7, 8, 7)),
        ("ngày 10 tháng 10 năm 2023", local(2023, 10, 10)),
    ],
)
def test_vietnamese_date_lines(line, expected):
    assert parse_line(line).moment == expected


def test_an_explicit_other_offset_is_converted_to_vietnam_time():
    assert parse_line("10/10/2023 07:30 GMT+0").moment == local(2023, 10, 10, 14, 30)


def test_publish_date_wins_over_update_date_in_one_line():
    both = "Đăng lúc: 09:15 24/10/2023 | Cập nhật: 10:40 24/10/2023"
    assert parse_line(both).moment == local(2023, 10, 24, 9, 15)
    reversed_order = "Cập nhật: 10:40 24/10/2023 - Đăng: 09:15 24/10/2023"
    assert parse_line(reversed_order).moment == local(2023, 10, 24, 9, 15)
    assert is_update_line("Cập nhật: 10:40 24/10/2023")
    assert not is_update_line("Thứ Ba, 24/10/2023 - 09:15")


def test_dates_without_time_say_so():
    stamp = parse_line("Hà Nội, ngày 10/10/2023")
    assert stamp.moment == local(2023, 10, 10) and not stamp.has_time


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "2026-03-07T08:52:11.000 +07:00",
            local(2026, 3, 7, 8, 52, 11),
        ),  # VietNamNet's space before the offset
        ("2023-10-10T07:30:00Z", local(2023, 10, 10, 14, 30)),
        ("2023-10-10T14:30:00", local(2023, 10, 10, 14, 30)),  # naive: local time
        ("2023-10-10T14:30:00+0700", local(2023, 10, 10, 14, 30)),
        ("2024-01-01T10:00:00+07", local(2024, 1, 1, 10)),  # VTV writes "+07"
        ("2023-10-10", local(2023, 10, 10)),
    ],
)
def test_iso_values(value, expected):
    moment = parse_iso(value)
    assert moment == expected
    assert moment.utcoffset() == timedelta(hours=7)


def test_results_are_in_asia_ho_chi_minh():
    moment = parse_iso("2023-10-10T07:30:00+00:00")
    assert moment.tzinfo == LOCAL_TZ and moment.hour == 14


def reconcile(structured, printed):
    """The choice between a metadata value and the printed line (both may be None)."""
    return choose([Evidence(s, stamp) for s, stamp in (("meta", structured), ("visible", printed)) if stamp])


def test_reconcile_keeps_the_structured_time_normally():
    structured = parse_iso_stamp("2026-03-07T08:07:18+07:00")
    printed = parse_line("Thứ bảy, 07/03/2026 - 08:07")
    assert reconcile(structured, printed).moment.second == 18


def test_reconcile_catches_local_time_labelled_utc():
    """The seven-hours-off defect: the CMS writes the local clock with "+00:00"."""
    structured = parse_iso_stamp("2023-10-10T14:30:00+00:00")
    printed = parse_line("14:30 | 10/10/2023")
    assert structured.moment == local(2023, 10, 10, 21, 30)
    assert reconcile(structured, printed).moment == local(2023, 10, 10, 14, 30)


def test_reconcile_trusts_a_genuine_utc_value():
    structured = parse_iso_stamp("2023-10-10T07:30:00Z")  # 14:30 in Hà Nội
    printed = parse_line("Thứ Ba, 10/10/2023 - 14:30")
    assert reconcile(structured, printed).moment == local(2023, 10, 10, 14, 30)


def test_reconcile_takes_the_printed_time_when_metadata_has_only_a_day():
    structured = parse_iso_stamp("2023-10-10")
    printed = parse_line("10/10/2023 14:30")
    assert reconcile(structured, printed).moment == local(2023, 10, 10, 14, 30)


def test_rss_dates():
    assert parse_rss_date("3/1/2026 9:51:00 AM") == local(2026, 3, 1, 9, 51)  # month first (Báo Chính phủ)
    assert parse_rss_date("Tue, 10 Oct 2023 07:30:00 GMT") == local(2023, 10, 10, 14, 30)
    assert parse_rss_date("Tue, 10 Oct 2023 14:30:00 +0700").tzinfo is not None


PAGE = """<html><head><title>Tiêu đề bài báo thử nghiệm ngày hôm nay</title>{head}</head><body>
<div class="sidebar"><p>Tin mới <span class="date">01/01/2020 08:00</span></p></div>
<h1>Tiêu đề bài báo thử nghiệm ngày hôm nay</h1>{line}
<div class="detail-content"><p>{text}</p><p>{text}</p></div>
<div class="related"><span class="time">12/12/2022 12:12</span></div></body></html>"""
TEXT = "Ngày 13/9 và ngày 18/3/2022 là các mốc trong văn bản, không phải ngày đăng bài. " * 3


def page(head: str = "", line: str = "") -> bytes:
    return PAGE.format(head=head, line=line, text=TEXT).encode()


def test_the_date_line_next_to_the_headline_wins_over_sidebar_and_body_dates():
    result = extract_article(
        page(line='<div class="meta">Thứ Ba, 24/10/2023 - 09:15</div>'), "https://x.vn/a"
    )
    assert result.article.published_at == local(2023, 10, 24, 9, 15)


def test_baodautu_style_post_time_is_found():
    line = '<div><a class="author">Nguyên Minh</a><span class="post-time"> - 07/03/2026 08:47</span></div>'
    result = extract_article(page(line=line), "https://x.vn/a")
    assert result.article.published_at == local(2026, 3, 7, 8, 47)


def test_meta_tag_in_utc_is_converted_not_shifted():
    head = '<meta property="article:published_time" content="2023-10-10T07:30:00Z">'
    result = extract_article(page(head=head), "https://x.vn/a")
    assert result.article.published_at == local(2023, 10, 10, 14, 30)
    assert result.article.published_at.utcoffset() == timedelta(hours=7)


def test_meta_tag_with_local_clock_labelled_utc_is_corrected_by_the_printed_line():
    head = '<meta property="article:published_time" content="2023-10-10T14:30:00+00:00">'
    result = extract_article(page(head=head, line="<p class='time'>14:30 | 10/10/2023</p>"), "https://x.vn/a")
    assert result.article.published_at == local(2023, 10, 10, 14, 30)


def test_published_at_is_aware_and_comparable():
    result = extract_article(page(line="<div class='date'>10/10/2023 14:30</div>"), "https://x.vn/a")
    moment = result.article.published_at
    assert moment.astimezone(UTC) == datetime(2023, 10, 10, 7, 30, tzinfo=UTC)
