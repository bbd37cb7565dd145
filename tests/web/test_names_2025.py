"""Names after the 2025 restructuring (shared/notes/vietnam-2025.md), as staff meet them: the board
that files the điểm báo, the province's merged press agency on the dashboard, the topic vocabulary
reading today's department names, and no pre-merger board or department name left in the
templates, configuration, code, docs or the sample press's (2026-dated) articles."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.corpus import corpus_app
from tests.helpers import logged_in_client
from tests.web.test_reports import docx_text, pdf_text
from web.digest.runner import DigestContext

REPO = Path(__file__).resolve().parents[2]
# Merged on 1 March 2025: the propaganda and the mass-mobilisation boards; Sở TT&TT into Sở KH&CN.
OLD_NAMES = re.compile(
    r"Ban Tuyên giáo (?!và Dân vận)(?:Tỉnh|Thành) ủy|Ban Dân vận (?:Tỉnh|Thành) ủy"
    r"|Sở Thông tin và Truyền thông|Sở TT&TT|Sở TTTT",
    re.IGNORECASE,
)
# The same day, provincial departments merged (e.g. Quảng Ngãi HĐND's 2025 budget for "the newly
# established departments": Xây dựng, Tài chính, Nội vụ, Khoa học và Công nghệ, Nông nghiệp và Môi
# trường, dbnd.quangngai.gov.vn). Older articles keep the old names, so the topic vocabulary still
# knows them; the sample press's articles, dated in the last six weeks, must not use them.
OLD_DEPARTMENTS = re.compile(
    r"Sở Thông tin và Truyền thông|Sở Kế hoạch và Đầu tư|Sở Tài nguyên và"
    r"|Sở Giao thông vận tải|\"Giao thông vận tải\"|\"Tài nguyên và Môi trường\""
    r"|Trưởng ban Tuyên giáo (?!và Dân vận)"
)


@pytest.fixture
def no_organisation(monkeypatch):
    monkeypatch.delenv("PRESSWATCH_ORGANISATION", raising=False)
    monkeypatch.delenv("PRESSWATCH_FOCUS_PROVINCE", raising=False)


def test_the_press_review_is_filed_by_the_merged_board(tmp_path, no_organisation):
    app, _ = corpus_app(tmp_path)
    editor = logged_in_client(app, "editor")
    docx = editor.get("/reports/export/docx?q=Bắc Ninh")
    assert docx.status_code == 200
    # The Party form (Hướng dẫn 36-HD/VPTW): the superior committee over the issuing board.
    assert "TỈNH ỦY BẮC NINH\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n" in docx_text(docx.data)
    pdf = editor.get("/reports/export/pdf?q=Bắc Ninh")
    assert "TỈNH ỦY BẮC NINH BAN TUYÊN GIÁO VÀ DÂN VẬN *" in pdf_text(pdf.data)
    with app.app_context():
        assert DigestContext.from_app(app).organisation == "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Ninh"


def test_a_centrally_run_city_is_filed_by_its_thanh_uy(tmp_path, no_organisation, monkeypatch):
    monkeypatch.setenv("PRESSWATCH_FOCUS_PROVINCE", "Hà Nội")
    app, _ = corpus_app(tmp_path)
    docx = logged_in_client(app, "editor").get("/reports/export/docx?q=Bắc Ninh")
    assert "THÀNH ỦY HÀ NỘI\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n" in docx_text(docx.data)


def test_an_organisation_set_by_the_operator_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSWATCH_ORGANISATION", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh")
    app, _ = corpus_app(tmp_path)
    docx = logged_in_client(app, "editor").get("/reports/export/docx?q=Bắc Ninh")
    assert "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH BẮC NINH" in docx_text(docx.data)


def test_the_dashboard_names_the_provinces_merged_press_agency(tmp_path, no_organisation):
    app, _ = corpus_app(tmp_path)
    page = logged_in_client(app, "viewer").get("/").get_data(as_text=True)
    assert "Báo và Phát thanh, Truyền hình Bắc Ninh" in page


def _product_text_files() -> list[Path]:
    patterns = [
        "web/**/*.py",
        "web/**/*.html",
        "web/**/*.txt",
        "web/**/*.po",
        "web/**/*.pot",
        "search/**/*.py",
        "search/**/*.yaml",
        "crawler/*.py",
        "README.md",
        "docs/*.md",
    ]
    return sorted({path for pattern in patterns for path in REPO.glob(pattern)})


def _lines_matching(pattern: re.Pattern, files: list[Path]) -> list[str]:
    return [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_no_pre_merger_board_or_department_name_remains_in_templates_config_or_docs():
    files = _product_text_files()
    assert any(path.name == "config.py" for path in files) and any(path.suffix == ".html" for path in files)
    found = _lines_matching(OLD_NAMES, files)
    assert not found, "\n".join(found)


def test_the_sample_press_2026_articles_use_todays_department_names():
    phrases = sorted(REPO.glob("presswatch/sample_press/phrases/*.py"))
    assert len(phrases) > 5
    found = _lines_matching(OLD_DEPARTMENTS, phrases)
    assert not found, "\n".join(found)


def test_the_merged_agriculture_and_environment_department_is_not_an_environment_story():
    """ "Sở Nông nghiệp và Môi trường" names a department, as "Sở Tài nguyên và Môi trường" did: an
    article that only names it is not about the environment (`presswatch analyze`, as staff run it)."""
    text = (
        "Bắc Ninh họp bàn giá lúa vụ mùa\n\n"
        "Sáng nay, Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh họp với các hợp tác xã về giá lúa.\n\n"
        "Giám đốc Sở Nông nghiệp và Môi trường cho biết sản lượng lúa vụ mùa đạt kế hoạch. "
        "Lãnh đạo Sở Nông nghiệp và Môi trường đề nghị các hợp tác xã ký hợp đồng tiêu thụ sớm."
    )
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", "analyze", "--json", "--text", text],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    topics = [topic["name"] for topic in json.loads(result.stdout)["topics"]]
    assert "Môi trường" not in topics, topics
