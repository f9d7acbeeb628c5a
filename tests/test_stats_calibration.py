"""Calibration by simulation: do framing's p-values, q-values and intervals mean what they say?

Synthetic corpora in which every outlet shares one generating process (articles
of varied lengths, article-level heterogeneity: negative-binomial counts; names
chosen per article, so mentions cluster) must give uniform p-values, few
q < 0.05 and intervals covering the true value at their nominal rate; a planted
difference must be found; and a token-level test that treats mentions as
independent must be shown to fail where framing's article-level test holds.

The simulation functions are reused, with more runs, by
``benchmarks/stats_calibration.py``. Runs here are few (seeded) to keep the
file fast; expect Monte Carlo error of a couple of percentage points.
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from framing.stats import _resample as rs
from framing.stats.naming import naming_shares, naming_test
from framing.stats.rates import compare_rates

TRUE_RATE = 3.0          # per 1,000 tokens
TRUE_SHARE = 0.3         # of mentions using variant "x"


# --------------------------------------------------------------------------- generators


def simulate_rate_docs(rng, sizes=(30, 50, 80), *, rate=TRUE_RATE, shape=1.5, effect=None,
                       lengths=(400, 700, 1000)):
    """Doc features for ``len(sizes)`` outlets sharing one process unless ``effect`` says otherwise.

    Article length: lognormal around the outlet's median (outlets differ in
    length, not in rate). Article rate: gamma with mean ``rate`` and shape
    ``shape`` (small shape, strong heterogeneity). Count: Poisson given both,
    so counts are negative binomial. ``effect`` multiplies each outlet's rate.
    """
    parts = []
    for g, (n, median) in enumerate(zip(sizes, itertools.cycle(lengths))):
        tokens = np.maximum(50, rng.lognormal(np.log(median), 0.5, n)).round()
        mean = rate * (1.0 if effect is None else effect[g])
        per_article = rng.gamma(shape, mean / shape, n)
        parts.append(pd.DataFrame({"source": f"S{g}", "n_tokens": tokens.astype(np.int64),
                                   "count:stance:hedge": rng.poisson(per_article * tokens / 1000)}))
    docs = pd.concat(parts, ignore_index=True)
    docs.insert(0, "doc_id", [f"d{i}" for i in range(len(docs))])
    return docs


def simulate_naming(rng, sizes=(40, 40, 40), *, share=TRUE_SHARE, concentration=1.0,
                    mean_mentions=3.0, effect=None):
    """Corpus and naming matches where each article leans to one name.

    An article's probability of saying "x" is Beta with mean ``share`` and
    ``a + b = concentration`` (small: articles stick to one name, strong
    clustering); it mentions the family 1 + Poisson(``mean_mentions - 1``)
    times. ``effect`` adds to each outlet's mean share.
    """
    sources, mentions, x_counts = [], [], []
    for g, n in enumerate(sizes):
        mean = share + (0.0 if effect is None else effect[g])
        p = rng.beta(mean * concentration, (1 - mean) * concentration, n)
        m = 1 + rng.poisson(mean_mentions - 1, n)
        sources += [f"S{g}"] * n
        mentions.append(m)
        x_counts.append(rng.binomial(m, p))
    m, x = np.concatenate(mentions), np.concatenate(x_counts)
    ids = np.array([f"d{i}" for i in range(len(m))])
    corpus = pd.DataFrame({"doc_id": ids, "source": sources})
    labels = np.concatenate([np.repeat(["x", "y"], [xi, mi - xi]) for xi, mi in zip(x, m)])
    matches = pd.DataFrame({"doc_id": np.repeat(ids, m), "feature": "naming", "category": "fam",
                            "label": labels, "in_quote": False, "metalinguistic": False})
    return matches, corpus


# --------------------------------------------------------------------------- experiments


def rate_null_experiment(runs, seed, *, sizes=(30, 50, 80), n_perm=199):
    """compare_rates on ``runs`` null corpora: p-values per row, q < 0.05 shares, token-level p."""
    rng = np.random.default_rng(seed)
    p_rows, any_q, share_q, token_p = [], [], [], []
    for run in range(runs):
        docs = simulate_rate_docs(rng, sizes)
        table = compare_rates(docs, n_boot=0, n_perm=n_perm, random_state=run)
        tested = table[table["p"].notna()]
        p_rows.append(tested[["comparison", "p"]])
        any_q.append(bool((tested["q"] < 0.05).any()))
        share_q.append(float((tested["q"] < 0.05).mean()))
        token_p.append(token_level_rate_p(docs))
    p = pd.concat(p_rows, ignore_index=True)
    omnibus = p.loc[p["comparison"] == "omnibus", "p"].to_numpy()
    return {"runs": runs, "p": p, "omnibus_p": omnibus, "any_q": float(np.mean(any_q)),
            "share_q": float(np.mean(share_q)), "token_p": np.array(token_p)}


def token_level_rate_p(docs):
    """A pooled-token test: counts ~ Poisson(tokens x common rate), chi-square over outlets."""
    pooled = docs.groupby("source")[["count:stance:hedge", "n_tokens"]].sum().to_numpy(float)
    expected = pooled[:, 1] * pooled[:, 0].sum() / pooled[:, 1].sum()
    chi2 = ((pooled[:, 0] - expected) ** 2 / expected).sum()
    return stats.chi2.sf(chi2, len(pooled) - 1)


def rate_power_experiment(runs, seed, *, sizes=(30, 50, 80), effect=(1.0, 1.0, 2.0), n_perm=199):
    """Share of runs where the planted outlet's vs-rest row has q < 0.05; null pair S0-S1's p, q."""
    rng = np.random.default_rng(seed)
    found, null_p, null_q = [], [], []
    for run in range(runs):
        table = compare_rates(simulate_rate_docs(rng, sizes, effect=effect), n_boot=0,
                              n_perm=n_perm, random_state=run)
        rest = table[table["comparison"] == "vs_rest"].set_index("group_a")
        found.append(bool(rest.loc[f"S{int(np.argmax(effect))}", "q"] < 0.05))
        pair = table[(table["comparison"] == "pair") & (table["group_a"] == "S0")
                     & (table["group_b"] == "S1")].iloc[0]
        null_p.append(pair["p"] < 0.05)
        null_q.append(pair["q"] < 0.05)
    return {"found": float(np.mean(found)), "null_pair_p": float(np.mean(null_p)),
            "null_pair_q": float(np.mean(null_q))}


def rate_coverage_experiment(runs, seed, *, sizes=(50, 80, 120), n_boot=499):
    """Share of 95% group-rate intervals covering the true rate, per outlet size."""
    rng = np.random.default_rng(seed)
    hits = {n: [] for n in sizes}
    for run in range(runs):
        table = compare_rates(simulate_rate_docs(rng, sizes), n_boot=n_boot, n_perm=0,
                              pairs=False, random_state=run)
        groups = table[table["comparison"] == "group"]
        for n, low, high in zip(sizes, groups["ci_low"], groups["ci_high"]):
            hits[n].append(low <= TRUE_RATE <= high)
    return {n: float(np.mean(h)) for n, h in hits.items()} | {
        "all": float(np.mean([x for h in hits.values() for x in h]))}


def naming_null_experiment(runs, seed, *, sizes=(40, 40, 40), n_perm=199, concentration=0.5,
                           mean_mentions=4.0):
    """naming_test on null corpora: rejection rates of token-level chi2 and of p_perm."""
    rng = np.random.default_rng(seed)
    chi2_p, perm_p, any_q = [], [], []
    for run in range(runs):
        matches, corpus = simulate_naming(rng, sizes, concentration=concentration,
                                          mean_mentions=mean_mentions)
        test = naming_test(matches, corpus, "fam", n_perm=n_perm, n_boot=0, random_state=run)
        chi2_p.append(test["p"].iloc[0])
        perm_p.append(test["p_perm"].iloc[0])
        any_q.append(bool((test["q"].iloc[1:] < 0.05).any()))
    return {"chi2_p": np.array(chi2_p), "perm_p": np.array(perm_p),
            "any_pair_q": float(np.mean(any_q))}


def naming_coverage_experiment(runs, seed, *, sizes=(60, 60), n_boot=499):
    """Share of 95% share intervals covering the true share of "x"."""
    rng = np.random.default_rng(seed)
    hits = []
    for run in range(runs):
        matches, corpus = simulate_naming(rng, sizes)
        shares = naming_shares(matches, corpus, "fam", n_boot=n_boot, random_state=run)
        x = shares[shares["variant"] == "x"]
        hits += ((x["ci_low"] <= TRUE_SHARE) & (TRUE_SHARE <= x["ci_high"])).tolist()
    return float(np.mean(hits))


# --------------------------------------------------------------------------- the machinery itself


def _exact_subset_sums(values, pool, size):
    """Exact distribution of the sum of ``size`` of ``values[pool]`` (subsets equally likely)."""
    sums = [values[list(s)].sum() for s in itertools.combinations(pool, size)]
    keys, counts = np.unique(sums, return_counts=True)
    return dict(zip(keys, counts / counts.sum()))


def _assert_matches_exact(draws, exact):
    keys = sorted(exact)
    assert set(np.unique(draws)) <= set(keys), "a permuted sum no relabelling can produce"
    observed = np.array([(draws == k).sum() for k in keys])
    expected = np.array([exact[k] for k in keys]) * len(draws)
    assert stats.chisquare(observed, expected).pvalue > 0.001


def test_permutations_are_uniform_relabellings():
    # powers of two: every subset has its own sum, so the sums identify the subsets
    values = 2.0 ** np.arange(8)
    codes = np.array([0, 0, 0, 1, 1, 1, 1, 2])
    rng = np.random.default_rng(0)
    null, pair_null = rs.permutation_null(values, codes, 3, 20000, rng,
                                          statistic=lambda s: s[:, 0, 0], pairs=[(0, 1), (1, 2)],
                                          pair_statistic=lambda a, b, i: a[:, 0])
    _assert_matches_exact(null, _exact_subset_sums(values, range(8), 3))
    _assert_matches_exact(pair_null[0], _exact_subset_sums(values, range(7), 3))
    _assert_matches_exact(pair_null[1], _exact_subset_sums(values, range(3, 8), 4))


def test_bootstrap_resamples_each_group_at_its_size():
    values = np.column_stack([np.ones(7), np.arange(7.0)])
    codes = np.array([0, 0, 0, 1, 1, 1, 1])
    sums = rs.bootstrap_sums(values, codes, 2, 4000, np.random.default_rng(1))
    assert (sums[:, 0, 0] == 3).all() and (sums[:, 1, 0] == 4).all()
    # the mean of a resampled sum is n times the group mean
    assert sums[:, 0, 1].mean() == pytest.approx(3 * 1.0, abs=0.1)
    assert sums[:, 1, 1].mean() == pytest.approx(4 * 4.5, abs=0.15)
    assert set(np.unique(sums[:, 0, 1])) <= {0, 1, 2, 3, 4, 5, 6}


def test_permutation_pvalue_counts_the_observed_arrangement():
    assert rs.permutation_pvalue(10.0, np.zeros(99)) == pytest.approx(0.01)
    assert rs.permutation_pvalue(0.0, np.zeros(99)) == 1.0
    assert np.isnan(rs.permutation_pvalue(np.nan, np.zeros(9)))


# --------------------------------------------------------------------------- calibration


@pytest.fixture(scope="module")
def rate_null():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return rate_null_experiment(200, seed=20240501)


def test_rates_null_p_values_are_uniform_and_q_controls_errors(rate_null):
    by_row = rate_null["p"].groupby("comparison")["p"].apply(lambda p: float((p < 0.05).mean()))
    assert (by_row <= 0.05 + 0.03).all(), by_row.to_dict()           # 200 runs: +/- ~3 points
    assert stats.kstest(rate_null["omnibus_p"], "uniform").pvalue > 0.01
    deciles = np.histogram(rate_null["omnibus_p"], bins=5, range=(0, 1))[0] / rate_null["runs"]
    assert (np.abs(deciles - 0.2) < 0.07).all(), deciles
    assert rate_null["share_q"] <= 0.05
    assert rate_null["any_q"] <= 0.05 + 0.03


def test_token_level_rate_test_is_anti_conservative_where_framing_is_not(rate_null):
    token_rejects = float((rate_null["token_p"] < 0.05).mean())
    framing_rejects = float((rate_null["omnibus_p"] < 0.05).mean())
    assert token_rejects > 0.3 and framing_rejects <= 0.08


def test_rates_planted_difference_is_found():
    result = rate_power_experiment(40, seed=7)
    assert result["found"] >= 0.85
    assert result["null_pair_p"] <= 0.1


def test_rate_intervals_cover_the_true_rate():
    coverage = rate_coverage_experiment(250, seed=11)
    assert 0.93 <= coverage["all"] <= 0.97, coverage


def test_naming_token_level_chi2_fails_under_clustering_permutation_holds():
    result = naming_null_experiment(150, seed=5)
    # articles repeat their name ~4 times: the chi-square counts each repetition as evidence
    assert float((result["chi2_p"] < 0.05).mean()) > 0.25
    assert float((result["perm_p"] < 0.05).mean()) <= 0.05 + 0.035
    assert result["any_pair_q"] <= 0.05 + 0.035
    assert stats.kstest(result["perm_p"], "uniform").pvalue > 0.01


def test_naming_share_intervals_cover_the_true_share():
    assert 0.93 <= naming_coverage_experiment(200, seed=3) <= 0.97
