"""A CPU-time budget per page: a page that needs more is given up, not waited for.

Every regex over page text is meant to be linear, but extraction also runs libraries (lxml,
extruct, trafilatura, htmldate) on whatever a site sends; one pathological page must cost a bounded
amount of CPU and then be recorded as an extraction failure, while the crawl goes on.

The budget is process CPU time (``ITIMER_PROF``), so a loaded machine does not make pages fail.
When it runs out, SIGPROF raises ``OverBudget`` in the page's code; it derives from BaseException
so that a library's ``except Exception`` cannot swallow it, and it is raised again every
``REPEAT`` seconds should something swallow it anyway. Signals only reach the main thread, so the
budget applies there (extraction workers, ``presswatch extract``, an in-process crawl) and is a
no-op elsewhere.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_SECONDS = 5.0  # typical pages need 5–20 ms
REPEAT = 0.25
_active = False


class OverBudget(BaseException):  # noqa: N818 - read as "the page is over its budget"
    """The page used up its CPU budget; ``reason`` says which."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.reason = f"{REASON} ({seconds:g} s)"


REASON = "over the per-page CPU budget"
_limit = 0.0


def _expired(signum: int, frame: object) -> None:
    raise OverBudget(_limit)


@contextmanager
def cpu_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``OverBudget`` inside the block once it has used ``seconds`` of CPU (None/0: no limit).

    Nested budgets keep the outer one."""
    global _active, _limit
    usable = (
        seconds
        and seconds > 0
        and not _active
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable or seconds is None:  # (usable already implies a number; this says so to mypy)
        yield
        return
    previous = signal.signal(signal.SIGPROF, _expired)
    _active, _limit = True, seconds
    signal.setitimer(signal.ITIMER_PROF, seconds, REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, previous)
        _active = False
