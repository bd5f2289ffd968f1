"""Invites, roles, pairs, and what a person can see and erase."""

TEXTS: dict[str, dict[str, str]] = {
    "welcome_role": {
        "de": "Willkommen, {name}! Sie sind jetzt als {role} angemeldet. /hilfe zeigt, "
        "was Sie tun können.",
        "en": "Welcome, {name}! You are now signed in as {role}. /help shows what you can do.",
    },
    "people_unavailable": {
        "de": "Anmeldungen sind hier gerade nicht möglich. Bitte versuchen Sie es später noch einmal.",
        "en": "Sign-in is not available here right now. Please try again later.",
    },
    "invite_unknown": {
        "de": "Diesen Einladungscode kenne ich nicht. Bitte prüfen Sie ihn oder fragen "
        "Sie bei Lokalprojekte nach einem neuen.",
        "en": "I don't know this invite code. Please check it or ask Lokalprojekte for a new one.",
    },
    "invite_used": {
        "de": "Dieser Einladungscode wurde schon verwendet. Bitte fragen Sie bei "
        "Lokalprojekte nach einem neuen.",
        "en": "This invite code has already been used. Please ask Lokalprojekte for a new one.",
    },
    "invite_expired": {
        "de": "Dieser Einladungscode ist abgelaufen. Bitte fragen Sie bei "
        "Lokalprojekte nach einem neuen.",
        "en": "This invite code has expired. Please ask Lokalprojekte for a new one.",
    },
    "identity_taken": {
        "de": "Dieses Chat-Konto ist schon mit einer anderen Person verknüpft. Bitte "
        "wenden Sie sich an Lokalprojekte.",
        "en": "This chat account is already linked to another person. Please contact "
        "Lokalprojekte.",
    },
    "unknown_person": {
        "de": "Ich finde niemanden mit „{ref}“. /personen zeigt alle.",
        "en": 'I can\'t find anyone called "{ref}". /people lists everyone.',
    },
    "ambiguous_person": {
        "de": "„{ref}“ passt auf mehrere Personen ({ids}). Bitte nehmen Sie die Nummer.",
        "en": '"{ref}" matches several people ({ids}). Please use the number.',
    },
    "not_expert": {"de": "{name} ist keine Expert:in.", "en": "{name} is not an expert."},
    "not_buddy": {"de": "{name} ist kein Buddy.", "en": "{name} is not a buddy."},
    "bad_role": {
        "de": "Unbekannte Rolle „{role}“. Möglich sind: expertin (oder experte), buddy, admin.",
        "en": 'Unknown role "{role}". Possible: expert, buddy, admin.',
    },
    "name_missing": {"de": "Bitte geben Sie einen Namen an.", "en": "Please give a name."},
    "bad_lang": {
        "de": "Sprache „{value}“? Möglich: de (Deutsch), en (Englisch).",
        "en": 'Language "{value}"? Possible: de, en.',
    },
    "name_too_long": {
        "de": "Dieser Name ist zu lang: höchstens {limit} Zeichen.",
        "en": "This name is too long: at most {limit} characters.",
    },
    "bad_days": {
        "de": "Eine Einladung gilt 1 bis {limit} Tage.",
        "en": "An invite is valid for 1 to {limit} days.",
    },
    "person_inactive": {
        "de": "{name} ist gesperrt oder gelöscht.",
        "en": "{name} is revoked or erased.",
    },
    "invite_usage": {
        "de": "Bitte so: /einladen expertin|buddy|admin Vorname Nachname [sprache=en]",
        "en": "Please use: /invite expert|buddy|admin First Last [lang=en]",
    },
    "invite_created": {
        "de": "Einladung für {name} ({role}), gültig bis {expires}:\n"
        "Code: {code}\n"
        "Telegram: {link}\n"
        "Matrix oder Konsole: /start {code}",
        "en": "Invite for {name} ({role}), valid until {expires}:\n"
        "Code: {code}\n"
        "Telegram: {link}\n"
        "Matrix or console: /start {code}",
    },
    "invite_next_expert": {
        "de": "Danach: /paar {ref} BUDDY – dann sieht {name} gleich beim Anmelden, wer der "
        "Buddy ist.",
        "en": "Next: /pair {ref} BUDDY – then {name} sees the buddy right when signing in.",
    },
    "invite_next_buddy": {
        "de": "Danach: /paar EXPERT:IN {ref}",
        "en": "Next: /pair EXPERT {ref}",
    },
    "pair_for_buddy_times": {
        "de": "{expert} ist Ihnen jetzt als Expert:in zugeordnet und kann Jour Fixes in Ihren "
        "freien Zeiten buchen ({times}). Ändern: /frei",
        "en": "{expert} is now paired with you as an expert and can book Jour Fixes in your "
        "free times ({times}). To change them: /free",
    },
    "pair_usage": {
        "de": "Bitte so: /paar EXPERT:IN BUDDY (Nummer aus /personen oder Name in Anführungszeichen)",
        "en": "Please use: /pair EXPERT BUDDY (number from /people or name in quotes)",
    },
    "pair_same": {
        "de": "{expert} hat {buddy} schon als Buddy – nichts geändert.",
        "en": "{expert} already has {buddy} as buddy – nothing changed.",
    },
    "pair_done": {
        "de": "{expert} hat jetzt {buddy} als Buddy.",
        "en": "{expert} now has {buddy} as buddy.",
    },
    "revoke_usage": {"de": "Bitte so: /sperren PERSON", "en": "Please use: /revoke PERSON"},
    "revoke_done": {
        "de": "{name} ist gesperrt: Rolle, offene Einladungen und Paare sind entfernt, "
        "künftige Jour Fixes abgesagt (die andere Seite ist informiert) und keine "
        "Erinnerungen mehr geplant.",
        "en": "{name} is revoked: role, open invites and pairs are removed, future Jour "
        "Fixes cancelled (the other side is told) and no reminders planned any more.",
    },
    "people_empty": {"de": "Noch niemand eingeladen.", "en": "Nobody invited yet."},
    "last_admin": {
        "de": "{name} ist der letzte Admin und kann nicht gesperrt werden. Bitte laden Sie "
        "zuerst einen weiteren Admin ein (/einladen admin NAME).",
        "en": "{name} is the last admin and cannot be revoked. Please invite another admin "
        "first (/invite admin NAME).",
    },
    "mydata_nothing": {
        "de": "Über Sie ist nichts gespeichert. Fragen, die ich nicht beantworten "
        "konnte, speichere ich ohne Bezug zu Ihnen, damit das Team die Antworten "
        "ergänzen kann.",
        "en": "Nothing is stored about you. Questions I could not answer are stored "
        "without any link to you, so the team can add answers.",
    },
    "mydata_header": {"de": "Das ist über Sie gespeichert:", "en": "This is stored about you:"},
    "delete_confirm": {
        "de": "Damit löschen Sie Ihren Namen, Ihre Chat-Verknüpfungen, Einladungen, "
        "Buddy-Zuordnungen, Jour Fixes (kommende werden abgesagt, die andere Seite "
        "erfährt es), Erinnerungen und die Nachrichten an Sie. Danach kennt Sie der Bot "
        "nicht mehr. Wirklich löschen?",
        "en": "This erases your name, chat links, invites, buddy pairings, Jour Fixes "
        "(upcoming ones are cancelled and the other side is told), reminders and the "
        "messages to you. Afterwards the bot no longer knows you. Really erase?",
    },
    "delete_yes": {"de": "Ja, löschen", "en": "Yes, erase"},
    "delete_no": {"de": "Abbrechen", "en": "Cancel"},
    "delete_done": {
        "de": "Erledigt: Ihre Daten sind gelöscht. Übrig bleibt nur eine anonyme Zählung.",
        "en": "Done: your data is erased. Only an anonymous count remains.",
    },
    "delete_cancelled": {"de": "Nichts gelöscht.", "en": "Nothing erased."},
    "help_privacy": {
        "de": "/meinedaten – was über Sie gespeichert ist\n/loeschen – Ihre Daten löschen",
        "en": "/mydata – what is stored about you\n/delete – erase your data",
    },
    "help_admin": {
        "de": "Für Admins:\n"
        "/einladen ROLLE NAME – einladen (expertin, buddy, admin; sprache=en)\n"
        "/paar EXPERT:IN BUDDY – Paar bilden\n"
        "/personen – alle Personen\n"
        "/sperren PERSON – Zugang entziehen",
        "en": "For admins:\n"
        "/invite ROLE NAME – invite (expert, buddy, admin; lang=en)\n"
        "/pair EXPERT BUDDY – pair them\n"
        "/people – everyone\n"
        "/revoke PERSON – take access away",
    },
    "status_invited": {"de": "eingeladen", "en": "invited"},
    "status_linked": {"de": "verknüpft", "en": "linked"},
    "status_revoked": {"de": "gesperrt", "en": "revoked"},
    "status_erased": {"de": "gelöscht", "en": "erased"},
    "people_columns": {
        "de": "#|Name|Rolle|Status|Chats|Partner",
        "en": "#|Name|Role|Status|Chats|Partners",
    },
}

