"""Rules of issue 17's third session, found on the real-text dev part: each test fails on the
analyser before the rule. Short sentences as staff would read them under docs/ANALYSIS.md's
guidelines; none copies an article of the set."""

from __future__ import annotations

from search.analysis import analyze
from tests.search.test_analysis_realtext_rules import doc


def tone(title: str, sapo: str = "", body: str = "") -> str:
    return analyze(doc(title, sapo, body)).tone.label


def test_a_rescue_is_good_news_with_or_without_the_harm_named() -> None:
    assert tone("Giải cứu 30 cá thể rùa biển quý hiếm") == "positive"
    assert tone("Cứu sống bé trai bị đuối nước ở sông Cầu") == "positive"
    assert tone("Xe tải lật trên quốc lộ, người dân giúp tài xế thu gom hàng") == "positive"
    assert tone("Tài xế thoát chết khi xe khách bốc cháy") == "positive"


def test_a_rescue_by_an_official_is_not_wrongdoing_inside_the_state() -> None:
    assert tone("Cán bộ xã cứu 3 người bị lũ cuốn") == "positive"
    # an enforcement outcome against an official stays negative
    assert tone("Khởi tố nguyên phó phòng nội vụ tham ô") == "negative"


def test_the_rescuer_as_a_person_is_no_rescue() -> None:
    assert tone("Người giải cứu bị nước lũ cuốn trôi") == "negative"


def test_a_passing_topic_beside_the_main_one_is_not_tagged() -> None:
    # a crash that ends in a fire is a traffic accident, not a fire (An ninh trật tự)
    crash = analyze(
        doc(
            "Ô tô tông xe tải rồi bốc cháy trên quốc lộ 14",
            "Vụ tai nạn giao thông khiến tài xế ô tô tử vong tại chỗ.",
            "Cảnh sát giao thông phân luồng, điều tra nguyên nhân vụ tai nạn. Xe tải và ô tô hư hỏng nặng.",
        )
    )
    assert crash.topic_names == ["An toàn giao thông"]
    # two topics of similar weight both stay
    both = analyze(
        doc(
            "Cảnh sát giao thông bắt tài xế tàng trữ ma túy",
            "Khi dừng xe kiểm tra nồng độ cồn, tổ tuần tra phát hiện tài xế tàng trữ ma túy.",
        )
    )
    assert set(both.topic_names) == {"An toàn giao thông", "An ninh trật tự"}
