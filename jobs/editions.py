"""Program editions as data: a YAML file per edition with its dated milestones.

    slug: "2023"
    name: Integrationsmacher:innen 2023/24
    timezone: Europe/Berlin
    remind_time: "09:00"          # local time of the pushes
    starts_on: 2023-04-01
    ends_on: closing_event        # end of the program (Jour Fixe series stop here): the last
                                  # day of that milestone, or a date like 2024-03-31
    milestones:
      - key: deadline
        day: 2023-05-03
        title: {de: Bewerbungsschluss, en: Application deadline}
        text: {de: ..., en: ...}
        remind_days_before: [7, 1]
    no_pushes_on: {weekdays: [saturday, sunday], holidays: DE}  # the default; DE-BY: Bavaria
    call: {text: call-2023.de.txt, origin: "where the text comes from"}
    # a new call brings its knowledge base: call: {..., knowledge_base: call-2027.yaml}

A milestone may also say how exact the call is about it (`precision`: day, month,
early_month, end_month, after), when a range of days ends (`until`), and whom it
concerns (`audience`: all, shortlist, selected). Texts may use placeholders of
milestones (`{deadline}`, `{pre_talks.start}`, `{pre_talks.end}`), see jobs.program.

`parse_edition` validates and reports problems with their line numbers. It is the
one entry for edition files: at most MAX_FILE_BYTES of UTF-8 text, no key twice in
a mapping, real calendar dates (2027-02-30 is refused), whole numbers that are not
`true`, milestones within the edition's dates, at most MAX_MILESTONES of them, and
texts that fit their columns.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

__all__ = [
    "AUDIENCES",
    "PRECISIONS",
    "EditionData",
    "EditionError",
    "MilestoneData",
    "default_edition",
    "default_edition_path",
    "default_edition_text",
    "holiday_problems",
    "parse_edition",
    "read_edition_file",
]


MAX_FILE_BYTES = 1_000_000
MAX_MILESTONES = 200
MAX_TITLE, MAX_TEXT = 200, 2000
PRECISIONS = ("day", "month", "early_month", "end_month", "after")
AUDIENCES = ("all", "shortlist", "selected")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class EditionError(ValueError):
    """The edition file is malformed; the message lists every problem with its line."""


@dataclass(frozen=True)
class MilestoneData:
    key: str
    day: date
    title: dict[str, str]
    text: dict[str, str]
    remind_days: tuple[int, ...]
    precision: str = "day"  # how exact the call is: a day, a month, early/end of a month
    until: date | None = None  # the last day of a range ("zwischen dem 10. und 17.5.")
    audience: str = "all"  # whom the step concerns: all, shortlist, selected


@dataclass(frozen=True)
class EditionData:
    slug: str
    name: str
    timezone: str
    remind_time: time
    starts_on: date
    ends_on: date
    milestones: tuple[MilestoneData, ...]
    quiet_weekdays: tuple[int, ...] = (5, 6)  # no pushes on these days (0 = Monday)
    holidays: str | None = "DE"  # and none on public holidays of this country[-region]
    call_file: str | None = None  # the call's text, beside the edition file
    call_origin: str | None = None  # where that text comes from
    kb_file: str | None = None  # the call's knowledge base, beside it (else the shipped one)
    source: str = ""  # the edition file as loaded (kept in the database)

    def milestone(self, key: str) -> MilestoneData | None:
        return next((m for m in self.milestones if m.key == key), None)


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping (as `__line__`)."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, str | int) and key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} appears twice", key_node.start_mark
            )
        seen.add(key)
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def _checked_date(loader: _LineLoader, node: yaml.ScalarNode):
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a date of the calendar", node.start_mark
        ) from None


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _checked_date)


def read_edition_file(data: bytes) -> str:
    """The text of an edition file, or EditionError (too big, binary, not UTF-8)."""
    if len(data) > MAX_FILE_BYTES:
        raise EditionError(f"the file has {len(data)} bytes: at most {MAX_FILE_BYTES}")
    if b"\x00" in data:
        raise EditionError("this is a binary file, not a YAML text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EditionError(
            f"byte {exc.start} is not UTF-8: save the file as UTF-8 (e.g. not Latin-1)"
        ) from None


def holiday_problems(edition: EditionData) -> list[str]:
    """Whether the holiday calendar of `no_pushes_on` exists (imports `holidays`, so it
    is checked when an edition is loaded, not each time a stored one is read)."""
    if edition.holidays is None:
        return []
    import holidays as holiday_data

    country, _, subdiv = edition.holidays.partition("-")
    try:
        holiday_data.country_holidays(country, subdiv=subdiv or None)
    except NotImplementedError:
        return [f"no_pushes_on: holidays {edition.holidays!r} is unknown (e.g. DE, DE-BY)"]
    return []


def default_edition_path():
    """The 2023 edition from the call, shipped with the package (a Traversable)."""
    return resources.files("jobs") / "data" / "edition-2023.yaml"


def default_edition_text() -> str:
    return default_edition_path().read_text(encoding="utf-8")


@cache
def default_edition() -> EditionData:
    """The shipped edition, parsed once (answers without a database use its dates)."""
    return parse_edition(default_edition_text())


def parse_edition(text: str) -> EditionData:
    if len(text) > MAX_FILE_BYTES:
        raise EditionError(f"the file has {len(text)} characters: at most {MAX_FILE_BYTES}")
    try:
        raw = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise EditionError(f"{where}not valid YAML ({getattr(exc, 'problem', exc)})") from None
    errors: list[str] = []
    if not isinstance(raw, dict):
        raise EditionError("line 1: expected a mapping with slug, name, timezone, milestones")
    line = raw["__line__"]
    slug = _text(raw, "slug", line, errors)
    if slug and not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", slug):
        errors.append(f"line {line}: slug may only hold letters, digits, - and _")
    name = _text(raw, "name", line, errors, limit=200)
    tz = str(raw.get("timezone", "Europe/Berlin"))
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        errors.append(f"line {line}: timezone {tz!r} is unknown (e.g. Europe/Berlin)")
    remind = str(raw.get("remind_time", "09:00"))
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", remind):
        errors.append(f"line {line}: remind_time {remind!r} must look like 09:00")
        remind = "09:00"
    starts = _date(raw, "starts_on", line, errors)
    ends_ref = raw.get("ends_on") if isinstance(raw.get("ends_on"), str) else None
    ends = None if ends_ref else _date(raw, "ends_on", line, errors)
    milestones = []
    items = raw.get("milestones")
    if not isinstance(items, list) or not items:
        errors.append(f"line {line}: milestones must be a non-empty list")
        items = []
    if len(items) > MAX_MILESTONES:
        errors.append(f"line {line}: {len(items)} milestones: at most {MAX_MILESTONES}")
        items = []
    keys: set[str] = set()
    for item in items:
        m = _milestone(item, line, errors)
        if m and m.key in keys:
            errors.append(f"line {item['__line__']}: milestone key {m.key!r} appears twice")
        if m:
            keys.add(m.key)
            milestones.append((item["__line__"], m))
    if ends_ref:
        ends = _end_of(ends_ref, [m for _, m in milestones], line, errors)
    if starts and ends and ends < starts:
        errors.append(f"line {line}: ends_on is before starts_on")
    for at, m in milestones:
        if starts and ends and not starts <= m.day <= ends:
            errors.append(
                f"line {at}: milestone {m.key!r} on {m.day} is outside the "
                f"edition ({starts} – {ends})"
            )
    quiet, holidays = _quiet_days(raw.get("no_pushes_on"), line, errors)
    call = raw.get("call")
    call_file = call_origin = kb_file = None
    if call is not None:
        if not isinstance(call, dict) or not isinstance(call.get("text"), str):
            errors.append(f"line {line}: call needs text: FILE (the call, beside this file)")
        else:
            call_file, call_origin = call["text"], str(call.get("origin") or "").strip() or None
            if not call_origin:
                errors.append(f"line {call['__line__']}: call needs origin: where the text is from")
            kb_file = call.get("knowledge_base")
            if kb_file is not None and not (isinstance(kb_file, str) and kb_file.strip()):
                errors.append(
                    f"line {call['__line__']}: call knowledge_base names a YAML file beside "
                    "this one (or leave it out: the shipped knowledge base)"
                )
    if errors:
        raise EditionError("\n".join(errors))
    return EditionData(
        slug,
        name,
        tz,
        time.fromisoformat(remind),
        starts,
        ends,
        tuple(sorted((m for _, m in milestones), key=lambda m: m.day)),
        quiet,
        holidays,
        call_file,
        call_origin,
        kb_file.strip() if kb_file else None,
        text,
    )


def _end_of(key: str, milestones: list[MilestoneData], line: int, errors: list[str]) -> date | None:
    """`ends_on: closing_event`: the program ends on that milestone's last day (the end
    of its month when the call names only the month), so the date is stated once."""
    m = next((m for m in milestones if m.key == key.strip()), None)
    if m is None:
        known = ", ".join(m.key for m in milestones) or "none"
        errors.append(
            f"line {line}: ends_on {key!r} is neither a date like 2024-03-31 nor a milestone "
            f"of this edition (milestones: {known})"
        )
        return None
    if m.precision in ("month", "early_month", "end_month"):
        return m.day.replace(day=monthrange(m.day.year, m.day.month)[1])
    return m.until or m.day


def _quiet_days(raw: object, line: int, errors: list[str]) -> tuple[tuple[int, ...], str | None]:
    """`no_pushes_on: {weekdays: [saturday, sunday], holidays: DE}` (the default: staff of
    towns read them on workdays); `holidays: none` allows pushes on public holidays,
    `DE-BY` takes Bavaria's as well."""
    if raw is None:
        return (5, 6), "DE"
    if not isinstance(raw, dict):
        errors.append(
            f"line {line}: no_pushes_on must look like {{weekdays: [sunday], holidays: DE}}"
        )
        return (5, 6), "DE"
    names = raw.get("weekdays", ["saturday", "sunday"])
    if not isinstance(names, list) or not all(str(n).lower() in _WEEKDAYS for n in names):
        errors.append(f"line {raw['__line__']}: no_pushes_on.weekdays are names like sunday")
        names = []
    region = raw.get("holidays", "DE")
    region = None if region in (None, False, "none") else str(region)
    if region and not re.fullmatch(r"[A-Z]{2}(-[A-Z0-9]{1,3})?", region):
        errors.append(f"line {raw['__line__']}: holidays {region!r} is unknown (e.g. DE, DE-BY)")
        region = None
    return tuple(sorted({_WEEKDAYS.index(str(n).lower()) for n in names})), region


