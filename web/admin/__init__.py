"""Administration (admin role only): staff accounts, outlets on/off, topic profiles with preview
and retagging. ``bp`` is the blueprint (``/admin``)."""

from web.admin import outlet_editor, outlets, topics, users  # noqa: F401 - the modules register their routes
from web.admin.blueprint import bp

__all__ = ["bp"]
