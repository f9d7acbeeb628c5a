"""Rates of framing features per 1,000 tokens, compared across groups with the article as the unit.

``compare_rates`` answers "outlet A uses distancing verbs 2.3 times as often as
outlet B (95% CI 1.6-3.1, q = 0.004)" for every feature/category count of the
doc features table: a rate per group with a cluster-bootstrap interval, an
omnibus test over all groups, each group against the rest and every pair of
groups, with rate ratios, Cliff's delta and permutation p-values, and
Benjamini-Hochberg q-values over the whole table.
"""

from __future__ import annotations

import re
import warnings
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import stats as sps

from framing._warnings import FramingError
from framing.stats import _resample as rs
from framing.stats._common import (DEFAULT_BOOTSTRAP, DEFAULT_PERMUTATIONS, bh, dedupe_record,
                                   deduplicate, require_groups,
                                   rng_from)

RATE_PER = 1000.0
COUNT_COLUMN = re.compile(r"^count:([^:]+):([^:]+)$")
NOT_FEATURES = ("quote_type", "speaker_type", "naming_mention")

RATE_COLUMNS = ["comparison", "feature", "category", "group_a", "group_b", "estimate", "ci_low",
                "ci_high", "rate_a", "rate_b", "statistic", "p", "q", "cliffs_delta", "p_kruskal",
                "epsilon_squared", "n_docs", "n_docs_a", "n_docs_b"]


