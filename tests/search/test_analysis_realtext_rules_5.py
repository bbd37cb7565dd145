"""Tone, topic and place rules of issue 17's fifth session, found on the errors of the real-text
dev part and the held-out parts of batches 1 and 2 (opened for tuning this session; batch 3 only
scored): each test fails on the analyser before its rule. Short sentences written or paraphrased
as staff would read them under docs/ANALYSIS.md's guidelines."""

from __future__ import annotations

from search.analysis import analyze
from tests.search.test_analysis_realtext_rules import doc


def tone(title: str, sapo: str = "", body: str = "") -> str:
    return analyze(doc(title, sapo, body)).tone.label


def test_a_title_that_leads_with_the_catch_reports_it() -> None:
    # the title opens with the arrest or prosecution and names the act without a harm word
    assert tone("Khởi tố vụ chặt hơn 20ha rừng phòng hộ") == "positive"
    assert (
        tone(
            "Bắt nhóm thanh niên thuê ô tô rồi đưa qua biên giới bán",
            "Nhóm thanh niên thuê một chiếc ô tô tại tỉnh rồi đem bán.",
            "Đây là băng nhóm tội phạm chiếm đoạt tài sản, từng chiếm đoạt nhiều xe.",
        )
        == "positive"
    )
    # a catch told later in the title is not what it leads with
    assert tone("Nữ diễn viên đối mặt án tù vì bắt hai con sò") != "positive"
    # wrongdoing inside the state stays negative when the sapo says who
    assert (
        tone("Bắt giám đốc doanh nghiệp", "Ông A, nguyên chủ tịch xã, chiếm đoạt 1 tỉ đồng của dân.")
        == "negative"
    )


def test_police_words_for_suspects_make_a_passive_catch() -> None:
    assert tone("Nhóm đối tượng cho vay lãi 'cắt cổ' bị bắt giữ") == "positive"
    assert tone("Cảnh sát phá âm mưu đánh bom trụ sở") == "positive"


def test_a_measure_is_governed_by_its_direction_told_after_its_qualifiers() -> None:
    assert tone("GDP Việt Nam năm 2018 tăng 7%") == "positive"
    assert tone("Xuất khẩu của tỉnh 6 tháng giảm") == "negative"
    # the measure named alone stays neutral
    assert tone("GDP Việt Nam năm 2018 và những con số") == "neutral"


def test_a_service_put_to_use_is_positive() -> None:
    assert tone("Trung tâm hành chính công của tỉnh chính thức hoạt động") == "positive"
    assert tone("Nhà máy nước sạch đi vào hoạt động") == "positive"


def topics(title: str, sapo: str = "", body: str = "") -> list[str]:
    return analyze(doc(title, sapo, body)).topic_names


def test_a_land_dispute_given_as_the_motive_of_a_crime_is_not_the_land_topic() -> None:
    assert topics("Bắt nghi can chém hàng xóm do tranh chấp đất vườn") == ["An ninh trật tự"]
    # the dispute itself is
    assert "Đất đai" in topics("Tranh chấp đất kéo dài, hai dòng họ kiện nhau ra tòa")


def test_wild_animals_of_the_forests_are_the_environment() -> None:
    assert topics("Phát hiện bò tót chết trong rừng đặc dụng") == ["Môi trường"]
    assert topics("Đàn voi rừng lại về phá nương rẫy của dân") == ["Môi trường"]


def test_a_relic_restored_with_money_is_public_investment_too() -> None:
    found = topics("Chi 15 tỷ đồng trùng tu di tích đình làng cổ")
    assert "Đầu tư công" in found and "Văn hóa" in found
    # restoration named without money stays culture alone
    assert topics("Trùng tu di tích đình làng cổ theo nguyên trạng") == ["Văn hóa"]


def test_an_official_reprimanded_is_staffing() -> None:
    assert topics("Chủ tịch huyện bị phê bình vì chậm trả lời đơn thư") == ["Công tác cán bộ"]


def test_a_foreign_leader_in_the_title_makes_foreign_news() -> None:
    assert topics("Duterte tuyên bố tiếp tục chiến dịch truy quét ma túy, bắt giữ nghi phạm") == []


def test_a_reason_told_after_a_plan_word_has_happened() -> None:
    assert tone("Chủ tịch xã bị đề nghị kỷ luật vì sai phạm trong quản lý đất công") == "negative"
    # the proposal alone is still a plan
    assert tone("Sở đề nghị kỷ luật cán bộ địa chính") == "neutral"


def test_a_form_or_a_type_is_no_fault() -> None:
    assert (
        tone("Tỉnh chi 12 tỷ đồng trùng tu đình làng", "Kinh phí cấp dưới hình thức hỗ trợ có mục tiêu.")
        != "negative"
    )
    assert tone("Buổi tiếp dân của huyện mang tính hình thức") == "negative"


