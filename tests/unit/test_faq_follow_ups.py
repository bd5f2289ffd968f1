"""Short follow-ups read against the answer just given (issue 14, applicants' chat):
"und wie lange?", "und wo?", "ist das schon vorbei?", "und dann?", "wie viele?",
"von wem?" right after an answer are about that answer's thing (its duration, its
place, its date, the next step of the timeline) before they are a new question.
Also a greeting before a question, and name small talk. Phrasings are our own,
German and English."""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, text
from tests.clock import Clock

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # Thu 10:00 in Berlin, the call is open
MAY = datetime(2023, 5, 5, 9, 0, tzinfo=UTC)  # Fri 11:00, the talks are next week


def _router(matcher, sessions, now, clock=None):
    return applicant_router(matcher, sessions, now, clock=clock)


@pytest.fixture
def april(matcher, sessions):
    return _router(matcher, sessions, APRIL)


@pytest.fixture
def may(matcher, sessions):
    return _router(matcher, sessions, MAY)


def after(router, first, follow_up):
    text(router, first)
    return text(router, follow_up)


# -- how long: the duration of the thing just answered ------------------------------------


@pytest.mark.parametrize(
    ("first", "follow_up", "said"),
    [
        ("vorgespräche", "und wie lange?", "60 bis 90 Minuten"),
        ("wann sind die vorgespräche", "wie lange dauern die?", "60 bis 90 Minuten"),
        ("vorgespräche", "wie lang geht das", "60 bis 90 Minuten"),
        ("preliminary talks", "how long?", "60 to 90 minutes"),
        ("when are the interviews", "and how long do they take?", "60 to 90 minutes"),
        ("abschlussevent", "wie lange?", "einen Tag"),
        ("wann ist das abschlussevent", "und wie lange geht das?", "einen Tag"),
        ("closing event", "how long is it", "one day"),
    ],
)
def test_how_long_is_the_duration_of_the_thing_just_answered(april, first, follow_up, said):
    reply = after(april, first, follow_up)
    assert said in reply
    assert "sechs Monate" not in reply and "six months" not in reply
    # just the duration: not the whole answer again
    assert "Robert Bosch" not in reply and "engeren Auswahl" not in reply
    assert "shortlisted" not in reply


def test_how_long_without_an_answer_before_is_the_project(april):
    assert "sechs Monate" in text(april, "wie lange dauert das projekt?")


# -- where: the place of the thing just answered ------------------------------------------


@pytest.mark.parametrize(
    ("first", "follow_up", "silent"),
    [
        ("vorgespräche", "und wo?", "Einen Ort nennt die Ausschreibung dafür nicht."),
        ("vorgespräche", "online oder vor ort?", "Einen Ort nennt die Ausschreibung dafür nicht."),
        ("wann sind die vorgespräche", "finden die online statt?", "Einen Ort nennt"),
        ("preliminary talks", "where?", "The call for applications does not say where."),
        (
            "preliminary talks",
            "online or in person?",
            "The call for applications does not say where.",
        ),
        ("einführungstage", "und wo sind die?", "Einen Ort nennt"),
    ],
)
def test_where_after_an_answer_says_the_call_names_no_place(april, first, follow_up, silent):
    reply = after(april, first, follow_up)
    assert reply.startswith(silent)
    assert "Meinen Sie" not in reply and "Do you mean" not in reply


# -- when / is it over: the date of the thing just answered -------------------------------


def test_is_it_over_is_about_the_talks_just_answered(may):
    text(may, "wann sind die vorgespräche")
    reply = text(may, "ist das schon vorbei?")
    assert reply.startswith("Nein.")
    assert "Vorgespräche" in reply.split("\n")[0]
    assert "Bewerbungsfrist" not in reply


def test_is_it_over_in_english(may):
    text(may, "when are the preliminary talks")
    reply = text(may, "is that already over?")
    assert reply.startswith("No.")
    assert "deadline" not in reply.split("\n")[0]


def test_is_it_over_after_a_past_step_is_yes(may):
    text(may, "bewerbungsschluss")
    assert text(may, "ist das schon vorbei?").startswith("Ja.")


@pytest.mark.parametrize(
    ("follow_up", "said"),
    [
        ("und wann fängt die person an?", "Oktober 2023"),
        ("wann beginnt die dann?", "Oktober 2023"),
        ("and when does the person start?", "October 2023"),
    ],
)
def test_when_does_the_person_start_after_the_choice(april, follow_up, said):
    first = "expert choice" if follow_up.startswith("and") else "expertenauswahl"
    reply = after(april, first, follow_up)
    assert said in reply
    assert "keine sichere Antwort" not in reply and "reliable answer" not in reply


