"""The speed-ups of extract's preparation stages change nothing in the output.

Articles are prepared a block at a time (framing.extract._BLOCK); the block
size must not show in the matches, and an article whose preparation fails
must be reported (or raised) exactly as when articles were prepared one by one.
"""

from __future__ import annotations

import importlib
import warnings

import numpy as np
import pandas as pd
import pytest

import framing
from framing._warnings import FramingWarning

# The module, not the function that framing re-exports under the same name.
fx = importlib.import_module("framing.extract")


@pytest.fixture(scope="module")
def sample():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return framing.load_sample()


def test_block_size_does_not_change_matches(sample, monkeypatch):
    expected = framing.extract(sample)
    for block in (1, 2, 3):
        monkeypatch.setattr(fx, "_BLOCK", block)
        pd.testing.assert_frame_equal(framing.extract(sample), expected)


def test_prepared_block_equals_prepare_one_by_one(sample):
    texts = list(sample["text"]) + ["", "“Why?” Jalal asked.", "He said \"we won."]
    ids = [str(k) for k in range(len(texts))]
    from framing.lexicon import load_lexicons

    matcher = fx.PhraseMatcher([e for lex in load_lexicons() for e in lex.entries])
    docs = fx._prepare_block(texts, ids, ids, matcher)
    assert len(docs) == len(texts)
    for text, doc_id, doc in zip(texts, ids, docs):
        one = fx._prepare(text, doc_id, doc_id, matcher)
        assert doc.view == one.view and doc.doc_id == one.doc_id
        for name in ("sentences", "quotes", "quote_closed", "quote_words"):
            got, want = getattr(doc, name), getattr(one, name)
            assert got.dtype == want.dtype and got.shape == want.shape and (got == want).all(), name
        for name in ("entry", "start", "end"):
            assert (getattr(doc.hits, name) == getattr(one.hits, name)).all()


def _failing_sentences(monkeypatch, marker):
    real = fx.sentence_spans

    def sentence_spans(text, **kwargs):
        if marker in text:
            raise ValueError("broken article")
        return real(text, **kwargs)

    monkeypatch.setattr(fx, "sentence_spans", sentence_spans)


def test_failed_preparation_is_recorded_in_order(sample, monkeypatch):
    marker = "\u2063"  # an invisible separator no sample article holds
    corpus = sample.copy()
    bad = corpus["doc_id"].iloc[1]
    corpus.loc[corpus.index[1], "text"] = corpus["text"].iloc[1] + marker
    expected = framing.extract(sample[sample["doc_id"] != bad])
    monkeypatch.setattr(fx, "_BLOCK", 2)
    _failing_sentences(monkeypatch, marker)
    with pytest.warns(FramingWarning, match="extraction failed on 1 of 5"):
        matches = framing.extract(corpus)
    assert matches.attrs["errors"] == [{"doc_id": bad, "error": "ValueError: broken article"}]
    pd.testing.assert_frame_equal(matches, expected)
    with pytest.raises(ValueError, match="broken article"):
        framing.extract(corpus, on_error="raise")


def test_failures_in_different_stages_come_out_in_article_order(sample, monkeypatch):
    # Attribution runs over a whole block before the later stages: an article
    # failing late must still be reported before a later article failing early.
    real_attribute, real_describe = fx._attribute, fx._describe

    def attribute(doc, number, rows, wanted, rules):
        real_attribute(doc, number, rows, wanted, rules)
        if doc.doc_id.startswith("003"):
            raise KeyError("attribution broke")

    def describe(doc, number, rows, wanted, rules):
        real_describe(doc, number, rows, wanted, rules)
        if doc.doc_id.startswith("001"):
            raise RuntimeError("naming broke")

    monkeypatch.setattr(fx, "_attribute", attribute)
    monkeypatch.setattr(fx, "_describe", describe)
    with pytest.raises(RuntimeError, match="naming broke"):
        framing.extract(sample, on_error="raise")
    with pytest.warns(FramingWarning, match="extraction failed on 2 of 5"):
        matches = framing.extract(sample)
    assert [error["doc_id"][:3] for error in matches.attrs["errors"]] == ["001", "003"]
    assert set(matches["doc_id"].str[:3]) == {"000", "002", "004"}
    monkeypatch.undo()
    expected = framing.extract(sample)
    kept = expected[expected["doc_id"].str[:3].isin(["000", "002", "004"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(matches, kept)


@pytest.mark.parametrize("stride", [50, 2 ** 40])  # packed keys, and the lexsort fallback
def test_row_order_is_lexsort(stride):
    rng = np.random.default_rng(0)
    n = 2000
    doc_index = np.sort(rng.integers(0, 30, n))
    starts = rng.integers(0, 40, n)
    ends = starts + rng.integers(0, 10, n)
    features = np.array(rng.choice(["stance", "naming", "attribution", "zz"], n), dtype=object)
    expected = np.lexsort((features, ends, starts, doc_index))
    assert (fx._row_order(doc_index, starts, ends, features, stride) == expected).all()


def test_strings_taken_is_the_column_pandas_builds():
    ids = ["a", "b", "c\u00e9", ""]
    index = np.array([0, 0, 2, 3, 1, 2])
    built = pd.DataFrame({"x": fx._strings_taken(ids, index)})
    expected = pd.DataFrame({"x": np.asarray(ids, dtype=object)[index]})
    pd.testing.assert_frame_equal(built, expected)


def _old_noun_cue_before(pattern, before):
    kept = before.rstrip()
    if kept.endswith((",", ":")):
        kept = kept[:-1].rstrip()
    return pattern.search(before, max(0, len(kept) - 40)) is not None


@pytest.mark.parametrize("name", ["_TITLE_CUES", "_MENTION_BEFORE"])
def test_noun_cue_search_from_the_last_word_finds_what_the_reach_did(name):
    from framing.features import quotes

    pattern = getattr(quotes, name)
    rng = np.random.default_rng(1)
    pieces = ["the", "book", "Book", "op-ed", "term", "TERMS", "word", "re", "x" * 45, "ſong", "\u212aey",
              "e-book", "phrase\u00e9", "“", "(", "-", "_", "1"]
    gaps = [" ", "", "  ", "\n", "\t", ",", ":", ", ", " :", ",,", "\u00a0", "\u2003", "\x1c", ": \n"]
    for _ in range(20000):
        parts = rng.choice(pieces, rng.integers(0, 5)).tolist()
        before = "".join(part + str(rng.choice(gaps)) for part in parts)
        assert quotes._noun_cue_before(pattern, before) == _old_noun_cue_before(pattern, before), repr(before)
