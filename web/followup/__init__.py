"""Review and follow-up of articles and stories: the state machine (``states``), the items and
their append-only trail (``store``), the units directory (``units``), the pages (``views``) and
the automatic opening of widely carried negative stories (``auto``)."""

from web.followup.views import bp

__all__ = ["bp"]
