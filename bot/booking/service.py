"""The Jour Fixe booking service over the database, put together from its parts:

availability.py  a buddy's free times and the free slots of a pair
requests.py      requests, decisions, counter-proposals, expiry
changes.py       moves, cancellations, listing
endings.py       cancelling everything of a person who leaves (revoked, erased)
reminders.py     the outbox rows before meetings and for unanswered requests
conversation.py  what a chat is being asked now (pickers, confirmations)
calendars.py     calendar files, the pair's meeting place, the private calendar feed
overview.py      the team's overview of all pairs' Jour Fixes
digest.py        the overview for a phone, and the weekly digest for admins
base.py          errors, views, and the steps they share
"""

from __future__ import annotations

from bot.booking.availability import AvailabilityMixin
from bot.booking.calendars import CalendarsMixin
from bot.booking.changes import ChangesMixin
from bot.booking.conversation import ConversationMixin
from bot.booking.digest import DigestMixin
from bot.booking.endings import EndingsMixin
from bot.booking.overview import OverviewMixin
from bot.booking.reminders import RemindersMixin
from bot.booking.requests import RequestsMixin

__all__ = ["JourFixe"]


class JourFixe(
    AvailabilityMixin,
    RequestsMixin,
    ChangesMixin,
    RemindersMixin,
    EndingsMixin,
    ConversationMixin,
    CalendarsMixin,
    OverviewMixin,
    DigestMixin,
):
    """Everything an expert, a buddy and the scheduler do with Jour Fixes."""
