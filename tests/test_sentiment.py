"""VADER sentiment: framing's quicker analyser scores exactly as NLTK's own code does."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st
from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText

from framing.features.sentiment import _QuickSentiText, analyzer, compound

PIECES = st.sampled_from(["good", "bad", "not", "very", "but", "kind", "of", "GREAT", "!", "?", ".", ",", "'",
                          '"', "-", ":", ";", "!!", "??", "?!?", " ", "  ", "\n", "“", "”", "’", "don't", "U.S.",
                          "$", "(", ")", "é", "a", "I", ":)", ":-(", "#", "...", "never", "so", "least", "at"])
SENTENCES = st.one_of(st.text(max_size=80),
                      st.lists(st.tuples(PIECES, st.sampled_from(["", " "])).map("".join), max_size=25)
                      .map("".join))


@settings(max_examples=500, deadline=None)
@given(SENTENCES)
def test_property_quick_vader_scores_as_nltk(text):
    vader = analyzer()
    constants = vader.constants
    words = SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION).words_and_emoticons
    assert _QuickSentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION).words_and_emoticons \
        == words
    assert vader.polarity_scores(text) == SentimentIntensityAnalyzer.polarity_scores(vader, text)


def test_compound_signs_and_empty_text():
    assert compound("The attack was horrible.") < 0 < compound("A great victory!")
    assert compound("") == compound("... ,,, 123") == 0.0
