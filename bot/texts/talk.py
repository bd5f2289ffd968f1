"""Short talk around the real business: "ok" and "ja" with nothing open, a greeting
after the greeting, "ist jemand erreichbar?", an expert's "wo treffen wir uns?", and
the console's welcome back."""

TEXTS: dict[str, dict[str, str]] = {
    "smalltalk_ack": {
        "de": "Alles klar. Wenn Sie noch etwas brauchen, schreiben Sie einfach.",
        "en": "All right. If you need anything else, just write.",
    },
    "smalltalk_greeting_more": {
        "de": "Themen: /faq · alles, was ich kann: /hilfe",
        "en": "Topics: /faq · everything I can do: /help",
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
    "console_back": {
        "de": "Willkommen zurück, {user}. Schreiben Sie einfach weiter – /hilfe zeigt, was "
        "ich kann, /start begrüßt Sie noch einmal.",
        "en": "Welcome back, {user}. Just carry on – /help shows what I can do, /start "
        "greets you once more.",
    },
}
