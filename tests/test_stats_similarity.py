"""similarity: Jensen-Shannon divergence between groups' profiles, with bootstrap intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.spatial.distance import jensenshannon

from framing._warnings import FramingError
from framing.stats.similarity import jensen_shannon, similarity


def profile_docs(shares_by_source, n_docs=40, per_doc=6, seed=0):
    """Doc features with attribution-class counts drawn from each source's class shares."""
    rng = np.random.default_rng(seed)
    classes = ["neutral", "endorsing", "distancing"]
    rows = []
    for source, shares in shares_by_source.items():
        for _ in range(n_docs):
            counts = rng.multinomial(per_doc, shares)
            rows.append({"source": source, **{f"count:attribution:{c}": n
                                              for c, n in zip(classes, counts)}})
    docs = pd.DataFrame(rows)
    docs.insert(0, "doc_id", [f"d{i}" for i in range(len(docs))])
    docs["n_tokens"] = 500
    return docs


def test_jsd_equals_scipy_squared_distance():
    rng = np.random.default_rng(1)
    p = rng.dirichlet(np.ones(5), size=20)
    q = rng.dirichlet(np.ones(5), size=20)
    p[0, :2] = [0.0, 0.0]
    p[0] /= p[0].sum()
    expected = [jensenshannon(a, b, base=2) ** 2 for a, b in zip(p, q)]
    assert np.allclose(jensen_shannon(p, q), expected)
    assert jensen_shannon(np.array([0.5, 0.5]), np.array([0.5, 0.5])) == 0.0
    assert jensen_shannon(np.array([1.0, 0.0]), np.array([0.0, 1.0])) == pytest.approx(1.0)


def test_long_table_has_both_orders_and_pivots_to_a_symmetric_matrix():
    docs = profile_docs({"A": [0.6, 0.2, 0.2], "B": [0.6, 0.2, 0.2], "C": [0.2, 0.1, 0.7]})
    table = similarity(docs, features="attribution", n_boot=300, random_state=0)
    assert len(table) == 6
    matrix = table.pivot(index="group_a", columns="group_b", values="jsd")
    assert np.allclose(matrix.to_numpy(), matrix.T.to_numpy(), equal_nan=True)
    ab = table[(table["group_a"] == "A") & (table["group_b"] == "B")].iloc[0]
    ac = table[(table["group_a"] == "A") & (table["group_b"] == "C")].iloc[0]
    assert ac["jsd"] > 5 * ab["jsd"]
    assert ac["ci_low"] <= ac["jsd"] <= ac["ci_high"] and ac["ci_low"] > ab["ci_high"]
    assert ab["n_docs_a"] == 40 and ab["total_a"] == 240
    assert table.attrs["categories"] == ["attribution:neutral", "attribution:endorsing",
                                         "attribution:distancing"]


def test_pooled_profiles_are_what_is_compared():
    docs = profile_docs({"A": [0.5, 0.3, 0.2], "B": [0.1, 0.1, 0.8]}, n_docs=15, seed=4)
    table = similarity(docs, features="attribution", n_boot=0)
    columns = [c for c in docs.columns if c.startswith("count:attribution:")]
    pooled = docs.groupby("source")[columns].sum()
    p = pooled.loc["A"] / pooled.loc["A"].sum()
    q = pooled.loc["B"] / pooled.loc["B"].sum()
    assert table.iloc[0]["jsd"] == pytest.approx(jensenshannon(p, q, base=2) ** 2)
    assert np.isnan(table.iloc[0]["ci_low"])


def test_naming_profile_from_variant_columns_and_voice():
    docs = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"], "source": ["A", "A", "B", "B"],
        "count:naming:isis:ISIS:own": [3, 1, 0, 0], "count:naming:isis:ISIS:quoted": [0, 0, 2, 0],
        "count:naming:isis:Daesh:own": [0, 0, 2, 3], "count:naming:isis:Daesh:quoted": [1, 0, 0, 0],
    })
    own = similarity(docs, features="naming:isis", voice="own", n_boot=0)
    both = similarity(docs, features="naming:isis", n_boot=0)
    assert own.attrs["categories"] == ["isis:Daesh", "isis:ISIS"]
    assert own.iloc[0]["jsd"] == pytest.approx(1.0)      # own voice: A only ISIS, B only Daesh
    assert both.iloc[0]["jsd"] < 1.0 and both.iloc[0]["total_a"] == 5


def test_trend_bins_and_reproducibility():
    docs = profile_docs({"A": [0.5, 0.3, 0.2], "B": [0.3, 0.3, 0.4]}, n_docs=30)
    docs["date"] = pd.to_datetime(np.where(np.arange(len(docs)) % 2, "2021-02-01", "2021-08-01"))
    first = similarity(docs, features="attribution", period="Q", n_boot=200, random_state=3)
    again = similarity(docs, features="attribution", period="Q", n_boot=200, random_state=3)
    pd.testing.assert_frame_equal(first, again)
    assert len(first) == 4 * 3
    assert "A | 2021-01-01" in set(first["group_a"])


def test_needs_features_and_two_categories():
    docs = profile_docs({"A": [0.5, 0.3, 0.2], "B": [0.3, 0.3, 0.4]}, n_docs=5)
    with pytest.raises(FramingError, match="needs features"):
        similarity(docs)
    with pytest.raises(FramingError, match="at least 2 categories"):
        similarity(docs, features="attribution:neutral")
    with pytest.raises(FramingError, match="unknown feature"):
        similarity(docs, features="stance")
