"""`imbot admin meetings`: every pair's Jour Fixes in one table (or CSV), flagged
pairs first, then the experts without a buddy. Times in IMBOT_TIMEZONE."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.cli.common import EXIT_OK, number, text

__all__ = ["add_parsers"]

CSV_FIELDS = (
    "flag",
    "expert_id",
    "expert",
    "buddy_id",
    "buddy",
    "paired_since",
    "last_jour_fixe",
    "next_jour_fixe",
    "held",
    "open_requests",
    "expired_requests",
    "declined_requests",
    "cancelled_meetings",
    "expert_linked",
    "buddy_linked",
)


def _moment(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a local time like 2026-04-13T09:00"
        ) from None
    if moment.tzinfo is not None:
        raise argparse.ArgumentTypeError("give the local time without an offset")
    return moment


def add_parsers(actions) -> None:
    meetings = actions.add_parser(
        "meetings", help="every pair's Jour Fixes: last, next, held, requests; flagged pairs"
    )
    meetings.add_argument(
        "--weeks",
        type=number(1, 52),
        help="flag pairs with no Jour Fixe in the last and the next N weeks "
        "(default IMBOT_OVERVIEW_WEEKS, 4)",
    )
    meetings.add_argument("--csv", action="store_true", help="CSV (one row per pair) on stdout")
    meetings.add_argument(
        "--flagged", action="store_true", help="only flagged pairs and experts without a buddy"
    )
    meetings.add_argument(
        "--person", type=text(100), help="only the pairs of this buddy or expert (name or number)"
    )
    meetings.add_argument(
        "--now", type=_moment, metavar="YYYY-MM-DDTHH:MM", help="as at this local time"
    )
    meetings.set_defaults(run=_meetings)


def _meetings(settings, args: argparse.Namespace) -> int:
    from bot.app.wiring import build_booking, open_database

    tz = ZoneInfo(settings.timezone)
    now = args.now.replace(tzinfo=tz) if args.now else None
    ov = build_booking(settings, open_database(settings)).overview(args.weeks, now=now)
    if args.person:
        everyone, ov = ov, ov.only(args.person)
        if everyone.pairs + everyone.unpaired and not ov.pairs + ov.unpaired:
            print(f"No pair or expert matches {args.person!r}: see `imbot admin people`.")
            return EXIT_OK
    pairs = ov.flagged if args.flagged else ov.pairs
    if args.csv:
        _csv(pairs, ov.unpaired, tz)
        return EXIT_OK
    print(_table(ov, pairs, tz), end="")
    return EXIT_OK


def _when(moment: datetime | None, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M") if moment else "-"


def _iso(moment: datetime | None, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).isoformat(timespec="minutes") if moment else ""


def _cell(value: str) -> str:
    """A name as a spreadsheet shows it, never as a formula."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


def _csv(pairs, unpaired, tz: ZoneInfo) -> None:
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(CSV_FIELDS)
    for p in pairs:
        out.writerow(
            (
                p.flag or "",
                p.expert_id,
                _cell(p.expert),
                p.buddy_id,
                _cell(p.buddy),
                _iso(p.paired_at, tz),
                _iso(p.last, tz),
                _iso(p.next, tz),
                p.held,
                p.open,
                p.expired,
                p.declined,
                p.cancelled,
                int(p.expert_linked),
                int(p.buddy_linked),
            )
        )
    for u in unpaired:
        out.writerow(
            ("no_buddy", u.person_id, _cell(u.name), "", "", "", "", "", "", "", "", "", "")
            + (int(u.linked), "")
        )


def _table(ov, pairs, tz: ZoneInfo) -> str:
    weeks = f"{ov.weeks} week{'s' if ov.weeks != 1 else ''}"
    lines = [
        f"Jour Fixes as of {_when(ov.now, tz)} ({tz.key}). Flagged (!): no Jour Fixe "
        f"in the last and the next {weeks}; 'never': none yet.",
        f"{len(ov.pairs)} pairs, {len(ov.flagged)} flagged; {ov.total('held')} Jour Fixes held; "
        f"requests: {ov.total('open')} open, {ov.total('expired')} expired, "
        f"{ov.total('declined')} declined (a series counts as one request).",
        "",
    ]
    if pairs:
        lines.append(
            f"{'':6} {'expert':22} {'buddy':22} {'last':16} {'next':16} "
            f"{'held':>4} {'open':>4} {'exp.':>4} {'decl.':>5} {'canc.':>5}"
        )
        for p in pairs:
            mark = {"never": "!never", "quiet": "!"}.get(p.flag or "", "")
            expert = p.expert + ("" if p.expert_linked else " (invited)")
            buddy = p.buddy + ("" if p.buddy_linked else " (invited)")
            lines.append(
                f"{mark:6} {expert[:22]:22} {buddy[:22]:22} {_when(p.last, tz):16} "
                f"{_when(p.next, tz):16} {p.held:>4} {p.open:>4} {p.expired:>4} "
                f"{p.declined:>5} {p.cancelled:>5}"
            )
    elif not ov.pairs:
        lines.append("No pairs yet: `imbot admin pair EXPERT BUDDY` makes one.")
    else:
        lines.append("No pair is flagged.")
    if ov.unpaired:
        lines += ["", f"Experts without a buddy ({len(ov.unpaired)}):"]
        for u in ov.unpaired:
            note = "" if u.linked else ", invite not redeemed"
            lines.append(f"  #{u.person_id} {u.name} (invited {_when(u.invited_at, tz)}{note})")
    return "\n".join(lines) + "\n"
