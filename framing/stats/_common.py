"""Pieces every statistic shares: grouping, multiple-comparison control, random state.

Kept deliberately small: the tests in ``framing.stats`` differ in what they
resample, but they all group articles the same way, control the false discovery
rate the same way and take a seed the same way.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing._warnings import FramingError

DEFAULT_BOOTSTRAP = 2000
DEFAULT_PERMUTATIONS = 5000
DEFAULT_SEED = 0


def bh(pvalues) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values); NaN stays NaN and is not counted.

    Parameters
    ----------
    pvalues : array-like of float

    Returns
    -------
    numpy.ndarray
        q-values in the input order, each ``min(1, min_{j>=i} p_(j) m / j)``.

    Examples
    --------
    >>> bh([0.01, 0.04, 0.03, np.nan]).round(3).tolist()
    [0.03, 0.04, 0.04, nan]
    """
    p = np.asarray(pvalues, dtype=float)
    q = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m == 0:
        return q
    order = np.argsort(p[ok], kind="mergesort")
    ranked = p[ok][order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    values = np.empty(m)
    values[order] = np.minimum(adjusted, 1.0)
    q[ok] = values
    return q


def rng_from(random_state) -> np.random.Generator:
    """A numpy Generator from a seed, a Generator, or None (meaning the documented default seed)."""
    if isinstance(random_state, np.random.Generator):
        return random_state
    return np.random.default_rng(DEFAULT_SEED if random_state is None else random_state)


def group_keys(by) -> list:
    """``by`` as a list of keys (column names or ``pd.Grouper`` objects)."""
    if isinstance(by, (list, tuple)):
        if not by:
            raise FramingError("by=[] names no grouping; pass a column such as by='source'.")
        return list(by)
    return [by]


def key_name(key) -> str:
    """Column name a key produces in result tables."""
    if isinstance(key, pd.Grouper):
        return str(key.key)
    return str(key)


def assign_groups(table: pd.DataFrame, by, *, what: str = "table") -> tuple[np.ndarray, pd.DataFrame]:
    """Integer group codes per row of ``table`` and one row per group describing it.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per article (doc features, or a corpus).
    by : str, pandas.Grouper or list of them
        Any column (source, origin, bias label, topic) or a time bin such as
        ``pd.Grouper(key="date", freq="QS")``.
    what : str
        Name of the table, for error messages.

    Returns
    -------
    codes : numpy.ndarray of int
        Group code per row; -1 where a grouping value is missing.
    groups : pandas.DataFrame
        One row per code (in code order), one column per key.

    Examples
    --------
    >>> t = pd.DataFrame({"source": ["b", "a", "b"]})
    >>> codes, groups = assign_groups(t, "source")
    >>> codes.tolist(), groups["source"].tolist()
    ([1, 0, 1], ['a', 'b'])
    """
    keys = group_keys(by)
    for key in keys:
        column = key.key if isinstance(key, pd.Grouper) else key
        if column not in table.columns:
            raise FramingError(f"cannot group by {column!r}: no such column in the {what}. Columns "
                               f"present: {', '.join(map(str, table.columns))}.")
        if isinstance(key, pd.Grouper) and not pd.api.types.is_datetime64_any_dtype(table[column]):
            raise FramingError(f"pd.Grouper(key={column!r}, freq=...) needs a datetime column; "
                               f"{column!r} has dtype {table[column].dtype}.")
    grouped = table.groupby(keys, sort=True, dropna=True, observed=True)
    raw = grouped.ngroup().to_numpy().astype(float)
    # ngroup() can skip numbers (an empty time bin between two filled ones), so
    # renumber densely in sorted order: code i is row i of the groups table.
    present = np.unique(raw[~np.isnan(raw)]).astype(np.int64)
    dense = np.full(len(raw), -1, dtype=np.int64)
    ok = ~np.isnan(raw)
    dense[ok] = np.searchsorted(present, raw[ok].astype(np.int64))
    codes = dense
    first_rows = grouped.head(1).index
    sample = table.loc[first_rows]
    groups = pd.DataFrame({key_name(k): _group_values(sample, k) for k in keys})
    groups["_code"] = np.searchsorted(present, grouped.ngroup().loc[first_rows].to_numpy())
    groups = groups.sort_values("_code").drop(columns="_code").reset_index(drop=True)
    return codes, groups


def _group_values(sample: pd.DataFrame, key) -> pd.Series:
    if isinstance(key, pd.Grouper):
        periods = sample[key.key].dt.to_period(_period_freq(key.freq))
        return periods.dt.start_time.reset_index(drop=True)
    return sample[key].reset_index(drop=True)


def _period_freq(freq) -> str:
    text = str(freq)
    for prefix, period in (("QS", "Q"), ("MS", "M"), ("YS", "Y"), ("AS", "Y"), ("W", "W"),
                           ("D", "D"), ("Q", "Q"), ("M", "M"), ("Y", "Y"), ("A", "Y")):
        if text.startswith(prefix) or text.startswith("<" + prefix):
            return period
    return "D"


def group_label(groups: pd.DataFrame, code: int) -> str:
    """A readable label for group ``code`` ("Fox News" or "Fox News | 2018-01-01")."""
    values = groups.iloc[code].tolist()
    return " | ".join(_fmt(v) for v in values)


def _fmt(value) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def require_groups(groups: pd.DataFrame, minimum: int = 2, *, what: str = "groups") -> None:
    """Raise a clear error when there are fewer than ``minimum`` groups to compare."""
    if len(groups) < minimum:
        raise FramingError(f"need at least {minimum} {what} to compare, found {len(groups)}: "
                           f"{', '.join(map(str, groups.iloc[:, 0].tolist())) or 'none'}.")


# --------------------------------------------------------------------------- near-duplicates

def deduplicate(table, dedupe: str, duplicates, *, caller: str, corpus=None):
    """``table`` (and ``corpus``) under a near-duplicate policy, and the duplicates used.

    Parameters
    ----------
    table : pandas.DataFrame
        Matches, doc features or a corpus: anything with ``doc_id``.
    dedupe : {"keep", "drop", "origin"}
    duplicates : pandas.DataFrame or None
        Clusters from :func:`framing.find_duplicates`; found from the texts of
        ``corpus`` (else of ``table``) when None.
    caller : str
        Public function name, for error messages.
    corpus : pandas.DataFrame, optional
        The corpus the table belongs to (texts and ``origin``).

    Returns
    -------
    table, corpus : pandas.DataFrame
        Both filtered the same way (``corpus`` is None when not given); each
        carries ``attrs["dedupe"]`` unless ``dedupe="keep"``.
    """
    from framing.dedupe import DEDUPE_MODES, apply_dedupe, find_duplicates

    if dedupe not in DEDUPE_MODES:
        raise FramingError(f"{caller}(): dedupe must be one of {DEDUPE_MODES}, got {dedupe!r}.")
    if dedupe == "keep":
        return table, corpus
    texts = corpus if corpus is not None else table
    if duplicates is None:
        if "text" not in texts.columns:
            raise FramingError(
                f"{caller}(dedupe={dedupe!r}) needs the near-duplicate clusters, and this table has "
                "no text to find them in: pass duplicates=framing.find_duplicates(corpus).")
        duplicates = find_duplicates(texts)
    out = apply_dedupe(table, texts, dedupe, duplicates=duplicates)
    if corpus is not None:
        corpus = apply_dedupe(corpus, corpus, dedupe, duplicates=duplicates)
    return out, corpus


def dedupe_record(table, dedupe: str) -> dict:
    """What the near-duplicate policy did, for a result's ``attrs["dedupe"]``."""
    if dedupe == "keep":
        return {"mode": "keep"}
    return dict(table.attrs.get("dedupe", {"mode": dedupe}))
