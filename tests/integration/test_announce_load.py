"""`imbot admin announce` to 20,000 recipients on SQLite and PostgreSQL: written in
chunks (the databases cap parameters per statement), in one transaction."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, insert, select

from bot import cli
from bot.timeline import Timeline
from jobs.editions import default_edition_text
from storage import outbox
from storage.models import Edition, OutboxRow, Subscription
from storage.repo import session_factory

N = 20_000


def test_announce_to_20000_applicants_queues_every_one(engine, monkeypatch, capsys):
    sessions = session_factory(engine)
    Timeline(sessions).load(default_edition_text())
    now = datetime.now(UTC)
    with sessions() as s:
        edition = s.scalar(select(Edition.id))
        s.execute(
            insert(Subscription),
            [
                {"edition_id": edition, "platform": "telegram", "user_id": str(i),
                 "chat_id": str(i), "lang": "de", "created_at": now}
                for i in range(N)
            ],
        )  # fmt: skip
        s.commit()
    monkeypatch.setenv("IMBOT_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    code = cli.main(
        ["admin", "announce", "--to", "applicants", "--text", "Hallo alle", "--yes", "--wait", "0"]
    )
    assert code == 0, capsys.readouterr().err
    with sessions() as s:
        rows = s.scalar(select(func.count()).where(OutboxRow.kind == "announce"))
        chats = s.scalar(select(func.count(func.distinct(OutboxRow.chat_id))))
    assert rows == N and chats == N


def test_a_failing_chunk_queues_nothing(engine):
    sessions = session_factory(engine)
    now = datetime.now(UTC)
    drafts = [
        outbox.Draft("announce", f"a:{i}", "telegram", str(i), "Hallo", now)
        for i in range(2 * outbox.ENQUEUE_CHUNK + 10)
    ]
    drafts[-1] = outbox.Draft("announce", "a:bad", "telegram", None, "Hallo", now)  # NOT NULL
    with sessions() as s, pytest.raises(Exception):  # noqa: B017 - either driver's error
        outbox.enqueue(s, drafts, now)
        s.commit()
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(OutboxRow)) == 0
