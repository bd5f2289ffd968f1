"""User-facing texts in German and English. German first, the forms of the call."""

from __future__ import annotations

__all__ = ["t"]

_TEXTS: dict[str, dict[str, str]] = {
    "welcome": {
        "de": (
            "Hallo! Ich bin der Bot der „Integrationsmacher:innen – Integration durch "
            "Zusammenarbeit“ (gefördert durch die Robert Bosch Stiftung, durchgeführt von "
            "Lokalprojekte).\n\nStell mir deine Frage zur Ausschreibung in eigenen Worten, "
            "auf Deutsch oder Englisch, z. B. „Bis wann kann ich mich bewerben?“."
        ),
        "en": (
            'Hello! I am the bot of the program "Integrationsmacher:innen – Integration durch '
            'Zusammenarbeit" (funded by the Robert Bosch Stiftung, run by Lokalprojekte).\n\n'
            "Ask me about the call for applications in your own words, in German or English, "
            'e.g. "When is the application deadline?".'
        ),
    },
    "help": {
        "de": (
            "Das kann ich:\n"
            "• Fragen zur Ausschreibung beantworten – einfach lostippen.\n"
            "/faq – Themen, zu denen ich antworten kann\n"
            "/erinnerungen – Fristen der Ausschreibung als Erinnerung · /stopp – abbestellen\n"
            "/kontakt – Ansprechpartnerinnen bei Lokalprojekte\n"
            "/sprache de|en – Sprache wählen\n"
            "/hilfe – diese Übersicht"
        ),
        "en": (
            "What I can do:\n"
            "• Answer questions about the call for applications – just type.\n"
            "/faq – topics I can answer\n"
            "/remind – reminders of the call's dates · /stop – unsubscribe\n"
            "/contact – contact persons at Lokalprojekte\n"
            "/lang de|en – choose the language\n"
            "/help – this overview"
        ),
    },
    "source": {
        "de": "Quelle: Ausschreibung, {section}",
        "en": "Source: call for applications, {section}",
    },
    "not_sure": {
        "de": "Dazu finde ich in der Ausschreibung keine sichere Antwort.",
        "en": "I cannot find a reliable answer to that in the call for applications.",
    },
    "did_you_mean": {"de": "Meintest du eine dieser Fragen?", "en": "Did you mean one of these?"},
    "ask_contacts": {
        "de": "Am besten fragst du direkt bei Lokalprojekte nach:",
        "en": "Best ask Lokalprojekte directly:",
    },
    "topics": {
        "de": "Zu diesen Themen kann ich antworten – wähle eins oder frag einfach:",
        "en": "I can answer questions on these topics – pick one or just ask:",
    },
    "lang_set": {"de": "Ich antworte jetzt auf Deutsch.", "en": "I will answer in English now."},
    "lang_usage": {
        "de": "Bitte so: /sprache de oder /sprache en",
        "en": "Please use: /lang de or /lang en",
    },
    "unknown_command": {
        "de": "Den Befehl {command} kenne ich nicht. /hilfe zeigt, was ich kann.",
        "en": "I don't know the command {command}. /help shows what I can do.",
    },
    "empty": {
        "de": "Schreib mir deine Frage zur Ausschreibung – oder /hilfe.",
        "en": "Type your question about the call – or /help.",
    },
    "stale_choice": {
        "de": "Diese Auswahl ist nicht mehr gültig. /faq zeigt alle Themen.",
        "en": "This choice is no longer valid. /faq shows all topics.",
    },
    "error": {
        "de": "Entschuldigung, da ist bei mir etwas schiefgelaufen. Bitte versuch es gleich noch einmal.",
        "en": "Sorry, something went wrong on my side. Please try again in a moment.",
    },
    "too_long": {
        "de": "Deine Nachricht ist sehr lang – ich lese die ersten {limit} Zeichen.",
        "en": "Your message is very long – I read the first {limit} characters.",
    },
    # -- people, invites, roles ----------------------------------------------------
    "role_expert": {"de": "Expert:in", "en": "expert"},
    "role_buddy": {"de": "Buddy", "en": "buddy"},
    "role_admin": {"de": "Admin", "en": "admin"},
    "role_applicant": {"de": "Bewerber:in", "en": "applicant"},
    "welcome_role": {
        "de": "Willkommen, {name}! Du bist jetzt als {role} angemeldet. /hilfe zeigt, was du tun kannst.",
        "en": "Welcome, {name}! You are now signed in as {role}. /help shows what you can do.",
    },
    "forbidden": {
        "de": "Der Befehl {command} ist nur für {roles} da. Du brauchst dafür eine Einladung von Lokalprojekte.",
        "en": "The command {command} is only for {roles}. You need an invite from Lokalprojekte for it.",
    },
    "people_unavailable": {
        "de": "Anmeldungen sind hier gerade nicht möglich. Bitte versuch es später noch einmal.",
        "en": "Sign-in is not available here right now. Please try again later.",
    },
    "invite_unknown": {
        "de": "Diesen Einladungscode kenne ich nicht. Bitte prüfe ihn oder frag bei Lokalprojekte nach einem neuen.",
        "en": "I don't know this invite code. Please check it or ask Lokalprojekte for a new one.",
    },
    "invite_used": {
        "de": "Dieser Einladungscode wurde schon verwendet. Bitte frag bei Lokalprojekte nach einem neuen.",
        "en": "This invite code has already been used. Please ask Lokalprojekte for a new one.",
    },
    "invite_expired": {
        "de": "Dieser Einladungscode ist abgelaufen. Bitte frag bei Lokalprojekte nach einem neuen.",
        "en": "This invite code has expired. Please ask Lokalprojekte for a new one.",
    },
    "identity_taken": {
        "de": "Dieses Chat-Konto ist schon mit einer anderen Person verknüpft. Bitte wende dich an Lokalprojekte.",
        "en": "This chat account is already linked to another person. Please contact Lokalprojekte.",
    },
    "unknown_person": {
        "de": "Ich finde niemanden mit „{ref}“. /people zeigt alle.",
        "en": 'I can\'t find anyone called "{ref}". /people lists everyone.',
    },
    "ambiguous_person": {
        "de": "„{ref}“ passt auf mehrere Personen ({ids}). Bitte nimm die Nummer.",
        "en": '"{ref}" matches several people ({ids}). Please use the number.',
    },
    "not_expert": {"de": "{name} ist keine Expert:in.", "en": "{name} is not an expert."},
    "not_buddy": {"de": "{name} ist kein Buddy.", "en": "{name} is not a buddy."},
    "bad_role": {
        "de": "Unbekannte Rolle „{role}“. Möglich sind: expert, buddy, admin.",
        "en": 'Unknown role "{role}". Possible: expert, buddy, admin.',
    },
    "name_missing": {"de": "Bitte gib einen Namen an.", "en": "Please give a name."},
    "bad_lang": {
        "de": "Sprache „{lang}“? Möglich: de, en.",
        "en": 'Language "{lang}"? Possible: de, en.',
    },
    "person_inactive": {
        "de": "{name} ist gesperrt oder gelöscht.",
        "en": "{name} is revoked or erased.",
    },
    "invite_usage": {
        "de": "Bitte so: /invite expert|buddy|admin Vorname Nachname [lang=en]",
        "en": "Please use: /invite expert|buddy|admin First Last [lang=en]",
    },
    "invite_created": {
        "de": "Einladung für {name} ({role}), gültig bis {expires}:\nCode: {code}\nTelegram: {link}\nMatrix oder Konsole: /start {code}",
        "en": "Invite for {name} ({role}), valid until {expires}:\nCode: {code}\nTelegram: {link}\nMatrix or console: /start {code}",
    },
    "pair_usage": {
        "de": "Bitte so: /pair EXPERT:IN BUDDY (Nummer aus /people oder Name in Anführungszeichen)",
        "en": "Please use: /pair EXPERT BUDDY (number from /people or name in quotes)",
    },
    "pair_done": {
        "de": "{expert} hat jetzt {buddy} als Buddy.",
        "en": "{expert} now has {buddy} as buddy.",
    },
    "revoke_usage": {"de": "Bitte so: /revoke PERSON", "en": "Please use: /revoke PERSON"},
    "revoke_done": {
        "de": "{name} ist gesperrt; Chat-Verknüpfungen, offene Einladungen und Paare sind entfernt.",
        "en": "{name} is revoked; chat links, open invites and pairs are removed.",
    },
    "people_empty": {"de": "Noch niemand eingeladen.", "en": "Nobody invited yet."},
    "mydata_nothing": {
        "de": "Über dich ist nichts gespeichert. Fragen, die ich nicht beantworten konnte, speichere ich ohne Bezug zu dir, damit das Team die Antworten ergänzen kann.",
        "en": "Nothing is stored about you. Questions I could not answer are stored without any link to you, so the team can add answers.",
    },
    "mydata_header": {
        "de": "Das ist über dich gespeichert:",
        "en": "This is stored about you:",
    },
    "delete_confirm": {
        "de": "Damit löschst du deinen Namen, deine Chat-Verknüpfungen, Einladungen und Buddy-Zuordnungen. Danach kennt dich der Bot nicht mehr. Wirklich löschen?",
        "en": "This erases your name, chat links, invites and buddy pairings. Afterwards the bot no longer knows you. Really erase?",
    },
    "delete_yes": {"de": "Ja, löschen", "en": "Yes, erase"},
    "delete_no": {"de": "Abbrechen", "en": "Cancel"},
    "delete_done": {
        "de": "Erledigt: deine Daten sind gelöscht. Übrig bleibt nur eine anonyme Zählung.",
        "en": "Done: your data is erased. Only an anonymous count remains.",
    },
    "delete_cancelled": {"de": "Nichts gelöscht.", "en": "Nothing erased."},
    "help_privacy": {
        "de": "/meinedaten – was über dich gespeichert ist\n/loeschen – deine Daten löschen",
        "en": "/mydata – what is stored about you\n/delete – erase your data",
    },
    "help_admin": {
        "de": "Für Admins:\n/invite ROLLE NAME – einladen (expert, buddy, admin)\n/pair EXPERT:IN BUDDY – Paar bilden\n/people – alle Personen\n/revoke PERSON – Zugang entziehen",
        "en": "For admins:\n/invite ROLE NAME – invite (expert, buddy, admin)\n/pair EXPERT BUDDY – pair them\n/people – everyone\n/revoke PERSON – take access away",
    },
    # -- Jour Fixe -----------------------------------------------------------------------
    "example_windows": {
        "de": "Das verstehe ich nicht: „{text}“. Beispiel: /frei Di 10-12, Do 14-16 oder /frei 12.03. 14-16",
        "en": 'I can\'t read "{text}". Example: /frei Tue 10am-12pm, Thu 2-4pm or /frei 12.03. 14-16',
    },
    "example_moment": {
        "de": "Das verstehe ich nicht: „{text}“. Beispiel: Do 14:00 oder 12.03. 14:00",
        "en": 'I can\'t read "{text}". Example: Thu 2pm or 12.03. 14:00',
    },
    "example_dates": {
        "de": "Das verstehe ich nicht: „{text}“. Beispiel: /urlaub 24.12.-2.1.",
        "en": 'I can\'t read "{text}". Example: /urlaub 24.12.-2.1.',
    },
    "windows_none": {
        "de": "Du hast noch keine freien Zeiten eingetragen. Beispiel: /frei Di 10-12, Do 14-16",
        "en": "You have not entered any free times yet. Example: /frei Tue 10am-12pm, Thu 2-4pm",
    },
    "windows_now": {
        "de": "Deine freien Zeiten für Jour Fixes:\n{windows}\n\nÄndern: /frei Di 10-12, Do 14-16 · einmalig: /frei 12.03. 14-16 · Urlaub: /urlaub 24.12.-2.1. · alles löschen: /frei löschen",
        "en": "Your free times for Jour Fixes:\n{windows}\n\nChange: /frei Tue 10am-12pm · once: /frei 12.03. 14-16 · away: /urlaub 24.12.-2.1. · clear all: /frei löschen",
    },
    "off": {"de": "abwesend: {first} – {last}", "en": "away: {first} – {last}"},
    "no_edition": {
        "de": "Zurzeit ist kein Programmdurchgang mit Terminen geladen. Bitte frag später noch einmal.",
        "en": "No program edition with dates is loaded right now. Please ask again later.",
    },
    "subscribed": {
        "de": "Du bekommst jetzt Erinnerungen zu „{edition}“ ({n}):\n{list}\n\nAbbestellen: /stopp",
        "en": 'You will now get reminders for "{edition}" ({n}):\n{list}\n\nUnsubscribe: /stop',
    },
    "subscribed_nothing_ahead": {
        "de": "Du bist für „{edition}“ angemeldet, aber dort steht kein Termin mehr an.",
        "en": 'You are subscribed to "{edition}", but no dates are ahead there.',
    },
    "not_subscribed": {
        "de": "Du hast keine Erinnerungen abonniert. Anmelden: /erinnerungen",
        "en": "You have no reminders. Subscribe: /remind",
    },
    "unsubscribed": {
        "de": "Erinnerungen abbestellt ({n} geplante gelöscht). Wieder anmelden: /erinnerungen",
        "en": "Reminders stopped ({n} planned ones deleted). Subscribe again: /remind",
    },
    "subscribe_button": {"de": "🔔 Fristen-Erinnerungen", "en": "🔔 Deadline reminders"},
    "before_usage": {
        "de": "Erinnerungen vor jedem Jour Fixe: {current}. Ändern, z. B.: /vorher 24h 1h (bis zu drei Zeiten, d/h/min)",
        "en": "Reminders before each Jour Fixe: {current}. Change, e.g.: /before 24h 1h (up to three, d/h/min)",
    },
    "before_set": {
        "de": "Du wirst jetzt {times} vor jedem Jour Fixe erinnert.",
        "en": "You will now be reminded {times} before each Jour Fixe.",
    },
    "meeting_reminder": {
        "de": "⏰ Erinnerung: Jour Fixe mit {other} {before} – {when}.",
        "en": "⏰ Reminder: Jour Fixe with {other} {before} – {when}.",
    },
    "pending_reminder": {
        "de": "⏳ {expert} wartet noch auf deine Antwort zum Jour Fixe {when}. Passt der Termin?",
        "en": "⏳ {expert} is still waiting for your answer about the Jour Fixe {when}. Does it suit you?",
    },
    "length_usage": {
        "de": "Ein Jour Fixe dauert bei dir {minutes} Minuten. Ändern: /dauer 60",
        "en": "Your Jour Fixes last {minutes} minutes. Change: /dauer 60",
    },
    "length_set": {
        "de": "Neue Jour Fixes dauern jetzt {minutes} Minuten.",
        "en": "New Jour Fixes now last {minutes} minutes.",
    },
    "bad_length": {
        "de": "Bitte eine Dauer in Minuten, ein Vielfaches von {grid}, höchstens 180 – z. B. /dauer 60",
        "en": "Please give minutes, a multiple of {grid}, at most 180 – e.g. /dauer 60",
    },
    "windows_cleared": {"de": "Alle freien Zeiten gelöscht.", "en": "All free times cleared."},
    "no_buddy": {
        "de": "Dir ist noch kein Buddy zugeordnet. Bitte wende dich an Lokalprojekte.",
        "en": "You have no buddy yet. Please contact Lokalprojekte.",
    },
    "no_slots": {
        "de": "{buddy} hat in den nächsten Wochen keine freien Zeiten eingetragen. Versuch /jourfixe später noch einmal.",
        "en": "{buddy} has no free times in the coming weeks. Try /jourfixe again later.",
    },
    "slots": {
        "de": "Freie Jour-Fixe-Termine mit {buddy} (Zeiten in Europe/Berlin) – wähle einen:",
        "en": "Free Jour Fixe slots with {buddy} (times in Europe/Berlin) – pick one:",
    },
    "series_question": {
        "de": "{when} – einmalig oder regelmäßig?",
        "en": "{when} – once or regularly?",
    },
    "series_once": {"de": "Einmalig", "en": "Once"},
    "series_weekly": {"de": "Jede Woche", "en": "Every week"},
    "series_biweekly": {"de": "Alle 2 Wochen", "en": "Every 2 weeks"},
    "requested": {
        "de": "Anfrage an {buddy} geschickt: {when}{series}. Ich melde mich, sobald {buddy} antwortet.",
        "en": "Request sent to {buddy}: {when}{series}. I'll tell you when {buddy} answers.",
    },
    "series_note": {"de": " ({n} Termine bis {until})", "en": " ({n} meetings until {until})"},
    "request_for_buddy": {
        "de": "{expert} möchte einen Jour Fixe mit dir: {when}{series}.\nAntworte mit „ja“ oder „nein“ – oder schlag eine andere Zeit vor, z. B. „Do 14:00“.",
        "en": '{expert} would like a Jour Fixe with you: {when}{series}.\nAnswer "yes" or "no" – or suggest another time, e.g. "Thu 2pm".',
    },
    "confirm": {"de": "Bestätigen", "en": "Confirm"},
    "decline": {"de": "Ablehnen", "en": "Decline"},
    "slot_taken": {
        "de": "Dieser Termin wurde gerade vergeben. Hier sind freie Alternativen:",
        "en": "This slot was just taken. Here are free alternatives:",
    },
    "slot_taken_none": {
        "de": "Dieser Termin wurde gerade vergeben, und gerade ist nichts anderes frei. /jourfixe zeigt später neue Termine.",
        "en": "This slot was just taken and nothing else is free right now. /jourfixe shows new slots later.",
    },
    "changed_meanwhile": {
        "de": "Der Termin wurde gerade von der anderen Seite geändert. /termine zeigt den aktuellen Stand.",
        "en": "The meeting was just changed by the other side. /termine shows where it stands.",
    },
    "unknown_meeting": {
        "de": "Diesen Termin finde ich bei dir nicht. /termine zeigt deine Termine.",
        "en": "I can't find this meeting among yours. /termine lists your meetings.",
    },
    "not_yours": {
        "de": "Das kann nur dein Buddy bestätigen.",
        "en": "Only your buddy can confirm this.",
    },
    "not_pending": {
        "de": "Diese Anfrage ist schon erledigt ({state}). /termine zeigt den aktuellen Stand.",
        "en": "This request is already settled ({state}). /termine shows where it stands.",
    },
    "not_active": {
        "de": "Dieser Termin ist nicht mehr aktiv ({state}).",
        "en": "This meeting is no longer active ({state}).",
    },
    "confirmed_for": {
        "de": "Jour Fixe bestätigt: {when} mit {other}{series}. Die Kalenderdatei hängt an.",
        "en": "Jour Fixe confirmed: {when} with {other}{series}. The calendar file is attached.",
    },
    "declined_for_expert": {
        "de": "{buddy} kann am {when} leider nicht. /jourfixe zeigt andere freie Termine.",
        "en": "{buddy} can't make it on {when}. /jourfixe shows other free slots.",
    },
    "declined_ok": {
        "de": "Abgelehnt; {expert} weiß Bescheid.",
        "en": "Declined; {expert} has been told.",
    },
    "proposal_for_expert": {
        "de": "{buddy} kann am {when} nicht und schlägt {proposal} vor.",
        "en": "{buddy} can't make it on {when} and suggests {proposal}.",
    },
    "proposal_accept": {"de": "{proposal} annehmen", "en": "Accept {proposal}"},
    "proposal_sent": {
        "de": "Dein Vorschlag {proposal} ist bei {expert}.",
        "en": "Your suggestion {proposal} has been sent to {expert}.",
    },
    "which_request": {
        "de": "Du hast mehrere offene Anfragen – welche meinst du?",
        "en": "You have several open requests – which one do you mean?",
    },
    "ask_back": {
        "de": "Meinst du „{answer}“ für den Jour Fixe {when} mit {expert}?",
        "en": 'Do you mean "{answer}" for the Jour Fixe {when} with {expert}?',
    },
    "answer_yes": {"de": "ja, bestätigen", "en": "yes, confirm"},
    "answer_no": {"de": "nein, ablehnen", "en": "no, decline"},
    "meetings_none": {"de": "Keine anstehenden Jour Fixes.", "en": "No upcoming Jour Fixes."},
    "meetings": {
        "de": "Deine nächsten Jour Fixes (#Nummer für /verschieben und /absagen):",
        "en": "Your next Jour Fixes (#number for /verschieben and /absagen):",
    },
    "state_requested": {"de": "angefragt", "en": "requested"},
    "state_confirmed": {"de": "bestätigt", "en": "confirmed"},
    "pick_cancel": {"de": "Welchen Termin absagen?", "en": "Which meeting do you want to cancel?"},
    "pick_move": {"de": "Welchen Termin verschieben?", "en": "Which meeting do you want to move?"},
    "move_slots": {
        "de": "Wohin soll der Jour Fixe {when} verschoben werden?",
        "en": "Where should the Jour Fixe {when} move to?",
    },
    "cancelled_for": {
        "de": "Jour Fixe {when} mit {other} ist abgesagt{by}. Die Kalenderdatei entfernt ihn aus deinem Kalender.",
        "en": "Jour Fixe {when} with {other} is cancelled{by}. The calendar file removes it from your calendar.",
    },
    "moved_for": {
        "de": "Jour Fixe mit {other} verschoben{by}: {old} → {when}. Die Kalenderdatei aktualisiert deinen Kalender.",
        "en": "Jour Fixe with {other} moved{by}: {old} → {when}. The calendar file updates your calendar.",
    },
    "by_other": {"de": " (von {name})", "en": " (by {name})"},
    "expired_for_expert": {
        "de": "{buddy} hat auf deine Anfrage für {when} nicht rechtzeitig geantwortet; der Termin ist wieder frei. /jourfixe zeigt neue Termine.",
        "en": "{buddy} did not answer your request for {when} in time; the slot is free again. /jourfixe shows new slots.",
    },
    "not_linked": {
        "de": "Hinweis: {name} ist noch mit keinem Chat verknüpft und sieht die Nachricht erst nach dem Einlösen der Einladung.",
        "en": "Note: {name} has no linked chat yet and will only see this after redeeming the invite.",
    },
    "help_expert": {
        "de": "Jour Fixe:\n/jourfixe – Termin mit deinem Buddy anfragen\n/termine – deine nächsten Termine\n/verschieben #N · /absagen #N\n/vorher 24h 1h – Erinnerungen vor Terminen",
        "en": "Jour Fixe:\n/jourfixe – request a meeting with your buddy\n/termine – your next meetings\n/verschieben #N · /absagen #N\n/before 24h 1h – reminders before meetings",
    },
    "help_buddy": {
        "de": "Jour Fixe:\n/frei Di 10-12, Do 14-16 – wann du frei bist\n/urlaub 24.12.-2.1. – Abwesenheit\n/dauer 60 – Länge eines Jour Fixe\n/vorher 24h 1h – Erinnerungen vor Terminen\n/termine · /verschieben #N · /absagen #N\nAnfragen beantwortest du mit „ja“, „nein“ oder einer anderen Zeit.",
        "en": 'Jour Fixe:\n/frei Tue 10am-12pm – when you are free\n/urlaub 24.12.-2.1. – time away\n/dauer 60 – length of a Jour Fixe\n/before 24h 1h – reminders before meetings\n/termine · /verschieben #N · /absagen #N\nAnswer requests with "yes", "no" or another time.',
    },
}


def t(key: str, lang: str, **fields: object) -> str:
    """The text `key` in `lang` (German if the language is unknown), fields filled in."""
    texts = _TEXTS[key]
    return texts.get(lang, texts["de"]).format(**fields)


_DAY_ABBR = {
    "de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def weekday_name(weekday: int, lang: str) -> str:
    return _DAY_ABBR.get(lang, _DAY_ABBR["de"])[weekday]


def fmt_when(moment, lang: str, tz) -> str:
    """A moment in the reader's words: "Di 03.03. 10:00" / "Tue 3 Mar 10:00"."""
    local = moment.astimezone(tz)
    day = weekday_name(local.weekday(), lang)
    if lang == "en":
        return f"{day} {local.day} {_MONTH_ABBR[local.month - 1]} {local:%H:%M}"
    return f"{day} {local:%d.%m. %H:%M}"


def fmt_date(day, lang: str) -> str:
    return (
        f"{day.day} {_MONTH_ABBR[day.month - 1]} {day.year}" if lang == "en" else f"{day:%d.%m.%Y}"
    )
