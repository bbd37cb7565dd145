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


def test_a_cue_word_inside_a_proper_name_is_no_cue() -> None:
    # a campaign, a street or a company named with a cue word says nothing about the news
    assert tone("Khai mạc 'Tuần lễ xanh - Đồng hành cùng nông dân'") == "neutral"
    assert (
        tone("Sửa mặt đường Cao Thắng", "Công nhân thay lớp nhựa trên đường Cao Thắng trong đêm.")
        == "neutral"
    )
    # the same word at the start of a sentence is still a cue
    assert tone("Thành công của ca phẫu thuật tim đầu tiên ở tỉnh") == "positive"


def test_explosives_drugs_and_suspects_are_harm_and_their_catch_is_an_outcome() -> None:
    assert tone("Phát hiện quả bom nặng 200 kg trong khu dân cư") == "negative"
    assert tone("Phát hiện 50 gói hàng dương tính với cocain trong container") == "negative"
    assert tone("Thu giữ 2 tấn pháo lậu gần cửa khẩu") == "positive"
    assert tone("Bắt quả tang nhóm đối tượng đánh bạc qua mạng, thu giữ 200 triệu đồng") == "positive"
    assert tone("Khởi tố 3 bị can trong vụ làm nhục cô gái") == "positive"


def test_public_criticism_of_an_official_or_a_brand_is_bad_news() -> None:
    assert tone("Chậm giải quyết hồ sơ đất, chủ tịch xã bị phê bình") == "negative"
    assert tone("Quảng cáo của hãng đồ ăn nhanh bị ném đá") == "negative"


def test_a_forecast_or_a_ban_in_the_title_is_not_decided_by_the_body() -> None:
    assert (
        tone(
            "Dự báo thời tiết ngày mai: miền núi có mưa to",
            "Các tỉnh miền núi phía Bắc có mưa vừa, mưa to.",
            "Mưa lớn có thể gây lũ quét, sạt lở đất, ngập úng, gây thiệt hại và tai nạn.",
        )
        == "neutral"
    )
    assert (
        tone(
            "Hồ nước trong mỏ đá bị rào chắn, cấm người dân đến gần",
            "Chính quyền xã căng dây cấm người dân xuống hồ chụp ảnh.",
            "Hồ sâu, nguy hiểm; đã có tai nạn đuối nước, người chết. Tụ tập trái phép gây mất an toàn.",
        )
        == "neutral"
    )


def test_the_titles_catch_solves_the_crime_its_sapo_tells() -> None:
    assert (
        tone(
            "Bắt giám đốc công ty xây dựng ở Bình Dương",
            "Dù đã bị thu hồi giấy phép, ông Dũng vẫn ký hợp đồng với các đối tác, chiếm đoạt 2 tỉ đồng.",
        )
        == "positive"
    )
    # against someone of the state, the wrongdoing stays the news
    assert (
        tone("Bắt nguyên chủ tịch xã ở Bình Dương", "Ông Dũng đã chiếm đoạt 2 tỉ đồng tiền bồi thường.")
        == "negative"
    )


def test_alarm_framing_tells_the_harm_even_when_people_escaped() -> None:
    assert tone("Kinh hoàng xe tải lao vào chợ, chủ sạp thoát chết trong gang tấc") == "negative"
    assert tone("Hú hồn ô tô bốc cháy trên cao tốc, 3 người sống sót") == "negative"
    # a plain survival headline stays good news
    assert tone("Tài xế thoát chết khi xe khách bốc cháy") == "positive"


def test_forces_mobilised_to_a_harm_are_a_response_not_a_result() -> None:
    assert tone("Tỉnh huy động 200 người giải cứu công nhân mắc kẹt trong hầm") == "neutral"
    assert tone("Điều động 3 tàu tìm kiếm ngư dân mất tích") == "neutral"


