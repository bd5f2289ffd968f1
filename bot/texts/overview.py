"""The team's overview of all Jour Fixes (/treffen, /overview) and its weekly digest."""

TEXTS: dict[str, dict[str, str]] = {
    "ov_title": {"de": "Jour Fixes, Stand {when}", "en": "Jour Fixes as of {when}"},
    "ov_title_page": {
        "de": "Jour Fixes, Stand {when} (Seite {page} von {pages})",
        "en": "Jour Fixes as of {when} (page {page} of {pages})",
    },
    "ov_weeks_one": {"de": "{n} Woche", "en": "{n} week"},
    "ov_weeks_other": {"de": "{n} Wochen", "en": "{n} weeks"},
    "ov_pairs_one": {"de": "{n} Paar", "en": "{n} pair"},
    "ov_pairs_other": {"de": "{n} Paare", "en": "{n} pairs"},
    "ov_none_flagged": {"de": "keines markiert", "en": "none flagged"},
    "ov_flagged": {"de": "⚠ {n} markiert: {why}", "en": "⚠ {n} flagged: {why}"},
    "ov_flag_never": {"de": "{n} noch ohne Jour Fixe", "en": "{n} without any Jour Fixe yet"},
    "ov_flag_quiet": {
        "de": "{n} ohne Jour Fixe in den letzten und den nächsten {span}",
        "en": "{n} with none in the last or the next {span}",
    },
    "ov_totals": {
        "de": "{held} Jour Fixes gehalten. Anfragen: {open} offen, {expired} abgelaufen, "
        "{declined} abgelehnt.",
        "en": "{held} Jour Fixes held. Requests: {open} open, {expired} expired, "
        "{declined} declined.",
    },
    "ov_unpaired": {
        "de": "Expert:innen ohne Buddy ({n}): {names} (/paar EXPERT:IN BUDDY)",
        "en": "Experts without a buddy ({n}): {names} (/pair EXPERT BUDDY)",
    },
    "ov_and_more": {"de": "… und {n} weitere", "en": "… and {n} more"},
    "ov_never": {
        "de": "⚠ noch kein Jour Fixe (Paar seit {since})",
        "en": "⚠ no Jour Fixe yet (paired {since})",
    },
    "ov_quiet": {"de": "⚠ letzter {when}", "en": "⚠ last {when}"},
    "ov_last": {"de": "letzter {when}", "en": "last {when}"},
    "ov_no_last": {"de": "bisher keiner", "en": "none held yet"},
    "ov_next": {"de": "nächster {when}", "en": "next {when}"},
    "ov_no_next": {"de": "keiner geplant", "en": "none planned"},
    "ov_held": {"de": "{n} gehalten", "en": "{n} held"},
    "ov_open": {"de": "{n} offen", "en": "{n} open"},
    "ov_expired": {"de": "{n} abgelaufen", "en": "{n} expired"},
    "ov_declined": {"de": "{n} abgelehnt", "en": "{n} declined"},
    "ov_cancelled": {"de": "{n} abgesagt", "en": "{n} cancelled"},
    "ov_not_linked": {
        "de": "Einladung nicht eingelöst: {name}",
        "en": "invite not redeemed: {name}",
    },
    "ov_more": {
        "de": "Weiter: /treffen {args}",
        "en": "More: /overview {args}",
    },
    "ov_more_button": {"de": "Weiter ›", "en": "More ›"},
    "ov_hint": {
        "de": "Ein Buddy oder ein Paar: /treffen NAME · anderer Zeitraum: /treffen wochen=6",
        "en": "One buddy or pair: /overview NAME · another period: /overview weeks=6",
    },
    "ov_empty": {
        "de": "Noch keine Paare. /paar EXPERT:IN BUDDY bildet eines.",
        "en": "No pairs yet. /pair EXPERT BUDDY makes one.",
    },
    "ov_no_match": {
        "de": "Kein Paar und keine Expert:in passt auf „{ref}“. /treffen zeigt alle.",
        "en": 'No pair or expert matches "{ref}". /overview shows them all.',
    },
    "ov_bad_weeks": {
        "de": "Zeitraum: eine ganze Zahl von 1 bis {limit} Wochen, z. B. /treffen wochen=6",
        "en": "Period: a whole number from 1 to {limit} weeks, e.g. /overview weeks=6",
    },
    "ov_bad_page": {
        "de": "Seite {page} gibt es nicht, es sind {pages}.",
        "en": "There is no page {page}: there are {pages}.",
    },
    "ov_help": {
        "de": "/treffen – Jour Fixes aller Paare (/treffen NAME, /treffen wochen=6)",
        "en": "/overview – every pair's Jour Fixes (/overview NAME, /overview weeks=6)",
    },
    "ov_digest_title": {
        "de": "Wochenübersicht Jour Fixes, Stand {when}",
        "en": "Weekly Jour Fixe overview as of {when}",
    },
    "ov_digest_flagged": {"de": "Markiert:", "en": "Flagged:"},
    "ov_digest_none_flagged": {
        "de": "Kein Paar ist markiert: alle hatten oder haben bald einen Jour Fixe.",
        "en": "No pair is flagged: every pair had one recently or has one coming up.",
    },
    "ov_digest_more": {
        "de": "Alle Paare: /treffen",
        "en": "Every pair: /overview",
    },
}
