"""`presswatch analyze` and `presswatch extract` on plain text, as a user runs them (subprocesses):
a .txt file, `-` for standard input, `--text`; the first line is the title. What is not an article
is said on stderr in plain words, with status 1.

The seed article is the project's own (shared/seed/000_fccfcb162a772682.txt, packaged as
presswatch/sample_press/data/seed_article.txt): written out here as the text file it was, with the
page's closing furniture (rating prompt, related headlines about other provinces) after the byline.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from presswatch.sample_press.seed import load_seed_text

REPO = Path(__file__).resolve().parents[2]
FURNITURE = [
    "Bạn thấy bài viết này thế nào?",
    "Tin cùng chuyên mục",
    "Nam Định: Cấp giấy chứng nhận đăng ký đầu tư dự án trăm triệu USD",
    "Lâm Đồng: Quyết tâm phối hợp giữ vững rừng giáp ranh",
    "Tuyên Quang: Siết chặt hoạt động nhập khẩu, kinh doanh xe máy điện, xe đạp điện",
    "Xem thêm",
]


def seed_text() -> str:
    seed = load_seed_text()
    blocks = [seed.title, seed.sapo, " ".join(seed.related), *seed.paragraphs, seed.byline, *FURNITURE]
    return "\n\n".join(blocks) + "\n"


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "000_fccfcb162a772682.txt"
    path.write_text(seed_text(), encoding="utf-8")
    return path


def presswatch(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    result = subprocess.run(
        [sys.executable, "-m", "presswatch", *args], cwd=REPO, input=data, capture_output=True, timeout=120
    )
    result.stdout, result.stderr = result.stdout.decode(), result.stderr.decode()
    return result


def assert_bac_ninh_and_digital_transformation(report: dict) -> None:
    assert report["title"] == load_seed_text().title
    assert report["provinces"]["new"] == ["Bắc Ninh"] and report["provinces"]["old"] == ["Bắc Ninh"]
    hits = {topic["name"]: topic["hits"] for topic in report["topics"]}
    assert max(hits, key=hits.get) == "Chuyển đổi số", hits  # the article's subject leads
    assert report["focus"]["province"] == "Bắc Ninh" and report["focus"]["label"]


def test_the_seed_text_file_analyses_to_bac_ninh_and_digital_transformation(seed_file):
    result = presswatch("analyze", str(seed_file), "--json")
    assert result.returncode == 0, result.stdout + result.stderr  # was 1: "truncated page … download"
    assert_bac_ninh_and_digital_transformation(json.loads(result.stdout))
    shown = presswatch("analyze", str(seed_file))
    assert shown.returncode == 0 and "Chuyển đổi số" in shown.stdout
    assert "(new):    Bắc Ninh" in shown.stdout


def test_text_from_standard_input_and_from_the_text_option(seed_file):
    piped = presswatch("analyze", "-", "--json", stdin=seed_text())
    assert piped.returncode == 0, piped.stderr
    assert_bac_ninh_and_digital_transformation(json.loads(piped.stdout))
    seed = load_seed_text()
    text = "\n\n".join([seed.title, seed.sapo, *seed.paragraphs])
    given = presswatch("analyze", "--json", "--text", text)
    assert given.returncode == 0, given.stderr
    assert_bac_ninh_and_digital_transformation(json.loads(given.stdout))


def test_extract_splits_title_sapo_and_body_and_drops_the_page_furniture(seed_file):
    result = presswatch("extract", str(seed_file), "--json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    seed = load_seed_text()
    assert article["title"] == seed.title and article["sapo"] == seed.sapo
    assert seed.paragraphs[-1] in article["body"]
    assert "Tin cùng chuyên mục" not in article["body"] and "Nam Định" not in article["body"]
    assert article["published_precision"] == "unknown"  # plain text has no publish date
    shown = presswatch("extract", "-", stdin="Tiêu đề bài viết\nDòng thứ nhất của bài.\nDòng thứ hai.")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("title: Tiêu đề bài viết\npublished_at: unknown\n")
    assert "Dòng thứ nhất của bài." in shown.stdout and "Dòng thứ hai." in shown.stdout


def test_a_web_page_still_goes_through_the_html_extractor(tmp_path):
    page = tmp_path / "trang"  # no suffix: told apart by its content
    links = "".join(f'<li><a href="/bai-{i}.html">Tin số {i} về Bắc Ninh</a></li>' for i in range(40))
    page.write_text(
        f"<!doctype html><html><head><title>Trang chủ</title></head><body><ul>{links}</ul></body></html>",
        encoding="utf-8",
    )
    result = presswatch("analyze", str(page))
    assert result.returncode == 1 and result.stdout == ""
    assert "not an article: there is too little text for an article" in result.stderr


@pytest.mark.parametrize(
    ("command", "name", "content", "words"),
    [
        (
            "extract",
            "cut.html",
            "<html><body><article><h1>Bắc Ninh</h1><p>" + "Nội dung " * 200,
            "the download was cut short",
        ),
        ("analyze", "anh", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file"),
        ("extract", "trong.txt", "\n\n  \n", "the text is empty"),
        ("analyze", "tieu-de.txt", "Chỉ có tiêu đề\n", "only a title line"),
    ],
    ids=["cut-html", "binary", "empty-text", "title-only"],
)
def test_what_is_not_an_article_is_said_on_stderr_in_plain_words(tmp_path, command, name, content, words):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = presswatch(command, str(path))
    assert result.returncode == 1, result.stdout
    assert result.stdout == "" and words in result.stderr, result.stderr


def test_no_input_or_two_inputs_is_a_usage_error(seed_file):
    result = presswatch("extract")
    assert result.returncode == 2 and "--text" in result.stderr and "standard input" in result.stderr
    both = presswatch("analyze", str(seed_file), "--text", "Tiêu đề\n\nNội dung")
    assert both.returncode == 2 and "give one of them" in both.stderr


def test_a_text_file_that_is_not_utf8_says_how_to_fix_it(tmp_path):
    path = tmp_path / "cp1258.txt"
    # Windows-1258, as old Vietnamese Windows software saves text: tone marks as combining characters.
    path.write_bytes(b"Ti\xeau \xf0\xea\xcc\n\nN\xf4\xf2i dung b\xe0i vi\xea\xf2t")  # "Tiêu đề…"
    result = presswatch("extract", str(path))
    assert result.returncode == 1 and "save it as UTF-8" in result.stderr
