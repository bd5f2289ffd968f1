"""Texts of follow-ups read against the answer just given (bot.chat.faq_follow)."""

TEXTS = {
    "silent_how_long": {
        "de": "Wie lange das dauert, nennt die Ausschreibung nicht. Sie sagt dazu:",
        "en": "The call for applications does not say how long this takes. What it says:",
    },
    "silent_why": {
        "de": "Einen Grund dafür nennt die Ausschreibung nicht. Sie sagt dazu:",
        "en": "The call for applications gives no reason for this. What it says:",
    },
    "follow_how_long": {
        "de": "Das dauert laut Ausschreibung {duration}.",
        "en": "According to the call, it takes {duration}.",
    },
    "follow_of_topic": {
        "de": "Zu „{topic}“: {said}",
        "en": 'On "{topic}": {said}',
    },
    "follow_days": {
        "de": "Zeitraum: {days}.",
        "en": "Dates: {days}.",
    },
    "follow_until": {
        "de": "Bis zum {end}.",
        "en": "Until {end}.",
    },
    "follow_how_long_days": {
        "de": "Laut Ausschreibung vom {start} bis zum {end}.",
        "en": "According to the call, from {start} to {end}.",
    },
    "faq_what_about": {
        "de": "Gern – was möchten Sie wissen? Fragen Sie einfach in eigenen Worten, zum "
        "Beispiel „Wann ist Bewerbungsschluss?“ oder „Was wird gefördert?“.",
        "en": "Sure – what would you like to know? Just ask in your own words, for example "
        '"When is the deadline?" or "What is funded?".',
    },
    "faq_unclear": {
        "de": "Kurz gesagt: {gist}\nWas genau ist unklar? Fragen Sie gern nach, in eigenen "
        "Worten – oder wenden Sie sich an Lokalprojekte (/kontakt).",
        "en": "In short: {gist}\nWhat exactly is unclear? Just ask again in your own words – "
        "or contact Lokalprojekte (/contact).",
    },
    "faq_unclear_nothing": {
        "de": "Was möchten Sie wissen? Fragen Sie einfach in eigenen Worten, zum Beispiel "
        "„Wann ist Bewerbungsschluss?“ – die Themen zeigt /faq, die Ansprechpartnerinnen "
        "bei Lokalprojekte /kontakt.",
        "en": "What would you like to know? Just ask in your own words, for example "
        '"When is the deadline?" – /faq lists the topics, /contact the contacts at '
        "Lokalprojekte.",
    },
    # "weiß nicht", "keine Ahnung", "no idea": the topics to choose from, never the last answer
    "faq_dont_know": {
        "de": "Kein Problem. Fragen Sie einfach in eigenen Worten, zum Beispiel „Wer kann "
        "sich bewerben?“ – oder wählen Sie ein Thema:",
        "en": 'No problem. Just ask in your own words, for example "Who can apply?" – or '
        "pick a topic:",
    },
    "faq_none_of_them": {
        "de": "Alles klar – was möchten Sie stattdessen wissen? Schreiben Sie Ihre Frage "
        "gern in eigenen Worten. Die Ansprechpartnerinnen bei Lokalprojekte nennt /kontakt.",
        "en": "All right – what would you like to know instead? Just write your question in "
        "your own words. /contact lists the contacts at Lokalprojekte.",
    },
    "silent_extension": {
        "de": "Von einer Verlängerung steht in der Ausschreibung nichts. Sie sagt dazu:",
        "en": "The call says nothing about an extension. What it says:",
    },
    "which_extension": {
        "de": "Welche Verlängerung meinen Sie: die der Bewerbungsfrist oder die des "
        "Einsatzes der Expert:in (sechs Monate)?",
        "en": "Which extension do you mean: of the application deadline, or of the "
        "expert's placement (six months)?",
    },
    "which_extension_deadline": {"de": "Bewerbungsfrist", "en": "Application deadline"},
    "which_extension_placement": {"de": "Einsatz der Expert:in", "en": "The expert's placement"},
    "own_status_feedback": {
        "de": "Wie es um Ihre Bewerbung steht, weiß ich nicht – ich kenne nur die "
        "Ausschreibung, nicht die Bewerbungen. Das sagt Ihnen Lokalprojekte (/kontakt). "
        "Die Ausschreibung sagt dazu:",
        "en": "I cannot know where your application stands – I only know the call, not "
        "the applications. Lokalprojekte will tell you (/contact). What the call says:",
    },
    "own_status_expert_profiles": {
        "de": "Ob Profile für Sie unterwegs sind, kann ich nicht sehen – ich kenne nur die "
        "Ausschreibung. Fragen Sie bei Lokalprojekte nach (/kontakt). Die Ausschreibung "
        "sagt dazu:",
        "en": "I cannot see whether profiles are on their way to you – I only know the "
        "call. Please ask Lokalprojekte (/contact). What the call says:",
    },
    "own_status_contact": {
        "de": "Ob Ihre Bewerbung angekommen ist, kann ich nicht sehen – ich kenne nur die "
        "Ausschreibung, nicht die Bewerbungen. Fragen Sie bei Lokalprojekte nach:",
        "en": "I cannot see whether your application has arrived – I only know the call, "
        "not the applications. Please ask Lokalprojekte:",
    },
}
