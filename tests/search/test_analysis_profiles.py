"""Topic profiles: the shipped taxonomy, validation with clear errors, field limits, hits, evidence."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from search.analysis import ProfileError, analyze, annotate, load_profiles
from search.analysis.prepared import DocumentTokens
from search.analysis.topic_match import compile_profiles, match_profile
from search.document import Document
from search.query import matchable

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NAMES = [
    "An toàn giao thông",
    "Thu hút đầu tư",
    "Chuyển đổi số",
    "Đầu tư công",
    "Đất đai",
    "An toàn thực phẩm",
    "Môi trường",
    "Văn hóa",
    "Cải cách hành chính",
    "Công tác cán bộ",
    "An ninh trật tự",
    "Tăng trưởng kinh tế",
]


def doc(title: str, sapo: str = "", body: str = "") -> Document:
    return Document(
        url=f"https://example.vn/{abs(hash((title, sapo, body)))}",
        outlet_id="t",
        title=title,
        sapo=sapo,
        body=body,
        published_at=datetime(2025, 9, 1, tzinfo=TZ),
    )


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topics.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_taxonomy_has_the_twelve_topics() -> None:
    profiles = load_profiles()
    assert [p.name for p in profiles] == NAMES
    assert all(p.description and p.query for p in profiles)
    assert len({p.key for p in profiles}) == 12


def test_annotate_records_why_each_topic_was_tagged() -> None:
    document = annotate(
        doc("Giải ngân vốn đầu tư công đạt 62%", "Tỉnh đẩy nhanh tiến độ thi công các dự án trọng điểm.")
    )
    assert document.topics == ["Đầu tư công"]
    assert {"đầu tư công", "giải ngân"} <= set(document.explanations["topics"]["Đầu tư công"])
    assert document.explanations["topic_hits"]["Đầu tư công"] >= 3


def test_public_investment_is_not_investment_attraction() -> None:
    public = analyze(doc("Đẩy nhanh giải ngân vốn đầu tư công", "Chủ đầu tư cam kết hoàn thành trong năm."))
    assert public.topic_names == ["Đầu tư công"]
    attraction = analyze(
        doc(
            "Thu hút đầu tư công nghệ cao vào tỉnh",
            "Hội nghị xúc tiến đầu tư thu hút 20 nhà đầu tư Nhật Bản.",
        )
    )
    assert attraction.topic_names == ["Thu hút đầu tư"]


def test_ignore_phrases_do_not_count() -> None:
    # "môi trường đầu tư" and "Sở Tài nguyên và Môi trường" are not the environment.
    analysis = analyze(
        doc(
            "Cải thiện môi trường đầu tư kinh doanh",
            "Sở Tài nguyên và Môi trường rút ngắn thủ tục cho nhà đầu tư.",
        )
    )
    assert "Môi trường" not in analysis.topic_names
    assert "Thu hút đầu tư" in analysis.topic_names


def test_a_passing_body_mention_is_not_a_topic() -> None:
    analysis = analyze(
        doc(
            "Hội thi nấu cỗ truyền thống",
            "Ba mươi đội thi tham gia.",
            "Hội thi diễn ra tại nhà văn hóa xã. Ban tổ chức trao giải cho các đội.",
        )
    )
    assert analysis.topic_names == []


def test_custom_profile_file_fields_and_min_hits(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
defaults: {min_hits: 1, field_weights: {title: 3, sapo: 2, body: 1}}
profiles:
  - key: lua
    name: Lúa gạo
    description: Giá lúa gạo.
    query: '"lúa gạo" OR "giá lúa"'
    fields: [title]
  - key: body_twice
    name: Hai lần
    query: '"sầu riêng"'
    fields: [body]
    min_hits: 2
""",
    )
    profiles = load_profiles(path)
    only_body = doc("Thị trường nông sản", "", "Giá lúa tăng. Lúa gạo xuất khẩu tốt.")
    assert analyze(only_body, profiles=profiles).topic_names == []  # title-only profile
    assert analyze(doc("Giá lúa tăng mạnh"), profiles=profiles).topic_names == ["Lúa gạo"]
    assert analyze(doc("Nông sản", "", "Sầu riêng được mùa."), profiles=profiles).topic_names == []
    twice = doc("Nông sản", "", "Sầu riêng được mùa. Giá sầu riêng cao.")
    assert analyze(twice, profiles=profiles).topic_names == ["Hai lần"]