def compare_rates(docs: pd.DataFrame, by="source", features=None, *, period=None, cluster=None,
                  n_boot: int = DEFAULT_BOOTSTRAP, n_perm: int = DEFAULT_PERMUTATIONS,
                  random_state=None, pairs: bool = True, ci: float = 0.95, dedupe: str = "keep",
                  duplicates=None) -> pd.DataFrame:
    """Compare feature rates per 1,000 tokens across groups of articles.

    Parameters
    ----------
    docs : pandas.DataFrame
        The doc features table (:func:`framing.doc_features`): one row per
        article with ``n_tokens`` and ``count:{feature}:{category}`` columns.
    by : str, pandas.Grouper or list of them, default "source"
        Any column(s) of ``docs`` and/or a time bin such as
        ``pd.Grouper(key="date", freq="QS")``.
    features : str or list of str, optional
        Which counts to compare: a feature (``"attribution"``: all its
        categories), a feature and category (``"stance:hedge"``) or a column
        name (``"count:stance:hedge"``). Default: every count listed in
        ``docs.attrs["feature_columns"]`` (else every ``count:{feature}:{category}``
        column except quote and speaker types).
    period : str, optional
        Add a time bin on ``date`` ("D", "W", "M", "Q", "Y" or a pandas
        frequency); articles with no date are left out and counted.
    cluster : str, optional
        Column whose values are resampled and permuted as whole units instead
        of articles, e.g. ``"source"`` when groups are sets of outlets
        (``by="bias_label"``); per-unit rates then feed Kruskal-Wallis and
        Cliff's delta.
    n_boot : int, default 2000
        Cluster-bootstrap resamples for intervals (0: none).
    n_perm : int, default 5000
        Permutations for p-values (0: none).
    random_state : int or numpy.random.Generator, optional
        Seed (default 0: the same input gives the same output).
    pairs : bool, default True
        Also compare every pair of groups (the costliest part for many groups).
    ci : float, default 0.95
        Confidence level.
    dedupe : {"keep", "drop", "origin"}, default "keep"
        Near-duplicate policy (:func:`framing.dedupe.apply_dedupe`): count every
        article; keep one article per cluster of near-identical articles; or
        keep one and count it under its ``origin`` (who wrote the story).
    duplicates : pandas.DataFrame, optional
        A :func:`framing.find_duplicates` result; found from the texts when
        not given (needed for tables without text).

    Returns
    -------
    pandas.DataFrame
        Long table, per feature/category (``feature``, ``category``), with a
        ``comparison`` column:

        - ``"group"``: ``group_a``; ``estimate`` = ``rate_a`` = sum of counts /
          sum of tokens x 1,000, with ``ci_low``/``ci_high``;
        - ``"omnibus"``: are the k groups' rates equal? ``statistic`` = sum over
          groups of the squared group-vs-rest z (below), ``p`` by permutation;
          ``p_kruskal`` (Kruskal-Wallis on per-article rates, for reference)
          and its ``epsilon_squared`` = H / (n - 1);
        - ``"vs_rest"``: ``group_a`` against all other articles
          (``group_b`` = "rest");
        - ``"pair"``: ``group_a`` against ``group_b``.

        For vs_rest and pair rows: ``estimate`` is the rate ratio
        ``rate_a / rate_b`` with its bootstrap interval, ``statistic`` the
        studentized rate difference z, ``p`` its two-sided permutation
        p-value and ``cliffs_delta`` P(a > b) - P(a < b) over per-article
        rates. ``q`` is Benjamini-Hochberg over every p of the table.
        ``n_docs``, ``n_docs_a``, ``n_docs_b`` count articles. Group and
        vs_rest rows also carry the grouping columns of ``group_a``.
        ``attrs`` record method, resamples, seed, level and every article left
        out (``n_tokens == 0``, missing grouping values, no date).

    Notes
    -----
    A group's rate pools its articles (ratio of sums), so long articles
    weigh more, as tokens do. Intervals resample articles with replacement
    within each group (the rest: within each of its groups) and take
    percentiles of the rate or ratio, expanded for small samples (Hesterberg
    2015; see :func:`framing.stats._resample.percentile_interval`).
    Permutation tests shuffle group labels across articles (for a pair,
    across the two groups' articles), keeping each article's counts
    together, so a word repeated in a few articles is not mistaken for a
    difference between outlets. The z statistic divides the
    rate difference by its article-level (delta-method) standard error,
    sum((c - R t)^2) / T^2 * n / (n - 1) per group (c counts, t tokens,
    T their sum, n articles); studentizing keeps the
    permutation test's level asymptotically when groups differ in spread but
    not in rate (Janssen 1997; Chung & Romano 2013). The variance is taken
    at the pooled rate of the articles compared (as in a score test), which
    the shuffling leaves unchanged, so the permutation needs only each
    group's sums of c, (c - R t)^2 and t.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(60)],
    ...                      "source": ["A"] * 30 + ["B"] * 30,
    ...                      "n_tokens": rng.integers(300, 900, 60)})
    >>> per_1000 = np.repeat([4.0, 8.0], 30)       # B hedges twice as often
    >>> docs["count:stance:hedge"] = rng.poisson(docs["n_tokens"] / 1000 * per_1000)
    >>> table = compare_rates(docs, n_boot=500, n_perm=500)
    >>> table[["comparison", "group_a", "group_b", "estimate", "ci_low", "ci_high", "p"]].round(3)
      comparison group_a group_b  estimate  ci_low  ci_high      p
    0      group       A     NaN     4.448   3.551    5.354    NaN
    1      group       B     NaN     6.893   5.927    7.878    NaN
    2    omnibus     NaN     NaN       NaN     NaN      NaN  0.004
    3    vs_rest       A    rest     0.645   0.499    0.828  0.004
    4    vs_rest       B    rest     1.550   1.208    2.005  0.004
    5       pair       A       B     0.645   0.499    0.828  0.004
    """
    n_boot = rs.check_resamples(n_boot, "n_boot")
    n_perm = rs.check_resamples(n_perm, "n_perm")
    ci = rs.check_level(ci)
    _check_docs(docs)
    docs, _ = deduplicate(docs, dedupe, duplicates, caller="compare_rates")
    selected = feature_columns(docs, features)
    tokens = pd.to_numeric(docs["n_tokens"], errors="coerce").to_numpy(dtype=float)
    grouping = rs.group_articles(docs, by, period, cluster=cluster, what="doc features table",
                                 exclude={"n_tokens missing": np.isnan(tokens),
                                          "n_tokens == 0": tokens == 0})
    require_groups(grouping.groups, 2, what="groups with articles")
    usable = grouping.codes >= 0
    counts = np.zeros((len(docs), len(selected)))
    counts[usable] = _count_matrix(docs[usable], selected)
    data = _RateData(grouping.aggregate(counts), grouping.aggregate(tokens), grouping.unit_codes,
                     grouping.n_groups, grouping.sizes())
    rng = rng_from(random_state)

    boot = rs.bootstrap_sums(np.column_stack([data.counts, data.tokens]), data.codes, data.k,
                             n_boot, rng)
    rows = _assemble(data, selected, grouping, boot, rng, n_perm, pairs, ci)
    result = pd.DataFrame(rows)
    result = result.reindex(columns=RATE_COLUMNS + [c for c in result.columns
                                                    if c not in RATE_COLUMNS])
    result["q"] = bh(result["p"].to_numpy(dtype=float))
    result = result.astype({"n_docs": "Int64", "n_docs_a": "Int64", "n_docs_b": "Int64"})
    result.attrs = {
        "method": "rate = sum(counts) / sum(n_tokens) x 1000 per group; expanded percentile "
                  "intervals (Hesterberg 2015) from a cluster bootstrap over articles within "
                  "groups; p from permuting group labels across articles (studentized rate "
                  "difference; omnibus: sum of squared group-vs-rest z); q: Benjamini-Hochberg "
                  "over all p of the table",
        "n_boot": n_boot, "n_perm": n_perm, "ci": ci, "random_state": rs.seed_record(random_state),
        "rate_per": RATE_PER, "by": grouping.keys, "pairs": pairs,
        "cluster": grouping.cluster or "article",
        "units_per_group": dict(zip(grouping.labels, grouping.unit_sizes().tolist())),
        "excluded": dict(grouping.excluded),
        "features": [column for column, _, _ in selected],
        "dedupe": dedupe_record(docs, dedupe),
    }
    return result


