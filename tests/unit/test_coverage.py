"""The coverage ranker's reading of a question's words (faq.coverage)."""

from faq.coverage import CoverageRanker
from faq.normalize import content_terms


def known(ranker: CoverageRanker, question: str) -> dict[str, bool]:
    return dict(ranker.terms(question))


def test_a_four_letter_typo_missing_one_letter_is_the_known_word(kb):
    ranker = CoverageRanker(kb)
    # "lnge": too short for the typo rule on stems, one letter left out of "lange"; as
    # an unknown word it weighed as much as the rarest term
    assert known(ranker, "wie lnge dauert das") == known(ranker, "wie lange dauert das")


def test_a_question_word_missing_a_letter_is_that_question_word(kb):
    ranker = CoverageRanker(kb)
    assert known(ranker, "wnn ist die frist") == known(ranker, "wann ist die frist")
    assert known(ranker, "wiso gibt es einen buddy") == known(ranker, "wieso gibt es einen buddy")
    # one letter too many is not taken for a question word ("wehn" is not "wen")
    assert "_who" not in known(ranker, "wehn ist die frist")


def test_typo_rules_keep_unknown_words_unknown(kb):
    ranker = CoverageRanker(kb)
    assert (
        known(ranker, "Wie viele Einwohner hat Pforzheim?")[content_terms("Einwohner")[0]] is False
    )


def test_no_typo_is_taken_for_a_filler(kb):
    ranker = CoverageRanker(kb)
    # "alt" one letter from the filler "halt", "rent" from "aren't": both unknown words
    assert known(ranker, "Wie alt ist Pforzheim?")["alt"] is False
    assert known(ranker, "What's the rent in Pforzheim?")["rent"] is False
