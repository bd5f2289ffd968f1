"""Jour Fixe conversations: questions back, choices of scope, confirmations before
cancelling, pages of slots, reminder times, and the plain-language intents."""

TEXTS: dict[str, dict[str, str]] = {
    "ask_request": {
        "de": "Ich möchte nichts falsch verstehen: Die Anfrage von {expert} für {when} – "
        "bestätigen oder ablehnen?",
        "en": "I don't want to get this wrong: the request from {expert} for {when} – "
        "confirm or decline?",
    },
    "ask_request_time": {
        "de": "Ich möchte nichts falsch verstehen: Soll ich {expert} {proposal} vorschlagen "
        "(statt {when})?",
        "en": "I don't want to get this wrong: shall I suggest {proposal} to {expert} "
        "instead of {when}?",
    },
    "propose_button": {"de": "{proposal} vorschlagen", "en": "Suggest {proposal}"},
    "ask_day_offer": {
        "de": "Soll ich {expert} stattdessen eine dieser freien Zeiten vorschlagen (statt "
        "{when})? Oder nur ablehnen?",
        "en": "Shall I suggest one of these free times to {expert} instead of {when}? Or just "
        "decline?",
    },
    "decline_only": {"de": "Nur ablehnen", "en": "Just decline"},
    "reason_note": {
        "de": "\n{name} schreibt: „{reason}“",
        "en": '\n{name} writes: "{reason}"',
    },
    "ask_proposal": {
        "de": "Ich möchte nichts falsch verstehen: Nehmen Sie den Vorschlag von {buddy} "
        "an ({proposal})?",
        "en": "I don't want to get this wrong: do you accept {buddy}'s suggestion ({proposal})?",
    },
    "proposal_decline": {"de": "Vorschlag ablehnen", "en": "Decline the suggestion"},
    "proposal_declined_ok": {
        "de": "Sie haben den Vorschlag abgelehnt; {buddy} weiß Bescheid. /jourfixe zeigt "
        "andere freie Termine.",
        "en": "You declined the suggestion; {buddy} has been told. /jourfixe shows other "
        "free slots.",
    },
    "proposal_declined_for_buddy": {
        "de": "{expert} nimmt Ihren Vorschlag {proposal} nicht an.",
        "en": "{expert} does not take your suggestion {proposal}.",
    },
    "proposal_series_question": {
        "de": "Ihre Anfrage war eine Serie. {proposal}: nur diesen Termin oder ab hier alle "
        "im selben Rhythmus?",
        "en": "Your request was a series. {proposal}: only this one, or from here on all "
        "at the same rhythm?",
    },
    "only_this": {"de": "Nur diesen", "en": "Only this one"},
    "from_here_all": {"de": "Ab hier alle", "en": "From here on, all"},
    "scope_question": {
        "de": "#{n} {when} gehört zu einer Serie. Welche Termine möchten Sie {action}?",
        "en": "#{n} {when} belongs to a series. Which meetings do you want to {action}?",
    },
    "action_cancel": {"de": "absagen", "en": "cancel"},
    "scope_one": {"de": "Nur #{n} ({when})", "en": "Only #{n} ({when})"},
    "scope_following": {
        "de": "#{n} und alle folgenden ({count})",
        "en": "#{n} and all following ({count})",
    },
    "scope_series": {"de": "Die ganze Serie ({count})", "en": "The whole series ({count})"},
    "confirm_cancel": {
        "de": "Wirklich absagen? {other} wird benachrichtigt.\n{list}",
        "en": "Really cancel? {other} will be told.\n{list}",
    },
    "yes_cancel": {"de": "Ja, absagen", "en": "Yes, cancel"},
    "keep": {"de": "Nein, behalten", "en": "No, keep"},
    "kept": {"de": "Gut, es bleibt alles, wie es ist.", "en": "Fine, nothing is cancelled."},
    "ask_cancel": {
        "de": "Soll ich absagen? Bitte „ja“ oder „nein“ – oder die Knöpfe:",
        "en": 'Shall I cancel? Answer "yes" or "no" – or use the buttons:',
    },
    "cancelled_many_for": {
        "de": "{count} Jour Fixes mit {other} sind abgesagt{by}:\n{list}\nDie Kalenderdatei "
        "entfernt sie aus Ihrem Kalender.",
        "en": "{count} Jour Fixes with {other} are cancelled{by}:\n{list}\nThe calendar file "
        "removes them from your calendar.",
    },
    "unknown_number": {
        "de": "#{n} ist keiner Ihrer Termine. Zur Wahl stehen: {numbers}",
        "en": "#{n} is not one of your meetings. You can choose: {numbers}",
    },
    "more_slots": {"de": "Weitere Termine", "en": "More slots"},
    "no_more_slots": {
        "de": "Keine weiteren freien Termine in den nächsten Wochen.",
        "en": "No more free slots in the coming weeks.",
    },
    "slots_day": {
        "de": "Freie Jour-Fixe-Termine mit {buddy} {day} (Zeiten in {tz}):",
        "en": "Free Jour Fixe slots with {buddy} {day} (times in {tz}):",
    },
    "no_slots_day": {
        "de": "{buddy} hat {day} keine freien Zeiten. /jourfixe zeigt alle freien Termine.",
        "en": "{buddy} has no free times {day}. /jourfixe shows all free slots.",
    },
    "no_slots_day_soon": {
        "de": "{buddy} ist {day} frei ({times}), aber ein Jour Fixe braucht mindestens "
        "{hours} Stunden Vorlauf – dafür ist es zu kurzfristig. /jourfixe zeigt die "
        "nächsten freien Termine.",
        "en": "{buddy} is free {day} ({times}), but a Jour Fixe needs at least {hours} "
        "hours' notice – that is too soon. /jourfixe shows the next free slots.",
    },
    "no_slots_day_taken": {
        "de": "{buddy} ist {day} frei ({times}), aber diese Zeiten sind schon belegt "
        "(oder zu kurzfristig: mindestens {hours} Stunden Vorlauf). /jourfixe zeigt alle "
        "freien Termine.",
        "en": "{buddy} is free {day} ({times}), but those times are taken (or too soon: "
        "at least {hours} hours' notice). /jourfixe shows all free slots.",
    },
    "how_often_expert": {
        "de": "Wie oft Sie sich treffen, legt die Ausschreibung nicht fest – sie nennt "
        "„regelmäßige Jour Fixes“ mit Ihrem Buddy. Das vereinbaren Sie miteinander, z. B. "
        "jede Woche oder alle zwei Wochen. Termine anfragen: /jourfixe (oder z. B. „jeden "
        "Dienstag um 10“).",
        "en": "The call does not fix how often you meet – it speaks of “regular Jour Fixes” "
        "with your buddy. You agree on that together, e.g. every week or every two weeks. "
        'Request meetings: /jourfixe (or e.g. "every tuesday at 10").',
    },
    "how_often_buddy": {
        "de": "Wie oft Sie sich treffen, legt die Ausschreibung nicht fest – sie nennt "
        "„regelmäßige Jour Fixes“ mit den Expert:innen. Das vereinbaren Sie miteinander; die "
        "Expert:innen fragen Termine in Ihren freien Zeiten an (/frei).",
        "en": "The call does not fix how often you meet – it speaks of “regular Jour Fixes” "
        "with the experts. You agree on that together; the experts request meetings in your "
        "free times (/free).",
    },
    "greeting_open": {
        "de": "Hallo! Offen ist noch die Auswahl von eben – tippen Sie eine Nummer, oder "
        "„abbrechen“, wenn Sie nichts davon möchten.",
        "en": 'Hello! The choice from before is still open – type a number, or "cancel" if '
        "you want none of them.",
    },
    "on_weekday": {"de": "am {day}", "en": "on {day}"},
    "next_week": {"de": "nächste Woche", "en": "next week"},
    "this_week": {"de": "diese Woche", "en": "this week"},
    "expired_series_for_expert": {
        "de": "{buddy} hat auf Ihre Serienanfrage ab {when} ({n} Termine) nicht rechtzeitig "
        "geantwortet; die Termine sind wieder frei. /jourfixe zeigt neue Termine.",
        "en": "{buddy} did not answer your series request from {when} ({n} meetings) in "
        "time; the slots are free again. /jourfixe shows new slots.",
    },
    "before_error": {
        "de": "„{text}“ verstehe ich nicht als Zeit vor dem Termin. Bis zu drei Angaben, "
        "z. B. /vorher 1 Tag 2h 15 min – oder /vorher aus. Jetzt eingestellt: {current}.",
        "en": 'I can\'t read "{text}" as a time before the meeting. Up to three, e.g. '
        "/before 1 day 2h 15 min – or /before off. Set now: {current}.",
    },
    "before_too_many": {
        "de": "Höchstens drei Erinnerungen, Sie haben {n} angegeben. Nichts geändert; jetzt "
        "eingestellt: {current}.",
        "en": "At most three reminders; you gave {n}. Nothing changed; set now: {current}.",
    },
    "before_off": {
        "de": "Keine Erinnerungen mehr vor Jour Fixes. Wieder einschalten: /vorher 24h 1h",
        "en": "No more reminders before Jour Fixes. Turn them back on: /before 24h 1h",
    },
    "before_none": {"de": "aus", "en": "off"},
    "reminder_at": {"de": "heute um {time}", "en": "today at {time}"},
    "reminder_tomorrow": {"de": "morgen um {time}", "en": "tomorrow at {time}"},
    "reminder_soon_one": {"de": "in {n} Minute ({time})", "en": "in {n} minute ({time})"},
    "reminder_soon_other": {"de": "in {n} Minuten ({time})", "en": "in {n} minutes ({time})"},
    "reminder_now": {"de": "jetzt ({time})", "en": "now ({time})"},
    "reminder_on": {"de": "am {day} um {time}", "en": "on {day} at {time}"},
    "meeting_reminder_at": {
        "de": "⏰ Erinnerung: Jour Fixe mit {other} {when}.",
        "en": "⏰ Reminder: Jour Fixe with {other} {when}.",
    },
}
TEXTS |= {
    "your_buddy": {
        "de": "Ihr Buddy ist {buddy}. Einen Jour Fixe buchen Sie mit /jourfixe; /termine "
        "zeigt Ihre Termine.",
        "en": "Your buddy is {buddy}. Book a Jour Fixe with /jourfixe; /meetings shows your "
        "meetings.",
    },
    "your_experts": {
        "de": "Ihre Expert:innen: {names}. Sie buchen Jour Fixes in Ihren freien Zeiten "
        "(/frei); /termine zeigt die Termine.",
        "en": "Your experts: {names}. They book Jour Fixes in your free times (/free); "
        "/meetings shows the meetings.",
    },
    "your_experts_none": {
        "de": "Ihnen ist noch keine Expert:in zugeordnet; Lokalprojekte meldet sich.",
        "en": "No expert has been paired with you yet; Lokalprojekte will be in touch.",
    },
}