# When someone leaves (erased or revoked): what each partner hears, in one message.
# An erased person is never named (the notice stays in the outbox after the erasure).
TEXTS |= {
    "left_buddy_erased": {
        "de": "Ihr Buddy hat den Bot verlassen und alle Daten gelöscht.",
        "en": "Your buddy has left the bot and erased all their data.",
    },
    "left_buddy_revoked": {
        "de": "Ihr Buddy {name} nimmt nicht mehr am Programm teil.",
        "en": "Your buddy {name} no longer takes part in the program.",
    },
    "left_old_buddy_erased": {
        "de": "Ihr früherer Buddy hat den Bot verlassen und alle Daten gelöscht.",
        "en": "Your former buddy has left the bot and erased all their data.",
    },
    "left_old_buddy_revoked": {
        "de": "Ihr früherer Buddy {name} nimmt nicht mehr am Programm teil.",
        "en": "Your former buddy {name} no longer takes part in the program.",
    },
    "left_expert_erased": {
        "de": "Eine Ihrer Expert:innen hat den Bot verlassen und alle Daten gelöscht.",
        "en": "One of your experts has left the bot and erased all their data.",
    },
    "left_expert_revoked": {
        "de": "{name} nimmt nicht mehr am Programm teil und ist Ihnen nicht mehr zugeordnet.",
        "en": "{name} no longer takes part in the program and is no longer paired with you.",
    },
    "left_old_expert_erased": {
        "de": "Eine Expert:in, mit der Sie Jour Fixes hatten, hat den Bot verlassen und alle "
        "Daten gelöscht.",
        "en": "An expert you had Jour Fixes with has left the bot and erased all their data.",
    },
    "left_old_expert_revoked": {
        "de": "{name} nimmt nicht mehr am Programm teil.",
        "en": "{name} no longer takes part in the program.",
    },
    "left_cancelled": {
        "de": "Abgesagt: {what}. Die Kalenderdatei entfernt die Termine aus Ihrem Kalender.",
        "en": "Cancelled: {what}. The calendar file removes the meetings from your calendar.",
    },
    "left_request_void": {
        "de": "Ihre Anfrage ist damit hinfällig: {what}.",
        "en": "Your request can no longer be answered: {what}.",
    },
    "left_request_withdrawn": {
        "de": "Die Anfrage ist damit zurückgezogen: {what}.",
        "en": "The request is withdrawn: {what}.",
    },
    "left_proposal_void": {
        "de": "Der Vorschlag {when} ist damit hinfällig.",
        "en": "The suggested time {when} no longer stands.",
    },
    "left_proposal_own": {
        "de": "Ihr Vorschlag {when} ist damit hinfällig.",
        "en": "Your suggestion {when} no longer stands.",
    },
    "left_no_buddy": {
        "de": "Sie haben gerade keinen Buddy; Lokalprojekte ordnet Ihnen einen neuen zu, "
        "und ich sage Ihnen Bescheid.",
        "en": "You have no buddy right now; Lokalprojekte will pair you with a new one, and "
        "I will let you know.",
    },
    "left_experts_now": {
        "de": "Ihre Expert:innen sind jetzt: {names}.",
        "en": "Your experts are now: {names}.",
    },
    "left_no_experts": {
        "de": "Ihnen ist jetzt keine Expert:in mehr zugeordnet.",
        "en": "No expert is paired with you any more.",
    },
    "left_series_one": {
        "de": "Jour Fixe {day} {time} ({rhythm}, {n} Termin am {until})",
        "en": "Jour Fixe on {day} at {time} ({rhythm}, {n} meeting on {until})",
    },
    "left_series_other": {
        "de": "Jour Fixe {day} {time} ({rhythm}, {n} Termine bis {until})",
        "en": "Jour Fixe on {day} at {time} ({rhythm}, {n} meetings until {until})",
    },
    "left_single": {"de": "Jour Fixe {when}", "en": "Jour Fixe {when}"},
    "left_on_day_0": {"de": "montags", "en": "Mondays"},
    "left_on_day_1": {"de": "dienstags", "en": "Tuesdays"},
    "left_on_day_2": {"de": "mittwochs", "en": "Wednesdays"},
    "left_on_day_3": {"de": "donnerstags", "en": "Thursdays"},
    "left_on_day_4": {"de": "freitags", "en": "Fridays"},
    "left_on_day_5": {"de": "samstags", "en": "Saturdays"},
    "left_on_day_6": {"de": "sonntags", "en": "Sundays"},
    # the team: experts a leaving buddy leaves without a buddy
    "left_team_erased": {
        "de": "Ein Buddy hat den Bot verlassen und alle Daten gelöscht. Ohne Buddy sind "
        "jetzt: {names}. Neu zuordnen: {cmd}paar EXPERT:IN BUDDY",
        "en": "A buddy has left the bot and erased all their data. Without a buddy now: "
        "{names}. Pair them again: {cmd}pair EXPERT BUDDY",
    },
    "revoke_orphans": {
        "de": "\nOhne Buddy sind jetzt: {names}. Neu zuordnen: /paar EXPERT:IN BUDDY",
        "en": "\nWithout a buddy now: {names}. Pair them again: /pair EXPERT BUDDY",
    },
}

