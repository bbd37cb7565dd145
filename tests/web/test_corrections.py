"""An editor's correction of tone, topics and provinces sticks: applied to the index at once, kept
by `presswatch retag`, by the admin's background retag and by a re-crawl of the same URL, on both
backends; viewers cannot post one; the export is labelled data the benchmark reads."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from devtools.evaluate import evaluate, load_set
from search.backends import SearchRequest, open_backend
from search.config import SearchConfig
from search.corrections import CorrectionStore
from search.document import Document
from search.ingest import open_ingester
from tests.helpers import logged_in_client
from tests.web.test_admin import profile_form, wait_for_job

REPO = Path(__file__).resolve().parents[2]
# A traffic accident in Bắc Ninh: the analyser says negative, An toàn giao thông, Bắc Ninh.
ARTICLE = {
    "url": "https://baobacninhtv.example.vn/tai-nan-ql18-sua.html",
    "outlet_id": "baobacninhtv",
    "title": "Bắc Ninh: tai nạn giao thông trên quốc lộ 18, hai người bị thương",
    "sapo": "Vụ va chạm giữa xe tải và xe máy trên quốc lộ 18 đoạn qua thị xã Quế Võ.",
    "body": "Hậu quả khiến hai người bị thương nặng. Cảnh sát giao thông đang điều tra nguyên nhân.",
    "published_at": datetime(2026, 11, 30, 8, 0, tzinfo=UTC).isoformat(),
}
# What the editor says instead (deliberately unlike the analyser, so keeping it is visible).
CORRECTED = {"tone": "positive", "topics": ["Môi trường"], "provinces": "Thái Bình"}


def _config(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> tuple[SearchConfig, dict]:
    env = {"PRESSWATCH_DATA_DIR": str(tmp_path)}
    if backend == "elasticsearch":
        env["PRESSWATCH_ELASTICSEARCH_URL"] = request.getfixturevalue("elasticsearch_url")
        env["PRESSWATCH_ELASTICSEARCH_INDEX"] = request.getfixturevalue("es_index")
    return SearchConfig.from_env(env), env


def _ingest(config: SearchConfig) -> None:
    """What the crawler's pipeline does with an extracted article."""
    ingester = open_ingester(config, refresh=True)
    ingester.add(Document.from_mapping(ARTICLE))
    ingester.close()


def _stored(config: SearchConfig):
    backend = open_backend(config, refresh=True)
    try:
        document = backend.search(SearchRequest(query=f'"{ARTICLE["title"]}"', limit=1)).hits[0].document
        by_province = backend.search(SearchRequest(provinces=["Thái Bình"])).total
        return document, by_province
    finally:
        backend.close()


def _assert_corrected(config: SearchConfig) -> None:
    document, by_province = _stored(config)
    assert (document.tone, document.topics) == ("positive", ["Môi trường"])
    assert document.provinces == ["Thái Bình", "Hưng Yên"]  # the old unit and the new one it joined
    assert by_province == 1  # the facet filter sees it too
    assert document.explanations["correction"]["by"]


