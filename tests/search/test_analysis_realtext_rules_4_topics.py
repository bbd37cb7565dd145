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
