"""The trained ranker (faq.classifier) and its way to an answer in the matcher."""

import math

import numpy as np

from faq.classifier import ClassifierRanker, probabilities
from faq.examples import Example, apply_examples
from faq.matcher import Matcher, Thresholds


def test_the_classifier_scores_every_entry_best_first(kb, matcher):
    vector = matcher.semantic.vector("Who pays the expert's salary?")
    ranked = matcher.classifier.rank(vector)
    assert sorted(i for i, _ in ranked) == list(range(len(kb)))
    assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)
    assert kb.entries[ranked[0][0]].id in {"funder", "salary", "employment"}


def test_fitting_is_deterministic(kb, matcher):
    vector = matcher.semantic.vector("Wie lange läuft das Programm?")
    assert ClassifierRanker(kb).rank(vector) == ClassifierRanker(kb).rank(vector)


def test_the_probabilities_follow_the_scores(matcher):
    ranked = matcher.classifier.rank(matcher.semantic.vector("Wann ist Bewerbungsschluss?"))
    probs = probabilities(ranked)
    assert math.isclose(sum(probs.values()), 1.0) and all(0 <= p <= 1 for p in probs.values())
    assert [probs[i] for i, _ in ranked] == sorted(probs.values(), reverse=True)


def test_a_paraphrase_the_other_rankers_leave_open_is_answered_through_the_classifier(kb):
    question = "Welche Themen darf unser Vorhaben haben?"
    # without the classifier's route (and without the routes for a winner clear of the
    # counter-examples and one every ranker agrees on, which the classifier also feeds)
    alone = Thresholds(classifier_margin=math.inf, near_probability=None, agree_probability=None)
    without = Matcher(kb, alone).match(question)
    with_classifier = Matcher(kb).match(question)
    assert not without.confident
    assert with_classifier.confident and with_classifier.best.id == "topics"


def test_the_classifier_orders_the_clarifying_buttons(kb):
    """The classifier's view moves the candidates' profiles (early August) first for a
    question about August (the fused ranking alone puts the choice, end of August, first)."""
    question = "Was ist im August?"
    plain = Matcher(kb, Thresholds(options_classifier=0.0)).match(question)
    ordered = Matcher(kb).match(question)
    assert not ordered.confident and ordered.options
    assert [e.id for e in plain.options] != [e.id for e in ordered.options]
    assert ordered.options[0].id == "expert_profiles"


def test_the_teams_examples_train_the_classifier(kb, matcher):
    """An example added with /beispiel moves the classifier on the next matcher."""
    question = "Wie ist das Wetter in Stralsund?"
    vector = matcher.semantic.vector(question)
    assert kb.entries[matcher.classifier.rank(vector)[0][0]].id != "contact"
    taught = apply_examples(kb, [Example("contact", "de", question)])
    ranked = Matcher(taught).classifier.rank(vector)
    assert taught.entries[ranked[0][0]].id == "contact"
    assert np.isfinite([s for _, s in ranked]).all()
