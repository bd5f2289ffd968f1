"""The team's tools in the chat, for admins: /rundmail (an announcement with a
preview and a confirmation button), /statistik, /postausgang (and retrying a
failed message). They call the same functions as `imbot admin announce|stats|outbox`
(bot.team), so the rules and checks are the same."""

from __future__ import annotations

import re

from bot.chat.handlers import ADMINS, Callback, Command, Context, Feature
from bot.chat.people import invite_replies
from bot.messages import Button, Outbound
from bot.people import ROLE_WORDS, PeopleError
from bot.team import MAX_ANNOUNCEMENT, OUTBOX_STATES, TeamError, announcement
from bot.texts import fmt_when, t
from storage.models import Role
from storage.text import printable

__all__ = [
    "ANNOUNCE_PREFIX",
    "FEATURE",
    "GROUP_WORDS",
    "INVITE_PREFIX",
    "invite_in_words",
    "split_languages",
]

ANNOUNCE_PREFIX = "announce:"
INVITE_PREFIX = "invite:"  # invite:ROLE:LANG:NAME, the offer of /einladen from words
GROUP_WORDS = {
    "bewerbende": "applicants", "bewerber": "applicants", "bewerberinnen": "applicants",
    "bewerber:innen": "applicants", "applicants": "applicants",
    "expertinnen": "experts", "experten": "experts", "expert:innen": "experts",
    "experts": "experts",
    "buddys": "buddies", "buddies": "buddies",
    "paar": "pair", "pair": "pair",
}  # fmt: skip
STATE_WORDS = {
    "fehlgeschlagen": ["failed"], "failed": ["failed"],
    "wartend": ["pending", "claimed"], "pending": ["pending", "claimed"],
    "gesendet": ["sent"], "sent": ["sent"],
    "unerreichbar": ["unreachable"], "unreachable": ["unreachable"],
    "alle": list(OUTBOX_STATES), "all": list(OUTBOX_STATES),
}  # fmt: skip
DEFAULT_STATES = ["failed", "unreachable", "pending", "claimed"]
RETRY_WORDS = ("nochmal", "retry", "erneut")
_MARK = re.compile(r"\[(de|en)\]", re.IGNORECASE)
_WORD = re.compile(r"\s*(\S+)\s*(.*)", re.DOTALL)
_QUOTED = re.compile(r"\s*[\"'„“”«»]([^\"'„“”«»]+)[\"'„“”«»]\s*(.*)", re.DOTALL)


def split_languages(text: str) -> dict[str, str] | None:
    """ "[de] Hallo … [en] Hello …" -> both texts; no marks: the same text for both;
    None when a mark is there but one language is missing or empty."""
    parts = _MARK.split(text)
    if len(parts) == 1:
        return {"de": text.strip(), "en": text.strip()} if text.strip() else None
    found: dict[str, str] = {}
    for lang, body in zip(parts[1::2], parts[2::2], strict=True):
        found[lang.lower()] = (found.get(lang.lower(), "") + "\n" + body).strip()
    if parts[0].strip() or not (found.get("de") and found.get("en")):
        return None
    return found


def _rest(ctx: Context) -> str:
    """The message after the command's name, its line breaks kept."""
    parts = ctx.msg.text.strip().split(None, 1)
    return parts[1] if len(parts) > 1 else ""


def _word(text: str) -> tuple[str, str]:
    """The first word and the rest (line breaks in the rest kept)."""
    found = _WORD.match(text)
    return (found.group(1), found.group(2)) if found else ("", "")


def _announce(ctx: Context) -> list[Outbound]:
    first, after = _word(_rest(ctx))
    group = GROUP_WORDS.get(first.lower())
    if group is None:
        return [Outbound(t("announce_usage", ctx.lang))]
    expert_id = None
    if group == "pair":
        quoted = _QUOTED.match(after)  # /rundmail paar "Erika Muster" …
        ref, after = (quoted.group(1), quoted.group(2)) if quoted else _word(after)
        if not ref:
            return [Outbound(t("announce_usage", ctx.lang))]
        try:
            expert_id = ctx.services.people.expert_id(ref)
        except PeopleError as exc:
            return [Outbound(t(exc.key, ctx.lang, **exc.fields))]
    texts = split_languages(after)
    if texts is None:
        return [Outbound(t("announce_usage", ctx.lang))]
    if max(len(v) for v in texts.values()) > MAX_ANNOUNCEMENT:
        return [Outbound(t("announce_too_long", ctx.lang, limit=MAX_ANNOUNCEMENT))]
    team = ctx.services.team
    try:
        names, chats = team.targets(group, expert_id)
    except TeamError as exc:
        return [Outbound(t(exc.key, ctx.lang, **exc.fields))]
    label = t(f"announce_group_{group}", ctx.lang, **names)
    if not chats:
        return [Outbound(t("announce_nobody", ctx.lang, group=label))]
    token = team.keep_draft(ctx.who.person_id, group, expert_id, texts)
    counts = {lang: sum(1 for *_, to in chats if to == lang) for lang in ("de", "en")}
    preview = t(
        "announce_preview_head", ctx.lang, group=label, n=len(chats), n_de=counts["de"],
        n_en=counts["en"],
    )  # fmt: skip
    for lang in (lang for lang in ("de", "en") if counts[lang]):  # only read ones (#26)
        name = t(f"language_{lang}", ctx.lang)
        preview += f"\n\n— {name} —\n{announcement(texts[lang], group, lang)}"
    buttons = (
        Button(t("announce_send", ctx.lang, n=len(chats)), f"{ANNOUNCE_PREFIX}send:{token}", True),
        Button(t("announce_cancel", ctx.lang), f"{ANNOUNCE_PREFIX}cancel:{token}"),
    )
    return [Outbound(preview, buttons)]