def _text(raw: dict, key: str, line: int, errors: list[str], limit: int = 64) -> str:
    value = raw.get(key)
    if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
        errors.append(f"line {raw.get('__line__', line)}: missing {key!r}")
        return ""
    if len(str(value).strip()) > limit:
        errors.append(f"line {raw.get('__line__', line)}: {key} is longer than {limit} characters")
        return ""
    return str(value).strip()


def _date(raw: dict, key: str, line: int, errors: list[str]) -> date | None:
    value = raw.get(key)
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    errors.append(f"line {raw.get('__line__', line)}: {key} must be a date like 2023-05-03")
    return None


def _bilingual(raw: dict, key: str, errors: list[str], limit: int) -> dict[str, str]:
    value = raw.get(key)
    if not isinstance(value, dict) or not all(
        isinstance(value.get(k), str) and value[k].strip() for k in ("de", "en")
    ):
        errors.append(f"line {raw['__line__']}: {key} needs both de and en texts")
        return {"de": "", "en": ""}
    if any(len(value[k].strip()) > limit for k in ("de", "en")):
        errors.append(f"line {raw['__line__']}: {key} is longer than {limit} characters")
    return {"de": value["de"].strip(), "en": value["en"].strip()}


def _milestone(item: object, line: int, errors: list[str]) -> MilestoneData | None:
    if not isinstance(item, dict):
        errors.append(f"line {line}: each milestone must be a mapping")
        return None
    before = len(errors)
    key = _text(item, "key", line, errors)
    day = _date(item, "day", line, errors)
    title = _bilingual(item, "title", errors, MAX_TITLE)
    text = _bilingual(item, "text", errors, MAX_TEXT)
    days = item.get("remind_days_before", [])
    if not isinstance(days, list) or not all(type(d) is int and 0 <= d <= 60 for d in days):
        errors.append(f"line {item['__line__']}: remind_days_before must be a list of days (0-60)")
        days = []
    precision = item.get("precision", "day")
    if precision not in PRECISIONS:
        errors.append(f"line {item['__line__']}: precision must be one of {', '.join(PRECISIONS)}")
    audience = item.get("audience", "all")
    if audience not in AUDIENCES:
        errors.append(f"line {item['__line__']}: audience must be one of {', '.join(AUDIENCES)}")
    until = item.get("until")
    if until is not None and not (isinstance(until, date) and day and until >= day):
        errors.append(f"line {item['__line__']}: until must be a date on or after day")
    if len(errors) > before:
        return None
    return MilestoneData(
        key, day, title, text, tuple(sorted(set(days), reverse=True)), precision, until, audience
    )
