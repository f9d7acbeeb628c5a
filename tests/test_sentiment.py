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


def test_curly_quotes_and_apostrophes_are_read_like_ascii_ones():
    # NLTK's VADER alone scores "isn’t good" as positive and “horrible” as neutral.
    assert compound("It isn’t good.") == compound("It isn't good.") < 0
    assert compound("The word “horrible” came up.") == compound('The word "horrible" came up.') < 0
    assert compound("‘Great’ news, he said.") > 0
    # an opening single mark typed as an apostrophe (found by the property test below)
    assert compound("It isn‘t good.") == compound("It isn't good.") < 0


CURLY_TO_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["good", "bad", "isn", "t", "not", "great", "Sanders", "s", "horrible",
                                           "“", "”", "‘", "’", "!", "?", ".", ",", "very"]),
                          st.sampled_from(["", " "])).map("".join), max_size=20).map("".join))
def test_property_typography_does_not_change_sentiment(text):
    assert compound(text) == compound(text.translate(CURLY_TO_STRAIGHT))


def test_sample_sentences_with_curly_marks_score_as_their_ascii_spelling(sample_corpus):
    from framing.text import sentence_spans

    checked = 0
    for text in sample_corpus["text"]:
        for start, end in sentence_spans(text):
            sentence = text[start:end]
            if any(mark in sentence for mark in "“”‘’"):
                checked += 1
                assert compound(sentence) == compound(sentence.translate(CURLY_TO_STRAIGHT)), sentence
    assert checked >= 10  # the sample does use curly marks
