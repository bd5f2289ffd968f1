"""A call is a bundle (edition, call text, knowledge base), on SQLite and a real
PostgreSQL: loaded together, checked together, and the running bot answers from the
active edition's knowledge base without a restart."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.app.config import Settings
from bot.app.wiring import build_router
from bot.timeline import Timeline
from jobs.editions import EditionError, default_edition_text
from storage.models import Edition
from storage.repo import session_factory
from tests.bundles import SIX, write_call_bundle
from tests.chat import say
from tests.clock import Clock

BERLIN = ZoneInfo("Europe/Berlin")
ASK = "Wie viele Projekte werden gefördert?"


@pytest.fixture
def sessions(engine):
    return session_factory(engine)


@pytest.fixture
def router(sessions, tmp_path):
    clock = Clock(datetime(2023, 4, 20, 10, 0, tzinfo=BERLIN))
    Timeline(sessions, clock).load(default_edition_text())
    settings = Settings(database_url="sqlite://unused", data_dir=tmp_path)
    return build_router(settings, clock=clock, sessions=sessions)


def test_a_corrected_bundle_changes_the_running_bots_answers(router, sessions, tmp_path, kb):
    assert say(router, "anna", ASK)[0].text.startswith("Gefördert werden deutschlandweit fünf")
    bundle = write_call_bundle(tmp_path / "b", kb_changes=SIX, call_changes=SIX[:1])
    other_process = Timeline(sessions, kb=kb)  # `imbot admin edition load` elsewhere

    dry = other_process.load(bundle.read_text(encoding="utf-8"), bundle.parent, dry_run=True)
    assert dry.kb_entries == len(kb)
    assert "fünf" in say(router, "anna", ASK)[0].text  # a dry run changes nothing

    report = other_process.load(bundle.read_text(encoding="utf-8"), bundle.parent)
    assert report.kb_entries == len(kb) and report.edition.kb_file == "kb.yaml"
    answer = say(router, "anna", ASK)[0].text
    assert answer.startswith("Gefördert werden deutschlandweit sechs Projekte.")
    assert say(router, "anna", "Werden fünf Projekte gefördert?")[0].text.startswith("Nein.")
    en = say(router, "tom", "How many projects are funded?", lang_hint="en")[0].text
    assert en.startswith("Six projects across Germany are funded.")
    groups = say(router, "anna", "/faq")[0].buttons  # the topics of the new knowledge base
    assert sum(len(say(router, "anna", data=b.data)[0].buttons) for b in groups) == len(kb)
    with sessions() as s:
        stored = s.query(Edition.kb_version, Edition.kb_source).filter_by(slug="2023").one()
        assert stored.kb_version and "sechs Projekte" in stored.kb_source

    other_process.load(default_edition_text())  # the shipped bundle again
    assert "fünf" in say(router, "anna", ASK)[0].text
    with sessions() as s:
        assert s.query(Edition.kb_version).filter_by(slug="2023").scalar() is None


def test_the_bundle_is_checked_as_a_whole_and_nothing_is_stored(router, sessions, tmp_path, kb):
    broken = write_call_bundle(
        tmp_path / "b",
        kb_changes=[
            *SIX,
            ('de: "Gefördert werden deutschlandweit sechs', 'de: "Gefördert werden {projects}'),
            ("- id: contact\n", "- id: contacts\n"),
        ],
        call_changes=[("deutschlandweit fünf Projekte", "bundesweit sechs Projekte")],
    )
    with pytest.raises(EditionError) as exc:
        Timeline(sessions, kb=kb).load(broken.read_text(encoding="utf-8"), broken.parent)
    assert str(exc.value).splitlines() == [
        "FAQ number_of_projects: its source passage is not in the call's text",
        "FAQ: the knowledge base needs an entry 'contact' (the bot names the contacts from it "
        "when it cannot answer)",
        "milestone 'projects' is missing (the texts of FAQ number_of_projects use it)",
    ]
    (broken.parent / "kb.yaml").write_text("- id: x\n  topic: {de: X}\n", encoding="utf-8")
    with pytest.raises(EditionError, match="knowledge base kb.yaml entry 1: missing 'section'"):
        Timeline(sessions, kb=kb).load(broken.read_text(encoding="utf-8"), broken.parent)
    (broken.parent / "kb.yaml").unlink()
    with pytest.raises(EditionError, match="the knowledge base 'kb.yaml' is not beside"):
        Timeline(sessions, kb=kb).load(broken.read_text(encoding="utf-8"), broken.parent)
    with sessions() as s:
        assert s.query(Edition.kb_version).filter_by(slug="2023").scalar() is None
    assert "fünf" in say(router, "anna", ASK)[0].text


def test_questions_arriving_during_a_switch_build_the_new_matcher_once(sessions, tmp_path, kb):
    import threading

    from bot.app.wiring import ActiveMatcher

    class Counting(ActiveMatcher):
        builds: list = []

        def _build(self, version):
            self.builds.append(version)
            return super()._build(version)

    timeline = Timeline(sessions, kb=kb)
    timeline.load(default_edition_text())
    active = Counting(timeline)
    assert "fünf" in active().kb.get("number_of_projects").answer["de"]
    bundle = write_call_bundle(tmp_path / "b", kb_changes=SIX, call_changes=SIX[:1])
    timeline.load(bundle.read_text(encoding="utf-8"), bundle.parent)
    barrier, seen = threading.Barrier(8), []

    def ask():
        barrier.wait()
        seen.append(active())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(Counting.builds) == 2 and Counting.builds[0] is None  # shipped, then the new
    assert len({id(m) for m in seen}) == 1
    assert "sechs" in seen[0].kb.get("number_of_projects").answer["de"]
