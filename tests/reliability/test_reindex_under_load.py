"""The web app under a burst of searches while Elasticsearch is reindexed: no errors."""

from __future__ import annotations

import re
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from zoneinfo import ZoneInfo

import requests
from werkzeug.serving import make_server

from presswatch.app import create_app
from search.backends.elastic import ElasticsearchBackend
from search.backends.es_indices import reindex
from search.config import SearchConfig
from search.document import Document
from tests.helpers import make_user

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
QUERIES = ["kien nghi", '"an toàn giao thông"', "Bắc Ninh", "giao* -tai", "", "cử tri NEAR/3 kiến"]


def test_searches_keep_answering_during_a_reindex(elasticsearch_url, tmp_path):
    alias = f"burst-{uuid.uuid4().hex[:6]}"
    backend = ElasticsearchBackend(elasticsearch_url, alias, refresh=True)
    backend.index(
        [
            Document(
                url=f"https://baoa.vn/{n}.html",
                outlet_id=f"bao{n % 5}",
                title=f"Cử tri kiến nghị {n}",
                body="Cử tri tỉnh Bắc Ninh kiến nghị bảo đảm an toàn giao thông trên quốc lộ.",
                published_at=datetime(2026, 1 + n % 6, 1 + n % 28, 8, tzinfo=TZ),
            )
            for n in range(3000)
        ]
    )
    config = SearchConfig(elasticsearch_url=elasticsearch_url, elasticsearch_index=alias)
    app = create_app(
        {
            "PRESSWATCH_SEARCH": config,
            "PRESSWATCH_DATA_DIR": tmp_path,
            "PRESSWATCH_DATABASE": tmp_path / "app.sqlite3",
        }
    )
    email, password = make_user(app, "viewer")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    session = requests.Session()
    token = re.search(
        r'name="csrf_token" type="hidden" value="([^"]+)"', session.get(f"{base}/auth/login").text
    ).group(1)
    assert (
        session.post(
            f"{base}/auth/login",
            data={"email": email, "password": password, "csrf_token": token},
            allow_redirects=False,
        ).status_code
        == 302
    )
    search_path = app.url_map.bind("x").build("search.index")
    done = threading.Event()
    statuses: list[int] = []

    def burst(worker: int) -> None:
        n = 0
        while not done.is_set() or n < 5:
            response = session.get(
                f"{base}{search_path}", params={"q": QUERIES[(worker + n) % len(QUERIES)]}, timeout=60
            )
            statuses.append(response.status_code)
            n += 1

    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            futures = [pool.submit(burst, worker) for worker in range(8)]
            copied, generation = reindex(backend.client, backend.layout)
            done.set()
            for future in futures:
                future.result()
    finally:
        server.shutdown()
    assert (copied, generation) == (3000, 2)
    assert len(statuses) >= 40
    assert set(statuses) == {200}, {s: statuses.count(s) for s in set(statuses)}
    backend.client.indices.delete(index=f"{alias}-*")
    backend.client.indices.delete_index_template(name=f"{alias}-g*")


def test_a_crawl_running_across_a_reindex_keeps_indexing_into_the_live_generation(tmp_path, es_data_folder):
    """walk6 (2026-12-03): a crawl's ingester prepared the index before `presswatch index reindex`
    swapped the alias; its next new articles went to generation-1 indices outside the alias (and
    the crawl state recorded them as indexed, so no later crawl fetched them again): searches
    never found them."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from search.ingest import open_ingester
    from tests.helpers import logged_in_client

    config = es_data_folder

    def article(n: int) -> Document:
        return Document(
            url=f"https://baoa.vn/tin-{n}.html",
            outlet_id="baoa",
            title=f"Cử tri kiến nghị số {n}",
            body="Cử tri tỉnh Bắc Ninh kiến nghị bảo đảm an toàn giao thông trên quốc lộ.",
            published_at=datetime(2026, 11, 1 + n % 28, 8, tzinfo=TZ),
        )

    crawl = open_ingester(config, refresh=True)  # what a running crawl's pipeline holds
    crawl.add_many([article(n) for n in range(20)])
    reindexed = subprocess.run(
        [sys.executable, "-m", "presswatch", "index", "reindex"],
        env=os.environ,  # es_data_folder set the data folder and the node there
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert reindexed.returncode == 0, reindexed.stderr[-2000:]
    assert "generation 2" in reindexed.stdout
    report = crawl.add_many([article(n) for n in range(20, 30)])  # the crawl goes on
    crawl.close()
    assert not report.errors

    app = create_app({"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": config})
    page = logged_in_client(app, "viewer").get("/search").get_data(as_text=True)
    assert int(re.search(r'<strong class="total">(\d+)</strong>', page).group(1)) == 30