def test_modern_is_colour_not_news() -> None:
    assert (
        tone("Ngân hàng cùng doanh nghiệp hội nhập", "Hệ thống giao dịch hiện đại được giới thiệu.")
        == "neutral"
    )
    assert tone("Phế thải xây dựng bủa vây đại lộ hiện đại nhất") != "positive"


def test_enforcement_is_no_harm_in_itself() -> None:
    assert (
        tone("Toàn cảnh vụ cưỡng chế dự án", "Lực lượng chức năng cưỡng chế công trình của công ty địa ốc.")
        != "negative"
    )
    # the harm told beside it still counts: an enforcement is no catch that solves it
    assert tone("Cưỡng chế thu hồi đất, người dân bức xúc") == "negative"


def test_congestion_in_the_words_of_the_press_is_harm() -> None:
    assert tone("Lễ hội chùa kẹt cứng ngày đầu khai hội") == "negative"
    assert tone("Cửa ngõ thành phố kẹt xe hàng giờ") == "negative"


def test_what_people_pay_is_governed_by_its_direction() -> None:
    assert tone("Thành phố giảm lệ phí dịch vụ công trực tuyến") == "positive"
    assert tone("Trường đại học tăng học phí gấp đôi") == "negative"
    # the fee named alone is no news
    assert tone("Bảng lệ phí trước bạ năm nay") == "neutral"


def provinces(title: str, sapo: str = "", body: str = "") -> list[str]:
    return analyze(doc(title, sapo, body)).places.old


def test_a_landmark_locates_the_event() -> None:
    assert provinces("Xe đầu kéo tông người trên đường công vụ sân bay Nội Bài") == ["Hà Nội"]
    assert provinces("Hải quan Tân Sơn Nhất phát hiện ma túy giấu trong hành lý") == ["TP Hồ Chí Minh"]
    assert provinces("Cháy rừng trên bán đảo Sơn Trà") == ["Đà Nẵng"]


def test_a_province_name_listed_with_regions_abroad_is_abroad() -> None:
    # Hà Nam is also Henan, China: listed after Chinese provinces or cities it is that one,
    # throughout the article
    assert (
        provinces(
            "Cảnh sát Trung Quốc giải cứu phụ nữ bị bán",
            "",
            "Cảnh sát điều tra tại 8 tỉnh gồm Giang Tây, An Huy và Hà Nam. "
            "Giới chức Hà Nam cho biết đã bắt 5 người.",
        )
        == []
    )
    assert provinces("Máy bay hạ cánh khẩn ở thành phố Trịnh Châu, tỉnh Hà Nam") == []
    # a Vietnamese address that starts like a country is still Vietnamese
    assert provinces("Tai nạn trên quốc lộ ở huyện Mỹ Xuyên, Sóc Trăng") == ["Sóc Trăng"]
    assert provinces("Lũ cuốn trôi nhà dân ở Hà Nam") == ["Hà Nam"]


def test_livestock_doctored_before_slaughter_is_food_safety() -> None:
    assert topics("Bắt quả tang người đàn ông bơm nước vào đàn heo trước khi giết mổ") == [
        "An toàn thực phẩm"
    ]
    assert topics("Phát hiện chất tạo nạc trong thức ăn chăn nuôi") == ["An toàn thực phẩm"]


def test_hot_in_the_showbiz_sense_is_no_burn() -> None:
    assert tone("Nóng bỏng dàn thí sinh hoa hậu trong trang phục áo tắm") != "negative"


def test_a_title_opening_with_bat_is_a_catch_only_when_it_is_an_arrest() -> None:
    # crimes and common verbs that start with "bắt" are no catch, nor a team's call-up
    assert tone("Bắt cóc bé gái 5 tuổi đòi tiền chuộc") == "negative"
    assert tone("Bắt ép con gái lấy chồng") == "negative"
    assert tone("Bắt nguồn từ mâu thuẫn nhỏ") == "neutral"
    assert tone("Bắt kịp xu hướng chuyển đổi số") == "neutral"
    assert tone("Triệu tập 30 cầu thủ lên đội tuyển") == "neutral"
    assert tone("Truy bắt hai thanh niên đi xe máy không biển số") != "positive"  # still at large
    assert tone("Bắt chước phim hành động, thiếu niên nhảy lầu") != "positive"
    # the arrest of a kidnapper is still a catch
    assert tone("Bắt kẻ bắt cóc bé gái") == "positive"


def test_a_vietnamese_subunit_named_like_a_region_abroad_stays_vietnamese() -> None:
    assert provinces(
        "Tin trong ngày", "", "Đoàn khảo sát đến xã Tân Cương, TP Thái Nguyên, Thái Nguyên."
    ) == ["Thái Nguyên"]
    assert provinces("Lũ quét ở huyện Trùng Khánh, Cao Bằng") == ["Cao Bằng"]
