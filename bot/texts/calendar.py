"""Calendars: the calendar files' description, the pair's meeting place (/ort) and
the private calendar feed (/kalender)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "ics_description": {
        "de": "Jour Fixe im Programm „Integrationsmacher:innen“ (Lokalprojekte).{place}\n"
        "Verschieben oder absagen: /verschieben oder /absagen im Chat mit dem Bot.",
        "en": "Jour Fixe of the programme “Integrationsmacher:innen” (Lokalprojekte).{place}\n"
        "To move or cancel it: /move or /cancel in the chat with the bot.",
    },
    "ics_place": {"de": "\nOrt: {place}", "en": "\nPlace: {place}"},
    "ics_feed_name": {"de": "Jour Fixe (Lokalprojekte)", "en": "Jour Fixe (Lokalprojekte)"},
    "place_line": {"de": "\nOrt: {place}", "en": "\nPlace: {place}"},
    "meeting_reminder_place": {
        "de": "⏰ Erinnerung: Jour Fixe mit {other} {before} – {when}.\nOrt: {place}",
        "en": "⏰ Reminder: Jour Fixe with {other} {before} – {when}.\nPlace: {place}",
    },
    "meeting_reminder_place_at": {
        "de": "⏰ Erinnerung: Jour Fixe mit {other} {when}.\nOrt: {place}",
        "en": "⏰ Reminder: Jour Fixe with {other} {when}.\nPlace: {place}",
    },
    "place_none": {
        "de": "Für Ihre Jour Fixes mit {others} ist noch kein Ort festgelegt.\n"
        "Festlegen mit /ort Videolink oder Adresse, z. B. /ort https://meet.example.org/jourfixe",
        "en": "No place is set yet for your Jour Fixes with {others}.\n"
        "Set one with /place video link or address, e.g. /place https://meet.example.org/jourfixe",
    },
    "place_now": {
        "de": "Ort Ihrer Jour Fixes:\n{list}\nÄndern: /ort Videolink oder Adresse · "
        "entfernen: /ort löschen",
        "en": "Where your Jour Fixes take place:\n{list}\nChange: /place video link or address · "
        "remove: /place clear",
    },
    "place_unset": {"de": "(kein Ort)", "en": "(no place)"},
    "place_set": {
        "de": "Gespeichert: Ihre Jour Fixes mit {others} finden hier statt: {place}\n"
        "Der Ort steht in Bestätigungen, Erinnerungen und Kalenderdateien.",
        "en": "Saved: your Jour Fixes with {others} take place here: {place}\n"
        "The place is shown in confirmations, reminders and calendar files.",
    },
    "place_kept": {
        "de": "Für {name} bleibt: {place}",
        "en": "For {name} it stays: {place}",
    },
    "place_kept_hint": {
        "de": "(Für ein Paar allein festgelegt. Für alle ändern: /ort alle: {again})",
        "en": "(Set for that pair alone. To change it for everyone: /place all: {again})",
    },
    "place_kept_hint_clear": {
        "de": "(Für ein Paar allein festgelegt. Für alle entfernen: /ort alle löschen)",
        "en": "(Set for that pair alone. To remove it for everyone: /place all clear)",
    },
    "place_kept_nothing": {"de": "Nichts geändert.", "en": "Nothing changed."},
    "place_cleared": {
        "de": "Der Ort Ihrer Jour Fixes mit {others} ist entfernt.",
        "en": "The place of your Jour Fixes with {others} has been removed.",
    },
    "place_for_other": {
        "de": "{name} hat den Ort Ihrer Jour Fixes festgelegt: {place}",
        "en": "{name} has set where your Jour Fixes take place: {place}",
    },
    "place_cleared_for_other": {
        "de": "{name} hat den Ort Ihrer Jour Fixes entfernt.",
        "en": "{name} has removed the place of your Jour Fixes.",
    },
    "place_too_long": {
        "de": "Der Ort ist zu lang (höchstens {limit} Zeichen). Ein Videolink oder eine "
        "Adresse genügt.",
        "en": "That place is too long (at most {limit} characters). A video link or an "
        "address is enough.",
    },
    "place_not_partner": {
        "de": "Mit {name} haben Sie keine Jour Fixes – ich habe nichts gespeichert. "
        "Ihre Jour Fixes haben Sie mit: {others}. Für eine Person: /ort NAME: Ort",
        "en": "You have no Jour Fixes with {name} – nothing saved. "
        "Your Jour Fixes are with: {others}. For one person: /place NAME: place",
    },
    "place_ambiguous": {
        "de": "„{name}“ passt auf mehrere: {names}. Bitte mit vollem Namen, z. B. "
        "/ort Vorname Nachname: Ort – ich habe nichts gespeichert.",
        "en": "“{name}” fits several people: {names}. Please use the full name, e.g. "
        "/place First Last: place – nothing saved.",
    },
    "no_pair": {
        "de": "Sie sind noch niemandem zugeordnet; das Team von Lokalprojekte bildet die Paare.",
        "en": "You have not been paired with anyone yet; the Lokalprojekte team makes the pairs.",
    },
    "calendar_link": {
        "de": "Ihr privater Kalender mit allen Ihren Jour Fixes (30 Tage zurück und alle "
        "kommenden) – einmal abonnieren, dann aktualisiert er sich selbst:\n{webcal}\n"
        "Google Kalender oder Outlook im Web: „Über URL hinzufügen“ mit {https}\n"
        "Der Link ist nur für Sie: wer ihn kennt, sieht Ihre Termine. Ich zeige ihn nur "
        "dieses eine Mal. /kalender neu gibt einen neuen (der alte geht dann nicht mehr), "
        "/kalender aus schaltet ihn ab.",
        "en": "Your private calendar with all your Jour Fixes (30 days back and all ahead) – "
        "subscribe once and it keeps itself up to date:\n{webcal}\n"
        "Google Calendar or Outlook on the web: “Add from URL” with {https}\n"
        "The link is for you only: anyone who has it sees your meetings. I show it this "
        "once only. /calendar new gives a new one (the old one stops working), "
        "/calendar off switches it off.",
    },
    "calendar_renewed": {
        "de": "Neuer Link – der bisherige funktioniert ab jetzt nicht mehr.\n",
        "en": "New link – the previous one stops working now.\n",
    },
    "calendar_exists": {
        "de": "Sie haben seit {since} einen Kalender-Link. Aus Sicherheitsgründen zeige ich "
        "ihn nur einmal (er steht weiter oben im Chat).\n/kalender neu gibt einen neuen "
        "Link (der alte geht dann nicht mehr), /kalender aus schaltet ihn ab.",
        "en": "You have had a calendar link since {since}. For your safety I show it only "
        "once (it is further up in this chat).\n/calendar new gives a new link (the old "
        "one stops working), /calendar off switches it off.",
    },
    "calendar_off": {
        "de": "Ihr Kalender-Link ist abgeschaltet; Kalender, die ihn abonniert haben, "
        "bekommen keine Termine mehr. /kalender gibt einen neuen.",
        "en": "Your calendar link is switched off; calendars subscribed to it get no more "
        "meetings. /calendar gives a new one.",
    },
    "calendar_none": {
        "de": "Sie haben keinen Kalender-Link. /kalender gibt Ihnen einen.",
        "en": "You have no calendar link. /calendar gives you one.",
    },
    "calendar_unavailable": {
        "de": "Kalender-Links gibt es hier noch nicht. Ihre Termine sehen Sie mit /termine, "
        "und jede Bestätigung, Verschiebung oder Absage bringt eine Kalenderdatei (.ics) mit: "
        "Öffnen Sie sie, dann ist Ihr Kalender auf dem neuesten Stand. Fragen Sie gern das "
        "Team von Lokalprojekte, ab wann es Kalender-Links gibt.",
        "en": "Calendar links are not available here yet. /meetings shows your meetings, and "
        "every confirmation, move or cancellation comes with a calendar file (.ics): open it "
        "and your calendar is up to date. Feel free to ask the Lokalprojekte team when "
        "calendar links will be available.",
    },
    "md_pair_place": {"de": " – Ort: {place}", "en": " – place: {place}"},
    "md_calendar": {"de": "Ihr Kalender-Link", "en": "Your calendar link"},
    "md_calendar_item": {
        "de": "seit {at} (gespeichert ist nur eine Prüfsumme des Links; /kalender aus "
        "schaltet ihn ab)",
        "en": "since {at} (only a checksum of the link is stored; /calendar off switches it off)",
    },
    "calendar_usage": {
        "de": "/kalender – Ihr Kalender-Link · /kalender neu – ein neuer Link · "
        "/kalender aus – abschalten",
        "en": "/calendar – your calendar link · /calendar new – a new link · "
        "/calendar off – switch it off",
    },
}
