"""Admin: add, edit and test outlets, import and export the registry YAML (admins only, CSRF on
every form). Storage, validation and audit are in ``outlet_store``; the on/off switch stays in
``outlets``.

"Test this outlet" runs the command the registry rules name (``python -m
crawler.discovery.learn``) in a subprocess: discovery and three articles extracted under the
crawler's fetch policy. The app never imports crawler/ (or Scrapy); it reads the JSON printed.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from web.admin import outlet_store
from web.admin.blueprint import bp
from web.auth import role_required
from web.db import get_db

# The form's fields, in the order shown; the rest of an entry (succession, evidence, quirks…) is
# kept as the registry has it.
LIST_FIELDS = ("feeds", "sitemaps", "sections", "aliases")
TEXT_FIELDS = ("name", "domain", "kind", "province", "feeds_source", "article_pattern", "notes")
PROBE_ARTICLES = 3
PROBE_TIMEOUT = 120  # seconds for the whole probe subprocess


def _data_dir() -> Path:
    return Path(current_app.config["PRESSWATCH_DATA_DIR"])


def _allow_local() -> bool:
    """Local test outlets (loopback addresses allowed) only where the operator allows them (tests,
    the demo): anywhere else the probe would be a way into the server's own network."""
    return bool(current_app.config.get("PRESSWATCH_ALLOW_LOCAL_OUTLETS"))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _number(text: str, kind: type) -> Any:
    """The number typed, or the text itself so that the registry's rule names the field."""
    try:
        return kind(text)
    except ValueError:
        return text


def entry_from_form(form: Any, existing: dict[str, Any] | None) -> dict[str, Any]:
    entry = dict(existing or {})
    entry["id"] = existing["id"] if existing else form.get("id", "").strip()
    for name in TEXT_FIELDS:
        value = form.get(name, "").strip()
        if value:
            entry[name] = value
        elif name in ("province",):
            entry[name] = None
        elif name in ("article_pattern", "notes", "feeds_source"):
            entry.pop(name, None)
        else:
            entry[name] = ""
    for name in LIST_FIELDS:
        values = _lines(form.get(name, ""))
        if values or name != "aliases":
            entry[name] = values
        else:
            entry.pop(name, None)
    selectors = {}
    for line in _lines(form.get("selectors", "")):
        key, _colon, css = line.partition(":")
        selectors[key.strip()] = css.strip()
    if selectors:
        entry["selectors"] = selectors
    else:
        entry.pop("selectors", None)
    for name, kind in (("crawl_delay", float), ("section_pages", int)):
        text = form.get(name, "").strip()
        if text:
            entry[name] = _number(text, kind)
        else:
            entry.pop(name, None)
    if _allow_local():
        if form.get("local_test"):
            entry["local_test"] = True
        else:
            entry.pop("local_test", None)
    return entry


def form_values(entry: dict[str, Any]) -> dict[str, Any]:
    values = {name: entry.get(name) or "" for name in ("id", *TEXT_FIELDS)}
    values.update({name: "\n".join(entry.get(name) or []) for name in LIST_FIELDS})
    values["selectors"] = "\n".join(f"{k}: {v}" for k, v in (entry.get("selectors") or {}).items())
    values["crawl_delay"] = entry.get("crawl_delay", "")
    values["section_pages"] = entry.get("section_pages", "")
    values["local_test"] = bool(entry.get("local_test"))
    return values


def _entry(outlet_id: str) -> dict[str, Any]:
    found = next((e for e in outlet_store.effective_entries(get_db()) if e.get("id") == outlet_id), None)
    if found is None:
        abort(404)
    return found


def _render(
    entry: dict[str, Any], *, new: bool, error: Any = None, probe: Any = None, status: int = 200
) -> ResponseReturnValue:
    rules = outlet_store.rules()
    history = [] if new else outlet_store.history(get_db(), entry.get("id"))
    return render_template(
        "admin/outlet_edit.html",
        values=form_values(entry),
        new=new,
        error=error,
        probe=probe,
        kinds=rules.kinds,
        feeds_sources=rules.feeds_sources,
        history=history,
        allow_local=_allow_local(),
        active_tab="outlets",
    ), status


