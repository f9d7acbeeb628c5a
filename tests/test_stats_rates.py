"""compare_rates: estimates, intervals, tests, table shape, exclusions, grouping."""

from __future__ import annotations

import json
from itertools import product

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from framing._warnings import FramingError, FramingWarning
from framing.stats._common import bh
from framing.stats.rates import cliffs_delta, compare_rates, feature_columns

FAST = {"n_boot": 300, "n_perm": 299, "random_state": 1}


def make_docs(per_1000, sizes, *, seed=0, shape=2.0, extra_feature=False):
    """Doc features: negative-binomial counts around ``per_1000`` hedges per 1,000 tokens."""
    rng = np.random.default_rng(seed)
    parts = []
    for g, (rate, n) in enumerate(zip(per_1000, sizes)):
        tokens = np.maximum(50, rng.lognormal(np.log(600), 0.5, n)).round().astype(int)
        lam = rng.gamma(shape, rate / shape, n)
        part = pd.DataFrame({"source": f"S{g}", "n_tokens": tokens,
                             "count:stance:hedge": rng.poisson(lam * tokens / 1000)})
        if extra_feature:
            part["count:stance:booster"] = rng.poisson(2.0 * tokens / 1000)
            part["count:attribution:distancing"] = rng.poisson(1.0 * tokens / 1000)
        parts.append(part)
    docs = pd.concat(parts, ignore_index=True)
    docs.insert(0, "doc_id", [f"d{i}" for i in range(len(docs))])
    return docs


def test_group_rate_is_pooled_and_interval_contains_it():
    docs = make_docs([3, 6], [40, 60])
    table = compare_rates(docs, **FAST)
    groups = table[table["comparison"] == "group"].set_index("group_a")
    for source, part in docs.groupby("source"):
        expected = part["count:stance:hedge"].sum() / part["n_tokens"].sum() * 1000
        assert groups.loc[source, "estimate"] == pytest.approx(expected)
        assert groups.loc[source, "n_docs"] == len(part)
    inside = (groups["ci_low"] < groups["estimate"]) & (groups["estimate"] < groups["ci_high"])
    assert inside.all()


def test_table_shape_and_q_over_the_whole_table():
    docs = make_docs([3, 3, 3, 3], [20, 25, 30, 35], extra_feature=True)
    table = compare_rates(docs, **FAST)
    k, p = 4, 3
    assert len(table) == p * (k + 1 + k + k * (k - 1) // 2)
    counts = table.groupby("comparison").size()
    assert counts.to_dict() == {"group": p * k, "omnibus": p, "vs_rest": p * k, "pair": p * 6}
    tested = table["p"].notna()
    assert (tested == table["comparison"].ne("group")).all()
    assert np.allclose(table.loc[tested, "q"], bh(table.loc[tested, "p"]))
    assert set(table["feature"]) == {"stance", "attribution"}
    assert (table.loc[table["comparison"] == "vs_rest", "group_b"] == "rest").all()
    assert table.attrs["n_perm"] == 299 and table.attrs["random_state"] == 1
    json.dumps(table.attrs)


def test_strong_difference_found_and_equal_rates_not():
    docs = make_docs([2, 8], [60, 60], seed=4)
    table = compare_rates(docs, n_boot=500, n_perm=999, random_state=0)
    pair = table[table["comparison"] == "pair"].iloc[0]
    assert pair["p"] <= 0.002 and pair["q"] < 0.01
    assert pair["estimate"] == pytest.approx(pair["rate_a"] / pair["rate_b"])
    assert pair["ci_high"] < 1 and pair["statistic"] < 0 and pair["cliffs_delta"] < -0.3
    null = compare_rates(make_docs([4, 4], [60, 60], seed=5), n_boot=0, n_perm=999)
    assert (null["p"].dropna() > 0.05).all()


def test_two_groups_pair_is_the_vs_rest_test():
    table = compare_rates(make_docs([3, 5], [30, 40], seed=2), **FAST)
    first_vs_rest = table[(table["comparison"] == "vs_rest") & (table["group_a"] == "S0")].iloc[0]
    pair = table[table["comparison"] == "pair"].iloc[0]
    assert pair["p"] == first_vs_rest["p"]
    assert pair["statistic"] == pytest.approx(first_vs_rest["statistic"])
    assert pair["estimate"] == pytest.approx(first_vs_rest["estimate"])


def test_kruskal_and_cliffs_delta_use_per_article_rates():
    docs = make_docs([2, 4, 6], [25, 25, 25], seed=3)
    table = compare_rates(docs, **FAST)
    rates = docs["count:stance:hedge"] / docs["n_tokens"] * 1000
    samples = [rates[docs["source"] == s] for s in ("S0", "S1", "S2")]
    omnibus = table[table["comparison"] == "omnibus"].iloc[0]
    h = stats.kruskal(*samples)
    assert omnibus["p_kruskal"] == pytest.approx(h.pvalue)
    assert omnibus["epsilon_squared"] == pytest.approx(h.statistic / (len(docs) - 1))
    pair = table[(table["group_a"] == "S0") & (table["group_b"] == "S2")].iloc[0]
    u = stats.mannwhitneyu(samples[0], samples[2]).statistic
    assert pair["cliffs_delta"] == pytest.approx(2 * u / (25 * 25) - 1)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=12),
       st.lists(st.integers(0, 5), min_size=1, max_size=12))