@pytest.mark.parametrize(
    ("follow_up", "start"),
    [
        ("bis wann genau, uhrzeit?", "Eine Uhrzeit nennt die Ausschreibung nicht"),
        ("und um wieviel uhr genau?", "Eine Uhrzeit nennt die Ausschreibung nicht"),
    ],
)
def test_what_time_after_the_deadline(april, follow_up, start):
    assert after(april, "bewerbungsschluss", follow_up).startswith(start)


def test_what_time_after_the_deadline_in_english(april):
    reply = after(april, "deadline", "until when exactly, what time?")
    assert reply.startswith("The call names no time of day")


@pytest.mark.parametrize(
    ("first", "question", "said"),
    [
        ("wann ist das kickoff", "bis wann kann ich mich bewerben", "3. Mai 2023"),
        ("wann ist das kickoff", "bis wann muss die bewerbung rein", "3. Mai 2023"),
        ("projektphase", "bis wann können wir uns bewerben?", "3. Mai 2023"),
        ("when is the kick-off", "until when can we apply?", "3 May 2023"),
        ("when is the kick-off", "by when do applications have to be in?", "3 May 2023"),
    ],
)
def test_by_when_naming_the_application_is_the_deadline_whatever_came_before(
    april, first, question, said
):
    """ "bis wann kann ich mich bewerben" right after the kick-off's answer (a month, no
    day) is a new question, the welcome text's own example: not "by when" of the
    kick-off. "bis wann genau?" with no topic still asks about the answer before."""
    reply = after(april, first, question)
    assert said in reply.split("\n\n")[0]
    assert "Kick-off" not in reply and "kick-off" not in reply


def test_by_when_exactly_still_reads_the_dated_answer_before(april):
    reply = after(april, "wann ist die projektskizze", "bis wann genau?")
    assert "31. Mai 2023" in reply and "3. Mai 2023" not in reply


@pytest.mark.parametrize(
    ("first", "follow_up", "lead"),
    [
        ("wer kann sich bewerben?", "und landkreise?", "Ja."),
        ("wer kann sich bewerben?", "und vereine?", "Nein."),
        ("who can apply?", "and counties?", "Yes."),
        ("who can apply?", "and charities?", "No."),
    ],
)
def test_and_a_kind_of_applicant_is_asked_as_yes_or_no(april, first, follow_up, lead):
    """ "und Landkreise?" right after who can apply: the question before with counties
    in its place, answered "Ja." (tryout5 A3: the answer came again with no verdict)."""
    assert after(april, first, follow_up).startswith(lead)


def test_and_something_the_answer_does_not_settle_is_a_new_question(april):
    reply = after(april, "wer kann sich bewerben?", "und das geld?")
    assert not reply.startswith(("Ja.", "Nein.", "Bewerben können"))


# -- the next step of the timeline -------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "follow_up", "said", "not_said"),
    [
        ("vorgespräche", "und dann?", "Rückmeldung", "Dazu kann ich nichts sagen"),
        ("vorgespräche", "was kommt danach?", "Rückmeldung", "Zwischen dem 10. Mai"),
        ("when are the preliminary talks", "and then?", "decision", "I can't help with that"),
        ("when are the preliminary talks", "what happens next?", "decision", "Between 10 May"),
        ("expertenauswahl", "und danach?", "Kick-off", "wählen Sie"),
    ],
)
def test_and_then_is_the_next_step(april, first, follow_up, said, not_said):
    reply = after(april, first, follow_up)
    assert said in reply.split("\n\n")[0]
    assert not_said not in reply


# -- how many / from whom / how: the thing just answered ----------------------------------


@pytest.mark.parametrize(
    ("first", "follow_up", "said"),
    [
        ("profile", "wie viele?", "ein bis drei"),
        ("profile", "von wem?", "Lokalprojekte"),
        ("profile", "und wer schickt die?", "Lokalprojekte"),
        ("candidate profiles", "how many?", "one to three"),
        ("candidate profiles", "from whom?", "Lokalprojekte"),
        ("wie viele projekte werden gefördert", "und wie viel geld gibt es pro projekt?", "3.000"),
    ],
)
def test_how_many_and_who_are_about_the_answer_just_given(april, first, follow_up, said):
    reply = after(april, first, follow_up)
    assert said in reply
    assert "Meinen Sie" not in reply and "Do you mean" not in reply


