"""Gazetteer facts the analysis depends on, aliases, old→new mapping and the ambiguity rules."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from search.analysis import analyze, annotate, resolve_focus
from search.analysis.gazetteer import GAZETTEER_PATH, default_gazetteer
from search.config import settings
from search.document import Document

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "provinces.csv"


def doc(title: str, sapo: str = "", body: str = "") -> Document:
    return Document(
        url=f"https://example.vn/{abs(hash((title, sapo, body)))}",
        outlet_id="t",
        title=title,
        sapo=sapo,
        body=body,
        published_at=datetime(2025, 9, 1, tzinfo=TZ),
    )


def old(title: str, sapo: str = "", body: str = "") -> list[str]:
    return analyze(doc(title, sapo, body)).places.old


def test_gazetteer_pins_the_facts_it_depends_on() -> None:
    g = default_gazetteer()
    assert len(g.units) == 63
    assert len(g.new_units) == 34
    assert g.units["Bắc Giang"].new_name == "Bắc Ninh"
    assert g.units["Hà Giang"].new_name == "Tuyên Quang"
    assert g.units["Bình Dương"].new_name == "TP Hồ Chí Minh"
    assert g.units["Quảng Bình"].new_name == "Quảng Trị"
    assert g.units["Bình Định"].new_name == "Gia Lai"
    assert g.units["Long An"].new_name == "Tây Ninh"
    assert sorted(g.new_units["Bắc Ninh"]) == ["Bắc Giang", "Bắc Ninh"]
    assert sorted(g.new_units["Ninh Bình"]) == ["Hà Nam", "Nam Định", "Ninh Bình"]
    unchanged = [new for new, olds in g.new_units.items() if olds == [new]]
    assert len(unchanged) == 11 and "Huế" in unchanged and "Cao Bằng" in unchanged
    assert g.units["Bắc Giang"].is_new_seat and not g.units["Bắc Ninh"].is_new_seat


def test_gazetteer_copy_cites_its_source_and_matches_the_reference() -> None:
    text = GAZETTEER_PATH.read_text(encoding="utf-8")
    assert text.startswith("#") and "shared/reference/provinces.csv" in text.splitlines()[0]
    if not SHARED.exists():
        pytest.skip("shared/reference is not beside the repository")
    rows = [line for line in text.splitlines() if not line.startswith("#")]
    with SHARED.open(encoding="utf-8") as handle:
        reference = list(csv.DictReader(handle))
    assert list(csv.DictReader(rows)) == reference


def test_resolve_accepts_old_new_and_unaccented_names() -> None:
    g = default_gazetteer()
    assert g.resolve("Bac Giang") == "Bắc Ninh"
    assert g.resolve("bắc ninh") == "Bắc Ninh"
    assert g.resolve("TP.HCM") == "TP Hồ Chí Minh"
    assert g.resolve("Atlantis") is None
    assert resolve_focus(None) == "Bắc Ninh"  # the default focus


def test_focus_province_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSWATCH_FOCUS_PROVINCE", "Hà Giang")
    assert resolve_focus() == "Tuyên Quang"
    monkeypatch.setenv("PRESSWATCH_FOCUS_PROVINCE", "Nowhere")
    with pytest.raises(ValueError, match="PRESSWATCH_FOCUS_PROVINCE"):
        resolve_focus()
    # Set but empty, as unset: the default, the same rule the settings (and the web app) follow.
    monkeypatch.setenv("PRESSWATCH_FOCUS_PROVINCE", "")
    assert resolve_focus() == settings().focus_province == "Bắc Ninh"
    monkeypatch.setenv("PRESSWATCH_FOCUS_PROVINCE", "Cao Bằng")
    assert settings().focus_province == "Cao Bằng" and resolve_focus() == "Cao Bằng"
    monkeypatch.delenv("PRESSWATCH_FOCUS_PROVINCE")
    assert resolve_focus() == "Bắc Ninh" and settings().focus_province == "Bắc Ninh"


@pytest.mark.parametrize(
    "text, unit",
    [
        ("Công an TP.HCM triệt phá đường dây ma túy", "TP Hồ Chí Minh"),
        ("TPHCM chi 2.000 tỷ đồng chống ngập", "TP Hồ Chí Minh"),
        ("Người dân Sài Gòn đón Tết", "TP Hồ Chí Minh"),
        ("Thừa Thiên Huế bảo tồn di sản", "Huế"),
        ("Huế rực rỡ mùa Festival", "Huế"),
        ("Hội nghị tại Thanh Hoá", "Thanh Hóa"),
        ("Tin từ tỉnh Bac Kan", "Bắc Kạn"),
        ("Nha Trang đón khách quốc tế", "Khánh Hòa"),
        ("Bà Rịa – Vũng Tàu khởi công cảng", "Bà Rịa - Vũng Tàu"),
    ],
)
def test_aliases(text: str, unit: str) -> None:
    assert old(text) == [unit]


def test_old_unit_also_counts_for_the_new_unit() -> None:
    document = annotate(doc("Bắc Giang khánh thành cầu mới"))
    assert document.provinces == ["Bắc Giang", "Bắc Ninh"]
    explanation = document.explanations["provinces"]
    assert explanation["old"] == ["Bắc Giang"] and explanation["new"] == ["Bắc Ninh"]
    assert explanation["evidence"]["Bắc Giang"][0]["field"] == "title"
    assert annotate(doc("Hà Giang mùa hoa tam giác mạch")).provinces == ["Hà Giang", "Tuyên Quang"]


@pytest.mark.parametrize(
    "title, sapo",
    [
        ("Xe khách dừng đỗ sai quy định trên đường Hà Nội", "Tuyến đường Hà Nội ở trung tâm bị ùn tắc."),
        (
            "Công ty CP Xuất nhập khẩu Long An lên sàn",
            "Cổ phiếu Công ty CP Xuất nhập khẩu Long An tăng trần.",
        ),
        ("Ký ức tỉnh Hà Nam Ninh", "Những người từng sống ở Hà Nam Ninh kể lại."),
        ("Bão mạnh trên Thái Bình Dương", "Cơn bão hình thành ở tây Thái Bình Dương."),
        ("Hòa bình ở Trung Đông còn xa", "Các bên chưa đạt thỏa thuận hòa bình."),
        ("Nghệ nhân Nguyễn Bình Định nhận danh hiệu", "Ông Nguyễn Bình Định có 40 năm làm gốm."),
        ("Chị Huế làm giàu từ rau sạch", "Chị Nguyễn Thị Huế cho biết thu nhập ổn định."),
        ("Hoa huệ vào mùa", "Chị Huệ bán hoa ở chợ."),
        ("Kỷ niệm Chiến thắng Điện Biên Phủ", "Các cựu chiến binh kể về Điện Biên Phủ."),
        ("Hoàng Anh Gia Lai thắng trận", "Hoàng Anh Gia Lai vươn lên thứ 6."),
        ("Tư tưởng Hồ Chí Minh về đạo đức", "Học tập tấm gương Hồ Chí Minh."),
        ("Xã Long An được công nhận nông thôn mới", "Xã Long An đạt chuẩn."),
    ],
)
def test_look_alikes_are_not_provinces(title: str, sapo: str) -> None:
    analysis = analyze(doc(title, sapo))
    assert analysis.places.old == [], analysis.places.mentions
    assert analysis.places.mentions == []


def test_ignored_look_alikes_are_explained() -> None:
    sample = doc("Công ty CP Xuất nhập khẩu Long An lên sàn", "Bão trên Thái Bình Dương.")
    ignored = analyze(sample).places.ignored
    assert {"field": "title", "text": "Long An", "reason": "organisation"} in ignored
    assert {"field": "sapo", "text": "Thái Bình Dương", "reason": "name"} in ignored


def test_a_street_named_after_a_province_does_not_hide_the_real_one() -> None:
    analysis = analyze(doc("Phân luồng trên đường Hà Nội ở TP Huế"))
    assert analysis.places.old == ["Huế"]
    assert {"text": "Hà Nội", "field": "title", "reason": "street"} in analysis.places.ignored


def test_title_and_sapo_weigh_more_than_a_passing_body_mention() -> None:
    analysis = analyze(
        doc(
            "Quảng Ninh đón 1 triệu lượt khách",
            "Tỉnh Quảng Ninh đón khách dịp lễ.",
            "Nhiều đoàn khách đến từ Hà Nội và Hải Phòng.",
        )
    )
    assert analysis.places.old == ["Quảng Ninh"]
    assert analysis.places.scores["Quảng Ninh"] > analysis.places.scores["Hà Nội"]


def test_body_only_article_keeps_its_main_place() -> None:
    analysis = analyze(
        doc(
            "Khai mạc hội chợ nông sản",
            "",
            "Hội chợ diễn ra tại TP Cà Mau. Tỉnh Cà Mau mời 200 doanh nghiệp. "
            "Một số gian hàng đến từ Cần Thơ.",
        )
    )
    assert analysis.places.old == ["Cà Mau"]


# Issue 17: places below the province, from the vietnamadminunits dataset.


def test_a_district_named_on_a_road_gives_its_province_old_and_new() -> None:
    document = annotate(
        doc(
            "Xe khách tông xe tải trên cao tốc, 2 người tử vong",
            "Vụ tai nạn xảy ra trên cao tốc Hà Nội - Bắc Giang đoạn qua huyện Việt Yên.",
            "Lực lượng chức năng đã có mặt tại hiện trường để điều tra nguyên nhân.",
        )
    )
    assert document.provinces == ["Bắc Giang", "Bắc Ninh"]
    evidence = document.explanations["provinces"]["evidence"]["Bắc Giang"]
    assert {"field": "sapo", "text": "huyện Việt Yên", "kind": "district", "weight": 2.0} in evidence
    ignored = document.explanations["provinces"]["ignored"]
    assert {"field": "sapo", "text": "Hà Nội", "reason": "street"} in ignored


def test_districts_and_communes_find_the_province_when_it_is_not_named() -> None:
    assert old("Cháy lớn tại quán karaoke ở quận Đống Đa") == ["Hà Nội"]
    assert old("Nước ngập nửa bánh xe ở quận 7") == ["TP Hồ Chí Minh"]
    assert old("Khởi công trường học mới ở thị trấn Hồ, huyện Thuận Thành") == ["Bắc Ninh"]


def test_an_ambiguous_district_is_resolved_by_the_province_in_context() -> None:
    places = analyze(
        doc("Bắt đối tượng trộm bò", "Công an huyện Châu Thành (Tiền Giang) vừa bắt giữ…")
    ).places
    assert places.old == ["Tiền Giang"]
    alone = analyze(doc("Công an huyện Châu Thành bắt đối tượng trộm bò")).places
    assert alone.old == []
    assert any(i["reason"] == "ambiguous" and i["text"] == "huyện Châu Thành" for i in alone.ignored)


def test_home_towns_number_plates_and_foreign_provinces_are_not_the_subject() -> None:
    body = (
        "Công an TP Phan Thiết, tỉnh Bình Thuận tạm giữ Trần Văn A (35 tuổi, ngụ Yên Bái). "
        "Xe khách biển kiểm soát Quảng Bình bị tạm giữ. Chuyến bay hạ cánh lúc 19h, giờ Hà Nội."
    )
    assert old("Tạm giữ tài xế tàng trữ ma túy", "", body) == ["Bình Thuận"]
    assert old("Cậu bé ở thành phố Lạc Dương, tỉnh Hà Nam, Trung Quốc gây sốt") == []


def test_old_units_named_in_a_merger_article_are_kept() -> None:
    document = annotate(
        doc(
            "Ninh Bình mới: sắp xếp trụ sở sau hợp nhất",
            "Tỉnh Ninh Bình mới được hợp nhất từ Hà Nam, Nam Định và Ninh Bình.",
            "Cán bộ của tỉnh Thái Bình (cũ) chuyển về làm việc tại Hưng Yên.",
        )
    )
    assert {"Hà Nam", "Nam Định", "Ninh Bình", "Thái Bình", "Hưng Yên"} <= set(document.provinces)


def test_lists_and_bare_ward_numbers_do_not_make_subjects() -> None:
    listed = (
        "Mức thưởng cao nhất thuộc về doanh nghiệp ở Thành phố Hồ Chí Minh, tiếp đến là Thái "
        "Bình, Hải Dương và Bình Phước."
    )
    assert old("Thưởng Tết cao nhất 624 triệu đồng một người", "", listed) == []
    # "phường V" is a ward of Vị Thanh (Hậu Giang) but also any roman-numbered ward anywhere.
    assert (
        old(
            "Khởi tố kẻ sát hại thiếu niên",
            "",
            "Nạn nhân ngụ tại phường V. Công an phường V đang điều tra, cơ quan chức năng phường V cho biết.",
        )
        == []
    )