def test_cliffs_delta_equals_brute_force(x, y):
    brute = np.mean([np.sign(a - b) for a, b in product(x, y)])
    assert cliffs_delta(x, y) == pytest.approx(brute)


def test_empty_articles_are_excluded_and_counted():
    docs = make_docs([3, 3], [20, 20])
    docs.loc[[0, 1, 25], "n_tokens"] = 0
    docs.loc[[0, 1, 25], "count:stance:hedge"] = 0
    with pytest.warns(FramingWarning, match="n_tokens == 0"):
        table = compare_rates(docs, **FAST)
    assert table.attrs["excluded"] == {"n_tokens == 0": 3}
    groups = table[table["comparison"] == "group"].set_index("group_a")
    assert groups.loc["S0", "n_docs"] == 18 and groups.loc["S1", "n_docs"] == 19


def test_feature_selection():
    docs = make_docs([3], [5], extra_feature=True)
    names = [c for c, _, _ in feature_columns(docs, ["stance:hedge", "attribution"])]
    assert names == ["count:stance:hedge", "count:attribution:distancing"]
    booster = feature_columns(docs, "count:stance:booster")
    assert [c for c, _, _ in booster] == ["count:stance:booster"]
    docs.attrs["feature_columns"] = [("count:stance:booster", "stance", "booster")]
    assert feature_columns(docs) == [("count:stance:booster", "stance", "booster")]
    with pytest.raises(FramingError, match=r"unknown feature 'naming'.*stance:booster"):
        feature_columns(docs, "naming")


def test_features_default_skips_quote_and_speaker_types():
    docs = make_docs([3, 3], [10, 10])
    docs["count:quote_type:direct"] = 1
    docs["count:speaker_type:named"] = 1
    table = compare_rates(docs, n_boot=0, n_perm=0)
    assert set(table["category"]) == {"hedge"}


def test_same_seed_same_table_and_pairs_switch():
    docs = make_docs([3, 4, 5], [20, 20, 20], seed=9)
    first = compare_rates(docs, **FAST)
    again = compare_rates(docs, **FAST)
    pd.testing.assert_frame_equal(first, again)
    no_pairs = compare_rates(docs, pairs=False, **FAST)
    assert "pair" not in set(no_pairs["comparison"])
    assert no_pairs.attrs["pairs"] is False