def _announce_choice(ctx: Context, data: str) -> list[Outbound]:
    action, _, token = data.removeprefix(ANNOUNCE_PREFIX).partition(":")
    team = ctx.services.team
    if action == "cancel":
        team.drop_draft(ctx.who.person_id, token)
        return [Outbound(t("announce_cancelled", ctx.lang))]
    sent = team.send_draft(ctx.who.person_id, token) if action == "send" else None
    if sent is None:
        return [Outbound(t("announce_stale", ctx.lang))]
    _ref, n = sent
    return [Outbound(t("announce_queued", ctx.lang, n=n))]


def _stats(ctx: Context) -> list[Outbound]:
    n = ctx.services.team.stats()
    people = ", ".join(f"{t(f'role_{r}', ctx.lang)} {k}" for r, k in sorted(n.roles.items()))
    box = n.reminders
    text = t(
        "stats_text",
        ctx.lang,
        people=people or t("stats_nobody", ctx.lang),
        subscribers=n.subscribers,
        open=n.open_invites,
        expired=n.expired_invites,
        answered=n.answered,
        unanswered=n.unanswered,
        held=n.held,
        upcoming=n.upcoming,
        cancelled=n.cancelled,
        **{k: box.get(k, 0) for k in ("sent", "failed", "pending", "dropped", "unreachable")},
    )
    return [Outbound(text)]


def _state(state: str, lang: str) -> str:
    return t(f"outbox_state_{state}", lang) if state in OUTBOX_STATES else state


def _outbox(ctx: Context) -> list[Outbound]:
    args = [a.lower() for a in ctx.args]
    team = ctx.services.team
    if args and args[0] in RETRY_WORDS:
        number = args[1].lstrip("#") if len(args) == 2 else ""
        if not (number.isascii() and number.isdigit() and len(number) <= 12):
            return [Outbound(t("outbox_usage", ctx.lang))]
        try:
            team.retry(int(number))
        except TeamError as exc:
            fields = dict(exc.fields)
            if "state" in fields:
                fields["state"] = _state(str(fields["state"]), ctx.lang)
            return [Outbound(t(exc.key, ctx.lang, **fields))]
        return [Outbound(t("outbox_retried", ctx.lang, id=int(number)))]
    states: list[str] = []
    for word in args:
        if word not in STATE_WORDS:
            return [Outbound(t("outbox_usage", ctx.lang))]
        states += [s for s in STATE_WORDS[word] if s not in states]
    states = states or DEFAULT_STATES
    counts, rows = team.outbox(states)
    if not counts:
        return [Outbound(t("outbox_empty", ctx.lang))]
    order = sorted(counts, key=lambda k: OUTBOX_STATES.index(k) if k in OUTBOX_STATES else 99)
    summary = ", ".join(f"{_state(k, ctx.lang)} {counts[k]}" for k in order)
    lines = [t("outbox_counts", ctx.lang, counts=summary)]
    names = team.recipients_named([(r.platform, r.chat_id) for r in rows])  # tryout6 #16
    for r in rows:
        error = r.last_error and t("outbox_error", ctx.lang, error=printable(r.last_error)[:200])
        lines.append(
            t(
                "outbox_row",
                ctx.lang,
                id=r.id,
                state=_state(r.state, ctx.lang),
                due=fmt_when(r.due_at, ctx.lang, ctx.tz),
                kind=r.kind,
                platform=(
                    f"{names[(r.platform, r.chat_id)]} ({r.platform})"
                    if (r.platform, r.chat_id) in names
                    else r.platform
                ),
                tries=r.attempts,
                error=error or "",
            )
        )
    total = sum(counts.get(s, 0) for s in states)
    if 0 < len(rows) < total:
        lines.append(
            t("outbox_more", ctx.lang, n=total - len(rows), total=total, states=",".join(states))
        )
    if not rows:
        shown = ", ".join(_state(s, ctx.lang) for s in states)
        lines.append(t("outbox_none", ctx.lang, states=shown))
    if any(r.state == "failed" for r in rows):
        lines.append(t("outbox_hint", ctx.lang))
    return [Outbound("\n".join(lines))]


