"""Jour Fixe: free times, requests, answers, moves and cancellations."""

TEXTS: dict[str, dict[str, str]] = {
    "example_windows": {
        "de": "Das verstehe ich nicht: „{text}“. Beispiel: /frei Di 10-12, Do 14-16 "
        "oder /frei 12.03. 14-16",
        "en": 'I can\'t read "{text}". Example: /free Tue 10am-12pm, Thu 2-4pm or '
        "/free 12.03. 14-16",
    },
    "example_moment": {
        "de": "Das verstehe ich nicht: „{text}“. Beispiel: Do 14:00 oder 12.03. 14:00",
        "en": 'I can\'t read "{text}". Example: Thu 2pm or 12.03. 14:00',
    },
    "date_past": {
        "de": "„{text}“ liegt in der Vergangenheit. Bitte nennen Sie einen Termin ab jetzt.",
        "en": '"{text}" is in the past. Please give a time from now on.',
    },
    "date_far": {
        "de": "„{text}“ liegt mehr als zwei Jahre in der Zukunft. Bitte prüfen Sie das Jahr.",
        "en": '"{text}" is more than two years ahead. Please check the year.',
    },
    "too_many_windows": {
        "de": "Das sind zu viele Zeitfenster auf einmal: höchstens {text}.",
        "en": "That is too many time windows at once: at most {text}.",
    },
    "away_too_long": {
        "de": "„{text}“ ist länger als ein Jahr. Bitte tragen Sie höchstens ein Jahr auf "
        "einmal ein.",
        "en": '"{text}" is longer than a year. Please enter at most one year at a time.',
    },
    "too_many_away": {
        "de": "Es sind schon {limit} Abwesenheiten eingetragen. /frei löschen räumt auf.",
        "en": "There are {limit} periods away already. /free clear tidies up.",
    },
    "example_dates": {
        "de": "Das verstehe ich nicht: „{text}“. Beispiel: /urlaub 24.12.-2.1.",
        "en": 'I can\'t read "{text}". Example: /away 24.12.-2.1.',
    },
    "windows_none": {
        "de": "Sie haben noch keine freien Zeiten eingetragen. Beispiel: /frei Di 10-12, Do 14-16",
        "en": "You have not entered any free times yet. Example: /free Tue 10am-12pm, Thu 2-4pm",
    },
    "windows_now": {
        "de": "Ihre freien Zeiten für Jour Fixes:\n"
        "{windows}\n"
        "\n"
        "Ändern: /frei Di 10-12, Do 14-16 · einmalig: /frei 12.03. 14-16 · Urlaub: "
        "/urlaub 24.12.-2.1. · alles löschen: /frei löschen",
        "en": "Your free times for Jour Fixes:\n"
        "{windows}\n"
        "\n"
        "Change: /free Tue 10am-12pm · once: /free 12.03. 14-16 · away: /away "
        "24.12.-2.1. · clear all: /free clear",
    },
    "off": {"de": "abwesend: {first} – {last}", "en": "away: {first} – {last}"},
    "free_add_ask": {
        "de": "Soll ich {new} zu Ihren freien Zeiten hinzufügen? Danach wären es:\n{windows}",
        "en": "Shall I add {new} to your free times? They would then be:\n{windows}",
    },
    "free_add_ask_button": {"de": "Ja, hinzufügen", "en": "Yes, add it"},
    "free_day_ask": {
        "de": "Soll ich {old} durch {new} ersetzen? Die anderen Tage bleiben. Danach wären "
        "es:\n{windows}",
        "en": "Shall I replace {old} with {new}? The other days stay. They would then "
        "be:\n{windows}",
    },
    "free_set_ask": {
        "de": "Soll ich Ihre freien Zeiten durch {new} ersetzen? Die bisherigen fallen dann "
        "weg. Danach wären es:\n{windows}",
        "en": "Shall I replace your free times with {new}? The ones you have now would go. "
        "They would then be:\n{windows}",
    },
    "free_set_ask_button": {"de": "Ja, ersetzen", "en": "Yes, replace them"},
    "free_already": {
        "de": "Diese Zeit ist schon bei Ihren freien Zeiten:\n{windows}",
        "en": "That time is already among your free times:\n{windows}",
    },
    "length_usage": {
        "de": "Ein Jour Fixe dauert bei Ihnen {minutes} Minuten. Ändern: /dauer 60",
        "en": "Your Jour Fixes last {minutes} minutes. Change: /length 60",
    },
    "length_set": {
        "de": "Neue Jour Fixes dauern jetzt {minutes} Minuten.",
        "en": "New Jour Fixes now last {minutes} minutes.",
    },
    "bad_length": {
        "de": "Bitte eine Dauer in Minuten, ein Vielfaches von {grid}, höchstens 180 – z. "
        "B. /dauer 60",
        "en": "Please give the length in minutes, a multiple of {grid}, at most 180 – e.g. /length 60",
    },
    "before_off_how": {
        "de": "Ganz ausschalten: /vorher aus (oder schreiben Sie „keine Erinnerungen mehr“).",
        "en": "To turn them off: /before off (or write “no more reminders”).",
    },
    "outside_free": {
        "de": "Ihre bestätigten Jour Fixes bleiben bestehen, auch wenn sie jetzt außerhalb "
        "Ihrer freien Zeiten liegen:\n{list}\n"
        "Verschieben: /verschieben · absagen: /absagen – oder schreiben Sie z. B. „den "
        "Termin mit {name} verschieben“.",
        "en": "Your confirmed Jour Fixes stay, even though they now lie outside your free "
        "times:\n{list}\n"
        "To move one: /move · to cancel: /cancel – or write e.g. “move the meeting with "
        "{name}”.",
    },
    "outside_one": {"de": "{when} mit {name}", "en": "{when} with {name}"},
    "outside_series": {
        "de": "{day} {at} mit {name} ({n} Termine, bis {last})",
        "en": "{day} {at} with {name} ({n} meetings, until {last})",
    },
    "windows_cleared": {"de": "Alle freien Zeiten gelöscht.", "en": "All free times cleared."},
    "no_buddy": {
        "de": "Ihnen ist noch kein Buddy zugeordnet. Bitte wenden Sie sich an Lokalprojekte.",
        "en": "You have no buddy yet. Please contact Lokalprojekte.",
    },
    "no_slots": {
        "de": "{buddy} hat in den nächsten Wochen keine freien Zeiten eingetragen. Versuchen "
        "Sie /jourfixe später noch einmal.",
        "en": "{buddy} has no free times in the coming weeks. Try /jourfixe again later.",
    },
    # tryout6 rows 2, 3, 7: the buddy's free times are all booked (bot/chat/jourfixe/booked.py)
    "booked_out": {
        "de": "Die freien Zeiten von {buddy} sind in den nächsten {weeks} Wochen ausgebucht.",
        "en": "{buddy}'s free times are fully booked for the next {weeks} weeks.",
    },
    "booked_move": {
        "de": "Die freien Zeiten von {buddy} rund um {when} sind ausgebucht. Schreiben Sie "
        "eine Zeit, die Sie mit {buddy} abgesprochen haben – oder bitten Sie {buddy} um eine.",
        "en": "{buddy}'s free times around {when} are fully booked. Type a time you agreed "
        "with {buddy} – or ask {buddy} for one.",
    },
    "booked_move_own": {
        "de": "Ihre freien Zeiten rund um {when} sind ausgebucht. Schreiben Sie die neue "
        "Zeit (z. B. „{example}“) – sie darf auch außerhalb Ihrer freien Zeiten liegen.",
        "en": "Your free times around {when} are fully booked. Type the new time (e.g. "
        '"{example}") – it may be outside your free times.',
    },
    "ask_buddy_button": {"de": "{buddy} um eine Zeit bitten", "en": "Ask {buddy} for a time"},
    "asked_buddy": {
        "de": "Ich habe {buddy} gebeten, Ihnen eine Zeit vorzuschlagen.",
        "en": "I have asked {buddy} to suggest a time to you.",
    },
    "buddy_asked_book": {
        "de": "{expert} findet keinen freien Jour-Fixe-Termin: Ihre freien Zeiten sind in "
        "den nächsten {weeks} Wochen ausgebucht. Tragen Sie weitere Zeiten ein (/frei), "
        "dann kann {expert} buchen.",
        "en": "{expert} finds no free Jour Fixe slot: your free times are fully booked for "
        "the next {weeks} weeks. Add more times (/free) so {expert} can book.",
    },
    "buddy_asked_move": {
        "de": "{expert} möchte den Jour Fixe {when} verschieben, aber Ihre freien Zeiten "
        "sind ausgebucht. Schlagen Sie eine neue Zeit vor: /verschieben #{id} und die Zeit.",
        "en": "{expert} would like to move the Jour Fixe on {when}, but your free times "
        "are fully booked. Give a new time: /move #{id} and the time.",
    },
    "slots": {
        "de": "Freie Jour-Fixe-Termine mit {buddy} (Zeiten in {tz}) – wählen Sie einen:",
        "en": "Free Jour Fixe slots with {buddy} (times in {tz}) – pick one:",
    },
    "slots_series": {
        "de": "Der Termin, den Sie wählen, ist der erste der Reihe ({rhythm}).",
        "en": "The slot you pick is the first of the series ({rhythm}).",
    },
    "series_question": {
        "de": "{when} – einmalig oder regelmäßig?",
        "en": "{when} – once or regularly?",
    },
    "series_rhythm_question": {
        "de": "{when} – jede Woche oder alle 2 Wochen?",
        "en": "{when} – every week or every 2 weeks?",
    },
    "series_once": {"de": "Einmalig", "en": "Once"},
    "series_weekly": {"de": "Jede Woche", "en": "Every week"},
    "series_biweekly": {"de": "Alle 2 Wochen", "en": "Every 2 weeks"},
    "requested": {
        "de": "Anfrage an {buddy} geschickt: {when}{series}. Ich melde mich, sobald {buddy} "
        "antwortet.",
        "en": "Request sent to {buddy}: {when}{series}. I'll tell you when {buddy} answers.",
    },
    "series_note": {"de": " ({n} Termine bis {until})", "en": " ({n} meetings until {until})"},
    "request_for_buddy": {
        "de": "{expert} möchte einen Jour Fixe mit Ihnen: {when}{series}.\n"
        "Antworten Sie mit „ja“ oder „nein“ – oder schlagen Sie eine andere Zeit vor, z. "
        "B. „Do 14:00“.",
        "en": "{expert} would like a Jour Fixe with you: {when}{series}.\n"
        'Answer "yes" or "no" – or suggest another time, e.g. "Thu 2pm".',
    },
    "confirm": {"de": "Bestätigen", "en": "Confirm"},
    "decline": {"de": "Ablehnen", "en": "Decline"},
    "slot_taken": {
        "de": "Dieser Termin wurde gerade vergeben. Hier sind freie Alternativen:",
        "en": "This slot was just taken. Here are free alternatives:",
    },
    "slot_taken_none": {
        "de": "Dieser Termin wurde gerade vergeben, und gerade ist nichts anderes "
        "frei. /jourfixe zeigt später neue Termine.",
        "en": "This slot was just taken and nothing else is free right now. /jourfixe "
        "shows new slots later.",
    },
    "changed_meanwhile": {
        "de": "Der Termin wurde gerade von der anderen Seite geändert. /termine "
        "zeigt den aktuellen Stand.",
        "en": "The meeting was just changed by the other side. /meetings shows where it stands.",
    },
    "unknown_meeting": {
        "de": "Diesen Termin finde ich bei Ihnen nicht. /termine zeigt Ihre Termine.",
        "en": "I can't find this meeting among yours. /meetings lists your meetings.",
    },
    "not_yours": {
        "de": "Das kann nur Ihr Buddy bestätigen.",
        "en": "Only your buddy can confirm this.",
    },
    "not_pending": {
        "de": "Diese Anfrage ist schon erledigt ({state}). /termine zeigt den aktuellen Stand.",
        "en": "This request is already settled ({state}). /meetings shows where it stands.",
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
        "de": "Abgelehnt: die Anfrage von {expert} für {when}. {expert} weiß Bescheid.",
        "en": "Declined: {expert}'s request for {when}. {expert} has been told.",
    },
    "proposal_for_expert": {
        "de": "{buddy} kann am {when} nicht und schlägt {proposal} vor.",
        "en": "{buddy} can't make it on {when} and suggests {proposal}.",
    },
    "proposal_accept": {"de": "{proposal} annehmen", "en": "Accept {proposal}"},
    "proposal_sent": {
        "de": "Ihr Vorschlag {proposal} ist bei {expert}.",
        "en": "Your suggestion {proposal} has been sent to {expert}.",
    },
    "which_request": {
        "de": "Sie haben mehrere offene Anfragen – welche meinen Sie?",
        "en": "You have several open requests – which one do you mean?",
    },
    "meetings_none": {"de": "Keine anstehenden Jour Fixes.", "en": "No upcoming Jour Fixes."},
    "meetings": {
        "de": "Ihre nächsten Jour Fixes (#Nummer für /verschieben und /absagen):",
        "en": "Your next Jour Fixes (#number for /move and /cancel):",
    },
    "state_requested": {"de": "angefragt", "en": "requested"},
    "state_confirmed": {"de": "bestätigt", "en": "confirmed"},
    "pick_cancel": {"de": "Welchen Termin absagen?", "en": "Which meeting do you want to cancel?"},
    "pick_cancel_or_all": {  # jf14: "keine Termine mehr bitte"
        "de": "Welchen Termin soll ich absagen – oder alle? (Sie bestätigen danach noch einmal.)",
        "en": "Which meeting shall I cancel – or all of them? (You confirm once more after.)",
    },
    "cancel_every": {"de": "Alle {n} absagen", "en": "Cancel all {n}"},
    "pick_move": {"de": "Welchen Termin verschieben?", "en": "Which meeting do you want to move?"},
    "pick_move_to": {
        "de": "Welcher Termin soll auf {new} verschoben werden? (Oder /abbrechen)",
        "en": "Which meeting should move to {new}? (Or /cancel)",
    },
    "move_slots": {
        "de": "Wohin soll der Jour Fixe {when} verschoben werden?",
        "en": "Where should the Jour Fixe {when} move to?",
    },
    "cancelled_for": {
        "de": "Jour Fixe {when} mit {other} ist abgesagt{by}. Die Kalenderdatei "
        "entfernt ihn aus Ihrem Kalender.",
        "en": "Jour Fixe {when} with {other} is cancelled{by}. The calendar file "
        "removes it from your calendar.",
    },
    "moved_for": {
        "de": "Jour Fixe mit {other} verschoben{by}: {old} → {when}. Die Kalenderdatei "
        "aktualisiert Ihren Kalender.",
        "en": "Jour Fixe with {other} moved{by}: {old} → {when}. The calendar file updates "
        "your calendar.",
    },
    "by_other": {"de": " (von {name})", "en": " (by {name})"},
    "expired_for_expert": {
        "de": "{buddy} hat auf Ihre Anfrage für {when} nicht rechtzeitig "
        "geantwortet; der Termin ist wieder frei. /jourfixe zeigt neue "
        "Termine.",
        "en": "{buddy} did not answer your request for {when} in time; the slot is "
        "free again. /jourfixe shows new slots.",
    },
    # jf11: a late answer to a request that lapsed; a second meeting the same day
    "lapsed_request": {
        "de": "Die Anfrage von {expert} für {when} ist abgelaufen (nach {hours} Stunden ohne "
        "Antwort) – es gibt dazu keinen Termin. {free}",
        "en": "{expert}'s request for {when} has expired (no answer within {hours} hours) – "
        "there is no meeting for it. {free}",
    },
    "lapsed_free": {
        "de": "Der Termin ist noch frei: trotzdem vorschlagen?",
        "en": "The time is still free: propose it anyway?",
    },
    "lapsed_taken": {
        "de": "Der Termin ist inzwischen nicht mehr frei; {expert} kann mit /jourfixe neu "
        "anfragen.",
        "en": "The time is no longer free; {expert} can ask again with /jourfixe.",
    },
    "lapsed_button": {
        "de": "{expert} {when} vorschlagen",
        "en": "Propose {when} to {expert}",
    },
    "lapsed_sent": {
        "de": "{expert} bekommt {when} noch einmal vorgeschlagen; ich melde mich mit der Antwort.",
        "en": "{when} is proposed to {expert} again; I'll tell you the answer.",
    },
    "lapsed_for_expert": {
        "de": "{buddy} hat Ihre abgelaufene Anfrage für {when} doch noch gesehen und schlägt "
        "den Termin erneut vor.",
        "en": "{buddy} saw your expired request for {when} after all and proposes that time again.",
    },
    "lapsed_for_buddy": {
        "de": "Die Anfrage von {expert} für {when} ist abgelaufen (keine Antwort in {hours} "
        "Stunden). Trotzdem vorschlagen?",
        "en": "{expert}'s request for {when} has expired (no answer within {hours} hours). "
        "Propose it anyway?",
    },
    "other_time_outside": {
        "de": "{when} liegt außerhalb der freien Zeiten von {buddy} – dafür kann ich keine "
        "Anfrage schicken.",
        "en": "{when} is outside {buddy}'s free times – I can't send a request for it.",
    },
    "other_time_soon": {
        "de": "{when} ist zu kurzfristig: ein Jour Fixe braucht {hours} Stunden Vorlauf.",
        "en": "{when} is too soon: a Jour Fixe needs {hours} hours' notice.",
    },
    "other_time_taken": {
        "de": "{when} ist schon vergeben.",
        "en": "{when} is already taken.",
    },
    "other_time_ask": {
        "de": "{when} ist frei. Statt {proposal} lieber {when} anfragen?",
        "en": "{when} is free. Request {when} instead of {proposal}?",
    },
    "other_time_button": {"de": "Stattdessen {when} anfragen", "en": "Request {when} instead"},
    "lapsed_again_mark": {
        "de": "abgelaufene Anfrage, erneut vorgeschlagen",
        "en": "expired request, proposed again",
    },
    "instead_of": {"de": "statt", "en": "instead of"},
    "none_at_time": {
        "de": "Um {time} ist keiner dieser Termine.",
        "en": "None of these meetings is at {time}.",
    },
    "same_day_note": {
        "de": "\nHinweis: Sie haben an dem Tag schon einen Jour Fixe mit {buddy} ({when}). "
        "Verschieben statt neu buchen: /verschieben",
        "en": "\nNote: you already have a Jour Fixe with {buddy} that day ({when}). To move "
        "it instead of booking another: /move",
    },
    "not_linked": {
        "de": "Hinweis: {name} ist noch mit keinem Chat verknüpft und sieht die Nachricht "
        "erst nach dem Einlösen der Einladung.",
        "en": "Note: {name} has no linked chat yet and will only see this after redeeming "
        "the invite.",
    },
    "help_expert": {
        "de": "Jour Fixe:\n"
        "/jourfixe – Termin mit Ihrem Buddy anfragen\n"
        "/termine – Ihre nächsten Termine\n"
        "/verschieben #N · /absagen #N\n"
        "/vorher 24h 1h – Erinnerungen vor Terminen\n"
        "/ort Videolink oder Adresse – wo Sie sich treffen{calendar}\n"
        "Oder schreiben Sie einfach, z. B. „Wer ist mein Buddy?“, „Ich möchte einen Termin“, "
        "„mehr“, „Termin verschieben“.",
        "en": "Jour Fixe:\n"
        "/jourfixe – request a meeting with your buddy\n"
        "/meetings – your next meetings\n"
        "/move #N · /cancel #N\n"
        "/before 24h 1h – reminders before meetings\n"
        "/place video link or address – where you meet{calendar}\n"
        'Or just write, e.g. "Who is my buddy?", "I\'d like a meeting", "more", '
        '"move my meeting".',
    },
    # in the help only where the calendar feed works (IMBOT_PUBLIC_URL set)
    "help_calendar": {
        "de": " · /kalender – Kalender abonnieren",
        "en": " · /calendar – subscribe in your calendar",
    },
    "help_buddy": {
        "de": "Jour Fixe:\n"
        "/frei Di 10-12, Do 14-16 – wann Sie frei sind\n"
        "/urlaub 24.12.-2.1. – Abwesenheit\n"
        "/dauer 60 – Länge eines Jour Fixe\n"
        "/vorher 24h 1h – Erinnerungen vor Terminen\n"
        "/termine · /verschieben #N · /absagen #N\n"
        "/ort Videolink oder Adresse – wo Sie sich treffen{calendar}\n"
        "Anfragen beantworten Sie mit „ja“, „nein“ oder einer anderen Zeit – in eigenen "
        "Worten; oder schreiben Sie einfach, z. B. „meine Expert:innen“, „Termin absagen“.",
        "en": "Jour Fixe:\n"
        "/free Tue 10am-12pm – when you are free\n"
        "/away 24.12.-2.1. – time away\n"
        "/length 60 – length of a Jour Fixe\n"
        "/before 24h 1h – reminders before meetings\n"
        "/meetings · /move #N · /cancel #N\n"
        "/place video link or address – where you meet{calendar}\n"
        'Answer requests with "yes", "no" or another time – in your own words; or just '
        'write, e.g. "my experts", "cancel a meeting".',
    },
}

