"""Saving a topic profile retags the articles stored in Elasticsearch (scan while re-indexing)."""

from __future__ import annotations

import pytest

from search.backends import SearchRequest, open_backend
from search.config import SearchConfig
from tests.browser.corpus import index_corpus
from tests.helpers import logged_in_client
from tests.web.test_admin import profile_form, wait_for_job
from web.filters import local_today

pytestmark = pytest.mark.elasticsearch


def test_profile_save_retags_elasticsearch(tmp_path, elasticsearch_url, es_index):
    from presswatch.app import create_app
    from web import services

    config = SearchConfig.from_env(
        {
            "PRESSWATCH_DATA_DIR": str(tmp_path),
            "PRESSWATCH_ELASTICSEARCH_URL": elasticsearch_url,
            "PRESSWATCH_ELASTICSEARCH_INDEX": es_index,
        }
    )
    backend = open_backend(config, refresh=True)
    docs = index_corpus(backend, local_today())
    backend.close()
    app = create_app({"PRESSWATCH_DATA_DIR": tmp_path, "PRESSWATCH_SEARCH": config})
    admin = logged_in_client(app, "admin")
    form = profile_form(admin)
    form.update(
        action="save",
        key="le_hoi_quan_ho",
        name="Lễ hội, quan họ",
        query='"lễ hội" OR "quan họ"',
        min_hits="1",
    )
    response = admin.post("/admin/topics/new", data=form)
    job = wait_for_job(app, response.headers["Location"])
    assert job["state"] == "done" and job["done"] == job["total"] == len(docs)
    with app.app_context():
        tagged = services.backend().search(SearchRequest(topics=["Lễ hội, quan họ"]))
    assert tagged.total >= 5
