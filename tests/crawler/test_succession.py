"""Succession in the registry: merged_into, predecessors, lifetimes, and attribution by date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crawler.registry import RegistryError, load_registry
from crawler.succession import attribute, group_of

# Báo A and Đài A merge in April into "Báo và Đài A", which merges with Báo B in July into the
# province's agency: two successive successors for Báo A, and the agency keeps Báo A's host.
FAMILY = """
outlets:
  - id: baoa
    name: Báo A
    domain: baoa.vn
    kind: provincial-party-paper
    province: A
    feeds: ["https://baoa.vn/rss/home.rss"]
    sitemaps: []
    sections: []
    active_until: 2025-04-14
    merged_into: baodaia
  - id: daia
    name: Đài PT-TH A
    domain: daia.vn
    kind: provincial-tv
    province: A
    feeds: []
    sitemaps: []
    sections: ["https://daia.vn/"]
    active_until: 2025-04-14
    merged_into: baodaia
  - id: baodaia
    name: Báo và Đài PT-TH A
    domain: baoa.vn
    kind: provincial-press-agency
    province: A
    feeds: ["https://baoa.vn/rss/home.rss"]
    sitemaps: []
    sections: []
    active_from: 2025-04-15
    active_until: 2025-06-30
    merged_into: agency
  - id: baob
    name: Báo B
    domain: baob.vn
    kind: provincial-party-paper
    province: B
    feeds: ["https://baob.vn/rss/home.rss"]
    sitemaps: []
    sections: []
    active_until: 2025-06-30
    merged_into: agency
  - id: agency
    name: Báo và Phát thanh, Truyền hình AB
    domain: baoab.vn
    aliases: [baoa.vn, baob.vn]
    kind: provincial-press-agency
    province: B
    feeds: ["https://baoab.vn/rss/home.rss"]
    sitemaps: []
    sections: []
    active_from: 2025-07-01
    predecessors: [baob, baodaia]
    evidence: {name: verified, domain: seen, active_from: verified, feeds: guessed}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outlets.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, text: str = FAMILY):
    return {o.id: o for o in load_registry(write(tmp_path, text))}


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, text))
    return str(caught.value)


def test_predecessors_are_computed_and_chains_grouped(tmp_path):
    outlets = load(tmp_path)
    assert set(outlets["agency"].predecessors) == {"baob", "baodaia"}
    assert set(outlets["baodaia"].predecessors) == {"baoa", "daia"}
    assert outlets["agency"].active_from == dt.date(2025, 7, 1)
    assert outlets["agency"].evidence["name"] == "verified"
    assert {group_of(outlets, i) for i in outlets} == {"agency"}


def test_an_article_is_attributed_to_the_outlet_active_on_its_date(tmp_path):
    outlets = load(tmp_path)
    url = "https://baoa.vn/thoi-su/tin-123.html"
    assert attribute(outlets, "agency", url, dt.date(2025, 3, 2)) == "baoa"
    assert attribute(outlets, "agency", url, dt.datetime(2025, 5, 2, 9, 30)) == "baodaia"
    assert attribute(outlets, "agency", url, dt.date(2025, 7, 1)) == "agency"
    assert attribute(outlets, "agency", "https://baob.vn/a-1.html", dt.date(2024, 1, 1)) == "baob"
    # A host no predecessor owns stays with the crawled outlet, as does an undated article.
    assert attribute(outlets, "agency", "https://baoab.vn/a-1.html", dt.date(2024, 1, 1)) == "agency"
    assert attribute(outlets, "agency", url, None) == "agency"


def test_successor_must_exist(tmp_path):
    message = error_of(
        tmp_path, FAMILY.replace("merged_into: agency\n  - id: baob", "merged_into: nowhere\n  - id: baob")
    )
    assert "outlet baodaia, field 'merged_into'" in message and "nowhere" in message


