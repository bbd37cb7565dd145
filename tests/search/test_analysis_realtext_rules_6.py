"""Rules of issue 17's fifth session, second helper (tune6): the general classes that batch 3's
errors showed once they were read after session 5's tuning (docs/ANALYSIS.md "Rules added in
session 5"). Each test fails on the analyser before its rule. Short sentences written or
paraphrased as staff would read them, never one article's wording."""

from __future__ import annotations

from search.analysis import analyze
from tests.search.test_analysis_realtext_rules import doc


def tone(title: str, sapo: str = "", body: str = "") -> str:
    return analyze(doc(title, sapo, body)).tone.label


def topics(title: str, sapo: str = "", body: str = "") -> list[str]:
    return analyze(doc(title, sapo, body)).topic_names


def test_police_outcomes_in_the_press_s_words_are_catches() -> None:
    # "đánh sập" a ring is a bust, not a collapse; "vào tù" and "bắt giam" are sentences and arrests
    assert tone("Đánh sập đường dây cá độ bóng đá qua mạng") == "positive"
    assert tone("Hai kẻ buôn ma túy cùng vào tù") == "positive"
    assert tone("Bắt giam thanh niên quen bạn gái 15 tuổi qua mạng") == "positive"
    # a building that collapses is still harm
    assert tone("Nhà ba tầng bất ngờ đổ sập") == "negative"


def test_a_state_word_naming_the_victim_keeps_the_catch() -> None:
    assert tone("Bắt đối tượng dùng dao chống trả khiến một cán bộ công an bị thương") == "positive"
    assert tone("Bắt đối tượng hành hung cán bộ thuế") == "positive"
    # the state as the offender stays negative
    assert tone("Bắt cán bộ địa chính nhận hối lộ") == "negative"
    assert tone("Khởi tố nguyên phó phòng tham ô") == "negative"


def test_saving_the_victim_or_freeing_someone_is_a_rescue() -> None:
    assert tone("Cảnh sát cứu nạn nhân mắc kẹt trong đám cháy") == "positive"
    assert tone("Ba cô gái bị lừa bán được cảnh sát giải thoát") == "positive"
    # the rescue service alone is no rescue
    assert tone("Lực lượng cứu nạn diễn tập tại cảng") == "neutral"


def test_spoiled_meat_is_food_safety_and_bad_news_even_when_seized() -> None:
    title = "Nửa tấn thịt có giòi trên đường đi tiêu thụ"
    sapo = "Bốn bao tải thịt lợn bốc mùi hôi thối bị nhà chức trách bắt giữ."
    assert tone(title, sapo) == "negative"
    assert "An toàn thực phẩm" in topics(title, sapo)
    assert "An toàn thực phẩm" in topics("Hơn nửa tấn mỡ bò thối tuồn vào thành phố")


def test_a_king_s_name_on_a_school_or_street_is_no_collision() -> None:
    text = "Mảng vữa trần phòng học sập xuống tại Trường THPT Trần Nhân Tông, một học sinh bị thương."
    assert "An toàn giao thông" not in topics("Lại sập mảng vữa trần phòng học", text, text)


def provinces(title: str, sapo: str = "", body: str = "") -> list[str]:
    return analyze(doc(title, sapo, body)).places.old


def test_a_province_name_placed_in_a_part_of_a_country_abroad_is_abroad() -> None:
    # "tỉnh Hà Nam, miền trung Trung Quốc" is Henan, and so is the same name elsewhere in the article
    assert (
        provinces(
            "Ba cô gái Việt được cảnh sát nước bạn giải thoát",
            "Cảnh sát tỉnh Hà Nam giải cứu ba cô gái bị lừa sang Trung Quốc.",
            "Ông chủ một nhà hàng ở tỉnh Hà Nam, miền trung Trung Quốc, đã báo cảnh sát.",
        )
        == []
    )
    # a Vietnamese province placed in its own country's region stays
    assert provinces("Lũ lớn ở Hà Nam", "Nước dâng cao tại tỉnh Hà Nam, miền Bắc Việt Nam.") == ["Hà Nam"]


def test_nguyen_marks_the_state_only_as_former() -> None:
    # "nguyên" is "former" before a title; in a place name, a cause or a material it is no one of the state
    assert tone("Bắt giam thanh niên từ Tây Nguyên đến miền Tây") == "positive"
    assert tone("Bắt nhóm trộm cắp tài sản ở Thái Nguyên") == "positive"
    assert tone("Khởi tố nguyên trưởng công an xã nhận hối lộ") == "negative"


def test_touting_travellers_is_harm() -> None:
    assert tone("Cò taxi chèo kéo khách ở sân bay") == "negative"
    assert tone("Xử lý dứt điểm tình trạng chèo kéo khách") != "negative"


def test_a_catch_of_someone_of_the_state_is_negative_even_without_a_harm_word() -> None:
    # a search or an arrest done to someone of the state: wrongdoing inside the state
    assert tone("Khám nhà cựu chủ tịch tập đoàn nhà nước") == "negative"
    assert tone("Nguyên chủ tịch xã bị bắt") == "negative"
    # the same step against an offender outside the state reports the catch
    assert tone("Khám xét nhà đối tượng buôn ma túy") == "positive"
    # the state acting is no wrongdoing
    assert tone("Chủ tịch tỉnh chỉ đạo xử phạt nghiêm") != "negative"


def test_forest_fires_wildlife_released_and_speed_limits_have_their_topics() -> None:
    # "rừng cháy" is "cháy rừng" in the other order; wildlife set free; a speed limit is traffic
    assert "Môi trường" in topics("Hàng nghìn người dập lửa, rừng cháy suốt đêm")
    assert "Môi trường" in topics("Hàng trăm con rắn được thả về rừng tự nhiên")
    assert "An toàn giao thông" in topics("Đề xuất tốc độ tối đa trên đường vành đai là 80 km/h")


def test_what_a_traveller_left_behind_returned_is_a_good_deed() -> None:
    assert tone("Tiếp viên trả hơn 100 triệu đồng khách bỏ quên") == "positive"
