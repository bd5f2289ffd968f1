"""Greeting, help, the FAQ's replies, languages and errors."""

TEXTS: dict[str, dict[str, str]] = {
    "private_only": {
        "de": "Das geht nur im privaten Chat: bitte schreiben Sie mir direkt. Hier in der "
        "Gruppe beantworte ich Fragen zur Ausschreibung.",
        "en": "That only works in a private chat: please write to me directly. Here in the "
        "group I answer questions about the call.",
    },
    "welcome": {
        "de": "Hallo! Ich bin der Bot der „Integrationsmacher:innen – Integration durch "
        "Zusammenarbeit“ (gefördert durch die Robert Bosch Stiftung, durchgeführt von "
        "Lokalprojekte).\n"
        "\n"
        "Stell mir deine Frage zur Ausschreibung in eigenen Worten, auf Deutsch oder "
        "Englisch, z. B. „Bis wann kann ich mich bewerben?“.",
        "en": 'Hello! I am the bot of the program "Integrationsmacher:innen – Integration '
        'durch Zusammenarbeit" (funded by the Robert Bosch Stiftung, run by '
        "Lokalprojekte).\n"
        "\n"
        "Ask me about the call for applications in your own words, in German or "
        'English, e.g. "When is the application deadline?".',
    },
    "help": {
        "de": "Das kann ich:\n"
        "• Fragen zur Ausschreibung beantworten – einfach lostippen.\n"
        "/faq – Themen, zu denen ich antworten kann\n"
        "/erinnerungen – Fristen der Ausschreibung als Erinnerung · /stopp – abbestellen\n"
        "/naechste – Nachricht, sobald die nächste Ausschreibung da ist\n"
        "/kontakt – Ansprechpartnerinnen bei Lokalprojekte\n"
        "/sprache de|en – Sprache wählen\n"
        "/hilfe – diese Übersicht",
        "en": "What I can do:\n"
        "• Answer questions about the call for applications – just type.\n"
        "/faq – topics I can answer\n"
        "/remind – reminders of the call's dates · /stop – unsubscribe\n"
        "/next – a message when the next call opens\n"
        "/contact – contact persons at Lokalprojekte\n"
        "/lang de|en – choose the language\n"
        "/help – this overview",
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
        "de": "Entschuldigung, da ist bei mir etwas schiefgelaufen. Bitte versuch es gleich "
        "noch einmal.",
        "en": "Sorry, something went wrong on my side. Please try again in a moment.",
    },
    "db_unavailable": {
        "de": "Ich kann gerade nichts speichern (die Datenbank ist nicht verfügbar). Es wurde "
        "nichts geändert. Bitte versuchen Sie es später noch einmal; das Team ist informiert.",
        "en": "I cannot save anything right now (the database is unavailable). Nothing was "
        "changed. Please try again later; the team has been told.",
    },
    "too_long": {
        "de": "Deine Nachricht ist sehr lang – ich lese die ersten {limit} Zeichen.",
        "en": "Your message is very long – I read the first {limit} characters.",
    },
    "role_expert": {"de": "Expert:in", "en": "expert"},
    "role_buddy": {"de": "Buddy", "en": "buddy"},
    "role_admin": {"de": "Admin", "en": "admin"},
    "role_applicant": {"de": "Bewerber:in", "en": "applicant"},
    "forbidden": {
        "de": "Der Befehl {command} ist nur für {roles} da. Du brauchst dafür eine "
        "Einladung von Lokalprojekte.",
        "en": "The command {command} is only for {roles}. You need an invite from "
        "Lokalprojekte for it.",
    },
}
