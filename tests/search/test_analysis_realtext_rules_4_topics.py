"""Topic rules of issue 17's fourth session: each test fails on the analyser before the rule.
Sentences written for the test under docs/ANALYSIS.md's topic guidelines (none copies an article
of the real-text set); each term class comes from a topic's definition, not from one article."""

from __future__ import annotations

from search.analysis import analyze
from tests.search.test_analysis_realtext_rules import doc


def topics(title: str, sapo: str = "", body: str = "") -> list[str]:
    return analyze(doc(title, sapo, body)).topic_names


def test_a_term_matches_with_its_diacritics_not_a_look_alike_word() -> None:
    # folded, these are "từ bỏ", "lắng nghe", "số đó", "trong rừng", "điểm đến", "báo tăng"
    assert topics("Anh ta quyết định từ bỏ thói quen cũ sau nhiều năm") == []
    assert topics("Lãnh đạo huyện lắng nghe ý kiến của người dân về giá điện") == []
    assert topics("Con số đó cho thấy người dân ngày càng tin dùng hàng Việt") == []
    assert topics("Đoàn khách lạc trong rừng suốt hai ngày đêm đã được tìm thấy") == []
    assert topics("Đà Lạt là điểm đến hấp dẫn của du khách dịp cuối năm") == []
    assert topics("Ngân hàng Thế giới dự báo tăng trưởng của Việt Nam đạt 6,5%") != ["Văn hóa"]
    # the words themselves still tag
    assert topics("Tu bổ, tôn tạo di tích đình làng Đình Bảng") == ["Văn hóa"]
    assert topics("Cấp sổ đỏ cho hơn 2.000 hộ dân ở huyện Yên Dũng") == ["Đất đai"]
    assert "Môi trường" in topics("Trồng rừng thay thế sau khai thác khoáng sản")


