"""Every scripted dialogue in tests/dialogues/scripts, on SQLite and on PostgreSQL."""

import pytest

from storage.repo import session_factory
from tests.dialogues.script import SCRIPTS, Dialogue, load

CASES = [(path, i) for path in sorted(SCRIPTS.glob("*.yaml")) for i in range(len(load(path)))]


@pytest.mark.parametrize(
    ("path", "index"), CASES, ids=[f"{p.stem}-{load(p)[i]['name']}" for p, i in CASES]
)
def test_dialogue(path, index, engine, matcher):
    script = load(path)[index]
    Dialogue(script, session_factory(engine), matcher).run(script["steps"])
