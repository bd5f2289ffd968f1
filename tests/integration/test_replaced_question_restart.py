"""jf6 kept the open question a later list replaced in memory only: after a restart a
typed "2" from /termine ("Vorschlag ablehnen") declined the buddy's suggestion at once.
The chat's row keeps the replaced question with the choices, so the number is asked
back after a restart too (and a question open before a restart is kept aside when a
list replaces it after)."""

from __future__ import annotations

from datetime import timedelta

from storage.chats import ChatStates, export
from tests.integration.test_open_choices import say, world  # noqa: F401 (fixture)


def _suggestion_taken(router):
    [offer] = say(router, "erika", "/jourfixe")
    say(router, "erika", data=offer.buttons[0].data)
    say(router, "erika", "2")  # every week: the request goes to the buddy
    told = say(router, "bernd", "nein, aber 11 uhr ginge")
    assert any(r.to is not None and "11:00" in r.text for r in told)
    [series] = say(router, "erika", "1")  # take the suggestion: only this one, or all?
    assert "nur diesen Termin oder ab hier alle" in series.text


def test_a_question_a_list_replaced_is_still_asked_about_after_a_restart(world):  # noqa: F811
    start, router, clock, sessions = world
    _suggestion_taken(router)
    say(router, "erika", "/termine")  # a list that replaces the question
    router.save_chats()
    saved = ChatStates(sessions).load("telegram", "erika")
    assert saved is not None and "Ab hier alle" in [c[0] for c in saved.replaced]
    assert "nur diesen Termin oder ab hier alle" in saved.replaced_prompt
    with sessions() as session:  # /meinedaten shows what is kept
        [kept] = export(session, [("telegram", "erika")])
    assert "Ab hier alle" in kept["replaced_choices"]
    clock.now += timedelta(minutes=5)
    again = start()  # the process restarted: nothing in memory
    replies = say(again, "erika", "2")
    assert len(replies) == 1 and replies[0].to is None  # bernd is told nothing
    assert "Vorschlag ablehnen" in replies[0].text
    assert "nur diesen Termin oder ab hier alle" in replies[0].text


def test_a_question_open_before_a_restart_is_kept_when_a_list_replaces_it(world):  # noqa: F811
    start, router, clock, _ = world
    _suggestion_taken(router)
    router.save_chats()
    again = start()  # restarted while the series question is open
    say(again, "erika", "/termine")
    replies = say(again, "erika", "2")
    assert len(replies) == 1 and replies[0].to is None
    assert "nur diesen Termin oder ab hier alle" in replies[0].text
