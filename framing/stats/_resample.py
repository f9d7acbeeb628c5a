"""Resampling articles, vectorized: cluster bootstrap and label permutation as matrix operations.

The article is the unit of analysis. A naming choice or a hedge repeated five
times in one article is one editorial decision seen five times, so every
interval and p-value in :mod:`framing.stats` resamples *articles*: the cluster
bootstrap draws articles with replacement within each group, and permutation
tests shuffle group labels across articles, each article keeping all of its
counts (with ``cluster=``, whole outlets play the article's part). Every
statistic the callers need is a function of per-group sums of a few
per-article columns (counts, tokens, their squares and products), so a
resample is fully described by how many times each article is drawn
(bootstrap) or which group each article lands in (permutation), and the
group sums of many resamples are matrix products. No Python loop runs over
resamples; loops run over chunks of resamples (to bound memory), over groups,
or over pairs of groups.

Cost model
----------
With ``n`` articles (resampling units), ``k`` groups, ``q`` summed columns
(up to ~50: compare_rates sums 3 per feature plus 2) and ``B`` resamples,
measured as CPU time on one core of a shared 2-core cloud VM (numpy 2.4,
OpenBLAS; ``benchmarks/stats_calibration.py --timing`` times whole calls):

* bootstrap (:func:`bootstrap_sums`): per group, ``B x n_g`` bounded random
  integers, turned into draw counts by one ``np.bincount`` and multiplied
  with the values (BLAS): about ``15 ns * B * n``, whatever k and q. For
  n = 37,000, B = 2,000: about 1 s.
* shuffles of all labels (:func:`permutation_null`, ``statistic``): one
  ``rng.permuted`` label matrix and, per group, a 0/1 membership matrix
  times the values: about ``(25 + 8 * (k - 1)) ns * B * n``. For
  n = 37,000, k = 20, B = 5,000: about 33 s (13 s for B = 2,000); k = 3: 8 s.
* pairs (``pair_statistic``): random keys sorted once per group, then per
  pair a hypergeometric draw and two 0/1 products: about
  ``(20 + 5 * (k - 1)) ns * B * n`` for all k (k - 1) / 2 pairs together.
  For n = 37,000, k = 20 (190 pairs), B = 5,000: about 22 s.

So the cost grows linearly in articles and resamples, and in groups only
for the permutation tests. Memory is bounded by :data:`CHUNK_ELEMENTS`
articles x resamples per chunk (~32 MB per array) plus the outputs (``B x k
x q`` floats for bootstrap sums; the statistics' outputs for permutations).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse, stats

from framing._warnings import FramingError, warn
from framing.stats._common import DEFAULT_SEED, assign_groups, group_keys, group_label, key_name

CHUNK_ELEMENTS = 4_000_000
"""Articles x resamples per chunk: bounds working memory (~32 MB per array)."""

PERIODS = {"D": "D", "W": "W", "M": "MS", "Q": "QS", "Y": "YS", "A": "YS"}
"""``period=`` shorthands and the pandas frequency (start of the bin) each one means."""


# --------------------------------------------------------------------------- grouping


@dataclass
class Grouping:
    """Articles assigned to groups, and the units resampled: what every resampler needs.

    Attributes
    ----------
    codes : numpy.ndarray of int
        Group code per row of the table; -1 for rows left out.
    groups : pandas.DataFrame
        One row per group (in code order), one column per grouping key.
    labels : list of str
        Readable label per group ("Fox News" or "Fox News | 2018-01-01").
    keys : list of str
        Names of the grouping columns in ``groups``.
    excluded : dict
        Reason -> number of rows left out for it (never silently).
    units : numpy.ndarray of int
        Resampling unit per row (-1 for rows left out): the article itself, or
        with ``cluster=`` the (group, cluster) cell it belongs to.
    unit_codes : numpy.ndarray of int
        Group code per unit.
    cluster : str or None
        The clustering column, None when articles are the units.
    """

    codes: np.ndarray
    groups: pd.DataFrame
    labels: list
    keys: list
    excluded: dict = field(default_factory=dict)
    units: np.ndarray = None
    unit_codes: np.ndarray = None
    cluster: str | None = None

    @property
    def n_groups(self) -> int:
        return len(self.labels)

    def sizes(self) -> np.ndarray:
        """Articles per group."""
        return np.bincount(self.codes[self.codes >= 0], minlength=self.n_groups)

    def unit_sizes(self) -> np.ndarray:
        """Resampling units (articles, or clusters) per group."""
        return np.bincount(self.unit_codes, minlength=self.n_groups)

    def aggregate(self, values) -> np.ndarray:
        """Per-unit sums of per-row ``values`` (rows left out are dropped)."""
        values = np.asarray(values, dtype=np.float64)
        kept = self.units >= 0
        if self.cluster is None:
            return values[kept]   # units are the kept rows, in order
        out = np.zeros((len(self.unit_codes),) + values.shape[1:])
        np.add.at(out, self.units[kept], values[kept])
        return out


def with_period(by, period):
    """``by`` with a time bin on the ``date`` column appended when ``period`` is given.

    ``period="Q"`` means quarters (``pd.Grouper(key="date", freq="QS")``); "D",
    "W", "M" and "Y" likewise; any other pandas frequency string is used as is.
    """
    keys = group_keys(by)
    if period is None:
        return keys
    freq = PERIODS.get(str(period).upper(), period)
    return [*keys, pd.Grouper(key="date", freq=freq)]


def group_articles(table: pd.DataFrame, by, period=None, *, cluster=None, exclude=None,
                   what="table") -> Grouping:
    """Group the rows of ``table`` (one per article) and count every row left out.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per article (a corpus or a doc features table).
    by : str, pandas.Grouper or list of them
        Grouping keys, see :func:`framing.stats._common.assign_groups`.
    period : str, optional
        Append a time bin on ``date`` (see :func:`with_period`).
    cluster : str, optional
        Column whose values are resampled as whole units (e.g. ``"source"``
        when groups are sets of outlets); default: each article is a unit.
    exclude : dict of str -> boolean array, optional
        Further rows to leave out, by reason (e.g. ``{"n_tokens == 0": mask}``).
    what : str
        Name of the table, for error messages.

    Returns
    -------
    Grouping
        Groups with at least one article left; ``excluded`` counts rows dropped
        for a missing grouping value (e.g. ``"date is NaT"``) and for each
        reason in ``exclude``.

    Examples
    --------
    >>> t = pd.DataFrame({"source": ["b", "a", None]})
    >>> g = group_articles(t, "source")
    >>> g.codes.tolist(), g.labels, g.excluded
    ([1, 0, -1], ['a', 'b'], {'source is missing': 1})
    """
    keys = with_period(by, period)
    codes, groups = assign_groups(table, keys, what=what)
    excluded = {}
    for key in keys:
        column = key.key if isinstance(key, pd.Grouper) else key
        missing = int(table[column].isna().sum())
        if missing:
            reason = f"{column} is NaT" if isinstance(key, pd.Grouper) else f"{column} is missing"
            excluded[reason] = missing
    codes = codes.copy()
    exclude = dict(exclude or {})
    if cluster is not None:
        if cluster not in table.columns:
            raise FramingError(f"cannot cluster by {cluster!r}: no such column in the {what}.")
        exclude[f"{cluster} is missing"] = table[cluster].isna().to_numpy()
    for reason, mask in exclude.items():
        mask = np.asarray(mask, dtype=bool)
        if mask.any():
            excluded[reason] = int(mask.sum())
            codes[mask] = -1
    codes, present = _dense_codes(codes, len(groups))
    groups = groups.iloc[present].reset_index(drop=True)
    labels = [group_label(groups, i) for i in range(len(groups))]
    if excluded:
        detail = ", ".join(f"{n} with {reason}" for reason, n in excluded.items())
        warn(f"left out {int((codes < 0).sum())} of {len(codes)} articles ({detail}); "
             "the counts are in the result's attrs['excluded'].")
    units, unit_codes = _units(table, codes, cluster)
    return Grouping(codes, groups, labels, [key_name(k) for k in keys], excluded, units, unit_codes,
                    cluster)


def _units(table: pd.DataFrame, codes: np.ndarray, cluster) -> tuple[np.ndarray, np.ndarray]:
    kept = codes >= 0
    units = np.full(len(codes), -1, dtype=np.int64)
    if cluster is None:
        units[kept] = np.arange(int(kept.sum()))
        return units, codes[kept]
    # a unit is a (group, cluster value) cell: an outlet split across time bins is
    # resampled separately in each bin
    cells = pd.DataFrame({"g": codes[kept], "c": table[cluster].to_numpy()[kept]})
    ids = cells.groupby(["g", "c"], sort=True, observed=True).ngroup().to_numpy()
    units[kept] = ids
    unit_codes = np.zeros(int(ids.max(initial=-1)) + 1, dtype=np.int64)
    unit_codes[ids] = cells["g"].to_numpy()
    return units, unit_codes


def _dense_codes(codes: np.ndarray, n_groups: int) -> tuple[np.ndarray, np.ndarray]:
    """Renumber codes 0..m-1 over the groups that still have articles.

    Also absorbs gaps pandas leaves in ``ngroup()`` for empty time bins.
    """
    present = np.unique(codes[codes >= 0])
    lookup = np.full(max(n_groups, int(codes.max(initial=-1)) + 1), -1, dtype=np.int64)
    lookup[present] = np.arange(len(present))
    dense = np.where(codes >= 0, lookup[np.maximum(codes, 0)], -1)
    # pandas numbers groups in sorted order, so the i-th present code is row i of ``groups``
    return dense.astype(np.int64), np.arange(len(present))


# --------------------------------------------------------------------------- parameters


def check_resamples(n: int, name: str) -> int:
    """A non-negative number of resamples (0 switches the resampling off)."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise FramingError(f"{name} must be a non-negative integer, got {n!r}.")
    return int(n)


