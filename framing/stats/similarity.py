"""How alike are groups' framing profiles? Jensen-Shannon divergence with a bootstrap interval.

A group's profile is the distribution of its pooled counts over a set of
categories: the variants of a naming family, the classes of reporting verbs,
the stance markers. Two groups that name, attribute or hedge in the same
proportions have divergence 0; groups with nothing in common have 1 (base-2
logarithms).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from framing._warnings import FramingError
from framing.stats import _resample as rs
from framing.stats._common import (DEFAULT_BOOTSTRAP, dedupe_record, deduplicate, require_groups,
                                   rng_from)
from framing.stats.rates import feature_columns

VOICES = ("own", "quoted", "all")


def similarity(docs: pd.DataFrame, by="source", features=None, *, voice: str = "all", period=None,
               cluster=None, n_boot: int = DEFAULT_BOOTSTRAP, random_state=None,
               ci: float = 0.95, dedupe: str = "keep", duplicates=None) -> pd.DataFrame:
    """Jensen-Shannon divergence between every two groups' feature profiles.

    Parameters
    ----------
    docs : pandas.DataFrame
        The doc features table (:func:`framing.doc_features`).
    by : str, pandas.Grouper or list of them, default "source"
        Any column(s) of ``docs`` and/or a time bin such as
        ``pd.Grouper(key="date", freq="QS")``.
    features : str or list of str
        The categories making up the profile: ``"naming:{family}"`` (the
        family's variants), a feature (``"attribution"``: its verb classes;
        ``"stance"``: its markers), ``"feature:category"`` or a ``count:``
        column name; several items are pooled into one profile.
    voice : {"all", "own", "quoted"}, default "all"
        For naming variants: count the outlet's own words, quoted speech or both.
    period : str, optional
        Add a time bin on ``date`` ("D", "W", "M", "Q", "Y" or a pandas
        frequency); articles with no date are left out and counted.
    cluster : str, optional
        Column whose values are resampled as whole units instead of articles
        (e.g. ``"source"`` when groups are sets of outlets).
    n_boot : int, default 2000
        Cluster-bootstrap resamples (0: no interval).
    random_state : int or numpy.random.Generator, optional
        Seed (default 0).
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
        One row per *ordered* pair of distinct groups (each pair appears as
        (a, b) and (b, a), so ``pivot(index="group_a", columns="group_b",
        values="jsd")`` is the full symmetric matrix; fill the diagonal with 0
        for ``scipy.cluster.hierarchy``): ``group_a``, ``group_b``, ``jsd``
        (base 2, between 0 and 1), ``ci_low``, ``ci_high``, ``n_docs_a``,
        ``n_docs_b`` (articles in each group) and ``total_a``, ``total_b``
        (pooled counts in the profile). A group with no counts has NaN
        divergences. ``attrs["categories"]`` lists the profile's categories.

    Notes
    -----
    The interval resamples, within each group, the articles with at least one
    count in the profile (the others add nothing to it) and takes percentiles
    of the recomputed divergence (expanded for small samples, Hesterberg
    2015). The plug-in divergence is biased upwards when counts are few: two
    samples of one distribution differ by chance, so compare small
    divergences with the interval, not with 0.

    Examples
    --------
    >>> docs = pd.DataFrame({"source": ["A", "A", "B", "B"],
    ...                      "count:attribution:neutral": [5, 3, 2, 2],
    ...                      "count:attribution:distancing": [1, 1, 2, 4]})
    >>> out = similarity(docs, features="attribution", n_boot=200)
    >>> out[["group_a", "group_b", "jsd", "total_a", "total_b"]].round(3)
      group_a group_b    jsd  total_a  total_b
    0       A       B  0.125       10       10
    1       B       A  0.125       10       10
    """
    if not isinstance(docs, pd.DataFrame):
        raise FramingError(f"expected the doc features table as a pandas DataFrame, got "
                           f"{type(docs).__name__}.")
    if voice not in VOICES:
        raise FramingError(f"voice must be one of {', '.join(map(repr, VOICES))}, got {voice!r}.")
    n_boot = rs.check_resamples(n_boot, "n_boot")
    ci = rs.check_level(ci)
    docs, _ = deduplicate(docs, dedupe, duplicates, caller="similarity")
    categories, profile = _profile(docs, features, voice)
    grouping = rs.group_articles(docs, by, period, cluster=cluster, what="doc features table")
    require_groups(grouping.groups, 2, what="groups with articles")
    k = grouping.n_groups
    units = grouping.aggregate(profile)
    contributing = np.where(units.sum(axis=1) > 0, grouping.unit_codes, -1)
    totals = np.zeros((k, profile.shape[1]))
    np.add.at(totals, grouping.unit_codes, units)
    boot = rs.bootstrap_sums(units, contributing, k, n_boot, rng_from(random_state))

    first, second = np.array([(a, b) for a in range(k) for b in range(k) if a != b]).T
    observed = jensen_shannon(_normalize(totals[first]), _normalize(totals[second]))
    draws = jensen_shannon(_normalize(boot[:, first]), _normalize(boot[:, second]))
    n_units = np.bincount(contributing[contributing >= 0], minlength=k)
    low, high = rs.percentile_interval(draws, ci, np.minimum(n_units[first], n_units[second]))
    sizes = grouping.sizes()
    result = pd.DataFrame({
        "group_a": [grouping.labels[a] for a in first],
        "group_b": [grouping.labels[b] for b in second],
        "jsd": observed, "ci_low": low, "ci_high": high,
        "n_docs_a": sizes[first], "n_docs_b": sizes[second],
        "total_a": totals[first].sum(axis=1).astype(np.int64),
        "total_b": totals[second].sum(axis=1).astype(np.int64),
    })
    result.attrs = {
        "method": "Jensen-Shannon divergence (base 2) of pooled category distributions; "
                  "expanded percentile interval from a cluster bootstrap over articles within "
                  "groups",
        "n_boot": n_boot, "ci": ci, "random_state": rs.seed_record(random_state),
        "categories": categories, "voice": voice, "by": grouping.keys,
        "dedupe": dedupe_record(docs, dedupe),
        "cluster": grouping.cluster or "article",
        "excluded": dict(grouping.excluded),
    }
    return result


def jensen_shannon(p, q) -> np.ndarray:
    """Jensen-Shannon divergence in bits over the last axis (0 log 0 = 0; NaN rows stay NaN).

    Equals ``scipy.spatial.distance.jensenshannon(p, q, base=2) ** 2``.

    Examples
    --------
    >>> float(jensen_shannon(np.array([1.0, 0.0]), np.array([0.0, 1.0])))
    1.0
    """
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    m = (p + q) / 2
    return (_kl_bits(p, m) + _kl_bits(q, m)) / 2


def _kl_bits(p, m):
    with np.errstate(invalid="ignore", divide="ignore"):
        terms = np.where(p > 0, p * np.log2(p / m), 0.0)
    terms = np.where(np.isnan(p) | np.isnan(m), np.nan, terms)
    return np.maximum(terms.sum(axis=-1), 0.0)   # rounding can dip a hair below 0


def _normalize(counts):
    with np.errstate(invalid="ignore", divide="ignore"):
        return counts / counts.sum(axis=-1, keepdims=True)


def _profile(docs: pd.DataFrame, features, voice: str):
    """Category names and the (articles x categories) count matrix of the profile."""
    if features is None:
        raise FramingError("similarity() needs features=: e.g. 'naming:isis' (naming variants), "
                           "'attribution' (verb classes) or 'stance' (marker categories).")
    items = [features] if isinstance(features, str) else list(features)
    names, columns = [], []
    for item in items:
        for name, group in _categories(docs, str(item), voice):
            if name not in names:
                names.append(name)
                columns.append(group)
    if len(names) < 2:
        raise FramingError(f"a profile needs at least 2 categories; {features!r} gives "
                           f"{len(names)}: {', '.join(names) or 'none'}.")
    values = np.column_stack([
        docs[group].apply(pd.to_numeric, errors="coerce").fillna(0)
        .to_numpy(dtype=float).sum(axis=1)
        for group in columns])
    if (values < 0).any():
        raise FramingError("profile counts must be non-negative.")
    return names, values


def _categories(docs: pd.DataFrame, item: str, voice: str) -> list:
    """(category name, columns summed into it) for one ``features`` item."""
    if item.startswith("naming:") and item.count(":") == 1:
        family = item.split(":", 1)[1]
        voices = ("own", "quoted") if voice == "all" else (voice,)
        pattern = re.compile(rf"^count:naming:{re.escape(family)}:(.+):({'|'.join(voices)})$")
        variants: dict = {}
        for column in docs.columns:
            match = pattern.match(str(column))
            if match:
                variants.setdefault(match.group(1), []).append(column)
        if variants:
            return [(f"{family}:{variant}", cols) for variant, cols in sorted(variants.items())]
    return [(f"{feature}:{category}", [column])
            for column, feature, category in feature_columns(docs, item)]
