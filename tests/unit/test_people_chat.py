"""Invites and privacy through the router, as a person experiences them in chat."""

import pytest

from bot.chat.faq_replies import FaqReplies
from bot.people import People
from tests.chat import make_router, say


@pytest.fixture
def people(sessions):
    return People(sessions)


@pytest.fixture
def router(matcher, people):
    return make_router(FaqReplies(matcher), people=people)


def test_start_with_code_welcomes_in_the_persons_language(router, people):
    code = people.invite("buddy", "Bernd Buddy", lang="en").code
    assert (
        "Welcome, Bernd Buddy! You are now signed in as buddy"
        in say(router, text=f"/start {code}")[0].text
    )
    assert "What I can do" in say(router, text="/help")[0].text  # the person's language sticks


@pytest.mark.parametrize(("code", "expected"), [("nonsense", "kenne ich nicht")])
def test_start_with_bad_code(router, code, expected):
    assert expected in say(router, text=f"/start {code}")[0].text


def test_mydata_for_an_applicant_says_nothing_is_stored(router):
    assert "nichts gespeichert" in say(router, text="/meinedaten")[0].text
    assert "nichts gespeichert" in say(router, text="/loeschen")[0].text


def test_mydata_and_delete_with_confirmation(router, people):
    say(router, text=f"/start {people.invite('expert', 'Erika').code}")
    data = say(router, text="/meinedaten")[0].text
    assert data.startswith("Das ist über Sie gespeichert:\n\nIhre Angaben\n• Name: Erika\n")
    # the English command's name is answered in English (a command's name counts like words)
    assert say(router, text="/mydata")[0].text.startswith("This is stored about you:")
    assert "• Konsole, Konto u1, verknüpft am " in data and "platform" not in data

    confirm = say(router, text="/loeschen")[0]
    assert "Wirklich löschen?" in confirm.text and len(confirm.buttons) == 2
    assert "Nichts gelöscht" in say(router, data=confirm.buttons[1].data)[0].text
    assert people.whois("console", "u1") is not None
    assert "Ihre Daten sind gelöscht" in say(router, data=confirm.buttons[0].data)[0].text
    assert people.whois("console", "u1") is None
    assert "nichts gespeichert" in say(router, text="/meinedaten")[0].text


def test_mydata_reads_as_a_letter_in_the_readers_language_and_time(router, people):
    say(router, "ann", f"/start {people.invite('buddy', 'Ann Smith', lang='en').code}")
    letter = say(router, "ann", "/mydata")[0].text
    assert letter.startswith("This is stored about you:\n\nAbout you\n• Name: Ann Smith\n")
    assert "• Role: buddy" in letter and "• Language: English" in letter
    assert "Your chat accounts\n• console, account ann, linked on " in letter
    assert "+00:00" not in letter and "_" not in letter.replace("Ann Smith", "")


def test_delete_ja_shortcut(router, people):
    say(router, text=f"/start {people.invite('buddy', 'B').code}")
    assert "gelöscht" in say(router, text="/loeschen ja")[0].text
    assert people.whois("console", "u1") is None


def test_a_forged_erase_button_cannot_erase_someone_else(router, people):
    say(router, "victim", f"/start {people.invite('expert', 'Victim').code}")
    say(router, "mallory", f"/start {people.invite('expert', 'Mallory').code}")
    victim_id = people.whois("console", "victim").person_id
    reply = say(router, "mallory", data=f"erase:yes:{victim_id}")[0].text
    assert "nicht mehr gültig" in reply
    assert people.whois("console", "victim") is not None


def test_language_choice_is_stored_for_known_people(router, people):
    say(router, text=f"/start {people.invite('expert', 'E').code}")
    say(router, text="/sprache en")
    assert people.whois("console", "u1").lang == "en"


def test_an_expired_invite_is_refused_in_the_invitees_language(router, people, sessions):
    from datetime import UTC, datetime, timedelta

    from bot.people import People

    past = People(sessions, lambda: datetime.now(UTC) - timedelta(days=30))
    code = past.invite("expert", "Ann Smith", lang="en").code
    reply = say(router, "ann", f"/start {code}")[0]
    assert reply.text.startswith("This invite code has expired") and reply.lang == "en"
    said = say(router, "ann", "/sprache de")  # a language chosen in the chat wins
    assert said[0].lang == "de"
    assert say(router, "ann", f"/start {code}")[0].text.startswith(
        "Dieser Einladungscode ist abgelaufen"
    )


def test_a_command_s_name_sets_the_language_for_someone_without_one(router):
    assert say(router, "new", "/help")[0].text.startswith("What I can do")
    assert say(router, "new", "/hilfe")[0].text.startswith("Das kann ich")
    assert say(router, "new", "/start", lang_hint="en")[0].text.startswith("Hello!")


