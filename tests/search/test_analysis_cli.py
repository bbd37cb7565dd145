"""`presswatch analyze FILE` and `presswatch retag` (click commands in presswatch/commands/analysis.py)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from presswatch.commands.analysis import analyze_command, retag_command
from search.backends.embedded import EmbeddedBackend
from search.document import Document

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Bắc Giang ra quân xử lý vi phạm nồng độ cồn</title>
<meta property="og:title" content="Bắc Giang ra quân cao điểm xử lý vi phạm nồng độ cồn">
<meta property="article:published_time" content="2025-10-02T08:30:00+07:00">
<link rel="canonical" href="https://baobacgiang.example/atgt-1.html">
</head><body><article>
<h1>Bắc Giang ra quân cao điểm xử lý vi phạm nồng độ cồn</h1>
<p class="sapo"><strong>Công an tỉnh Bắc Giang triển khai đợt cao điểm tổng kiểm soát phương tiện, tập trung
xử lý người điều khiển phương tiện vi phạm nồng độ cồn, tốc độ.</strong></p>
<div class="content">
<p>Trong tuần đầu ra quân, lực lượng cảnh sát giao thông đã lập biên bản 326 trường hợp vi phạm, trong đó
142 trường hợp vi phạm nồng độ cồn. Các tổ công tác được bố trí tại các tuyến quốc lộ 1, quốc lộ 31.</p>
<p>Đại tá Nguyễn Văn Khoa, Phó Giám đốc Công an tỉnh cho biết mục tiêu là kéo giảm tai nạn giao thông cuối
năm, bảo đảm trật tự an toàn giao thông dịp Tết, góp phần giữ bình yên cho nhân dân.</p>
</div></article></body></html>"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "bai.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_analyze_prints_topics_provinces_tone_and_keywords(page: Path) -> None:
    result = CliRunner().invoke(analyze_command, [str(page)])
    assert result.exit_code == 0, result.output
    assert "An toàn giao thông" in result.output and "nồng độ cồn" in result.output
    assert "(old): Bắc Giang" in result.output and "(new):    Bắc Ninh" in result.output
    assert "Sắc thái / tone:" in result.output and "Từ khóa / keywords:" in result.output


def test_analyze_json(page: Path) -> None:
    result = CliRunner().invoke(analyze_command, [str(page), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["topics"][0]["name"] == "An toàn giao thông"
    assert report["provinces"]["old"] == ["Bắc Giang"] and report["provinces"]["new"] == ["Bắc Ninh"]
    assert report["tone"]["label"] in ("negative", "neutral", "positive") and report["tone"]["cues"]
    assert report["focus"]["province"] == "Bắc Ninh"
    assert report["keywords"] and all(set(k) == {"phrase", "count"} for k in report["keywords"])


def test_analyze_reports_a_page_that_is_not_an_article(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><p>Trang chủ</p></body></html>", encoding="utf-8")
    result = CliRunner().invoke(analyze_command, [str(path), "--json"])
    assert result.exit_code == 1 and json.loads(result.output)["not_article"] is True


def test_retag_reapplies_profiles_to_stored_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSWATCH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PRESSWATCH_ELASTICSEARCH_URL", "")
    index = EmbeddedBackend(tmp_path / "index.sqlite3")
    stale = Document(
        url="https://baobacgiang.example/1.html",
        outlet_id="bbg",
        title="Giải ngân vốn đầu tư công của Bắc Giang đạt 62%",
        sapo="Tỉnh đẩy nhanh tiến độ thi công các dự án trọng điểm.",
        published_at=datetime(2025, 9, 1, 8, tzinfo=TZ),
        topics=["Văn hóa"],
    )
    index.index([stale])
    index.close()
    result = CliRunner().invoke(retag_command, ["--backend", "embedded"])
    assert result.exit_code == 0, result.output
    assert "Retagged 1 of 1 articles; 1 changed" in result.output
    index = EmbeddedBackend(tmp_path / "index.sqlite3")
    stored = index.get(stale.id)
    index.close()
    assert stored.topics == ["Đầu tư công"]
    assert stored.provinces == ["Bắc Giang", "Bắc Ninh"]
    assert "đầu tư công" in stored.explanations["topics"]["Đầu tư công"]
