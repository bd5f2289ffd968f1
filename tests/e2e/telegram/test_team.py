"""The team's /rundmail through Telegram: the admin's preview with its buttons, the
confirmation pressed, the announcement delivered by the outbox to each chat in its
language, a second press sending nothing."""

ADA, BERND, BOB = 401, 402, 403


def test_announce_preview_confirm_button_and_delivery_in_both_languages(bot, api):
    for role, name, user, lang in (
        ("admin", "Ada Admin", ADA, "de"),
        ("buddy", "Bernd Buddy", BERND, "de"),
        ("buddy", "Bob Baker", BOB, "en"),
    ):
        api.user_says(user, f"/start {bot.people.invite(role, name, lang=lang).code}")
        api.wait_for_text(user, name)
    api.user_says(ADA, "/rundmail buddys [de] Teamtreffen am Freitag. [en] Team meeting on Friday.")
    preview = api.wait_for_text(ADA, "Vorschau – an alle Buddys: 2 Chat(s)")
    assert [label for label, _ in preview.buttons] == ["An 2 Chat(s) senden", "Abbrechen"]
    assert bot.tick().sent == 0  # nothing before the button
    api.user_presses(ADA, preview.buttons[0][1], message_id=preview.message_id)
    api.wait_for_text(ADA, "Die Rundmail an 2 Chat(s) liegt im Postausgang")
    assert bot.tick().sent == 2
    assert "Teamtreffen am Freitag." in api.wait_for_text(BERND, "Programmteam").text
    assert "Team meeting on Friday." in api.wait_for_text(BOB, "program team").text
    api.user_presses(ADA, preview.buttons[0][1], message_id=preview.message_id)  # again
    api.wait_for_text(ADA, "nicht mehr aktuell")
    assert bot.tick().sent == 0
    api.user_says(ADA, "/statistik")
    api.wait_for_text(ADA, "Personen: Admin 1, Buddy 2")