def check_level(ci: float) -> float:
    """A confidence level strictly between 0 and 1."""
    if not 0 < float(ci) < 1:
        raise FramingError(f"ci must be a confidence level between 0 and 1 (e.g. 0.95), "
                           f"got {ci!r}.")
    return float(ci)


def seed_record(random_state):
    """What to write in ``attrs`` so that a run can be repeated."""
    if random_state is None:
        return DEFAULT_SEED
    if isinstance(random_state, (int, np.integer)):
        return int(random_state)
    return f"{type(random_state).__name__} (state not recorded; pass an int to record the seed)"


def _chunk_bounds(n_resamples: int, n_items: int):
    """(start, stop) of chunks of resamples holding at most CHUNK_ELEMENTS items."""
    size = max(1, CHUNK_ELEMENTS // max(n_items, 1))
    for start in range(0, n_resamples, size):
        yield start, min(start + size, n_resamples)


# --------------------------------------------------------------------------- bootstrap


def bootstrap_sums(values, codes, n_groups: int, n_boot: int,
                   rng: np.random.Generator) -> np.ndarray:
    """Group sums of ``values`` under a cluster bootstrap stratified by group.

    Each resample draws, within every group, as many rows (articles) as the group
    has, with replacement, and sums their ``values``; groups are resampled
    independently, so group sizes stay fixed as in the data.

    Parameters
    ----------
    values : array-like, shape (n, p)
        Per-article columns to sum (counts, tokens...).
    codes : array-like of int, shape (n,)
        Group of each row; rows with a negative code are never drawn.
    n_groups : int
    n_boot : int
    rng : numpy.random.Generator

    Returns
    -------
    numpy.ndarray, shape (n_boot, n_groups, p)

    Examples
    --------
    >>> x = np.array([[1.0], [3.0], [10.0]])
    >>> s = bootstrap_sums(x, [0, 0, 1], 2, 500, np.random.default_rng(0))
    >>> s.shape, sorted(set(s[:, 0, 0].tolist())), set(s[:, 1, 0].tolist())
    ((500, 2, 1), [2.0, 4.0, 6.0], {10.0})
    """
    values = _as_2d(values)
    codes = np.asarray(codes)
    out = np.zeros((n_boot, n_groups, values.shape[1]))
    for g in range(n_groups):
        rows = np.flatnonzero(codes == g)
        if len(rows):
            out[:, g, :] = _bootstrap_one_group(values[rows], n_boot, rng)
    return out


def _bootstrap_one_group(values: np.ndarray, n_boot: int, rng) -> np.ndarray:
    n = len(values)
    out = np.empty((n_boot, values.shape[1]))
    for start, stop in _chunk_bounds(n_boot, n):
        b = stop - start
        draws = rng.integers(0, n, size=(b, n))
        # how often each article is drawn in each resample, as one bincount
        draws += (np.arange(b) * n)[:, None]
        weights = np.bincount(draws.ravel(), minlength=b * n).reshape(b, n)
        out[start:stop] = weights.astype(np.float64) @ values
    return out


# --------------------------------------------------------------------------- permutation


def permutation_null(values, codes, n_groups: int, n_perm: int, rng: np.random.Generator, *,
                     statistic=None, pairs=None, pair_statistic=None):
    """Null distributions of group-sum statistics under random relabelling of the units.

    A permutation shuffles the group labels of the rows with a code >= 0
    (group sizes stay fixed; each unit keeps all its values). ``statistic``
    sees the sums of every group under one shuffle of all labels (for omnibus
    and group-vs-rest tests); ``pair_statistic`` sees, for each pair (a, b),
    the sums of a and b when only the labels of a's and b's units are shuffled
    (the exact permutation test of that pair). Only the statistics' outputs
    are kept, chunk by chunk.

    Parameters
    ----------
    values : array-like, shape (n, q)
        Per-unit columns to sum.
    codes : array-like of int, shape (n,)
        Group of each unit; negative: takes no part.
    n_groups : int
    n_perm : int
    rng : numpy.random.Generator
    statistic : callable, optional
        ``statistic(sums)``, sums of shape (b, n_groups, q), returns an array
        with b rows.
    pairs : array-like of shape (P, 2), optional
        Pairs of group codes to test.
    pair_statistic : callable, optional
        ``pair_statistic(sums_a, sums_b, index)``, sums of shape (b, q) for
        ``pairs[index]``, returns an array with b rows.

    Returns
    -------
    global_null : numpy.ndarray or None
        ``statistic`` stacked over the ``n_perm`` permutations (axis 0).
    pair_null : list of numpy.ndarray or None
        The same for each pair.

    Notes
    -----
    A shuffle of all labels is drawn with ``rng.permuted``; each group's sums
    are a 0/1 membership matrix times the values (one BLAS product per
    group). Pairs share random keys, see :func:`_pairs_null` (ties among
    float64 keys have probability below 1e-9 for a million units).

    Examples
    --------
    >>> x = np.arange(6.0)[:, None]
    >>> null, _ = permutation_null(x, [0, 0, 0, 1, 1, 1], 2, 200, np.random.default_rng(0),
    ...                            statistic=lambda s: s[:, 0, 0])
    >>> null.shape, float(null.min()) >= 3.0, float(null.max()) <= 12.0
    ((200,), True, True)
    """
    values = _as_2d(values)
    codes = np.asarray(codes)
    keep = codes >= 0
    labels, values = codes[keep].astype(np.int64), values[keep]
    global_null = None
    if statistic is not None:
        # small integers: the shuffle and the per-group comparisons move less memory
        small = labels.astype(np.int16 if n_groups < 2 ** 15 else np.int64)
        parts = []
        for start, stop in _chunk_bounds(n_perm, len(labels)):
            shuffled = rng.permuted(np.broadcast_to(small, (stop - start, len(small))), axis=1)
            parts.append(np.asarray(statistic(_grouped_sums(shuffled, values, n_groups))))
        global_null = np.concatenate(parts) if parts else np.empty((0,))
    pair_null = None
    if pairs is not None:
        pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
        pair_null = _pairs_null(values, labels, pairs, n_perm, rng, pair_statistic)
    return global_null, pair_null


def _pairs_null(values, labels, pairs, n_perm, rng, pair_statistic) -> list:
    """Permutation draws for every pair, sharing one set of random keys per group and chunk.

    For the pair (a, c), relabelling a's and c's units at random keeps i of
    a's units in a, where i is hypergeometric (n_a + n_c units, n_a of them
    a's, n_a labelled a); given i, the new group a is a uniformly random
    i-subset of a plus a uniformly random (n_a - i)-subset of c: the units
    with the smallest i (resp. n_a - i) of i.i.d. uniform keys. Each group's
    keys are drawn once per chunk and serve all its pairs: a group in many
    pairs (many outlets) sums its values once in key order, and each pair
    reads the prefix sum it needs; a group in one or two pairs uses a 0/1
    matrix product instead (faster when there is little to share).
    """
    members = {g: values[labels == g] for g in np.unique(pairs)}
    uses = {g: int(np.sum(pairs == g)) for g in members}
    totals = [members[a].sum(axis=0) + members[c].sum(axis=0) for a, c in pairs]
    parts = [[] for _ in pairs]
    n_involved = sum(len(v) for v in members.values())
    for start, stop in _chunk_bounds(n_perm, n_involved):
        b = stop - start
        keys = {g: rng.random((b, len(v))) for g, v in members.items()}
        stays = [rng.hypergeometric(len(members[a]), len(members[c]), len(members[a]), size=b)
                 for a, c in pairs]
        # counts[g]: for each pair using g, how many of g's units go to the pair's first group
        wanted = {g: [] for g in members}
        for index, (a, c) in enumerate(pairs):
            wanted[a].append((index, stays[index]))
            wanted[c].append((index, len(members[a]) - stays[index]))
        sums = [np.zeros((b, values.shape[1])) for _ in pairs]
        for g, requests in wanted.items():
            if uses[g] > _PREFIX_FROM_PAIRS:
                for index, picked in zip((i for i, _ in requests),
                                         _smallest_sums_shared(keys[g], members[g],
                                                               [n for _, n in requests])):
                    sums[index] += picked
            else:
                ordered = np.sort(keys[g], axis=1)
                for index, count in requests:
                    sums[index] += _smallest_sum(keys[g], ordered, count, members[g])
        for index in range(len(pairs)):
            parts[index].append(np.asarray(pair_statistic(sums[index], totals[index] - sums[index],
                                                          index)))
    return [np.concatenate(p) if p else np.empty((0,)) for p in parts]


# A group compared in more pairs than this sums its values once in key order (prefix sums).
_PREFIX_FROM_PAIRS = 2


def _smallest_sums_shared(keys, values, counts) -> list:
    """For each array in ``counts``: per row r, the sum of the values of the ``count[r]``
    units with the smallest keys, all from one pass over the values.

    Per row, the requested counts cut the units, in key order, into m + 1
    segments; a unit's segment is the number of cut thresholds (the key of
    the c-th smallest unit) below its key. One sparse one-hot product sums
    every segment (each value is touched once, whatever m), and prefix sums
    over the few segments give each requested sum.
    """
    b, n = keys.shape
    m = len(counts)
    requested = np.column_stack(counts)                    # (b, m)
    order = np.argsort(requested, axis=1, kind="stable")
    cuts = np.take_along_axis(requested, order, axis=1)    # sorted counts per row
    ordered = np.sort(keys, axis=1)
    thresholds = np.take_along_axis(ordered, np.maximum(cuts - 1, 0), axis=1)
    thresholds[cuts == 0] = -np.inf
    segment = np.empty((b, n), dtype=np.int64)
    for r in range(b):
        segment[r] = np.searchsorted(thresholds[r], keys[r], side="left")
    segment += (np.arange(b) * (m + 1))[:, None]
    onehot = sparse.csc_matrix((np.ones(b * n), segment.T.ravel(), np.arange(0, b * n + 1, b)),
                               shape=(b * (m + 1), n))
    sums = np.asarray(onehot @ values).reshape(b, m + 1, values.shape[1])
    prefix = np.cumsum(sums[:, :m, :], axis=1)             # prefix[:, j] = sum up to cut j
    unsorted = np.empty_like(prefix)
    np.put_along_axis(unsorted, order[:, :, None], prefix, axis=1)
    return [unsorted[:, j, :] for j in range(m)]


def _smallest_sum(keys, ordered, count, values) -> np.ndarray:
    """Per row r, the sum of the values of the ``count[r]`` units with the smallest keys."""
    threshold = np.take_along_axis(ordered, np.maximum(count - 1, 0)[:, None], axis=1)
    threshold = np.where(count[:, None] > 0, threshold, -np.inf)
    return (keys <= threshold).astype(np.float64) @ values


def _grouped_sums(labels: np.ndarray, values: np.ndarray, n_groups: int) -> np.ndarray:
    """sums[b, g, :] = sum of values[i, :] over rows i with labels[b, i] == g.

    With few groups, one 0/1 matrix per group times the values: a BLAS product
    is much faster per element than a scatter-add, which pays for the k-fold
    redundancy. With more groups (measured: from 6 on), one sparse one-hot
    matrix per chunk (a column per unit, built without sorting), whose
    product touches every value once.
    """
    if n_groups > _DENSE_GROUPS_UP_TO:
        b, n = labels.shape
        rows = (labels.astype(np.int64) + (np.arange(b) * n_groups)[:, None]).T.ravel()
        onehot = sparse.csc_matrix((np.ones(b * n), rows, np.arange(0, b * n + 1, b)),
                                   shape=(b * n_groups, n))
        return np.asarray(onehot @ values).reshape(b, n_groups, values.shape[1])
    out = np.empty((labels.shape[0], n_groups, values.shape[1]))
    member = np.empty(labels.shape, dtype=bool)
    indicator = np.empty(labels.shape, dtype=np.float64)
    for g in range(n_groups - 1):
        np.equal(labels, g, out=member)
        indicator[...] = member
        out[:, g, :] = indicator @ values
    out[:, n_groups - 1, :] = values.sum(axis=0) - out[:, :n_groups - 1, :].sum(axis=1)
    return out


_DENSE_GROUPS_UP_TO = 5


# --------------------------------------------------------------------------- summaries


def permutation_pvalue(observed, null) -> np.ndarray:
    """Monte Carlo permutation p-value ``(1 + #{null >= observed}) / (1 + B)``.

    ``null`` has the permutations on axis 0; larger statistics are more
    extreme (pass absolute values for two-sided tests). The +1 counts the
    observed arrangement itself, so the p-value is never 0 and the test is
    exact at every level (Phipson & Smyth 2010). A relative tolerance of 100
    machine epsilons keeps exact ties from being lost to rounding. NaN
    statistics give NaN; no permutations (B = 0) give NaN.

    Examples
    --------
    >>> float(permutation_pvalue(5.0, np.array([1.0, 2.0, 5.0, 7.0])))
    0.6
    """
    observed = np.asarray(observed, dtype=float)
    null = np.asarray(null, dtype=float)
    if null.shape[0] == 0:
        return np.full(observed.shape, np.nan)
    tolerance = np.abs(observed) * np.finfo(float).eps * 100
    with np.errstate(invalid="ignore"):
        exceed = (null >= observed - tolerance).sum(axis=0)
    p = (1.0 + exceed) / (1.0 + null.shape[0])
    return np.where(np.isnan(observed), np.nan, p)


def percentile_interval(draws, level: float, n_units=None):
    """Bootstrap percentile interval over axis 0, expanded for small samples.

    Parameters
    ----------
    draws : array-like, shape (B, ...)
        Bootstrap replicates.
    level : float
        Confidence level, e.g. 0.95.
    n_units : int or array-like, optional
        Units resampled (per element; for a contrast, those of the smaller
        group). When given, the percentiles are taken at
        ``Phi(sqrt(n / (n - 1)) * t_{n-1}(alpha / 2))`` instead of ``alpha / 2``:
        Hesterberg's (2015) expanded percentile interval, which offsets the
        bootstrap's too-narrow spread in small samples (with 20 articles the
        plain 95% interval covers ~90%; expanded ~93%, see
        ``benchmarks/stats_calibration.py``). It tends to the plain interval
        as n grows. With fewer than 2 units the interval is NaN: resampling
        one article says nothing about its variability.

    Returns
    -------
    low, high : numpy.ndarray
        Order statistics of the draws (no interpolation, so infinite ratios
        are handled). Resamples where the statistic is undefined (NaN, e.g.
        0/0) are left out; no defined resample gives NaN bounds.

    Examples
    --------
    >>> low, high = percentile_interval(np.arange(101.0), 0.9)
    >>> float(low), float(high)
    (5.0, 95.0)
    """
    draws = np.asarray(draws, dtype=float)
    shape = draws.shape[1:]
    if draws.shape[0] == 0:
        return np.full(shape, np.nan), np.full(shape, np.nan)
    alpha = np.full(shape, round((1.0 - level) / 2.0, 12))   # 1 - 0.9 is 0.0999..., not 0.1
    single = np.zeros(shape, dtype=bool)
    if n_units is not None:
        alpha = np.broadcast_to(_expanded_alpha(level, n_units), shape)
        # one unit: every resample repeats it, and a zero-width interval would look precise
        single = np.broadcast_to(np.asarray(n_units) < 2, shape)
    ordered = np.sort(draws, axis=0)                  # NaN sorts last
    valid = (~np.isnan(draws)).sum(axis=0)
    last = np.maximum(valid - 1, 0)
    low_at = np.floor(alpha * last + 1e-9).astype(np.int64)
    high_at = np.ceil((1.0 - alpha) * last - 1e-9).astype(np.int64)
    low = np.take_along_axis(ordered, low_at[None], axis=0)[0]
    high = np.take_along_axis(ordered, high_at[None], axis=0)[0]
    undefined = (valid == 0) | single
    return np.where(undefined, np.nan, low), np.where(undefined, np.nan, high)


def _expanded_alpha(level: float, n_units) -> np.ndarray:
    n = np.maximum(np.asarray(n_units, dtype=float), 2.0)   # fewer than 2 units: NaN anyway
    plain = (1.0 - level) / 2.0
    return stats.norm.cdf(np.sqrt(n / (n - 1)) * stats.t.ppf(plain, n - 1))


def _as_2d(values) -> np.ndarray:
    values = np.asarray(values, dtype=np.float64)
    return values[:, None] if values.ndim == 1 else values
