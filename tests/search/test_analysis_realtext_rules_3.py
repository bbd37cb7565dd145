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


def test_a_school_or_university_named_after_a_place_is_not_the_place() -> None:
    places = analyze(
        doc(
            "Sinh viên đoạt giải nhất cuộc thi thiết kế",
            "",
            "Nhóm sinh viên Đại học Kiến trúc Hà Nội giành giải nhất cuộc thi tổ chức ở Đà Nẵng.",
        )
    ).places
    assert places.old == ["Đà Nẵng"]
    assert {item["text"]: item["reason"] for item in places.ignored}.get("Hà Nội") == "organisation"
    # the market of a city is the city
    assert analyze(doc("Giá rau trên thị trường Hà Nội tăng mạnh")).places.old == ["Hà Nội"]


def test_food_safety_violations_found_are_bad_news_even_when_sanctioned() -> None:
    assert tone("Kiểm tra 120 cơ sở, xử phạt 15 cơ sở vi phạm an toàn thực phẩm") == "negative"
    assert tone("Phát hiện 30 cơ sở vi phạm an toàn thực phẩm") == "negative"
    assert tone("Thu giữ 2 tấn thực phẩm bẩn không rõ nguồn gốc") == "negative"
    # no violation found stays neutral; a catch of smuggled goods stays a catch
    assert tone("Kiểm tra dịp Tết: không phát hiện vi phạm an toàn thực phẩm") == "neutral"
    assert tone("Bắt xe chở 2 tấn trứng gà nhập lậu") == "positive"


def test_a_stabbing_and_a_death_under_investigation_are_crime_news() -> None:
    stabbing = doc("Thanh niên bị đâm sau khi nhắc nhở người đi xe ẩu")
    assert analyze(stabbing).topic_names == ["An ninh trật tự"]
    death = doc(
        "Phát hiện hai người tử vong trong phòng trọ",
        "",
        "Cơ quan CSĐT Công an tỉnh đã khám nghiệm hiện trường, khám nghiệm tử thi để làm rõ nguyên nhân.",
    )
    assert analyze(death).topic_names == ["An ninh trật tự"]
    # a post-mortem alone (a drowning) is no crime
    drowning = doc("Bé trai đuối nước ở ao làng", "", "Gia đình không yêu cầu khám nghiệm tử thi.")
    assert analyze(drowning).topic_names == []


def test_poor_households_are_who_gets_help_only_their_change_is_news() -> None:
    assert tone("Trao 200 suất quà Tết cho hộ nghèo") != "negative"
    assert tone("Hộ nghèo được miễn học phí") != "negative"
    assert tone("Tỷ lệ hộ nghèo giảm còn 2,1%") == "positive"
    assert tone("Số hộ nghèo tăng mạnh sau bão") == "negative"


def test_a_country_in_a_headline_is_written_with_a_capital() -> None:
    # "giải pháp" is no Pháp: the article keeps its topic
    solution = doc("Giải pháp kéo giảm tai nạn giao thông dịp Tết")
    assert analyze(solution).topic_names == ["An toàn giao thông"]
    # a crash in France is still foreign news with no topic
    assert analyze(doc("Xe buýt lật ở Pháp, 10 người bị thương trong tai nạn")).topic_names == []


def test_an_aim_to_reduce_harm_is_a_plan_not_a_result() -> None:
    # the guidelines read plans and campaigns as neutral; a fall that happened is good news
    assert tone("Triển khai giải pháp nhằm kéo giảm tai nạn giao thông") == "neutral"
    assert tone("Phấn đấu giảm 5% số vụ tai nạn giao thông") == "neutral"
    assert tone("Tai nạn giao thông giảm cả 3 tiêu chí") == "positive"
    assert tone("Năm 2025 đã kéo giảm tai nạn giao thông") == "positive"


def test_research_and_look_ups_are_no_rescue() -> None:
    assert tone("Sinh viên nghiên cứu vật liệu xây dựng mới") == "neutral"
    assert tone("Người dân tra cứu hồ sơ trên ứng dụng") == "neutral"


def test_complaints_resolved_or_answered_are_a_service_at_work() -> None:
    assert tone("Sự cố mất điện ở phường Đông Ngàn đã được khắc phục") == "positive"
    assert tone("Bắc Giang: 95% khiếu nại của người dân trên các nền tảng số được giải quyết") != "negative"
    assert tone("Đường dây nóng tiếp nhận và trả lời phản ánh, kiến nghị của người dân") == "neutral"


def test_a_risk_forecast_or_a_condition_is_not_an_event() -> None:
    assert tone("Dự báo thời tiết: Trung Bộ nguy cơ cao xảy ra sạt lở đất") == "neutral"
    assert tone("Công chức phải xin lỗi nếu làm chậm thủ tục hành chính") == "neutral"
    assert tone("Sạt lở đất vùi lấp 3 nhà dân") == "negative"


def test_a_company_director_caught_is_an_offender_not_the_state() -> None:
    assert tone("Bắt giữ giám đốc công ty tàng trữ gỗ trái phép") == "positive"
    assert tone("Khởi tố giám đốc sở tham ô tiền tỷ") == "negative"
    assert tone("Khởi tố nguyên giám đốc công ty nhà nước tham ô") == "negative"