def _save(entry: dict[str, Any], *, new: bool) -> ResponseReturnValue:
    if new and any(e.get("id") == entry["id"] for e in outlet_store.effective_entries(get_db())):
        error = {"field": "id", "message": _("Mã này đã có cơ quan khác dùng.")}
        return _render(entry, new=new, error=error, status=400)
    try:
        changes = outlet_store.save(get_db(), entry, current_user.email, _data_dir())
    except ValueError as problem:  # the registry's error: names the field
        error = {
            "field": getattr(problem, "field", None) or "",
            "message": getattr(problem, "message", str(problem)),
        }
        return _render(entry, new=new, error=error, status=400)
    name = entry.get("name") or entry["id"]
    flash(_("Đã lưu %(name)s.", name=name) if changes else _("Không có gì thay đổi."), "success")
    return redirect(url_for("admin.edit_outlet", outlet_id=entry["id"]), 303)


@bp.route("/outlets/new", methods=["GET", "POST"])
@role_required("admin")
def new_outlet() -> ResponseReturnValue:
    if request.method == "POST":
        return _save(entry_from_form(request.form, None), new=True)
    return _render(
        {
            "kind": "provincial-press-agency",
            "feeds_source": "guessed",
            "feeds": [],
            "sitemaps": [],
            "sections": [],
        },
        new=True,
    )


@bp.route("/outlets/<outlet_id>/edit", methods=["GET", "POST"])
@role_required("admin")
def edit_outlet(outlet_id: str) -> ResponseReturnValue:
    entry = _entry(outlet_id)
    if request.method == "POST":
        return _save(entry_from_form(request.form, entry), new=False)
    return _render(entry, new=False)


def run_probe(outlet_id: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Discovery and three articles for one outlet, in a subprocess on the effective registry."""
    data_dir = _data_dir()
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir)}
    with tempfile.NamedTemporaryFile(
        "w", suffix=".yaml", dir=data_dir, encoding="utf-8", delete=False
    ) as handle:
        handle.write(outlet_store.dump(entries))
    try:
        command = outlet_store.rules().probe_command(outlet_id, Path(handle.name), PROBE_ARTICLES)
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=PROBE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"error": _("Kiểm tra quá %(n)d giây, đã dừng.", n=PROBE_TIMEOUT)}
    finally:
        Path(handle.name).unlink(missing_ok=True)
    try:
        result = json.loads(done.stdout)
    except json.JSONDecodeError:
        current_app.logger.warning("Outlet probe failed: %s", done.stderr[-2000:])
        return {"error": _("Không chạy được bước kiểm tra (xem nhật ký máy chủ).")}
    if isinstance(result, dict):
        return {"error": result.get("error", "")}
    first: dict[str, Any] = result[0]  # the probe's JSON: one result per outlet
    return first


@bp.route("/outlets/<outlet_id>/probe", methods=["POST"])
@role_required("admin")
def probe_outlet(outlet_id: str) -> ResponseReturnValue:
    entry = _entry(outlet_id)
    probe = run_probe(outlet_id, outlet_store.effective_entries(get_db()))
    return _render(entry, new=False, probe=probe)


@bp.route("/outlets/export.yaml")
@role_required("admin")
def export_outlets() -> ResponseReturnValue:
    return Response(
        outlet_store.export_yaml(get_db()),
        mimetype="application/x-yaml",
        headers={"Content-Disposition": "attachment; filename=outlets.yaml"},
    )


@bp.route("/outlets/import", methods=["POST"])
@role_required("admin")
def import_outlets() -> ResponseReturnValue:
    upload = request.files.get("registry")
    if upload is None or not upload.filename:
        flash(_("Chọn một tệp YAML danh mục để nhập."), "error")
        return redirect(url_for("admin.outlets"), 303)
    try:
        text = upload.read(2 * 1024 * 1024 + 1).decode("utf-8")
        if len(text) > 2 * 1024 * 1024:
            raise ValueError("too large")
        changed = outlet_store.import_yaml(get_db(), text, current_user.email, _data_dir())
    except UnicodeDecodeError:
        flash(_("Tệp phải là YAML UTF-8, tối đa 2 MB."), "error")
        return redirect(url_for("admin.outlets"), 303)
    except ValueError as problem:  # the registry's error names the outlet and the field
        if str(problem) == "too large":
            flash(_("Tệp phải là YAML UTF-8, tối đa 2 MB."), "error")
        else:
            flash(_("Không nhập được: %(error)s", error=str(problem)), "error")
        return redirect(url_for("admin.outlets"), 303)
    flash(_("Đã nhập %(n)d cơ quan thay đổi.", n=len(changed)), "success")
    return redirect(url_for("admin.outlets"), 303)
