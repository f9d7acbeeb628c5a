"""Distinctive vocabulary: log-odds (Monroe et al. 2008), quanteda keyness, article-level tests.

Expected values are written out by hand from the published formulas, or come
from scipy, never from the functions under test.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from framing._warnings import FramingError
from framing.stats._common import bh
from framing.stats.vocab import (_bh_weighted, document_terms, keyness, log_odds,
                                 term_significance)

from conftest import shared_file


def corpus_of(texts_by_group: dict) -> pd.DataFrame:
    rows = [(g, t) for g, texts in texts_by_group.items() for t in texts]
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(rows))],
                         "source": [g for g, _ in rows], "text": [t for _, t in rows]})


# Group A: war 2, peace 1 (3 tokens); group B: war 1, peace 3 (4 tokens); corpus: war 3, peace 4.
TINY = corpus_of({"A": ["war war peace"], "B": ["peace peace war peace"]})


def row(table, term):
    return table.set_index("term").loc[term]


# --------------------------------------------------------------------------- log-odds


def test_log_odds_delta_and_variance_match_the_paper_formula_by_hand():
    # prior="corpus" with alpha0 = 7 (the corpus size) gives alpha_war = 3, alpha_peace = 4.
    table = log_odds(TINY, target="A", alpha0=7)
    # delta = log((y_i + a)/(n_i + a0 - y_i - a)) - log((y_j + a)/(n_j + a0 - y_j - a))
    delta_war = math.log((2 + 3) / (3 + 7 - 2 - 3)) - math.log((1 + 3) / (4 + 7 - 1 - 3))
    var_war = 1 / (2 + 3) + 1 / (1 + 3)
    delta_peace = math.log((1 + 4) / (3 + 7 - 1 - 4)) - math.log((3 + 4) / (4 + 7 - 3 - 4))
    var_peace = 1 / (1 + 4) + 1 / (3 + 4)
    assert delta_war == pytest.approx(math.log(7 / 4))  # the numbers above, simplified
    war, peace = row(table, "war"), row(table, "peace")
    assert war["delta"] == pytest.approx(delta_war, rel=1e-12)
    assert war["se"] ** 2 == pytest.approx(var_war, rel=1e-12)
    assert war["z"] == pytest.approx(delta_war / math.sqrt(var_war), rel=1e-12)
    assert war["p"] == pytest.approx(2 * stats.norm.sf(abs(delta_war / math.sqrt(var_war))), rel=1e-9)
    assert peace["delta"] == pytest.approx(delta_peace, rel=1e-12)
    assert peace["se"] ** 2 == pytest.approx(var_peace, rel=1e-12)
    assert (war["n_target"], war["n_reference"]) == (2, 1)
    assert war["ci_low"] == pytest.approx(delta_war - 1.959964 * math.sqrt(var_war), rel=1e-6)


def test_log_odds_uniform_and_series_priors_by_hand():
    uniform = log_odds(TINY, target="A", prior="uniform", alpha0=1)  # alpha_w = 0.5 each
    expected = math.log(2.5 / (3 + 1 - 2 - 0.5)) - math.log(1.5 / (4 + 1 - 1 - 0.5))
    assert row(uniform, "war")["delta"] == pytest.approx(expected, rel=1e-12)
    assert row(uniform, "war")["se"] ** 2 == pytest.approx(1 / 2.5 + 1 / 1.5, rel=1e-12)
    # A background Series is normalised and scaled to alpha0: weights 1:3 -> alpha 0.5, 1.5.
    series = log_odds(TINY, target="A", prior=pd.Series({"war": 1.0, "peace": 3.0}), alpha0=2)
    expected = math.log(2.5 / (3 + 2 - 2 - 0.5)) - math.log(1.5 / (4 + 2 - 1 - 0.5))
    assert row(series, "war")["delta"] == pytest.approx(expected, rel=1e-12)
    with pytest.raises(FramingError, match="no positive weight"):
        log_odds(TINY, target="A", prior=pd.Series({"war": 1.0}))


def test_log_odds_long_form_holds_every_group_and_agrees_with_single_target():
    corpus = corpus_of({"A": ["a a b c", "a d"], "B": ["b b c", "b e"], "C": ["c c a", "e e c"]})
    long = log_odds(corpus)
    assert set(long["source"]) == {"A", "B", "C"}
    for group in "ABC":
        single = log_odds(corpus, target=group).set_index("term")
        part = long[long["source"] == group].set_index("term").loc[single.index]
        np.testing.assert_allclose(part["z"], single["z"], rtol=1e-12)
    # "d" occurs only in A: B and C still get a row with n_target = 0 and a negative delta.
    d_in_b = long[(long["source"] == "B") & (long["term"] == "d")].iloc[0]
    assert d_in_b["n_target"] == 0 and d_in_b["n_reference"] == 1 and d_in_b["delta"] < 0
    assert (long.groupby("source")["z"].apply(lambda z: z.is_monotonic_decreasing)).all()
    np.testing.assert_allclose(long["q"], bh(long["p"]), rtol=1e-12)
    # A fixed reference: every other group against it, terms neither side uses left out.
    vs_c = log_odds(corpus, reference="C")
    assert set(vs_c["source"]) == {"A", "B"} and set(vs_c["reference"]) == {"C"}
    a_vs_c = log_odds(corpus, target="A", reference="C").set_index("term")
    part = vs_c[vs_c["source"] == "A"].set_index("term")
    assert set(part.index) == set(a_vs_c.index)
    assert "d" not in set(vs_c.loc[vs_c["source"] == "B", "term"])  # only A uses "d"
    np.testing.assert_allclose(part.loc[a_vs_c.index, "delta"], a_vs_c["delta"], rtol=1e-12)


def test_log_odds_long_table_over_max_rows_keeps_used_terms_with_the_same_q():
    rng = np.random.default_rng(3)
    words = np.array([f"w{i}" for i in range(60)])
    texts = {g: [" ".join(rng.choice(words, 30, p=np.r_[np.full(10, 0.05), np.full(50, 0.01)]))
                 for _ in range(4)] for g in "ABCDE"}
    corpus = corpus_of(texts)
    full = log_odds(corpus)
    pruned = log_odds(corpus, max_rows=0)
    assert (pruned["n_target"] > 0).all()
    assert pruned.attrs["rows"].startswith("pairs with n_target > 0")
    shown, hidden = len(pruned), pruned.attrs["n_tested_pairs_not_shown"]
    assert pruned.attrs["n_tested_pairs"] == len(full) == shown + hidden
    merged = pruned.merge(full, on=["source", "term"], suffixes=("", "_full"))
    assert len(merged) == len(pruned)
    # q of the shown rows is corrected over every tested pair, shown or not.
    np.testing.assert_allclose(merged["q"], merged["q_full"], rtol=1e-12)
    np.testing.assert_allclose(merged["z"], merged["z_full"], rtol=1e-12)


def test_weighted_bh_equals_bh_on_the_expanded_p_values():
    rng = np.random.default_rng(0)
    p = rng.uniform(size=40) ** 3
    p[5] = p[6]  # a tie
    weights = rng.integers(1, 5, size=40)
    expanded = bh(np.repeat(p, weights))
    q = _bh_weighted(p, weights)
    np.testing.assert_allclose(np.repeat(q, weights), expanded, rtol=1e-12)


def test_min_count_is_explicit_and_does_not_change_other_terms():
    corpus = corpus_of({"A": ["rare common common", "common"], "B": ["common other other"]})
    everything = log_odds(corpus, target="A")
    assert "rare" in set(everything["term"]) and everything.attrs["min_count"] == 1
    trimmed = log_odds(corpus, target="A", min_count=2)
    assert "rare" not in set(trimmed["term"])
    assert trimmed.attrs["n_pairs_below_min_count"] == 1  # "rare" (1 occurrence)
    assert row(trimmed, "common")["z"] == row(everything, "common")["z"]
    with pytest.raises(FramingError, match="min_count"):
        log_odds(corpus, target="A", min_count=0)


def test_log_odds_input_errors_are_clear():
    with pytest.raises(FramingError, match="not one of the groups"):
        log_odds(TINY, target="Z")
    with pytest.raises(FramingError, match="same group"):
        log_odds(TINY, target="A", reference="A")
    with pytest.raises(FramingError, match="alpha0"):
        log_odds(TINY, target="A", alpha0=0)
    with pytest.raises(FramingError, match="text"):
        log_odds(pd.DataFrame({"source": ["A"]}))


def test_document_terms_are_reused_and_settings_checked():
    dt = document_terms(TINY)
    assert list(dt.terms) == ["peace", "war"] and dt.n_tokens.tolist() == [3, 4]
    pd.testing.assert_frame_equal(log_odds(dt, target="A"), log_odds(TINY, target="A"))
    with pytest.raises(FramingError, match="lowercase"):
        log_odds(dt, target="A", lowercase=False)
    cased = document_terms(corpus_of({"A": ["Wall wall"], "B": ["x"]}), lowercase=False)
    assert list(cased.terms) == ["Wall", "wall", "x"]
    with pytest.raises(FramingError, match="no tokens"):
        document_terms(corpus_of({"A": ["..."], "B": ["!"]}))


def test_document_terms_in_two_processes_equal_one():
    rng = np.random.default_rng(0)
    words = np.array(["so-called", "U.S.", "don't", "10,000", "wall", "Border", "a"])
    corpus = corpus_of({"A": [" ".join(rng.choice(words, 5)) for _ in range(600)],
                        "B": [" ".join(rng.choice(words[:4], 3)) for _ in range(600)]})
    one, two = document_terms(corpus), document_terms(corpus, n_jobs=2)
    assert list(one.terms) == list(two.terms) == sorted(set(one.terms))
    assert (one.counts != two.counts).nnz == 0 and np.array_equal(one.n_tokens, two.n_tokens)


# --------------------------------------------------------------------------- keyness

# quanteda's own test table: d1 = "b b b b b b b a a a", d2 = "a a a a a a a b b".
QUANTEDA = corpus_of({"d1": ["b b b b b b b a a a"], "d2": ["a a a a a a a b b"]})


def quanteda_like(a, b, c, d):
    """A two-group corpus whose 2x2 table for the term 'x' is [[a, c], [b, d]]."""
    return corpus_of({"T": ["x " * a + "y " * c], "R": ["x " * b + "y " * d]})


def test_keyness_chi2_with_yates_applied_by_hand_and_by_scipy():
    # Term b, target d1: a=7, b=2, c=3, d=7, N=19; |ad-bc| = 43 >= N/2 and the expected
    # count of cell a is 9*10/19 = 4.74 < 5, so quanteda's rule applies Yates' 0.5.
    table = keyness(QUANTEDA, "source", "d1")
    by_hand = 19 * (abs(7 * 7 - 2 * 3) - 19 * 0.5) ** 2 / (9 * 10 * 10 * 9)
    assert by_hand == pytest.approx(2.632438, rel=1e-6)
    assert row(table, "b")["statistic"] == pytest.approx(by_hand, rel=1e-12)
    assert row(table, "a")["statistic"] == pytest.approx(-by_hand, rel=1e-12)  # target uses "a" less
    scipy_chi2 = stats.chi2_contingency([[7, 3], [2, 7]], correction=True)[0]
    assert row(table, "b")["statistic"] == pytest.approx(scipy_chi2, rel=1e-12)
    assert row(table, "b")["p"] == pytest.approx(stats.chi2.sf(by_hand, 1), rel=1e-12)
    assert table["term"].tolist() == ["b", "a"]  # sorted by descending statistic
    # correction="none" is the plain Pearson chi2 (quanteda's test: 4.3372).
    plain = keyness(QUANTEDA, "source", "d1", correction="none")
    assert row(plain, "b")["statistic"] == pytest.approx(19 * 43 ** 2 / 8100, rel=1e-12)


def test_keyness_chi2_without_yates_for_large_expected_counts_matches_scipy():
    a, b, c, d = 50, 30, 950, 1970  # every expected count >= 5: no correction
    table = keyness(quanteda_like(a, b, c, d), "source", "T")
    n = a + b + c + d
    by_hand = n * (a * d - b * c) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
    assert row(table, "x")["statistic"] == pytest.approx(by_hand, rel=1e-12)
    scipy_plain = stats.chi2_contingency([[a, c], [b, d]], correction=False)[0]
    assert row(table, "x")["statistic"] == pytest.approx(scipy_plain, rel=1e-12)
    assert row(table, "x")["n_target"] == a and row(table, "x")["n_reference"] == b


def test_keyness_yates_not_applied_when_the_difference_is_below_n_over_2():
    # Small expected counts but |ad-bc| = 1 < N/2: quanteda leaves the statistic uncorrected
    # (scipy would shrink it to 0).
    a, b, c, d = 1, 1, 9, 10
    table = keyness(quanteda_like(a, b, c, d), "source", "T")
    by_hand = 21 * 1 ** 2 / (2 * 19 * 10 * 11)
    assert row(table, "x")["statistic"] == pytest.approx(by_hand, rel=1e-12)  # positive: 1 > E = 0.95
    assert stats.chi2_contingency([[a, c], [b, d]], correction=True)[0] == 0


def test_keyness_g2_by_hand_with_and_without_corrections():
    e_a, e_b, e_c, e_d = 9 * 10 / 19, 9 * 9 / 19, 10 * 10 / 19, 10 * 9 / 19
    plain = 2 * (7 * math.log(7 / e_a) + 2 * math.log(2 / e_b) + 3 * math.log(3 / e_c)
                 + 7 * math.log(7 / e_d))
    g2 = row(keyness(QUANTEDA, "source", "d1", measure="g2", correction="none"), "b")
    assert g2["statistic"] == pytest.approx(plain, rel=1e-7)  # quanteda adds 1e-9 in the log
    g_test = stats.chi2_contingency([[7, 3], [2, 7]], correction=False, lambda_="log-likelihood")[0]
    assert g2["statistic"] == pytest.approx(g_test, rel=1e-7)
    # Default: quanteda's Yates rule fires (as for chi2), cells move 0.5 toward independence.
    shifted = 2 * (6.5 * math.log(6.5 / e_a) + 2.5 * math.log(2.5 / e_b)
                   + 3.5 * math.log(3.5 / e_c) + 6.5 * math.log(6.5 / e_d))
    default = row(keyness(QUANTEDA, "source", "d1", measure="lr"), "b")
    assert default["statistic"] == pytest.approx(shifted, rel=1e-7)
    # Williams: divide by q = 1 + (N/(a+b) + N/(c+d) - 1)(N/(a+c) + N/(b+d) - 1) / (6N).
    q = 1 + (19 / 9 + 19 / 10 - 1) * (19 / 10 + 19 / 9 - 1) / (6 * 19)
    williams = row(keyness(QUANTEDA, "source", "d1", measure="g2", correction="williams"), "b")
    assert williams["statistic"] == pytest.approx(plain / q, rel=1e-7)
    assert row(keyness(QUANTEDA, "source", "d1", measure="g2", correction="none"), "a")["statistic"] < 0


def test_keyness_pmi_effect_size_and_errors():
    pmi = keyness(QUANTEDA, "source", "d1", measure="pmi")
    assert row(pmi, "b")["statistic"] == pytest.approx(math.log(7 / (9 * 10 / 19)), rel=1e-7)
    assert pmi["p"].isna().all()
    chi = keyness(QUANTEDA, "source", "d1")
    # log2 of the ratio of relative frequencies: (7/10) / (2/9).
    assert row(chi, "b")["log_ratio"] == pytest.approx(math.log2((7 / 10) / (2 / 9)), rel=1e-12)
    assert row(chi, "b")["ci_low"] < row(chi, "b")["log_ratio"] < row(chi, "b")["ci_high"]
    with pytest.raises(FramingError, match="measure"):
        keyness(QUANTEDA, "source", "d1", measure="exact")
    with pytest.raises(FramingError, match="correction"):
        keyness(QUANTEDA, "source", "d1", correction="bonferroni")


# --------------------------------------------------------------------------- article level


def clustered_corpus(seed=0):
    """Two groups of 40 articles; 'burst' appears 15 times in each of 2 A articles only,
    'spread' once in 25 of A's articles and 3 of B's."""
    rng = np.random.default_rng(seed)
    filler = np.array([f"f{i}" for i in range(40)])
    texts = {"A": [], "B": []}
    for group in texts:
        for i in range(40):
            words = list(rng.choice(filler, 150))
            if group == "A" and i < 2:
                words += ["burst"] * 15
            if (group == "A" and i < 25) or (group == "B" and i < 3):
                words += ["spread"]
            texts[group].append(" ".join(words))
    return corpus_of(texts)


def test_concentrated_term_is_significant_per_token_but_not_per_article():
    corpus = clustered_corpus()
    dt = document_terms(corpus)
    token_level = keyness(dt, "source", "A")
    assert row(token_level, "burst")["p"] < 1e-6  # 30 vs 0 tokens
    assert row(log_odds(dt, target="A"), "burst")["q"] < 0.05
    article = term_significance(dt, "source", "A", min_docs=1, n_resamples=2000, random_state=1)
    assert row(article, "burst")["p"] > 0.2  # only 2 articles: a coin flip of where they land
    assert row(article, "spread")["p"] < 0.001 and row(article, "spread")["q"] < 0.05
    boot = term_significance(dt, "source", "A", method="bootstrap", min_docs=1, n_resamples=500,
                             random_state=1)
    assert row(boot, "burst")["p"] > 0.05
    spread = row(boot, "spread")
    assert spread["ci_low"] < spread["difference"] < spread["ci_high"] and spread["ci_low"] > 0


def test_term_significance_table_thresholds_and_reproducibility():
    corpus = clustered_corpus(seed=2)
    first = term_significance(corpus, "source", "A", n_resamples=300, random_state=7)
    again = term_significance(corpus, "source", "A", n_resamples=300, random_state=7)
    pd.testing.assert_frame_equal(first, again)
    assert "burst" not in set(first["term"])  # 2 articles < min_docs = 5
    assert first.attrs["min_docs"] == 5 and first.attrs["n_terms_below_min_docs"] == 1
    spread = row(first, "spread")
    assert spread["n_target"] == 25 and spread["docs_reference"] == 3
    assert spread["rate_target"] > spread["rate_reference"] and spread["difference"] > 0
    # Besag-Clifford: unremarkable terms stop early, the clear one runs every shuffle.
    assert spread["resamples"] == 300 and spread["p"] == pytest.approx(1 / 301)
    assert first["resamples"].min() < 300
    full = term_significance(corpus, "source", "A", n_resamples=300, random_state=7, stop_after=None)
    assert (full["resamples"] == 300).all()
    assert row(full, "spread")["p"] == pytest.approx(1 / 301)
    # statistic="mean": each article weighs the same (mean of per-article rates per 1,000).
    mean = row(term_significance(corpus, "source", "A", n_resamples=50, statistic="mean"), "spread")
    in_a = corpus["source"] == "A"
    lengths = corpus["text"].str.split().str.len()
    uses = corpus["text"].str.split().apply(lambda words: words.count("spread"))
    assert mean["rate_target"] == pytest.approx(1000 * (uses / lengths)[in_a].mean(), rel=1e-12)
    assert mean["rate_reference"] == pytest.approx(1000 * (uses / lengths)[~in_a].mean(), rel=1e-12)


def test_term_significance_is_calibrated_when_groups_share_one_process():
    # 20 simulated corpora, both groups drawing from one word distribution: p-values
    # roughly uniform, about 5% below 0.05, no discoveries after BH.
    rng = np.random.default_rng(11)
    words = np.array([f"w{i}" for i in range(20)])
    p_values, discoveries = [], 0
    for run in range(20):
        texts = {g: [" ".join(rng.choice(words, int(rng.integers(40, 120)))) for _ in range(20)]
                 for g in "AB"}
        table = term_significance(corpus_of(texts), "source", "A", n_resamples=200,
                                  random_state=run, stop_after=None)
        p_values.append(table["p"].to_numpy())
        discoveries += int((table["q"] < 0.05).sum())
    p = np.concatenate(p_values)
    assert len(p) == 400
    assert (p < 0.05).mean() <= 0.08
    assert 0.4 < p.mean() < 0.6
    assert discoveries <= 2


# --------------------------------------------------------------------------- real corpus


def test_abp_right_vs_left_distinctive_terms_are_plausible_and_fast():
    path = shared_file("abp", "articles.parquet")
    articles = pd.read_parquet(path, columns=["doc_id", "source", "bias_label", "text"])
    sample = articles[articles["bias_label"].isin(["left", "right"])].sample(2000, random_state=0)
    dt = document_terms(sample)
    start = time.perf_counter()
    table = log_odds(dt, by="bias_label", target="right", reference="left")
    elapsed = time.perf_counter() - start
    assert elapsed < 5, f"log_odds took {elapsed:.1f} s on 2,000 articles"
    terms = table.set_index("term")
    # Known usage difference: right-labelled outlets say "illegal", left-labelled "undocumented".
    assert terms.loc["illegal", "z"] > 3 and terms.loc["illegal", "q"] < 0.05
    assert terms.loc["undocumented", "z"] < 0
    assert table["z"].iloc[0] > 5 and table.attrs["n_terms"] > 20000
