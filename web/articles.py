"""The article page: the extracted text as sanitised HTML, metadata, tags with their reasons,
copies of the same story in other outlets, and a link to the original."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import urlsplit

import nh3
from flask import Blueprint, abort, render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from markupsafe import Markup

from search.backends import BackendUnavailable, SearchRequest
from search.document import Document
from web import services
from web.auth import role_required
from web.corrections import form_context
from web.filters import original_url
from web.followup.views import panel
from web.versions import FIELD_LABELS, REASON_LABELS, versions_view

bp = Blueprint("articles", __name__, url_prefix="/articles")

# What an article body may contain once cleaned: text structure, images and captions, plain links.
ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "blockquote",
    "em",
    "strong",
    "b",
    "i",
    "figure",
    "figcaption",
    "img",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "img": {"src", "alt", "loading", "referrerpolicy"},
    "a": {"href", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
URL_SCHEMES = {"http", "https"}  # no javascript:, data: or vbscript: survives
COPIES_LIMIT = 50
TERMS_SHOWN = 12


def sanitize(html: str) -> Markup:
    """nh3 (ammonia): unknown tags dropped with their script/style content, no event handlers,
    no style attributes, only http(s) URLs; links open without a referrer and cannot steer the app."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return Markup(cleaned)  # noqa: S704 - cleaned by nh3 just above


def body_html(document: Document) -> Markup:
    """The body as HTML: paragraphs from the extracted text, then the images with captions.

    The extractor stores plain text, so it is escaped first (markup in it shows as text); the
    result still goes through the sanitiser, which is what vets image URLs and any future HTML body.
    """
    html_body = getattr(document, "body_html", "") or ""
    if not html_body:
        paragraphs = (p.strip() for p in document.body.split("\n"))
        html_body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs if p)
    figures = []
    for image in document.images or []:
        url = urlsplit(str(image.get("url") or "")) if isinstance(image, dict) else None
        if url is None or url.scheme not in URL_SCHEMES or not url.hostname:
            continue  # an image the sanitiser would strip the URL from is only an empty box
        # A link, not an <img>: the host is whatever the crawled page named, and showing the page
        # must not make a staff browser fetch it (the CSP allows images from this site only).
        caption = str(image.get("caption") or "")
        # In the demo, the sample press's stable origin becomes its running address, as for "Bài
        # gốc" (web.filters.original_url); a real outlet's picture URL is unchanged.
        href = original_url(str(image["url"]))
        link = _("Mở ảnh từ %(host)s", host=urlsplit(href).hostname or url.hostname)
        figures.append(
            f'<figure><a href="{escape(href)}">{escape(link)}</a>'
            + (f"<figcaption>{escape(caption)}</figcaption>" if caption else "")
            + "</figure>"
        )
    return sanitize(html_body + "".join(figures))


def terms(value: Any, limit: int = TERMS_SHOWN) -> list[str]:
    """Whatever an explanation holds (a list, a string, a mapping, cue records), as short strings.

    The analysis records are still evolving, so anything unexpected degrades to its text
    instead of breaking the page; the template escapes every string.
    """
    out: list[str] = []

    def add(item: Any) -> None:
        if len(out) >= limit or item is None or item == "":
            return
        if isinstance(item, str | int | float):
            text = str(item)
        elif isinstance(item, dict):
            key = next((k for k in ("term", "cue", "text", "match", "alias", "name") if item.get(k)), None)
            text = (
                str(item[key])
                if key
                else ", ".join(f"{k}: {v}" for k, v in item.items() if isinstance(v, str | int | float))
            )
        elif isinstance(item, Iterable):
            for part in item:
                add(part)
            return
        else:
            text = str(item)
        if text and text not in out:
            out.append(text[:120])

    if isinstance(value, dict) and not any(k in value for k in ("term", "cue", "text", "match")):
        for key, item in value.items():
            if key in ("terms", "matches", "matched", "mentions", "aliases", "cues"):
                add(item)
        if not out:
            add(list(value.keys()))
    else:
        add(value)
    return out


@dataclass
class ToneReason:
    label: str
    score: float | None = None
    cues: list[dict[str, str]] = field(default_factory=list)
    focus_province: str = ""  # tone toward the watched province, when the analysis gave one
    focus_label: str = ""


def tone_reason(document: Document) -> ToneReason:
    raw = (document.explanations or {}).get("tone")
    reason = ToneReason(document.tone)
    if isinstance(raw, dict):
        score = raw.get("score")
        reason.score = float(score) if isinstance(score, int | float) else None
        for cue in raw.get("cues") or []:
            if isinstance(cue, dict) and cue.get("cue"):
                reason.cues.append(
                    {
                        "cue": str(cue["cue"]),
                        "polarity": str(cue.get("polarity", "")),
                        "modifier": str(cue.get("modifier") or ""),
                        "intensifier": str(cue.get("intensifier") or ""),
                    }
                )
            elif isinstance(cue, str):
                reason.cues.append({"cue": cue, "polarity": "", "modifier": "", "intensifier": ""})
        focus = raw.get("focus")
        if isinstance(focus, dict) and focus.get("label"):
            reason.focus_province = str(focus.get("province") or "")
            reason.focus_label = str(focus["label"])
    elif raw:
        reason.cues = [{"cue": t, "polarity": "", "modifier": "", "intensifier": ""} for t in terms(raw)]
    reason.cues = reason.cues[:TERMS_SHOWN]
    return reason


def tag_reasons(document: Document, kind: str, names: list[str]) -> list[tuple[str, list[str]]]:
    """(tag, why) for each topic or province: the matched terms the analysis recorded, if any."""
    raw = (document.explanations or {}).get(kind)
    by_name = raw if isinstance(raw, dict) else {}
    if isinstance(by_name.get("evidence"), dict):  # provinces: evidence per unit mentioned
        by_name = by_name["evidence"]
    folded = {str(k).casefold(): v for k, v in by_name.items()}
    return [(name, terms(by_name.get(name, folded.get(name.casefold())))) for name in names]


def story_copies(document: Document) -> list[Document]:
    """Other articles of the same story (other outlets, or the same outlet again), oldest first."""
    request = SearchRequest(
        query=f'story:"{document.story_id}"', sort="date", limit=COPIES_LIMIT, facets=False
    )
    try:
        hits = services.backend().search(request).hits
    except (BackendUnavailable, ValueError):
        return []
    copies = [hit.document for hit in hits if hit.document.id != document.id]
    return sorted(copies, key=lambda d: d.published_at)


@bp.route("/<document_id>")
@role_required("viewer")
def show(document_id: str) -> ResponseReturnValue:
    if len(document_id) > 200:
        abort(404)
    document = services.backend().get(document_id)
    if document is None:
        abort(404)
    copies = story_copies(document) if document.story_id else []
    return render_template(
        "articles/show.html",
        doc=document,
        body=body_html(document),
        topics=tag_reasons(document, "topics", document.topics),
        provinces=tag_reasons(document, "provinces", document.provinces),
        tone=tone_reason(document),
        copies=copies,
        copy_outlets=len({d.outlet_id for d in copies} - {document.outlet_id}),
        outlet_names=services.outlet_names(),
        followup=panel("article", document.id),
        fix=form_context(document),
        versions=versions_view(document.id),
        REASON_LABELS=REASON_LABELS,
        FIELD_LABELS=FIELD_LABELS,
    )
