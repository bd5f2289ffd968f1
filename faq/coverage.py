"""The coverage ranker (the FAQ's first matcher): IDF-weighted word coverage plus
fuzzy similarity to the closest example question. One of the three rankers in
`faq.matcher`; it also supplies the out-of-scope guard (coverage).

Two kinds of evidence, combined into one score in [0, 1]:

* coverage: how much of the question's content the entry accounts for. Each
  content word is weighted by how specific it is (IDF over entries); a word that
  is nowhere in the knowledge base weighs as much as the most specific one, so
  "Wie viele Einwohner hat Pforzheim?" is not answered just because Pforzheim is
  a known name.
* similarity: rapidfuzz token-sort similarity to the entry's closest example
  question (after normalisation).

A hit is confident when its score clears a threshold, beats the runner-up by a
margin and covers most of the question. The matcher never makes up text: it
returns an entry of the knowledge base or none.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import lru_cache

from rapidfuzz import fuzz, process

from faq.kb import LANGS, KnowledgeBase
from faq.normalize import (
    FILLERS_DE,
    FILLERS_EN,
    QUESTION_WORDS,
    STOPWORDS_DE,
    STOPWORDS_EN,
    content_terms,
    fold,
    is_stopword,
    participle_base,
    stem,
    term,
    tokens,
)

__all__ = ["CoverageRanker", "borrowed_names", "detect_language", "language_hints"]

_DE_HINTS = frozenset(tokens(" ".join(STOPWORDS_DE))) - frozenset(tokens(" ".join(STOPWORDS_EN)))
_EN_HINTS = frozenset(tokens(" ".join(STOPWORDS_EN))) - frozenset(tokens(" ".join(STOPWORDS_DE)))
_GERMAN_LETTERS = frozenset("äöüßÄÖÜ")
_FILLERS = frozenset(tokens(" ".join(FILLERS_DE | FILLERS_EN)))
# what a typo of a stop word may be taken for (not a filler: "alt" is no "halt")
_STOPWORDS = sorted(t for t in _DE_HINTS | _EN_HINTS if is_stopword(t) and t not in _FILLERS)
_content_terms = lru_cache(maxsize=16384)(content_terms)  # knowledge-base texts repeat
_LINKS = ("s", "es", "n", "en", "")  # German linking elements in compounds (Bewerbung-s-frist)
_QUESTION_WORDS = sorted(QUESTION_WORDS)


def language_hints(text: str) -> tuple[int, int]:
    """(German, English) evidence of the words people cannot help using in their own
    language (stop words, German letters), without the knowledge base's vocabulary:
    "per mail ok?" has none either way, "can I send it by mail" four English."""
    toks = tokens(text)
    de = sum(t in _DE_HINTS for t in toks) + 2 * _german_letters(text)
    return de, sum(t in _EN_HINTS for t in toks)


def _german_letters(text: str) -> int:
    """How many ä, ö, ü, ß the text has, not counting acronyms ("What is TVöD 11 in
    euros?" is English: the pay scale's name is German in any language)."""
    words = (w for w in text.split() if sum(c.isupper() for c in w) < 2)
    return sum(c in _GERMAN_LETTERS for w in words for c in w)


def detect_language(
    text: str,
    default: str = "de",
    vocab_lang: dict[str, str] | None = None,
    names: tuple[tuple[str, ...], ...] = (),
    words_lang: dict[str, str] | None = None,
) -> str:
    """'de' or 'en' by stop words, German letters and (optionally) KB vocabulary. The
    stop words of `names` (a module the German call names in English, "How to
    Verwaltung") say nothing about the language a question quoting them is in.
    `words_lang`: the language of a word as written, where its stem is not enough
    ("funding" is English though "fundiert" shares its stem; "" for both)."""
    toks = tokens(text)
    hinting = _without(toks, names) if names else toks
    de = sum(t in _DE_HINTS for t in hinting) + 2 * _german_letters(text)
    en = sum(t in _EN_HINTS for t in hinting)
    if vocab_lang and de == en:
        for t in toks:
            lang = words_lang[t] if words_lang and t in words_lang else vocab_lang.get(stem(t))
            de += lang == "de"
            en += lang == "en"
    if de == en:
        return default
    return "de" if de > en else "en"


_WORDS = re.compile(r"\w+")


def _swaps(token: str) -> list[str]:
    """The words a token makes with two neighbouring letters swapped, those that keep
    its first letter first ("hwo": "how" before "who"); none for one of two letters."""
    if len(token) < 3:
        return []
    swaps = [token[:i] + token[i + 1] + token[i] + token[i + 2 :] for i in range(len(token) - 1)]
    swaps = [w for w in swaps if w != token]
    return sorted(swaps, key=lambda w: w[0] != token[0])


def _without(toks: list[str], names: tuple[tuple[str, ...], ...]) -> list[str]:
    """The tokens with every occurrence of one of the `names` (token runs) cut out."""
    out, i = [], 0
    while i < len(toks):
        name = next((n for n in names if tuple(toks[i : i + len(n)]) == n), None)
        if name:
            i += len(name)
        else:
            out.append(toks[i])
            i += 1
    return out


_QUOTED = re.compile(r"[„“\"‚‘]([^„“”\"‚‘’]{2,60})[“”\"‘’]")


def borrowed_names(kb: KnowledgeBase) -> tuple[tuple[str, ...], ...]:
    """Names one language's text of the call uses in the other language's words: a
    phrase quoted in an answer or a keyword of two words or more whose stop words are
    the other language's („How to Verwaltung“ in the German call). Longest first."""
    found: set[tuple[str, ...]] = set()
    for entry in kb.entries:
        for lang, text in entry.all_answers():
            phrases = [*_QUOTED.findall(text), *entry.keywords.get(lang, ())]
            for phrase in phrases:
                toks = tuple(tokens(phrase))
                de, en = language_hints(phrase)
                if len(toks) >= 2 and (en > de if lang == "de" else de > en):
                    found.add(toks)
    return tuple(sorted(found, key=len, reverse=True))


_INFLECTIONS = ("es", "en", "s", "e", "n")


def _base(word: str) -> str:
    """A word without a plural or inflection ending (workshops, deadline -> workshop,
    deadlin), so that "Workshops" and "workshop" are one word in both languages."""
    for ending in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _words_lang(kb: KnowledgeBase, langs: dict[str, frozenset[str]]) -> dict[str, str]:
    """The language of the knowledge base's words as written whose stem both languages
    use: "funding" English ("fundiert" is another word), "" for a word both write
    (Team, Budget) or one whose forms differ only by an ending (Workshops, workshop)."""
    written: dict[str, set[str]] = defaultdict(set)
    for entry in kb.entries:
        for lang in LANGS:
            for text in [*entry.questions[lang], *entry.keywords[lang], entry.topic[lang]]:
                for token in tokens(text):
                    written[token].add(lang)
    bases: dict[tuple[str, str], set[str]] = defaultdict(set)  # (stem, lang) -> bases
    for token, ls in written.items():
        for lang in ls:
            bases[(stem(token), lang)].add(_base(token))
    out = {}
    for token, ls in written.items():
        t = term(token)
        if t is None or len(langs.get(t, ())) < 2:
            continue  # a stop word, or a stem one language has to itself: the stem says it
        if len(ls) > 1:
            out[token] = ""
            continue
        (lang,) = ls
        other = "en" if lang == "de" else "de"
        out[token] = "" if _base(token) in bases[(stem(token), other)] else lang
    return out


def _sorted_terms(terms) -> str:
    """Terms joined in sorted order: what fuzz.token_sort_ratio compares."""
    return " ".join(sorted(terms))


class CoverageRanker:
    """Scores questions against a knowledge base. Build once, call `match` many times."""

    def __init__(
        self,
        kb: KnowledgeBase,
        *,
        threshold: float = 0.6,
        margin: float = 0.04,
        min_coverage: float = 0.5,
        similarity_weight: float = 0.45,
        candidates: int = 12,
    ) -> None:
        self.kb = kb
        self.threshold = threshold
        self.margin = margin
        self.min_coverage = min_coverage
        self.similarity_weight = similarity_weight
        self.candidates = candidates
        postings: dict[str, set[int]] = defaultdict(set)
        langs: dict[str, set[str]] = defaultdict(set)
        surface: set[str] = set()  # the knowledge base's words as written (folded)
        # each example question's terms, sorted: `rank` compares them the way
        # token_sort_ratio would, without sorting every example again per question
        self._examples: list[list[str]] = []
        for i, entry in enumerate(kb.entries):
            examples = []
            for lang in LANGS:
                texts = [*entry.questions[lang], *entry.keywords[lang], entry.topic[lang]]
                for text in texts:
                    surface.update(tokens(text))
                    for word in _content_terms(text):
                        postings[word].add(i)
                        langs[word].add(lang)
                examples.extend(_sorted_terms(_content_terms(q)) for q in entry.questions[lang])
            # examples with the same terms compare alike: each once (2,887 -> 2,625)
            self._examples.append(list(dict.fromkeys(examples)))
        n = len(kb.entries)
        self._postings = {term: frozenset(ids) for term, ids in postings.items()}
        self._idf = {term: math.log(1 + n / len(ids)) for term, ids in postings.items()}
        self._unknown_weight = 1.5 * math.log(1 + n)
        self._langs = {t: frozenset(ls) for t, ls in langs.items()}
        self._vocab_lang = {t: next(iter(ls)) for t, ls in langs.items() if len(ls) == 1}
        self._names = borrowed_names(kb)
        self._words_lang = _words_lang(kb, self._langs)
        self._by_initial: dict[str, list[str]] = defaultdict(list)
        for t in self._postings:
            self._by_initial[t[0]].append(t)
        # five-letter words a four-letter typo may have lost a letter of ("lnge", "aply")
        self._surface = frozenset(surface)
        self._five_by_initial: dict[str, list[str]] = defaultdict(list)
        for w in sorted(surface):
            if len(w) == 5 and term(w) in self._postings:
                self._five_by_initial[w[0]].append(w)
        self._resolve = lru_cache(maxsize=65536)(self._resolve_uncached)
        self._last_terms: tuple[str | None, tuple[tuple[str, bool], ...]] = (None, ())
        # words of the entries' yes/no terms ("hin" in "müssen alle hin?") are words as
        # meant, never a stop word typed with two letters swapped ("ihn")
        self._polar_words = frozenset(
            tok for e in kb.entries for side in e.polar.values() for w in side for tok in tokens(w)
        )
        self._swapped = lru_cache(maxsize=65536)(self._swapped_uncached)
        spelled = lru_cache(maxsize=65536)(lambda word: self._swapped(fold(word)) or word)
        self._right = lambda m: spelled(m.group())  # per word as typed

    # -- question -> known terms ------------------------------------------------------
    def _resolve_uncached(self, token: str) -> tuple[str, ...] | None:
        """Known terms for one folded token; () for a stop word; None if it is unknown.

        Tried in order: the exact term, a German compound of two known parts, a typo
        of a known term (same first letter, at most one letter longer or shorter; for
        a four-letter word, one letter left out of a known word: "lnge", "aply"), a
        known term sharing a long prefix (participat/participant), a typo of a question
        word ("wan" for "wann") or of a stop word ("kan" for "kann"). Before the typos:
        the token as typed when it is a known term ("deadlin"), and two letters swapped.
        """
        t = term(token)
        if t is None:
            return ()
        if t in self._postings:
            return (t,)
        if t.startswith("_") or t.isdigit():
            return ()
        if token in self._postings:  # "deadlin": cut again it would be another word
            return (token,)
        parts = self._split_compound(token)
        if parts:
            return parts
        base = participle_base(token)
        if base and stem(base) in self._postings:
            return (stem(base),)
        if (swapped := self._transposed(token)) is not None:
            return swapped
        if len(t) >= 5:
            near = [v for v in self._by_initial.get(t[0], ()) if abs(len(v) - len(t)) <= 1]
            hit = process.extractOne(t, near, scorer=fuzz.ratio, score_cutoff=80)
            if hit:
                return (hit[0],)
        if len(t) >= 5:
            for v in self._by_initial.get(t[0], ()):
                if (
                    len(v) >= 5
                    and abs(len(v) - len(t)) <= 3
                    and (v.startswith(t) or t.startswith(v))
                ):
                    return (v,)
        if len(token) == 4:
            near = self._five_by_initial.get(token[0], ())
            hit = process.extractOne(token, near, scorer=fuzz.ratio, score_cutoff=88)
            if hit:
                return (term(hit[0]),)
        if 3 <= len(token) <= 5:
            near = [w for w in _QUESTION_WORDS if len(w) == len(token) + 1]
            hit = process.extractOne(token, near, scorer=fuzz.ratio, score_cutoff=85)
            if hit:  # a letter left out ("wan", "wiso"), not one too many ("wehn")
                return (QUESTION_WORDS[hit[0]],)
            if process.extractOne(token, _STOPWORDS, scorer=fuzz.ratio, score_cutoff=85):
                return ()
        return None

    def _transposed(self, token: str) -> tuple[str, ...] | None:
        """Two neighbouring letters typed the wrong way round ("teh", "cna", "hwo",
        "mcuh", "knan", "veil"): the question word, stop word or known term they make,
        one that keeps the first letter first ("hwo" is "how" before "who")."""
        meant = self._swapped(token) or self._swapped_word(token)
        if meant is None:
            return None
        t = tokens(meant)[0]
        return (QUESTION_WORDS[t],) if t in QUESTION_WORDS else ((term(t),) if term(t) else ())

    def _swapped_uncached(self, word: str) -> str | None:
        """The question word or stop word a folded word unknown to the knowledge base is
        with two neighbouring letters swapped ("teh" the, "hwo" how, "tkae" take)."""
        toks = tokens(word)
        if len(toks) != 1 or self._known(toks[0]) or toks[0] in self._polar_words:
            return None
        for w in _swaps(word):
            (t,) = tokens(w) or ("",)
            if t in QUESTION_WORDS or (is_stopword(t) and t not in _FILLERS):
                return w
        return None

    def _swapped_word(self, word: str) -> str | None:
        """The knowledge base's word (four letters or more) an unknown word is with two
        neighbouring letters swapped ("lnog" long). Only the coverage ranker reads it so:
        the other rankers would take "sing" for "sign" with full weight."""
        toks = tokens(word)
        if len(toks) != 1 or self._known(toks[0]):
            return None
        for w in _swaps(word) if len(word) >= 4 else ():
            (t,) = tokens(w) or ("",)
            if t in self._surface and term(t) in self._postings:
                return w
        return None

    def _known(self, token: str) -> bool:
        return term(token) in self._postings or token in QUESTION_WORDS or is_stopword(token)

    def guessed(self, question: str) -> bool:
        """Whether a word of the question is known only as a guess at another word ("Feiertag"
        read as "Freitag", "Bundeswehr" as "bundesweit"): nothing the knowledge base says."""
        return any(not self._known(tok) and self._resolve(tok) for tok in tokens(question))

    def respell(self, question: str) -> str:
        """The question with question words and stop words typed with two letters
        swapped written right ("who cna apply" -> "who can apply"), for the rankers
        that read words as they are (BM25, the embedding)."""

        return _WORDS.sub(self._right, question)

    def _split_compound(self, token: str) -> tuple[str, ...] | None:
        """Split a German compound into two known German parts (Bewerbungsfrist)."""
        for cut in range(len(token) - 4, 3, -1):
            head, tail = token[:cut], token[cut:]
            tail_term = stem(tail)
            if "de" not in self._langs.get(tail_term, ()):
                continue
            for link in _LINKS:
                if link and not head.endswith(link):
                    continue
                base = stem(head[: len(head) - len(link)] if link else head)
                if len(base) >= 4 and "de" in self._langs.get(base, ()):
                    return (base, tail_term)
        return None

    def language(self, text: str, default: str = "de") -> str:
        """The language of a question: its stop words, then the knowledge base's words."""
        return self.spelled_language(self.respell(text), default)  # "wer knan": German

    def spelled_language(self, spelled: str, default: str = "de") -> str:
        """`language` of a question already respelled."""
        return detect_language(spelled, default, self._vocab_lang, self._names, self._words_lang)

    def terms(self, question: str) -> list[tuple[str, bool]]:
        """Content terms of a question as (term, known) pairs, without duplicates."""
        last = self._last_terms  # `rank` and then the matcher read the same question
        if last[0] == question:
            return list(last[1])
        found = self._terms(question)
        self._last_terms = (question, tuple(found))
        return found

    def _terms(self, question: str) -> list[tuple[str, bool]]:
        seen: dict[str, bool] = {}
        for token in tokens(question):
            resolved = self._resolve(token)
            if resolved is None:
                seen.setdefault(stem(token), False)
            for t in resolved or ():
                seen.setdefault(t, True)
        return list(seen.items())

    # -- scoring ----------------------------------------------------------------------
    def rank(self, question: str) -> list[tuple[int, float, float]]:
        """(entry index, score, coverage) of the best candidates, best first; [] if no
        known word."""
        terms = self.terms(question)
        weights = {t: (self._idf[t] if known else self._unknown_weight) for t, known in terms}
        total = sum(weights.values())
        if not total or not any(known for _, known in terms):
            return []
        coverage: dict[int, float] = defaultdict(float)
        for word, known in terms:
            if known:
                for i in self._postings[word]:
                    coverage[i] += weights[word] / total
        top = sorted(coverage.items(), key=lambda kv: kv[1], reverse=True)[: self.candidates]
        query = _sorted_terms(t for t, _ in terms)
        scored = []
        w = self.similarity_weight
        for i, cov in top:  # token_sort_ratio, the examples' sides sorted beforehand
            sim = process.extractOne(query, self._examples[i], scorer=fuzz.ratio)
            similarity = sim[1] / 100 if sim else 0.0
            scored.append((i, (1 - w) * cov + w * similarity, cov))
        scored.sort(key=lambda s: s[1], reverse=True)
        return scored

    def confident(self, scored: list[tuple[int, float, float]]) -> bool:
        """The first matcher's own decision: threshold, margin and coverage."""
        if not scored:
            return False
        _, best, cov = scored[0]
        second = scored[1][1] if len(scored) > 1 else 0.0
        return best >= self.threshold and best - second >= self.margin and cov >= self.min_coverage