TEXTS |= {
    "pair_for_expert": {
        "de": "Ihr Buddy bei Lokalprojekte ist jetzt {buddy}. Einen Jour Fixe buchen Sie mit "
        "/jourfixe – oder schreiben Sie einfach „Ich möchte einen Termin“.",
        "en": "Your buddy at Lokalprojekte is now {buddy}. Book a Jour Fixe with /jourfixe – "
        'or just write "I\'d like a meeting".',
    },
    "pair_for_buddy": {
        "de": "{expert} ist Ihnen jetzt als Expert:in zugeordnet. Tragen Sie mit /frei ein, wann "
        "Sie frei sind (z. B. /frei Di 10-12, Do 14-16); dann kann {expert} Jour Fixes buchen.",
        "en": "{expert} is now paired with you as an expert. Enter when you are free with /free "
        "(e.g. /free Tue 10am-12pm); then {expert} can book Jour Fixes.",
    },
    "welcome_no_buddy_yet": {
        "de": "Sobald Lokalprojekte Ihnen einen Buddy zuordnet, sage ich Ihnen Bescheid; dann "
        "buchen Sie Jour Fixes mit /jourfixe.",
        "en": "As soon as Lokalprojekte pairs you with a buddy, I will tell you; then you book "
        "Jour Fixes with /jourfixe.",
    },
}