def test_exact_must_be_true_or_false(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from search.analysis import ProfileError, load_profiles

    path = tmp_path / "topics.yaml"
    path.write_text("profiles:\n  - {key: k, name: K, query: '\"sổ đỏ\"', exact: 'yes'}\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="'exact': true or false"):
        load_profiles(path)
    path.write_text("profiles:\n  - {key: k, name: K, query: '\"sổ đỏ\"', exact: true}\n", encoding="utf-8")
    assert load_profiles(path)[0].leaves[0].exact


def test_digital_government_and_the_digital_economy_are_digital_transformation() -> None:
    assert topics(
        "Tỉnh đưa vào vận hành hệ thống chính quyền điện tử",
        "Người dân theo dõi hồ sơ qua ứng dụng trên điện thoại.",
    ) == ["Chuyển đổi số"]
    assert topics("100% doanh nghiệp dùng hóa đơn điện tử từ tháng 7") == ["Chuyển đổi số"]
    assert topics("Bệnh viện tỉnh triển khai bệnh án điện tử") == ["Chuyển đổi số"]
    assert "Chuyển đổi số" in topics("Hội thảo ứng dụng cách mạng công nghiệp 4.0 trong nông nghiệp")
    # a smart city alone is a weak sign (often a property development)
    assert "Chuyển đổi số" not in topics("Tập đoàn bất động sản khởi công khu đô thị thông minh 500 ha")


def test_online_public_services_are_also_administrative_reform() -> None:
    found = topics(
        "Tỉnh đặt mục tiêu 80% dịch vụ công trực tuyến mức độ 4",
        "Người dân nộp hồ sơ qua cổng dịch vụ công, không phải đến trụ sở.",
    )
    assert set(found) == {"Chuyển đổi số", "Cải cách hành chính"}
    assert topics("Sở Nội vụ ban hành quy tắc ứng xử của cán bộ trên mạng xã hội") == ["Cải cách hành chính"]


def test_state_financed_works_are_public_investment() -> None:
    assert topics(
        "ADB duyệt khoản vay ưu đãi 150 triệu USD làm đường ở 4 tỉnh miền núi",
        "Khoản vay ưu đãi dành cho các dự án cơ sở hạ tầng nông thôn.",
    ) == ["Đầu tư công"]
    assert topics("Bổ sung 2.000 tỉ đồng vốn trái phiếu chính phủ cho tuyến đường ven biển") == [
        "Đầu tư công"
    ]
    assert topics("Ban quản lý dự án giao thông tỉnh bị chậm bàn giao mặt bằng") == ["Đầu tư công"]
    # a weak word alone: a hospital's purchase, a loan to a family, a motorway crash
    assert "Đầu tư công" not in topics("Bệnh viện huyện tổ chức đấu thầu mua thuốc")
    assert "Đầu tư công" not in topics("Xe khách lật trên cao tốc, 3 người bị thương")


def test_a_company_described_as_foreign_invested_is_not_investment_news() -> None:
    assert (
        topics(
            "Công nhân doanh nghiệp FDI được thưởng Tết cao nhất 50 triệu đồng",
            "Mức thưởng bình quân ở khối doanh nghiệp có vốn đầu tư nước ngoài tăng 10%.",
        )
        == []
    )
    assert topics("Tỉnh cấp phép đầu tư cho 12 dự án FDI trong quý I") == ["Thu hút đầu tư"]


def test_the_word_van_hoa_in_names_and_idioms_is_not_culture() -> None:
    assert topics("Sạt lở vùi lấp nhà văn hóa thôn") == []
    assert topics("Nhiều học sinh bỏ học văn hóa để đi làm thuê") == []
    assert topics("Hai em nhỏ đuối nước ở ao đình làng") == []
    # heritage, religious life and traditional arts are
    assert topics("Hàng vạn du khách về chùa Hương dự lễ hội đầu năm") == ["Văn hóa"]
    assert topics("Phục dựng nghệ thuật ca trù ở làng cổ") == ["Văn hóa"]
    assert topics("Khai quật khảo cổ phát hiện nhiều cổ vật thời Lý") == ["Văn hóa"]


def test_drugs_explosives_and_sexual_crimes_by_name_are_crime() -> None:
    assert topics("Phát hiện 50 bánh heroin giấu trong thùng loa") == ["An ninh trật tự"]
    assert topics("Thu giữ 2 tấn pháo nổ tại khu vực biên giới") == ["An ninh trật tự"]
    assert topics("Phát hiện lựu đạn trước cổng nhà dân") == ["An ninh trật tự"]
    assert topics("Gã đàn ông dâm ô bé gái 8 tuổi") == ["An ninh trật tự"]
    # overcharging is "chém" in quotes, a firework show is no crime
    assert topics("Du khách bị 'chém' 2 triệu đồng cho đĩa hải sản") == []
    assert topics("Bắn pháo hoa mừng năm mới tại 5 điểm") == []


def test_gas_poisoning_is_not_food_wild_mushrooms_are() -> None:
    assert topics("Ba công nhân nhập viện do ngộ độc khí trong hầm") == []
    assert topics("Cả gia đình nhập viện sau khi ăn nấm độc hái trên rừng") == ["An toàn thực phẩm"]


def test_the_economy_grows_a_bank_or_a_harvest_is_no_growth_news() -> None:
    assert topics("Quý III, GDP tăng 7,2%") == ["Tăng trưởng kinh tế"]
    assert topics("Ngân hàng có tốc độ tăng trưởng tín dụng cao nhất hệ thống") == []


def test_environment_as_a_setting_is_not_the_environment() -> None:
    assert topics("Xây dựng môi trường giáo dục an toàn, thân thiện") == []
    assert topics("Xử lý triệt để ô nhiễm dioxin tại sân bay") == ["Môi trường"]
    assert "Môi trường" in topics("Bắt đối tượng vận chuyển 3 con tê tê và ngà voi")


def test_injuries_at_home_are_not_traffic_accidents() -> None:
    assert topics("Phòng chống tai nạn thương tích cho trẻ em dịp hè") == []


def test_prime_land_and_stalled_plans_are_land() -> None:
    assert topics("Thanh tra việc giao khu đất vàng cho doanh nghiệp") == ["Đất đai"]
    assert "Đất đai" in topics("Quy hoạch treo 20 năm, người dân không được xây nhà")


def test_suspension_and_civil_service_recruitment_are_staffing() -> None:
    assert topics("Đình chỉ công tác hiệu trưởng trường tiểu học") == ["Công tác cán bộ"]
    assert topics("Tỉnh tổ chức thi tuyển công chức cấp xã năm 2025") == ["Công tác cán bộ"]


def test_one_shop_and_a_company_fined_are_no_one_stop_office() -> None:
    assert topics("Cháy một cửa hàng điện máy lúc rạng sáng") != ["Cải cách hành chính"]
    assert "Cải cách hành chính" not in topics(
        "Xử phạt vi phạm hành chính công ty xả thải ra sông", "Sở Tài nguyên lập biên bản."
    )
    assert topics("Bộ phận một cửa của huyện giải quyết hồ sơ đúng hẹn 100%") == ["Cải cách hành chính"]


def test_a_company_board_and_a_popularity_vote_are_not_staffing() -> None:
    assert (
        topics(
            "Ông A được bầu làm chủ tịch hội đồng quản trị tập đoàn",
            "Đại hội đồng cổ đông thường niên bầu bổ sung thành viên HĐQT, miễn nhiệm hai phó tổng giám đốc.",
        )
        == []
    )
    assert topics("Chùa cổ được bầu chọn vào top 10 ngôi chùa đẹp nhất châu Á") != ["Công tác cán bộ"]
    assert topics("Bổ nhiệm phó giám đốc Sở Y tế") == ["Công tác cán bộ"]


def test_investors_of_any_project_are_not_investment_promotion() -> None:
    assert topics("Bộ phim được nhà đầu tư rót 20 tỉ đồng trước ngày bấm máy") == []
    assert topics("Tỉnh trao quyết định chủ trương đầu tư cho 5 nhà đầu tư") == ["Thu hút đầu tư"]


def test_a_headline_about_foreign_leaders_or_cities_has_no_topic() -> None:
    assert topics("Trump thăm khu vực cháy rừng, kêu gọi trồng rừng") == []
    assert topics("Cảnh sát Bangkok bắt băng nhóm buôn ma túy") == []


def test_van_hoa_alone_is_any_way_of_life_culture_needs_its_own_words() -> None:
    assert (
        topics("Ca sĩ trẻ ra mắt album mới", "", "Anh mang văn hóa hip hop lên sân khấu nhà hát lớn.") == []
    )
    assert topics("Phát huy giá trị văn hóa truyền thống của đồng bào Mông") == ["Văn hóa"]
    assert topics("Hàng nghìn người dự giỗ Tổ Hùng Vương") == ["Văn hóa"]


def test_a_city_named_once_in_a_national_article_is_no_subject() -> None:
    national = analyze(
        doc(
            "Ngân hàng Thế giới nâng dự báo tăng trưởng GDP của Việt Nam",
            "Kinh tế Việt Nam được dự báo tăng 6,8% năm nay.",
            "Báo cáo được công bố tại cuộc họp báo ở Hà Nội sáng 10-4. Xuất khẩu và vốn FDI tiếp tục tăng.",
        )
    )
    assert national.provinces == []
    assert national.topic_names == ["Tăng trưởng kinh tế"]  # still news about Vietnam
    # a local article keeps its one city, and a city named twice in a national article stays
    local = analyze(
        doc("Xe tải lật, tài xế bị thương", "", "Vụ tai nạn xảy ra trên quốc lộ 1 qua Quảng Ngãi.")
    )
    assert local.provinces[:1] == ["Quảng Ngãi"]
    twice = analyze(
        doc(
            "Việt Nam đón 10 triệu lượt khách quốc tế",
            "",
            "Đà Nẵng đón nhiều khách nhất. Đà Nẵng cũng dẫn đầu về doanh thu du lịch.",
        )
    )
    assert "Đà Nẵng" in twice.provinces


def test_a_developer_of_any_project_is_not_public_investment() -> None:
    assert topics("Cư dân chung cư bức xúc vì chủ đầu tư chậm bàn giao sổ") != ["Đầu tư công"]
    assert topics("Chủ đầu tư dự án cầu vượt dùng vốn ngân sách tỉnh cam kết thông xe đúng hạn") == [
        "Đầu tư công"
    ]


def test_a_door_forced_or_a_plane_crash_is_no_road_traffic() -> None:
    assert "An toàn giao thông" not in topics("Lính cứu hỏa tông cửa cứu 5 người mắc kẹt trong đám cháy")
    assert topics("Tai nạn máy bay ở Indonesia, 12 người thiệt mạng") == []


def test_investors_surveying_a_province_and_cyber_attacks_by_name() -> None:
    assert topics("Đoàn doanh nghiệp Hàn Quốc khảo sát đầu tư tại Bắc Ninh") == ["Thu hút đầu tư"]
    assert topics("Tỉnh giới thiệu cơ hội đầu tư vào nông nghiệp công nghệ cao") == ["Thu hút đầu tư"]
    assert topics("Tin tặc tấn công cổng thông tin của sở, đánh cắp dữ liệu") == ["Chuyển đổi số"]
    # a new 4G mast alone is no digital transformation
    assert topics("Nhà mạng lắp thêm trạm 4G ở vùng biên") == []


def test_a_head_office_is_no_subject_beside_where_the_news_happens() -> None:
    found = analyze(
        doc(
            "Ngân hàng khai trương chi nhánh mới",
            "Ngân hàng có trụ sở chính tại Hà Nội vừa khai trương chi nhánh ở Đà Nẵng.",
            "Chi nhánh phục vụ doanh nghiệp Đà Nẵng.",
        )
    )
    assert found.provinces == ["Đà Nẵng"]


def test_festival_games_named_cuop_are_no_robbery() -> None:
    assert "An ninh trật tự" not in topics("Hàng nghìn người dự hội cướp phết đầu xuân")


def test_worship_at_pagodas_in_the_new_year_is_culture() -> None:
    assert topics("Người dân nô nức lễ chùa đầu năm mới") == ["Văn hóa"]
