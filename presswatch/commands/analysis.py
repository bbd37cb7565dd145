"""`presswatch analyze FILE_OR_URL|-|--text` and `presswatch retag`: article analysis from the command line.

Both are plain click commands; ``presswatch/cli.py`` registers them in the ``presswatch`` group.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from presswatch.commands.article_input import article_source, read_article, refuse


def _report(analysis: Any, document: Any, top: list[tuple[str, int]]) -> dict[str, Any]:
    explanations = analysis.explanations()
    places = explanations["provinces"]
    tone = explanations["tone"]
    return {
        "title": document.title,
        "url": document.url,
        "topics": [
            {"name": name, "terms": value, "hits": explanations["topic_hits"][name]}
            for name, value in explanations["topics"].items()
        ],
        "provinces": {
            "old": places["old"],
            "new": places["new"],
            "evidence": places["evidence"],
            "ignored": places["ignored"],
        },
        "tone": {"label": tone["label"], "score": tone["score"], "cues": tone["cues"]},
        "focus": tone["focus"],
        "keywords": [{"phrase": phrase, "count": count} for phrase, count in top],
    }


def _print_text(report: dict[str, Any]) -> None:
    click.echo(report["title"])
    click.echo(f"  {report['url']}\n")
    click.echo("Chủ đề / topics:")
    for topic in report["topics"] or [{"name": "(không có)", "terms": [], "hits": 0}]:
        terms = ", ".join(topic["terms"])
        click.echo(f"  - {topic['name']}" + (f"  ← {terms}" if terms else ""))
    places = report["provinces"]
    click.echo("\nĐịa phương / provinces:")
    click.echo(f"  trước 1/7/2025 (old): {', '.join(places['old']) or '-'}")
    click.echo(f"  từ 1/7/2025 (new):    {', '.join(places['new']) or '-'}")
    for unit, evidence in places["evidence"].items():
        seen = ", ".join(f"{e['text']} [{e['field']}]" for e in evidence)
        click.echo(f"    {unit}: {seen}")
    for item in places["ignored"]:
        click.echo(f"    bỏ qua / ignored: {item['text']} [{item['field']}] ({item['reason']})")
    tone = report["tone"]
    click.echo(f"\nSắc thái / tone: {tone['label']} ({tone['score']:+.2f})")
    for cue in tone["cues"]:
        extra = f" ← {cue['modifier']}" if cue.get("modifier") else ""
        click.echo(f"    {cue['polarity']:<8} {cue['cue']} [{cue['field']}] {cue['score']:+.2f}{extra}")
    focus = report["focus"]
    toward = focus["label"] or "không nhắc đến / not mentioned"
    click.echo(f"  với {focus['province']} / toward the focus province: {toward}")
    top = ", ".join(f"{k['phrase']} ({k['count']})" for k in report["keywords"])
    click.echo(f"\nTừ khóa / keywords: {top}")


@click.command("analyze")
@article_source
@click.option(
    "--focus", default=None, help="Focus province (default: $PRESSWATCH_FOCUS_PROVINCE or Bắc Ninh)."
)
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object with topics, provinces, tone, keywords."
)
def analyze_command(source: str | None, text: str | None, url: str, focus: str | None, as_json: bool) -> None:
    """Show one article's topics, provinces (old and new), tone and keywords.

    The article is a web page (a file, a URL, HTML on standard input) or plain text (a .txt file,
    - for standard input, or --text) whose first line is the title.
    """
    from crawler.items import OutletFields, article_document
    from search.analysis import analyze, keywords

    result = read_article(source, text, url)
    if result.article is None:
        refuse(result, as_json)
    outlet: OutletFields = {"outlet_id": "cli", "outlet_name": "", "outlet_kind": "", "outlet_province": ""}
    document = article_document(result.article, outlet)
    try:
        analysis = analyze(document, focus)
    except ValueError as error:  # an unknown focus province
        click.echo(str(error), err=True)
        sys.exit(2)
    report = _report(analysis, document, keywords([document], limit=15))
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_text(report)


@click.command("retag")
@click.option(
    "--backend",
    type=click.Choice(["embedded", "elasticsearch"]),
    default=None,
    help="Index to retag (default: the configured one).",
)
@click.option("--batch-size", default=500, show_default=True, type=int, help="Documents written per batch.")
def retag_command(backend: str | None, batch_size: int) -> None:
    """Re-apply all topic profiles, places and tone to every stored article."""
    from tqdm import tqdm

    from search.analysis import annotate, load_profiles
    from search.analysis.profiles import ProfileError
    from search.backends import BackendUnavailable, SearchRequest, open_backend
    from search.corrections import CorrectionStore

    try:
        load_profiles()  # fail before touching the index if an admin broke topics.yaml
    except ProfileError as error:
        click.echo(str(error), err=True)
        sys.exit(2)
    try:
        index = open_backend(backend=backend)
        total = index.count()
    except BackendUnavailable as error:
        click.echo(str(error), err=True)
        sys.exit(2)
    changed = written = 0
    errors: list[tuple[str, str]] = []
    batch = []
    corrections = CorrectionStore.open()
    try:
        # scan() streams every stored article in pages (search_after / keyset), never all in memory.
        for document in tqdm(index.scan(SearchRequest()), total=total, unit="bài", desc="Retagging"):
            before = (list(document.topics), list(document.provinces), document.tone)
            annotate(document)
            corrections.apply(document)  # an editor's correction wins over the analyser
            changed += before != (document.topics, document.provinces, document.tone)
            batch.append(document)
            if len(batch) >= batch_size:
                report = index.index(batch)
                written, errors, batch = written + report.indexed, errors + report.errors, []
        if batch:
            report = index.index(batch)
            written, errors = written + report.indexed, errors + report.errors
    finally:
        index.close()
        corrections.close()
    click.echo(f"Retagged {written} of {total} articles; {changed} changed topics, provinces or tone.")
    for document_id, reason in errors[:20]:
        click.echo(f"  error {document_id}: {reason}", err=True)
    if errors:
        sys.exit(1)


@click.group("analysis")
def analysis_group() -> None:
    """The analyser's labelled data: staff corrections as additional labels."""