def test_an_approval_or_a_rule_issued_is_not_the_harm_it_deals_with() -> None:
    assert tone("Phê duyệt phương án cưỡng chế công trình sai phạm ven sông") == "neutral"
    assert tone("Tỉnh ban hành quy định mới về xử phạt lấn chiếm vỉa hè") == "neutral"


def test_a_death_outweighs_a_rescue_or_a_find_beside_it() -> None:
    assert tone("Lao xuống sông cứu bạn, nam sinh tử vong") == "negative"
    assert tone("Tìm thấy thi thể ngư dân mất tích trên biển") == "negative"
    # the missing found alive is a rescue; an arrest still solves a killing
    assert tone("Tìm thấy 2 ngư dân mất tích trên biển") == "positive"
    assert tone("Bắt kẻ sát hại 2 người ở bãi biển") == "positive"


def test_direction_words_govern_measures_of_the_economy() -> None:
    assert tone("Kim ngạch xuất khẩu của tỉnh tăng 12% trong quý I") == "positive"
    assert tone("Xuất khẩu cà phê cán mốc 3 tỉ USD") == "positive"
    assert tone("Thu ngân sách của tỉnh giảm mạnh trong 6 tháng") == "negative"
    # a measure named without a direction is no news
    assert tone("Hải quan công bố số liệu xuất khẩu tháng 5") == "neutral"


def test_a_personnel_change_is_neutral_whatever_the_body_recounts() -> None:
    assert (
        tone(
            "Giám đốc sở xin nghỉ hưu trước tuổi",
            "Ông Nam có đơn xin nghỉ hưu trước tuổi để nhường chỗ cho cán bộ trẻ.",
            "Năm 2016 ông bị kỷ luật khiển trách vì sai phạm trong quản lý đất đai.",
        )
        == "neutral"
    )


def test_a_refuted_rumour_is_not_the_harm_it_names() -> None:
    assert tone("Chủ tịch huyện: Cá độc cắn 20 phút chết là tin giật gân") == "neutral"
    assert tone("Thông tin 3 học sinh ngộ độc sữa là sai sự thật") == "neutral"


def test_a_task_not_completed_is_a_failure_and_tax_owed_is_harm() -> None:
    assert tone("Nhà máy thép chưa hoàn thành 20 hạng mục bảo vệ môi trường") == "negative"
    assert tone("Công khai 300 doanh nghiệp nợ thuế 2.000 tỉ đồng") == "negative"


def test_a_barrier_against_a_harm_is_its_remedy_not_a_result() -> None:
    assert tone("Đóng cọc thép ngăn bờ sông tiếp tục sạt lở") == "neutral"


def test_a_threat_of_punishment_is_not_the_harm_happening() -> None:
    assert tone("Mọi hành vi tấn công mạng sẽ bị xử lý nghiêm") == "neutral"
    # the harm that happened stays news
    assert tone("Tin tặc tấn công mạng sân bay, nhiều chuyến bay bị chậm") == "negative"


def test_praise_of_looks_mood_or_ceremony_is_colour_not_news() -> None:
    assert tone("Showbiz rực rỡ: dàn sao Việt ấn tượng trên thảm đỏ") == "neutral"
    assert (
        tone(
            "Tỉnh tham gia mạng lưới các thành phố văn hóa",
            "Ba thành phố được chọn vào mạng lưới.",
            "Các đại biểu đánh giá cao sáng kiến. Chương trình nổi bật, hấp dẫn, đặc sắc.",
        )
        == "neutral"
    )
    # an achievement is still good news
    assert tone("Tỉnh đón 2 triệu lượt khách, vượt kế hoạch năm") == "positive"


def test_the_police_words_for_a_catch_or_a_sentence_are_outcomes() -> None:
    assert tone("Kẻ trộm xe máy liên tỉnh sa lưới") == "positive"
    assert tone("Dẫn độ nghi phạm giết người về nước") == "positive"
    assert tone("Y án chung thân kẻ sát hại hai người") == "positive"
