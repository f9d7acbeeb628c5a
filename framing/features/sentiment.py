"""Sentence sentiment with VADER, without any download.

NLTK's ``SentimentIntensityAnalyzer`` implements VADER (Hutto & Gilbert 2014,
"VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media
Text", ICWSM). Its lexicon normally comes from ``nltk_data``; framing reads the
same lexicon file shipped inside the ``vaderSentiment`` package instead, so
nothing is fetched at run time.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants


class _PackagedVader(SentimentIntensityAnalyzer):
    """NLTK's VADER with its lexicon read from the vaderSentiment package."""

    def __init__(self, lexicon_text: str):  # noqa: D107 - no call to super: it would load nltk_data
        self.lexicon_file = lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()


def vader_lexicon_text() -> str:
    """Content of ``vader_lexicon.txt`` from the installed vaderSentiment package."""
    return resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """A ready VADER analyser (cached: building the lexicon takes ~50 ms)."""
    return _PackagedVader(vader_lexicon_text().strip("\n"))


def compound(text: str) -> float:
    """VADER compound score of ``text`` in [-1, 1] (0.0 for text without words).

    Examples
    --------
    >>> compound("The attack was horrible.") < 0 < compound("A great victory.")
    True
    """
    if not text or not any(ch.isalpha() for ch in text):
        return 0.0
    return float(analyzer().polarity_scores(text)["compound"])
