"""Timeline reminders, Jour Fixe reminders and their settings."""

TEXTS: dict[str, dict[str, str]] = {
    "no_edition": {
        "de": "Zurzeit ist kein Programmdurchgang mit Terminen geladen. Bitte fragen Sie "
        "später noch einmal.",
        "en": "No program edition with dates is loaded right now. Please ask again later.",
    },
    "subscribed": {
        "de": "Sie bekommen jetzt Erinnerungen zu „{edition}“ ({n}):\n{list}\n\n{follow}"
        "Abbestellen: /stopp",
        "en": 'You will now get reminders for "{edition}" ({n}):\n{list}\n\n{follow}'
        "Unsubscribe: /stop",
    },
    "subscribed_already": {
        "de": "Sie sind schon angemeldet. Ihre nächsten Erinnerungen zu „{edition}“ ({n}):\n"
        "{list}\n\n{follow}Abbestellen: /stopp",
        "en": 'You are already subscribed. Your next reminders for "{edition}" ({n}):\n'
        "{list}\n\n{follow}Unsubscribe: /stop",
    },
    "too_close": {
        "de": "{title} ist {when} ({day}) – dafür kommt keine Erinnerung mehr.",
        "en": "{title} is {when} ({day}): too close for a reminder.",
    },
    "subscribed_nothing_ahead": {
        "de": "Für „{edition}“ steht kein Termin mehr an.",
        "en": 'No dates of "{edition}" are ahead.',
    },
    "follow_on": {
        "de": "Kommt ein neuer Programmdurchgang, ziehen Ihre Erinnerungen mit um (nur diesen "
        "Durchgang: /erinnerungen nur-diese). ",
        "en": "When a new edition of the program starts, your reminders move along (this "
        "edition only: /remind this-only). ",
    },
    "follow_off": {
        "de": "Nur dieser Durchgang: Mit einem neuen Programmdurchgang enden Ihre Erinnerungen. ",
        "en": "This edition only: your reminders end when a new edition starts. ",
    },
    "not_subscribed": {
        "de": "Sie haben keine Erinnerungen abonniert. Anmelden: /erinnerungen",
        "en": "You have no reminders. Subscribe: /remind",
    },
    "unsubscribed": {
        "de": "Erinnerungen abbestellt ({n} geplante gelöscht). Wieder anmelden: /erinnerungen",
        "en": "Reminders stopped ({n} planned ones deleted). Subscribe again: /remind",
    },
    "subscribe_button": {"de": "🔔 Fristen-Erinnerungen", "en": "🔔 Deadline reminders"},
    "before_usage": {
        "de": "Erinnerungen vor jedem Jour Fixe: {current}. Ändern, z. B.: /vorher 24h "
        "1h (bis zu drei Zeiten, d/h/min)",
        "en": "Reminders before each Jour Fixe: {current}. Change, e.g.: /before 24h 1h "
        "(up to three, d/h/min)",
    },
    "before_set": {
        "de": "Sie werden jetzt {times} vor jedem Jour Fixe erinnert.",
        "en": "You will now be reminded {times} before each Jour Fixe.",
    },
    "meeting_reminder": {
        "de": "⏰ Erinnerung: Jour Fixe mit {other} {before} – {when}.",
        "en": "⏰ Reminder: Jour Fixe with {other} {before} – {when}.",
    },
    "pending_reminder": {
        "de": "⏳ {expert} wartet noch auf Ihre Antwort zum Jour Fixe {when}. Passt der Termin?",
        "en": "⏳ {expert} is still waiting for your answer about the Jour Fixe "
        "{when}. Does it suit you?",
    },
    "timeline_push": {
        "de": "⏰ Erinnerung: {title} – {when} ({day}).\n{audience}{text}\n\nAbbestellen: /stopp",
        "en": "⏰ Reminder: {title} – {when} ({day}).\n{audience}{text}\n\nUnsubscribe: /stop",
    },
}
