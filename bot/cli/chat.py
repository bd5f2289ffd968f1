"""`imbot chat`, `imbot demo` and `imbot ask`: the bot in this terminal."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import datetime

from bot.cli.common import EXIT_OK, EXIT_USAGE

__all__ = ["add_parsers"]


def add_parsers(sub) -> None:
    chat = sub.add_parser("chat", help="chat with the bot in this terminal")
    chat.add_argument("--lang", choices=("de", "en"), help="default language (IMBOT_LANG)")
    chat.add_argument(
        "--now",
        type=_moment,
        metavar="YYYY-MM-DDTHH:MM",
        help="pretend the clock starts at this local time (try reminders)",
    )
    chat.add_argument(
        "--as",
        dest="user",
        type=_console_user,
        metavar="USER",
        help="console user to write as (e.g. erika or bernd after `imbot demo`)",
    )
    chat.set_defaults(run=_chat)
    demo = sub.add_parser("demo", help="create demo people for trying Jour Fixes in the console")
    demo.set_defaults(run=_demo)
    ask = sub.add_parser("ask", help="answer one question, or one per line from stdin")
    ask.add_argument("question", nargs="*", help="the question; omit to read stdin")
    ask.add_argument("--json", action="store_true", help="one JSON object per line")
    ask.add_argument("--lang", choices=("de", "en"), help="language when a question is ambiguous")
    ask.add_argument(
        "--now",
        type=_moment,
        metavar="YYYY-MM-DDTHH:MM",
        help="answer as at this local time (dates and tense follow it; default: now)",
    )
    ask.add_argument(
        "--edition",
        metavar="FOLDER|FILE",
        help="take the dates from this edition file, or a call bundle's folder (its "
        "knowledge base too; default: the shipped 2023 bundle; imbot ask does not read "
        "the database)",
    )
    ask.set_defaults(run=_ask)


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time like 2023-04-26T09:00") from None
    if not 2000 <= moment.year <= 2100:
        raise argparse.ArgumentTypeError(f"{text!r}: use a year from 2000 to 2100")
    return moment.replace(tzinfo=None)


def _console_user(text: str) -> str:
    from bot.adapters.console import console_user

    user = console_user(text)
    if user is None:
        raise argparse.ArgumentTypeError(
            f"{text[:40]!r}: use 1 to 32 letters, digits, dots, dashes or underscores"
        )
    return user


def _chat(settings, args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from threadpoolctl import threadpool_limits

    from bot.app.logs import log_to_file

    threadpool_limits(1, user_api="blas")  # as `imbot run`: see there

    # the terminal is the chat: logs go to a file, before anything can log
    log_to_file(settings.data_dir / "imbot-chat.log")
    from bot.app.console import run_console
    from bot.app.wiring import offset_clock

    if args.lang:
        settings = dataclasses.replace(settings, default_lang=args.lang)
    clock = None
    if args.now:
        clock = offset_clock(args.now.replace(tzinfo=ZoneInfo(settings.timezone)))
    run_console(settings, user=args.user, clock=clock)
    return EXIT_OK


def _demo(settings, args: argparse.Namespace) -> int:
    from bot.app.console import run_demo

    created, guide = run_demo(settings)
    print("Demo people created." if created else "The demo people exist already.")
    print(guide)
    return EXIT_OK


MAX_QUESTION_CHARS = 1000  # as in the chat (bot.chat.faq); importing it would load the chat


def _ask(settings, args: argparse.Namespace) -> int:
    """Answer questions with the knowledge base and the shipped edition alone: no
    database, nothing logged."""
    from zoneinfo import ZoneInfo

    from threadpoolctl import threadpool_limits

    from faq.kb import load_default_kb

    threadpool_limits(1, user_api="blas")  # as `imbot run`: one question needs no more
    from faq.matcher import Matcher
    from jobs.editions import default_edition
    from jobs.program import answer_text

    kb = None
    lang = args.lang or settings.default_lang
    now = (args.now or datetime.now()).astimezone(ZoneInfo(settings.timezone))
    if args.now:
        now = args.now.replace(tzinfo=ZoneInfo(settings.timezone))
    edition = default_edition()
    if args.edition:
        from pathlib import Path

        from bot.cli.editions import edition_file
        from faq.kb import KnowledgeBase
        from jobs.editions import parse_edition

        try:
            path = edition_file(Path(args.edition))
            edition = parse_edition(path.read_text(encoding="utf-8"))
            if edition.kb_file:  # a call bundle: answers from its knowledge base
                kb_bytes = (path.parent / Path(edition.kb_file).name).read_bytes()
                kb = KnowledgeBase.from_bytes(kb_bytes, edition.kb_file)
        except (OSError, ValueError) as exc:  # EditionError, KnowledgeBaseError
            print(f"imbot: cannot use {args.edition} as the edition:\n{exc}", file=sys.stderr)
            return EXIT_USAGE
    matcher = Matcher(kb or load_default_kb())
    questions = [" ".join(args.question)] if args.question else (line.strip() for line in sys.stdin)
    for question in questions:
        if not question:
            continue
        if len(question) > MAX_QUESTION_CHARS:  # the matcher's work grows with the length
            print(f"imbot: question cut to {MAX_QUESTION_CHARS} characters", file=sys.stderr)
            question = question[:MAX_QUESTION_CHARS]
        match = matcher.match(question, lang)
        answer = answer_text(match.best, match.lang, edition, now) if match.answer else None
        if args.json:
            print(json.dumps(_as_json(match, answer), ensure_ascii=False), flush=True)
        else:
            print(_as_text(match, answer), flush=True)
    return EXIT_OK


def _as_json(match, answer: str | None) -> dict:
    best = match.best
    suggestions = [] if match.confident else [best, *(c.entry for c in match.runner_ups)][:3]
    if match.options:  # close entries: what the chat asks back with ("Meinen Sie …?")
        suggestions = list(match.options)
    return {
        "answer": answer,
        "confident": match.confident,
        "faq_id": best.id if best else None,
        "score": match.score,
        "lang": match.lang,
        "section": best.section if best and match.confident else None,
        "suggestions": [{"faq_id": e.id, "topic": e.topic[match.lang]} for e in suggestions if e],
        "clarify": bool(match.options),
    }


def _as_text(match, answer: str | None) -> str:
    if match.confident:
        return f"{answer}\n  [{match.best.id}, score {match.score:.2f}, {match.best.section}]\n"
    guess = f"best guess {match.best.id}, score {match.score:.2f}" if match.best else "no guess"
    return f"(not confident: {guess})\n"
