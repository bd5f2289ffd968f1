"""The router is a registry: features bring their commands, buttons and readers;
a feature whose services are missing is left out whole."""

import pytest

from bot.chat import FEATURES
from bot.chat.faq_replies import FaqReplies
from bot.chat.handlers import Callback, Command, Context, Feature, Services
from bot.chat.router import Router
from bot.messages import Button, Inbound, Outbound
from bot.timeline import Timeline
from storage.models import Role
from tests.chat import make_router


def say(router, text="", data=None, user="u1"):
    return router.handle(Inbound("test", user, "c1", text=text, data=data))


def test_a_new_feature_is_a_module_not_an_edit_of_the_router(matcher):
    def echo(ctx: Context) -> list[Outbound]:
        return [Outbound(" ".join(ctx.args), (Button("again", "echo:again"),))]

    def read(ctx: Context, text: str) -> list[Outbound] | None:
        return [Outbound("heard you")] if text.startswith("psst") else None

    echo_feature = Feature(
        name="echo",
        commands=(Command(("echo",), echo),),
        callbacks=(Callback("echo:", lambda ctx, data: [Outbound(f"pressed {data}")]),),
        read=read,
        help=lambda ctx: "/echo TEXT",
    )
    router = Router(Services(faq=FaqReplies(matcher)), (*FEATURES[:1], echo_feature, *FEATURES[1:]))
    reply = say(router, "/echo hallo welt")[0]
    assert reply.text == "hallo welt" and reply.lang == "de"
    assert say(router, data=reply.buttons[0].data)[0].text == "pressed echo:again"
    assert say(router, "psst, eine Frage")[0].text == "heard you"
    assert "/echo TEXT" in say(router, "/hilfe")[0].text
    assert (
        "Dazu kann ich nichts sagen" in say(router, "Wie ist das Wetter?")[0].text
    )  # FAQ takes the rest


def test_features_without_their_services_are_left_out(matcher, sessions):
    router = make_router(FaqReplies(matcher), timeline=Timeline(sessions))
    names = {f.name for f in router.features}
    assert "jourfixe" not in names and "reminders" in names
    for command in ("/vorher 24h", "/jourfixe", "/frei Di 10-12"):
        assert "kenne ich nicht" in say(router, command)[0].text  # never the generic apology
    assert "nicht mehr gültig" in say(router, data="jf:yes:1")[0].text
    assert "kein Programmdurchgang" in say(router, "/erinnerungen")[0].text  # registered


def test_two_features_cannot_claim_the_same_command(matcher):
    twice = Feature(name="twice", commands=(Command(("hilfe",), lambda ctx: []),))
    with pytest.raises(ValueError, match="/hilfe"):
        Router(Services(faq=FaqReplies(matcher)), (*FEATURES, twice))


def test_the_command_menu_comes_from_the_registry(matcher):
    router = make_router(FaqReplies(matcher))
    german, english = dict(router.menu("de")), dict(router.menu("en"))
    assert german["hilfe"] == "Was der Bot kann" and english["help"] == "What the bot can do"
    assert "help" not in german and "hilfe" not in english
    assert "jourfixe" not in german  # no booking service, no Jour Fixe commands
    assert "invite" not in german and "invite" not in dict(router.menu("de", Role.ADMIN))
