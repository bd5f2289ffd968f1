"""Erased means erased on Matrix too: the bot (`imbot run --matrix`, a process of its
own) leaves and forgets the erased person's encrypted DM, and neither its data
directory (every file byte by byte, the crypto store's SQLite file included) nor the
database holds their Matrix user id, device, identity key or room id. One person
erases themselves in chat; the other is erased with `imbot admin erase` from another
process while the bot is down, and the restarted bot carries the erasure out."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from storage.db import make_engine
from storage.models import Base, OutboxRow
from storage.repo import session_factory
from tests.e2e.matrix.conftest import BotProcess

FRED = "Fred Zyxwuster"


def imbot(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [str(Path(sys.executable).with_name("imbot")), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def file_hits(folder: Path, needles: list[str]) -> list[str]:
    """Every file under `folder` whose name or bytes hold a needle."""
    found = []
    for path in sorted(folder.rglob("*")):
        data = path.read_bytes() if path.is_file() else b""
        for needle in needles:
            if needle.encode() in data or needle in str(path):
                found.append(f"{path.relative_to(folder)}: {needle}")
    return found


def database_hits(sessions, needles: list[str]) -> list[str]:
    """Every value in every table of the database that holds a needle."""
    found = []
    with sessions() as s:
        for table in Base.metadata.sorted_tables:
            for row in s.execute(select(table)):
                for column, value in row._mapping.items():
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("utf-8", "replace")
                    if isinstance(value, str) and any(n in value for n in needles):
                        found.append(f"{table.name}.{column}: {value[:80]!r}")
    return found


def wait_until(condition, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.2)


def test_erased_people_leave_no_trace_in_the_matrix_store_or_the_database(synapse, tmp_path, human):
    running: list[BotProcess] = []
    try:
        asyncio.run(scenario(synapse, tmp_path, human, running))
    finally:
        for bot in running:
            bot.stop()


async def scenario(synapse, tmp_path, human, running: list[BotProcess]) -> None:
    bot = BotProcess(synapse, tmp_path, IMBOT_TICK_SECONDS="1")
    running.append(bot)
    env = bot.env
    data_dir = Path(env["IMBOT_DATA_DIR"])
    eve, fred = human("eve", encrypted=True), human("fred", encrypted=True)
    for person in (eve, fred):
        await person.login()
    rooms = {"eve": await eve.open_dm(bot.user_id, encrypted=True)}
    await eve.wait_for("Hallo! Ich bin der Bot", rooms["eve"])
    await eve.say(rooms["eve"], "Wer kann sich bewerben?")
    await eve.wait_for("Städte, Kommunen und Behörden", rooms["eve"])
    before = len(eve.received)
    await eve.say(rooms["eve"], "!naechste")  # a message when the next call opens
    await eve.until(lambda: len(eve.received) > before, "the bot confirms")
    out = await asyncio.to_thread(imbot, env, "admin", "invite", "--role", "expert", "--name", FRED)
    code = re.search(r"code:\s+(\S+)", out).group(1)
    rooms["fred"] = await fred.open_dm(bot.user_id, encrypted=True)
    await fred.say(rooms["fred"], f"!start {code}")
    await fred.wait_for("Willkommen, Fred", rooms["fred"])

    needles = [rooms["eve"], rooms["fred"]]
    for person in (eve, fred):
        needles += [
            person.user_id,
            person.client.device_id,
            person.client.olm.account.identity_keys["curve25519"],
        ]
    sessions = session_factory(make_engine(env["IMBOT_DATABASE_URL"]))
    # the scan can fail: before the erasure the store knows both, their devices and rooms
    store = file_hits(data_dir, needles)
    for needle in needles:
        assert any(hit.endswith(needle) for hit in store), (needle, store)
    assert database_hits(sessions, [eve.user_id, fred.user_id, *rooms.values()])

    # Eve erases herself in chat: the reply comes first, then the bot leaves
    before = len(eve.received)
    await eve.say(rooms["eve"], "!loeschen ja")
    await eve.wait_for("gelöscht", rooms["eve"], after=before)
    await eve.until(
        lambda: bot.user_id not in eve.client.rooms[rooms["eve"]].users, "the bot leaves"
    )
    assert await asyncio.to_thread(bot.stop) == 0, bot.output

    # Fred is erased by an admin while the bot is down: the instruction waits in the database
    await asyncio.to_thread(imbot, env, "admin", "erase", FRED, "--yes")
    with sessions() as s:
        waiting = s.scalars(
            select(OutboxRow).where(OutboxRow.kind == "forget", OutboxRow.state == "pending")
        ).all()
        assert [(r.chat_id, r.text) for r in waiting] == [(rooms["fred"], fred.user_id)]
    bot = BotProcess(synapse, tmp_path, user_id=bot.user_id, IMBOT_TICK_SECONDS="1")
    running.append(bot)
    await fred.until(
        lambda: bot.user_id not in fred.client.rooms[rooms["fred"]].users,
        "the restarted bot leaves",
        timeout=60,
    )

    def carried_out() -> bool:
        with sessions() as s:
            states = s.scalars(select(OutboxRow.state).where(OutboxRow.kind == "forget")).all()
        return len(states) == 2 and set(states) == {"sent"}

    await asyncio.to_thread(wait_until, carried_out, "both forget instructions are carried out")
    assert await asyncio.to_thread(bot.stop) == 0, bot.output
    assert "Traceback" not in bot.output
    assert file_hits(data_dir, needles) == []
    assert database_hits(sessions, needles) == []
    with sessions() as s:
        forgets = s.scalars(select(OutboxRow).where(OutboxRow.kind == "forget")).all()
        assert all((r.chat_id, r.text, r.dedupe_key) == ("", "", f"erased:{r.id}") for r in forgets)
    for person in (eve, fred):
        await person.close()


def test_a_dm_that_became_a_group_is_not_left(bot, human):
    """Anna linked her account in a DM and then invited Tom into it: erasing her does not
    take the bot away from Tom (the room is no longer hers alone); the instruction is
    still carried out and stripped."""
    anna, tom = human("anna"), human("tom")
    code = bot.people.invite("expert", "Anna Gruppe").code

    async def scenario() -> None:
        await anna.login()
        await tom.login()
        room = await anna.open_dm(bot.user_id)
        await anna.say(room, f"!start {code}")
        await anna.wait_for("Willkommen, Anna", room)
        await anna.client.room_invite(room, tom.user_id)
        await tom.client.join(room)
        await anna.until(lambda: len(anna.client.rooms[room].users) == 3, "Tom joins")
        await anna.say(room, "Wer kann sich bewerben?")  # the bot sees Tom in the room
        await anna.wait_for("Städte, Kommunen und Behörden", room)
        await asyncio.to_thread(bot.people.erase_ref, "Anna Gruppe")
        stats = await asyncio.to_thread(bot.tick)
        assert stats.sent == 1
        with bot.service.sessions() as s:
            [row] = s.scalars(select(OutboxRow).where(OutboxRow.kind == "forget")).all()
        assert (row.state, row.chat_id, row.text) == ("sent", "", "")
        await tom.say(room, "Bis wann kann man sich bewerben?")
        await tom.wait_for("3. Mai 2023", room)  # the bot is still there for Tom
        assert bot.user_id in tom.client.rooms[room].users
        for person in (anna, tom):
            await person.close()

    asyncio.run(scenario())
