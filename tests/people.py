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


def bernd_with_erika_and_emil(people) -> dict[str, int]:
    """Bernd (buddy, German) with his experts Erika (German) and Emil (English), each
    redeemed in the console as chat user `bernd`, `erika`, `emil`. Returns the ids by login."""
    ids = {}
    for login, role, lang in (("bernd", "buddy", "de"), ("erika", "expert", "de"),
                              ("emil", "expert", "en")):  # fmt: skip
        info = people.invite(role, login.capitalize(), lang=lang)
        people.redeem(info.code, "console", login, login)
        ids[login] = info.person_id
    for expert in ("erika", "emil"):
        people.pair(f"#{ids[expert]}", f"#{ids['bernd']}")
    return ids
