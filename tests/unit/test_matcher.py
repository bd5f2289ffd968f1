from faq.matcher import Matcher, detect_language


def test_typos_and_compounds_are_understood(matcher: Matcher):
    expected = {
        "Bewerbungsfirst?": "deadline",
        "wan ist bewerbungsschlus": "deadline",
        "Projektskizzenvorlage?": "sketch_phase",  # its answer promises the template (Vorlage)
    }
    assert {question: matcher.match(question).best.id for question in expected} == expected


def test_unknown_words_lower_coverage(matcher: Matcher):
    known = matcher.match("Welches Projekt hat Pforzheim?")
    unknown = matcher.match("Welche Partei regiert Pforzheim?")
    assert unknown.coverage < known.coverage


def test_match_reports_runner_ups_and_score(matcher: Matcher):
    match = matcher.match("Wann ist das Abschlussevent?")
    assert match.confident and match.best.id == "closing_event"
    assert 0 < match.score <= 1
    assert match.runner_ups and all(c.score <= match.score for c in match.runner_ups)


def test_gibberish_and_stop_words_only_are_not_confident(matcher: Matcher):
    for question in ("asdf qwertz", "und oder aber", "???", ""):
        match = matcher.match(question)
        assert not match.confident and match.answer is None


def test_detect_language():
    assert detect_language("Was ist das?") == "de"
    assert detect_language("What is this?") == "en"
    assert detect_language("TVöD") == "de"
    assert detect_language("Jour Fixe", default="en") == "en"
