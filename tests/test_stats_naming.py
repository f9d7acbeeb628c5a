"""naming_shares and naming_test: shares, intervals, tests against scipy, errors, real data."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from scipy.stats.contingency import association

from framing._warnings import FramingError, FramingWarning
from framing.stats._common import bh
from framing.stats.naming import (chi2_of_tables, cramers_v, naming_shares, naming_test,
                                  table_statistics)

FAST = {"n_boot": 300, "random_state": 1}


def corpus_and_matches(mentions, *, dates=None, extra=None):
    """A corpus and naming matches from {doc_id: (source, [(label, in_quote), ...])}."""
    ids = list(mentions)
    corpus = pd.DataFrame({"doc_id": ids, "source": [mentions[d][0] for d in ids]})
    if dates is not None:
        corpus["date"] = pd.to_datetime(dates)
    rows = [{"doc_id": d, "source": src, "feature": "naming", "category": "isis", "label": label,
             "in_quote": quoted, "metalinguistic": False}
            for d, (src, names) in mentions.items() for label, quoted in names]
    rows += list(extra or [])
    return corpus, pd.DataFrame(rows)


@pytest.fixture()
def small():
    return corpus_and_matches({
        "a1": ("A", [("ISIS", False), ("ISIS", False), ("Daesh", True)]),
        "a2": ("A", [("ISIS", False)]),
        "a3": ("A", []),
        "b1": ("B", [("Islamic State", False), ("Islamic State", False)]),
        "b2": ("B", [("Islamic State", False), ("ISIS", False)]),
    })


def table_to_matches(table, groups=("A", "B", "C"), variants=("x", "y", "z"), per_article=1):
    """Matches realising a groups x variants table; ``per_article`` mentions share an article."""
    mentions, counter = {}, 0
    for g, row in enumerate(np.asarray(table)):
        labels = [variants[v] for v, n in enumerate(row) for _ in range(int(n))]
        for start in range(0, len(labels), per_article):
            mentions[f"d{counter}"] = (groups[g], [(lab, False) for lab in
                                                   labels[start:start + per_article]])
            counter += 1
    return corpus_and_matches(mentions)


# --------------------------------------------------------------------------- shares


def test_shares_are_pooled_counts_and_zero_variants_have_rows(small):
    corpus, matches = small
    shares = naming_shares(matches, corpus, "isis", voice="own", **FAST)
    a = shares[shares["group"] == "A"].set_index("variant")
    b = shares[shares["group"] == "B"].set_index("variant")
    assert a.loc["ISIS", "count"] == 3 and a.loc["ISIS", "share"] == 1.0
    # Daesh appears only in quoted speech, Islamic State only in B: both still have rows in A
    assert a.loc["Daesh", "count"] == 0 and a.loc["Daesh", "share"] == 0.0
    assert a.loc["Islamic State", "count"] == 0
    assert b.loc["Islamic State", "share"] == pytest.approx(0.75)
    assert set(shares["variant"]) == {"ISIS", "Daesh", "Islamic State"}
    assert len(shares) == 2 * 3
    assert a["n_docs"].iloc[0] == 3 and a["n_docs_with_family"].iloc[0] == 2
    assert np.allclose(shares.groupby("group")["share"].sum(), 1.0)


def test_voice_selects_own_quoted_or_all(small):
    corpus, matches = small
    count = {voice: naming_shares(matches, corpus, "isis", voice=voice, n_boot=0)
             .query("group == 'A'").set_index("variant")["count"]
             for voice in ("own", "quoted", "all")}
    assert count["own"]["Daesh"] == 0 and count["quoted"]["Daesh"] == 1
    assert count["all"]["Daesh"] == 1
    assert count["quoted"]["ISIS"] == 0 and count["all"]["ISIS"] == 3


def test_mentions_left_out_unless_asked(small):
    corpus, matches = small
    mention = {"doc_id": "b1", "source": "B", "feature": "naming", "category": "isis",
               "label": "Daesh", "in_quote": False, "metalinguistic": True}
    matches = pd.concat([matches, pd.DataFrame([mention])], ignore_index=True)
    used = naming_shares(matches, corpus, "isis", n_boot=0).set_index(["group", "variant"])
    both = naming_shares(matches, corpus, "isis", include_mentions=True, n_boot=0) \
        .set_index(["group", "variant"])
    assert used.loc[("B", "Daesh"), "count"] == 0
    assert both.loc[("B", "Daesh"), "count"] == 1
    assert used.attrs["metalinguistic_left_out"] == 1


def test_bootstrap_interval_contains_estimate_and_is_reproducible():
    rng = np.random.default_rng(3)
    share_x = {"A": 0.3, "B": 0.7}
    mentions = {}
    for i in range(120):
        src = "AB"[i % 2]
        mentions[f"d{i}"] = (src, [("x" if rng.random() < share_x[src] else "y", False)
                                   for _ in range(rng.integers(1, 5))])
    corpus, matches = corpus_and_matches(mentions)
    first = naming_shares(matches, corpus, "isis", n_boot=500, random_state=5)
    again = naming_shares(matches, corpus, "isis", n_boot=500, random_state=5)
    other = naming_shares(matches, corpus, "isis", n_boot=500, random_state=6)
    assert ((first["ci_low"] <= first["share"]) & (first["share"] <= first["ci_high"])).all()
    assert (first["ci_high"] > first["ci_low"]).all()
    pd.testing.assert_frame_equal(first, again)
    assert not np.allclose(first["ci_low"], other["ci_low"])
    assert first.attrs["n_boot"] == 500 and first.attrs["random_state"] == 5
    json.dumps(first.attrs)   # attrs must survive to_parquet / JSON


def test_variant_dict_merges_labels(small):
    corpus, matches = small
    shares = naming_shares(matches, corpus, "isis", voice="all", n_boot=0,
                           variants={"acronym": ["ISIS", "Daesh"], "state": ["Islamic State"]})
    b = shares.query("group == 'B'").set_index("variant")
    assert list(shares["variant"].unique()) == ["acronym", "state"]
    assert b.loc["acronym", "count"] == 1 and b.loc["state", "count"] == 3


def test_unknown_family_lists_available(small):
    corpus, matches = small
    with pytest.raises(FramingError, match=r"unknown naming family 'daesh'.*isis"):
        naming_shares(matches, corpus, "daesh")
    with pytest.raises(FramingError, match="unknown naming family"):
        naming_test(matches, corpus, "daesh")


def test_a_corpus_subset_restricts_the_matches_and_says_so(small):
    corpus, matches = small
    subset = corpus[corpus["doc_id"] != "b2"]
    with pytest.warns(FramingWarning, match=r"belong to articles outside the corpus"):
        shares = naming_shares(matches, subset, "isis")
    expected = naming_shares(matches[matches["doc_id"] != "b2"], subset, "isis")
    pd.testing.assert_frame_equal(shares, expected)
    with pytest.raises(FramingError, match="none of the .* naming matches belong"):
        naming_shares(matches, corpus.assign(doc_id=corpus["doc_id"] + "-other"), "isis")


def test_time_bins_and_undated_articles_are_counted():
    corpus, matches = corpus_and_matches(
        {"a1": ("A", [("x", False)]), "a2": ("A", [("y", False)]), "b1": ("B", [("x", False)]),
         "b2": ("B", [("x", False)])},
        dates=["2020-01-05", "2020-05-01", None, "2020-02-01"])
    with pytest.warns(FramingWarning, match="left out 1"):
        shares = naming_shares(matches, corpus, "isis",
                               by=["source", pd.Grouper(key="date", freq="QS")], n_boot=0)
    assert shares.attrs["excluded"] == {"date is NaT": 1}
    assert sorted(set(shares["group"])) == ["A | 2020-01-01", "A | 2020-04-01", "B | 2020-01-01"]
    assert "date" in shares.columns
    with pytest.warns(FramingWarning):
        by_period = naming_shares(matches, corpus, "isis", by="source", period="Q", n_boot=0)
    pd.testing.assert_frame_equal(by_period.reset_index(drop=True), shares.reset_index(drop=True))


# --------------------------------------------------------------------------- tests vs scipy


@pytest.mark.parametrize("table", [
    [[12, 5, 3], [4, 9, 8], [7, 7, 2]],
    [[30, 2, 0], [25, 6, 4], [3, 1, 9]],
])
def test_chi2_g_and_cramers_v_match_scipy(table):
    table = np.array(table)
    corpus, matches = table_to_matches(table)
    result = naming_test(matches, corpus, "isis", n_perm=0, n_boot=0)
    omnibus = result.iloc[0]
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    g, p_g, _, _ = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")
    assert omnibus["statistic"] == pytest.approx(chi2) and omnibus["p"] == pytest.approx(p)
    assert omnibus["dof"] == dof
    assert omnibus["g_statistic"] == pytest.approx(g) and omnibus["p_g"] == pytest.approx(p_g)
    assert omnibus["cramers_v"] == pytest.approx(association(table, method="cramer"))
    assert 0 <= omnibus["cramers_v_corrected"] <= omnibus["cramers_v"]
    pair = result[(result["group_a"] == "A") & (result["group_b"] == "C")].iloc[0]
    sub = table[[0, 2]][:, table[[0, 2]].sum(axis=0) > 0]
    assert pair["statistic"] == pytest.approx(stats.chi2_contingency(sub, correction=False)[0])
    assert result.attrs["table"]["B"] == {"x": int(table[1, 0]), "y": int(table[1, 1]),
                                          "z": int(table[1, 2])}


def test_fisher_on_two_by_two_matches_scipy():
    table = np.array([[8, 2], [1, 5]])
    corpus, matches = table_to_matches(table, groups=("A", "B"), variants=("x", "y"))
    omnibus = naming_test(matches, corpus, "isis", n_perm=0, n_boot=0).iloc[0]
    assert omnibus["p_fisher"] == pytest.approx(stats.fisher_exact(table).pvalue)
    three = table_statistics(np.array([[8, 2, 1], [1, 5, 3]]))
    assert np.isnan(three["p_fisher"])


def test_vectorised_chi2_equals_scipy_on_many_tables():
    rng = np.random.default_rng(0)
    tables = rng.integers(1, 30, size=(50, 3, 4))
    expected = [stats.chi2_contingency(t, correction=False)[0] for t in tables]
    assert np.allclose(chi2_of_tables(tables), expected)


def test_bias_corrected_cramers_v_known_value():
    # Bergsma (2013): phi2 - (r-1)(c-1)/(n-1), with corrected r and c
    v = cramers_v(10.0, 100, 2, 3, corrected=True)
    phi2 = max(0.0, 0.1 - 2 / 99)
    assert v == pytest.approx(np.sqrt(phi2 / (min(2 - 1 / 99, 3 - 4 / 99) - 1)))


# --------------------------------------------------------------------------- permutation


def test_permutation_p_small_for_strong_effect_and_not_for_null():
    rng = np.random.default_rng(11)

    def simulated(p_a, p_b, n=60):
        mentions = {}
        for i in range(n):
            src, p_x = ("A", p_a) if i < n // 2 else ("B", p_b)
            mentions[f"d{i}"] = (src, [("x" if rng.random() < p_x else "y", False)
                                       for _ in range(rng.integers(1, 4))])
        corpus, matches = corpus_and_matches(mentions)
        return matches, corpus

    strong = naming_test(*simulated(0.9, 0.1), "isis", n_perm=999, n_boot=0)
    null = naming_test(*simulated(0.5, 0.5), "isis", n_perm=999, n_boot=0)
    assert strong.iloc[0]["p_perm"] <= 0.002
    assert null.iloc[0]["p_perm"] > 0.05


def test_pairs_get_bh_q_and_interval_for_the_contrasted_variant():
    rng = np.random.default_rng(2)
    mentions = {}
    for i in range(90):
        src = "ABC"[i % 3]
        p_x = {"A": 0.8, "B": 0.5, "C": 0.2}[src]
        mentions[f"d{i}"] = (src, [("x" if rng.random() < p_x else "y", False) for _ in range(3)])
    corpus, matches = corpus_and_matches(mentions)
    result = naming_test(matches, corpus, "isis", variant="x", n_perm=999, n_boot=400,
                         random_state=3)
    pairs = result[result["comparison"] == "pair"]
    assert list(zip(pairs["group_a"], pairs["group_b"])) == [("A", "B"), ("A", "C"), ("B", "C")]
    assert np.allclose(result["q"], bh(result["p_perm"]))     # one family: every row of the table
    assert (result["q"] >= result["p_perm"]).all()
    assert ((pairs["ci_low"] <= pairs["estimate"]) & (pairs["estimate"] <= pairs["ci_high"])).all()
    ac = pairs[(pairs["group_a"] == "A") & (pairs["group_b"] == "C")].iloc[0]
    assert ac["estimate"] == pytest.approx(ac["share_a"] - ac["share_b"]) and ac["ci_low"] > 0.3
    assert (pairs["variant"] == "x").all()
    assert list(result.columns[:4]) == ["comparison", "group_a", "group_b", "variant"]


def test_fewer_than_two_groups_with_mentions_is_an_error():
    corpus, matches = corpus_and_matches({"a1": ("A", [("x", False)]), "b1": ("B", [])})
    with pytest.raises(FramingError, match="at least 2 groups"):
        naming_test(matches, corpus, "isis")


def test_cluster_resamples_outlets():
    # bias A: outlets A1, A2 both say x; bias B: B1 says y, B2 says x. Counting articles,
    # A and B differ clearly; counting outlets (2 per label) it is one odd outlet, and every
    # way of splitting four outlets in two gives the same table: no evidence at all.
    mentions = {}
    for i in range(80):
        outlet = ["A1", "A2", "B1", "B2"][i % 4]
        mentions[f"d{i}"] = (outlet, [("y" if outlet == "B1" else "x", False)] * 2)
    corpus, matches = corpus_and_matches(mentions)
    corpus["bias"] = corpus["source"].str[0]
    articles = naming_test(matches, corpus, "isis", by="bias", n_perm=999, n_boot=0)
    outlets = naming_test(matches, corpus, "isis", by="bias", cluster="source", n_perm=999,
                          n_boot=200)
    assert outlets.attrs["units_per_group"] == {"A": 2, "B": 2}
    assert articles.attrs["units_per_group"] == {"A": 40, "B": 40}
    assert articles.iloc[0]["statistic"] == outlets.iloc[0]["statistic"]
    assert articles.iloc[0]["p_perm"] < 0.01
    assert outlets.iloc[0]["p_perm"] == 1.0


# --------------------------------------------------------------------------- real data


def test_abp_illegal_share_higher_on_the_right():
    """Known answer: right-labelled outlets say "illegal immigrant/alien" more than left ones."""
    from conftest import shared_file

    path = shared_file("abp", "articles.parquet")
    import framing

    articles = pd.read_parquet(path)
    articles = articles[articles["topic"] == "immigration"].reset_index(drop=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = framing.load_corpus(articles, clean=False)
        matches = framing.extract(corpus, features=["naming"])
    illegal = sorted(lab for lab in matches.query("category == 'immigration'")["label"].unique()
                     if lab.startswith("illegal"))
    assert illegal, "the immigration family should have 'illegal ...' labels"
    for cluster in (None, "source"):
        test = naming_test(matches, corpus, "immigration", by="bias_label", variant=illegal,
                           cluster=cluster, n_perm=999, n_boot=1000, random_state=0)
        pair = test[(test["group_a"] == "left") & (test["group_b"] == "right")].iloc[0]
        # left minus right: the whole interval is below zero
        assert pair["share_b"] > pair["share_a"]
        assert pair["ci_high"] < 0, (cluster, pair[["estimate", "ci_low", "ci_high"]].to_dict())
        assert pair["p_perm"] < 0.01
