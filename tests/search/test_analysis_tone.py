"""Tone: cue words, negation, mitigation, intensity, sentence scope, tone toward the focus province."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from search.analysis import LexiconError, analyze, annotate, load_lexicon
from search.analysis.prepared import DocumentTokens
from search.analysis.tone import score_tone
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


def tone(title: str, sapo: str = "", body: str = "") -> str:
    return analyze(doc(title, sapo, body)).tone.label


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Phát hiện nhiều sai phạm tại dự án đê biển", "negative"),
        ("Kết luận thanh tra: không có sai phạm trong đấu thầu", "neutral"),
        ("Đoàn kiểm tra chưa phát hiện vi phạm tại các cơ sở", "neutral"),
        ("Ngộ độc thực phẩm, 40 người nhập viện", "negative"),
        ("Cả năm không để xảy ra ngộ độc thực phẩm", "positive"),
        ("Kéo giảm tai nạn giao thông", "positive"),
        ("Tỉnh về đích sớm, dẫn đầu cả nước về giải ngân", "positive"),
        ("Dịch vụ công trực tuyến chưa hiệu quả", "negative"),
        ("Hội nghị triển khai kế hoạch năm 2026", "neutral"),
    ],
)
def test_cues_with_negation_and_mitigation(title: str, expected: str) -> None:
    assert tone(title) == expected


def test_cues_are_recorded_with_their_modifiers() -> None:
    document = annotate(doc("Không có sai phạm", "Người dân bức xúc vì ô nhiễm kéo dài."))
    cues = document.explanations["tone"]["cues"]
    negated = next(c for c in cues if c["cue"] == "sai phạm")
    assert negated["modifier"] == "không có" and negated["score"] == 0
    assert any(c["cue"] == "bức xúc" and c["polarity"] == "negative" for c in cues)
    assert document.tone == "negative"


def test_intensifier_and_title_weight_raise_the_score() -> None:
    plain = analyze(doc("Tin tức", "", "Sai phạm tại dự án.")).tone.score
    intense = analyze(doc("Tin tức", "", "Sai phạm nghiêm trọng tại dự án.")).tone.score
    in_title = analyze(doc("Sai phạm tại dự án")).tone.score
    assert intense < plain < 0 and in_title < plain


def test_a_negator_does_not_reach_into_the_next_sentence() -> None:
    result = analyze(doc("Tin tức", "", "Tỉnh không chủ quan. Sai phạm được phát hiện.")).tone
    assert result.cues[0]["cue"] == "sai phạm" and "modifier" not in result.cues[0]


def test_sentence_scope() -> None:
    prepared = DocumentTokens(doc("Tin tức", "", "Dự án về đích sớm. Bãi rác ô nhiễm nặng."))
    assert score_tone(prepared, sentences={"body": {0}}).label == "positive"
    assert score_tone(prepared, sentences={"body": {1}}).label == "negative"


def test_tone_toward_the_focus_province() -> None:
    mixed = doc(
        "Hai địa phương, hai bức tranh",
        "",
        "Bắc Giang về đích sớm, dẫn đầu cả nước về giải ngân. "
        "Trong khi đó, Hà Nam chậm giải ngân, nhiều dự án bỏ hoang.",
    )
    default = analyze(mixed)  # focus: Bắc Ninh, which includes old Bắc Giang
    assert default.focus.province == "Bắc Ninh"
    assert default.focus.label == "positive" and default.focus.scope == "sentences"
    toward_ninh_binh = analyze(mixed, focus_province="Ninh Bình")  # includes old Hà Nam
    assert toward_ninh_binh.focus.label == "negative"
    absent = analyze(doc("Lào Cai đón khách"), focus_province="Bắc Ninh")
    assert absent.focus.label is None and absent.focus.scope == "absent"
    only = annotate(doc("Bắc Ninh: ô nhiễm làng nghề nhức nhối"))
    assert only.explanations["tone"]["focus"]["label"] == "negative"
    assert only.explanations["tone"]["focus"]["scope"] == "article"


def test_lexicon_errors_name_the_file_and_entry(tmp_path: Path) -> None:
    path = tmp_path / "tone.yaml"
    path.write_text("negative:\n  sai phạm: nhiều\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="negative: sai phạm: expected a number"):
        load_lexicon(path)
    path.write_text("modifiers:\n  không: {on_negative: 0, position: sideways}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=f"{path}: modifiers: không"):
        load_lexicon(path)


# Issue 17: direction words flip the bad thing they govern; negation has a scope.


@pytest.mark.parametrize(
    "title, sapo, expected",
    [
        ("Bắc Giang: tai nạn giao thông giảm cả số vụ, số người chết và số người bị thương", "", "positive"),
        ("Số vụ phạm tội về trật tự xã hội giảm 12%", "", "positive"),
        ("Xã không còn hộ nghèo", "", "positive"),
        ("Xử lý dứt điểm tình trạng ô nhiễm tại cụm công nghiệp", "", "positive"),
        ("Bắt nhóm đối tượng cướp giật tài sản", "", "positive"),
        ("Tai nạn giao thông tăng mạnh, 12 người chết", "", "negative"),
    ],
)
def test_direction_words_and_enforcement_outcomes(title: str, sapo: str, expected: str) -> None:
    assert tone(title, sapo) == expected


ACCIDENTS_DOWN = (
    "Bắc Giang: Tai nạn giao thông giảm cả 3 tiêu chí trong 9 tháng",
    "9 tháng, tình hình trật tự an toàn giao thông trên địa bàn tỉnh tiếp tục được kiềm chế, tai nạn giao "
    "thông giảm cả 3 tiêu chí về số vụ, số người chết và số người bị thương so với cùng kỳ năm 2024.",
    "Theo báo cáo của Ban An toàn giao thông tỉnh, 9 tháng, toàn tỉnh xảy ra 120 vụ tai nạn giao thông, "
    "làm chết 64 người, bị thương 80 người. So với cùng kỳ năm trước, giảm 12 vụ, giảm 9 người chết và "
    "giảm 15 người bị thương.\nLực lượng Cảnh sát giao thông đã tăng cường tuần tra, kiểm soát, xử lý vi "
    "phạm, tập trung vào các lỗi vi phạm nồng độ cồn, chạy quá tốc độ. Qua đó đã phát hiện, lập biên bản "
    "3.200 trường hợp vi phạm, tạm giữ giấy phép lái xe 140 trường hợp.",
)

NO_VIOLATION = (
    "Kiểm tra đột xuất các doanh nghiệp trong khu công nghiệp, chưa phát hiện xả thải trái phép",
    "Đoàn kiểm tra của Sở Nông nghiệp và Môi trường vừa kiểm tra đột xuất việc chấp hành pháp luật về "
    "bảo vệ môi trường tại 12 doanh nghiệp; kết quả chưa phát hiện trường hợp xả thải trái phép ra môi "
    "trường.",
    "Đoàn kiểm tra hệ thống xử lý nước thải, khí thải, việc thu gom chất thải nguy hại của các doanh "
    "nghiệp và lấy mẫu nước thải để phân tích.\nKết quả phân tích mẫu cho thấy các chỉ tiêu nước thải sau "
    "xử lý đều nằm trong giới hạn cho phép. Qua kiểm tra, đoàn không phát hiện vi phạm.\nTuy nhiên, đoàn "
    "cũng chỉ ra một số tồn tại như việc phân loại chất thải rắn chưa đúng quy định. Trưởng đoàn đề nghị "
    "các doanh nghiệp khắc phục ngay các tồn tại, không để xảy ra sự cố môi trường, kiên quyết xử lý "
    "nghiêm các vi phạm.",
)


def test_accidents_down_on_all_three_measures_is_good_news() -> None:
    assert tone(*ACCIDENTS_DOWN) == "positive"


def test_an_inspection_that_found_no_violation_is_not_negative() -> None:
    result = analyze(doc(*NO_VIOLATION))
    assert result.tone.label == "neutral", result.tone.cues
    assert "An toàn thực phẩm" not in result.topic_names


def test_a_headline_that_says_no_violation_is_not_overruled_by_the_complaint_it_answers() -> None:
    """Issue 17: the sample press's land inspection read negative from the complaint it answered."""
    result = analyze(
        doc(
            "Thanh tra việc giao đất tại thị xã Thuận Thành: Không phát hiện sai phạm",
            "Sau khi có đơn phản ánh của người dân, cơ quan thanh tra vào cuộc kiểm tra việc giao đất dịch "
            "vụ tại xã Ngũ Thái; kết quả không phát hiện sai phạm như nội dung đơn phản ánh.",
            "Qua thanh tra, không phát hiện sai phạm trong việc giao đất dịch vụ. Dù vậy, đoàn thanh tra "
            "cũng chỉ ra một số tồn tại. Trước đó, một số người dân gửi đơn phản ánh có dấu hiệu sai phạm "
            "trong việc giao đất, gây xôn xao dư luận địa phương.",
        )
    )
    assert result.tone.label == "neutral", result.tone.cues