TEXTS |= {}

TEXTS |= {
    "move_scope_question": {
        "de": "#{n} {when} → {new}: Der Termin gehört zu einer Serie. Welche Termine sollen "
        "so verschoben werden?",
        "en": "#{n} {when} → {new}: the meeting belongs to a series. Which meetings should move "
        "like this?",
    },
    "moved_many_for": {
        "de": "{count} Jour Fixes mit {other} verschoben{by}, jetzt:\n{list}\nDie "
        "Kalenderdatei aktualisiert Ihren Kalender.",
        "en": "{count} Jour Fixes with {other} moved{by}, now:\n{list}\nThe calendar file "
        "updates your calendar.",
    },
    "move_conflict": {
        "de": "Nicht alle {n} Termine lassen sich so verschieben (die neue Zeit ist nicht "
        "überall frei). Nichts wurde verschoben – verschieben Sie nur diesen Termin oder "
        "wählen Sie eine andere Zeit.",
        "en": "Not all {n} meetings can move like this (the new time is not free everywhere). "
        "Nothing was moved – move only this one, or pick another time.",
    },
}

TEXTS |= {
    "day_unknown": {
        "de": "„{text}“ verstehe ich nicht als Tag (z. B. /jourfixe Do, /jourfixe nächste Woche, "
        "/jourfixe 17.12.). Hier alle freien Termine:",
        "en": 'I can\'t read "{text}" as a day (e.g. /jourfixe Thu, /jourfixe next week, '
        "/jourfixe 17.12.). Here are all free slots:",
    },
}

