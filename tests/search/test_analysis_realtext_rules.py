"""General rules found on the real-text dev part (issue 17): each fails on the analyser before it.

Written as staff would read these sentences under docs/ANALYSIS.md's guidelines; none copies an
article of the set."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from search.analysis import analyze
from search.document import Document

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def doc(title: str, sapo: str = "", body: str = "") -> Document:
    return Document(
        url=f"https://example.vn/{abs(hash((title, sapo, body)))}",
        outlet_id="t",
        title=title,
        sapo=sapo,
        body=body,
        published_at=datetime(2025, 9, 1, tzinfo=TZ),
    )


def test_a_passive_outcome_closing_the_clause_turns_the_harm_into_good_news() -> None:
    # "giảm"-like reach: a passive outcome governs up to six words back
    assert analyze(doc("12 ổ dịch tả heo châu Phi đã được khống chế")).tone.label == "positive"


def test_passing_praise_in_the_body_of_a_neutral_headline_is_not_good_news() -> None:
    body = (
        "Đêm chung kết diễn ra tại nhà hát thành phố. Thí sinh mặc áo dài ấn tượng. "
        "Ban giám khảo trao giải cho thí sinh trả lời ứng xử hay nhất."
    )
    assert analyze(doc("Tân hoa hậu trả lời ứng xử trong đêm chung kết", "", body)).tone.label == "neutral"


def test_new_harm_words_and_their_enforcement_outcome() -> None:
    assert analyze(doc("Bắt nghi can phóng hỏa căn nhà của hàng xóm")).tone.label == "positive"
    title = "Tài xế xe khách đánh võng trên cao tốc bị tước giấy phép lái xe"
    assert analyze(doc(title)).tone.label == "positive"
    assert analyze(doc("Xuất hiện hố sụt sâu 5 mét giữa cánh đồng")).tone.label == "negative"


def test_a_hospital_address_a_plate_and_a_destination_are_not_the_place_of_the_event() -> None:
    places = analyze(
        doc(
            "Tai nạn trên quốc lộ 1A qua thị xã Hoàng Mai",
            "",
            "Xe khách 45 chỗ biển Thanh Hóa va chạm với xe tải tại thị xã Hoàng Mai, Nghệ An. "
            "Nạn nhân được đưa đến Bệnh viện 115 (TP Vinh, Nghệ An) rồi chuyển đến Hà Nội.",
        )
    ).places
    assert places.old == ["Nghệ An"]
    reasons = {item["text"]: item["reason"] for item in places.ignored}
    assert reasons.get("Thanh Hóa") == "plate"


def test_a_unit_named_only_as_a_destination_is_no_subject_beside_the_place_of_the_event() -> None:
    places = analyze(
        doc(
            "Sản phụ sinh con trên tàu",
            "",
            "Khi tàu đến ga Nha Trang, Khánh Hòa, sản phụ quê Quảng Ngãi được đưa xuống. "
            "Chị đang về Quảng Ngãi chờ sinh.",
        )
    ).places
    assert places.old == ["Khánh Hòa"]


def test_traffic_sanctions_and_concrete_are_not_crime_or_traffic_topics() -> None:
    sanction = analyze(
        doc(
            "Tài xế vượt đèn đỏ bị phạt",
            "",
            "Cảnh sát giao thông lập biên bản, tạm giữ phương tiện 7 ngày. "
            "Tài xế bị tạm giữ giấy phép lái xe.",
        )
    ).topic_names
    assert "An ninh trật tự" not in sanction
    concrete = analyze(
        doc("Cột bê tông đổ trong sân trường", "", "Cột bê tông cao 3 m đổ xuống sân.")
    ).topic_names
    assert "An toàn giao thông" not in concrete
