"""Chat handling: the router (a registry), the handler types, and one module per
feature. A new feature is a new module exporting a `Feature`, added here."""

from bot.chat import core, faq, handoff, jourfixe, overview, people, reminders, talk, team
from bot.chat.handlers import Feature

__all__ = ["FEATURES"]

# Plain messages are offered to the features in this order; the FAQ takes the rest.
FEATURES: tuple[Feature, ...] = (
    core.FEATURE,
    people.FEATURE,
    jourfixe.FEATURE,
    reminders.FEATURE,
    team.FEATURE,
    overview.FEATURE,
    handoff.FEATURE,
    talk.FEATURE,
    faq.FEATURE,
)
