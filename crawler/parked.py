"""Is this a parked domain's page? A lapsed press domain often answers 200 with a registrar's
"for sale" page instead of failing, so the crawl would look healthy while getting nothing.

Plain substring tests over the first PARKED_SCAN_BYTES of the lower-cased text: linear in the
page, no regular expression to blow up on hostile input.
"""

from __future__ import annotations

PARKED_SCAN_BYTES = 64 * 1024
# Phrases of parking services and registrars (English and Vietnamese), and the parking networks'
# own host names that their pages load scripts from.
PARKED_MARKERS = (
    "this domain is for sale",
    "this domain may be for sale",
    "buy this domain",
    "domain is parked",
    "parked free",
    "domain parking",
    "this domain has expired",
    "domain has been registered",
    "sedoparking.com",
    "parkingcrew.net",
    "bodis.com",
    "dan.com/buy-domain",
    "afternic.com",
    "tên miền này đang được rao bán",
    "tên miền đang được rao bán",
    "tên miền này đã hết hạn",
    "tên miền đã hết hạn",
    "mua tên miền này",
    "trang web đang được xây dựng bởi pa việt nam",
)


def parked_marker(body: bytes) -> str | None:
    """The first parking phrase found in the page, or None for an ordinary page."""
    text = body[:PARKED_SCAN_BYTES].decode("utf-8", errors="ignore").lower()
    for marker in PARKED_MARKERS:
        if marker in text:
            return marker
    return None
