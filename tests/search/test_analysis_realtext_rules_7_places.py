"""Rules of issue 17's sixth session, places helper (places7): province errors classified over the
dev part and batches 1-4 (docs/ANALYSIS.md "Session 6, places and topics"). Each test fails on the
analyser before its rule. Short sentences written as staff would read them, never one article's
wording."""

from __future__ import annotations

from search.analysis import analyze
from tests.search.test_analysis_realtext_rules import doc


def provinces(title: str, sapo: str = "", body: str = "") -> list[str]:
    return analyze(doc(title, sapo, body)).places.old


def test_a_flight_route_named_by_its_two_ends_is_no_place() -> None:
    # like a road or a rail service named by its ends: "chặng bay TP HCM - Hà Nội" locates nothing
    assert (
        provinces(
            "Hãng bay tăng chuyến dịp cao điểm",
            "",
            "Hãng đang khai thác chặng bay TP HCM - Hà Nội với 20 chuyến mỗi ngày.",
        )
        == []
    )
    assert provinces("Hãng bay mở thêm đường bay Đà Nẵng - Hải Phòng") == []
    # a flight that lands somewhere still names that place
    assert provinces("Máy bay hạ cánh khẩn cấp xuống Đà Nẵng") == ["Đà Nẵng"]


def test_a_newspaper_named_after_the_capital_is_no_place() -> None:
    # "Theo Hà Nội Mới" credits the newspaper, as "báo Sài Gòn Giải Phóng" does
    body = "Giá vàng tăng nhẹ trong phiên sáng. Theo Hà Nội Mới"
    assert provinces("Giá vàng đi lên đầu năm", "", body) == []
    assert provinces("Giá vàng ở Hà Nội đi lên đầu năm") == ["Hà Nội"]
