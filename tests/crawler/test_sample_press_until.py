"""The sample press never publishes in the future: given the moment it is first read (``until``, the
demo's first crawl), the end day's articles all come before it, whatever the hour, with the same count
and the same ids on every later build for that moment (a second demo must not add duplicates).

Found on a new user's walk: at 14:52 local the first demo showed articles dated 22:02 the same day."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest

from presswatch.commands.demo import CORPUS_FILE, corpus_end
from presswatch.sample_press import SamplePress, build_corpus
from presswatch.sample_press.corpus import TZ, _build

END = date(2026, 12, 3)
MOMENTS = [
    time(0, 0, 30),
    time(0, 5),
    time(4, 0),
    time(6, 0),
    time(9, 30),
    time(14, 52),
    time(22, 29),
    time(23, 59),
]


@pytest.mark.parametrize("moment", MOMENTS, ids=str)
def test_no_article_is_after_the_moment_the_press_is_read(moment):
    until = datetime.combine(END, moment, TZ)
    whole_day = build_corpus(END)
    corpus = build_corpus(END, until)
    late = [(a.outlet_id, a.published_at.isoformat()) for a in corpus if a.published_at > until]
    assert not late, late
    assert len(corpus) == len(whole_day)
    # Only the end day moves; the other days, the text and the stories stay as they were.
    assert sorted(a.published_at for a in corpus if a.published_at.date() < END) == sorted(
        a.published_at for a in whole_day if a.published_at.date() < END
    )
    assert sorted(a.title for a in corpus) == sorted(a.title for a in whole_day)
    _build.cache_clear()  # the same ids when rebuilt from scratch for the same moment
    again = build_corpus(END, until)
    assert [(a.outlet_id, a.article_id, a.published_at) for a in again] == [
        (a.outlet_id, a.article_id, a.published_at) for a in corpus
    ]


def test_the_demo_keeps_the_first_runs_moment_and_serves_nothing_after_it(tmp_path):
    before = datetime.now(TZ).replace(microsecond=0)
    end, until = corpus_end(tmp_path)
    assert until is not None and before <= until <= datetime.now(TZ) and end == until.date()
    assert corpus_end(tmp_path) == (end, until)  # every later run: the same articles
    press = SamplePress(end=end, until=until)
    try:
        assert max(a.published_at for a in press.articles) <= until
    finally:
        press.stop()


def test_a_data_folder_from_before_keeps_its_whole_end_day(tmp_path):
    # Its index already holds the end day's evening articles: moving them now would change them.
    (tmp_path / CORPUS_FILE).write_text(json.dumps({"end": "2026-11-20"}), encoding="utf-8")
    assert corpus_end(tmp_path) == (date(2026, 11, 20), None)
