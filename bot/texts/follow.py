"""Texts of follow-ups read against the answer just given (bot.chat.faq_follow)."""

TEXTS = {
    "silent_how_long": {
        "de": "Wie lange das dauert, nennt die Ausschreibung nicht. Sie sagt dazu:",
        "en": "The call for applications does not say how long this takes. What it says:",
    },
    "faq_what_about": {
        "de": "Gern – was möchten Sie wissen? Fragen Sie einfach in eigenen Worten, zum "
        "Beispiel „Wann ist Bewerbungsschluss?“ oder „Was wird gefördert?“.",
        "en": "Sure – what would you like to know? Just ask in your own words, for example "
        '"When is the deadline?" or "What is funded?".',
    },
}