def test_merge_into_itself_and_cycles_are_refused(tmp_path):
    assert "field 'merged_into'" in error_of(
        tmp_path, FAMILY.replace("merged_into: agency\n  - id: baob", "merged_into: baodaia\n  - id: baob")
    )
    # agency → baob → agency
    cyclic = FAMILY.replace(
        "    active_from: 2025-07-01\n    predecessors: [baob, baodaia]\n",
        "    active_from: 2025-07-01\n    active_until: 2025-12-31\n    merged_into: baob\n",
    )
    cyclic = cyclic.replace(
        "    sections: []\n    active_until: 2025-06-30\n    merged_into: agency\n  - id: agency",
        "    sections: []\n    merged_into: agency\n    active_until: 2026-06-30\n  - id: agency",
    )
    message = error_of(tmp_path, cyclic)
    assert "cycle" in message and "field 'merged_into'" in message


def test_successor_must_be_active_the_day_after_the_predecessors_end(tmp_path):
    # A gap: Báo B ends on 30 June but the agency only starts on 2 July.
    message = error_of(tmp_path, FAMILY.replace("active_from: 2025-07-01", "active_from: 2025-07-02"))
    assert "field 'active_until'" in message and "successor agency is not active on 2025-07-01" in message
    # The successor ended before the predecessor did.
    message = error_of(
        tmp_path,
        FAMILY.replace(
            "active_until: 2025-04-14\n    merged_into: baodaia",
            "active_until: 2025-07-14\n    merged_into: baodaia",
            1,
        ),
    )
    assert "outlet baoa, field 'active_until'" in message


def test_dates_are_ordered_and_well_formed(tmp_path):
    message = error_of(tmp_path, FAMILY.replace("active_from: 2025-04-15", "active_from: 2025-07-15"))
    assert "outlet baodaia, field 'active_until'" in message and "before it starts" in message
    message = error_of(tmp_path, FAMILY.replace("active_from: 2025-07-01", "active_from: 1 July 2025"))
    assert "outlet agency, field 'active_from'" in message and "2025-07-01" in message


def test_a_merged_outlet_needs_an_end_date(tmp_path):
    message = error_of(
        tmp_path,
        FAMILY.replace(
            "    active_until: 2025-06-30\n    merged_into: agency\n  - id: agency",
            "    merged_into: agency\n  - id: agency",
        ),
    )
    assert "outlet baob, field 'active_until'" in message


def test_written_predecessors_must_match_merged_into(tmp_path):
    message = error_of(tmp_path, FAMILY.replace("predecessors: [baob, baodaia]", "predecessors: [baob]"))
    assert "outlet agency, field 'predecessors'" in message and "baodaia" in message


def test_a_shared_host_needs_non_overlapping_dates(tmp_path):
    # The April agency takes over baoa.vn while Báo A is still active.
    message = error_of(
        tmp_path,
        FAMILY.replace(
            "active_until: 2025-04-14\n    merged_into: baodaia",
            "active_until: 2025-04-20\n    merged_into: baodaia",
            1,
        ),
    )
    assert "field 'domain'" in message and "baoa.vn" in message


@pytest.mark.parametrize(
    "evidence, wanted",
    [
        ("{name: sure}", "grade of 'name'"),
        ("{colour: seen}", "unknown fact 'colour'"),
        ("[]", "must map"),
    ],
)
def test_bad_evidence_names_the_field(tmp_path, evidence, wanted):
    message = error_of(
        tmp_path,
        FAMILY.replace("{name: verified, domain: seen, active_from: verified, feeds: guessed}", evidence),
    )
    assert "outlet agency, field 'evidence'" in message and wanted in message


def test_loaded_outlets_know_their_group_and_the_outlets_they_succeeded(tmp_path):
    outlets = load(tmp_path)
    assert {o.group for o in outlets.values()} == {"agency"}
    assert {o.id for o in outlets["agency"].succeeded} == {"baoa", "daia", "baodaia", "baob"}
    assert all(o.group == "agency" for o in outlets["agency"].succeeded)