def test_matrix_numbers_choices_in_the_words_of_the_message():
    from bot.adapters.matrix import _render
    from bot.messages import Button, Outbound

    english = Outbound("Erika would like a Jour Fixe on Tue 3 Mar 10:00.", (Button("Yes", "y"),))
    assert _render(english)[0].endswith("(Reply with the number)")
    german = Outbound("Erika möchte einen Jour Fixe am Di 03.03. 10:00.", (Button("Ja", "y"),))
    assert _render(german)[0].endswith("(Antworten Sie mit der Nummer)")


def test_a_message_without_a_language_gets_the_one_the_chat_last_wrote_in(router):
    assert say(router, "zoe", "Who can apply?")[0].lang == "en"
    assert say(router, "zoe", "/start xyz")[0].text.startswith("I don't know this invite code")
    say(router, "zoe", "/hilfe")
    assert say(router, "zoe", "/start xyz")[0].text.startswith("Diesen Einladungscode kenne")


@pytest.mark.parametrize(
    "words, lang",
    [
        ("ich möchte alle meine daten löschen", "de"),
        ("Löschen Sie bitte meine Daten", "de"),
        ("lösch mein Konto", "de"),
        ("please delete all my data", "en"),
        ("erase me", "en"),
    ],
)
def test_asking_in_words_to_erase_asks_to_confirm_the_erasure(matcher, sessions, words, lang):
    """Try-out 4 (P3): an expert's "ich möchte alle meine daten löschen" opened "Welchen
    Termin absagen?" with her meetings. Words never erase by themselves: the same
    confirmation as /loeschen."""
    from datetime import UTC, datetime, time

    from bot.booking.service import JourFixe
    from bot.booking.timeparse import Window
    from tests.clock import Clock
    from tests.people import pair_with_buddy

    clock = Clock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    people, jf = People(sessions, clock), JourFixe(sessions, clock)
    router = make_router(FaqReplies(matcher), people=people, booking=jf, clock=clock)
    tuesdays = [Window(time(10), time(12), weekday=1)]
    ids = pair_with_buddy(people, jf, "Bernd", ["Erika"], tuesdays, platform="console")
    jf.request(ids["Erika"], jf.slots(ids["Erika"], limit=1)[0])
    reply = say(router, "erika", words, lang_hint=lang)[0]
    assert [b.data.split(":")[0] for b in reply.buttons] == ["erase", "erase"], reply.text
    assert jf.upcoming(ids["Erika"])  # nothing erased, nothing cancelled yet


@pytest.mark.parametrize("words", ["was speichert ihr über mich?", "what do you store about me"])
def test_asking_in_words_what_is_stored_shows_my_data(router, people, words):
    say(router, text=f"/start {people.invite('expert', 'Erika').code}")
    assert "Erika" in say(router, text=words)[0].text


def test_revoking_asks_first_with_what_it_means_then_names_whom_to_pair(router, people):
    """Try-out 4 (T26, T27): /sperren cancelled at once; now one question says how many
    experts lose their buddy, and the reply names them for /paar."""
    for role, name, login in (("admin", "Ada", "u1"), ("buddy", "Bernd", "b"),
                              ("expert", "Erika", "e"), ("expert", "Emil", "m")):  # fmt: skip
        people.redeem(people.invite(role, name).code, "console", login, login)
    people.invite("admin", "Anna")  # a second admin (not linked)
    for expert in ("Erika", "Emil"):
        people.pair(expert, "Bernd")
    [ask] = say(router, text="/sperren Bernd")
    assert ask.text == (
        "Bernd sperren? Danach kann Bernd den Bot nur noch für /meinedaten und /loeschen "
        "nutzen.\n• 2 Expert:innen verlieren damit ihren Buddy (sie werden informiert)."
    )
    assert [b.label for b in ask.buttons] == ["Ja, sperren", "Nein"]
    assert say(router, data=ask.buttons[1].data)[0].text == "Nichts geändert."
    assert people.whois("console", "b").role.value == "buddy"  # nothing happened
    [done, told] = say(router, data=ask.buttons[0].data)
    assert done.text.endswith(
        "\nOhne Buddy sind jetzt: Emil, Erika. Neu zuordnen: /paar EXPERT:IN BUDDY"
    )
    assert told.to.chat_id == "b" and told.text.startswith("Sie nehmen nicht mehr am")
    assert people.whois("console", "b").role.value == "applicant"
    again = say(router, data=ask.buttons[0].data)[0].text  # pressed twice
    assert again == "Bernd ist schon gesperrt oder gelöscht – nichts geändert."
    assert say(router, text="/sperren Bernd")[0].text == again
    # typed with "ja"/"yes": done at once, as /loeschen ja
    [done, _] = say(router, text="/revoke Erika yes")
    assert done.text.startswith("Erika is revoked") and not done.buttons
