"""The seed article (data/seed_article.txt): the real Bắc Ninh page the project was specified from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from search.config import LOCAL_TZ

SEED_PATH = Path(__file__).parent / "data" / "seed_article.txt"
SEED_OUTLET = "baokinhbac"
SEED_ID = "1001"
SEED_PUBLISHED = datetime(2023, 10, 10, 9, 15, tzinfo=LOCAL_TZ)
SEED_TAGS = ("Chuyển đổi số", "Bắc Ninh", "kinh tế số", "phản ánh kiến nghị")


@dataclass(frozen=True)
class SeedText:
    title: str
    sapo: str
    related: tuple[str, ...]  # headlines of the inline related-links box
    paragraphs: tuple[str, ...]
    headings: tuple[int, ...]  # indexes of subheading paragraphs
    captions: tuple[str, ...]
    image_after: tuple[int, ...]  # each image follows this paragraph index
    byline: str


@lru_cache(maxsize=1)
def load_seed_text(path: Path = SEED_PATH) -> SeedText:
    fields: dict[str, str] = {}
    related: list[str] = []
    paragraphs: list[str] = []
    headings: list[int] = []
    captions: list[str] = []
    image_after: list[int] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        marker, _, text = raw.partition(": ")
        if marker in ("T", "S", "B"):
            fields[marker] = text
        elif marker == "R":
            related.append(text)
        elif marker in ("P", "H"):
            if marker == "H":
                headings.append(len(paragraphs))
            paragraphs.append(text)
        elif marker == "I":
            captions.append(text)
            image_after.append(len(paragraphs) - 1)
        else:
            raise ValueError(f"{path}: unknown marker in line {raw[:40]!r}")
    return SeedText(
        fields["T"],
        fields["S"],
        tuple(related),
        tuple(paragraphs),
        tuple(headings),
        tuple(captions),
        tuple(image_after),
        fields["B"],
    )
