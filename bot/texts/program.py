"""The program over time: dates of the call in words, the state of the call, the
next-call subscription."""

TEXTS: dict[str, dict[str, str]] = {
    "when_day": {"de": "am {day}", "en": "on {day}"},
    "when_range": {"de": "vom {start} bis {end}", "en": "from {start} to {end}"},
    "when_month": {"de": "im {month}", "en": "in {month}"},
    "when_early_month": {"de": "Anfang {month}", "en": "in early {month}"},
    "when_end_month": {"de": "Ende {month}", "en": "at the end of {month}"},
    "when_after": {"de": "nach dem {day}", "en": "after {day}"},
    "date_near": {"de": "Das ist {when}.", "en": "That is {when}."},
    "program_over_note": {
        "de": "Das Programm „{edition}“ ist seit {end} beendet; eine nächste Ausschreibung "
        "ist noch nicht bekannt.",
        "en": 'The program "{edition}" has been over since {end}; a next call has not been announced yet.',
    },
    "date_unknown": {"de": "(Termin noch nicht bekannt)", "en": "(date not yet known)"},
    "audience_shortlist": {
        "de": "Falls Sie in die engere Auswahl kommen: ",
        "en": "If you are shortlisted: ",
    },
    "audience_selected": {
        "de": "Falls Sie für das Programm ausgewählt werden: ",
        "en": "If you are selected for the program: ",
    },
    "call_open": {
        "de": "Die Bewerbungsfrist läuft noch: Bewerbungsschluss ist {when}, der {deadline}.",
        "en": "Applications are still open: the deadline is {when}, {deadline}.",
    },
    # the call gives no opening day ("Bewerbungsphase – STARTING SOON"): none is shown
    "call_upcoming": {
        "de": "Die Bewerbungsphase startet laut Ausschreibung in Kürze; Bewerbungsschluss "
        "ist der {deadline}.",
        "en": "According to the call, the application phase is starting soon; the "
        "application deadline is {deadline}.",
    },
    "next_call_upcoming": {
        "de": "Die Ausschreibung „{edition}“ ist angekündigt: Die Bewerbungsphase startet "
        "laut Ausschreibung in Kürze, Bewerbungsschluss ist der {deadline}. Ob es danach "
        "eine weitere gibt, ist noch nicht bekannt.",
        "en": 'The call "{edition}" is announced: according to it, the application phase '
        "is starting soon, and the deadline is {deadline}. Whether there will be another "
        "one after it is not known yet.",
    },
    "call_not_yet": {"de": "Noch nicht.", "en": "Not yet."},
    "call_upcoming_source": {
        "de": "Quelle: Ausschreibung, Abschnitte „Bewerbungsphase – STARTING SOON“ und „{section}“",
        "en": "Source: call for applications, sections „Bewerbungsphase – STARTING SOON“ "
        "and „{section}“ (German)",
    },
    "call_closed": {
        "de": "Die Bewerbungsfrist ist vorbei: Sie endete am {deadline}. Das Programm „{edition}“ läuft "
        "noch bis {end}. Eine nächste Ausschreibung ist noch nicht bekannt.",
        "en": 'The application period is over: the deadline was {deadline}. The program "{edition}" runs '
        "until {end}. A next call has not been announced yet.",
    },
    "call_over": {
        "de": "Die Bewerbungsfrist ist vorbei: Sie endete am {deadline}, und das Programm „{edition}“ "
        "ist seit {end} beendet. Eine nächste Ausschreibung ist noch nicht bekannt.",
        "en": 'The application period is over: the deadline was {deadline}, and the program "{edition}" '
        "has been over since {end}. A next call has not been announced yet.",
    },
    "next_call_open": {
        "de": "Die aktuelle Ausschreibung „{edition}“ läuft noch: Bewerbungsschluss ist "
        "{when}, der {deadline}. Wann es eine weitere gibt, ist noch nicht bekannt.",
        "en": 'The current call "{edition}" is open: the application deadline is {when}, '
        "{deadline}. Whether and when there will be another one is not known yet.",
    },
    "next_call_unknown": {
        "de": "Eine nächste Ausschreibung ist noch nicht bekannt. Die letzte, „{edition}“, "
        "hatte Bewerbungsschluss am {deadline}.",
        "en": 'A next call has not been announced yet. The last one, "{edition}", had its '
        "application deadline on {deadline}.",
    },
    "no_call_open": {
        "de": "Zurzeit läuft keine Ausschreibung: Die Bewerbungsfrist für „{edition}“ endete "
        "am {deadline}. Möchten Sie Bescheid bekommen, sobald die nächste Ausschreibung "
        "da ist? Dann tippen Sie auf den Knopf oder schreiben Sie /naechste.",
        "en": 'No call is open right now: applications for "{edition}" closed on {deadline}. '
        "Would you like to hear when the next call opens? Tap the button or send /next.",
    },
    "no_call_open_command": {
        "de": "Zurzeit läuft keine Ausschreibung: Die Bewerbungsfrist für „{edition}“ endete "
        "am {deadline}. Bescheid, sobald die nächste Ausschreibung da ist: /naechste",
        "en": 'No call is open right now: applications for "{edition}" closed on {deadline}. '
        "To hear when the next call opens: /next",
    },
    "next_call_offer": {
        "de": "Möchten Sie Bescheid bekommen, sobald die nächste Ausschreibung da ist?",
        "en": "Would you like to hear when the next call opens?",
    },
    "menu_next": {"de": "Nachricht bei neuer Ausschreibung", "en": "Tell me about the next call"},
    "no_call_open_watching": {
        "de": "Zurzeit läuft keine Ausschreibung: Die Bewerbungsfrist für „{edition}“ endete "
        "am {deadline}. Sie sind vorgemerkt: Sobald die nächste Ausschreibung da ist, schreibe "
        "ich Ihnen.",
        "en": 'No call is open right now: applications for "{edition}" closed on {deadline}. '
        "You are on the list: I will write to you when the next call opens.",
    },
    "next_call_stopped": {
        "de": "Gut, ich schreibe Ihnen nicht, wenn die nächste Ausschreibung da ist. Wieder "
        "vormerken: /naechste",
        "en": "All right, I will not write to you when the next call opens. Back on the "
        "list: /next",
    },
    "next_call_button": {
        "de": "🔔 Bei neuer Ausschreibung melden",
        "en": "🔔 Tell me about the next call",
    },
    "next_call_subscribed": {
        "de": "Gern: Sobald eine neue Ausschreibung da ist, schreibe ich Ihnen einmal. "
        "Abbestellen: /stopp",
        "en": "Will do: when a new call opens, I will write to you once. Unsubscribe: /stop",
    },
    "next_call_already": {
        "de": "Sie sind schon vorgemerkt: Sobald eine neue Ausschreibung da ist, schreibe ich "
        "Ihnen. Abbestellen: /stopp",
        "en": "You are already on the list: I will write to you when a new call opens. "
        "Unsubscribe: /stop",
    },
    "next_call_notice": {
        "de": "📣 Eine neue Ausschreibung ist da: „{edition}“. Bewerbungsschluss ist der "
        "{deadline}. Fragen Sie mich einfach, z. B. „Wer kann sich bewerben?“. Erinnerungen "
        "an die Fristen: /erinnerungen",
        "en": '📣 A new call is open: "{edition}". The application deadline is {deadline}. '
        'Just ask me, e.g. "Who can apply?". Deadline reminders: /remind',
    },
    "timeline_begun": {"de": "hat schon begonnen", "en": "has begun"},
    "timeline_push_vague": {
        "de": "⏰ Erinnerung: {title} – {when}.\n{audience}{text}\n\nAbbestellen: /stopp",
        "en": "⏰ Reminder: {title} – {when}.\n{audience}{text}\n\nUnsubscribe: /stop",
    },
}