def test_trends_by_source_and_quarter():
    docs = make_docs([3, 5], [40, 40], seed=6)
    rng = np.random.default_rng(0)
    days = pd.to_timedelta(rng.integers(0, 360, len(docs)), "D")
    docs["date"] = pd.Timestamp("2020-01-01") + days
    docs.loc[[3, 50], "date"] = pd.NaT
    with pytest.warns(FramingWarning, match="date is NaT"):
        table = compare_rates(docs, by="source", period="Q", n_boot=100, n_perm=99)
    groups = table[table["comparison"] == "group"]
    assert len(groups) == 8 and set(groups["date"].dt.month) == {1, 4, 7, 10}
    assert table.attrs["excluded"] == {"date is NaT": 2}
    assert groups["n_docs"].sum() == len(docs) - 2
    with pytest.warns(FramingWarning):
        explicit = compare_rates(docs, by=["source", pd.Grouper(key="date", freq="QS")],
                                 n_boot=100, n_perm=99)
    pd.testing.assert_frame_equal(explicit, table)


def test_cluster_counts_outlets_not_articles():
    # outlets differ a lot within each bias label: the label's rate is uncertain because
    # there are only three outlets, however many articles each has
    docs = make_docs([2, 4, 7, 2.5, 4.5, 6.5], [60] * 6, seed=8, shape=20.0)
    docs["bias"] = np.where(docs["source"].isin(["S0", "S1", "S2"]), "left", "right")
    by_outlet = compare_rates(docs, by="bias", cluster="source", **FAST)
    by_article = compare_rates(docs, by="bias", **FAST)
    assert by_outlet.attrs["units_per_group"] == {"left": 3, "right": 3}
    assert by_article.attrs["units_per_group"] == {"left": 180, "right": 180}
    groups = by_outlet[by_outlet["comparison"] == "group"]
    assert (groups["n_docs"] == 180).all()
    pd.testing.assert_series_equal(groups["estimate"], by_article.loc[groups.index, "estimate"])
    width = (groups["ci_high"] - groups["ci_low"]).to_numpy()
    article_width = (by_article["ci_high"] - by_article["ci_low"]).loc[groups.index].to_numpy()
    assert (width > 1.5 * article_width).all()


def test_bad_input_is_explained():
    docs = make_docs([3, 3], [5, 5])
    with pytest.raises(FramingError, match="n_tokens"):
        compare_rates(docs.drop(columns="n_tokens"))
    with pytest.raises(FramingError, match="at least 2"):
        compare_rates(docs[docs["source"] == "S0"], n_boot=0, n_perm=0)
    bad = docs.copy()
    bad.loc[0, "count:stance:hedge"] = np.nan
    with pytest.raises(FramingError, match="missing or negative"):
        compare_rates(bad, n_boot=0, n_perm=0)
    with pytest.raises(FramingError, match="n_perm"):
        compare_rates(docs, n_perm=-1)


def test_one_article_group_gets_no_interval_and_no_evidence():
    docs = make_docs([3, 3, 3], [1, 30, 30], seed=12)
    table = compare_rates(docs, **FAST)
    lone = table[(table["comparison"] == "group") & (table["group_a"] == "S0")].iloc[0]
    assert np.isnan(lone["ci_low"]) and np.isnan(lone["ci_high"]) and lone["estimate"] >= 0
    others = table[(table["comparison"] == "group") & (table["group_a"] != "S0")]
    assert others["ci_low"].notna().all()
    pair = table[(table["comparison"] == "pair") & (table["group_a"] == "S0")]
    assert pair["ci_low"].isna().all()


def test_time_bins_alone_with_an_empty_quarter_between():
    docs = make_docs([3, 3], [20, 20], seed=13)
    docs["date"] = pd.to_datetime(np.where(np.arange(40) < 25, "2020-02-10", "2020-08-10"))
    table = compare_rates(docs, by=pd.Grouper(key="date", freq="QS"), n_boot=100, n_perm=99)
    groups = table[table["comparison"] == "group"]
    assert list(groups["group_a"]) == ["2020-01-01", "2020-07-01"]
    assert list(groups["n_docs"]) == [25, 15]