BACKENDS = ["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_correction_survives_retag_and_recrawl(tmp_path, backend, request, monkeypatch):
    from presswatch.app import create_app

    config, env = _config(tmp_path, backend, request)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    _ingest(config)
    before, _ = _stored(config)
    assert before.tone == "negative" and "Thái Bình" not in before.provinces
    app = create_app({"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": config})

    viewer = logged_in_client(app, "viewer")
    token = re.search(
        r'name="csrf_token" value="([^"]+)"', viewer.get(f"/articles/{before.id}").get_data(as_text=True)
    ).group(1)
    refused = viewer.post(f"/articles/{before.id}/correction", data={**CORRECTED, "csrf_token": token})
    assert refused.status_code == 403

    editor = logged_in_client(app, "editor")
    page = editor.get(f"/articles/{before.id}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert editor.post(f"/articles/{before.id}/correction", data=CORRECTED).status_code == 400  # no CSRF
    saved = editor.post(f"/articles/{before.id}/correction", data={**CORRECTED, "csrf_token": token})
    assert saved.status_code == 303
    _assert_corrected(config)
    page = editor.get(f"/articles/{before.id}").get_data(as_text=True)
    assert re.search(r"sửa bởi editor-\w+@example.vn lúc \d\d/\d\d/\d{4} \d\d:\d\d", page)

    # presswatch retag, as an operator runs it.
    retag = subprocess.run(
        [sys.executable, "-m", "presswatch", "retag"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert retag.returncode == 0, retag.stderr[-2000:]
    _assert_corrected(config)

    # The admin's background retag, which saving a topic profile starts.
    admin = logged_in_client(app, "admin")
    form = profile_form(admin)
    form.update(action="save", key="le_hoi", name="Lễ hội", query='"lễ hội"', min_hits="1")
    job = wait_for_job(app, admin.post("/admin/topics/new", data=form).headers["Location"])
    assert job["state"] == "done" and job["done"] == 1
    _assert_corrected(config)

    # A re-crawl hands the same URL to the ingester again.
    _ingest(config)
    _assert_corrected(config)

    store = CorrectionStore.open(config)
    history = store.history(before.id)
    store.close()
    assert len(history) == 1 and history[0].old["tone"] == "negative"
    assert history[0].old["provinces"] == before.provinces


def _editor_on_the_article(tmp_path: Path):
    """The article crawled into an embedded index, and an editor's client with the page's CSRF token."""
    from presswatch.app import create_app

    config = SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(tmp_path)})
    _ingest(config)
    before, _ = _stored(config)
    app = create_app({"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": config})
    editor = logged_in_client(app, "editor")
    token = re.search(
        r'name="csrf_token" value="([^"]+)"', editor.get(f"/articles/{before.id}").get_data(as_text=True)
    ).group(1)
    return config, before, editor, token


def test_bad_values_are_refused_with_a_reason_and_nothing_changes(tmp_path):
    config, before, editor, token = _editor_on_the_article(tmp_path)
    response = editor.post(
        f"/articles/{before.id}/correction",
        follow_redirects=True,
        data={**CORRECTED, "provinces": "Thái Bình, Xứ Đoài", "csrf_token": token},
    )
    assert "Xứ Đoài" in response.get_data(as_text=True)
    after, _ = _stored(config)
    assert (after.tone, after.provinces) == (before.tone, before.provinces)


def test_export_is_labelled_data_the_benchmark_scores(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSWATCH_DATA_DIR", str(tmp_path))
    _config, before, editor, token = _editor_on_the_article(tmp_path)
    editor.post(f"/articles/{before.id}/correction", data={**CORRECTED, "csrf_token": token})
    editor.post("/language", data={"language": "en", "csrf_token": token})
    english = editor.get(f"/articles/{before.id}").get_data(as_text=True)
    assert re.search(r"corrected by editor-\w+@example.vn at \d\d/\d\d/\d{4} \d\d:\d\d", english)
    assert "Correct the classification" in english and "Save correction" in english
    out = tmp_path / "corrections.yaml"
    command = [sys.executable, "-m", "presswatch", "analysis", "export-corrections", "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=REPO)
    assert result.returncode == 0, result.stderr[-2000:]
    items = load_set(out)  # the loader of tests/data/analysis accepts it
    assert [(i["title"], i["tone"], i["topics"], i["provinces"]) for i in items] == [
        (ARTICLE["title"], "positive", ["Môi trường"], ["Thái Bình"])
    ]
    assert yaml.safe_load(out.read_text(encoding="utf-8"))[0]["url"] == ARTICLE["url"]
    report = evaluate(items)  # what bench/analysis.py --set corrections prints
    assert report.tone_accuracy == 0.0  # the analyser still reads it as negative: the correction disagrees
    bench = subprocess.run(
        [sys.executable, "bench/analysis.py", "--set", "corrections", "--file", str(out), "--rounds", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert bench.returncode == 0, bench.stderr[-2000:]
    assert "## corrections: 1 articles" in bench.stdout and "tone accuracy 0.000" in bench.stdout


def test_a_backup_keeps_the_corrections(tmp_path):
    """The store is part of the data folder: losing it on a restore would undo every correction."""
    from presswatch.backup import create_backup

    config = SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(tmp_path)})
    store = CorrectionStore.open(config)
    document = Document.from_mapping(ARTICLE)
    store.record(document, tone="positive", topics=[], old_units=["Thái Bình"], by="editor")
    store.close()
    _archive, manifest = create_backup(tmp_path, tmp_path / "backups")
    assert "corrections.sqlite3" in manifest["files"]