TEXTS |= {
    "which_offer": {
        "de": "Sie haben mehrere offene Anfragen. Für welche Anfrage schlagen Sie {proposal} vor?",
        "en": "You have several open requests. Which request do you suggest {proposal} for?",
    },
    "which_offer_any": {
        "de": "Sie haben mehrere offene Anfragen. Für welche gilt Ihr Vorschlag?",
        "en": "You have several open requests. Which one is your suggestion for?",
    },
    "offer_for_button": {
        "de": "{expert}, {when}: {proposal} vorschlagen",
        "en": "{expert}, {when}: suggest {proposal}",
    },
    "slots_fitting": {
        "de": "Dazu passen diese freien Termine – welchen meinen Sie?",
        "en": "These free slots fit – which one do you mean?",
    },
    "slots_none_fit": {
        "de": "Dazu passt kein freier Termin.",
        "en": "No free slot fits that.",
    },
    "ask_slots": {
        "de": "Welchen Termin meinen Sie? Tippen Sie die Nummer, einen Tag (z. B. „Do“, "
        "„nächste Woche“) oder eine Zeit (z. B. „Do 14:00“):",
        "en": 'Which slot do you mean? Type its number, a day (e.g. "Thu", "next week") '
        'or a time (e.g. "Thu 14:00"):',
    },
    "cant_which": {
        "de": "Ihre Jour Fixes {day}:\n{list}\nMöchten Sie absagen oder verschieben?",
        "en": "Your Jour Fixes {day}:\n{list}\nDo you want to cancel or move?",
    },
    "cant_none": {
        "de": "Sie haben {day} keinen Jour Fixe. /termine zeigt alle.",
        "en": "You have no Jour Fixe {day}. /meetings shows them all.",
    },
    "cancel_this": {"de": "{when} absagen", "en": "Cancel {when}"},
    "move_this": {"de": "{when} verschieben", "en": "Move {when}"},
    "away_hint": {
        "de": "Länger weg? /urlaub {dates} trägt die Abwesenheit ein (keine freien Zeiten).",
        "en": "Away for longer? /away {dates} enters it (no free times then).",
    },
}

