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


def topics(title: str, sapo: str = "", body: str = "") -> list[str]:
    return analyze(doc(title, sapo, body)).topic_names


def test_robbers_in_helmets_on_a_motorbike_are_no_traffic_story() -> None:
    robbery = topics(
        "Thanh niên dùng búa đập tủ kính tiệm vàng",
        "",
        "Người này đội mũ bảo hiểm, đi xe máy đến trước tiệm vàng rồi dùng búa đập tủ kính. Sau đó hắn "
        "lên xe máy bỏ chạy, vẫn đội mũ bảo hiểm.",
    )
    assert "An toàn giao thông" not in robbery and "An ninh trật tự" in robbery
    # a helmet not worn is a traffic offence
    assert "An toàn giao thông" in topics(
        "Nhiều người đi xe máy không đội mũ bảo hiểm",
        "",
        "Người đi xe máy không đội mũ bảo hiểm bị nhắc nhở.",
    )


def test_the_fire_brigade_s_name_is_no_fire() -> None:
    rescue = topics(
        "Nam thanh niên mắc kẹt trong thang máy",
        "",
        "Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ đã có mặt, đưa nạn nhân ra ngoài.",
    )
    assert "An ninh trật tự" not in rescue
    # a fire is still one
    assert "An ninh trật tự" in topics(
        "Cháy lớn tại xưởng gỗ", "", "Lực lượng phòng cháy chữa cháy đã dập tắt đám cháy."
    )


def test_a_smell_or_trees_cut_alone_are_no_environment_story() -> None:
    body = "Người dân ngửi thấy mùi hôi nên báo công an. Thi thể đã bốc mùi, công an đang điều tra."
    assert "Môi trường" not in topics("Phát hiện thi thể bốc mùi trong phòng trọ", "", body)
    orchard = "Sáng nay gia đình phát hiện vườn nhãn bị kẻ xấu chặt phá trong đêm, thiệt hại lớn."
    assert "Môi trường" not in topics("Gần 100 gốc nhãn bị chặt phá", "", orchard)
    # with pollution or a forest they still are
    assert "Môi trường" in topics(
        "Bãi rác bốc mùi gây ô nhiễm môi trường", "", "Bãi rác bốc mùi, gây ô nhiễm."
    )
    assert "Môi trường" in topics("Rừng phòng hộ bị chặt phá", "", "Hàng chục ha rừng phòng hộ bị chặt phá.")