@pytest.mark.parametrize(
    ("first", "follow_up", "start"),
    [
        ("bewerbungsschluss", "und wie reiche ich ein?", "Wo oder wie Sie die Bewerbung"),
        ("bewerbungsschluss", "wie schicke ich das?", "Wo oder wie Sie die Bewerbung"),
        ("deadline", "and how do i submit?", "The call does not say where or how"),
    ],
)
def test_how_to_hand_in_after_the_deadline(april, first, follow_up, start):
    assert after(april, first, follow_up).startswith(start)


# -- how many days are left --------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("wie viele tage hab ich noch", "13 Tagen"),
        ("wieviel zeit bleibt uns noch?", "13 Tagen"),
        ("how many days left", "13 days"),
        ("how much time do we have left?", "13 days"),
    ],
)
def test_how_many_days_left_is_the_deadline(april, question, said):
    reply = text(april, question)
    assert said in reply
    assert "Einführungstage" not in reply and "Introduction days" not in reply


def test_how_many_days_left_right_after_the_deadline(april):
    assert "13 Tagen" in after(april, "wann ist bewerbungsschluss", "wie viele tage noch?")


# -- a greeting or a sentence about oneself before the question ---------------------------


def test_a_greeting_and_a_topic_is_answered(april):
    reply = text(april, "guten abend, ich hätte eine frage zur förderung")
    assert not reply.startswith("Dazu kann ich nichts sagen")
    assert "Robert Bosch Stiftung" in reply or "Förderung" in reply


def test_a_greeting_and_a_question_in_english(april):
    reply = text(april, "Hello, I work for a district office. Whats the deadline?")
    assert "3 May 2023" in reply
    assert "Do you mean" not in reply


def test_a_greeting_and_only_a_question_announced_asks_what(april):
    reply = text(april, "hallo, ich habe eine frage")
    assert "Dazu kann ich nichts sagen" not in reply


# -- small talk --------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["whats ur name", "wie heißt du", "what is your name?"])
def test_a_name_question_is_who_am_i(april, question):
    reply = text(april, question, user="new")
    assert "Ausschreibung keine sichere" not in reply and "reliable answer" not in reply
    assert "Meinen Sie" not in reply and "Do you mean" not in reply
    assert "team" not in reply.lower().split("\n")[-1] or "bot" in reply.lower()


@pytest.mark.parametrize("noise", ["lol", "haha"])
def test_laughing_is_acknowledged(april, noise):
    reply = text(april, noise, user="new")
    assert "no open choice" not in reply and "keine Auswahl offen" not in reply


# -- more of our own: what is and is not read against the answer before -----------------


def test_how_long_still_after_the_deadline_is_the_time_left(april):
    reply = after(april, "bewerbungsschluss", "und wie lange noch?")
    assert "13 Tagen" in reply
    assert "nennt die Ausschreibung nicht" not in reply


def test_how_long_after_a_step_without_a_duration_says_the_call_names_none(april):
    reply = after(april, "wann ist das kick-off", "wie lange dauert das?")
    assert reply.startswith("Wie lange das dauert, nennt die Ausschreibung nicht.")
    assert "Oktober 2023" in reply


def test_a_question_with_its_own_topic_is_no_follow_up(april):
    assert "sechs Monate" in after(april, "vorgespräche", "wie lange dauert das projekt?")


def test_a_follow_up_long_after_is_a_new_question(matcher, sessions):
    clock = Clock(APRIL)
    router = _router(matcher, sessions, APRIL, clock)
    text(router, "vorgespräche")
    clock.now = APRIL.replace(hour=10)  # two hours later
    assert "sechs Monate" in text(router, "und wie lange?")


def test_has_it_happened_yet_after_a_past_step(may):
    text(may, "when was the deadline")
    assert text(may, "has it happened yet?").startswith("Yes.")


def test_when_does_it_start_after_a_range_is_that_range(april):
    reply = after(april, "projektskizze", "wann fängt das an?")
    assert "19. Mai 2023" in reply.split("\n")[0]


def test_and_then_walks_the_timeline(april):
    text(april, "bewerbungsschluss")
    assert "Vorgespräche" in text(april, "und danach?").split("\n")[0]
    assert "Rückmeldung" in text(april, "und dann?").split("\n")[0]
    assert "skizzieren Sie" in text(april, "und dann?").split("\n")[0]
