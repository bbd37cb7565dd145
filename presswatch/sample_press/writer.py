"""Turn a scenario into article text: build the slot context, fill titles, sapo, body, captions."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from .people import FOREIGN_INVESTORS, PROJECT_NAMES, PROMOTION_COUNTRIES, company, official, person
from .phrases import Scenario, Topic
from .places import PROVINCES, Province
from .text import Slots, capitalize, decimal, fill, number, round_significant, with_capitals

_UNIT_PREFIXES = ("thành phố ", "thị xã ", "thị trấn ", "huyện ", "quận ", "phường ", "xã ")
_PARTY_OF = {"huyện": "Huyện ủy", "thành phố": "Thành ủy", "thị xã": "Thị ủy", "quận": "Quận ủy"}


@dataclass(frozen=True)
class Draft:
    """The text of one article before it is placed on an outlet."""

    topic: str
    scenario: str
    tone: str
    province: str
    title: str
    sapo: str
    paragraphs: tuple[str, ...]
    headings: tuple[int, ...]
    captions: tuple[str, ...]
    tags: tuple[str, ...]
    slots: Slots

    def without_last_paragraph(self) -> Draft:
        if len(self.paragraphs) <= 4:
            return self
        last = len(self.paragraphs) - 1
        return replace(
            self, paragraphs=self.paragraphs[:-1], headings=tuple(h for h in self.headings if h != last)
        )


def place_name(unit: str) -> str:
    """'huyện Tiên Du' → 'Tiên Du'; numbered units keep their type ('quận 1')."""
    for prefix in _UNIT_PREFIXES:
        if unit.startswith(prefix):
            rest = unit[len(prefix) :]
            return unit if rest.isdigit() else rest
    return unit


def party_committee(district: str) -> str:
    name = place_name(district)
    for prefix, committee in _PARTY_OF.items():
        if district.startswith(prefix + " "):
            return f"{committee} {capitalize(name) if name == district else name}"
    return f"Đảng ủy {district}"


def _period(when: datetime) -> str:
    if when.month >= 3:
        return f"{when.month - 1} tháng năm {when.year}"
    if when.month == 2:
        return f"tháng 1/{when.year}"
    return f"năm {when.year - 1}"


def _event_time(rng: random.Random, when: datetime) -> tuple[str, str]:
    """A moment before publication, as 'sáng 12/11' and '7 giờ 30'."""
    hour = when.hour
    if hour >= 19:
        part = rng.choice(("sáng", "chiều"))
    elif hour >= 15:
        part = rng.choice(("sáng", "trưa"))
    elif hour >= 11:
        part = "sáng"
    else:
        part = rng.choice(("chiều", "tối"))
    day = when if hour >= 11 else when - timedelta(days=1)
    start, stop = {"sáng": (6, 10), "trưa": (11, 12), "chiều": (14, 17), "tối": (19, 21)}[part]
    minute = rng.choice((0, 15, 30, 45))
    clock = f"{rng.randint(start, stop)} giờ" + (f" {minute}" if minute else "")
    return f"{part} {day.day}/{day.month}", clock


def _dm(moment: datetime) -> str:
    return f"{moment.day}/{moment.month}"


def context(rng: random.Random, province: Province, when: datetime, photo: str) -> Slots:
    """All slot values for one article about ``province`` published at ``when``."""
    (d1, communes1), (d2, communes2) = rng.sample(province.district_list(), 2)
    xa, xa2 = rng.sample(communes1, 2) if len(communes1) >= 2 else (communes1[0], communes2[0])
    officials = [official(rng) for _ in range(3)]
    residents = [person(rng, age=(19, 72)) for _ in range(2)]
    investor, country = rng.choice(FOREIGN_INVESTORS)
    other = rng.choice([p for p in PROVINCES if p.name != province.name])
    su_luc, su_gio = _event_time(rng, when)
    values: dict[str, str] = {
        "p": province.label,
        "tinh": province.full,
        "cap": province.unit,
        "ubnd": f"UBND {province.full}",
        "tinhuy": province.party,
        "congan": f"Công an {province.full}",
        "huyen": d1,
        "huyen_ten": place_name(d1),
        "huyen_uy": party_committee(d1),
        "huyen2": d2,
        "huyen2_ten": place_name(d2),
        "xa": xa,
        "xa_ten": place_name(xa),
        "xa2": xa2,
        "road": rng.choice(province.roads),
        "river": rng.choice(province.rivers),
        "kcn": rng.choice(province.zones),
        "bks": f"{province.plate}C-{rng.randint(100, 999)}.{rng.randint(10, 99)}",
        "p2": other.label,
        "cty": company(rng),
        "cty_fdi": investor,
        "quoc_gia": country,
        "quoc_gia_xt": rng.choice(PROMOTION_COUNTRIES),
        "ten_du_an": rng.choice(PROJECT_NAMES),
        "anh": photo,
        "ngay": _dm(when),
        "ngay_truoc": _dm(when - timedelta(days=1)),
        "ngay_sau": _dm(when + timedelta(days=2)),
        "thang": str(when.month),
        "thang_truoc": str((when.month - 2) % 12 + 1),
        "thang_sau": str(when.month % 12 + 1),
        "nam": str(when.year),
        "nam_truoc": str(when.year - 1),
        "nam_sau": str(when.year + 1),
        "nam_cu": str(when.year - rng.randint(3, 6)),
        "nam_sinh": str(when.year - officials[1].age),
        "ky": _period(when),
        "su_luc": su_luc,
        "su_gio": su_gio,
    }
    for i, who in enumerate(officials, start=1):
        values.update({f"ong{i}": who.title, f"nguoi{i}": who.full, f"ten{i}": who.given})
    for i, who in enumerate(residents, start=1):
        values.update(
            {
                f"dan{i}": f"{who.address} {who.full}",
                f"dan{i}_hoten": who.full,
                f"dan{i}_ten": who.given,
                f"dan{i}_tuoi": str(who.age),
            }
        )
    return with_capitals(values)


def _number(rng: random.Random, spec: tuple[int, int] | tuple[float, float, int]) -> str:
    if len(spec) == 3:
        return decimal(rng.uniform(spec[0], spec[1]), spec[2])
    return number(round_significant(rng.randint(spec[0], spec[1])))


def _sentences(item: str | tuple[str, ...], slots: Slots, rng: random.Random) -> list[str]:
    parts = (item,) if isinstance(item, str) else item
    out = []
    for part in parts:
        if part.startswith("?"):
            if rng.random() < 0.5:
                continue
            part = part[1:]
        out.append(capitalize(fill(part, slots, rng)))
    return out


def write(
    rng: random.Random, topic: Topic, scenario: Scenario, slots: Slots, title_index: int | None = None
) -> Draft:
    """Fill one scenario; ``title_index`` picks a headline variant (syndicated copies differ)."""
    values = dict(slots)
    for key, spec in scenario.nums.items():
        values[key] = _number(rng, spec)
    for key, options in scenario.pools.items():
        values[key] = fill(rng.choice(options), with_capitals(values), rng)
    slots = with_capitals(values)
    if title_index is None:
        title_index = rng.randrange(len(scenario.titles))
    title = capitalize(fill(scenario.titles[title_index % len(scenario.titles)], slots, rng))
    sapo = capitalize(fill(rng.choice(scenario.sapos), slots, rng))
    paragraphs: list[str] = []
    headings: list[int] = []
    for item in scenario.body:
        if isinstance(item, str) and item.startswith("?"):
            if rng.random() < 0.45:
                continue
            item = item[1:]
        sentences = _sentences(item, slots, rng)
        if not sentences:
            continue
        if sentences[0].startswith("## "):
            headings.append(len(paragraphs))
            paragraphs.append(sentences[0][3:].strip())
        else:
            paragraphs.append(" ".join(sentences))
    while len(paragraphs) > 9:
        paragraphs.pop()
    wanted = 2 if len(scenario.captions) > 1 and rng.random() < 0.6 else 1
    captions = tuple(capitalize(fill(c, slots, rng)) for c in scenario.captions[:wanted])
    tags = (topic.tags[0], *(fill(t, slots, rng) for t in scenario.tags), slots["p"])
    unique_tags = tuple(dict.fromkeys(tags))
    return Draft(
        topic.key,
        scenario.key,
        scenario.tone,
        _province_name(slots),
        title,
        sapo,
        tuple(paragraphs),
        tuple(h for h in headings if h < len(paragraphs)),
        captions,
        unique_tags,
        slots,
    )


def _province_name(slots: Slots) -> str:
    return next(p.name for p in PROVINCES if p.label == slots["p"])


def retitle(draft: Draft, topic: Topic, scenario: Scenario, index: int, rng: random.Random) -> str:
    """Another headline variant for the same story (same slot values)."""
    return capitalize(fill(scenario.titles[index % len(scenario.titles)], draft.slots, rng))
