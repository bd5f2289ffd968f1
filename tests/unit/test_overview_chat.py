"""/treffen (/overview): the team's overview in chat, for admins only, in pages that
fit a phone; the digest's setting."""

from __future__ import annotations

from datetime import time

import pytest

from bot.app.config import ConfigError, Settings
from bot.booking.digest import PAGE_SIZE, Weekly
from bot.chat.faq_replies import FaqReplies
from bot.messages import Inbound
from tests.chat import make_router, say
from tests.overview_seed import seed


@pytest.fixture
def world(sessions, matcher):
    jf, people, clock, ids = seed(sessions)
    router = make_router(FaqReplies(matcher), clock=clock, people=people, booking=jf)
    return router, people, ids


def test_the_admin_sees_summary_and_flagged_pairs_first_in_german(world):
    router, _, _ = world
    [reply] = say(router, "ada", "/treffen")
    text = reply.text
    assert text.startswith("Jour Fixes, Stand Mo 13.04. 09:00\n")
    assert (
        "5 Paare, ⚠ 4 markiert: 3 noch ohne Jour Fixe, 1 ohne Jour Fixe in den letzten und "
        "den nächsten 4 Wochen." in text
    )
    assert "2 Jour Fixes gehalten. Anfragen: 1 offen, 2 abgelaufen, 2 abgelehnt." in text
    assert "Expert:innen ohne Buddy (1): Gustav (/paar EXPERT:IN BUDDY)" in text
    order = [text.index(f"\n{name} – ") for name in ("Eva", "Frieda", "Hanna", "Emil", "Erika")]
    assert order == sorted(order)
    assert "Eva – Bernd\n   ⚠ noch kein Jour Fixe (Paar seit 02.03.2026)\n" in text
    assert "Einladung nicht eingelöst: Eva" in text
    assert "Emil – Bernd\n   ⚠ letzter Di 03.03. 11:00 · keiner geplant\n" in text
    assert "   1 gehalten · 2 abgelaufen · 1 abgelehnt" in text
    assert "Erika – Bernd\n   letzter Di 07.04. 10:00 · nächster Do 16.04. 15:00\n" in text
    assert reply.buttons == ()  # one page
    assert text.endswith("anderer Zeitraum: /treffen wochen=6")


def test_english_for_an_english_admin_and_the_period(world):
    router, people, _ = world
    people.redeem(people.invite("admin", "Ann", lang="en").code, "console", "ann", "ann")
    text = say(router, "ann", "/overview weeks=6")[0].text
    assert text.startswith("Jour Fixes as of Mon 13 Apr 09:00\n")
    assert "5 pairs, ⚠ 3 flagged: 3 without any Jour Fixe yet." in text
    assert "Emil – Bernd\n   last Tue 3 Mar 11:00 · none planned\n" in text  # not flagged at 6
    assert "Experts without a buddy (1): Gustav (/pair EXPERT BUDDY)" in text
    assert "⚠ 1 flagged" in say(router, "ann", "/jourfixes weeks=1 Emil")[0].text


@pytest.mark.parametrize("user", ["erika", "bernd", "stranger"])
def test_everyone_else_is_refused(world, user):
    router, _, _ = world
    for command in ("/treffen", "/overview", "/jourfixes Bernd"):
        [reply] = say(router, user, command)
        refused = "nur für Admins da" in reply.text or "only for admins." in reply.text
        assert refused and "Erika" not in reply.text
    [pressed] = say(router, user, data="ov:2:0:")
    assert "Erika" not in pressed.text and "Bernd" not in pressed.text


def test_not_in_a_group_chat(world):
    router, _, _ = world
    [reply] = router.handle(Inbound("console", "ada", "group", text="/treffen", private=False))
    assert "Emil" not in reply.text


def test_a_buddy_or_a_pair_by_name_and_what_matches_nothing(world):
    router, _, ids = world
    text = say(router, "ada", "/treffen Berta")[0].text
    assert "2 Paare" in text and "Frieda – Berta" in text and "Erika" not in text
    assert "Erika – Bernd" in say(router, "ada", f"/treffen #{ids['Erika']}")[0].text
    assert "Gustav" in say(router, "ada", '/treffen "gustav"')[0].text
    assert "passt auf „Zorro“" in say(router, "ada", "/treffen Zorro")[0].text
    assert "von 1 bis 52 Wochen" in say(router, "ada", "/treffen wochen=99")[0].text
    assert "von 1 bis 52 Wochen" in say(router, "ada", "/treffen wochen=x")[0].text
    assert "Seite 4 gibt es nicht, es sind 1." in say(router, "ada", "/treffen 4")[0].text


