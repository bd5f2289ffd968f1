"""/meinedaten as a letter: what `People.export` holds, in labelled sections, in the
reader's language and time zone, without the database's own keys. (The admin CLI
prints the same data as JSON.)"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.texts import fmt_date, fmt_duration, t, weekday_name

__all__ = ["format_letter"]


def format_letter(data: dict, lang: str, tz: ZoneInfo) -> str:
    """The sections that hold something, each a heading and its points."""

    def at(value: str | None) -> str:
        if not value:
            return "-"
        moment = datetime.fromisoformat(value).astimezone(tz)
        return f"{fmt_date(moment.date(), lang)} {moment:%H:%M}"

    def day(value: str | None) -> str:
        return fmt_date(datetime.fromisoformat(value).date(), lang) if value else "-"

    def platform(name: str) -> str:
        return t("md_platform_console", lang) if name == "console" else name.capitalize()

    sections: list[tuple[str, list[str]]] = []
    if person := data.get("person"):
        lines = [t("md_name", lang, v=person.get("name") or "-")]
        lines.append(t("md_role", lang, v=t(f"role_{person['role']}", lang)))
        lines.append(t("md_lang", lang, v=t(f"md_lang_{person['lang']}", lang)))
        lines.append(t("md_timezone", lang, v=person.get("timezone") or tz.key))
        lines.append(t("md_created", lang, v=at(person.get("created_at"))))
        if person.get("revoked_at"):
            lines.append(t("md_revoked", lang, v=at(person["revoked_at"])))
        if person.get("jour_fixe_minutes") and person["role"] == "buddy":  # a buddy sets it
            lines.append(t("md_slot", lang, v=person["jour_fixe_minutes"]))
        if before := person.get("reminders_before_minutes"):
            minutes = [int(m) for m in str(before).replace(",", " ").split() if m.isdigit()]
            if minutes:
                times = ", ".join(fmt_duration(m, lang) for m in minutes)
                lines.append(t("md_before", lang, v=times))
        sections.append((t("md_person", lang), lines))
    sections.append(
        (
            t("md_accounts", lang),
            [
                t("md_account", lang, platform=platform(i["platform"]), user=i["user_id"],
                  at=at(i["linked_at"]))
                for i in data.get("chat_identities", [])
            ],
        )
    )  # fmt: skip
    invites = []
    for i in data.get("invites", []):
        line = t("md_invite", lang, at=at(i["created_at"]), until=at(i["expires_at"]))
        invites.append(
            line + (t("md_invite_used", lang, at=at(i["used_at"])) if i["used_at"] else "")
        )
    sections.append((t("md_invites", lang), invites))
    sections.append(
        (
            t("md_pairs", lang),
            [
                t(f"md_pair_{p['your_role']}", lang, name=p["partner"] or "-", at=at(p["since"]))
                + (t("md_pair_place", lang, place=p["place"]) if p.get("place") else "")
                for p in data.get("pairs", [])
            ],
        )
    )
    free = []
    for a in data.get("free_times", []):
        weekday = weekday_name(a["weekday"], lang) if a.get("weekday") is not None else ""
        free.append(
            t(
                f"md_free_{a['kind']}",
                lang,
                day=weekday if a["kind"] == "weekly" else day(a.get("day")),
                until=day(a.get("until")),
                start=a.get("from") or "",
                end=a.get("to") or "",
            )
        )
    sections.append((t("md_free", lang), free))
    sections.append(
        (
            t("md_open", lang),
            [t("md_open_item", lang, at=at(c["since"])) for c in data.get("open_questions", [])],
        )
    )
    meetings = []
    for m in data.get("jour_fixes", []):
        end = datetime.fromisoformat(m["end"]).astimezone(tz) if m.get("end") else None
        when = at(m["start"]) + (f"–{end:%H:%M}" if end else "")
        line = t("md_meeting", lang, when=when, name=m["with"] or "-",
                 state=t(f"meeting_state_{m['state']}", lang))  # fmt: skip
        events = [
            t("md_event", lang, action=t(f"meeting_state_{e['action']}", lang), at=at(e["at"]))
            for e in m.get("history", [])
        ]
        meetings.append(
            line + ("\n  " + t("md_history", lang, events="; ".join(events)) if events else "")
        )
    sections.append((t("md_meetings", lang), meetings))
    sections.append(
        (
            t("md_series", lang),
            [
                t("md_series_item", lang, n=x["every_weeks"], at=at(x["since"]))
                for x in data.get("jour_fixe_series", [])
            ],
        )
    )
    sections.append(
        (
            t("md_calendar", lang),
            [t("md_calendar_item", lang, at=at(f["since"])) for f in data.get("calendar_feed", [])],
        )
    )
    kept = []
    for c in data.get("chat_state", []):
        if c.get("lang"):
            kept.append(t("md_chat_lang", lang, platform=platform(c["platform"]),
                          v=t(f"md_lang_{c['lang']}", lang)))  # fmt: skip
        elif c.get("conversation_lang"):  # the last reply's, kept for a "ja" after a restart
            kept.append(t("md_chat_seen", lang, platform=platform(c["platform"]),
                          v=t(f"md_lang_{c['conversation_lang']}", lang)))  # fmt: skip
        if c.get("last_choices"):
            kept.append(t("md_chat_choices", lang, at=at(c.get("shown_at")),
                          choices=" · ".join(c["last_choices"] + c.get("replaced_choices", []))))  # fmt: skip
    sections.append((t("md_chat", lang), kept))
    subs = []
    for s in data.get("reminder_subscriptions", []):
        if s.get("next_call"):
            line = t("md_next", lang, platform=platform(s["platform"]), at=at(s["since"]))
            line += t("md_next_sent", lang, at=at(s["sent"])) if s.get("sent") else ""
        else:
            edition = s.get("edition_name") or s["edition"]  # "Integrationsmacher:innen 2023/24"
            line = t("md_sub", lang, edition=edition, platform=platform(s["platform"]),
                     at=at(s["since"]))  # fmt: skip
            line += t("md_sub_stopped", lang, at=at(s["stopped"])) if s.get("stopped") else ""
        subs.append(line)
    sections.append((t("md_subs", lang), subs))
    team = []
    for q in data.get("questions_to_team", []):
        line = t("md_team_item", lang, n=q["number"], at=at(q["forwarded"] or q["asked"]),
                 question=" ".join(q["question"].split()))  # fmt: skip
        if q.get("answer"):
            line += t(
                "md_team_answer", lang, at=at(q["answered"]), answer=" ".join(q["answer"].split())
            )
        team.append(line)
    sections.append((t("md_team", lang), team))
    messages = []
    for r in data.get("messages", []):
        text = " ".join((r.get("text") or "").split())
        text = text if len(text) <= 160 else text[:159] + "…"
        line = t("md_message", lang, at=at(r.get("sent") or r.get("due")),
                 state=t(f"md_out_{r['state']}", lang), text=text)  # fmt: skip
        messages.append(
            line + (t("md_message_file", lang, file=r["file"]) if r.get("file") else "")
        )
    sections.append((t("md_messages", lang), messages))
    parts = [
        f"{head}\n" + "\n".join(f"• {line}" for line in lines) for head, lines in sections if lines
    ]
    return "\n\n".join([*parts, t("md_footer", lang)])
