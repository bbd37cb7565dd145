"""Tone rules of issue 17's fourth session, found on half A of the real-text dev part (see
devtools/tone_split.py): each test fails on the analyser before the rule. Short sentences as staff
would read them under docs/ANALYSIS.md's guidelines; none copies an article of the set."""

from __future__ import annotations

from search.analysis import analyze
from tests.search.test_analysis_realtext_rules import doc


def tone(title: str, sapo: str = "", body: str = "") -> str:
    return analyze(doc(title, sapo, body)).tone.label


def test_what_is_planned_proposed_or_forecast_has_not_happened() -> None:
    assert tone("Bộ Y tế sẽ đề nghị xem lại quyết định kỷ luật bác sĩ") == "neutral"
    assert tone("Ngân hàng thế giới khuyến cáo tỉnh cần cải thiện môi trường kinh doanh") == "neutral"
    assert tone("Tân bí thư hứa kiên quyết đấu tranh chống các biểu hiện quan liêu, tham nhũng") == "neutral"
    # what has happened is still news
    assert tone("Xe khách lật trên đèo, hai người tử vong") == "negative"
    assert tone("Tỉnh cải thiện mạnh môi trường kinh doanh, tăng 10 bậc") == "positive"


def test_a_plan_rule_or_meeting_headline_is_not_decided_by_its_body() -> None:
    assert (
        tone(
            "Thành phố kêu gọi đầu tư tuyến đường vành đai mới",
            "Thành phố công bố danh mục dự án kêu gọi nhà đầu tư tham gia theo hình thức đối tác công tư.",
            "Tuyến đường cũ xuống cấp, thường xuyên ùn tắc. Nhiều vụ tai nạn đã xảy ra, có người tử vong.",
        )
        == "neutral"
    )
    assert (
        tone(
            "Khai mạc hội chợ nông sản cuối năm",
            "Hội chợ có 200 gian hàng của các hợp tác xã trong tỉnh.",
            "Sản phẩm được đánh giá cao, nổi bật, hấp dẫn. Người dân phấn khởi, tự hào về nông sản.",
        )
        == "neutral"
    )
    # a meeting headline that reports a harm stays negative
    assert tone("Họp khẩn sau vụ cháy làm ba người chết") == "negative"
