"""Follow-ups in the applicants' chat, round two: "wie lange?" answers just the duration
(not the whole answer again); what is typed right after the bot asked back ("Meinen Sie
„A“, „B“ oder „C“?") is read against the topics it offered – "das erste", "die
zweite", "beides", and a follow-up like "wie lange?" –, a new question as a new one;
and short follow-ups people type after common answers ("und für wen?", "pro Monat?",
"warum?", "ok und wie bewerbe ich mich dann?") are not answered with the last answer
again when it does not hold what they ask. Phrasings are our own, German and English."""

from datetime import UTC, datetime

import pytest

from tests.chat import applicant_router, say, text

APRIL = datetime(2023, 4, 20, 8, 0, tzinfo=UTC)  # Thu 10:00 in Berlin, the call is open


@pytest.fixture
def april(matcher, sessions):
    return applicant_router(matcher, sessions, APRIL)


def after(router, first, follow_up):
    text(router, first)
    return text(router, follow_up)


def answer_of(router, data, user="other"):
    """The answer a topic's button gives (in a chat of its own)."""
    return say(router, user, data=data)[0].text


# -- 1. "wie lange?": just the duration --------------------------------------------------


@pytest.mark.parametrize(
    ("first", "follow_up", "said", "not_again"),
    [
        ("vorgespräche", "und wie lange?", "60 bis 90 Minuten", "engeren Auswahl"),
        ("preliminary talks", "how long?", "60 to 90 minutes", "shortlisted"),
        ("was wird gefördert", "wie lange?", "sechs Monate", "TVöD"),
        ("what is funded", "how long?", "six months", "TVöD"),
        ("projektskizze", "wie lange?", "vom 19. Mai 2023 bis zum 31. Mai 2023", "Vorlage"),
        ("project sketch", "how long does it take", "from 19 May 2023 to 31 May 2023", "template"),
        ("abschlussevent", "und wie lange?", "einen Tag", "Evaluation"),
    ],
)
def test_how_long_says_the_duration_in_one_sentence(april, first, follow_up, said, not_again):
    reply = after(april, first, follow_up)
    assert said in reply
    assert not_again not in reply


@pytest.mark.parametrize(
    ("first", "follow_up", "said"),
    [("wie ist der ablauf", "wie lange?", "sechs Monate"), ("timeline", "how long?", "six months")],
)
def test_how_long_after_the_timeline_is_the_project_not_one_step(april, first, follow_up, said):
    reply = after(april, first, follow_up)
    assert said in reply
    assert "60–90" not in reply and "60 bis 90" not in reply


# -- 2. right after a question back -----------------------------------------------------


def offered(router, question, user="u1"):
    """The topics' buttons of the question back to `question`."""
    replies = say(router, user, question)
    assert "?" in replies[-1].text and len(replies[-1].buttons) >= 2, replies[-1].text
    return [b.data for b in replies[-1].buttons if b.data.startswith("faq:")]


@pytest.mark.parametrize(
    ("question", "pick", "place"),
    [
        ("geld", "das erste", 0),
        ("geld", "die zweite", 1),
        ("geld", "nein, die letzte", -1),
        ("money", "the first one", 0),
        ("money", "the second", 1),
        ("wie viele", "das zweite bitte", 1),
        ("how many", "the last one", -1),
    ],
)
def test_a_place_picks_that_topic_offered(april, question, pick, place):
    topics = offered(april, question)
    reply = text(april, pick)
    assert reply == answer_of(april, topics[place])


@pytest.mark.parametrize(
    ("question", "every"), [("geld", "beides"), ("geld", "alle drei"), ("money", "both please")]
)
def test_all_of_them_answers_each_topic_offered(april, question, every):
    topics = offered(april, question)
    reply = text(april, every)
    for data in topics:
        assert answer_of(april, data).split("\n\n")[0] in reply


def test_a_place_beyond_the_topics_offered_is_no_pick(april):
    topics = offered(april, "which funding")  # two topics offered
    assert len(topics) == 2
    assert text(april, "the third") != answer_of(april, topics[1])


@pytest.mark.parametrize(
    ("question", "follow_up", "said", "topic"),
    [
        ("experten", "wie lange?", "sechs Monate", "Aufgaben der Expert:innen"),
        ("money", "how long?", "six months", "What is funded?"),
    ],
)
def test_a_follow_up_to_a_question_back_is_read_against_the_topics(
    april, question, follow_up, said, topic
):
    offered(april, question)
    reply = text(april, follow_up)
    assert said in reply and topic in reply
    assert "Projektphase" not in reply and "project phase" not in reply


def test_per_month_to_a_question_back_about_money_is_no(april):
    offered(april, "geld")
    reply = text(april, "im jahr?")
    assert reply.startswith("Nein.") and "pro Projekt" in reply