# Re-pairing: the meetings already made stay with the buddy they were made with.
TEXTS |= {
    "pair_kept_one": {
        "de": " Der bestehende Termin bleibt bei {old}.",
        "en": " The existing meeting stays with {old}.",
    },
    "pair_kept_other": {
        "de": " Die {n} bestehenden Termine bleiben bei {old}.",
        "en": " The {n} existing meetings stay with {old}.",
    },
    "pair_for_old_buddy": {
        "de": "{expert} wird ab jetzt von {buddy} betreut.",
        "en": "{expert} is now looked after by {buddy}.",
    },
    "pair_old_buddy_kept_one": {
        "de": " Ihr bestehender Termin mit {expert} bleibt bei Ihnen (/termine).",
        "en": " Your existing meeting with {expert} stays with you (/meetings).",
    },
    "pair_old_buddy_kept_other": {
        "de": " Ihre {n} bestehenden Termine mit {expert} bleiben bei Ihnen (/termine).",
        "en": " Your {n} existing meetings with {expert} stay with you (/meetings).",
    },
    "pair_expert_kept_one": {
        "de": "\nIhr bestehender Termin mit {old} bleibt bei {old} (/termine). Soll er nicht "
        "mehr stattfinden, sagen Sie ihn mit /absagen ab.",
        "en": "\nYour existing meeting with {old} stays with {old} (/meetings). If it should "
        "not take place any more, cancel it with /cancel.",
    },
    "pair_expert_kept_other": {
        "de": "\nIhre {n} bestehenden Termine mit {old} bleiben bei {old} (/termine). Sollen "
        "sie nicht mehr stattfinden, sagen Sie sie mit /absagen ab.",
        "en": "\nYour {n} existing meetings with {old} stay with {old} (/meetings). If they "
        "should not take place any more, cancel them with /cancel.",
    },
}

