"""The people most Jour Fixe tests start with."""

from __future__ import annotations


def pair_with_buddy(people, booking, buddy, experts, windows, *, platform=None) -> dict[str, int]:
    """Invite the buddy, then the experts (names); if `platform` is given, redeem each
    code there as chat user (and chat) `name.lower()`. Pair every expert with the buddy
    and give the buddy the free times `windows`. Returns the person ids by name."""
    ids = {}
    for role, name in [("buddy", buddy), *(("expert", expert) for expert in experts)]:
        info = people.invite(role, name)
        if platform is not None:
            people.redeem(info.code, platform, name.lower(), name.lower())
        ids[name] = info.person_id
    for expert in experts:
        people.pair(f"#{ids[expert]}", f"#{ids[buddy]}")
    booking.set_windows(ids[buddy], windows)
    return ids