# "lade Maria Muster als Expertin ein", "invite Maria Muster as an expert": the verb, a
# role, and a name (capitalised words); everything else one of these little words
_INVITE_VERB = re.compile(
    r"\blad\w*\b.*\bein\b|\beinlad\w*|\beinladung\w*|\binvit\w*", re.IGNORECASE
)
_VERB_WORDS = frozenset("lad lade ladet laden ein einladen einladung invite inviting".split())
_LITTLE = frozenset(
    """als as a an the die den der das eine einen einer ein bitte please pls mal doch noch neue
    neuen neuer new für fuer for to zum zur und and mir me uns us schick schicke send sende
    mit with sprache language auf in kannst du can you could would ich i möchte want gerne
    bräuchte need hallo hello hi hey moin liebe lieber frau herr herrn mr mrs ms""".split()
)
_ENGLISH = frozenset("englisch english englischer englischen englische".split())
_COMMAND_ROLE = {"de": {"expert": "expertin", "buddy": "buddy", "admin": "admin"}}
_ROLE = re.compile(r"\b(expert\w*|buddy|buddys|buddies|admin\w*)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[\w:'’-]+")
MAX_BUTTON_DATA = 64  # bytes (Telegram's limit for callback data)


def invite_in_words(text: str) -> tuple[str, str, str] | None:
    """(role, language, name) when `text` asks to invite someone in words: "lade Maria
    Muster als Expertin ein", "bitte Maria Muster als Buddy einladen, auf Englisch",
    "invite Maria Muster as an expert"; None for anything else (a question how to
    invite, a sentence with other words)."""
    if len(text) > 160 or "?" in text or text.lstrip().startswith(("/", "!")):
        return None
    if not _INVITE_VERB.search(text):
        return None
    role, lang, name = None, "de", []
    for word in _TOKEN.findall(text):
        low = word.lower().strip("'’-")
        if low in _VERB_WORDS or low.startswith(("einlad", "invit")):
            continue
        if (found := ROLE_WORDS.get(low)) is not None or low in ("expertin", "experte"):
            if role is not None:
                return None  # two roles: unclear
            role = found.value if found else "expert"
        elif low in _ENGLISH:
            lang = "en"
        elif low in _LITTLE:
            continue
        elif word[:1].isupper() and word[:1].isalpha():
            name.append(word)
        else:
            return None  # another word: not only an invite
    if role is None or not 1 <= len(name) <= 4:
        return None
    return role, lang, " ".join(name)


def _read(ctx: Context, text: str) -> list[Outbound] | None:
    """An admin asking in words to invite someone: "Meinen Sie /einladen expertin Maria
    Muster?" with a button that does it (nothing is done by words alone)."""
    if ctx.role is not Role.ADMIN or not ctx.msg.private or ctx.services.people is None:
        return None
    found = invite_in_words(text)
    if found is None:
        if "?" in text and len(text) <= 160 and _INVITE_VERB.search(text) and _ROLE.search(text):
            return [Outbound(t("invite_words_how", ctx.lang))]  # "wie lade ich … ein?"
        return None
    role, lang, name = found
    command = "/einladen" if ctx.lang == "de" else "/invite"
    word = _COMMAND_ROLE.get(ctx.lang, {}).get(role, role)
    option = f" {'sprache' if ctx.lang == 'de' else 'lang'}=en" if lang == "en" else ""
    said = f"{command} {word} {name}{option}"
    data = f"{INVITE_PREFIX}{role}:{lang}:{name}"
    if len(data.encode()) > MAX_BUTTON_DATA:
        return [Outbound(t("invite_words_type", ctx.lang, command=said))]
    buttons = (
        Button(t("invite_words_yes", ctx.lang), data, True),
        Button(t("invite_words_no", ctx.lang), f"{INVITE_PREFIX}no"),
    )
    return [Outbound(t("invite_words_offer", ctx.lang, command=said), buttons)]


def _invite_choice(ctx: Context, data: str) -> list[Outbound]:
    """The button under "Meinen Sie /einladen …?": the invite, as the command makes it."""
    role, _, rest = data.removeprefix(INVITE_PREFIX).partition(":")
    lang, _, name = rest.partition(":")
    if role not in ("expert", "buddy", "admin") or lang not in ("de", "en") or not name:
        return [Outbound(t("invite_words_none", ctx.lang))]
    try:
        info = ctx.services.people.invite(role, name, lang=lang)
    except PeopleError as exc:
        return [Outbound(t(exc.key, ctx.lang, **exc.fields))]
    return invite_replies(info, ctx.lang, ctx.services.telegram_bot, ctx.tz)


def _help(ctx: Context) -> str | None:
    return t("help_team", ctx.lang) if ctx.role is Role.ADMIN else None


FEATURE = Feature(
    name="team",
    commands=(
        Command(("rundmail", "announce"), _announce, ADMINS),
        Command(("statistik", "stats"), _stats, ADMINS),
        Command(("postausgang", "outbox"), _outbox, ADMINS),
    ),
    callbacks=(
        Callback(ANNOUNCE_PREFIX, _announce_choice, ADMINS),
        Callback(INVITE_PREFIX, _invite_choice, ADMINS),
    ),
    read=_read,
    help=_help,
    needs=("team", "people"),
)
