"""An applicant who writes English gets English, also when they type keywords only
("deadlines", "next call", "money"); one English word inside a German question (a
module's name, "Kick-off", "Networking") keeps a German chat German. Common typos of
question and stop words ("teh", "cna", "mcuh", "wehn", "knan") are read as the words
meant, in both languages (found by newcomers typing into the console, tryout2 B1/B2)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from faq.coverage import CoverageRanker
from tests.chat import applicant_router, say

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # the call is open
LATER = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # the program is over


def langs(router, user, *messages):
    """The language of the last reply to each message, in order."""
    return [say(router, user, m)[-1].lang for m in messages]


def test_an_english_keyword_session_is_answered_in_english(matcher, sessions):
    # "deadlines" is also German office speak: the first reply is in the default, but it
    # does not fix the chat's language; the next clear word ("next call") decides
    router = applicant_router(matcher, sessions, APRIL)
    got = langs(router, "cleo", "deadlines", "next call", "money", "funding?", "contact")
    assert got[1:] == ["en"] * 4
    assert "Bewerbungsschluss" not in say(router, "cleo", "timeline pls")[-1].text


@pytest.mark.parametrize("first", ["funding?", "money", "next call", "contact", "timeline pls"])
def test_a_first_english_keyword_is_answered_in_english(matcher, sessions, first):
    router = applicant_router(matcher, sessions, APRIL)
    assert langs(router, "new", first, "deadlines") == ["en", "en"]


@pytest.mark.parametrize("word", ["team?", "budget", "workshop", "online"])
def test_a_word_both_languages_use_fixes_no_language(matcher, sessions, word):
    router = applicant_router(matcher, sessions, APRIL)
    assert langs(router, "de", word, "wie viel geld gibt es?")[-1] == "de"
    assert langs(router, "en", word, "next call") == ["de", "en"]


@pytest.mark.parametrize("now", [APRIL, LATER])
@pytest.mark.parametrize(
    "question",
    ["was ist how to verwaltung", "wann ist der kick-off?", "gibt es ein networking?"],
)
def test_an_english_name_in_a_german_question_is_answered_in_german(
    matcher, sessions, now, question
):
    router = applicant_router(matcher, sessions, now)
    assert langs(router, "new", question) == ["de"]
    router = applicant_router(matcher, sessions, now)
    assert langs(router, "known", "Wann ist Bewerbungsschluss?", question)[-1] == "de"


def test_an_english_question_about_the_german_module_name_stays_english(matcher, sessions):
    router = applicant_router(matcher, sessions, APRIL)
    assert langs(router, "new", "what is how to verwaltung") == ["en"]


def test_an_english_keyword_in_a_german_chat_stays_german(matcher, sessions):
    router = applicant_router(matcher, sessions, APRIL)
    assert langs(router, "de", "Bis wann kann ich mich bewerben?", "next call") == ["de", "de"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("when is teh deadlin", "when is the deadline"),
        ("who cna apply for the program", "who can apply for the program"),
        ("which cities cna apply", "which cities can apply"),
        ("how mcuh funding", "how much funding"),
        ("wehn is the kickoff", "when is the kickoff"),
        ("hwo much funding do we get", "how much funding do we get"),
        ("wer knan sich bewerben", "wer kann sich bewerben"),
        ("wnan ist bewerbungsschluss", "wann ist bewerbungsschluss"),
        ("kann man sich nohc bewerben", "kann man sich noch bewerben"),  # "noch": still open
        ("hwo often are jour fixes", "how often are jour fixes"),  # how often: not said
        ("how long does the projcet tkae", "how long does the project take"),
        ("hw much is the budget", "how much is the budget"),  # chat spellings
        ("wut r the costs of the project", "what are the costs of the project"),
    ],
)
def test_a_typo_of_a_common_word_gets_the_answer_of_the_question_meant(
    matcher, sessions, typed, meant
):
    router = applicant_router(matcher, sessions, APRIL)
    right = say(router, "a", meant)[-1]
    asked_back = ("Meinen Sie", "Do you mean", "Dazu finde ich", "I can't find")
    assert not right.text.startswith(asked_back), "the question meant is one the bot answers"
    assert say(router, "b", typed)[-1].text == right.text


def test_swapped_letters_are_the_word_they_make(kb):
    ranker = CoverageRanker(kb)
    assert ranker._resolve("teh") == ()  # "the"
    assert ranker._resolve("hwo") == ("_how",)  # "how" (its first letter), not "who"
    assert ranker._resolve("veil") == ("_much",)  # "viel"
    assert ranker._resolve("lnog") == ("long",)
    assert ranker._resolve("deadlin") == ("deadlin",)  # as typed, not cut to "deadl"
    # the call's own words are read so by the coverage ranker only ("sing" is no "sign")
    assert ranker.respell("Who cna apply? how lnog does it tkae") == (
        "Who can apply? how lnog does it take"
    )
    assert ranker.respell("form from") == "form from"  # known words stay as they are
    assert ranker._resolve("xqzv") is None