# --------------------------------------------------------------------------- feature columns


def feature_columns(docs: pd.DataFrame, features=None) -> list:
    """(column, feature, category) of the counts to analyse.

    Examples
    --------
    >>> docs = pd.DataFrame(columns=["n_tokens", "count:stance:hedge", "count:stance:booster",
    ...                              "count:attribution:neutral"])
    >>> [c for c, _, _ in feature_columns(docs, ["stance:hedge", "attribution"])]
    ['count:stance:hedge', 'count:attribution:neutral']
    """
    available = _available_features(docs)
    if features is None:
        if not available:
            raise FramingError("the doc features table has no count:{feature}:{category} columns; "
                               "build it with framing.doc_features(corpus, matches).")
        return available
    wanted = [features] if isinstance(features, str) else list(features)
    selected = []
    for item in wanted:
        found = _resolve_feature(docs, available, str(item))
        selected.extend(f for f in found if f not in selected)
    return selected


def _available_features(docs: pd.DataFrame) -> list:
    listed = docs.attrs.get("feature_columns") if isinstance(docs.attrs, dict) else None
    if listed:
        listed = [tuple(entry) for entry in listed]
        if all(len(e) == 3 and e[0] in docs.columns for e in listed):
            return [(str(c), str(f), str(k)) for c, f, k in listed]
    found = []
    for column in docs.columns:
        match = COUNT_COLUMN.match(str(column))
        if match and match.group(1) not in NOT_FEATURES:
            found.append((str(column), match.group(1), match.group(2)))
    return found


def _resolve_feature(docs, available, item: str) -> list:
    if item.startswith("count:"):
        if item not in docs.columns:
            raise FramingError(f"no column {item!r} in the doc features table.")
        parts = item.split(":")
        return [(item, parts[1], ":".join(parts[2:]) or parts[1])]
    if ":" in item:
        column = f"count:{item}"
        if column in docs.columns:
            feature, category = item.split(":", 1)
            return [(column, feature, category)]
    else:
        found = [entry for entry in available if entry[1] == item]
        if found:
            return found
    names = sorted({f for _, f, _ in available}) + [f"{f}:{c}" for _, f, c in available]
    raise FramingError(f"unknown feature {item!r}; available: {', '.join(names) or 'none'}.")


def _check_docs(docs) -> None:
    if not isinstance(docs, pd.DataFrame):
        raise FramingError(f"expected the doc features table as a pandas DataFrame, got "
                           f"{type(docs).__name__}.")
    if "n_tokens" not in docs.columns:
        raise FramingError("the doc features table has no n_tokens column; build it with "
                           "framing.doc_features(corpus, matches).")


