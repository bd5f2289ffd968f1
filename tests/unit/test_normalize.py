from faq.normalize import content_terms, fold, stem, tokens


def test_fold_umlauts_sharp_s_and_gender_forms():
    assert fold("Expert:innen Größe Übernahme") == "expertinnen grosse ubernahme"
    assert fold("Pat:in") == "patin"
    assert fold("Kick-off E-Mail") == "kickoff email"


def test_digraphs_meet_folded_umlauts():
    assert tokens("Vorgespraeche") == tokens("Vorgespräche")


def test_stem_unifies_inflections_but_keeps_short_words():
    assert stem("bewerbungen") == stem("bewerbung") == stem("bewerben") == stem("bewerber")
    assert stem("team") == "team"
    assert stem("2023") == "2023"


def test_content_terms_drop_stop_words_and_mark_question_words():
    assert content_terms("Wann ist der Bewerbungsschluss?") == ["_when", stem("bewerbungsschluss")]
    assert content_terms("Wer fördert das?")[0] == "_who"
    assert content_terms("Who funds it?")[0] == "_who"


def test_colloquial_contractions_keep_their_question_word_and_lose_the_clitic():
    # "whens"/"gibts" are typed without the apostrophe; as unknown content words they
    # weighed as much as the rarest term and dragged the question's coverage down
    assert content_terms("whens the deadline") == content_terms("when is the deadline")
    assert content_terms("whos behind it") == content_terms("who is behind it")
    assert content_terms("gibts ne Vorlage") == content_terms("gibt es eine Vorlage")


def test_filler_and_colloquial_words_carry_no_content():
    # unknown to the knowledge base, each weighed as much as its rarest term and
    # pulled a question the best guess answered right below the in-scope coverage
    assert content_terms("Hey, wie lange dauert das Ganze halt überhaupt?") == content_terms(
        "Wie lange dauert das?"
    )
    assert content_terms("ok quick question pls: whens the deadline actually?") == content_terms(
        "when is the deadline"
    )
    assert content_terms("was is das für n programm eigentlich") == content_terms(
        "was ist das für ein Programm"
    )
    assert content_terms("can u tell me ur deadline") == content_terms("tell me the deadline")


def test_english_contractions_lose_their_clitic():
    # "I'm" -> "i m", "we're" -> "we re", "can't" -> "can t": the clitic is no word
    assert content_terms("I'm new here, we're late and can't apply, we've missed it?") == (
        content_terms("new here, late and apply, missed it?")
    )


def test_a_separable_particle_carries_no_content():
    # "Wie läuft die Skizzenphase ab?": "ab" belongs to "läuft", it is no topic
    assert content_terms("Wie läuft die Skizzenphase ab?") == content_terms(
        "Wie läuft die Skizzenphase?"
    )