@analysis_group.command("export-corrections")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="YAML file to write (default: standard output).",
)
def export_corrections_command(out: str | None) -> None:
    """Export each corrected article's latest correction as a labelled item, in the format of
    tests/data/analysis/*.yaml (id, title, sapo, body, topics, provinces before 2025, tone), so
    `bench/analysis.py --set corrections --file FILE` scores the analyser against them."""
    import yaml

    from search.backends import BackendUnavailable, open_backend
    from search.corrections import CorrectionStore

    store = CorrectionStore.open()
    try:
        index = open_backend()
    except BackendUnavailable as error:
        click.echo(str(error), err=True)
        sys.exit(2)
    items, missing = [], 0
    try:
        for correction in store.current():
            document = index.get(correction.document_id)
            if document is None:  # deleted from the index since: nothing to label
                missing += 1
                continue
            items.append(
                {
                    "id": f"c{correction.id}",
                    "title": document.title,
                    "sapo": document.sapo,
                    "body": document.body,
                    "topics": correction.new["topics"],
                    "provinces": correction.new["old_units"],
                    "tone": correction.new["tone"],
                    "url": correction.url,
                    "corrected_by": correction.corrected_by,
                    "corrected_at": correction.corrected_at.isoformat(),
                }
            )
    finally:
        index.close()
        store.close()
    text = (
        "# Staff corrections exported by `presswatch analysis export-corrections`; labels as in "
        "tests/data/analysis/README.md.\n"
        + yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=120)
    )
    if out:
        with open(out, "w", encoding="utf-8") as handle:
            handle.write(text)
        click.echo(
            f"Exported {len(items)} corrected articles to {out}"
            + (f" ({missing} no longer in the index)" if missing else "."),
            err=True,
        )
    else:
        click.echo(text, nl=False)