def _count_matrix(docs: pd.DataFrame, selected) -> np.ndarray:
    counts = docs[[column for column, _, _ in selected]].apply(pd.to_numeric, errors="coerce")
    values = counts.to_numpy(dtype=float)
    bad = np.isnan(values) | (values < 0)
    if bad.any():
        column = counts.columns[np.flatnonzero(bad.any(axis=0))[0]]
        raise FramingError(f"column {column!r} has {int(bad.sum())} missing or negative count(s); "
                           "counts must be non-negative numbers.")
    return values


# --------------------------------------------------------------------------- statistics


class _RateData:
    """Counts and tokens per resampling unit (article or cluster), with the sums the tests need."""

    def __init__(self, counts, tokens, codes, k, doc_sizes):
        self.counts, self.tokens, self.codes, self.k = counts, tokens, codes, k
        self.p = counts.shape[1]
        self.sizes = np.bincount(codes, minlength=k)      # units: what the statistics count
        self.doc_sizes = np.asarray(doc_sizes)            # articles: what the table reports
        with np.errstate(invalid="ignore", divide="ignore"):
            self.unit_rates = counts / tokens[:, None] * RATE_PER

    def rows(self, g) -> np.ndarray:
        return self.codes == g

    def test_values(self) -> np.ndarray:
        """Per-unit c, c^2, c t (p columns each), t and t^2.

        Their sums over any set of units give its pooled rate and the sum of
        squared residuals (c - R0 t)^2 at any fixed rate R0, which is all the
        studentized statistic needs; so one set of sums serves every test.
        """
        c, t = self.counts, self.tokens[:, None]
        return np.column_stack([c, c ** 2, c * t, t, t ** 2])

    def group_sums(self, values) -> np.ndarray:
        out = np.zeros((self.k, values.shape[1]))
        np.add.at(out, self.codes, values)
        return out


def studentized_difference(sums_a, sums_b, n_a, n_b, p: int, null_rate) -> np.ndarray:
    """z = (R_a - R_b) / sqrt(V_a + V_b) from group sums of c, c^2, c t, t, t^2.

    R = C / T is a group's pooled rate; V = sum((c - R0 t)^2) / T^2 * n / (n - 1)
    is the delta-method (ratio-estimator) variance of R over its n units,
    evaluated at ``null_rate`` R0, the pooled rate of all units compared, as
    in a score test. R0 does not change when labels are shuffled. z is 0 when
    the rates are equal and +/-inf when they differ without any variation.
    """
    def parts(sums):
        c, cc, ct = sums[..., :p], sums[..., p:2 * p], sums[..., 2 * p:3 * p]
        t, tt = sums[..., 3 * p:3 * p + 1], sums[..., 3 * p + 1:3 * p + 2]
        squares = np.maximum(cc - 2 * null_rate * ct + null_rate ** 2 * tt, 0.0)  # rounding
        return c / t, squares / t ** 2

    with np.errstate(invalid="ignore", divide="ignore"):
        (r_a, v_a), (r_b, v_b) = parts(sums_a), parts(sums_b)
        diff = r_a - r_b
        se = np.sqrt(v_a * _small_sample(n_a) + v_b * _small_sample(n_b))
        z = np.where(se > 0, diff / se, np.sign(diff) * np.inf)
    return np.where(diff == 0, 0.0, z)


def _small_sample(n):
    n = np.asarray(n, dtype=float)
    return np.where(n > 1, n / np.maximum(n - 1, 1), 1.0)


def cliffs_delta(x, y) -> float:
    """Cliff's delta, P(X > Y) - P(X < Y) over all pairs, in O(n log n).

    Examples
    --------
    >>> cliffs_delta([3, 4, 5], [1, 2, 3])
    0.8888888888888888
    """
    x = np.asarray(x, dtype=float)
    y = np.sort(np.asarray(y, dtype=float))
    if len(x) == 0 or len(y) == 0:
        return np.nan
    below = np.searchsorted(y, x, side="left").sum()          # pairs with y < x
    above = (len(y) - np.searchsorted(y, x, side="right")).sum()  # pairs with y > x
    return float((below - above) / (len(x) * len(y)))


