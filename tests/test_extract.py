"""extract / doc_features / kwic / FramingVectorizer: the tables of DESIGN.md, evidence that reproduces the text."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import framing
from framing import FramingError
from framing.features.base import COLUMNS
from framing.features.sentiment import compound

from conftest import doc_of, shared_file


def test_matches_table_has_the_design_columns(sample_matches):
    assert list(sample_matches.columns) == COLUMNS
    assert set(sample_matches["feature"]) == {"naming", "attribution", "stance"}
    assert sample_matches["in_quote"].dtype == bool
    assert sample_matches["start"].dtype == np.int64


def test_every_match_reproduces_its_text(sample_corpus, sample_matches):
    texts = dict(zip(sample_corpus["doc_id"], sample_corpus["text"]))
    for row in sample_matches.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.match


def test_sentence_index_points_at_the_sentence_holding_the_match(sample_corpus, sample_matches):
    sentences = framing.text.sentences(sample_corpus)
    joined = sample_matches.merge(sentences, left_on=["doc_id", "sentence"],
                                  right_on=["doc_id", "sentence"], suffixes=("", "_s"))
    assert len(joined) == len(sample_matches)
    assert ((joined["start_s"] <= joined["start"]) & (joined["start"] < joined["end_s"])).all()


def test_source_copied_from_corpus(sample_corpus, sample_matches):
    sources = dict(zip(sample_corpus["doc_id"], sample_corpus["source"]))
    assert (sample_matches["doc_id"].map(sources) == sample_matches["source"]).all()


def test_parallel_extraction_is_identical(sample_corpus, sample_matches):
    parallel = framing.extract(sample_corpus, n_jobs=2, chunksize=2)
    pd.testing.assert_frame_equal(parallel, sample_matches)


def test_features_can_be_restricted(sample_corpus):
    naming = framing.extract(sample_corpus, features=["naming"])
    assert set(naming["feature"]) == {"naming"}
    with pytest.raises(FramingError, match="no lexicon provides feature"):
        framing.extract(sample_corpus, features=["colour"])


def test_user_lexicon_with_a_custom_feature(sample_corpus):
    mine = {"lexicon": "places", "feature": "place", "categories": {
        "cities": {"entries": [{"label": "Raqqa", "patterns": ["Raqqa"]},
                               {"label": "Mosul", "patterns": ["Mosul"]}]}}}
    matches = framing.extract(sample_corpus, lexicons=[mine])
    assert set(matches["feature"]) == {"place"}
    assert set(matches["label"]) == {"Raqqa", "Mosul"}
    counted = sum(t.count("Raqqa") + t.count("Mosul") for t in sample_corpus["text"])
    assert len(matches) == counted


def test_extract_rejects_a_table_without_text():
    with pytest.raises(FramingError, match="no text column"):
        framing.extract(pd.DataFrame({"doc_id": ["a"], "body": ["x"]}))


def test_empty_corpus_and_empty_texts():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["", "   "], "source": ["X", "Y"]})
    matches = framing.extract(corpus)
    assert matches.empty and list(matches.columns) == COLUMNS
    docs = framing.doc_features(corpus, matches, sentiment=False)
    assert docs["n_tokens"].tolist() == [0, 0]


def test_a_table_without_matches_has_the_dtypes_of_one_with_matches():
    # so that filters such as ``matches["match"].str.lower()`` work on an empty result too
    empty = framing.extract(pd.DataFrame({"doc_id": ["a"], "text": ["Nothing to see here."]}))
    full = framing.extract(pd.DataFrame({"doc_id": ["a"], "text": ["He said it was over."]}))
    assert empty.empty and not full.empty
    assert empty.dtypes.to_dict() == full.dtypes.to_dict()
    assert empty["match"].str.lower().empty


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=400), min_size=1, max_size=3))
def test_extraction_never_raises_and_offsets_stay_valid(texts):
    # Seed the text with phrases every feature looks for, so the detectors run on odd context.
    seeded = [t + ' "so-called” ISIS said, “may‘ ' + t[::-1] for t in texts]
    corpus = pd.DataFrame({"doc_id": [str(i) for i in range(len(seeded))], "text": seeded,
                           "source": "x"})
    matches = framing.extract(corpus, on_error="raise")
    for row in matches.itertuples():
        text = seeded[int(row.doc_id)]
        assert 0 <= row.start < row.end <= len(text)
        assert text[row.start:row.end] == row.match
    docs = framing.doc_features(corpus, matches, sentiment=False)
    assert len(docs) == len(seeded)


def test_a_failing_article_is_recorded_and_the_run_continues(sample_corpus, monkeypatch):
    import sys

    module = sys.modules["framing.extract"]  # framing.extract is the function of that name

    # The last stage of an article (after attribution), failing once its rows are added.
    real = module._describe

    def flaky(doc, number, rows, wanted, rules):
        real(doc, number, rows, wanted, rules)
        if doc.doc_id.startswith("002"):
            raise RuntimeError("simulated failure")

    monkeypatch.setattr(module, "_describe", flaky)
    with pytest.warns(framing.FramingWarning, match=r"failed on 1 of 5 article\(s\).*002_.*simulated"):
        matches = framing.extract(sample_corpus)
    errors = pd.DataFrame(matches.attrs["errors"])
    assert errors["doc_id"].str.startswith("002").tolist() == [True]
    matches.to_parquet(pd.io.common.BytesIO())  # attrs stay serialisable
    assert not matches["doc_id"].str.startswith("002").any()  # no half-finished rows
    assert set(matches["doc_id"].str[:3]) == {"000", "001", "003", "004"}
    with pytest.raises(RuntimeError, match="simulated"):
        framing.extract(sample_corpus, on_error="raise")


# --------------------------------------------------------------------------- doc_features


def test_doc_features_counts_agree_with_matches(sample_corpus, sample_matches):
    docs = framing.doc_features(sample_corpus, sample_matches)
    assert len(docs) == 5 and docs["doc_id"].tolist() == sample_corpus["doc_id"].tolist()
    for (doc_id, feature, category), n in sample_matches.groupby(["doc_id", "feature", "category"]).size().items():
        row = docs.set_index("doc_id").loc[doc_id]
        assert row[f"count:{feature}:{category}"] == n
        assert row[f"rate:{feature}:{category}"] == pytest.approx(n / row["n_tokens"] * 1000)
    for column in ("n_tokens", "n_sentences", "sentiment", "sentiment_own", "sentiment_quoted",
                   "share_anonymous", "source", "origin", "date"):
        assert column in docs.columns
    assert docs["n_tokens"].gt(300).all()
    assert docs["sentiment"].between(-1, 1).all()
    assert (docs["count:naming:isis"] > 0).all()


def test_doc_features_naming_voice_columns(sample_corpus, sample_matches):
    docs = framing.doc_features(sample_corpus, sample_matches, sentiment=False).set_index("doc_id")
    arab_news = doc_of(sample_corpus, "000")["doc_id"]
    assert docs.loc[arab_news, "count:naming:isis:ISIS:quoted"] == 1
    assert docs.loc[arab_news, "count:naming:isis:Daesh:own"] > 10
    assert "count:naming:isis:ISIS:own" not in docs.columns or docs.loc[arab_news, "count:naming:isis:ISIS:own"] == 0


def test_doc_features_quoted_sentiment_is_speech_only():
    # The title and the mentioned word carry strong sentiment; only the speech is quoted speech.
    text = ("Officials discussed the book “Hate and Terror” on Monday. The word “horrible” came up twice.\n\n"
            "“We love this wonderful victory,” the mayor said.")
    corpus = framing.load_corpus(pd.DataFrame({"doc_id": ["a"], "source": ["s"], "text": [text]}))
    matches = framing.extract(corpus)
    docs = framing.doc_features(corpus, matches).iloc[0]
    speech = compound("We love this wonderful victory,")
    assert speech > 0.5 and docs["sentiment_quoted"] == pytest.approx(speech)
    # The sentences with the title and the mention are the outlet's own words, whole.
    own = [compound("Officials discussed the book “Hate and Terror” on Monday."),
           compound("The word “horrible” came up twice.")]
    assert min(own) < 0
    in_quotes = matches[matches["in_quote"].astype(bool)]
    assert not in_quotes["start"].lt(text.index("\n")).any()  # the extract view agrees: no quoted rows there
    assert docs["sentiment_own"] < docs["sentiment_quoted"]


def test_doc_features_rejects_matches_from_another_corpus(sample_corpus, sample_matches):
    with pytest.raises(FramingError, match="not in the corpus"):
        framing.doc_features(sample_corpus.iloc[:2], sample_matches)


# --------------------------------------------------------------------------- kwic


def test_kwic_shows_each_match_in_context(sample_corpus, sample_matches):
    subset = sample_matches.query("feature == 'attribution' and label == 'claim'")
    table = framing.kwic(sample_corpus, subset, window=40)
    assert len(table) == len(subset)
    for row in table.itertuples():
        assert row.match in row.sentence_text
        assert len(row.left) <= 41 and len(row.right) <= 41
    assert list(table.columns[:5]) == ["doc_id", "source", "left", "match", "right"]


def test_kwic_refuses_matches_of_another_text(sample_corpus, sample_matches):
    tampered = sample_matches.head(1).assign(start=lambda t: t["start"] + 1)
    with pytest.raises(FramingError, match="another version of the corpus"):
        framing.kwic(sample_corpus, tampered)


# --------------------------------------------------------------------------- scikit-learn


def test_vectorizer_in_a_pipeline(sample_corpus):
    vec = framing.FramingVectorizer()
    X = vec.fit_transform(sample_corpus["text"])
    names = list(vec.get_feature_names_out())
    assert X.shape == (5, len(names))
    assert "naming:isis:Daesh" in names and "attribution:distancing" in names
    pipe = make_pipeline(framing.FramingVectorizer(), StandardScaler(with_mean=False))
    assert pipe.fit_transform(sample_corpus["text"]).shape == X.shape
    counts = framing.FramingVectorizer(measure="count").fit_transform(sample_corpus["text"])
    daesh = names.index("naming:isis:Daesh")
    expected = [int(((m["label"] == "Daesh") & (m["category"] == "isis")).sum())
                for _, m in framing.extract(sample_corpus).groupby("doc_id", sort=False)]
    assert counts[:, daesh].toarray().ravel().tolist() == expected


def test_vectorizer_learns_nothing_from_texts_and_validates_input():
    a = framing.FramingVectorizer().fit(["one text"])
    b = framing.FramingVectorizer().fit(["a different text", "and another"])
    assert list(a.get_feature_names_out()) == list(b.get_feature_names_out())
    with pytest.raises(ValueError, match="single string"):
        framing.FramingVectorizer().fit("not a list")


# --------------------------------------------------------------------------- real corpus


def test_extract_on_real_articles_keeps_offsets_valid():
    path = shared_file("abp", "articles.parquet")
    frame = pd.read_parquet(path).head(200)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = framing.load_corpus(frame)
    matches = framing.extract(corpus)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    assert len(matches) > 200 * 5
    assert all(texts[d][s:e] == m for d, s, e, m in
               zip(matches["doc_id"], matches["start"], matches["end"], matches["match"]))
    per_doc = matches.groupby("doc_id").size()
    assert per_doc.median() > 5


def test_voice_is_the_same_whatever_features_are_asked_for(sample_corpus, sample_matches):
    naming_only = framing.extract(sample_corpus, features=["naming"])
    full = sample_matches[sample_matches["feature"] == "naming"].reset_index(drop=True)
    assert set(naming_only["feature"]) == {"naming"}
    assert naming_only["in_quote"].tolist() == full["in_quote"].tolist()
    stance_only = framing.extract(sample_corpus, features=["stance"])
    scare = lambda m: m[m["category"] == "scare_quote"]["match"].tolist()  # noqa: E731
    assert scare(stance_only) == scare(sample_matches)
