"""Ask the team: the hand-off of a question the bot cannot answer, the team's
answer, /offen and the weekly digest."""

TEXTS: dict[str, dict[str, str]] = {
    "handoff_button": {"de": "Frage ans Team weiterleiten", "en": "Ask the team"},
    # a question, so that a typed "ja" / "yes" forwards it (as the button does)
    "handoff_offer": {
        "de": "Soll ich Ihre Frage an das Team von Lokalprojekte weiterleiten? Das Team sieht "
        "dann nur den Text Ihrer Frage (nicht Ihren Namen), und eine Person antwortet Ihnen "
        "hier im Chat.",
        "en": "Shall I pass your question on to the Lokalprojekte team? They see only the text "
        "of your question (not your name), and a person answers you here in this chat.",
    },
    "choice_which_team": {
        "de": "Meinen Sie „{topic}“ (1), oder soll ich Ihre Frage an das Team von "
        "Lokalprojekte weiterleiten (2)? Bitte tippen Sie 1 oder 2.",
        "en": "Do you mean “{topic}” (1), or shall I pass your question on to the "
        "Lokalprojekte team (2)? Please type 1 or 2.",
    },
    "handoff_offer_or": {
        "de": "Sonst: Soll ich Ihre Frage an das Team von Lokalprojekte weiterleiten? Das Team "
        "sieht dann nur den Text Ihrer Frage (nicht Ihren Namen), und eine Person antwortet "
        "Ihnen hier im Chat.",
        "en": "If not: shall I pass your question on to the Lokalprojekte team? They see only "
        "the text of your question (not your name), and a person answers you here in this chat.",
    },
    "handoff_sent": {
        "de": "Danke! Ihre Frage ist als Nr. {n} beim Team von Lokalprojekte. Eine Person "
        "antwortet Ihnen hier im Chat, meist noch heute (Sprechzeiten: {hours}).",
        "en": "Thanks! Your question is with the Lokalprojekte team as no. {n}. A person will "
        "answer you here in this chat, usually today (office hours: {hours}).",
    },
    "handoff_sent_later": {
        "de": "Danke! Ihre Frage ist als Nr. {n} für das Team von Lokalprojekte notiert. "
        "Gerade ist niemand da (Sprechzeiten: {hours}). Wenn das Team wieder da ist "
        "({when}), ist Ihre Frage als eine der ersten dran, und eine Person antwortet Ihnen "
        "hier im Chat.",
        "en": "Thanks! Your question is noted for the Lokalprojekte team as no. {n}. Nobody is "
        "in right now (office hours: {hours}). When the team is back ({when}), your question "
        "is among the first in line, and a person will answer you here in this chat.",
    },
    "handoff_already": {
        "de": "Ihre Frage ist schon beim Team (Nr. {n}). Die Antwort kommt hier im Chat.",
        "en": "Your question is already with the team (no. {n}). The answer will come here.",
    },
    "handoff_nobody": {
        "de": "Gerade kann ich keine Frage an das Team weiterleiten. Bitte wenden Sie sich "
        "direkt an Lokalprojekte – /kontakt zeigt, wie.",
        "en": "I can't pass questions on to the team right now. Please contact Lokalprojekte "
        "directly – /contact shows how.",
    },
    "office_span": {"de": "{days} {start}–{end} Uhr", "en": "{days} {start}–{end}"},
    "team_question": {
        "de": "❓ Frage #{n} an das Team ({language}, {platform}, {when}):\n„{question}“\n\n"
        "Antworten Sie mit {cmd} {n} und Ihrem Text – oder direkt auf diese Nachricht. Ihre "
        "Antwort geht so, wie Sie sie schreiben, an die fragende Person.",
        "en": '❓ Question #{n} for the team ({language}, {platform}, {when}):\n"{question}"\n\n'
        "Answer with {cmd} {n} and your text – or reply to this message. Your answer goes to "
        "the person who asked exactly as you write it.",
    },
    "team_question_late": {
        "de": "❓ Frage #{n} an das Team – kam außerhalb der Sprechzeiten ({language}, {platform}, "
        "{when}):\n„{question}“\n\nAntworten Sie mit {cmd} {n} und Ihrem Text – oder direkt "
        "auf diese Nachricht. Ihre Antwort geht so, wie Sie sie schreiben, an die fragende "
        "Person.",
        "en": "❓ Question #{n} for the team – it came outside office hours ({language}, {platform}, "
        '{when}):\n"{question}"\n\nAnswer with {cmd} {n} and your text – or reply to this '
        "message. Your answer goes to the person who asked exactly as you write it.",
    },
    "team_answer": {
        "de": "Antwort vom Team von Lokalprojekte auf Ihre Frage „{question}“:\n\n{answer}",
        "en": 'The Lokalprojekte team\'s answer to your question "{question}":\n\n{answer}',
    },
    "answer_sent": {
        "de": "Ihre Antwort auf Frage #{n} ist unterwegs zur fragenden Person; die Frage ist "
        "als beantwortet markiert. Mit /beispiel {n} EINTRAG nehmen Sie die Frage als "
        "Beispielfrage in die FAQ auf.",
        "en": "Your answer to question #{n} is on its way to the person who asked; the "
        "question is marked answered. /example {n} ENTRY adds the question to the FAQ as an "
        "example question.",
    },
    "answer_usage": {
        "de": "So antworten Sie auf eine weitergeleitete Frage: /antwort NUMMER IHR TEXT, "
        "z. B. /antwort 12 Ja, das geht. /offen zeigt die Fragen mit ihren Nummern.",
        "en": "To answer a forwarded question: /answer NUMBER YOUR TEXT, e.g. /answer 12 "
        "Yes, that works. /open lists the questions with their numbers.",
    },
    "answer_too_long": {
        "de": "Die Antwort ist zu lang (höchstens {limit} Zeichen). Nichts wurde gesendet.",
        "en": "The answer is too long (at most {limit} characters). Nothing was sent.",
    },
    "answer_already": {
        "de": "Frage #{n} ist schon beantwortet ({when}). Eine zweite Antwort sende ich nicht.",
        "en": "Question #{n} has already been answered ({when}). I won't send a second answer.",
    },
    "answer_not_forwarded": {
        "de": "Frage #{n} wurde nicht ans Team weitergeleitet: Niemand wartet auf eine "
        "Antwort. /beispiel {n} EINTRAG nimmt sie als Beispielfrage auf, /verwerfen {n} legt "
        "sie ab.",
        "en": "Question #{n} was not forwarded to the team: nobody is waiting for an answer. "
        "/example {n} ENTRY adds it as an example question, /dismiss {n} puts it aside.",
    },
    "question_unknown": {
        "de": "Eine Frage #{n} gibt es nicht (mehr). /offen zeigt die Fragen mit ihren Nummern.",
        "en": "There is no question #{n} (any more). /open lists the questions with their numbers.",
    },
    "team_number_usage": {
        "de": "Bitte nennen Sie die Nummer der Frage, z. B. /{command} 12. /offen zeigt die "
        "Nummern.",
        "en": "Please give the question's number, e.g. /{command} 12. /open shows the numbers.",
    },
    "dismiss_forwarded": {
        "de": "Auf Frage #{n} wartet jemand: Beantworten Sie sie mit /antwort {n} IHR TEXT "
        "(oder löschen Sie sie mit /entfernen {n}).",
        "en": "Someone is waiting for an answer to question #{n}: answer it with /answer {n} "
        "YOUR TEXT (or delete it with /remove {n}).",
    },
    "dismiss_answered": {
        "de": "Frage #{n} ist schon beantwortet; es gibt nichts abzulegen.",
        "en": "Question #{n} has already been answered; there is nothing to put aside.",
    },
    "dismiss_dismissed": {
        "de": "Frage #{n} ist schon abgelegt.",
        "en": "Question #{n} has already been put aside.",
    },
    "dismiss_added": {
        "de": "Frage #{n} ist schon eine Beispielfrage von „{entry}“; es gibt nichts abzulegen.",
        "en": 'Question #{n} is already an example question of "{entry}"; there is nothing to '
        "put aside.",
    },
    "dismissed_done": {
        "de": "Frage #{n} ist abgelegt ({count}× gestellt). /offen zeigt sie unter „Abgelegt“.",
        "en": 'Question #{n} is put aside (asked {count}×). /open lists it under "Put aside".',
    },
    "deleted_done": {
        "de": "Frage #{n} ist gelöscht ({count}× gestellt), mit ihren Nachrichten im Postausgang.",
        "en": "Question #{n} is deleted (asked {count}×), with its messages in the outbox.",
    },
    "example_usage": {
        "de": "So nehmen Sie eine Frage als Beispielfrage auf: /beispiel NUMMER EINTRAG, z. B. "
        "/beispiel 12 eligibility. /offen zeigt die Nummern. Die Einträge: {entries}",
        "en": "To add a question as an example question: /example NUMBER ENTRY, e.g. /example "
        "12 eligibility. /open shows the numbers. The entries: {entries}",
    },
    "example_no_file": {
        "de": "Hier ist keine Beispieldatei eingerichtet (IMBOT_FAQ_EXAMPLES).",
        "en": "No examples file is set up here (IMBOT_FAQ_EXAMPLES).",
    },
    "example_unknown_entry": {
        "de": "Einen FAQ-Eintrag „{entry}“ gibt es nicht. {close}",
        "en": 'There is no FAQ entry "{entry}". {close}',
    },
    "example_close": {"de": "Meinen Sie: {ids}?", "en": "Did you mean: {ids}?"},
    "example_all": {"de": "Die Einträge: {ids}", "en": "The entries: {ids}"},
    "example_exists": {
        "de": "Frage #{n} ist schon eine Beispielfrage von „{entry}“.",
        "en": 'Question #{n} is already an example question of "{entry}".',
    },
    "example_added": {
        "de": "Frage #{n} ist jetzt eine Beispielfrage von „{entry}“ ({file}). Ab der nächsten "
        "Frage erkennt der Bot sie.",
        "en": 'Question #{n} is now an example question of "{entry}" ({file}). The bot '
        "recognises it from the next question on.",
    },
    "open_head": {
        "de": "Fragen, die der Bot nicht beantworten konnte:",
        "en": "Questions the bot could not answer:",
    },
    "open_forwarded": {
        "de": "Weitergeleitet, warten auf Antwort ({count}):",
        "en": "Forwarded, waiting for an answer ({count}):",
    },
    "open_open": {"de": "Offen, meistgestellte zuerst:", "en": "Open, most asked first:"},
    "open_answered": {"de": "Zuletzt beantwortet:", "en": "Recently answered:"},
    "open_dismissed": {
        "de": "Abgelegt oder als Beispiel aufgenommen:",
        "en": "Put aside or added as an example:",
    },
    "open_item": {
        "de": "#{n} „{question}“ ({language}, {when}){extra}",
        "en": '#{n} "{question}" ({language}, {when}){extra}',
    },
    "open_item_late": {"de": " – außerhalb der Sprechzeiten", "en": " – outside office hours"},
    "open_item_count": {"de": " – {count}× gestellt", "en": " – asked {count}×"},
    "open_item_example": {"de": " – Beispiel für {entry}", "en": " – example of {entry}"},
    "open_more": {"de": "… und {n} weitere", "en": "… and {n} more"},
    "open_none": {
        "de": "Keine. Der Bot konnte bisher alles beantworten.",
        "en": "None. The bot could answer everything so far.",
    },
    "open_foot": {
        "de": "/antwort N TEXT beantwortet, /verwerfen N legt ab, /entfernen N löscht, "
        "/beispiel N EINTRAG nimmt eine Frage in die FAQ auf.",
        "en": "/answer N TEXT answers, /dismiss N puts aside, /remove N deletes, /example N "
        "ENTRY adds a question to the FAQ.",
    },
    "digest_head": {
        "de": "Wochenüberblick: die häufigsten Fragen der letzten {days} Tage, die der Bot "
        "nicht beantworten konnte:",
        "en": "Weekly digest: the most asked questions of the last {days} days that the bot "
        "could not answer:",
    },
    "digest_item": {"de": "• #{n} ({count}×) „{question}“", "en": '• #{n} ({count}×) "{question}"'},
    "digest_foot": {
        "de": "/offen zeigt alle; /beispiel N EINTRAG nimmt eine Frage in die FAQ auf.",
        "en": "/open shows them all; /example N ENTRY adds a question to the FAQ.",
    },
    "md_team": {"de": "Ihre Fragen an das Team", "en": "Your questions to the team"},
    "md_team_item": {
        "de": "Nr. {n}, weitergeleitet {at}: „{question}“",
        "en": 'No. {n}, forwarded {at}: "{question}"',
    },
    "md_team_answer": {
        "de": " – Antwort {at}: „{answer}“",
        "en": ' – answer {at}: "{answer}"',
    },
    "help_handoff": {
        "de": "Fragen ans Team:\n/offen – offene, weitergeleitete und beantwortete Fragen\n"
        "/antwort N TEXT – eine weitergeleitete Frage beantworten (oder auf sie antworten)\n"
        "/verwerfen N, /entfernen N – ablegen, löschen\n"
        "/beispiel N EINTRAG – als Beispielfrage in die FAQ aufnehmen",
        "en": "Questions for the team:\n/open – open, forwarded and answered questions\n"
        "/answer N TEXT – answer a forwarded question (or reply to it)\n"
        "/dismiss N, /remove N – put aside, delete\n"
        "/example N ENTRY – add it to the FAQ as an example question",
    },
}
