"""FAQ answers in the form of the question: Ja/Nein about the deadline as of the day
it is read, what-time questions the call does not answer, follow-ups ("ja?",
"bis wieviel Uhr?") and the short refusal."""

TEXTS: dict[str, dict[str, str]] = {
    "faq_deadline_yes": {
        "de": "Ja, bis {until} – dann ist Bewerbungsschluss.",
        "en": "Yes, until {until} – that is the deadline.",
    },
    "faq_no_hour": {
        "de": "Eine Uhrzeit nennt die Ausschreibung nicht.",
        "en": "The call names no time of day.",
    },
    "faq_deadline_both": {
        "de": "Beides geht: bis {until} – dann ist Bewerbungsschluss.",
        "en": "Either is fine: until {until} – that is the deadline.",
    },
    "faq_deadline_no": {
        "de": "Nein. Bewerbungsschluss ist der {deadline} ({when}).",
        "en": "No. The deadline is {deadline} ({when}).",
    },
    "faq_deadline_no_today": {
        "de": "Nein. Bewerbungsschluss ist der {deadline} (heute) – heute geht es also noch; "
        "eine Uhrzeit nennt die Ausschreibung nicht.",
        "en": "No. The deadline is {deadline} (today) – so today is still in time; the call "
        "names no time of day.",
    },
    "faq_deadline_partly": {
        "de": "Nur bis {until} – dann ist Bewerbungsschluss.",
        "en": "Only until {until} – that is the deadline.",
    },
    "faq_deadline_closed_brief": {
        "de": "Nein – die Bewerbungsfrist endete am {deadline}.",
        "en": "No – the application deadline was {deadline}.",
    },
    "faq_extension_open": {
        "de": "Von einer Verlängerung steht in der Ausschreibung nichts: Bewerbungsschluss "
        "ist {when}, der {deadline}.",
        "en": "The call says nothing about an extension: the deadline is {when}, {deadline}.",
    },
    "faq_extension_closed": {
        "de": "Nein – die Frist endete am {deadline}; von einer Verlängerung steht in der "
        "Ausschreibung nichts.",
        "en": "No – the deadline was {deadline}; the call says nothing about an extension.",
    },
    "until_today": {"de": "heute, {day}", "en": "today, {day}"},
    "until_tomorrow": {"de": "morgen, {day}", "en": "tomorrow, {day}"},
    "until_weekday": {"de": "{weekday}, {day}", "en": "{weekday}, {day}"},
    "until_day": {"de": "zum {day}", "en": "{day}"},
    "weekdays_full": {
        "de": "Montag,Dienstag,Mittwoch,Donnerstag,Freitag,Samstag,Sonntag",
        "en": "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
    },
    "silent_where_deadline": {
        "de": "Wo oder wie Sie die Bewerbung einreichen, nennt die Ausschreibung nicht – nur "
        "bis wann:",
        "en": "The call does not say where or how to hand in the application – only by when:",
    },
    "silent_form": {
        "de": "Ein Bewerbungsformular oder eine Vorlage für die Bewerbung nennt die "
        "Ausschreibung nicht, auch nicht, wo oder wie Sie die Bewerbung einreichen – nur bis "
        "wann:",
        "en": "The call names no application form or template for the application, nor where "
        "or how to hand it in – only by when:",
    },
    "silent_late": {
        "de": "Ob Unterlagen nachgereicht werden können oder was mit verspäteten Bewerbungen "
        "geschieht, sagt die Ausschreibung nicht – nur:",
        "en": "The call does not say whether documents can be sent later or what happens to "
        "late applications – only:",
    },
    "form_sketch_later": {
        "de": "Eine Vorlage nennt sie erst für die Projektskizze ({sketch_phase}, nach den "
        "Vorgesprächen und der Rückmeldung).",
        "en": "It names a template only for the project sketch ({sketch_phase}, after the "
        "preliminary talks and the decision).",
    },
    "faq_apply_until": {
        "de": "Bewerbungsschluss ist {when}, der {deadline}.",
        "en": "The deadline is {when}, {deadline}.",
    },
    "silent_attend": {
        "de": "Wer daran teilnimmt, nennt die Ausschreibung nicht ausdrücklich. Sie sagt, "
        "wen das Begleitprogramm begleitet:",
        "en": "The call does not say who attends. It says whom the accompanying program is for:",
    },
    "silent_after": {
        "de": "Zur Zeit nach dem Programm sagt die Ausschreibung nichts. Sie nennt nur sein Ende:",
        "en": "The call says nothing about the time after the program. It names only its end:",
    },
    "faq_not_a_person": {
        "de": "Nein – bewerben können sich nur Verwaltungen, keine Einzelpersonen. Geflüchtete "
        "und Neuangekommene sind die, denen die Lösungen der Kommunen helfen sollen. Die "
        "Ausschreibung sagt:",
        "en": "No – only administrations can apply, not individuals. Refugees and newcomers "
        "are the people the municipalities' solutions are meant to help. The call says:",
    },
    "silent_become_expert": {
        "de": "Wie man Expert:in im Programm wird, sagt die Ausschreibung nicht – Lokalprojekte "
        "sucht die Profile aus und schlägt sie den Kommunen vor; fragen Sie dort nach (/kontakt). "
        "Die Ausschreibung sagt:",
        "en": "The call does not say how to become one of the experts – Lokalprojekte selects "
        "the profiles and proposes them to the municipalities; ask them (/contact). The call "
        "says:",
    },
    "silent_shortlist": {
        "de": "Wer in der engeren Auswahl ist, nennt die Ausschreibung nicht – nur:",
        "en": "The call does not say who is on the shortlist – only:",
    },
    "silent_applicants": {
        "de": "Wie viele sich bewerben oder in die engere Auswahl kommen, nennt die "
        "Ausschreibung nicht – nur:",
        "en": "The call does not say how many apply or make the shortlist – only:",
    },
    "faq_no_more": {
        "de": "Mehr als das erklärt die Ausschreibung nicht:",
        "en": "The call for applications explains no more than this:",
    },
    "faq_ask_more": {
        "de": "Genauer erklären kann es Lokalprojekte: /kontakt",
        "en": "Lokalprojekte can explain it in more detail: /contact",
    },
    "silent_then": {
        "de": "Was dann gilt, sagt die Ausschreibung nicht – fragen Sie am besten direkt bei "
        "Lokalprojekte nach (/kontakt). Sie sagt dazu:",
        "en": "The call for applications does not say what happens then – best ask "
        "Lokalprojekte directly (/contact). What it says:",
    },
    "silent_outcome": {
        "de": "Was daraus geworden ist, sagt die Ausschreibung nicht – Ergebnisse nennt sie "
        "keine. Sie sagt dazu:",
        "en": "The call for applications does not say what came of it – it gives no "
        "results. What it says:",
    },
    "silent_name": {
        "de": "Einen Namen nennt die Ausschreibung nicht. Sie sagt dazu:",
        "en": "The call for applications names no one. What it says:",
    },
    "silent_who_decides": {
        "de": "Wer darüber entscheidet, nennt die Ausschreibung nicht – nur:",
        "en": "The call does not say who decides this – only:",
    },
    "silent_what_time": {
        "de": "Eine Uhrzeit nennt die Ausschreibung nicht, nur das Datum:",
        "en": "The call names no time of day, only the date:",
    },
    "silent_exact": {
        "de": "Genauer nennt die Ausschreibung es nicht – keinen Tag und keine Uhrzeit:",
        "en": "The call is not more exact than this – no day and no time:",
    },
    "silent_exact_span": {
        "de": "Einen genaueren Tag nennt die Ausschreibung nicht, nur den Zeitraum:",
        "en": "The call names no exact day, only the span of days:",
    },
    "faq_ask_in_doubt": {
        "de": "Im Zweifel fragen Sie bei Lokalprojekte nach ({names}, /kontakt) – {reach}.",
        "en": "If in doubt, ask Lokalprojekte ({names}, /contact) – {reach}.",
    },
    "reach_now": {"de": "jetzt erreichbar", "en": "reachable now"},
    "reach_from": {"de": "erreichbar ab {when}", "en": "reachable from {when}"},
    "faq_really": {
        "de": "So steht es in der Ausschreibung: {gist}\nMeinen Sie etwas anderes? Dann fragen "
        "Sie gern genauer.",
        "en": "That is what the call says: {gist}\nDid you mean something else? Then just ask "
        "in more detail.",
    },
    "smalltalk_ack_again": {"de": "Alles klar.", "en": "All right."},
    "hours_person_now": {
        "de": "{name} ist jetzt erreichbar, heute bis {end} Uhr (Sprechzeiten: {hours}).",
        "en": "{name} can be reached now, today until {end} (office hours: {hours}).",
    },
    "hours_person_open": {
        "de": "{name} ist {day} von {start} bis {end} Uhr erreichbar (Sprechzeiten: {hours}).",
        "en": "{name} can be reached {day} from {start} to {end} (office hours: {hours}).",
    },
    "hours_person_over": {
        "de": "{name} ist heute nicht mehr erreichbar (Sprechzeiten: {hours}); wieder ab {when}.",
        "en": "{name} cannot be reached any more today (office hours: {hours}); back {when}.",
    },
    "hours_person_closed": {
        "de": "{name} ist {day} nicht erreichbar (Sprechzeiten: {hours}).",
        "en": "{name} cannot be reached {day} (office hours: {hours}).",
    },
    "hours_person_closed_today": {
        "de": "{name} ist heute nicht erreichbar (Sprechzeiten: {hours}); wieder ab {when}.",
        "en": "{name} cannot be reached today (office hours: {hours}); back {when}.",
    },
    "hours_others": {
        "de": "{day} erreichen Sie {people}.",
        "en": "{day} you can reach {people}.",
    },
    "hours_nobody": {
        "de": "{day} ist bei Lokalprojekte niemand erreichbar.",
        "en": "{day} nobody at Lokalprojekte can be reached.",
    },
    "hours_nobody_more": {
        "de": "{day} ist bei Lokalprojekte niemand mehr erreichbar; wieder ab {when}.",
        "en": "{day} nobody at Lokalprojekte can be reached any more; back {when}.",
    },
    "hours_span": {"de": "{name} ({start}–{end} Uhr)", "en": "{name} ({start}–{end})"},
    "day_today": {"de": "heute", "en": "today"},
    "day_tomorrow": {"de": "morgen", "en": "tomorrow"},
    "day_on": {"de": "am {weekday}", "en": "on {weekday}"},
    "day_every": {"de": "{weekday}s", "en": "on {weekday}s"},
    "faq_the_others": {
        "de": "Die übrigen Programmteilnehmer:innen und ihre Projekte:",
        "en": "The other participants and their projects:",
    },
    "faq_not_participant": {
        "de": "Nein – {place} ist nicht unter den fünf genannten Teilnehmer:innen:",
        "en": "No – {place} is not among the five participants the call names:",
    },
    "faq_overlap": {
        "de": "Ja, die beiden Zeiträume überschneiden sich:",
        "en": "Yes, the two periods overlap:",
    },
    "faq_no_overlap": {
        "de": "Nein, die beiden Zeiträume überschneiden sich nicht:",
        "en": "No, the two periods do not overlap:",
    },
    "faq_clock": {
        "de": "Es ist {when} Uhr.",
        "en": "It is {when}.",
    },
    "faq_no_hours": {
        "de": "Stunden oder Zeitaufwand nennt die Ausschreibung nicht – weder für die "
        "Expert:in noch für die Pat:in.",
        "en": "The call names no hours or time commitment, neither the expert's nor the mentor's.",
    },
    "faq_no_privacy": {
        "de": "Zum Datenschutz sagt die Ausschreibung nichts. Was dieser Bot über Sie "
        "speichert, zeigt /meinedaten; löschen können Sie es mit /loeschen.",
        "en": "The call says nothing about data protection. What this bot stores about you: "
        "/mydata; erase it with /delete.",
    },
    "faq_no_task": {
        "de": "Das kann ich nicht – ich beantworte nur Fragen zur Ausschreibung. Beim "
        "Schreiben hilft Ihnen Lokalprojekte weiter (/kontakt).",
        "en": "I can't do that – I only answer questions about the call for applications. "
        "Lokalprojekte can help you with writing (/contact).",
    },
    "faq_earlier_years": {
        "de": "Zu früheren Jahren sagt die Ausschreibung nichts – sie beschreibt nur diese "
        "eine Runde des Programms.",
        "en": "The call says nothing of earlier years – it describes only this one round of "
        "the program.",
    },
    "faq_no_other_programs": {
        "de": "Andere Programme nennt die Ausschreibung nicht – sie beschreibt nur "
        "„Integrationsmacher:innen“.",
        "en": "The call names no other programs – it describes only “Integrationsmacher:innen”.",
    },
    "faq_call_language": {
        "de": "Die Ausschreibung ist auf Deutsch geschrieben; eine Fassung in einer anderen "
        "Sprache nennt sie nicht. Fragen dazu beantworte ich auch auf Englisch.",
        "en": "The call is written in German; it names no version in another language. I "
        "answer questions about it in English too.",
    },
    "faq_no_language": {
        "de": "In welcher Sprache die Bewerbung sein soll, sagt die Ausschreibung nicht (sie "
        "selbst ist auf Deutsch geschrieben).",
        "en": "The call does not say in which language to apply (it is itself written in German).",
    },
    "faq_from_the_call": {
        "de": "Das steht so in der Ausschreibung:",
        "en": "That is what the call for applications says:",
    },
    "faq_no_link": {
        "de": "Einen Link nennt der Text der Ausschreibung nicht (dort steht nur „[LINK]“).",
        "en": 'The text of the call gives no link (it only says "[LINK]").',
    },
    "faq_call_silent": {
        "de": "Das sagt die Ausschreibung nicht.",
        "en": "The call for applications does not say this.",
    },
    "silent_contacts_again": {
        "de": "Fragen Sie gern bei Lokalprojekte nach (/kontakt).",
        "en": "Feel free to ask Lokalprojekte (/contact).",
    },
    "not_sure_contacts": {
        "de": "Fragen Sie gern direkt bei Lokalprojekte nach – {names}; Telefon und "
        "Termine: /kontakt.",
        "en": "Feel free to ask Lokalprojekte directly – {names}; phone and booking: /contact.",
    },
    "not_sure_again": {
        "de": "Dazu finde ich in der Ausschreibung keine sichere Antwort (Kontakt: /kontakt).",
        "en": "I can't find a reliable answer to that in the call (contacts: /contact).",
    },
}