def _vs_rest_and_omnibus(data: _RateData, null_rate):
    """statistic(sums) for shuffles of all labels: |z| of each group vs the rest, then sum z^2."""
    n_total = data.sizes.sum()
    n_groups = data.sizes[:, None].astype(float)

    def statistic(sums):
        rest = sums.sum(axis=1, keepdims=True) - sums
        z = studentized_difference(sums, rest, n_groups, n_total - n_groups, data.p, null_rate)
        omnibus = (z ** 2).sum(axis=1, keepdims=True)
        return np.concatenate([np.abs(z), omnibus], axis=1)   # (b, k + 1, p)

    return statistic


def _pair_statistic(data: _RateData, pairs, null_rates):
    """statistic(sums_a, sums_b, index): |z| per feature for pairs[index]."""
    def statistic(sums_a, sums_b, index):
        a, b = pairs[index]
        return np.abs(studentized_difference(sums_a, sums_b, data.sizes[a], data.sizes[b], data.p,
                                             null_rates[index]))

    return statistic


def _kruskal(data: _RateData):
    samples = [data.unit_rates[data.rows(g)] for g in range(data.k)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)   # constant columns give NaN, kept as NaN
        result = sps.kruskal(*samples, axis=0)
    n = len(data.codes)
    return np.atleast_1d(result.pvalue), np.atleast_1d(result.statistic) / max(n - 1, 1)


# --------------------------------------------------------------------------- rows


def _assemble(data: _RateData, selected, grouping, boot, rng, n_perm, pairs, ci) -> list:
    p, k = data.p, data.k
    values = data.test_values()
    sums = data.group_sums(values)                                              # (k, 3p + 2)
    total, rest = sums.sum(axis=0), sums.sum(axis=0) - sums
    with np.errstate(invalid="ignore", divide="ignore"):
        overall = total[:p] / total[3 * p]
        rates = sums[:, :p] / sums[:, 3 * p:3 * p + 1] * RATE_PER
        rest_rates = rest[:, :p] / rest[:, 3 * p:3 * p + 1] * RATE_PER
        boot_rates = boot[..., :p] / boot[..., p:] * RATE_PER                   # (B, k, p)
        boot_rest = boot.sum(axis=1, keepdims=True) - boot
        boot_rest = boot_rest[..., :p] / boot_rest[..., p:] * RATE_PER
        units = data.sizes[:, None]
        group_low, group_high = rs.percentile_interval(boot_rates, ci, units)
        rest_low, rest_high = rs.percentile_interval(boot_rates / boot_rest, ci,
                                                     np.minimum(units, data.sizes.sum() - units))
    pair_list = np.array(list(combinations(range(k), 2)), dtype=np.int64) if pairs else None
    # with two groups the only pair is group 0 vs the rest: the same test, run once
    test_pairs = pair_list if pairs and k > 2 else None
    with np.errstate(invalid="ignore", divide="ignore"):
        pair_rates = None if test_pairs is None else (
            (sums[test_pairs[:, 0], :p] + sums[test_pairs[:, 1], :p])
            / (sums[test_pairs[:, 0], 3 * p:3 * p + 1] + sums[test_pairs[:, 1], 3 * p:3 * p + 1]))
    statistic = _vs_rest_and_omnibus(data, overall)
    pair_statistic = None if test_pairs is None else _pair_statistic(data, test_pairs, pair_rates)
    observed = statistic(sums[None])[0]                                          # (k + 1, p)
    global_null, pair_null = rs.permutation_null(values, data.codes, k, n_perm, rng,
                                                 statistic=statistic, pairs=test_pairs,
                                                 pair_statistic=pair_statistic)
    global_p = rs.permutation_pvalue(observed, global_null)
    z_signed = studentized_difference(sums, rest, data.sizes[:, None],
                                      data.sizes.sum() - data.sizes[:, None], p, overall)
    p_kruskal, epsilon = _kruskal(data)

    collide = set(RATE_COLUMNS)
    group_keys = [{key: value for key, value in grouping.groups.iloc[g].to_dict().items()
                   if key not in collide} for g in range(k)]
    labels, n_all = grouping.labels, int(data.doc_sizes.sum())
    per_feature = [[] for _ in range(p)]
    for g in range(k):
        for j in range(p):
            per_feature[j].append({"comparison": "group", "group_a": labels[g],
                                   "estimate": rates[g, j], "ci_low": group_low[g, j],
                                   "ci_high": group_high[g, j], "rate_a": rates[g, j],
                                   "n_docs": int(data.doc_sizes[g]),
                                   "n_docs_a": int(data.doc_sizes[g]), **group_keys[g]})
    for j in range(p):
        per_feature[j].append({"comparison": "omnibus", "statistic": observed[k, j],
                               "p": global_p[k, j], "p_kruskal": p_kruskal[j],
                               "epsilon_squared": epsilon[j], "n_docs": n_all})
    for g in range(k):
        inside = data.rows(g)
        for j in range(p):
            per_feature[j].append({
                "comparison": "vs_rest", "group_a": labels[g], "group_b": "rest",
                "estimate": _ratio(rates[g, j], rest_rates[g, j]), "ci_low": rest_low[g, j],
                "ci_high": rest_high[g, j], "rate_a": rates[g, j], "rate_b": rest_rates[g, j],
                "statistic": z_signed[g, j], "p": global_p[g, j],
                "cliffs_delta": cliffs_delta(data.unit_rates[inside, j],
                                             data.unit_rates[~inside, j]),
                "n_docs": n_all, "n_docs_a": int(data.doc_sizes[g]),
                "n_docs_b": n_all - int(data.doc_sizes[g]), **group_keys[g]})
    if pairs:
        pair_p = (global_p[:1] if test_pairs is None
                  else [rs.permutation_pvalue(observed_z, null) for observed_z, null in
                        zip(_pair_observed(data, sums, test_pairs, pair_rates), pair_null)])
        for index, (a, b) in enumerate(pair_list):
            rows = _pair_rows(data, sums, a, b, pair_p[index], boot_rates, ci, pair_rates,
                              None if test_pairs is None else index, overall)
            for j, row in enumerate(rows):
                row.update(group_a=labels[a], group_b=labels[b])
                per_feature[j].append(row)
    return [{"feature": feature, "category": category, **row}
            for j, (_, feature, category) in enumerate(selected) for row in per_feature[j]]


