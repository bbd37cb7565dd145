"""The editable topic profiles: ``<data dir>/topics.yaml``, seeded from the packaged default.

The packaged ``search/analysis/topics.yaml`` is never written. Every save is validated by the
analysis package's own ``load_profiles`` before it replaces the file (atomically, keeping the
previous version as ``topics.yaml.prev``), and refused if someone else saved since the editor
opened the form (``version``).
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from search.analysis import load_profiles
from search.analysis.prepared import DocumentTokens
from search.analysis.profiles import Profile, ProfileError, active_profiles_path
from search.analysis.topic_match import TopicMatch, match_profile
from search.backends import SearchRequest
from search.backends.base import SearchBackend
from search.config import TOPICS_FILE
from search.document import TEXT_FIELDS, Document

FILE_NAME = TOPICS_FILE
KEY = re.compile(r"^[a-z0-9_]{1,60}$")
PREVIEW_SIZE = 20
HEADER = (
    "# Topic profiles edited in Presswatch (Quản trị › Chủ đề). The packaged default is\n"
    "# search/analysis/topics.yaml; its comments explain every field.\n"
)


class StaleEdit(Exception):
    """The file changed since the form was opened."""


def editable_path(data_dir: Path | str) -> Path:
    return Path(data_dir) / FILE_NAME


def active_path(data_dir: Path | str) -> Path:
    """The file in force: the edited copy in the data folder, else the packaged default."""
    return active_profiles_path(data_dir)


def read_document(data_dir: Path | str) -> tuple[dict[str, Any], str]:
    """The profile file as data, and its version (a hash of the text)."""
    text = active_path(data_dir).read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    if not isinstance(data.get("profiles"), list):
        data["profiles"] = []
    return data, version_of(text)


def version_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def find_entry(data: dict[str, Any], key: str) -> dict[str, Any] | None:
    return next((p for p in data["profiles"] if isinstance(p, dict) and p.get("key") == key), None)


def entry_from_form(form: Any) -> dict[str, Any]:
    """A profile mapping from the edit form; empty optional fields are left out (defaults apply)."""
    entry: dict[str, Any] = {
        "key": form.get("key", "").strip(),
        "name": " ".join(form.get("name", "").split()),
    }
    description = " ".join(form.get("description", "").split())
    if description:
        entry["description"] = description
    entry["query"] = " ".join(form.get("query", "").split())
    fields = [f for f in TEXT_FIELDS if f in form.getlist("fields")]
    if form.get("custom_fields") == "1":
        entry["fields"] = fields
    min_hits = form.get("min_hits", "").strip().replace(",", ".")
    if min_hits:
        try:
            number = float(min_hits)
            entry["min_hits"] = int(number) if number.is_integer() else number
        except ValueError:
            entry["min_hits"] = min_hits  # load_profiles names the field in its error
    ignore = [" ".join(line.split()) for line in form.get("ignore", "").splitlines() if line.strip()]
    if ignore:
        entry["ignore"] = ignore
    return entry


def with_entry(data: dict[str, Any], entry: dict[str, Any], original_key: str | None) -> dict[str, Any]:
    """A copy of the file's data with ``entry`` replacing ``original_key`` (or appended if new)."""
    updated = copy.deepcopy(data)
    profiles = updated["profiles"]
    for index, existing in enumerate(profiles):
        if original_key and isinstance(existing, dict) and existing.get("key") == original_key:
            profiles[index] = entry
            return updated
    profiles.append(entry)
    return updated


def without_entry(data: dict[str, Any], key: str) -> dict[str, Any]:
    updated = copy.deepcopy(data)
    updated["profiles"] = [
        p for p in updated["profiles"] if not (isinstance(p, dict) and p.get("key") == key)
    ]
    return updated


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = ">" if len(value) > 80 and "\n" not in value and value == value.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump(data: dict[str, Any]) -> str:
    return HEADER + yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
    )


def validate(data: dict[str, Any], directory: Path | str) -> tuple[list[Profile], str]:
    """Profiles as the analysis package will load them (raises ``ProfileError``), and the text."""
    text = dump(data)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".topics-", suffix=".yaml", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        return load_profiles(temp), text
    finally:
        os.unlink(temp)


def save(data: dict[str, Any], data_dir: Path | str, expected_version: str) -> tuple[Path, list[Profile]]:
    """Validate and write the data folder's copy; the packaged file is never touched."""
    current_text = active_path(data_dir).read_text(encoding="utf-8")
    if version_of(current_text) != expected_version:
        raise StaleEdit(current_text)
    profiles, text = validate(data, data_dir)
    path = editable_path(data_dir)
    handle, temp = tempfile.mkstemp(prefix=".topics-", suffix=".yaml", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    if path.exists():
        os.replace(path, path.with_name(FILE_NAME + ".prev"))
    os.replace(temp, path)
    return path, profiles


@dataclass
class Preview:
    profile: Profile
    total: int  # stored articles matching the profile's query (any field, no min_hits)
    hits: list[tuple[Document, TopicMatch | None]] = field(default_factory=list)

    @property
    def tagged(self) -> int:
        """Among the hits shown, those the profile would tag (its fields and min_hits applied)."""
        return sum(1 for _doc, match in self.hits if match is not None)


def preview(backend: SearchBackend, profiles: list[Profile], key: str) -> Preview:
    profile = next(p for p in profiles if p.key == key)
    result = backend.search(SearchRequest(query=profile.query, sort="date", limit=PREVIEW_SIZE, facets=False))
    hits = [(hit.document, match_profile(profile, DocumentTokens(hit.document))) for hit in result.hits]
    return Preview(profile, result.total, hits)


__all__ = [
    "PREVIEW_SIZE",
    "Preview",
    "ProfileError",
    "StaleEdit",
    "active_path",
    "dump",
    "editable_path",
    "entry_from_form",
    "find_entry",
    "preview",
    "read_document",
    "save",
    "validate",
    "with_entry",
    "without_entry",
]
