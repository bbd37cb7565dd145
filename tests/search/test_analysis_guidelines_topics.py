"""The labelling guidelines (docs/ANALYSIS.md) define each topic by copying its profile's
``description`` from topics.yaml: a reader labelling under the guidelines alone must see the same
definition the profiles are written from (a second blind reading missed "đạo đức công vụ", "an toàn
thông tin" and "văn hóa đọc" when only the profile names were in the text)."""

from pathlib import Path

from search.analysis.profiles import default_profiles

GUIDELINES = Path(__file__).resolve().parents[2] / "docs" / "ANALYSIS.md"


def test_the_guidelines_define_every_topic_as_its_profile_does() -> None:
    text = GUIDELINES.read_text(encoding="utf-8")
    rows = {
        cells[0]: cells[1]
        for line in text.splitlines()
        if line.startswith("| ") and len(cells := [c.strip() for c in line.strip("|").split("|")]) == 2
    }
    profiles = default_profiles()
    assert len(profiles) == 12
    for profile in profiles:
        assert rows.get(profile.name) == profile.description, profile.name
