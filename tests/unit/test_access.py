"""Access control: every role-restricted command refuses other roles, clearly."""

import pytest

from bot.chat.faq_replies import FaqReplies
from bot.people import People
from storage.models import Role
from tests.chat import make_router, say


@pytest.fixture
def router(matcher, sessions):
    people = People(sessions)
    router = make_router(FaqReplies(matcher), people=people, telegram_bot="imbot_test_bot")
    for role in ("expert", "buddy", "admin"):
        code = people.invite(role, f"{role.title()} Person").code
        say(router, role, f"/start {code}")
    return router


RESTRICTED = ["/invite expert Neu Person", "/pair 1 2", "/people", "/revoke 1"]


@pytest.mark.parametrize("command", RESTRICTED)
@pytest.mark.parametrize("user", ["stranger", "expert", "buddy"])
def test_admin_commands_refuse_everyone_else(router, user, command):
    reply = say(router, user, command)[0].text
    # the command's name is English: so is the reply, also to people invited in German
    # who never chose a language (a command's name counts like words)
    assert f"The command {command.split()[0]} is only for admins." in reply
    if user != "stranger":  # a chosen language wins over the command's name
        say(router, user, "/sprache de")
        chosen = say(router, user, command)[0].text
        assert f"Der Befehl {command.split()[0]} ist nur für Admins da" in chosen


@pytest.mark.parametrize("command", ["/einladen expert Neu Person", "/personen"])
def test_german_aliases_are_restricted_too(router, command):
    assert "nur für Admin" in say(router, "buddy", command)[0].text


def test_admin_may(router):
    reply = say(router, "admin", "/invite expert Neu Person")[0].text
    assert "https://t.me/imbot_test_bot?start=" in reply
    assert "Neu Person" in say(router, "admin", "/people")[0].text
    assert (
        "Expert Person now has Buddy Person as buddy" in say(router, "admin", "/pair 1 2")[0].text
    )


def test_the_router_declares_roles_in_one_table(router):
    assert "invite" in router.commands_for(Role.ADMIN)
    assert "invite" not in router.commands_for(Role.EXPERT)
    assert "meinedaten" in router.commands_for(Role.APPLICANT)


def test_help_shows_admin_commands_only_to_admins(router):
    assert "/einladen" in say(router, "admin", "/hilfe")[0].text
    assert "/einladen" not in say(router, "expert", "/hilfe")[0].text


def test_each_help_lists_its_own_language_s_command_names(router):
    german = say(router, "admin", "/hilfe")[0].text
    say(router, "admin", "/sprache en")
    english = say(router, "admin", "/help")[0].text
    for name in ("/invite", "/pair", "/people", "/revoke"):
        assert name not in german
    for name in ("/einladen", "/paar", "/personen", "/sperren"):
        assert name in german and name not in english


def test_german_role_words_are_accepted(router):
    reply = say(router, "admin", "/einladen expertin Erika Muster sprache=en")[0].text
    assert "Einladung für Erika Muster (Expert:in)" in reply
    assert (
        "Einladung für Bea Buddy (Buddy)"
        in say(router, "admin", "/einladen buddy Bea Buddy")[0].text
    )
    assert "Unbekannte Rolle „chefin“" in say(router, "admin", "/einladen chefin X Y")[0].text


@pytest.mark.parametrize("name", ['"Berta Beispiel"', "„Berta Beispiel“", "'Berta Beispiel'"])
def test_an_invited_name_in_quotes_is_stored_without_them(router, name):
    assert "Berta Beispiel" in say(router, "admin", f"/einladen buddy {name}")[0].text
    people = say(router, "admin", "/personen")[0].text
    assert "Berta Beispiel" in people and '"Berta' not in people and "„Berta" not in people
    assert "Berta Beispiel als Buddy" in say(router, "admin", '/paar 1 "Berta Beispiel"')[0].text


def test_experts_and_buddies_get_no_applicant_reminders_in_their_help(router):
    for who in ("expert", "buddy"):
        text = say(router, who, "/hilfe")[0].text
        assert "/erinnerungen" not in text and "/naechste" not in text and "/kontakt" in text
    assert "/erinnerungen" in say(router, "someone", "/hilfe")[0].text  # an applicant


@pytest.mark.parametrize(
    ("command", "said"),
    [
        ("/paar Fatma Yilmaz Bernd Buddy", "Fatma Yilmaz hat jetzt Bernd Buddy als Buddy"),
        ("/pair fatma yilmaz bernd buddy", "Fatma Yilmaz now has Bernd Buddy as buddy"),
        ("/paar Fatma Bernd Buddy", "Fatma Yilmaz hat jetzt Bernd Buddy als Buddy"),
    ],
)
def test_two_names_without_quotes_are_read_when_one_cut_names_both(router, command, said):
    people = router.services.people
    people.invite("expert", "Fatma Yilmaz")
    people.invite("buddy", "Bernd Buddy")
    assert said in say(router, "admin", command)[0].text


def test_two_names_without_quotes_that_cut_two_ways_ask_for_quotes(router):
    people = router.services.people
    people.invite("expert", "Anna Maria")
    people.invite("buddy", "Maria Berg")
    people.invite("buddy", "Berg")  # "Anna Maria | Berg" and "Anna | Maria Berg" both fit
    reply = say(router, "admin", "/paar Anna Maria Berg")[0].text
    assert "Anführungszeichen" in reply, reply
