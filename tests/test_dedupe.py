"""Near-duplicate and syndicated articles: finding them, and every comparison's dedupe policy."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest

import framing
from framing import FramingError
from framing.dedupe import apply_dedupe, find_duplicates, syndication_summary

from conftest import shared_file


def lightly_edited(text: str, rng: np.random.Generator, *, every: int = 150) -> str:
    """A republisher's copy: about one word in ``every`` changed, a share line added, spacing changed."""
    words = text.split(" ")
    for k in rng.choice(len(words), size=max(1, len(words) // every), replace=False):
        words[k] = "edited"
    return "Share this story on Facebook\n\n" + " ".join(words).replace("\n\n", "\n") + "\n\nRead more."


@pytest.fixture(scope="module")
def sample_with_copies(sample_corpus):
    """The sample plus two republished copies: WSJ's own run of the story and a copy of Arab News."""
    rng = np.random.default_rng(7)
    wsj = sample_corpus[sample_corpus["origin"] == "The Wall Street Journal"].iloc[0]
    arab = sample_corpus[sample_corpus["source"] == "Arab News"].iloc[0]
    copies = pd.DataFrame({
        "doc_id": ["wsj_own_copy", "arab_copy"],
        "source": ["The Wall Street Journal", "Copycat Daily"],
        "text": [lightly_edited(wsj["text"], rng), lightly_edited(arab["text"], rng)],
        "date": [wsj["date"], arab["date"] + pd.Timedelta(days=1)],
    })
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extra = framing.load_corpus(copies, clean=False)
    corpus = pd.concat([sample_corpus, extra], ignore_index=True)
    return corpus, wsj["doc_id"], arab["doc_id"]


def test_sample_articles_are_distinct_stories(sample_corpus):
    # Five outlets' articles on one story share topic words, not text.
    assert find_duplicates(sample_corpus).empty
    assert find_duplicates(sample_corpus, threshold=0.3).empty


def test_sample_syndication_warning_names_the_writers(sample_corpus):
    messages = syndication_summary(sample_corpus, find_duplicates(sample_corpus))
    assert len(messages) == 1
    assert "Syndicated News runs 1 article(s) by The Wall Street Journal" in messages[0]
    assert "Arabs Today runs 1 article(s) by Reuters" in messages[0]


def test_light_edits_of_sample_articles_cluster_with_their_original(sample_with_copies):
    corpus, wsj_id, arab_id = sample_with_copies
    dups = find_duplicates(corpus)
    clusters = dups.groupby("cluster")["doc_id"].apply(set).tolist()
    assert sorted(map(sorted, clusters)) == sorted([sorted({wsj_id, "wsj_own_copy"}),
                                                   sorted({arab_id, "arab_copy"})])
    assert dups["similarity"].between(0.8, 1.0).all()
    representative = dict(zip(dups["doc_id"], dups["representative"]))
    # The copy published by the story's origin (WSJ itself) represents the WSJ cluster;
    # for Arab News' story (origin AP, neither copy by AP) the earlier one does.
    assert representative[wsj_id] == "wsj_own_copy"
    assert representative["arab_copy"] == arab_id
    warning = " ".join(syndication_summary(corpus, dups))
    assert "2 near-identical stories appear under more than one outlet (4 articles)" in warning


def test_dedupe_policies_on_doc_features(sample_with_copies):
    corpus, wsj_id, arab_id = sample_with_copies
    dups = find_duplicates(corpus)
    docs = framing.doc_features(corpus, framing.extract(corpus), sentiment=False)
    dropped = apply_dedupe(docs, corpus, "drop", duplicates=dups)
    assert set(docs["doc_id"]) - set(dropped["doc_id"]) == {wsj_id, "arab_copy"}
    assert dropped.attrs["dedupe"]["copies_dropped"] == 2
    origin = apply_dedupe(docs, corpus, "origin", duplicates=dups)
    by_id = origin.set_index("doc_id")["source"]
    assert by_id["wsj_own_copy"] == "The Wall Street Journal"
    assert by_id[arab_id] == "AP"            # counted under the writer, not the publisher
    assert apply_dedupe(docs, corpus, "keep") is docs


def test_every_comparison_accepts_dedupe(sample_with_copies):
    corpus, wsj_id, arab_id = sample_with_copies
    dups = find_duplicates(corpus)
    matches = framing.extract(corpus)
    docs = framing.doc_features(corpus, matches, sentiment=False)
    kept_ids = set(corpus["doc_id"]) - {wsj_id, "arab_copy"}

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        shares = framing.stats.naming_shares(matches, corpus, "isis", voice="all", dedupe="drop",
                                             n_boot=50)
        manual = framing.stats.naming_shares(matches[matches["doc_id"].isin(kept_ids)],
                                             corpus[corpus["doc_id"].isin(kept_ids)], "isis",
                                             voice="all", n_boot=50)
        pd.testing.assert_frame_equal(shares, manual, check_like=True)
        assert shares.attrs["dedupe"]["copies_dropped"] == 2

        test = framing.stats.naming_test(matches, corpus, "isis", voice="all", dedupe="origin",
                                         n_perm=50, n_boot=20)
        assert "AP" in set(test["group_a"].dropna()) | set(test["group_b"].dropna())
        assert test.attrs["dedupe"]["mode"] == "origin"

        rates = framing.stats.compare_rates(docs, features="stance", dedupe="drop", duplicates=dups,
                                            n_boot=20, n_perm=20, pairs=False)
        groups = rates[rates["comparison"] == "group"]
        assert groups["n_docs"].sum() == len(kept_ids) * groups["feature"].nunique() \
            * groups["category"].nunique()
        assert rates.attrs["dedupe"]["rows_dropped"] == 2

        sim = framing.stats.similarity(docs, features="stance", dedupe="drop", duplicates=dups,
                                       n_boot=0)
        assert "Copycat Daily" not in set(sim["group_a"])   # its only article was a copy
        for name in ("log_odds", "keyness"):
            func = getattr(framing.stats, name)
            args = {"target": "Copycat Daily"} if name == "log_odds" else {"target": "Arab News"}
            table = func(corpus, by="source", dedupe="keep", **args)
            assert table.attrs["dedupe"] == {"mode": "keep"}
        odds = framing.stats.log_odds(corpus, by="source", dedupe="drop")
        assert "Copycat Daily" not in set(odds["source"])
        dt = framing.stats.document_terms(corpus)
        from_terms = framing.stats.log_odds(dt, by="source", dedupe="drop", duplicates=dups)
        pd.testing.assert_frame_equal(from_terms, odds)


def test_tables_without_text_need_the_clusters(sample_with_copies):
    corpus, _, _ = sample_with_copies
    docs = framing.doc_features(corpus, framing.extract(corpus), sentiment=False)
    with pytest.raises(FramingError, match=r"compare_rates\(dedupe='drop'\).*duplicates=framing"):
        framing.stats.compare_rates(docs, dedupe="drop")
    with pytest.raises(FramingError, match="dedupe must be one of"):
        framing.stats.compare_rates(docs, dedupe="first")
    dt = framing.stats.document_terms(corpus)
    with pytest.raises(FramingError, match="no text"):
        framing.stats.keyness(dt, "source", "Arab News", dedupe="origin")


def test_abp_known_duplicates_and_light_edits_are_found():
    """ABP has 7 bodies that occur twice (data README); add 40 lightly edited copies of other articles."""
    articles = pd.read_parquet(shared_file("abp", "articles.parquet"),
                               columns=["doc_id", "source", "date", "text"])
    twice = articles[articles["text"].duplicated(keep=False)]
    assert twice["text"].nunique() == 7 and len(twice) == 14
    rng = np.random.default_rng(2026)
    others = articles.drop(twice.index).sample(1500, random_state=3)
    long_enough = others[others["text"].str.split().str.len() > 300].head(40)
    copies = long_enough.assign(
        doc_id=long_enough["doc_id"] + "_copy", source="Copycat Daily",
        text=[lightly_edited(t, rng) for t in long_enough["text"]])
    corpus = pd.concat([twice, others, copies], ignore_index=True)
    dups = find_duplicates(corpus)
    cluster_of = dict(zip(dups["doc_id"], dups["cluster"]))

    for _, pair in twice.groupby("text"):
        a, b = pair["doc_id"]
        assert a in cluster_of and cluster_of[a] == cluster_of.get(b)
    found = sum(cluster_of.get(d) is not None and cluster_of.get(d) == cluster_of.get(d + "_copy")
                for d in long_enough["doc_id"])
    assert found == len(long_enough)
    # Nothing else: the clusters are exactly the known pairs and the copies (the 1,500
    # sampled articles hold no other near-duplicates; any would be listed here).
    expected = set(twice["doc_id"]) | set(long_enough["doc_id"]) | set(copies["doc_id"])
    extra = set(dups["doc_id"]) - expected
    assert not extra, sorted(extra)


def test_duplicate_finder_is_deterministic_and_does_not_touch_input(sample_with_copies):
    corpus, _, _ = sample_with_copies
    before = corpus.copy()
    first, second = find_duplicates(corpus), find_duplicates(corpus.sample(frac=1, random_state=1))
    pd.testing.assert_frame_equal(corpus, before)
    key = ["doc_id", "representative", "similarity"]
    pd.testing.assert_frame_equal(first[key].sort_values("doc_id").reset_index(drop=True),
                                  second[key].sort_values("doc_id").reset_index(drop=True))
    with pytest.raises(FramingError, match="threshold"):
        find_duplicates(corpus, threshold=1.5)
    assert re.search(r"MinHash", first.attrs["method"])
