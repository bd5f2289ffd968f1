"""The team's /rundmail through a real Synapse: the admin's preview as a numbered
choice, confirmed with a plain "yes", delivered by the outbox in the buddy's language."""

import asyncio

from tests.e2e.matrix.test_matrix import run


def test_announce_confirmed_with_a_plain_yes_in_matrix(bot, human):
    ada, bernd = human("ada"), human("bernd")

    async def scenario():
        rooms = {}
        for person, role, name, lang in (
            (ada, "admin", "Ada", "en"),
            (bernd, "buddy", "Bernd", "de"),
        ):
            await person.login()
            rooms[name] = await person.open_dm(bot.user_id)
            await person.say(rooms[name], f"!start {bot.people.invite(role, name, lang=lang).code}")
            await person.wait_for(name, rooms[name])
        await ada.say(
            rooms["Ada"],
            "!announce buddies [de] Teamtreffen am Freitag. [en] Team meeting on Friday.",
        )
        _, preview = await ada.wait_for("Preview – to all buddies: 1 chat(s)", rooms["Ada"])
        assert "1. Send to 1 chat(s)" in preview and "2. Cancel" in preview
        await ada.say(rooms["Ada"], "yes")
        await ada.wait_for("The announcement to 1 chat(s) is in the outbox", rooms["Ada"])
        await asyncio.to_thread(bot.tick)
        _, body = await bernd.wait_for("Programmteam", rooms["Bernd"])
        assert "Teamtreffen am Freitag." in body and "Team meeting" not in body
        for person in (ada, bernd):
            await person.close()

    run(scenario())
