"""Words of the adapters and the command menus: what a platform shows around the
bot's own replies, and the short descriptions in Telegram's command menu."""

TEXTS: dict[str, dict[str, str]] = {
    "reply_with_number": {"de": "(Antworten Sie mit der Nummer)", "en": "(Reply with the number)"},
    "choice_which": {
        "de": "Welche Wahl meinen Sie? Bitte tippen Sie eine Zahl von 1 bis {n} "
        "(oder die Worte einer Wahl).",
        "en": "Which choice do you mean? Please type a number from 1 to {n} "
        "(or the words of a choice).",
    },
    "choice_which_numbered": {
        "de": "Welche Wahl meinen Sie? Bitte tippen Sie eine Nummer aus der Liste, "
        "z. B. {example}.",
        "en": "Which choice do you mean? Please type a number from the list, e.g. {example}.",
    },
    "choice_stale": {
        "de": "Diese Auswahl habe ich Ihnen vor mehr als einem Tag gezeigt, sie ist "
        "vielleicht nicht mehr aktuell. Hier ist sie noch einmal – bitte wählen Sie neu.",
        "en": "I showed you these choices more than a day ago; they may be out of date. "
        "Here they are again – please choose anew.",
    },
    "choice_beyond": {
        "de": "Diese Nummer steht nicht zur Auswahl: Bitte tippen Sie eine Zahl von 1 bis {n} "
        "(oder die Worte einer Wahl).",
        "en": "That number is not among the choices: please type a number from 1 to {n} "
        "(or the words of a choice).",
    },
    "choice_second_thoughts": {
        "de": "Ihre Zahl steht in der letzten Liste für „{label}“ – offen war aber noch "
        "diese Frage:\n{prompt}\nWas meinen Sie? (Tippen Sie die Nummer.)",
        "en": "Your number stands for “{label}” in the last list – but this question was "
        "still open:\n{prompt}\nWhich do you mean? (Type the number.)",
    },
    "console_bad_user": {
        "de": "(ein Konsolen-Name hat 1 bis 32 Buchstaben, Ziffern, Punkte, Binde- oder "
        "Unterstriche, z. B. /als erika)",
        "en": "(a console name has 1 to 32 letters, digits, dots, dashes or underscores, "
        "e.g. /as erika)",
    },
    "console_switched": {
        "de": "(Sie schreiben jetzt als {user})",
        "en": "(you are now writing as {user})",
    },
    "console_open_choices": {
        "de": "Zuletzt offen (tippen Sie die Nummer):",
        "en": "Still open from last time (type the number):",
    },
    "console_open_choices_about": {
        "de": "Zuletzt offen war diese Nachricht (tippen Sie die Nummer einer Wahl):",
        "en": "This message was still open from last time (type the number of a choice):",
    },
    "matrix_write_first": {
        "de": "Hallo! Ich bin der Bot der „Integrationsmacher:innen“. Schreiben Sie mir "
        "Ihre Frage – auf Deutsch oder Englisch.",
        "en": 'Hello! I am the bot of the "Integrationsmacher:innen". Write me your '
        "question – in German or English.",
    },
    "console_write_first": {
        "de": "Schreiben Sie los – auf Deutsch oder Englisch.",
        "en": "Write away – in German or English.",
    },
    "console_to": {"de": "📨 an {name}:", "en": "📨 to {name}:"},
    "console_waiting": {
        "de": "(📨 eine Nachricht für {user} wartet – /als {user} zeigt sie)",
        "en": "(📨 a message for {user} is waiting – /as {user} shows it)",
    },
    "console_elsewhere": {
        "de": "(Nachricht an {name} über {platform}: wird nur von `imbot run` zugestellt)",
        "en": "(message to {name} on {platform}: only `imbot run` delivers it)",
    },
    # -- announcements (imbot admin announce) ----------------------------------------------
    "announce_from": {
        "de": "📣 Nachricht vom Programmteam der Integrationsmacher:innen (Lokalprojekte):",
        "en": "📣 A message from the Integrationsmacher:innen program team (Lokalprojekte):",
    },
    "announce_stop_applicants": {
        "de": "Sie bekommen diese Nachricht, weil Sie Erinnerungen abonniert haben. "
        "Abbestellen: /stopp",
        "en": "You get this message because you subscribed to reminders. Unsubscribe: /stop",
    },
    "announce_stop_members": {
        "de": "Sie bekommen diese Nachricht als Teilnehmer:in des Programms. Keine Nachrichten "
        "mehr: /loeschen löscht Ihre Daten (bitte vorher mit Lokalprojekte sprechen).",
        "en": "You get this message as a member of the program. No more messages: /delete "
        "erases your data (please talk to Lokalprojekte first).",
    },
    # -- units and relative times (bot.texts.format) --------------------------------------
    "n_days_one": {"de": "{n} Tag", "en": "{n} day"},
    "n_days_other": {"de": "{n} Tage", "en": "{n} days"},
    "today": {"de": "heute", "en": "today"},
    "tomorrow": {"de": "morgen", "en": "tomorrow"},
    "in_n_days": {"de": "in {n} Tagen", "en": "in {n} days"},
    "in_n_hours_one": {"de": "in {n} Stunde", "en": "in {n} hour"},
    "in_n_hours_other": {"de": "in {n} Stunden", "en": "in {n} hours"},
    "in_n_minutes_one": {"de": "in {n} Minute", "en": "in {n} minute"},
    "in_n_minutes_other": {"de": "in {n} Minuten", "en": "in {n} minutes"},
    # -- command menus (Telegram shows them next to the input field) ----------------------
    "menu_start": {"de": "Begrüßung und Überblick", "en": "Welcome and overview"},
    "menu_help": {"de": "Was der Bot kann", "en": "What the bot can do"},
    "menu_faq": {"de": "Themen der Ausschreibung", "en": "Topics of the call"},
    "menu_remind": {"de": "Fristen als Erinnerung", "en": "Deadline reminders"},
    "menu_stop": {"de": "Erinnerungen abbestellen", "en": "Stop reminders"},
    "menu_contact": {"de": "Ansprechpartnerinnen", "en": "Contact persons"},
    "menu_meetings": {"de": "Ihre Jour Fixes", "en": "Your Jour Fixes"},
    "menu_jourfixe": {"de": "Jour Fixe anfragen", "en": "Request a Jour Fixe"},
    "menu_free": {"de": "Freie Zeiten (Buddies)", "en": "Free times (buddies)"},
    "menu_mydata": {"de": "Was gespeichert ist", "en": "What is stored"},
    "menu_delete": {"de": "Daten löschen", "en": "Erase your data"},
}
