"""The Presswatch web app: ``flask --app web run`` (app factory below)."""

from __future__ import annotations

from typing import Any

from flask import Flask

from web.config import load_config


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(load_config())
    app.config.update(overrides or {})

    from web import filters, services

    services.init_app(app)
    filters.init_app(app)

    from web.articles import bp as articles_bp
    from web.search_views import bp as search_bp

    app.register_blueprint(search_bp)
    app.register_blueprint(articles_bp)
    return app
