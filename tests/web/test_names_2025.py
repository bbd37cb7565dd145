"""Names after the 2025 restructuring (shared/notes/vietnam-2025.md), as staff meet them: the board
that files the điểm báo, the province's merged press agency on the dashboard, and no pre-merger
board or department name left in the templates, configuration, code or docs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.corpus import corpus_app
from tests.helpers import logged_in_client
from tests.web.test_reports import docx_text, pdf_text
from web.digest.runner import DigestContext

REPO = Path(__file__).resolve().parents[2]
# Merged on 1 March 2025: the propaganda and the mass-mobilisation boards; Sở TT&TT into Sở KH&CN.
OLD_NAMES = re.compile(r"Ban Tuyên giáo (?!và Dân vận)(?:Tỉnh|Thành) ủy|Ban Dân vận (?:Tỉnh|Thành) ủy"
                       r"|Sở Thông tin và Truyền thông|Sở TT&TT|Sở TTTT", re.IGNORECASE)


@pytest.fixture
def no_organisation(monkeypatch):
    monkeypatch.delenv("PRESSWATCH_ORGANISATION", raising=False)
    monkeypatch.delenv("PRESSWATCH_FOCUS_PROVINCE", raising=False)


def test_the_press_review_is_filed_by_the_merged_board(tmp_path, no_organisation):
    app, _ = corpus_app(tmp_path)
    editor = logged_in_client(app, "editor")
    docx = editor.get("/reports/export/docx?q=Bắc Ninh")
    assert docx.status_code == 200
    assert "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY BẮC NINH" in docx_text(docx.data)
    pdf = editor.get("/reports/export/pdf?q=Bắc Ninh")
    assert "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY BẮC NINH" in pdf_text(pdf.data)
    with app.app_context():
        assert DigestContext.from_app(app).organisation == "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Ninh"


def test_a_centrally_run_city_is_filed_by_its_thanh_uy(tmp_path, no_organisation, monkeypatch):
    monkeypatch.setenv("PRESSWATCH_FOCUS_PROVINCE", "Hà Nội")
    app, _ = corpus_app(tmp_path)
    docx = logged_in_client(app, "editor").get("/reports/export/docx?q=Bắc Ninh")
    assert "BAN TUYÊN GIÁO VÀ DÂN VẬN THÀNH ỦY HÀ NỘI" in docx_text(docx.data)


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
    patterns = ["web/**/*.py", "web/**/*.html", "web/**/*.txt", "web/**/*.po", "web/**/*.pot",
                "search/**/*.py", "search/**/*.yaml", "crawler/*.py", "README.md", "docs/*.md"]
    return sorted({path for pattern in patterns for path in REPO.glob(pattern)})


def test_no_pre_merger_board_or_department_name_remains_in_templates_config_or_docs():
    files = _product_text_files()
    assert any(path.name == "config.py" for path in files) and any(path.suffix == ".html" for path in files)
    found = [f"{path.relative_to(REPO)}:{number}: {line.strip()}"
             for path in files
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if OLD_NAMES.search(line)]
    assert not found, "\n".join(found)