# /sperren asks first (nothing is cancelled without one confirmation)
TEXTS |= {
    "revoke_confirm": {
        "de": "{name} sperren? Danach kann {name} den Bot nur noch für /meinedaten und "
        "/loeschen nutzen.",
        "en": "Revoke {name}? Afterwards {name} can only use /mydata and /delete.",
    },
    "revoke_ask_experts_one": {
        "de": "\n• 1 Expert:in verliert damit ihren Buddy (sie wird informiert).",
        "en": "\n• 1 expert loses their buddy (they will be told).",
    },
    "revoke_ask_experts_other": {
        "de": "\n• {n} Expert:innen verlieren damit ihren Buddy (sie werden informiert).",
        "en": "\n• {n} experts lose their buddy (they will be told).",
    },
    "revoke_ask_meetings_one": {
        "de": "\n• 1 kommender Jour Fixe wird abgesagt (die andere Seite wird informiert).",
        "en": "\n• 1 upcoming Jour Fixe is cancelled (the other side is told).",
    },
    "revoke_ask_meetings_other": {
        "de": "\n• {n} kommende Jour Fixes werden abgesagt (die andere Seite wird informiert).",
        "en": "\n• {n} upcoming Jour Fixes are cancelled (the other side is told).",
    },
    "revoke_yes": {"de": "Ja, sperren", "en": "Yes, revoke"},
    "revoke_no": {"de": "Nein", "en": "No"},  # a typed "nein" picks it
    "revoked_notice": {
        "de": "Sie nehmen nicht mehr am Programm „Integrationsmacher:innen“ teil – "
        "Lokalprojekte hat Ihren Zugang zum Bot beendet. Ihre kommenden Jour Fixes sind "
        "abgesagt, Erinnerungen kommen keine mehr. Was über Sie gespeichert ist: "
        "/meinedaten · alles löschen: /loeschen. Fragen dazu: direkt an Lokalprojekte.",
        "en": "You no longer take part in the program “Integrationsmacher:innen” – "
        "Lokalprojekte has ended your access to the bot. Your upcoming Jour Fixes are "
        "cancelled and no more reminders will come. What is stored about you: /mydata · "
        "erase everything: /delete. Questions about this: to Lokalprojekte directly.",
    },
    "revoke_already": {
        "de": "{name} ist schon gesperrt oder gelöscht – nichts geändert.",
        "en": "{name} is already revoked or erased – nothing changed.",
    },
}
