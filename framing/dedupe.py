"""Syndicated and near-duplicate articles.

The same wire story runs on many sites, lightly edited. Counting it once per
site makes a comparison of outlets measure syndication deals rather than
framing. :func:`find_duplicates` finds clusters of near-identical articles;
:func:`apply_dedupe` then keeps them, drops the copies, or attributes each
story to its origin.

Method: each text becomes the set of its word 5-gram shingles (lower-cased,
hashed to 64-bit integers); 64 MinHash values per article (numpy, seeded) are
cut into 32 bands of 2 values, and articles sharing a band become candidate
pairs (with 32 bands of 2 a pair at Jaccard 0.5 is found with probability 0.9997; the
threshold is checked exactly afterwards); each candidate pair's exact Jaccard
similarity is computed from the two shingle sets, and pairs at or above
``threshold`` are joined into clusters (connected components). Time is linear in
the corpus size plus the number of candidate pairs.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from framing._warnings import FramingError

DEDUPE_MODES = ("keep", "drop", "origin")


def find_duplicates(corpus: pd.DataFrame, threshold: float = 0.8, *, shingle: int = 5,
                    min_shingles: int = 10) -> pd.DataFrame:
    """Find clusters of near-identical articles, across and within outlets.

    Parameters
    ----------
    corpus : pandas.DataFrame
        Needs ``doc_id`` and ``text``; ``source``, ``origin`` and ``date`` are
        used to pick each cluster's origin member when present.
    threshold : float, default 0.8
        Minimum Jaccard similarity of the two articles' shingle sets.
    shingle : int, default 5
        Words per shingle.
    min_shingles : int, default 10
        Articles with fewer shingles (very short texts) are not compared.

    Returns
    -------
    pandas.DataFrame
        One row per article that belongs to a cluster of two or more:
        ``cluster`` (int), ``doc_id``, ``source``, ``origin``, ``date``,
        ``similarity`` (its highest Jaccard similarity to another member),
        ``n_members``, ``n_sources`` (distinct publishers in the cluster),
        ``representative`` (doc_id of the cluster's origin member: the member
        published by an outlet that any member credits as the story's origin,
        else the earliest, else the first) and
        ``is_representative``. ``attrs["pairs"]`` holds every pair above the
        threshold with its similarity.

    Examples
    --------
    >>> import pandas as pd
    >>> story = "Officials said the militants had fled into the desert after the battle for the city ended last week."
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "source": ["AP", "Site", "Other"],
    ...                        "text": [story, story + " Share this.", "A different story about tax policy and the estate tax debate in the Senate."]})
    >>> dups = find_duplicates(corpus, threshold=0.7, min_shingles=3)
    >>> dups[["doc_id", "cluster", "representative"]].values.tolist()
    [['a', 0, 'a'], ['b', 0, 'a']]
    """
    if not 0 < threshold <= 1:
        raise FramingError(f"threshold is a Jaccard similarity in (0, 1], got {threshold}.")
    for column in ("doc_id", "text"):
        if column not in corpus.columns:
            raise FramingError(f"find_duplicates() needs a {column!r} column; columns present: "
                               f"{', '.join(map(str, corpus.columns))}.")
    texts = corpus["text"].fillna("").astype(str).tolist()
    shingles = [_shingle_hashes(t, shingle) for t in texts]
    eligible = np.array([len(x) >= min_shingles for x in shingles])
    pairs = _similar_pairs(shingles, eligible, threshold)
    table = _clusters(corpus.reset_index(drop=True), pairs)
    table.attrs = {"threshold": threshold, "shingle": shingle, "min_shingles": min_shingles,
                   "n_compared": int(eligible.sum()), "method": "MinHash (64 values, 32 bands) "
                   "candidates, exact Jaccard check", "pairs": pairs}
    return table


_WORD = re.compile(r"\w+")
_MASK = np.uint64((1 << 61) - 1)
_N_HASHES = 64
_BANDS = 32


def _shingle_hashes(text: str, shingle: int) -> np.ndarray:
    """Sorted unique 64-bit hashes of the word ``shingle``-grams of ``text``."""
    words = _WORD.findall(text.lower())
    if len(words) < shingle:
        return np.zeros(0, dtype=np.uint64)
    # crc32 of each word is deterministic across runs (Python's hash() is salted).
    ids = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    n = len(ids) - shingle + 1
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(shingle):
            h = h * np.uint64(1_000_003) + ids[k:k + n]
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    return np.unique(h)


def _minhash_params():
    rng = np.random.default_rng(20261125)
    a = rng.integers(1, (1 << 61) - 1, size=_N_HASHES, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, (1 << 61) - 1, size=_N_HASHES, dtype=np.uint64)
    return a, b


def _signature(hashes: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        mixed = (hashes[None, :] * a[:, None] + b[:, None]) & _MASK
    return mixed.min(axis=1)


def _similar_pairs(shingles, eligible, threshold) -> pd.DataFrame:
    a, b = _minhash_params()
    index = np.flatnonzero(eligible)
    rows_per_band = _N_HASHES // _BANDS
    buckets: dict = {}
    candidates = set()
    for doc in index:
        signature = _signature(shingles[doc], a, b)
        for band in range(_BANDS):
            key = (band, signature[band * rows_per_band:(band + 1) * rows_per_band].tobytes())
            seen = buckets.setdefault(key, [])
            for other in seen:
                candidates.add((other, doc))
            seen.append(doc)
    found = []
    for i, j in sorted(candidates):
        inter = len(np.intersect1d(shingles[i], shingles[j], assume_unique=True))
        union = len(shingles[i]) + len(shingles[j]) - inter
        similarity = inter / union if union else 0.0
        if similarity >= threshold:
            found.append((i, j, similarity))
    return pd.DataFrame(found, columns=["a", "b", "similarity"]).astype(
        {"a": np.int64, "b": np.int64, "similarity": float})


def _clusters(corpus: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    columns = ["cluster", "doc_id", "source", "origin", "date", "similarity", "n_members",
               "n_sources", "representative", "is_representative"]
    n = len(corpus)
    if pairs.empty:
        return pd.DataFrame({c: [] for c in columns})
    graph = sparse.coo_matrix((np.ones(len(pairs)), (pairs["a"].astype(int), pairs["b"].astype(int))),
                              shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    best = np.zeros(n)
    np.maximum.at(best, pairs["a"].astype(int).to_numpy(), pairs["similarity"].to_numpy())
    np.maximum.at(best, pairs["b"].astype(int).to_numpy(), pairs["similarity"].to_numpy())
    members = np.flatnonzero(np.bincount(labels, minlength=labels.max() + 1)[labels] >= 2)
    table = pd.DataFrame({
        "component": labels[members],
        "doc_id": corpus["doc_id"].astype(str).to_numpy()[members],
        "source": corpus["source"].to_numpy()[members] if "source" in corpus else "unknown",
        "origin": corpus["origin"].to_numpy()[members] if "origin" in corpus else None,
        "date": corpus["date"].to_numpy()[members] if "date" in corpus else pd.NaT,
        "similarity": best[members],
        "_order": members,
    })
    # Number clusters by their first member so that output order is stable.
    first = table.groupby("component")["_order"].transform("min")
    table["cluster"] = pd.factorize(first, sort=True)[0]
    table["n_members"] = table.groupby("cluster")["doc_id"].transform("size")
    table["n_sources"] = table.groupby("cluster")["source"].transform("nunique")
    table["representative"] = table["cluster"].map(_representatives(table))
    table["is_representative"] = table["doc_id"] == table["representative"]
    return table.sort_values(["cluster", "_order"])[columns].reset_index(drop=True)


def _representatives(table: pd.DataFrame) -> dict:
    chosen = {}
    for cluster, group in table.groupby("cluster"):
        # The story's writer, as any member credits it; its own copy represents the cluster
        # even when that copy carries no credit line itself.
        writers = set(group["origin"].dropna().astype(str))
        own = group[group["source"].astype(str).isin(writers)]
        if len(own):
            chosen[cluster] = own.sort_values("_order")["doc_id"].iloc[0]
            continue
        dated = group[group["date"].notna()]
        if len(dated):
            chosen[cluster] = dated.sort_values(["date", "_order"])["doc_id"].iloc[0]
        else:
            chosen[cluster] = group.sort_values("_order")["doc_id"].iloc[0]
    return chosen


def apply_dedupe(table: pd.DataFrame, corpus: pd.DataFrame, dedupe: str = "keep", *,
                 duplicates: pd.DataFrame | None = None, threshold: float = 0.8) -> pd.DataFrame:
    """Apply a duplicate policy to a per-article or per-match table.

    Parameters
    ----------
    table : pandas.DataFrame
        Doc features, matches, or a corpus (anything with ``doc_id``).
    corpus : pandas.DataFrame
        The corpus, for the duplicate search and the ``origin`` column.
    dedupe : {"keep", "drop", "origin"}
        ``keep``: every article counts (the default in framing.stats);
        ``drop``: one article per near-duplicate cluster (its representative);
        ``origin``: as ``drop``, and every article is counted under its
        ``origin`` (who wrote the story) instead of its ``source`` where the
        origin is known.
    duplicates : pandas.DataFrame, optional
        A precomputed :func:`find_duplicates` result.
    threshold : float
        Passed to :func:`find_duplicates` when ``duplicates`` is not given.

    Returns
    -------
    pandas.DataFrame
        The table with copies removed (and ``source`` replaced by the origin
        for ``dedupe="origin"``); ``attrs["dedupe"]`` says what was done.
    """
    if dedupe not in DEDUPE_MODES:
        raise FramingError(f"dedupe must be one of {DEDUPE_MODES}, got {dedupe!r}.")
    if dedupe == "keep":
        return table
    dups = find_duplicates(corpus, threshold) if duplicates is None else duplicates
    copies = set(dups.loc[~dups["is_representative"].astype(bool), "doc_id"].astype(str))
    out = table[~table["doc_id"].astype(str).isin(copies)].copy()
    note = {"mode": dedupe, "copies_dropped": len(copies),
            "rows_dropped": int(len(table) - len(out))}
    if dedupe == "origin" and "origin" in corpus.columns:
        origin = dict(zip(corpus["doc_id"].astype(str), corpus["origin"]))
        mapped = out["doc_id"].astype(str).map(origin)
        known = mapped.notna()
        if "source" in out.columns:
            out.loc[known, "source"] = mapped[known]
        note["attributed_to_origin"] = int(known.sum())
    out.attrs = {**table.attrs, "dedupe": note}
    return out


def syndication_summary(corpus: pd.DataFrame, duplicates: pd.DataFrame | None = None) -> list[str]:
    """Plain-language warnings about syndicated and near-duplicate articles, for reports."""
    messages = []
    if "origin" in corpus.columns:
        known = corpus["origin"].notna()
        other = known & (corpus["origin"].astype(str) != corpus["source"].astype(str))
        if other.any():
            pairs = (corpus[other].groupby(["source", "origin"]).size()
                     .reset_index(name="n").itertuples(index=False))
            listed = "; ".join(f"{p.source} runs {p.n} article(s) by {p.origin}" for p in pairs)
            messages.append(f"{int(other.sum())} of {len(corpus)} articles were written by someone "
                            f"other than the outlet that published them ({listed}). A comparison by "
                            "source measures what each outlet chose to run; use by='origin' or "
                            "dedupe='origin' to compare the writers.")
    if duplicates is not None and len(duplicates):
        shared = duplicates[duplicates["n_sources"] > 1]
        if len(shared):
            messages.append(f"{shared['cluster'].nunique()} near-identical stories appear under more "
                            f"than one outlet ({len(shared)} articles); each counts once per outlet "
                            "unless dedupe='drop' or 'origin'.")
        within = duplicates[duplicates["n_sources"] == 1]
        if len(within):
            messages.append(f"{within['cluster'].nunique()} near-identical stories are repeated "
                            f"within one outlet ({len(within)} articles).")
    return messages
