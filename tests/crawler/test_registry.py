from pathlib import Path

import pytest

from crawler.registry import RegistryError, load_registry
from presswatch.sample_press.server import REGISTRY as SAMPLE_REGISTRY

GOOD = """
outlets:
  - id: baoa
    name: Báo A
    domain: baoa.vn
    kind: provincial-party-paper
    province: Bắc Ninh
    feeds: ["{base}/rss/home.rss"]
    sitemaps: []
    sections: []
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outlets.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_registry_loads_with_placeholders(tmp_path):
    (outlet,) = load_registry(write(tmp_path, GOOD), {"base": "http://127.0.0.1:9"})
    assert outlet.feeds == ("http://127.0.0.1:9/rss/home.rss",)
    assert outlet.routes == ["feeds"]


def test_missing_field_names_file_entry_and_field(tmp_path):
    path = write(tmp_path, GOOD.replace("    domain: baoa.vn\n", ""))
    with pytest.raises(RegistryError) as error:
        load_registry(path, {"base": "http://x"})
    message = str(error.value)
    assert str(path) in message and "outlet baoa" in message and "'domain'" in message
    assert "missing" in message


def test_unknown_key_names_entry_and_key(tmp_path):
    path = write(tmp_path, GOOD + "    colour: red\n")
    with pytest.raises(RegistryError, match=r"outlet baoa, field 'colour': unknown key"):
        load_registry(path, {"base": "http://x"})


@pytest.mark.parametrize(
    "change, field",
    [
        (("kind: provincial-party-paper", "kind: blog"), "kind"),
        (('feeds: ["{base}/rss/home.rss"]', "feeds: rss"), "feeds"),
        (('feeds: ["{base}/rss/home.rss"]', "feeds: []"), "feeds"),
        (("id: baoa", "id: Bao A"), "id"),
    ],
)
def test_bad_values_are_reported(tmp_path, change, field):
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(RegistryError, match=f"field '{field}'"):
        load_registry(path, {"base": "http://x"})


def test_duplicate_ids_and_broken_yaml(tmp_path):
    entry = GOOD.split("outlets:\n")[1]
    with pytest.raises(RegistryError, match="duplicate id"):
        load_registry(write(tmp_path, GOOD + entry), {"base": "http://x"})
    with pytest.raises(RegistryError, match="not valid YAML"):
        load_registry(write(tmp_path, "outlets: [\n  - {id: "), {})


def test_a_key_written_twice_is_refused_with_its_line(tmp_path):
    # A second feeds: pasted under the outlet used to replace the first silently.
    text = GOOD.replace("    sitemaps: []\n", "    sitemaps: []\n    feeds: []\n")
    with pytest.raises(RegistryError) as error:
        load_registry(write(tmp_path, text), {"base": "http://x"})
    message = str(error.value)
    assert "duplicate key 'feeds' at line 10" in message and "first written at line 8" in message


def test_sample_registry_is_valid():
    outlets = load_registry(SAMPLE_REGISTRY, {"sample_press": "http://127.0.0.1:1"})
    assert len(outlets) >= 5
    assert all(o.feeds or o.sitemaps or o.sections for o in outlets)