def test_many_pairs_come_in_pages_that_fit_a_phone(world):
    router, people, ids = world
    for i in range(20):  # a buddy with six experts and more
        info = people.invite("expert", f"Expertin {i:02d}")
        people.pair(f"#{info.person_id}", f"#{ids['Bernd' if i < 6 else 'Berta']}")
    [first] = say(router, "ada", "/treffen")
    assert "(Seite 1 von 4)" in first.text and "25 Paare" in first.text
    assert first.text.count(" – ") == PAGE_SIZE
    assert first.text.endswith("Weiter: /treffen 2") and len(first.buttons) == 1
    pages, reply = [first.text], first
    while reply.buttons:
        [reply] = say(router, "ada", data=reply.buttons[0].data)
        pages.append(reply.text)
    assert len(pages) == 4 and "(Seite 4 von 4)" in pages[-1]
    assert all(len(p) < 2000 for p in pages)  # Telegram's limit is 4,096
    assert all(len(line) <= 110 for p in pages for line in p.splitlines())
    shown = [line for p in pages for line in p.splitlines() if " – " in line and "⚠" not in line]
    assert len(shown) == len(set(shown)) == 25  # every pair once
    assert "Paare" not in pages[1]  # the summary only on the first page
    bernd = say(router, "ada", "/treffen Bernd")[0].text  # 9 pairs: two pages
    assert "(Seite 1 von 2)" in bernd and bernd.endswith("Weiter: /treffen Bernd 2")
    assert "Seite 2 von 2" in say(router, "ada", "/treffen Bernd 2")[0].text
    assert "wochen=6 2" in say(router, "ada", "/treffen wochen=6")[0].text


def test_help_names_the_command_for_admins_only(world):
    router, _, _ = world
    assert "/treffen – Jour Fixes aller Paare" in say(router, "ada", "/hilfe")[0].text
    assert "/treffen" not in say(router, "erika", "/hilfe")[0].text


def test_the_digest_setting():
    assert Weekly.parse("") is None and Weekly.parse("off") is None
    assert Weekly.parse("on") == Weekly(0, time(8, 0))
    assert Weekly.parse("Fr 14:30") == Weekly(4, time(14, 30))
    assert Weekly.parse("donnerstag 9") == Weekly(3, time(9, 0))
    assert Weekly.parse("Mo. 8.30 Uhr") == Weekly(0, time(8, 30))
    for bad in ("monday", "08:00", "xy 10:00", "mo 25:00"):
        with pytest.raises(ValueError):
            Weekly.parse(bad)
    env = {"IMBOT_DATABASE_URL": "sqlite://", "IMBOT_MEETINGS_DIGEST": "mo 08:00"}
    assert Settings.from_env(env).meetings_digest == Weekly(0, time(8, 0))
    assert Settings.from_env({"IMBOT_DATABASE_URL": "sqlite://"}).meetings_digest is None
    with pytest.raises(ConfigError, match="IMBOT_MEETINGS_DIGEST"):
        Settings.from_env({**env, "IMBOT_MEETINGS_DIGEST": "sometimes"})
    weeks = Settings.from_env({**env, "IMBOT_OVERVIEW_WEEKS": "6"}).rules.overview_weeks
    assert weeks == 6


@pytest.mark.parametrize(
    "text",
    [
        "Wer hat noch keinen Jour Fixe?",
        "Übersicht Jour Fixes",
        "who has not booked a jour fixe yet?",
        "overview of the meetings please",
        "Welche Paare hatten lange keine Treffen?",
        "which pairs have not met yet?",
        "Welche Paare haben sich noch nicht getroffen?",
    ],
)
def test_an_admin_asking_in_plain_words_gets_the_overview(world, text):
    router, _, _ = world
    [reply] = say(router, "ada", text)
    assert reply.text.startswith(("Jour Fixes, Stand", "Jour Fixes as of")), text


@pytest.mark.parametrize(
    "who, text",
    [("ada", "Wie oft finden die Jour Fixes statt?"), ("erika", "Wer hat noch keinen Jour Fixe?")],
)
def test_other_questions_about_jour_fixes_are_not_the_overview(world, who, text):
    router, _, _ = world
    assert not any("Stand Mo" in r.text or "Eva – Bernd" in r.text for r in say(router, who, text))


def test_a_pair_with_none_held_yet_and_one_ahead(world):
    router, _, ids = world
    text = say(router, "ada", "/treffen Hanna")[0].text
    assert "⚠ noch kein Jour Fixe" in text
    jf = router.services.booking
    [m] = jf.request(ids["Hanna"], jf.slots(ids["Hanna"], limit=1)[0])
    jf.decide(ids["Berta"], m.id, accept=True)
    text = say(router, "ada", "/treffen Hanna")[0].text
    assert "Hanna – Berta\n   bisher keiner · nächster Mi 15.04. 10:00" in text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_pair_made_after_the_clocks_now_is_not_dated_in_the_future(world, lang):
    """tryout6 #23: the demo's pairs carry the real date; a chat clock set earlier
    (--now 2023-10-09) showed "Paar seit 27.11.2026". A pair's date is never after now."""
    router, people, _ = world
    if lang == "en":
        people.redeem(people.invite("admin", "Ann", lang="en").code, "console", "ann", "ann")
    clock = router.services.booking._clock
    clock.now = clock.now.replace(day=1, month=2)  # before Eva and Bernd were paired
    command = "/treffen Eva" if lang == "de" else "/overview Eva"
    text = say(router, "ada" if lang == "de" else "ann", command)[0].text
    if lang == "de":
        assert "Eva – Bernd\n   ⚠ noch kein Jour Fixe (Paar seit 01.02.2026)\n" in text, text
    else:
        assert "Eva – Bernd\n   ⚠ no Jour Fixe yet (paired 1 Feb 2026)" in text, text
    assert "02.03.2026" not in text and "2 Mar 2026" not in text
