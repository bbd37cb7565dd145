"""The follow-up state machine: which action moves an item from which state to which, and what
each action needs. One job: the views and the automatic opener ask it, and the store records what
it allows; nothing else decides a transition.

    mới → đã xem → cần xử lý → đã chuyển (unit, deadline) → đã phản hồi (answer) → đã đóng
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from web.i18n import N_

STATES = ("new", "seen", "action", "forwarded", "answered", "closed")
STATE_LABELS = {
    "new": N_("Mới"),
    "seen": N_("Đã xem"),
    "action": N_("Cần xử lý"),
    "forwarded": N_("Đã chuyển"),
    "answered": N_("Đã phản hồi"),
    "closed": N_("Đã đóng"),
}
OPEN_STATES = ("new", "seen", "action", "forwarded", "answered")

# action -> (states it may start from, state it leads to). A re-forward (new unit or deadline)
# stays in ``forwarded``; ``reopen`` sends an answered or closed item back to work.
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "seen": (frozenset({"new"}), "seen"),
    "flag": (frozenset({"new", "seen"}), "action"),
    "forward": (frozenset({"action", "forwarded"}), "forwarded"),
    "answer": (frozenset({"forwarded"}), "answered"),
    "close": (frozenset({"new", "seen", "action", "forwarded", "answered"}), "closed"),
    "reopen": (frozenset({"answered", "closed"}), "action"),
}
# Actions that change no state: allowed in these states.
OTHER_ACTIONS = {"assign": frozenset(OPEN_STATES), "note": frozenset(STATES)}
ACTION_LABELS = {
    "seen": N_("Đánh dấu đã xem"),
    "flag": N_("Cần xử lý"),
    "forward": N_("Chuyển xử lý"),
    "answer": N_("Ghi nhận phản hồi"),
    "close": N_("Đóng"),
    "reopen": N_("Mở lại"),
    "assign": N_("Giao cho"),
    "note": N_("Ghi chú"),
    "open": N_("Mở theo dõi"),
    "auto": N_("Tự động mở"),
}
MAX_TEXT = 4000
MAX_SHORT = 200


class TransitionError(ValueError):
    """An action the state machine refuses; the message (Vietnamese, marked) says why."""


@dataclass(frozen=True)
class Change:
    """What an allowed action does: the new state and the fields it sets."""

    action: str
    from_state: str
    to_state: str
    fields: dict[str, object]
    detail: str  # what the audit trail records besides the states


def allowed(state: str) -> list[str]:
    """The actions possible from ``state``, in the order the page offers them."""
    moves = [a for a, (sources, _) in TRANSITIONS.items() if state in sources]
    return moves + [a for a, states in OTHER_ACTIONS.items() if state in states]


def _text(form: dict[str, str], name: str, limit: int) -> str:
    value = (
        " ".join(str(form.get(name) or "").split())
        if limit <= MAX_SHORT
        else str(form.get(name) or "").strip()
    )
    if len(value) > limit:
        raise TransitionError(N_("Nội dung quá dài."))
    return value


def _due(value: str, today: date) -> date:
    try:
        due = date.fromisoformat(value)
    except ValueError:
        raise TransitionError(N_("Hạn xử lý phải là một ngày (dd/mm/yyyy).")) from None
    if due < today:
        raise TransitionError(N_("Hạn xử lý không được trước hôm nay."))
    return due


def _link(value: str) -> str:
    if value and (urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).hostname):
        raise TransitionError(N_("Liên kết bài phản hồi phải bắt đầu bằng http:// hoặc https://."))
    return value


def decide(
    state: str, action: str, form: dict[str, str], *, today: date, units: set[int], users: set[int]
) -> Change:
    """Check ``action`` from ``state`` with the submitted ``form``; the change to record, or
    TransitionError. ``units`` and ``users``: the active unit and account ids one may name."""
    if action in TRANSITIONS:
        sources, target = TRANSITIONS[action]
    elif action in OTHER_ACTIONS:
        sources, target = OTHER_ACTIONS[action], state
    else:
        raise TransitionError(N_("Thao tác không hợp lệ."))
    if state not in sources:
        raise TransitionError(N_("Thao tác này không thực hiện được ở trạng thái hiện tại."))
    fields: dict[str, object] = {}
    detail = ""
    if action in ("forward", "assign"):
        assignee = str(form.get("assignee") or "")
        if assignee:
            if not assignee.isdigit() or int(assignee) not in users:
                raise TransitionError(N_("Người được giao không hợp lệ."))
            fields["assignee_id"] = int(assignee)
        elif action == "assign":
            fields["assignee_id"] = None
    if action == "forward":
        unit = str(form.get("unit") or "")
        if not unit.isdigit() or int(unit) not in units:
            raise TransitionError(N_("Vui lòng chọn đơn vị xử lý."))
        fields.update(unit_id=int(unit), due_date=_due(str(form.get("due_date") or ""), today).isoformat())
    elif action == "answer":
        text = _text(form, "response_text", MAX_TEXT)
        if not text:
            raise TransitionError(N_("Vui lòng nhập nội dung phản hồi của đơn vị."))
        fields.update(
            response_text=text,
            response_number=_text(form, "response_number", MAX_SHORT),
            response_url=_link(_text(form, "response_url", MAX_SHORT)),
        )
    elif action == "note":
        detail = _text(form, "note", MAX_TEXT)
        if not detail:
            raise TransitionError(N_("Ghi chú trống."))
    return Change(action, state, target, fields, detail)