# A buddy's counter-proposal holds its time until the expert answers (or it lapses).
TEXTS |= {
    "proposal_taken": {
        "de": "{proposal} kann ich {expert} nicht vorschlagen: Zu der Zeit haben Sie oder "
        "{expert} schon einen Termin (oder einen offenen Vorschlag).",
        "en": "I can't suggest {proposal} to {expert}: you or {expert} already have a "
        "meeting (or an open suggestion) at that time.",
    },
    "proposal_taken_free": {
        "de": "Diese Zeiten sind frei – welche soll ich vorschlagen?",
        "en": "These times are free – which one shall I suggest?",
    },
    "proposal_taken_none": {
        "de": "Gerade ist keine Ihrer freien Zeiten offen. Schlagen Sie eine andere Zeit vor, "
        "z. B. „Do 14:00“.",
        "en": 'None of your free times is open right now. Suggest another time, e.g. "Thu 2pm".',
    },
    "proposal_lapsed_for_expert": {
        "de": "Sie haben auf den Vorschlag von {other} ({proposal}) nicht rechtzeitig "
        "geantwortet; die Zeit ist wieder frei. /jourfixe zeigt freie Termine.",
        "en": "You did not answer {other}'s suggestion ({proposal}) in time; the time is "
        "free again. /jourfixe shows free slots.",
    },
    "proposal_lapsed_for_buddy": {
        "de": "{other} hat auf Ihren Vorschlag {proposal} nicht rechtzeitig geantwortet; "
        "die Zeit ist wieder frei.",
        "en": "{other} did not answer your suggestion {proposal} in time; the time is free again.",
    },
}

