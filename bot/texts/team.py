"""The team's tools: invites to forward, invites in bulk, statistics, the outbox,
announcements (/rundmail)."""

TEXTS: dict[str, dict[str, str]] = {
    # -- invites --------------------------------------------------------------------
    "invite_words_offer": {
        "de": "Meinen Sie {command}? Dann lege ich die Einladung an – tippen Sie „ja“ "
        "oder den Knopf.",
        "en": "Do you mean {command}? Then I create the invite – type “yes” or press the button.",
    },
    "invite_words_type": {
        "de": "Meinen Sie {command}? Dann schreiben Sie bitte genau diesen Befehl.",
        "en": "Do you mean {command}? Then please type exactly this command.",
    },
    "invite_words_yes": {"de": "Ja, einladen", "en": "Yes, invite"},
    "invite_words_no": {"de": "Nein", "en": "No"},
    "invite_words_how": {
        "de": "So laden Sie jemanden ein: /einladen expertin|buddy|admin Vorname Nachname "
        "[sprache=en] – oder in Worten, z. B. „lade Maria Muster als Expertin ein“. Sie "
        "bekommen den Code und einen Text zum Weiterleiten.",
        "en": "To invite someone: /invite expert|buddy|admin First Last [lang=en] – or in "
        "words, e.g. “invite Maria Muster as an expert”. You get the code and a text to "
        "forward.",
    },
    "people_words_offer": {
        "de": "Meinen Sie {command}? Tippen Sie „ja“ oder den Knopf.",
        "en": "Do you mean {command}? Type “yes” or press the button.",
    },
    "pair_words_yes": {"de": "Ja, zuordnen", "en": "Yes, pair"},
    "revoke_words_yes": {"de": "Ja, weiter", "en": "Yes, go on"},
    "pair_words_unclear": {
        "de": "Eine Expert:in einem Buddy zuordnen: /paar EXPERT:IN BUDDY (Name oder Nummer "
        'aus /personen), z. B. /paar "Erika Muster" "Bernd Buddy".',
        "en": "To pair an expert with a buddy: /pair EXPERT BUDDY (name or number from "
        '/people), e.g. /pair "Erika Muster" "Bernd Buddy".',
    },
    "revoke_words_unclear": {
        "de": "Jemanden aus dem Programm nehmen: /sperren PERSON (Name oder Nummer aus "
        "/personen). Ich frage vorher nach.",
        "en": "To take someone out of the program: /revoke PERSON (name or number from "
        "/people). I ask before anything happens.",
    },
    "invite_words_none": {
        "de": "Keine Einladung angelegt.",
        "en": "No invite created.",
    },
    "same_name": {
        "de": "Es gibt schon {ids} mit dem Namen „{name}“. Ein weiteres Chat-Konto derselben "
        "Person: /einladen #NUMMER. Eine zweite Person mit demselben Namen: den Befehl mit "
        "doppelt=ja wiederholen.",
        "en": 'There is already {ids} called "{name}". Another chat account of the same '
        "person: /invite #NUMBER. A second person with the same name: repeat the command "
        "with duplicate=yes.",
    },
    "resend_linked": {
        "de": "{name} hat die Einladung schon eingelöst. Ein weiteres Chat-Konto: /einladen #{id}",
        "en": "{name} has already redeemed the invite. Another chat account: /invite #{id}",
    },
    "invite_letter": {
        "de": "Hallo {name},\n\n"
        "Sie sind als {role} zum Chat-Bot der „Integrationsmacher:innen“ (Lokalprojekte) "
        "eingeladen. Ihr persönlicher Code gilt einmal, bis {expires}:\n\n"
        "{ways}\n\n"
        "Danach zeigt /hilfe, was Sie mit dem Bot tun können.",
        "en": "Hello {name},\n\n"
        'you are invited as {role} to the chat bot of the "Integrationsmacher:innen" '
        "program (Lokalprojekte). Your personal code works once, until {expires}:\n\n"
        "{ways}\n\n"
        "Then /help shows what you can do with the bot.",
    },
    "invite_way_telegram": {
        "de": "• Telegram: {link} öffnen und auf „Starten“ tippen",
        "en": "• Telegram: open {link} and tap “Start”",
    },
    "invite_way_matrix": {
        "de": "• Matrix (z. B. Element): dem Bot eine Direktnachricht schreiben: !start {code}",
        "en": "• Matrix (e.g. Element): send the bot a direct message: !start {code}",
    },
    "invite_no_link": {
        "de": "(kein Link: TELEGRAM_BOT_USERNAME ist nicht gesetzt)",
        "en": "(no link: TELEGRAM_BOT_USERNAME is not set)",
    },
    "invite_forward": {
        "de": "Zum Weiterleiten an {name} ({language}):",
        "en": "To forward to {name} ({language}):",
    },
    "language_de": {"de": "Deutsch", "en": "German"},
    "language_en": {"de": "Englisch", "en": "English"},
    "open_invites_none": {
        "de": "Keine offenen Einladungen: alle sind eingelöst.",
        "en": "No open invites: all have been redeemed.",
    },
    "open_invites_header": {
        "de": "Nicht eingelöste Einladungen:",
        "en": "Invites not redeemed yet:",
    },
    "open_invite_row": {
        "de": "#{id} {name} ({role}) – eingeladen {age}, {state}",
        "en": "#{id} {name} ({role}) – invited {age}, {state}",
    },
    "invite_age_today": {"de": "heute", "en": "today"},
    "invite_age_one": {"de": "vor {n} Tag", "en": "{n} day ago"},
    "invite_age_other": {"de": "vor {n} Tagen", "en": "{n} days ago"},
    "open_invite_valid": {"de": "gültig bis {date}", "en": "valid until {date}"},
    "open_invite_expired": {
        "de": "abgelaufen – neu: /einladen #{id}",
        "en": "expired – renew: /invite #{id}",
    },
    # -- bulk invites -----------------------------------------------------------------
    "bulk_problems": {
        "de": "{n} Problem(e) in der Liste; nichts wurde angelegt.",
        "en": "{n} problem(s) in the list; nothing was created.",
    },
    "bulk_twice": {
        "de": "„{name}“ steht schon in Zeile {other}.",
        "en": '"{name}" is on line {other} already.',
    },
    "bulk_buddy_not_expert": {
        "de": "nur Expert:innen bekommen einen Buddy ({name}).",
        "en": "only experts get a buddy ({name}).",
    },
    # -- pairs ------------------------------------------------------------------------
    "pair_replaces": {
        "de": "{expert} hat schon {old} als Buddy. Durch {buddy} ersetzen? Bereits "
        "vereinbarte Termine bleiben bei {old}.",
        "en": "{expert} already has {old} as buddy. Replace with {buddy}? Meetings already "
        "made stay with {old}.",
    },
    "pair_replace_yes": {"de": "Ja, ersetzen", "en": "Yes, replace"},
    # re-pairing with meetings still made with the old buddy: keep or cancel them (#12)
    "pair_replaces_kept_one": {
        "de": "{expert} hat schon {old} als Buddy. Durch {buddy} ersetzen?\nMit {old} ist "
        "noch 1 Termin vereinbart: soll er bei {old} bleiben oder abgesagt werden (beide "
        "Seiten werden informiert)?",
        "en": "{expert} already has {old} as buddy. Replace with {buddy}?\n1 meeting is "
        "still made with {old}: should it stay with {old} or be cancelled (both sides are "
        "told)?",
    },
    "pair_replaces_kept_other": {
        "de": "{expert} hat schon {old} als Buddy. Durch {buddy} ersetzen?\nMit {old} sind "
        "noch {n} Termine vereinbart: sollen sie bei {old} bleiben oder abgesagt werden "
        "(beide Seiten werden informiert)?",
        "en": "{expert} already has {old} as buddy. Replace with {buddy}?\n{n} meetings are "
        "still made with {old}: should they stay with {old} or be cancelled (both sides "
        "are told)?",
    },
    "pair_replace_keep": {
        "de": "Ersetzen, Termine bleiben",
        "en": "Replace, keep the meetings",
    },
    "pair_replace_cancel": {
        "de": "Ersetzen, Termine absagen",
        "en": "Replace, cancel the meetings",
    },
    "pair_cancelled_one": {
        "de": " Der Termin mit {old} ist abgesagt; beide Seiten sind informiert.",
        "en": " The meeting with {old} is cancelled; both sides are told.",
    },
    "pair_cancelled_other": {
        "de": " Die {n} Termine mit {old} sind abgesagt; beide Seiten sind informiert.",
        "en": " The {n} meetings with {old} are cancelled; both sides are told.",
    },
    "pair_cancelled_for_one": {
        "de": "Abgesagt (von Lokalprojekte) ist damit Ihr Termin mit {other}:",
        "en": "Cancelled (by Lokalprojekte) with it: your meeting with {other}:",
    },
    "pair_cancelled_for_other": {
        "de": "Abgesagt (von Lokalprojekte) sind damit Ihre {n} Termine mit {other}:",
        "en": "Cancelled (by Lokalprojekte) with it: your {n} meetings with {other}:",
    },
    "pair_unchanged": {"de": "Nichts geändert.", "en": "Nothing changed."},
    # -- statistics -------------------------------------------------------------------
    "stats_text": {
        "de": "Statistik\n"
        "Personen: {people}; {subscribers} Chats mit Erinnerungen\n"
        "Offene Einladungen: {open} (davon {expired} abgelaufen)\n"
        "FAQ seit Montag: {answered} Fragen sicher beantwortet, {unanswered} ohne sichere "
        "Antwort (ans Team weitergeleitete: /offen)\n"
        "Jour Fixes aller Paare, auch früherer (/treffen zählt nur die heutigen): {held} "
        "stattgefunden, {upcoming} geplant, {cancelled} abgesagt\n"
        "Erinnerungen: {sent} gesendet, {failed} fehlgeschlagen, {pending} geplant, "
        "{dropped} verworfen (zu spät), {unreachable} nicht erreichbar",
        "en": "Statistics\n"
        "People: {people}; {subscribers} chats with reminders\n"
        "Open invites: {open} ({expired} of them expired)\n"
        "FAQ since Monday: {answered} questions answered with confidence, {unanswered} "
        "without a sure answer (forwarded to the team: /open)\n"
        "Jour Fixes of all pairs, earlier ones too (/overview counts today's only): {held} "
        "held, {upcoming} upcoming, {cancelled} cancelled\n"
        "Reminders: {sent} sent, {failed} failed, {pending} planned, "
        "{dropped} dropped (too late), {unreachable} unreachable",
    },
    "stats_nobody": {"de": "niemand", "en": "nobody"},
    # -- outbox -----------------------------------------------------------------------
    "outbox_counts": {"de": "Postausgang: {counts}", "en": "Outbox: {counts}"},
    "outbox_empty": {"de": "Der Postausgang ist leer.", "en": "The outbox is empty."},
    "outbox_state_pending": {"de": "wartend", "en": "pending"},
    "outbox_state_claimed": {"de": "wird gesendet", "en": "being sent"},
    "outbox_state_sent": {"de": "gesendet", "en": "sent"},
    "outbox_state_failed": {"de": "fehlgeschlagen", "en": "failed"},
    "outbox_state_cancelled": {"de": "abgebrochen", "en": "cancelled"},
    "outbox_state_dropped": {"de": "verworfen", "en": "dropped"},
    "outbox_state_unreachable": {"de": "nicht erreichbar", "en": "unreachable"},
    "outbox_row": {
        "de": "#{id} {state}, {due}, {kind} an {platform}, {tries} Versuch(e){error}",
        "en": "#{id} {state}, {due}, {kind} to {platform}, {tries} attempt(s){error}",
    },
    "outbox_error": {"de": " – Fehler: {error}", "en": " – error: {error}"},
    "outbox_none": {
        "de": "Keine Nachrichten mit dem Status {states}.",
        "en": "No messages with the state {states}.",
    },
    "outbox_more": {
        "de": "… und {n} weitere (alle: imbot admin outbox --state {states} --limit {total}).",
        "en": "… and {n} more (all of them: imbot admin outbox --state {states} --limit {total}).",
    },
    "outbox_hint": {
        "de": "Erneut senden: /postausgang nochmal NUMMER",
        "en": "Send again: /outbox retry NUMBER",
    },
    "outbox_usage": {
        "de": "Bitte so: /postausgang [fehlgeschlagen|wartend|alle] oder "
        "/postausgang nochmal NUMMER",
        "en": "Please use: /outbox [failed|pending|all] or /outbox retry NUMBER",
    },
    "outbox_retried": {
        "de": "Nachricht #{id} wird erneut gesendet.",
        "en": "Message #{id} will be sent again.",
    },
    "outbox_not_failed": {
        "de": "Nachricht #{id} ist {state}: nur fehlgeschlagene Nachrichten werden erneut "
        "gesendet.",
        "en": "Message #{id} is {state}: only failed messages are sent again.",
    },
    "outbox_bad_state": {
        "de": "Unbekannter Status „{state}“. Möglich: {known}.",
        "en": 'Unknown state "{state}". Possible: {known}.',
    },
    "outbox_unknown": {"de": "Es gibt keine Nachricht #{id}.", "en": "There is no message #{id}."},
    # -- announcements ----------------------------------------------------------------
    "announce_usage": {
        "de": "Bitte so: /rundmail GRUPPE TEXT\n"
        "GRUPPE: bewerbende (mit Erinnerungen), expertinnen, buddys, oder paar NUMMER "
        "(die Expert:in aus /personen und ihr Buddy).\n"
        "Beide Sprachen: /rundmail buddys [de] Liebe Buddys … [en] Dear buddies …\n"
        "Ohne [de]/[en] geht derselbe Text an alle. Vor dem Senden kommt eine Vorschau.",
        "en": "Please use: /announce GROUP TEXT\n"
        "GROUP: applicants (with reminders), experts, buddies, or pair NUMBER (the "
        "expert from /people and their buddy).\n"
        "Both languages: /announce buddies [de] Liebe Buddys … [en] Dear buddies …\n"
        "Without [de]/[en] everyone gets the same text. You see a preview before sending.",
    },
    "announce_too_long": {
        "de": "Höchstens {limit} Zeichen je Sprache.",
        "en": "At most {limit} characters per language.",
    },
    "announce_group_applicants": {
        "de": "Bewerbende mit Erinnerungen",
        "en": "applicants with reminders",
    },
    "announce_group_experts": {"de": "alle Expert:innen", "en": "all experts"},
    "announce_group_buddies": {"de": "alle Buddys", "en": "all buddies"},
    "announce_group_pair": {
        "de": "das Paar {expert} und {buddy}",
        "en": "the pair {expert} and {buddy}",
    },
    "announce_no_buddy": {
        "de": "{name} hat noch keinen Buddy: /paar verbindet sie.",
        "en": "{name} has no buddy yet: /pair pairs them.",
    },
    "announce_preview_head": {
        "de": "Vorschau – an {group}: {n} Chat(s), {n_de} auf Deutsch, {n_en} auf Englisch.",
        "en": "Preview – to {group}: {n} chat(s), {n_de} in German, {n_en} in English.",
    },
    "announce_stop_staff": {
        "de": "Sie bekommen diese Nachricht als Buddy im Programm.",
        "en": "You get this message as a buddy in the program.",
    },
    "announce_send": {"de": "An {n} Chat(s) senden", "en": "Send to {n} chat(s)"},
    "announce_cancel": {"de": "Abbrechen", "en": "Cancel"},
    "announce_cancelled": {"de": "Nichts gesendet.", "en": "Nothing sent."},
    "announce_nobody": {
        "de": "An {group} kann ich nichts senden: niemand ist verknüpft oder angemeldet. "
        "Nichts gesendet.",
        "en": "There is nobody to send to among {group}: nobody is linked or subscribed. "
        "Nothing sent.",
    },
    "announce_queued": {
        "de": "Die Rundmail an {n} Chat(s) liegt im Postausgang; der Bot stellt sie "
        "zu. /postausgang zeigt den Stand.",
        "en": "The announcement to {n} chat(s) is in the outbox; the bot delivers "
        "it. /outbox shows how far it got.",
    },
    "announce_stale": {
        "de": "Diese Vorschau ist nicht mehr aktuell (schon gesendet, abgebrochen oder durch "
        "eine neuere ersetzt). Nichts gesendet.",
        "en": "This preview is no longer current (already sent, cancelled or replaced by a "
        "newer one). Nothing sent.",
    },
    "help_team": {
        "de": "/rundmail GRUPPE TEXT – Nachricht an Bewerbende, Expert:innen, Buddys oder ein "
        "Paar (mit Vorschau)\n"
        "/statistik – Zahlen zu Personen, Fragen, Jour Fixes, Erinnerungen\n"
        "/postausgang – wartende und fehlgeschlagene Nachrichten; nochmal NUMMER\n"
        "/einladungen – nicht eingelöste Einladungen; /einladen #N – die Einladung erneut "
        "(eine abgelaufene neu)",
        "en": "/announce GROUP TEXT – message to applicants, experts, buddies or a pair "
        "(with preview)\n"
        "/stats – people, questions, Jour Fixes, reminders in numbers\n"
        "/outbox – waiting and failed messages; retry NUMBER\n"
        "/invites – invites not redeemed yet; /invite #N – the invite again (an expired one "
        "renewed)",
    },
}
