"""The shape of the phrase data: topics, each with a few story scenarios written as templates.

Template syntax (see ``text.fill``):
  ``a || b``      one of several alternative sentences (or titles, sapos, captions);
  ``[[x|y]]``     an inline choice of words;
  ``{slot}``      a value from the article's context; ``{Slot}`` is the same value capitalised.
Body items: a string is a one-sentence paragraph, a tuple is a paragraph of sentences; a leading
``?`` makes the paragraph (or the sentence, inside a tuple) optional; ``## `` marks a subheading.

Context slots (filled by ``writer.context``):
  place    p (headline name), tinh ("tỉnh Bắc Ninh"/"TP Hà Nội"), cap ("tỉnh"/"thành phố"), ubnd,
           tinhuy, congan, huyen, huyen_ten, huyen_uy, huyen2, huyen2_ten, xa, xa_ten, xa2, road,
           river, kcn, bks (plate), p2 (another province)
  people   ong1..ong3 ("ông"/"bà"), nguoi1..nguoi3 (full names), ten1..ten3 (given names);
           dan1/dan2 (a resident with form of address, "anh Nguyễn Văn Tú"), dan1_hoten, dan1_ten,
           dan1_tuoi (and dan2_*); cty (a company), cty_fdi + quoc_gia (a foreign investor),
           quoc_gia_xt (a country for investment promotion), anh (photo credit)
  time     ngay, ngay_truoc, ngay_sau (d/m), thang, thang_truoc, thang_sau, nam, nam_truoc, nam_sau,
           nam_cu (a few years ago), nam_sinh, ky ("10 tháng năm 2026"), su_luc ("sáng 12/11"),
           su_gio ("7 giờ 30")
  numbers  whatever the scenario's ``nums`` declare: (lo, hi) integers, (lo, hi, places) decimals.
  pools    whatever the scenario's ``pools`` declare: a tuple of templates, one chosen per article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Body = tuple[str | tuple[str, ...], ...]


@dataclass(frozen=True)
class Scenario:
    key: str
    tone: str  # "negative" | "neutral" | "positive"
    titles: tuple[str, ...]
    sapos: tuple[str, ...]
    body: Body
    captions: tuple[str, ...]
    tags: tuple[str, ...] = ()
    # (lo, hi) integers or (lo, hi, decimal places)
    nums: dict[str, tuple[int, int] | tuple[float, float, int]] = field(default_factory=dict, hash=False,
                                                                    compare=False)
    pools: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    category: str  # generic section: thoi-su, chinh-tri, kinh-te, xa-hoi, phap-luat, van-hoa
    tags: tuple[str, ...]
    scenarios: tuple[Scenario, ...]