def _pair_observed(data, sums, pairs, pair_rates) -> np.ndarray:
    """|z| of each pair in the data, shape (P, p)."""
    statistic = _pair_statistic(data, pairs, pair_rates)
    return np.stack([statistic(sums[a], sums[b], i) for i, (a, b) in enumerate(pairs)])


def _pair_rows(data: _RateData, sums, a, b, p_values, boot_rates, ci, pair_rates, index,
               overall) -> list:
    p = data.p
    null_rate = overall if index is None else pair_rates[index]
    z = studentized_difference(sums[a], sums[b], data.sizes[a], data.sizes[b], p, null_rate)
    with np.errstate(invalid="ignore", divide="ignore"):
        rates = sums[[a, b], :p] / sums[[a, b], 3 * p:3 * p + 1] * RATE_PER
        low, high = rs.percentile_interval(boot_rates[:, a] / boot_rates[:, b], ci,
                                           min(data.sizes[a], data.sizes[b]))
    in_a, in_b = data.rows(a), data.rows(b)
    docs_a, docs_b = int(data.doc_sizes[a]), int(data.doc_sizes[b])
    return [{"comparison": "pair", "estimate": _ratio(rates[0, j], rates[1, j]),
             "ci_low": low[j], "ci_high": high[j], "rate_a": rates[0, j], "rate_b": rates[1, j],
             "statistic": z[j], "p": p_values[j],
             "cliffs_delta": cliffs_delta(data.unit_rates[in_a, j], data.unit_rates[in_b, j]),
             "n_docs": docs_a + docs_b, "n_docs_a": docs_a, "n_docs_b": docs_b}
            for j in range(p)]


def _ratio(a: float, b: float) -> float:
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.float64(a) / np.float64(b))
