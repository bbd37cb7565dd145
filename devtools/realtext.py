"""The real-text evaluation set: labels in the repository, article texts in a folder beside it.

Real articles may not be committed (their licence does not allow redistribution in the package,
and some come from snapshots the project may not ship), so ``tests/data/analysis/realtext/``
holds only ``manifest.tsv`` (where each text comes from, its sha256 and licence) and the labels
(``dev.yaml``, ``heldout.yaml``, ``heldout2.yaml`` to ``heldout6.yaml``, ``shared.yaml``). The texts
are read from a folder:

- ``$PRESSWATCH_REALTEXT_DIR`` when set, else ``../shared/realtext`` beside the repository;
- ``shared.yaml`` is labelled on ``../shared/pages`` (extracted with ``crawler.extract``) and
  ``../shared/seed``, which CI always has (manifest paths starting ``shared:``).

A text whose file is absent is skipped (``load_real_set`` says how many); a text whose sha256
differs is an error, so labels never silently score a different article.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
LABELS_DIR = REPO / "tests" / "data" / "analysis" / "realtext"
SHARED = REPO.parent / "shared"
TEXTS_ENV = "PRESSWATCH_REALTEXT_DIR"

# VietNews ships word-segmented text: syllables of a word joined by "_", every punctuation mark
# spaced off. These put the spacing back the way the outlet printed it.
_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]”’…])")
_NO_SPACE_AFTER = re.compile(r"([(\[“‘]) ")
_STRAIGHT_QUOTES = re.compile(r'" ([^"\n]*?) "')


class RealTextError(ValueError):
    pass


@dataclass
class Loaded:
    items: list[dict[str, Any]]
    missing: list[str]  # ids whose text file is not in the folder


def texts_dir() -> Path:
    return Path(os.environ.get(TEXTS_ENV) or SHARED / "realtext")


def detokenize(line: str) -> str:
    text = line.replace("_", " ")
    text = _STRAIGHT_QUOTES.sub(r'"\1"', text)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text).strip()


def parse_vietnews(raw: str) -> dict[str, str]:
    """Title, sapo and body of a VietNews ``.txt.seg`` file (blocks: title, summary, body,
    caption; the caption is dropped, as the extractor drops figure captions)."""
    blocks = [b for b in raw.split("\n\n") if b.strip()]
    if len(blocks) < 3:
        raise RealTextError(f"expected title, sapo and body blocks, got {len(blocks)}")
    body = "\n".join(detokenize(line) for block in blocks[2:3] for line in block.splitlines() if line.strip())
    return {"title": detokenize(blocks[0]), "sapo": detokenize(blocks[1].replace("\n", " ")), "body": body}


def manifest(path: Path | None = None) -> dict[str, dict[str, str]]:
    path = path or LABELS_DIR / "manifest.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row["id"]: row for row in rows}


def parse_text(raw: str) -> dict[str, str]:
    """A page saved as text: title, a blank line, the sapo paragraph, then the body lines, from
    which the crawler's own furniture filter cuts related-article lists and prompts."""
    from crawler.extract.furniture_text import filter_lines

    blocks = [b.strip() for b in raw.split("\n\n") if b.strip()]
    if len(blocks) < 3:
        raise RealTextError("expected a title, a sapo and a body")
    lines = [line.strip() for block in blocks[2:] for line in block.splitlines() if line.strip()]
    return {"title": blocks[0], "sapo": blocks[1], "body": "\n".join(filter_lines(lines))}


def parse_page(raw: bytes, url: str) -> dict[str, str]:
    """An article page, extracted as the crawler extracts it."""
    from crawler.extract import extract_article

    result = extract_article(raw, url)
    if result.article is None:
        raise RealTextError(f"{url}: not extracted: {result.reason}")
    return {"title": result.article.title, "sapo": result.article.sapo, "body": result.article.body}


def _read(row: dict[str, str], folder: Path) -> dict[str, str] | None:
    relative = row["path"]
    shared = relative.startswith("shared:")
    path = SHARED / relative.removeprefix("shared:") if shared else folder / relative
    if not path.is_file():
        return None
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != row["sha256"]:
        raise RealTextError(f"{path}: sha256 {digest} is not the manifest's {row['sha256']}")
    if row["format"] == "vietnews":
        return parse_vietnews(raw.decode("utf-8"))
    if row["format"] == "text":
        return parse_text(raw.decode("utf-8"))
    if row["format"] == "page":
        return parse_page(raw, f"https://{path.name.split('_')[0]}/{row['id']}")
    raise RealTextError(f"{row['id']}: unknown format {row['format']!r}")


def load_real_set(name: str, folder: Path | None = None) -> Loaded:
    """Labelled items of ``realtext/<name>.yaml`` with their title, sapo and body filled in."""
    folder = folder or texts_dir()
    rows = manifest()
    labels = yaml.safe_load((LABELS_DIR / f"{name}.yaml").read_text(encoding="utf-8")) or []
    items, missing = [], []
    for label in labels:
        row = rows.get(label["id"])
        if row is None:
            raise RealTextError(f"{name}.yaml: {label['id']} is not in manifest.tsv")
        text = _read(row, folder)
        if text is None:
            missing.append(label["id"])
            continue
        items.append({**text, **label})
    return Loaded(items, missing)


def iter_ids(name: str) -> Iterator[str]:
    for label in yaml.safe_load((LABELS_DIR / f"{name}.yaml").read_text(encoding="utf-8")) or []:
        yield label["id"]