def test_negation_in_a_profile_query(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
profiles:
  - key: bao
    name: Bão
    query: 'bão -"bão giá"'
""",
    )
    profiles = load_profiles(path)
    assert analyze(doc("Bão số 3 đổ bộ"), profiles=profiles).topic_names == ["Bão"]
    assert analyze(doc("Bão số 3 và bão giá"), profiles=profiles).topic_names == []


@pytest.mark.parametrize(
    "text, profile, field, message",
    [
        ("profiles: []", "", "profiles", "non-empty"),
        ("profiles:\n  - {name: X, query: a}", "#1", "key", "required"),
        ("profiles:\n  - {key: a, query: a}", "a", "name", "required"),
        ("profiles:\n  - {key: a, name: A}", "a", "query", "required"),
        ("profiles:\n  - {key: a, name: A, query: '(a OR'}", "a", "query", "Syntax error"),
        ("profiles:\n  - {key: a, name: A, query: a, fields: [headline]}", "a", "fields", "headline"),
        ("profiles:\n  - {key: a, name: A, query: a, min_hits: 0}", "a", "min_hits", "positive"),
        ("profiles:\n  - {key: a, name: A, query: a, colour: red}", "a", "colour", "unknown"),
        ("profiles:\n  - {key: a, name: A, query: 'outlet:vnexpress'}", "a", "query", "only text terms"),
        ("profiles:\n  - {key: a, name: A, query: 'body:a', fields: [title]}", "a", "query", "outside"),
        (
            "profiles:\n  - {key: a, name: A, query: a}\n  - {key: a, name: B, query: b}",
            "a",
            "key",
            "duplicate",
        ),
        ("profiles: [", "", "", "not valid YAML"),
    ],
)
def test_validation_errors_name_file_profile_and_field(
    tmp_path: Path, text: str, profile: str, field: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as caught:
        load_profiles(path)
    error = caught.value
    assert str(path) in str(error) and message in str(error)
    assert error.profile == profile and error.field == field


def test_trigger_index_agrees_with_matching_every_profile() -> None:
    compiled = compile_profiles(load_profiles())
    samples = [
        doc("Bắc Giang thu hút đầu tư FDI", "Khu công nghiệp đón nhà đầu tư."),
        doc("Ô nhiễm sông Cầu", "Nước thải chưa qua xử lý xả ra sông.", "Cá chết hàng loạt."),
        doc("Tai nạn trên cao tốc", "Hai xe khách va chạm.", "Ùn tắc nhiều giờ."),
    ]
    for sample in samples:
        prepared = DocumentTokens(sample)
        fast = [m.name for m in compiled.match(prepared)]
        slow = [m.name for p in compiled.profiles if (m := match_profile(p, prepared))]
        assert fast == slow


def test_fast_prepared_tokens_equal_the_matchers_own() -> None:
    sample = doc(
        "Hoà Bình: KHỞI CÔNG dự án",
        "TP.HCM – Bà Rịa-Vũng Tàu, Quý I/2025.",
        "Người dân “bức xúc”… Công ty TNHH MTV Đầu tư số 1; email@x.vn\nDòng mới.",
    )
    assert DocumentTokens(sample).query_document().tokens == matchable(sample).tokens


def test_a_weak_word_alone_does_not_tag_a_topic() -> None:
    """Issue 17: "lấy mẫu" (taking samples) is not food safety without a second, food term."""
    inspection = doc(
        "Lấy mẫu nước thải tại cụm công nghiệp, không phát hiện vi phạm",
        "Đoàn kiểm tra lấy mẫu nước thải tại cụm công nghiệp Quang Châu.",
    )
    assert "An toàn thực phẩm" not in annotate(inspection).topics
    food = doc(
        "Lấy mẫu thực phẩm tại bếp ăn tập thể trường học", "Đoàn liên ngành kiểm tra an toàn thực phẩm."
    )
    assert "An toàn thực phẩm" in annotate(food).topics


def test_weak_terms_must_be_terms_of_the_query(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
profiles:
  - key: atpp
    name: ATTP
    query: '"thực phẩm" OR "lấy mẫu"'
    weak: ["ngộ độc"]
""",
    )
    with pytest.raises(ProfileError, match="weak.*ngộ độc"):
        load_profiles(path)


def test_a_land_broker_is_not_any_household_that_has_land() -> None:
    # "cò đất" (a land broker) folds to "co dat", as does "có đất" (has land): seen tagging Đất đai on
    # a sample-press article about households; the profile writes it with its diacritics (="…").
    households = analyze(
        doc(
            "Hộ nghèo có đất sản xuất được hỗ trợ giống cây trồng",
            "Mỗi hộ có đất canh tác được nhận 20 kg giống lúa.",
        )
    )
    assert "Đất đai" not in households.topic_names
    brokers = analyze(
        doc(
            "Cò đất thổi giá, người dân cần cảnh giác",
            "Tình trạng cò đất tung tin quy hoạch để đẩy giá đất nền.",
        )
    )
    assert "Đất đai" in brokers.topic_names