# A move that cannot happen says why (taken, or no free time) and what can be done.
TEXTS |= {
    "move_not_free_expert": {
        "de": "{when} ist keine freie Zeit von {buddy}. Freie Zeiten in der Nähe:",
        "en": "{when} is not one of {buddy}'s free times. Free times nearby:",
    },
    "move_not_free_buddy": {
        "de": "{when} liegt nicht in Ihren freien Zeiten (/frei). Freie Zeiten in der Nähe:",
        "en": "{when} is not within your free times (/free). Free times nearby:",
    },
    "move_too_soon": {
        "de": "{when} ist zu kurzfristig: ein Jour Fixe braucht {hours} Stunden Vorlauf. "
        "Freie Zeiten in der Nähe:",
        "en": "{when} is too soon: a Jour Fixe needs {hours} hours' notice. Free times nearby:",
    },
    # jf9: a new time said before the meeting was picked, checked and offered
    "move_offer": {
        "de": "Den Jour Fixe {when} auf {new} verschieben? {new} ist frei.",
        "en": "Move the Jour Fixe {when} to {new}? {new} is free.",
    },
    "move_offer_yes": {"de": "Ja, auf {new} verschieben", "en": "Yes, move to {new}"},
    "move_offer_other": {"de": "Andere Zeiten", "en": "Other times"},
    "move_taken": {
        "de": "{when} ist schon belegt. Freie Zeiten in der Nähe:",
        "en": "{when} is already taken. Free times nearby:",
    },
    "move_taken_with": {
        "de": "{when} ist schon belegt (Termin mit {name}). Freie Zeiten in der Nähe:",
        "en": "{when} is already taken (meeting with {name}). Free times nearby:",
    },
    # jf9: "nur den einen" to "Wirklich absagen?": what the yes does
    "confirm_means_one": {
        "de": "Abgesagt wird nur #{n} ({when}).",
        "en": "Only #{n} ({when}) will be cancelled.",
    },
    "confirm_means_many": {
        "de": "Abgesagt werden {count} Termine ab #{n} ({when}).",
        "en": "{count} meetings from #{n} ({when}) on will be cancelled.",
    },
    "confirm_means_rest": {
        "de": "Die übrigen {count} Termine der Serie bleiben.",
        "en": "The other {count} meetings of the series stay.",
    },
    "confirm_means_ask": {
        "de": "Wirklich absagen? Bitte „ja“ oder „nein“ – oder die Knöpfe:",
        "en": 'Cancel it? Answer "yes" or "no" – or use the buttons:',
    },
    "move_none_near": {
        "de": "In der Nähe ist nichts frei. /termine zeigt Ihre Termine.",
        "en": "Nothing is free nearby. /meetings lists your meetings.",
    },
    "blocked_with": {"de": "belegt (Termin mit {name})", "en": "taken (meeting with {name})"},
    "blocked_slot_taken": {"de": "belegt", "en": "taken"},
    "blocked_not_free": {"de": "keine freie Zeit", "en": "not a free time"},
    "blocked_too_soon": {"de": "zu kurzfristig", "en": "too soon"},
    "move_conflict_list": {
        "de": "Nicht alle {n} Termine lassen sich so verschieben:\n{list}\nNichts wurde "
        "verschoben.",
        "en": "Not all {n} meetings can move like this:\n{list}\nNothing was moved.",
    },
    "move_all_but_one": {
        "de": "Alle außer diesem verschieben ({count})",
        "en": "Move all except this one ({count})",
    },
    "move_all_but_many": {
        "de": "Alle außer diesen {blocked} verschieben ({count})",
        "en": "Move all except these {blocked} ({count})",
    },
    "none_on_day": {
        "de": "Sie haben {day} keinen Jour Fixe.",
        "en": "You have no Jour Fixe {day}.",
    },
    "pick_other_time": {"de": "Andere Zeit wählen", "en": "Pick another time"},
}

# Days away with meetings in them: one question, the right plural, the reason passed on.
TEXTS |= {
    "away_meetings_one": {
        "de": "In dieser Zeit haben Sie schon einen Jour Fixe:",
        "en": "You already have a Jour Fixe in that time:",
    },
    "away_meetings_other": {
        "de": "In dieser Zeit haben Sie schon {n} Jour Fixes:",
        "en": "You already have {n} Jour Fixes in that time:",
    },
    "offer_cancel": {
        "de": "{list}\nSoll ich absagen? {other} wird benachrichtigt.",
        "en": "{list}\nShall I cancel? {other} will be told.",
    },
    "offer_cancel_many": {
        "de": "{list}\nSoll ich absagen? {other} werden benachrichtigt.",
        "en": "{list}\nShall I cancel? {other} will be told.",
    },
    "confirm_cancel_many": {
        "de": "Wirklich absagen? {other} werden benachrichtigt.\n{list}",
        "en": "Really cancel? {other} will be told.\n{list}",
    },
    "name_list": {"de": "{names} und {last}", "en": "{names} and {last}"},
    "away_no_meetings": {
        "de": "Vom {first} bis {last} haben Sie keinen Jour Fixe. /termine zeigt alle.",
        "en": "You have no Jour Fixe from {first} to {last}. /meetings shows them all.",
    },
    "cancel_reason_away": {
        "de": "\nGrund: {name} ist vom {first} bis {last} abwesend.",
        "en": "\nReason: {name} is away from {first} to {last}.",
    },
}

TEXTS |= {
    "date_impossible": {
        "de": "Einen {date} gibt es nicht.",
        "en": "There is no {date} (day.month.).",
    },
}

# a move into the buddy's days away (/urlaub) says so, not "no free time"
TEXTS |= {
    "move_away_expert": {
        "de": "{when} geht nicht: {buddy} ist vom {first} bis {last} abwesend. "
        "Freie Zeiten in der Nähe:",
        "en": "{when} is not possible: {buddy} is away from {first} to {last}. Free times nearby:",
    },
    "move_away_buddy": {
        "de": "{when} geht nicht: Sie sind vom {first} bis {last} abwesend (/urlaub). "
        "Freie Zeiten in der Nähe:",
        "en": "{when} is not possible: you are away from {first} to {last} (/away). "
        "Free times nearby:",
    },
}