TEXTS |= {
    "back_slots": {"de": "Zurück", "en": "Back"},
}

# A series says its rhythm, and which of its dates fall on days offices are mostly closed.
TEXTS |= {
    "series_note_rhythm": {
        "de": " ({rhythm}, {n} Termine bis {until})",
        "en": " ({rhythm}, {n} meetings until {until})",
    },
    "every_week": {"de": "jede Woche", "en": "every week"},
    "every_n_weeks": {"de": "alle {n} Wochen", "en": "every {n} weeks"},
    "holiday_note": {
        "de": "\nDarunter: {days}. Passt das? Einzelne Termine sagen Sie später mit /absagen ab.",
        "en": "\nThis includes: {days}. Is that fine? You can cancel single meetings later "
        "with /cancel.",
    },
    "holiday_1224": {"de": "Heiligabend", "en": "Christmas Eve"},
    "holiday_1225": {"de": "1. Weihnachtstag", "en": "Christmas Day"},
    "holiday_1226": {"de": "2. Weihnachtstag", "en": "Boxing Day"},
    "holiday_1231": {"de": "Silvester", "en": "New Year's Eve"},
    "holiday_0101": {"de": "Neujahr", "en": "New Year's Day"},
}

TEXTS |= {
    "holiday_note_told": {
        "de": "\nDarunter: {days}. Einzelne Termine sagen Sie später mit /absagen ab.",
        "en": "\nThis includes: {days}. You can cancel single meetings later with /cancel.",
    },
    "slot_not_free": {"de": "{when} ist nicht frei.", "en": "{when} is not free."},
    # jf3: open proposals in /termine, naming what a bare "ja" accepts, checks of times
    "meetings_proposals_expert": {
        "de": "Offene Vorschläge von Ihrem Buddy:",
        "en": "Open suggestions from your buddy:",
    },
    "meetings_proposals_buddy": {
        "de": "Ihre offenen Vorschläge (warten auf Antwort):",
        "en": "Your open suggestions (waiting for an answer):",
    },
    "proposal_line_expert": {
        "de": "Vorschlag von {buddy}: {proposal} (statt {when}{series})",
        "en": "Suggestion from {buddy}: {proposal} (instead of {when}{series})",
    },
    "proposal_line_buddy": {
        "de": "an {expert}: {proposal} (statt {when}{series})",
        "en": "to {expert}: {proposal} (instead of {when}{series})",
    },
    "proposal_series_mark": {"de": ", Serie", "en": ", series"},
    "proposal_take_question": {"de": "Annehmen?", "en": "Accept it?"},
    "confirm_proposal": {
        "de": "Meinen Sie den Vorschlag von {buddy}: {proposal} statt {when}? Annehmen?",
        "en": "Do you mean {buddy}'s suggestion: {proposal} instead of {when}? Accept it?",
    },
    "proposal_outside": {
        "de": "\nHinweis: {proposal} liegt außerhalb Ihrer freien Zeiten (/frei).",
        "en": "\nNote: {proposal} is outside your free times (/free).",
    },
    "weekday_clash": {
        "de": "Der {date} ist ein {weekday} (nicht {written}).",
        "en": "{date} is a {weekday} (not {written}).",
    },
    "not_answering": {
        "de": "Ihre Anfragen an {buddy} sind noch offen:\n{list}\n{buddy} wird an offene "
        "Anfragen erinnert; unbeantwortete verfallen nach {hours} Stunden. Sie können eine "
        "andere Zeit anfragen (/jourfixe), eine Anfrage zurückziehen (/absagen #N) oder das "
        "Team bei Lokalprojekte fragen (/kontakt).",
        "en": "Your requests to {buddy} are still open:\n{list}\n{buddy} is reminded of open "
        "requests; unanswered ones lapse after {hours} hours. You can request another time "
        "(/jourfixe), withdraw a request (/cancel #N) or ask the team at Lokalprojekte "
        "(/contact).",
    },
    "not_answering_none": {
        "de": "Es wartet keine Anfrage von Ihnen auf {buddy}. Einen Termin fragen Sie mit "
        "/jourfixe an; das Team bei Lokalprojekte erreichen Sie über /kontakt.",
        "en": "None of your requests is waiting for {buddy}. Request a meeting with "
        "/jourfixe; the team at Lokalprojekte is at /contact.",
    },
    "offer_taken_all": {
        "de": "{when} ist nicht frei: Da haben Sie oder die Person schon einen Termin (oder "
        "einen offenen Vorschlag). Nennen Sie eine andere Zeit – oder beantworten Sie eine "
        "der Anfragen:",
        "en": "{when} is not free: you or the other person already have a meeting (or an "
        "open suggestion) then. Name another time – or answer one of the requests:",
    },
    "not_answering_line": {
        "de": "#{n} {when} – angefragt {since}",
        "en": "#{n} {when} – requested {since}",
    },
    # jf4: how far ahead one can book, the next meeting, open requests that are series
    "no_more_slots_horizon": {
        "de": "Das waren alle freien Termine: Jour Fixes lassen sich höchstens {days} Tage im "
        "Voraus buchen, also bis {until}. Ein späterer Tag wird buchbar, sobald er näher als "
        "{days} Tage ist – fragen Sie dann nach ihm (z. B. „geht der 15.12. um 10?“). Eine "
        "Serie (z. B. „jeden Dienstag um 10“) läuft auch darüber hinaus.",
        "en": "Those were all the free slots: Jour Fixes can be booked at most {days} days in "
        "advance, that is until {until}. A later day can be booked once it is less than {days} "
        "days away – ask for it then (e.g. “does 15 Dec at 10 work?”). A series (e.g. “every "
        "Tuesday at 10”) also runs beyond that.",
    },
    "no_more_slots_program_end": {
        "de": "Das waren alle freien Termine: Das Programm endet am {end}, danach biete ich "
        "keine Jour Fixes mehr an.",
        "en": "Those were all the free slots: the programme ends on {end}, and I offer no "
        "Jour Fixes after that.",
    },
    "after_program_end": {
        "de": "Das Programm endet am {end} – danach biete ich keine Jour Fixes mehr an. "
        "/jourfixe zeigt die freien Termine bis dahin.",
        "en": "The programme ends on {end} – I offer no Jour Fixes after that. /jourfixe "
        "shows the free slots until then.",
    },
    "beyond_horizon": {
        "de": "Der {day} liegt zu weit in der Zukunft: Jour Fixes lassen sich höchstens {days} Tage "
        "im Voraus buchen, also bis {until}. /jourfixe zeigt die freien Termine bis dahin; eine "
        "Serie (z. B. „jeden Dienstag um 10“) läuft auch darüber hinaus.",
        "en": "{day} is too far ahead: Jour Fixes can be booked at most {days} days in advance, "
        "that is until {until}. /jourfixe shows the free slots until then; a series (e.g. "
        "“every Tuesday at 10”) also runs beyond that.",
    },
    "next_meeting": {
        "de": "Ihr nächster Jour Fixe: {when} mit {other} ({state}).",
        "en": "Your next Jour Fixe: {when} with {other} ({state}).",
    },
    "next_meeting_more": {
        "de": "Danach {n} weitere – /termine zeigt alle.",
        "en": "{n} more after that – /meetings shows them all.",
    },
    "move_slots_day": {
        "de": "Freie Zeiten {day} für den Jour Fixe {when}:",
        "en": "Free times {day} for the Jour Fixe {when}:",
    },
    "move_no_slots_day": {
        "de": "{buddy} hat {day} keine freien Zeiten (in den Wochen um den {when}).",
        "en": "{buddy} has no free times {day} (in the weeks around {when}).",
    },
    "buddy_away_day": {
        "de": "{buddy} ist {day} nicht da (abwesend {first} – {last}). /jourfixe zeigt alle "
        "freien Termine.",
        "en": "{buddy} is away {day} ({first} – {last}). /jourfixe shows all free slots.",
    },
    "series_left_away": {
        "de": "\nAusgelassen: {days} ({buddy} abwesend).",
        "en": "\nLeft out: {days} ({buddy} away).",
    },
    "series_left_taken": {
        "de": "\nAusgelassen: {days} (schon belegt).",
        "en": "\nLeft out: {days} (already taken).",
    },
    "series_single": {
        "de": "\nGewünscht war eine Reihe ({rhythm}) – angefragt ist nur dieser eine Termin.",
        "en": "\nA series ({rhythm}) was asked for – only this one date is requested.",
    },
    "program_ended": {
        "de": "Hinweis: Das Programm ist am {end} zu Ende gegangen.",
        "en": "Note: the programme ended on {end}.",
    },
    "series_program_end": {
        "de": " Das Programm endet am {end}.",
        "en": " The programme ends on {end}.",
    },
    "no_request_from": {
        "de": "Von {expert} liegt gerade keine offene Anfrage vor.",
        "en": "There is no open request from {expert} right now.",
    },
    "all_meetings_button": {"de": "Alle Termine", "en": "All meetings"},
    "which_request_list": {
        "de": "Sie haben mehrere offene Anfragen – welche meinen Sie?\n{list}",
        "en": "You have several open requests – which one do you mean?\n{list}",
    },
    # jf12 (tryout5 J5, J6): a buddy moves a meeting outside their own free times
    "move_open_alone": {
        "de": "{when} liegt nicht in Ihren freien Zeiten (/frei). Sie können die Zeit nur für diesen "
        "Tag freigeben (wie /frei {day} {span}) und den Termin dorthin verschieben:",
        "en": "{when} is not within your free times (/free). You can open that time for this day only "
        "(like /free {day} {span}) and move the meeting there:",
    },
    "move_open_button": {
        "de": "{new} freigeben und verschieben",
        "en": "Open {new} and move there",
    },
    # jf12 (J19): "hat Bernd schon geantwortet?"
    "answered_not_yet": {
        "de": "Noch nicht: {list}\n{buddy} wird an offene Anfragen erinnert. Sie können eine "
        "andere Zeit anfragen (/jourfixe) oder eine Anfrage zurückziehen (/absagen #N).",
        "en": "Not yet: {list}\n{buddy} is reminded of open requests. You can request "
        "another time (/jourfixe) or withdraw a request (/cancel #N).",
    },
    "answered_line": {
        "de": "Ihre Anfrage #{n} für {when} wartet noch auf {buddy} (bis {until}, danach "
        "verfällt sie).",
        "en": "your request #{n} for {when} is still waiting for {buddy} (until {until}, then "
        "it lapses).",
    },
    "answered_none": {
        "de": "Es wartet keine Anfrage von Ihnen auf {buddy}.",
        "en": "None of your requests is waiting for {buddy}.",
    },
    "answered_next": {
        "de": " Ihr nächster Jour Fixe: {when}.",
        "en": " Your next Jour Fixe: {when}.",
    },
    # jf12 (J11): a buddy cancels because of illness
    "day_off_ask": {
        "de": "Gute Besserung! Sind Sie am {day} ganz weg? Dann trage ich den Tag als "
        "abwesend ein – ich biete dort keine Zeiten an (wie /urlaub {day}-{day}).",
        "en": "Get well soon! Are you away all day on {day}? Then I enter the day as away – "
        "I offer no times then (like /away {day}-{day}).",
    },
    "day_off_button": {
        "de": "{day} als abwesend eintragen",
        "en": "Enter {day} as away",
    },
}
