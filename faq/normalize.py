"""Text normalisation for German and English questions.

Pure functions, no state: fold case, umlauts, ß and gender forms; split into
tokens; drop stop words; cut common inflection endings. The same steps run on the
knowledge base and on the question, so both meet in one vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "FILLERS_DE",
    "FILLERS_EN",
    "QUESTION_WORDS",
    "STOPWORDS_DE",
    "STOPWORDS_EN",
    "content_terms",
    "fold",
    "is_stopword",
    "participle_base",
    "stem",
    "term",
    "tokens",
]

STOPWORDS_DE = frozenset(
    """
    der die das den dem des ein eine einer eines einem einen und oder aber auch nur noch
    ist sind war waren wird werden wurde wurden sein bin bist seid hat haben hatte hast habt
    ich du er sie es wir ihr mich mir dich dir uns euch ihnen ihm ihn man sich
    mein meine meinen meiner unser unsere unseren unserer euer eure ihre ihren ihrem dein deine
    in im ins an am auf aus bei beim mit nach von vom zu zum zur fuer uber unter vor hinter
    durch gegen ohne um als wie was wer wo wen wem wessen welche welcher welches welchen welchem
    warum weshalb wieso denn dass ob wenn weil da dann so sehr mal bitte gerne gern doch ja nein
    nicht kein keine keinen keiner hier dort dies diese dieser dieses diesen diesem jetzt schon
    kann koennen konnen kannst koennt muss muessen mussen musst darf duerfen durfen soll sollen
    sollte will wollen moechte mochte moechten wuerde wurde gibt gib geben es etwas alle alles
    mehr sehr eigentlich genau ganz mal einmal hallo hi danke frage fragen alles jede jeder
    jedes jeden tun tut tue macht machen gibt geben gab bekommen bekommt kriegen kriegt erhalten
    erhalt funktioniert funktionieren passiert passieren findet finden statt stattfinden
    enthalten enthalt steht stehen bedeutet heisst sagen sag gesagt weiss wissen moglich genauso
    jemand jemanden neben irgendwie ab
    sollten solltest solltet gewesen worden ware waere hatten haette haetten konnte konnten
    koennte koennten musste mussten muesste muessten durfte durften duerfte
    gibts gehts ists isses ne nen wann woher wohin wofur wozu womit worum wieviel wieviele
    """.split()
)
# Fillers, greetings, chat shorthand and the pieces of English contractions ("I'm" ->
# "i m"): stop words like the others, but no typo of a content word is taken for one
# ("alt" is no "halt", "rent" no "aren't").
FILLERS_DE = frozenset(
    """
    n nem ner nes halt eben gerade grad uberhaupt ganze ganzen ganzes quasi wohl vielleicht
    einfach sozusagen nochmal nochmals hey moin servus ok okay bzw usw etc zb bspw
    beispielsweise damals
    """.split()
)
FILLERS_EN = frozenset(
    """
    actually basically anyway quick pls plz u ur r abt cuz coz hey ok okay btw etc
    m re ve ll d t cant didnt arent wasnt havent wont ive weve youve theyre
    """.split()
)
STOPWORDS_DE |= FILLERS_DE

STOPWORDS_EN = (
    frozenset(
        """
    the a an and or but also only still is are was were be been being am has have had having
    i you he she it we they me him her us them my your his its our their mine yours ours
    in on at to of for from by with about into onto over under after before through between
    as like what who whom whose which where when why how that this these those there here
    do does did doing done can could may might must shall should will would not no yes
    any some all more most very so too just please hello hi thanks thank question questions
    if then than get gets got there s does exactly mean means possible tell give me know
    out whether would like need find going happen happens work works kind sort until during
    inside really see receive look looking take
    dont doesnt isnt youre theres thats gonna wanna
    """.split()
    )
    | FILLERS_EN
)

_GENDER = re.compile(r"(?<=\w)[:*_/](innen|in)\b", re.IGNORECASE)
_HYPHEN_IN_WORD = re.compile(r"(?<=\w)-(?=\w)")
_TOKEN = re.compile(r"[a-z0-9]+")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e"})
_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))

# Endings cut from the right, longest first. Only cut while a stem of at least
# four letters remains, so short words ("zeit", "team") stay as they are.
_ENDINGS = (
    "ungen",
    "heiten",
    "keiten",
    "innen",
    "ingen",
    "ieren",
    "ierung",
    "ierte",
    "iert",
    "ung",
    "heit",
    "keit",
    "ern",
    "end",
    "ies",
    "ing",
    "ens",
    "en",
    "er",
    "es",
    "em",
    "ed",
    "st",
    "in",
    "e",
    "n",
    "s",
    "t",
)
_MIN_STEM = 4
_THOUSANDS = re.compile(r"\b(\d{1,3})\s?(?:k|tsd|tausend)\b")


def fold(text: str) -> str:
    """Lower-case, fold umlauts/ß/accents and gender forms (Expert:innen -> expertinnen)."""
    if not text.isascii():  # Unicode normal forms leave ASCII as it is
        text = unicodedata.normalize("NFC", text)
    text = _GENDER.sub(lambda m: m.group(1).lower(), text)
    text = _HYPHEN_IN_WORD.sub("", text).lower().translate(_FOLD)
    text = _THOUSANDS.sub(r"\g<1>000", text)  # "die 3k", "3 tsd": 3000
    if text.isascii():  # most questions, once umlauts and ß are folded
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    """Folded word tokens, umlaut digraphs (ae/oe/ue) unified with the folded vowel."""
    return list(_tokens(text))


# A question is read by every ranker and by the answer-form checks, a dozen times in
# one match: it is folded once. (Small: it serves one question, not a history.)
@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[str, ...]:
    out = []
    for tok in _TOKEN.findall(fold(text)):
        for digraph, vowel in _DIGRAPHS:
            tok = tok.replace(digraph, vowel)
        out.append(tok)
    return tuple(out)


_SEPARABLE = ("ein", "aus", "an", "ab", "auf", "mit", "vor", "zu", "nach", "fest", "")


def participle_base(token: str) -> str | None:
    """German past participle without its "ge" (eingereicht -> einreicht), else None."""
    for prefix in _SEPARABLE:
        rest = token[len(prefix) :]
        if token.startswith(prefix) and rest.startswith("ge") and len(rest) >= 6:
            return prefix + rest[2:]
    return None


def stem(token: str) -> str:
    """Cut one inflection ending (German or English) if a stem of >= 4 letters remains."""
    if token.isdigit():
        return token
    for ending in _ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= _MIN_STEM:
            return token[: -len(ending)]
    return token


# Question words carry meaning ("wer fördert" is not "was wird gefördert"): they
# become language-neutral terms instead of being dropped as stop words.
QUESTION_WORDS = {
    "wer": "_who",
    "who": "_who",
    "wen": "_who",
    "wem": "_who",
    "whom": "_who",
    "was": "_what",
    "what": "_what",
    "whats": "_what",
    "whatre": "_what",
    "whos": "_who",
    "whens": "_when",
    "wheres": "_where",
    "hows": "_how",
    "hw": "_how",  # chat spellings
    "wut": "_what",
    "wot": "_what",
    "whys": "_why",
    "welche": "_which",
    "welcher": "_which",
    "welches": "_which",
    "welchen": "_which",
    "welchem": "_which",
    "which": "_which",
    "wann": "_when",
    "when": "_when",
    "wo": "_where",
    "where": "_where",
    "woher": "_where",
    "wie": "_how",
    "how": "_how",
    "warum": "_why",
    "why": "_why",
    "wieso": "_why",
    "weshalb": "_why",
    "viel": "_much",
    "viele": "_much",
    "wieviel": "_much",
    "wieviele": "_much",
    "much": "_much",
    "many": "_much",
    "wofur": "_what",
}

_STOP = frozenset(t for w in STOPWORDS_DE | STOPWORDS_EN for t in tokens(w)) - set(QUESTION_WORDS)


def is_stopword(token: str) -> bool:
    """True for a folded token that carries no content (and is not a question word)."""
    return token in _STOP


def term(token: str) -> str | None:
    """The term for one folded token: a question-word marker, a stem, or None (stop word)."""
    if token in QUESTION_WORDS:
        return QUESTION_WORDS[token]
    return None if token in _STOP else stem(token)


def content_terms(text: str) -> list[str]:
    """Terms of a text in order: question-word markers and stems, stop words dropped."""
    return [t for t in map(term, tokens(text)) if t]
