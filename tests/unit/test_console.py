import io

from bot.adapters.console import ConsoleAdapter
from bot.chat.faq_replies import FaqReplies
from tests.chat import make_router


class Tty(io.StringIO):
    def isatty(self):
        return True


def run(matcher, lines: str, tty=False) -> str:
    stdin = (Tty if tty else io.StringIO)(lines)
    out = io.StringIO()
    ConsoleAdapter(
        make_router(FaqReplies(matcher)).handle, stdin=stdin, stdout=out, user_id="me"
    ).run()
    return out.getvalue()


def test_console_greets_answers_and_quits(matcher):
    out = run(matcher, "Wann ist Bewerbungsschluss?\n/quit\nWer kann sich bewerben?\n")
    assert out.startswith("Hallo!")
    assert "3. Mai 2023" in out
    assert "Städte, Kommunen und Behörden" not in out  # nothing read after /quit


def test_console_number_presses_the_listed_button(matcher):
    out = run(matcher, "/faq\n1\n1\n")  # the first group, then its first topic
    assert "[1] Bewerbung und Fristen" in out and "[1] Bewerbungsschluss" in out
    assert out.count("endete am 3. Mai 2023") == 1  # the 2023 deadline is past today


def test_number_without_buttons_says_no_choice_is_open(matcher):
    out = run(matcher, "7\n")
    assert "keine Auswahl offen" in out


def test_prompt_only_on_a_terminal(matcher):
    assert "> " in run(matcher, "\n", tty=True)
    assert "> " not in run(matcher, "\n")


def test_a_number_refers_to_the_newest_list_not_an_older_one(matcher):
    # /faq offers groups; /hilfe answers without choices: "1" no longer presses the groups' [1]
    out = run(matcher, "/faq\n/hilfe\n1\n")
    assert "[1] Bewerbung und Fristen" in out
    assert "keine Auswahl offen" in out
    assert "[1] Bewerbungsschluss" not in out


def test_a_number_beyond_the_list_is_told_the_range_and_the_list_stays(matcher):
    out = run(matcher, "/faq\n9\n1\n")
    assert "bitte tippen Sie eine Zahl von 1 bis" in out.replace("Bitte", "bitte")
    assert "[1] Bewerbungsschluss" in out  # "1" still pressed the first group afterwards


def test_a_plain_yes_to_several_choices_is_asked_which_and_the_list_stays(matcher):
    """ "ja" to "Meinen Sie A, B oder C?" presses none of them: the person is asked which
    one (not told "alles klar" with nothing done), and "1" still picks from the list."""
    out = run(matcher, "/faq\nja\n1\n")
    assert "Welche Wahl meinen Sie? Bitte tippen Sie eine Zahl von 1 bis" in out
    assert "[1] Bewerbungsschluss" in out  # "1" still pressed the first group afterwards
    assert "Alles klar" not in out


def held(matcher, lines: str, tty=False) -> str:
    """The console as `imbot chat` runs it: the welcome waits for the first line."""
    router = make_router(FaqReplies(matcher))
    out = io.StringIO()
    stdin = (Tty if tty else io.StringIO)(lines)
    ConsoleAdapter(
        router.handle, stdin=stdin, stdout=out, user_id="me", lang_of=router.language_of
    ).run()
    return out.getvalue()


def test_an_english_first_line_is_welcomed_in_english_then_answered(matcher):
    out = held(matcher, "hello, when is the deadline?\n")
    assert out.startswith("Hello!"), out[:80]
    assert "Hallo!" not in out
    assert "3 May 2023" in out  # the question is answered after the welcome


def test_a_german_or_unclear_first_line_is_welcomed_in_german(matcher):
    assert held(matcher, "Wann ist Bewerbungsschluss?\n").startswith("Hallo!")
    assert held(matcher, "hi\n").startswith("Hallo!")  # unclear: the default


def test_a_first_help_is_the_welcome_in_its_language_once(matcher):
    out = held(matcher, "/help\n")
    assert out.startswith("Hello!") and out.count("/help") == 1, out


def test_on_a_terminal_the_held_welcome_says_to_write_first(matcher):
    out = held(matcher, "hello, when is the deadline?\n", tty=True)
    first, rest = out.split("\n", 1)
    assert first.startswith("Schreiben Sie los") and "Write away" in first
    assert "Hello!" in rest and "Hallo!" not in rest


def test_a_run_that_ends_before_anyone_wrote_still_welcomes(matcher):
    assert held(matcher, "").startswith("Hallo!")
    assert held(matcher, "/quit\n").startswith("Hallo!")


def test_a_first_question_gets_a_two_line_welcome_then_its_answer(matcher):
    # (tryout14–16: fourteen lines of welcome and commands before "Die Bewerbungsfrist …")
    out = held(matcher, "Wann ist Bewerbungsschluss?\n")
    assert out.startswith("Hallo!") and "/hilfe" in out.split("\n\n")[0], out[:200]
    assert "/erinnerungen" not in out and "3. Mai 2023" in out


def test_a_first_who_are_you_lists_the_commands_once(matcher):
    out = held(matcher, "wer bist du\n")
    assert out.count("/erinnerungen") == 1, out
