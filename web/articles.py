"""The article page: the extracted text, its metadata, a link to the original."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_login import login_required

from web import services

bp = Blueprint("articles", __name__, url_prefix="/articles")


@bp.route("/<document_id>")
@login_required
def show(document_id: str):
    document = services.backend().get(document_id)
    if document is None:
        abort(404)
    paragraphs = [p for p in document.body.split("\n") if p.strip()]
    return render_template("articles/show.html", doc=document, paragraphs=paragraphs,
                           outlet_names=services.outlet_names())
