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
        "Stellen Sie mir Ihre Frage zur Ausschreibung in eigenen Worten, auf Deutsch "
        "oder Englisch, z. B. „Bis wann kann ich mich bewerben?“.",
        "en": 'Hello! I am the bot of the program "Integrationsmacher:innen – Integration '
        'durch Zusammenarbeit" (funded by the Robert Bosch Stiftung, run by '
        "Lokalprojekte).\n"
        "\n"
        "Ask me about the call for applications in your own words, in German or "
        'English, e.g. "When is the application deadline?".',
    },
    # the welcome before the answer to a first question: short, the answer is what was asked
    "welcome_short": {
        "de": "Hallo! Ich bin der Bot der „Integrationsmacher:innen“ (Robert Bosch Stiftung, "
        "Lokalprojekte) und beantworte Fragen zur Ausschreibung. Was ich sonst kann: /hilfe",
        "en": 'Hello! I am the bot of the program "Integrationsmacher:innen" (Robert Bosch '
        "Stiftung, Lokalprojekte) and answer questions about the call. What else I can do: /help",
    },
    "help": {
        "de": "Das kann ich:\n"
        "• Fragen zur Ausschreibung beantworten – einfach in eigenen Worten lostippen, "
        "z. B. „Wer kann sich bewerben?“\n"
        "/faq – Themen, zu denen ich antworten kann\n"
        "/erinnerungen – Fristen der Ausschreibung als Erinnerung · /stopp – abbestellen\n"
        "/naechste – Nachricht, sobald die nächste Ausschreibung da ist\n"
        "/kontakt – Ansprechpartnerinnen bei Lokalprojekte\n"
        "/sprache de|en – Sprache festlegen (sonst antworte ich in der Sprache, "
        "in der Sie schreiben)\n"
        "/hilfe – diese Übersicht",
        "en": "What I can do:\n"
        "• Answer questions about the call for applications – just type in your own "
        'words, e.g. "Who can apply?"\n'
        "/faq – topics I can answer\n"
        "/remind – reminders of the call's dates · /stop – unsubscribe\n"
        "/next – a message when the next call opens\n"
        "/contact – contact persons at Lokalprojekte\n"
        "/lang de|en – fix the language (otherwise I answer in the language "
        "you write in)\n"
        "/help – this overview",
    },
    "help_pair": {
        "de": "Das kann ich:\n"
        "• Fragen zur Ausschreibung beantworten – einfach lostippen (/faq – Themen).\n"
        "/kontakt – Ansprechpartnerinnen bei Lokalprojekte\n"
        "/sprache de|en – Sprache festlegen (sonst antworte ich in der Sprache, "
        "in der Sie schreiben)\n"
        "/hilfe – diese Übersicht",
        "en": "What I can do:\n"
        "• Answer questions about the call for applications – just type (/faq – topics).\n"
        "/contact – contact persons at Lokalprojekte\n"
        "/lang de|en – fix the language (otherwise I answer in the language "
        "you write in)\n"
        "/help – this overview",
    },
    "source": {
        "de": "Quelle: Ausschreibung, Abschnitt „{section}“",
        "en": "Source: call for applications, section „{section}“ (German)",
    },
    "not_sure": {
        "de": "Dazu finde ich in der Ausschreibung keine sichere Antwort.",
        "en": "I can't find a reliable answer to that in the call for applications.",
    },
    "faq_off_topic": {
        "de": "Dazu kann ich nichts sagen – ich beantworte Fragen zur Ausschreibung "
        "„Integrationsmacher:innen“ (/faq zeigt die Themen).",
        "en": "I can't help with that – I answer questions about the call for applications "
        "“Integrationsmacher:innen” (/faq lists the topics).",
    },
    "did_you_mean": {"de": "Meinten Sie eine dieser Fragen?", "en": "Did you mean one of these?"},
    "ask_contacts": {
        "de": "Am besten fragen Sie direkt bei Lokalprojekte nach:",
        "en": "Best ask Lokalprojekte directly:",
    },
    "topic_groups": {
        "de": "Zu diesen Bereichen kann ich antworten – wählen Sie einen oder fragen Sie einfach:",
        "en": "I can answer questions in these areas – pick one or just ask:",
    },
    "topics_of_group": {
        "de": "{group} – wählen Sie ein Thema oder fragen Sie einfach:",
        "en": "{group} – pick a topic or just ask:",
    },
    "topic_group_other": {"de": "Weitere Themen", "en": "More topics"},
    "topics": {
        "de": "Zu diesen Themen kann ich antworten – wählen Sie eines oder fragen Sie einfach:",
        "en": "I can answer questions on these topics – pick one or just ask:",
    },
    "clarify": {"de": "Meinen Sie {options}?", "en": "Do you mean {options}?"},
    "or": {"de": "oder", "en": "or"},
    "faq_yes": {"de": "Ja.", "en": "Yes."},
    "faq_no": {"de": "Nein.", "en": "No."},
    # instead of "Ja"/"Nein" after a negated statement ("Vereine dürfen nicht, stimmt
    # das?") and "Ja" to a negated German question ("Können Landkreise nicht …?")
    "faq_right": {"de": "Das stimmt", "en": "That's right"},
    "faq_not_right": {"de": "Das stimmt nicht", "en": "That's not right"},
    "faq_doch": {"de": "Doch", "en": "Yes"},
    "faq_no_size": {
        "de": "Eine Größe setzt die Ausschreibung nicht voraus – weder eine Mindest- noch eine "
        "Höchstgröße. Sie sagt dazu:",
        "en": "The call sets no size – neither a minimum nor a maximum. What it says:",
    },
    "faq_yes_any_size_big": {
        "de": "Ja – eine Höchstgröße nennt die Ausschreibung nicht.",
        "en": "Yes – the call names no maximum size.",
    },
    "faq_yes_any_size": {
        "de": "Ja – eine Mindestgröße nennt die Ausschreibung nicht.",
        "en": "Yes – the call names no minimum size.",
    },
    "faq_both": {"de": "Beides.", "en": "Both."},
    "faq_neither": {"de": "Keins von beiden.", "en": "Neither."},
    "silent_criteria": {
        "de": "Auswahlkriterien nennt die Ausschreibung nicht. Sie sagt zur Auswahl:",
        "en": "The call for applications names no selection criteria. What it says about the selection:",
    },
    "faq_no_step_in_month": {
        "de": "Für {month} nennt die Ausschreibung keinen eigenen Schritt. Der Ablauf:",
        "en": "The call for applications names no step in {month}. The timeline:",
    },
    "contact_who": {
        "de": "Ansprechpartner:in bei Lokalprojekte, wie die Ausschreibung sie nennt:",
        "en": "A contact person at Lokalprojekte, as the call for applications names them:",
    },
    "faq_last_step": {
        "de": "Einen weiteren Schritt nennt die Ausschreibung danach nicht. Zuletzt:",
        "en": "The call for applications names no step after that. The last one:",
    },
    "faq_open": {
        "de": "Das legt die Ausschreibung nicht fest. Sie sagt dazu:",
        "en": "The call for applications does not decide this. What it says:",
    },
    "silent_where": {
        "de": "Einen Ort nennt die Ausschreibung dafür nicht. Sie sagt dazu:",
        "en": "The call for applications does not say where. What it says:",
    },
    "silent_how_much": {
        "de": "Einen Euro-Betrag nennt die Ausschreibung nicht; sie legt Folgendes fest:",
        "en": "The call names no euro amount; this is what it sets:",
    },
    "silent_who": {
        "de": "Wer das übernimmt, steht nicht in der Ausschreibung. Sie sagt dazu:",
        "en": "The call for applications does not say who. What it says:",
    },
    "silent_how_often": {
        "de": "Wie oft, steht nicht in der Ausschreibung. Sie sagt dazu:",
        "en": "The call for applications does not say how often. What it says:",
    },
    "smalltalk_greeting": {
        "de": "Hallo! Ich beantworte Ihre Fragen zur Ausschreibung der "
        "„Integrationsmacher:innen“ – schreiben Sie einfach in eigenen Worten.",
        "en": 'Hello! I answer your questions about the call of the "Integrationsmacher:innen" '
        "– just ask in your own words.",
    },
    "smalltalk_thanks": {
        "de": "Gern geschehen! Wenn Sie noch etwas wissen möchten, fragen Sie einfach.",
        "en": "You're welcome! If there is anything else, just ask.",
    },
    "smalltalk_bye": {
        "de": "Auf Wiedersehen – und viel Erfolg mit Ihrer Bewerbung!",
        "en": "Goodbye – and good luck with your application!",
    },
    "smalltalk_bye_closed": {
        "de": "Auf Wiedersehen – schön, dass Sie da waren!",
        "en": "Goodbye – thanks for stopping by!",
    },
    "smalltalk_who": {
        "de": "Ich bin der Bot der „Integrationsmacher:innen“ (kein Mensch): Ich beantworte "
        "Fragen zur Ausschreibung, und zwar nur mit dem, was in der Ausschreibung steht. "
        "Die Menschen dahinter erreichen Sie mit /kontakt.",
        "en": 'I am the bot of the "Integrationsmacher:innen" (not a person): I answer '
        "questions about the call for applications, only with what the call says. "
        "/contact reaches the people behind it.",
    },
    "smalltalk_help": {
        "de": "Gern! Schreiben Sie Ihre Frage zur Ausschreibung einfach in eigenen Worten, "
        "z. B. „Wer kann sich bewerben?“.",
        "en": 'Sure! Just type your question about the call in your own words, e.g. "Who '
        'can apply?".',
    },
    "smalltalk_help_short": {"de": "Gern!", "en": "Sure!"},
    "smalltalk_noise": {
        "de": "Dazu ist bei mir gerade keine Auswahl offen. Fragen Sie gern etwas zur "
        "Ausschreibung, in eigenen Worten.",
        "en": "There is no open choice for that right now. Feel free to ask about the call "
        "in your own words.",
    },
    "lang_set": {"de": "Ich antworte jetzt auf Deutsch.", "en": "I will answer in English now."},
    "lang_which": {
        "de": "Ich verstehe Deutsch und Englisch und antworte in der Sprache, in der Sie "
        "schreiben (fest einstellen: /sprache de oder /sprache en).",
        "en": "I understand German and English and answer in the language you write in (to "
        "fix one: /lang de or /lang en).",
    },
    "lang_usage": {
        "de": "Bitte so: /sprache de oder /sprache en",
        "en": "Please use: /lang de or /lang en",
    },
    "unknown_command": {
        "de": "Den Befehl {command} kenne ich nicht. /hilfe zeigt, was ich kann.",
        "en": "I don't know the command {command}. /help shows what I can do.",
    },
    "empty": {
        "de": "Schreiben Sie mir Ihre Frage zur Ausschreibung – oder /hilfe.",
        "en": "Type your question about the call – or /help.",
    },
    "stale_choice": {
        "de": "Diese Auswahl ist nicht mehr gültig. /faq zeigt alle Themen.",
        "en": "This choice is no longer valid. /faq shows all topics.",
    },
    "error": {
        "de": "Entschuldigung, da ist bei mir etwas schiefgelaufen. Bitte versuchen Sie es "
        "gleich noch einmal.",
        "en": "Sorry, something went wrong on my side. Please try again in a moment.",
    },
    "db_unavailable": {
        "de": "Ich kann gerade nichts speichern (die Datenbank ist nicht verfügbar). Es wurde "
        "nichts geändert. Bitte versuchen Sie es später noch einmal; das Team ist informiert.",
        "en": "I can't save anything right now (the database is unavailable). Nothing was "
        "changed. Please try again later; the team has been told.",
    },
    "too_long": {
        "de": "Ihre Nachricht ist sehr lang – ich lese die ersten {limit} Zeichen.",
        "en": "Your message is very long – I read the first {limit} characters.",
    },
    "role_expert": {"de": "Expert:in", "en": "expert"},
    "role_buddy": {"de": "Buddy", "en": "buddy"},
    "role_admin": {"de": "Admin", "en": "admin"},
    "role_applicant": {"de": "Bewerber:in", "en": "applicant"},
    # plural, for "nur für Admins / Buddys da"
    "roles_expert": {"de": "Expert:innen", "en": "experts"},
    "roles_buddy": {"de": "Buddys", "en": "buddies"},
    "roles_admin": {"de": "Admins", "en": "admins"},
    "roles_applicant": {"de": "Bewerber:innen", "en": "applicants"},
    "forbidden": {
        "de": "Der Befehl {command} ist nur für {roles} da. Sie brauchen dafür eine "
        "Einladung von Lokalprojekte.",
        "en": "The command {command} is only for {roles}. You need an invite from "
        "Lokalprojekte for it.",
    },
}