@pytest.mark.parametrize(
    ("question", "new", "said"),
    [
        ("geld", "nein, ich meine die Frist", "Bewerbungsschluss"),
        ("geld", "wann ist bewerbungsschluss?", "Bewerbungsschluss"),
        ("money", "no, I mean who can apply", "Cities, municipalities"),
    ],
)
def test_a_new_question_after_a_question_back_is_a_new_question(april, question, new, said):
    offered(april, question)
    assert said in text(april, new)


# -- 3. what people type after common answers -------------------------------------------


@pytest.mark.parametrize(
    ("first", "follow_up"),
    [
        ("wann ist bewerbungsschluss", "und für wen?"),
        ("wann ist bewerbungsschluss", "und wie viel?"),
        ("what is the deadline", "and for whom?"),
        ("what is the deadline", "and how much?"),
        ("kontakt", "und wie viel?"),
        ("wie ist der ablauf", "und wie viel?"),
    ],
)
def test_who_or_how_much_is_not_the_last_answer_again_when_it_holds_neither(
    april, first, follow_up
):
    last = text(april, first).split("\n\n")[0]
    assert last not in text(april, follow_up)


@pytest.mark.parametrize(
    ("first", "follow_up", "starts", "said"),
    [
        ("was wird gefördert", "pro monat?", "Nein.", "pro Projekt"),
        ("what is funded", "per month?", "No.", "Each project"),
        ("projektmittel", "und das ist monatlich?", "Nein.", "pro Projekt"),
        ("project budget", "per year?", "No.", "Each project"),
    ],
)
def test_per_month_after_an_amount_is_no(april, first, follow_up, starts, said):
    reply = after(april, first, follow_up)
    assert reply.startswith(starts) and said in reply


@pytest.mark.parametrize(
    ("first", "follow_up", "said"),
    [
        ("wann ist bewerbungsschluss", "warum?", "Einen Grund dafür nennt die Ausschreibung nicht"),
        ("what is the deadline", "why?", "The call for applications gives no reason"),
        ("wer kann sich bewerben", "wieso?", "Einen Grund dafür nennt die Ausschreibung nicht"),
    ],
)
def test_why_says_the_call_gives_no_reason(april, first, follow_up, said):
    assert said in after(april, first, follow_up)


def test_why_after_an_answer_with_its_reason_is_that_answer(april):
    reply = after(april, "woher kommen die experten", "warum?")
    assert "Innovation" in reply and "Grund" not in reply


@pytest.mark.parametrize(
    ("first", "follow_up", "said"),
    [
        ("wann ist bewerbungsschluss", "ok und wie bewerbe ich mich dann?", "nur bis wann"),
        ("was wird gefördert", "und wie bewerbe ich mich?", "nur bis wann"),
        ("what is the deadline", "ok and how do i apply then?", "only by when"),
        ("who can apply", "and how do we apply?", "only by when"),
    ],
)
def test_how_to_apply_after_an_answer_says_the_call_names_only_the_deadline(
    april, first, follow_up, said
):
    assert said in after(april, first, follow_up)


@pytest.mark.parametrize("question", ["who can apply", "who can apply?", "Who may apply"])
def test_who_can_apply_is_who_can_apply(april, question):
    reply = text(april, question)
    assert "Cities, municipalities" in reply and "hand in" not in reply


@pytest.mark.parametrize(
    ("first", "follow_up", "said"),
    [
        ("wie ist der ablauf", "auch online?", "Einen Ort nennt die Ausschreibung dafür nicht"),
        ("timeline", "online too?", "does not say where"),
        ("kontakt", "auch online?", "Einen Ort nennt die Ausschreibung dafür nicht"),
        ("rückmeldung", "und wo?", "Einen Ort nennt die Ausschreibung dafür nicht"),
    ],
)
def test_where_after_a_dated_answer_or_the_contacts_says_the_call_names_no_place(
    april, first, follow_up, said
):
    assert said in after(april, first, follow_up)


@pytest.mark.parametrize(
    ("first", "follow_up", "said"),
    [
        ("was wird gefördert", "und danach?", "Ablauf im Überblick"),
        ("who can apply", "and then?", "The process at a glance"),
    ],
)
def test_next_after_an_answer_without_a_date_is_the_process(april, first, follow_up, said):
    last = text(april, first).split("\n\n")[0]
    reply = text(april, follow_up)
    assert said in reply and last not in reply


@pytest.mark.parametrize(
    ("first", "follow_up", "said"),
    [("wie ist der ablauf", "wirklich?", "2. Vorgespräche"), ("timeline", "really?", "2. Prelim")],
)
def test_really_after_a_list_says_more_than_its_first_item(april, first, follow_up, said):
    assert said in after(april, first, follow_up)
