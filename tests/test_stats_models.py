"""rate_model (negative binomial IRRs with controls) and distinguish (classifier separability)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from framing._warnings import FramingError, FramingWarning
from framing.stats.models import _design, _fit_negbin, distinguish, rate_model

FEATURE = "count:attribution:distancing"
TRUE_IRR = {"B": 2.0, "C": 0.5}  # vs A, the largest group
TRUE_ALPHA = 0.5


def nb_docs(seed=0, n=(700, 500, 500), alpha=TRUE_ALPHA) -> pd.DataFrame:
    """Articles with NB2 counts: rate 4 per 1,000 tokens in A, times TRUE_IRR, a topic effect
    (x1.5 for "economy") and a year effect (x0.8 in 2021)."""
    rng = np.random.default_rng(seed)
    source = np.repeat(["A", "B", "C"], n)
    total = len(source)
    topic = rng.choice(["politics", "economy", "crime"], total)
    date = pd.to_datetime(rng.choice(["2019-03-01", "2020-06-15", "2021-11-30"], total))
    tokens = rng.integers(300, 1500, total)
    mean = 0.004 * tokens * np.vectorize(lambda s: TRUE_IRR.get(s, 1.0))(source)
    mean = mean * np.where(topic == "economy", 1.5, 1.0) * np.where(date.year == 2021, 0.8, 1.0)
    # NB2 as a gamma-Poisson mixture: variance mean + alpha mean^2.
    counts = rng.poisson(mean * rng.gamma(1 / alpha, alpha, total))
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(total)], "source": source, "topic": topic,
                         "date": date, "n_tokens": tokens, FEATURE: counts})


# --------------------------------------------------------------------------- rate_model


def test_rate_model_recovers_planted_rate_ratios_with_controls():
    table = rate_model(nb_docs(), "attribution:distancing")
    assert table.attrs["reference"] == "A"  # the largest group
    assert set(table["source"]) == {"B", "C"}
    for _, r in table.iterrows():
        truth = TRUE_IRR[r["source"]]
        assert r["ci_low"] < truth < r["ci_high"], (r["source"], r["irr"], r["ci_low"], r["ci_high"])
        assert r["q"] < 0.001
    assert abs(table.attrs["alpha"] - TRUE_ALPHA) < 3 * table.attrs["alpha_se"]
    assert table.attrs["controls_used"] == ["topic", "date"]
    assert "date: dates binned by year" in table.attrs["notes"][0]
    assert "offset(log(n_tokens))" in table.attrs["formula"]
    assert table.attrs["n_docs_used"] == 1700 and table["n_docs"].tolist() == [500, 500]
    np.testing.assert_allclose(table["irr"], np.exp(table["log_irr"]))


def test_rate_model_ci_covers_the_truth_in_most_simulations():
    covered = 0
    for seed in range(20):
        table = rate_model(nb_docs(seed=100 + seed, n=(300, 200, 200)), "attribution:distancing",
                           controls=["topic"])
        b = table.set_index("source").loc["B"]
        covered += b["ci_low"] < TRUE_IRR["B"] < b["ci_high"]
    assert covered >= 16  # 95% CIs: 19 of 20 expected; 16 is a generous floor


def test_negbin_fit_agrees_with_statsmodels():
    import statsmodels.api as sm
    from statsmodels.discrete.discrete_model import NegativeBinomial

    docs = nb_docs(seed=5, n=(200, 150, 150))
    frame = pd.DataFrame({"_group": docs["source"].map({"A": 0, "B": 1, "C": 2}),
                          "topic": docs["topic"]}, index=docs.index)
    groups = pd.DataFrame({"source": ["A", "B", "C"]})
    exog, names, _ = _design(frame, groups, 0, ["topic"])
    dense = exog.toarray()
    y, offset = docs[FEATURE].to_numpy(float), np.log(docs["n_tokens"].to_numpy(float))
    (params, bse), info = _fit_negbin(y, exog, offset, maxiter=100)
    # The joint maximum likelihood of statsmodels' discrete NegativeBinomial (NB2).
    joint = NegativeBinomial(y, dense, offset=offset, loglike_method="nb2").fit(disp=0, maxiter=500)
    np.testing.assert_allclose(params, joint.params[:-1], atol=1e-4)
    assert info["alpha"] == pytest.approx(joint.params[-1], rel=1e-3)
    # At that alpha, statsmodels' GLM gives the same coefficients and standard errors.
    glm = sm.GLM(y, dense, family=sm.families.NegativeBinomial(alpha=info["alpha"]),
                 offset=offset).fit()
    np.testing.assert_allclose(params, glm.params, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(bse, glm.bse, rtol=1e-5)


def test_rate_model_explains_why_it_cannot_fit():
    docs = nb_docs(seed=1)
    few = docs.groupby("source").head(4)
    with pytest.raises(FramingError, match="too few articles"):
        rate_model(few, "attribution:distancing", controls=["topic"])
    silent = docs.copy()
    silent.loc[silent["source"] == "C", FEATURE] = 0
    with pytest.raises(FramingError, match=r"never occurs in any article of 1 group.*C \(500 articles\)"):
        rate_model(silent, "attribution:distancing", controls=["topic"])
    flat = docs.assign(topic="politics")
    with pytest.raises(FramingError, match="control 'topic' has a single level"):
        rate_model(flat, "attribution:distancing", controls=["topic"])
    nested = docs.assign(desk=docs["source"].map({"A": "x", "B": "y", "C": "z"}))
    with pytest.raises(FramingError, match="collinear"):
        rate_model(nested, "attribution:distancing", controls=["desk"])
    with pytest.raises(FramingError, match="did not converge"):
        rate_model(docs, "attribution:distancing", controls=["topic"], maxiter=1)
    with pytest.raises(FramingError, match="no count column"):
        rate_model(docs, "attribution:nothing")
    with pytest.raises(FramingError, match="not a column"):
        rate_model(docs, "attribution:distancing", controls=["desk"])


def test_rate_model_reports_dropped_rows_and_skipped_default_controls():
    docs = nb_docs(seed=2).drop(columns="topic")
    docs.loc[:4, "n_tokens"] = 0
    docs.loc[5:9, "source"] = None
    docs.loc[10:14, "date"] = pd.NaT
    docs["date"] = docs["date"].dt.strftime("%Y-%m-%d")  # dates as text are parsed, not 700 levels
    with pytest.warns(FramingWarning, match="topic"):
        table = rate_model(docs, "attribution:distancing", reference="B")
    dropped = table.attrs["dropped"]
    assert dropped["no tokens (log offset undefined)"] == 5
    assert dropped["missing group value"] == 5
    assert dropped["missing date"] == 5
    assert table.attrs["controls_used"] == ["date"] and "topic" in table.attrs["controls_skipped"][0]
    assert table.attrs["reference"] == "B" and set(table["source"]) == {"A", "C"}
    assert table.attrs["n_docs_used"] == len(docs) - 15


def test_rate_model_leaves_out_control_levels_without_occurrences():
    docs = nb_docs(seed=3)
    docs.loc[docs["topic"] == "crime", FEATURE] = 0
    table = rate_model(docs, "attribution:distancing", controls=["topic"])
    reason = [k for k in table.attrs["dropped"] if k.startswith("topic level")]
    assert reason and "crime" in reason[0]
    assert table.attrs["n_docs_used"] == int((docs["topic"] != "crime").sum())


def test_rate_model_poisson_family_uses_robust_errors():
    table = rate_model(nb_docs(seed=4), "attribution:distancing", controls=["topic"], family="poisson")
    b = table.set_index("source").loc["B"]
    assert b["ci_low"] < TRUE_IRR["B"] < b["ci_high"]
    assert np.isnan(table.attrs["alpha"]) and "HC0" in table.attrs["model"]


# --------------------------------------------------------------------------- distinguish


def feature_docs(seed=0, shift=0.0, n=60) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    source = np.repeat(["A", "B", "C"], n)
    docs = pd.DataFrame({"source": source})
    for name in ("rate:stance:hedge", "rate:stance:booster", "rate:attribution:distancing"):
        docs[name] = rng.gamma(2.0, 1.0, len(source))
    docs.loc[docs["source"] == "B", "rate:stance:hedge"] += shift
    docs.attrs["feature_columns"] = [(c.replace("rate:", "count:"), *c.split(":")[1:3])
                                     for c in docs.columns if c.startswith("rate:")]
    return docs


def test_distinguish_noise_is_at_chance_with_a_large_p():
    result = distinguish(feature_docs(seed=1), n_perm=30, random_state=0)
    row = result.summary.iloc[0]
    assert row["chance"] == pytest.approx(1 / 3)
    assert abs(row["estimate"] - 1 / 3) < 0.12
    assert row["p"] > 0.1
    assert row["ci_low"] < row["estimate"] < row["ci_high"]
    assert row["n_features"] == 3 and row["n_groups"] == 3 and row["cv"] == 5
    assert len(result.fold_scores) == 5 and row["sd"] == pytest.approx(result.fold_scores.std(ddof=1))


def test_distinguish_finds_a_planted_difference_and_names_the_feature():
    result = distinguish(feature_docs(seed=2, shift=4.0), n_perm=30, random_state=0, top=1)
    row = result.summary.iloc[0]
    assert row["estimate"] > 0.6 and row["p"] == pytest.approx(1 / 31)
    top_b = result.coefficients.set_index("source").loc["B"]
    assert top_b["feature"] == "rate:stance:hedge" and top_b["coefficient"] > 0
    assert result.confusion.loc["B", "B"] > 0.8 * 60
    assert "balanced accuracy" in repr(result)


def test_distinguish_is_deterministic_with_a_seed_and_drops_small_groups():
    docs = pd.concat([feature_docs(seed=3, shift=2.0),
                      feature_docs(seed=4).head(4).assign(source="Tiny")], ignore_index=True)
    docs.attrs = feature_docs().attrs
    first = distinguish(docs, n_perm=10, random_state=5)
    again = distinguish(docs, n_perm=10, random_state=5)
    pd.testing.assert_frame_equal(first.summary, again.summary)
    pd.testing.assert_frame_equal(first.coefficients, again.coefficients)
    assert first.attrs["groups_below_min_group_docs"] == ["Tiny"]
    assert first.summary["n_groups"].iloc[0] == 3
    with pytest.raises(FramingError, match="min_group_docs"):
        distinguish(docs, cv=5, min_group_docs=3)
    with pytest.raises(FramingError, match="not in the table"):
        distinguish(docs, features=["rate:nothing"])


def test_distinguish_two_groups_gives_opposite_coefficients():
    docs = feature_docs(seed=6, shift=3.0)
    two = docs[docs["source"] != "C"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = distinguish(two, n_perm=10, random_state=0, top=None)
    coef = result.coefficients.pivot(index="feature", columns="source", values="coefficient")
    np.testing.assert_allclose(coef["A"], -coef["B"])
    assert result.summary["chance"].iloc[0] == 0.5
