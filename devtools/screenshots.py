"""Screenshots for the docs (docs/SCREENSHOTS.md): the work queue, a story page, the first page of a
điểm báo and the periodic briefing, taken from a real run.

    python devtools/screenshots.py [--out docs/screenshots]

It crawls the bundled sample press into a temporary data folder, serves the app on 127.0.0.1,
and drives Debian's Chromium through Playwright as an admin would: flags negative articles and
forwards one to a unit (so the work queue has items), opens a story, exports the province's
week as the điểm báo PDF (its first page rendered with PDFium, pypdfium2) and the quarter's
briefing as DOCX (shown page-like in Chromium: its paragraphs, tables and chart images in order).
PNGs are palette-quantised to stay small.
"""

from __future__ import annotations

import argparse
import base64
import io
import os
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from html import escape
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("PRESSWATCH_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "anh-chup-man-hinh-2026"


def save_png(data: bytes, path: Path, colours: int = 128) -> Path:
    """``data`` (a PNG) written as a palette PNG: a screenshot of text and flat colours keeps its
    look at a fraction of the size."""
    from PIL import Image

    image = Image.open(io.BytesIO(data)).convert("RGB")
    image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    return path


def pdf_first_page(pdf: bytes, scale: float = 1.4) -> bytes:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=scale).to_pil()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def docx_as_html(data: bytes) -> str:
    """The DOCX's body in order (paragraphs, tables, embedded images) as a page-like HTML page."""
    from docx import Document as open_docx
    from docx.oxml.ns import qn

    document = open_docx(io.BytesIO(data))
    parts = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            for blip in element.iter(qn("a:blip")):
                blob = document.part.related_parts[blip.get(qn("r:embed"))].blob
                parts.append(f'<img src="data:image/png;base64,{base64.b64encode(blob).decode()}">')
            text = "".join(node.text or "" for node in element.iter(qn("w:t")))
            bold = any(True for _ in element.iter(qn("w:b")))
            if text.strip():
                parts.append(f"<p>{'<b>' if bold else ''}{escape(text)}{'</b>' if bold else ''}</p>")
        elif element.tag == qn("w:tbl"):
            rows = []
            for row in element.iter(qn("w:tr")):
                cells = [
                    "<br>".join(
                        escape("".join(t.text or "" for t in p.iter(qn("w:t")))) for p in cell.iter(qn("w:p"))
                    )
                    for cell in row.iter(qn("w:tc"))
                ]
                rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
            parts.append("<table>" + "".join(rows) + "</table>")
    style = (
        "body{background:#ddd;margin:0;padding:24px}main{background:#fff;width:794px;margin:auto;"
        "padding:56px 64px;font:15px/1.45 'DejaVu Serif',serif;box-shadow:0 2px 8px #999}"
        "table{border-collapse:collapse;width:100%;margin:.5em 0}td{border:1px solid #444;"
        "padding:3px 6px;font-size:13px}img{max-width:100%}p{margin:.35em 0}"
    )
    return f"<!doctype html><meta charset=utf-8><style>{style}</style><main>{''.join(parts)}</main>"


def crawl(data_dir: Path, sample_url: str) -> None:
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir), "PRESSWATCH_ELASTICSEARCH_URL": ""}
    subprocess.run(
        [sys.executable, "-m", "presswatch", "crawl", "--sample-url", sample_url],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=1200,
    )


def prepare_queue(page, url: str) -> None:
    """Flag the newest negative articles about the province; forward the first to a unit."""
    page.goto(f"{url}/search?" + urlencode({"province": "Bắc Ninh", "tone": "negative", "sort": "date"}))
    links = page.eval_on_selector_all("a[href^='/articles/']", "as => as.map(a => a.href)")
    articles = list(dict.fromkeys(links))[:4]
    for link in articles:
        page.goto(link)
        with page.expect_navigation():
            page.click("#followup button[value=flag]")
    page.goto(articles[0])
    page.select_option("form[data-action=forward] select[name=unit]", index=1)
    due = (datetime.now() + timedelta(days=3)).date().isoformat()
    page.fill("form[data-action=forward] input[name=due_date]", due)
    with page.expect_navigation():
        page.click("form[data-action=forward] button[type=submit]")


def take(out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    from devtools.web_client import make_user
    from presswatch.app import create_app
    from presswatch.sample_press import SamplePress
    from search.config import LOCAL_TZ, TIME_ZONE
    from web.serve import ServerSettings, serving_in_thread

    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as folder, SamplePress() as press:
        data_dir = Path(folder)
        crawl(data_dir, press.base_url)
        os.environ["PRESSWATCH_DATA_DIR"] = str(data_dir)
        os.environ.pop("PRESSWATCH_ELASTICSEARCH_URL", None)
        app = create_app({"PRESSWATCH_DATA_DIR": data_dir})
        email, _ = make_user(app, "admin", email="lanh.dao@example.vn", password=PASSWORD)
        server = serving_in_thread(app, settings=ServerSettings(threads=4))
        with server as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(
                viewport={"width": 1280, "height": 860}, locale="vi-VN", timezone_id=TIME_ZONE
            )
            page.goto(f"{url}/auth/login")
            page.fill("input[name=email]", email)
            page.fill("input[name=password]", PASSWORD)
            with page.expect_navigation():
                page.click("main form button[type=submit]")
            prepare_queue(page, url)

            page.goto(f"{url}/followup/")
            shots.append(save_png(page.screenshot(full_page=True), out / "work-queue.png"))

            # The story carried by the most outlets this month (the dashboard's first).
            page.goto(f"{url}/?period=month&scope=all")
            query = parse_qs(urlsplit(page.locator(".storylist a.badge").first.evaluate("a => a.href")).query)
            page.goto(f"{url}/stories/{query['q'][0].split(chr(34))[1]}")
            shots.append(save_png(page.screenshot(full_page=True), out / "story.png"))

            today = datetime.now(LOCAL_TZ).date()
            week = {
                "province": "Bắc Ninh",
                "from": (today - timedelta(days=6)).isoformat(),
                "to": today.isoformat(),
            }
            pdf = page.request.get(f"{url}/reports/export/pdf?{urlencode(week)}")
            assert pdf.ok, pdf.text()[:500]
            shots.append(save_png(pdf_first_page(pdf.body()), out / "diem-bao-page1.png"))

            quarter = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
            briefing = urlencode({"period": quarter, "fmt": "docx"})
            docx = page.request.get(f"{url}/reports/briefing?{briefing}")
            assert docx.ok, docx.text()[:500]
            page.set_content(docx_as_html(docx.body()))
            # The head of the report (title, the first tables and charts), not all of its pages.
            clip = {"x": 0, "y": 0, "width": 1280, "height": 1900}
            shots.append(save_png(page.screenshot(full_page=True, clip=clip), out / "briefing.png"))
            browser.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(REPO))
    for path in take(args.out):
        shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
        print(f"{shown}: {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
