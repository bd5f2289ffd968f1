"""Short talk around the real business: "ok" and "ja" with nothing open, a greeting
after the greeting, "ist jemand erreichbar?", an expert's "wo treffen wir uns?", and
the console's welcome back."""

TEXTS: dict[str, dict[str, str]] = {
    "smalltalk_ack": {
        "de": "Alles klar. Wenn Sie noch etwas brauchen, schreiben Sie einfach.",
        "en": "All right. If you need anything else, just write.",
    },
    # "no thanks" to the offer to hear of the next call / of the call's dates
    "declined_next_call": {
        "de": "Gut, dann ohne Benachrichtigung. Falls Sie es sich anders überlegen: /naechste",
        "en": "OK, no notification. If you change your mind: /next",
    },
    "declined_reminders": {
        "de": "Gut, dann ohne Erinnerungen. Falls Sie es sich anders überlegen: /erinnerungen",
        "en": "OK, no reminders. If you change your mind: /reminders",
    },
    "smalltalk_greeting_more": {
        "de": "Themen: /faq · alles, was ich kann: /hilfe",
        "en": "Topics: /faq · everything I can do: /help",
    },
    "smalltalk_how": {
        "de": "Danke der Nachfrage – mir geht es gut, ich bin ja ein Bot.",
        "en": "Thanks for asking – I am fine, being a bot.",
    },
    "closed_note": {
        "de": "Das galt für die Ausschreibung „{edition}“; die Bewerbungsfrist ist vorbei – "
        "Bescheid zur nächsten Ausschreibung: /naechste",
        "en": 'That was the call "{edition}"; its deadline has passed – to hear of the next '
        "call: /next",
    },
    "closed_note_watching": {
        "de": "Das galt für die Ausschreibung „{edition}“; die Bewerbungsfrist ist vorbei. Sie "
        "sind für die nächste Ausschreibung vorgemerkt.",
        "en": 'That was the call "{edition}"; its deadline has passed. You are on the list '
        "for the next call.",
    },
    # every later answer from a closed call: one line, no offer again
    "closed_note_again": {
        "de": "(Das galt für die Ausschreibung „{edition}“; die Bewerbungsfrist ist vorbei.)",
        "en": '(That was the call "{edition}"; its deadline has passed.)',
    },
    # the same while the call's program still runs (its deadline passed): what the call
    # says still holds, only applying is over
    "closed_note_running": {
        "de": "Das gilt für die Ausschreibung „{edition}“, deren Programm läuft; die "
        "Bewerbungsfrist ist vorbei – Bescheid zur nächsten Ausschreibung: /naechste",
        "en": 'That is the call "{edition}", whose program is running; its deadline has '
        "passed – to hear of the next call: /next",
    },
    "closed_note_watching_running": {
        "de": "Das gilt für die Ausschreibung „{edition}“, deren Programm läuft; die "
        "Bewerbungsfrist ist vorbei. Sie sind für die nächste Ausschreibung vorgemerkt.",
        "en": 'That is the call "{edition}", whose program is running; its deadline has '
        "passed. You are on the list for the next call.",
    },
    "closed_note_again_running": {
        "de": "(Das gilt für die Ausschreibung „{edition}“; die Bewerbungsfrist ist vorbei.)",
        "en": '(That is the call "{edition}"; its deadline has passed.)',
    },
    "subscribed_moves_along": {
        "de": "Sie sind angemeldet. Die Erinnerungen zu „{edition}“ sind vorbei (die "
        "Bewerbungsfrist endete am {deadline}). Ihre Anmeldung zieht zur nächsten "
        "Ausschreibung mit um: Deren Termine bekommen Sie dann als Erinnerung, ohne dass Sie "
        "etwas tun müssen. Abbestellen: /stopp",
        "en": 'You are subscribed. The reminders for "{edition}" are over (applications '
        "closed on {deadline}). Your subscription moves along to the next call: you will get "
        "its dates as reminders without doing anything. Unsubscribe: /stop",
    },
    "reminders_none": {
        "de": "Sie haben keine Erinnerungen abonniert. Möchten Sie vor den Fristen der "
        "Ausschreibung erinnert werden? Dann tippen Sie auf den Knopf oder schreiben Sie "
        "/erinnerungen.",
        "en": "You have no reminders. Would you like to be reminded of the call's dates? Tap "
        "the button or send /remind.",
    },
    "smalltalk_greeting_pair": {
        "de": "Hallo! Schreiben Sie einfach, was Sie brauchen, z. B. „Wann ist mein nächster "
        "Jour Fixe?“ – oder eine Frage zur Ausschreibung. /hilfe zeigt alles, was ich kann.",
        "en": 'Hello! Just write what you need, e.g. "When is my next Jour Fixe?" – or a '
        "question about the call. /help shows everything I can do.",
    },
    "reach_open": {
        "de": "Gerade ist Sprechzeit ({hours}): Sie erreichen das Team jetzt.",
        "en": "It is office hours now ({hours}): you can reach the team now.",
    },
    "reach_closed": {
        "de": "Gerade ist niemand da (Sprechzeiten: {hours}). Wieder erreichbar: {when}. "
        "Ihre Frage können Sie trotzdem schon hier schreiben.",
        "en": "Nobody is in right now (office hours: {hours}). Back: {when}. You can still "
        "write your question here now.",
    },
    "reach_buddy": {
        "de": "Ihr Buddy bei Lokalprojekte ist {buddy}: Einen Jour Fixe vereinbaren Sie mit "
        "/jourfixe, /termine zeigt Ihre Termine, /ort wo Sie sich treffen. Für alles andere "
        "ist das Team da:",
        "en": "Your buddy at Lokalprojekte is {buddy}: book a Jour Fixe with /jourfixe, "
        "/meetings shows your meetings, /place where you meet. For anything else, the team "
        "is there:",
    },
    "reach_no_buddy": {
        "de": "Ihnen ist noch kein Buddy zugeordnet – das Team bei Lokalprojekte hilft Ihnen "
        "weiter:",
        "en": "You have no buddy yet – the team at Lokalprojekte will help you:",
    },
    "greeting_again": {
        "de": "Was kann ich für Sie tun? Schreiben Sie einfach, z. B. „Wann ist mein nächster "
        "Jour Fixe?“ – /hilfe zeigt alles, was ich kann.",
        "en": 'What can I do for you? Just write, e.g. "When is my next Jour Fixe?" – /help '
        "shows everything I can do.",
    },
    "greeting_again_faq": {
        "de": "Was möchten Sie zur Ausschreibung wissen? Schreiben Sie einfach in eigenen "
        "Worten. Themen: /faq · alles, was ich kann: /hilfe",
        "en": "What would you like to know about the call? Just ask in your own words. "
        "Topics: /faq · everything I can do: /help",
    },
    "welcome_expert": {
        "de": "Hallo! Ich bin der Bot der „Integrationsmacher:innen“. Hier vereinbaren Sie "
        "Ihren Jour Fixe mit Ihrem Buddy bei Lokalprojekte: /jourfixe zeigt freie Termine, "
        "/termine Ihre nächsten Termine – oder schreiben Sie einfach, z. B. „Wann ist mein "
        "nächster Jour Fixe?“ oder „Wer ist mein Buddy?“.",
        "en": 'Hello! I am the bot of the "Integrationsmacher:innen". Here you book your Jour '
        "Fixe with your buddy at Lokalprojekte: /jourfixe shows free times, /meetings your "
        'next meetings – or just write, e.g. "When is my next Jour Fixe?" or "Who is my '
        'buddy?".',
    },
    "welcome_buddy": {
        "de": "Hallo! Ich bin der Bot der „Integrationsmacher:innen“. Hier sagen Sie, wann Sie "
        "für Jour Fixes frei sind (/frei Di 10-12, Do 14-16), und beantworten die Anfragen "
        "Ihrer Expert:innen mit „ja“, „nein“ oder einer anderen Zeit; /termine zeigt Ihre "
        "nächsten Termine.",
        "en": 'Hello! I am the bot of the "Integrationsmacher:innen". Here you say when you '
        "are free for Jour Fixes (/free Tue 10-12, Thu 14-16) and answer your experts' "
        'requests with "yes", "no" or another time; /meetings shows your next meetings.',
    },
    "stopped": {
        "de": "Gut, abgebrochen – es bleibt alles, wie es war.",
        "en": "All right, stopped – nothing was changed.",
    },
    "waiting_after_greeting": {"de": "Hallo!", "en": "Hello!"},
    "waiting_after_stop": {
        "de": "Gerade ist nichts abzubrechen.",
        "en": "There is nothing to stop right now.",
    },
    "waiting_request": {
        "de": "Die Anfrage von {expert} für {when} wartet noch auf Ihre Antwort – "
        "bestätigen oder ablehnen?",
        "en": "The request from {expert} for {when} is still waiting for your answer – "
        "confirm or decline?",
    },
    "waiting_requests": {
        "de": "{n} Anfragen warten noch auf Ihre Antwort – welche möchten Sie beantworten?",
        "en": "{n} requests are still waiting for your answer – which one would you like "
        "to answer?",
    },
    "waiting_proposal": {
        "de": "{buddy} schlägt {proposal} vor – nehmen Sie den Vorschlag an?",
        "en": "{buddy} suggests {proposal} – do you accept?",
    },
    "idle_expert": {
        "de": "Gerade ist nichts offen. Jour Fixe anfragen: /jourfixe · Ihre Termine: "
        "/termine · einen Termin absagen: /absagen · alles: /hilfe",
        "en": "Nothing is open right now. Book a Jour Fixe: /jourfixe · your meetings: "
        "/meetings · cancel a meeting: /cancel · everything: /help",
    },
    "idle_buddy": {
        "de": "Gerade ist nichts offen – keine Anfrage wartet auf Sie. Ihre Termine: /termine "
        "· Ihre freien Zeiten: /frei · alles: /hilfe",
        "en": "Nothing is open right now – no request is waiting for you. Your meetings: "
        "/meetings · your free times: /free · everything: /help",
    },
    "idle_applicant": {
        "de": "Gerade ist nichts offen. Erinnerungen abbestellen: /stopp · Themen: /faq · "
        "alles: /hilfe",
        "en": "Nothing is open right now. Stop reminders: /stop · topics: /faq · everything: /help",
    },
    "smalltalk_who_pair": {
        "de": "Ich bin der Bot der „Integrationsmacher:innen“ (kein Mensch): Hier vereinbaren "
        "Expert:innen und ihre Buddies bei Lokalprojekte ihre Jour Fixes, und ich beantworte "
        "Fragen zur Ausschreibung. Die Menschen dahinter erreichen Sie mit /kontakt.",
        "en": 'I am the bot of the "Integrationsmacher:innen" (not a person): here experts '
        "and their buddies at Lokalprojekte arrange their Jour Fixes, and I answer questions "
        "about the call. /contact reaches the people behind it.",
    },
    "smalltalk_help_pair": {
        "de": "Gern! Schreiben Sie einfach, was Sie brauchen, z. B. „Wann ist mein nächster "
        "Jour Fixe?“ – oder nehmen Sie einen dieser Befehle:",
        "en": 'Sure! Just write what you need, e.g. "When is my next Jour Fixe?" – or use '
        "one of these commands:",
    },
    "smalltalk_bye_pair": {
        "de": "Auf Wiedersehen! Ich bin hier, wenn Sie mich brauchen.",
        "en": "Goodbye! I am here whenever you need me.",
    },
    "console_back": {
        "de": "Willkommen zurück, {user}. Schreiben Sie einfach weiter – /hilfe zeigt, was "
        "ich kann, /start begrüßt Sie noch einmal.",
        "en": "Welcome back, {user}. Just carry on – /help shows what I can do, /start "
        "greets you once more.",
    },
    "console_back_unnamed": {
        "de": "Willkommen zurück. Schreiben Sie einfach weiter – /hilfe zeigt, was ich kann, "
        "/start begrüßt Sie noch einmal.",
        "en": "Welcome back. Just carry on – /help shows what I can do, /start greets you "
        "once more.",
    },
}
