"""An operator moves a data folder from the embedded index to Elasticsearch, as the README says
(set PRESSWATCH_ELASTICSEARCH_URL, crawl): the articles, the editors' corrections and the follow-up
must all be there on Elasticsearch afterwards.

Found by walk6 (2026-12-03): the crawl state remembered every article as indexed, so the crawl
after the switch fetched nothing ("0 articles extracted") and Elasticsearch stayed empty, with no
word about it and no command to bring the articles across.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from presswatch.app import create_app
from search.backends import SearchRequest, open_backend
from search.config import SearchConfig
from tests.helpers import logged_in_client, run_presswatch

REPO = Path(__file__).resolve().parents[2]
SEED_TITLE = "Bắc Ninh: 90% kiến nghị của người dân trên môi trường số được giải quyết"


def presswatch(*args: str, env: dict[str, str]) -> str:
    result = run_presswatch(*args, env=env, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def crawled_folder(tmp_path_factory, sample_press) -> Path:
    """A data folder after `presswatch crawl` of the sample press on the embedded index, made once:
    the tests that start from it copy it (the crawl is the same every time and costs most)."""
    folder = tmp_path_factory.mktemp("crawled")
    presswatch("crawl", "--sample-url", sample_press.base_url, env=_embedded(folder))
    return folder


def _embedded(folder: Path) -> dict[str, str]:
    return {"PRESSWATCH_DATA_DIR": str(folder), "PRESSWATCH_ELASTICSEARCH_URL": ""}


def token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def search_total(client, query: str) -> int:
    page = client.get("/search", query_string={"q": query}).get_data(as_text=True)
    return int(re.search(r'<strong class="total">([\d.]+)</strong>', page).group(1).replace(".", ""))


@pytest.mark.elasticsearch
def test_a_data_folder_switched_to_elasticsearch_keeps_articles_corrections_and_followup(
    tmp_path, crawled_folder, sample_press, elasticsearch_url, es_index, monkeypatch
):
    embedded_env = _embedded(tmp_path)
    shutil.copytree(crawled_folder, tmp_path, dirs_exist_ok=True)  # `presswatch crawl` on the embedded index
    monkeypatch.setenv("PRESSWATCH_DATA_DIR", str(tmp_path))
    embedded = SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(tmp_path)})
    index = open_backend(embedded)
    seed = index.search(SearchRequest(query=f'"{SEED_TITLE}"', limit=1)).hits[0].document
    index.close()

    # On the embedded index: an editor corrects the seed article's tone and flags it for follow-up.
    app = create_app({"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": embedded})
    editor = logged_in_client(app, "editor")
    corrected = "negative" if seed.tone != "negative" else "positive"
    page = editor.get(f"/articles/{seed.id}").get_data(as_text=True)
    form = {"tone": corrected, "topics": seed.topics, "provinces": "", "csrf_token": token(page)}
    assert editor.post(f"/articles/{seed.id}/correction", data=form).status_code == 303
    flagged = editor.post(
        f"/followup/article/{seed.id}/act", data={"action": "flag", "state": "new", "csrf_token": token(page)}
    )
    assert flagged.status_code in (302, 303)
    before = {query: search_total(editor, query) for query in ("", "Bắc Ninh", '"kiến nghị"')}
    assert before[""] == len(sample_press.articles)

    # The switch, as the README tells an operator: the URL set, the crawl run.
    es_env = {**embedded_env, "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url}
    es_env["PRESSWATCH_ELASTICSEARCH_INDEX"] = es_index
    crawl = presswatch("crawl", "--sample-url", sample_press.base_url, env=es_env)
    assert "presswatch index import-embedded" in crawl  # the crawl says what Elasticsearch lacks
    copied = presswatch("index", "import-embedded", env=es_env)
    assert f"Copied {len(sample_press.articles)} articles" in copied
    again = presswatch("index", "import-embedded", env=es_env)  # twice: nothing doubled
    assert "Copied 0 articles" in again
    assert "import-embedded" not in presswatch("crawl", "--sample-url", sample_press.base_url, env=es_env)

    monkeypatch.setenv("PRESSWATCH_ELASTICSEARCH_URL", elasticsearch_url)
    monkeypatch.setenv("PRESSWATCH_ELASTICSEARCH_INDEX", es_index)
    on_es = SearchConfig.from_env(es_env)
    app = create_app({"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": on_es})
    editor = logged_in_client(app, "editor")
    assert {query: search_total(editor, query) for query in before} == before
    assert search_total(editor, f'"{SEED_TITLE}"') == 1
    es = open_backend(on_es)
    assert es.count() == len(sample_press.articles)
    assert es.get(seed.id).tone == corrected
    es.close()
    article = editor.get(f"/articles/{seed.id}").get_data(as_text=True)
    assert re.search(r"sửa bởi editor-\w+@example.vn lúc", article)
    queue = editor.get("/followup/", query_string={"state": "all"}).get_data(as_text=True)
    assert SEED_TITLE in queue


@pytest.mark.elasticsearch
def test_an_index_name_elasticsearch_refuses_is_a_clear_error_before_crawling(
    tmp_path, sample_press, elasticsearch_url
):
    """walk6: PRESSWATCH_ELASTICSEARCH_INDEX=BacNinh (upper case, as an operator names a province)
    made `presswatch crawl` fetch every page, print Twisted tracebacks of Elasticsearch's 400 and
    exit 0 with "0 index errors" and nothing indexed; `presswatch index create` a traceback."""
    env = {
        "PRESSWATCH_DATA_DIR": str(tmp_path),
        "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url,
        "PRESSWATCH_ELASTICSEARCH_INDEX": "BacNinh",
    }
    for command in (["crawl", "--sample-url", sample_press.base_url], ["index", "create"], ["search", "x"]):
        result = run_presswatch(*command, env=env)
        assert result.returncode != 0, (command, result.stdout[-1000:])
        assert "PRESSWATCH_ELASTICSEARCH_INDEX='BacNinh'" in result.stderr, (command, result.stderr[-2000:])
        assert "upper-case" in result.stderr and "Traceback" not in result.stderr, command
        assert "Crawl finished" not in result.stdout


@pytest.mark.parametrize("command", ["run", "up", "demo"])
def test_the_web_app_refuses_an_index_name_elasticsearch_refuses_before_serving(tmp_path, command):
    """walk6: `presswatch run` (and `up`, `demo`) with PRESSWATCH_ELASTICSEARCH_INDEX=BacNinh started,
    printed the warm-up thread's traceback and served "temporarily unavailable" on every page, as
    if the node were down. A setting that can never work is refused before serving, with what to
    write instead (no node is needed to know it; a node that is merely down still gets the 503
    pages and the recovery)."""
    from tests.web.test_digest_support import free_port

    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(tmp_path),
        "PRESSWATCH_ELASTICSEARCH_URL": "http://127.0.0.1:9",
        "PRESSWATCH_ELASTICSEARCH_INDEX": "BacNinh",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "presswatch", command, "--port", str(free_port())],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"`presswatch {command}` kept serving with an unusable index name: {err[-1500:]}")
    assert process.returncode != 0
    assert "PRESSWATCH_ELASTICSEARCH_INDEX='BacNinh'" in err and "upper-case" in err, err[-1500:]
    assert "Traceback" not in err and "Traceback" not in out


def _demo_until_ready(env: dict[str, str]) -> str:
    """`presswatch demo` as a newcomer runs it, stopped with Ctrl-C once it serves; its screen."""
    import signal

    from tests.web.test_digest_support import free_port

    demo = subprocess.Popen(
        [sys.executable, "-m", "presswatch", "demo", "--port", str(free_port())],
        env={**os.environ, **env},
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    screen = []
    try:
        for line in demo.stdout:
            screen.append(line)
            if line.startswith("Log in as"):
                break
        demo.send_signal(signal.SIGINT)
        demo.wait(timeout=120)
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.wait()
    return "".join(screen)


@pytest.mark.elasticsearch
def test_a_demo_folder_run_again_on_elasticsearch_says_how_to_bring_its_articles(
    tmp_path, elasticsearch_url, es_index
):
    """walk6: the second demo (PRESSWATCH_ELASTICSEARCH_URL now set) said "0 new articles … Index: 0
    articles" and served an empty app, with no word why."""
    env = {"PRESSWATCH_DATA_DIR": str(tmp_path), "PRESSWATCH_ELASTICSEARCH_URL": ""}
    first = _demo_until_ready(env)
    total = int(re.search(r"Index: (\d+) articles", first).group(1))
    assert total > 200, first
    env.update(PRESSWATCH_ELASTICSEARCH_URL=elasticsearch_url, PRESSWATCH_ELASTICSEARCH_INDEX=es_index)
    second = _demo_until_ready(env)
    assert "Index: 0 articles" in second, second
    command = re.search(r"stop the demo, run (.+ index import-embedded), then", second)
    assert command, second
    copied = subprocess.run(
        command.group(1),
        shell=True,
        env={
            **os.environ,
            "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url,
            "PRESSWATCH_ELASTICSEARCH_INDEX": es_index,
        },
        cwd="/",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert copied.returncode == 0, copied.stderr[-2000:]
    third = _demo_until_ready(env)
    assert f"Index: {total} articles" in third and "import-embedded" not in third, third


@pytest.mark.elasticsearch
def test_the_crawl_keeps_saying_what_elasticsearch_lacks_once_new_articles_outnumber_the_old(
    tmp_path, crawled_folder, sample_press, elasticsearch_url, es_index
):
    """walk6: the hint compared counts, so once crawls after the switch had put more new articles
    into Elasticsearch than the embedded index held, it fell silent with every old article still
    missing."""
    from search.backends.elastic import ElasticsearchBackend
    from tests.reliability.test_backup_restore import articles

    embedded_env = _embedded(tmp_path)
    shutil.copytree(crawled_folder, tmp_path, dirs_exist_ok=True)  # `presswatch crawl` on the embedded index
    es_env = {**embedded_env, "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url}
    es_env["PRESSWATCH_ELASTICSEARCH_INDEX"] = es_index
    # Weeks of crawling on Elasticsearch without the import: more new articles than old ones.
    ElasticsearchBackend(elasticsearch_url, es_index, refresh=True).index(
        articles(len(sample_press.articles) + 50)
    )
    crawl = presswatch("crawl", "--sample-url", sample_press.base_url, env=es_env)
    assert f"holds {len(sample_press.articles)} articles" in crawl and "import-embedded" in crawl, crawl[
        -1500:
    ]
    presswatch("index", "import-embedded", env=es_env)
    assert "import-embedded" not in presswatch("crawl", "--sample-url", sample_press.base_url, env=es_env)


def test_the_index_commands_say_when_elasticsearch_is_away(tmp_path):
    """walk6: `presswatch index stats` and `reindex` printed a traceback when the node was down."""
    from presswatch.elasticsearch_node import free_port

    env = {
        "PRESSWATCH_DATA_DIR": str(tmp_path),
        "PRESSWATCH_ELASTICSEARCH_URL": f"http://127.0.0.1:{free_port()}",
    }
    for command in (["index", "stats"], ["index", "reindex"], ["index", "optimize"], ["index", "create"]):
        result = run_presswatch(*command, env=env)
        assert result.returncode == 1, (command, result.stdout, result.stderr[-1500:])
        assert "is unreachable" in result.stderr and "Traceback" not in result.stderr, (
            command,
            result.stderr,
        )


def test_an_elasticsearch_url_without_scheme_or_port_is_a_clear_error(tmp_path):
    """walk6: PRESSWATCH_ELASTICSEARCH_URL=127.0.0.1:9200 (or https://es.example without a port)
    ended every command in a traceback of the client's ValueError."""
    for url in ("127.0.0.1:9200", "https://es1.example", "http://walk:s3cret@es1.example"):
        env = {"PRESSWATCH_DATA_DIR": str(tmp_path), "PRESSWATCH_ELASTICSEARCH_URL": url}
        for command in (["search", "x"], ["index", "stats"], ["crawl", "--outlets", "none"]):
            result = run_presswatch(*command, env=env)
            assert result.returncode != 0, (url, command, result.stdout[-500:])
            assert "PRESSWATCH_ELASTICSEARCH_URL=" in result.stderr, (url, command, result.stderr[-1500:])
            assert "Traceback" not in result.stderr and "s3cret" not in result.stderr, (url, command)
