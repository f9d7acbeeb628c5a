"""Sentence sentiment with VADER, without any download.

NLTK's ``SentimentIntensityAnalyzer`` implements VADER (Hutto & Gilbert 2014,
"VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media
Text", ICWSM). Its lexicon normally comes from ``nltk_data``; framing reads the
same lexicon file shipped inside the ``vaderSentiment`` package instead, so
nothing is fetched at run time.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from importlib import resources

from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText, VaderConstants

# The characters VADER's REGEX_REMOVE_PUNCTUATION deletes.
_STRIPPED = frozenset(string.punctuation)
_STRIPPED_CHARS = string.punctuation


class _PackagedVader(SentimentIntensityAnalyzer):
    """NLTK's VADER with its lexicon read from the vaderSentiment package."""

    def __init__(self, lexicon_text: str):  # noqa: D107 - no call to super: it would load nltk_data
        self.lexicon_file = lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()
        # _QuickSentiText relies on every mark being made of the characters
        # VADER strips from words; other constants get NLTK's own SentiText.
        marks = self.constants.PUNC_LIST
        self._senti_text = _QuickSentiText if set("".join(marks)) <= _STRIPPED else SentiText

    def polarity_scores(self, text):
        """NLTK's ``polarity_scores`` (3.10), quicker but with identical results.

        It builds a :class:`_QuickSentiText`, and does not call
        ``sentiment_valence`` for a word outside the lexicon (which only
        appends a 0 for it).
        """
        sentitext = self._senti_text(text, self.constants.PUNC_LIST,
                                     self.constants.REGEX_REMOVE_PUNCTUATION)
        sentiments = []
        words_and_emoticons = sentitext.words_and_emoticons
        first_index = {}
        for idx, token in enumerate(words_and_emoticons):
            if token not in first_index:
                first_index[token] = idx
        lexicon, boosters = self.lexicon, self.constants.BOOSTER_DICT
        last = len(words_and_emoticons) - 1
        for item in words_and_emoticons:
            valence = 0
            i = first_index[item]
            lowered = item.lower()
            if (i < last and lowered == "kind" and words_and_emoticons[i + 1].lower() == "of") \
                    or lowered in boosters:
                sentiments.append(valence)
                continue
            if lowered not in lexicon:  # most words: sentiment_valence would append 0
                sentiments.append(valence)
                continue
            sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
        sentiments = self._but_check(words_and_emoticons, sentiments)
        return self.score_valence(sentiments, text)


class _QuickSentiText(SentiText):
    """NLTK's SentiText with the same words, found without its look-up table.

    NLTK maps a token such as ``"cat,"`` or ``",cat"`` back to ``"cat"`` through
    a dictionary of every word of the text joined to each of 17 punctuation
    marks, on either side: two-thirds of VADER's time goes into building it.
    A word of that table holds none of the stripped characters and every
    mark is made of them, so a token can only be a word plus its whole
    trailing (or leading) run of them; that is checked directly.
    """

    def _words_and_emoticons(self):
        words = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
        marks = frozenset(self.PUNC_LIST)
        tokens = [token for token in self.text.split() if len(token) > 1]
        for i, token in enumerate(tokens):
            # A "word + mark" entry overrides a "mark + word" one, as in NLTK's dict.update.
            if token[-1] in _STRIPPED:
                body = token.rstrip(_STRIPPED_CHARS)
                if token[len(body):] in marks and body in words:
                    tokens[i] = body
                    continue
            if token[0] in _STRIPPED:
                body = token.lstrip(_STRIPPED_CHARS)
                if token[:len(token) - len(body)] in marks and body in words:
                    tokens[i] = body
        return tokens


def vader_lexicon_text() -> str:
    """Content of ``vader_lexicon.txt`` from the installed vaderSentiment package."""
    return resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """A ready VADER analyser (cached: building the lexicon takes ~50 ms)."""
    return _PackagedVader(vader_lexicon_text().strip("\n"))


def compound(text: str) -> float:
    """VADER compound score of ``text`` in [-1, 1] (0.0 for text without words).

    Typographic quotation marks and apostrophes are first made plain
    (:func:`plain_quotes`): VADER reads only ASCII ones, so a word glued to a
    curly quotation mark, or a curly negation such as "isn’t", would
    otherwise go unread.

    Examples
    --------
    >>> compound("The attack was horrible.") < 0 < compound("A great victory.")
    True
    >>> compound("It isn’t good.") == compound("It isn't good.") < 0
    True
    """
    if not text or not any(ch.isalpha() for ch in text):
        return 0.0
    return float(analyzer().polarity_scores(plain_quotes(text))["compound"])


# A quotation mark: any double one, or a single one not between two word characters.
_QUOTE_MARK = re.compile(r"[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]"
                         r"|(?<!\w)['\u2018\u2019\u201a\u201b]|['\u2018\u2019\u201a\u201b](?!\w)")


def plain_quotes(text: str) -> str:
    """``text`` with quotation marks as spaces and typographic apostrophes as ``'``.

    VADER strips only some ASCII punctuation from a word, and never a curly
    quotation mark, so the words of “Hate and Terror” or ‘Great’ would not be
    found in its lexicon; and its negations are spelt with ``'`` ("isn't"),
    so "isn’t good" would read as positive. A quotation mark carries no
    sentiment for VADER, so a space in its place loses nothing.

    Examples
    --------
    >>> print(plain_quotes("He said “Hate,” ‘great’ isn’t it? 'Fine' now"))
    He said  Hate,   great  isn't it?  Fine  now
    """
    # What is left of the single marks stands inside a word: an apostrophe, even when typed
    # as an opening mark ("isn‘t").
    return _QUOTE_MARK.sub(" ", text).translate(_APOSTROPHES)


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201a": "'", "\u201b": "'"})
