"""Naming choices: which name each group of articles uses for the same referent.

``naming_shares`` estimates, per group and variant, the share of a family's
mentions that use the variant, with a cluster-bootstrap interval over
articles. ``naming_test`` asks whether the choice of variant depends on the
group: Pearson chi-square and G statistics with their asymptotic p-values
(scipy), Cramér's V, Fisher's exact test for 2 x 2 tables, and a permutation
p-value that shuffles group labels across *articles*, which stays valid when an
article repeats its chosen name, as articles do. Pairwise contrasts follow,
with Benjamini-Hochberg q-values across the rows of the table.

Both read the matches table (``feature == "naming"``, ``category`` the family,
``label`` the variant) and take the grouping columns from the corpus, joined on
``doc_id``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import stats as sps

from framing._warnings import FramingError, require_table, warn
from framing.stats import _resample as rs
from framing.stats._common import (DEFAULT_BOOTSTRAP, DEFAULT_PERMUTATIONS, bh, dedupe_record,
                                   deduplicate, rng_from)

VOICES = ("own", "quoted", "all")


@dataclass
class _NamingCounts:
    """Mentions of one family, per article and variant, and the grouping of the articles."""

    counts: np.ndarray          # (n_articles, n_variants), in corpus order
    variants: list
    grouping: rs.Grouping
    n_left_out_mentions: int    # metalinguistic rows left out

    def mentioning(self) -> np.ndarray:
        """Group code of each article with at least one counted mention, -1 otherwise."""
        has = self.counts.sum(axis=1) > 0
        return np.where(has & (self.grouping.codes >= 0), self.grouping.codes, -1)

    def unit_counts(self) -> np.ndarray:
        """Counts per resampling unit (article, or cluster with ``cluster=``)."""
        return self.grouping.aggregate(self.counts)

    def unit_mentioning(self, unit_counts: np.ndarray) -> np.ndarray:
        """Group code of each unit with at least one counted mention, -1 otherwise."""
        return np.where(unit_counts.sum(axis=1) > 0, self.grouping.unit_codes, -1)

    def table(self) -> np.ndarray:
        """Groups x variants contingency table of mentions."""
        return _group_totals(self.counts, self.grouping.codes, self.grouping.n_groups)


# --------------------------------------------------------------------------- public


def naming_shares(matches: pd.DataFrame, corpus: pd.DataFrame, family: str, by="source",
                  voice: str = "own", *, include_mentions: bool = False, variants=None, period=None,
                  cluster=None, n_boot: int = DEFAULT_BOOTSTRAP, random_state=None,
                  ci: float = 0.95, dedupe: str = "keep", duplicates=None) -> pd.DataFrame:
    """Share of each naming variant per group, with a cluster-bootstrap interval over articles.

    Parameters
    ----------
    matches : pandas.DataFrame
        The matches table from :func:`framing.extract`.
    corpus : pandas.DataFrame
        The corpus the matches came from; grouping columns are read here.
    family : str
        Naming family (the ``category`` of naming matches), e.g. ``"isis"``.
    by : str, pandas.Grouper or list of them, default "source"
        Any corpus column(s) (source, origin, bias label, topic) and/or a time
        bin such as ``pd.Grouper(key="date", freq="QS")``.
    voice : {"own", "quoted", "all"}, default "own"
        Count the outlet's own words (outside quotations), quoted speech, or both.
    include_mentions : bool, default False
        Count names that are mentioned rather than used ("also known as
        ISIS", ``metalinguistic == True``); left out by default.
    variants : list of str or dict, optional
        Variants to report, in this order (default: every variant of the
        family found in the matches, most frequent first), or a dict merging
        labels under one name, e.g. ``{"illegal": ["illegal immigrant",
        "illegal alien", "illegals"], "other": [...]}``. Shares are of the
        mentions of the listed labels only.
    period : str, optional
        Add a time bin on ``date``: "D", "W", "M", "Q" or "Y" (or a pandas
        frequency). Articles with no date are left out and counted.
    cluster : str, optional
        Corpus column whose values are resampled as whole units instead of
        articles, e.g. ``"source"`` when the groups are sets of outlets
        (``by="bias_label"``): then the outlets, not the articles, are the
        independent observations.
    n_boot : int, default 2000
        Bootstrap resamples (0: no interval).
    random_state : int or numpy.random.Generator, optional
        Seed (default 0: the same input gives the same output).
    ci : float, default 0.95
        Confidence level of the interval.
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
        One row per group and variant (zero counts included): the grouping
        columns, ``group`` (readable label), ``variant``, ``count``, ``share``
        (count / mentions of the family in the group), ``ci_low``,
        ``ci_high``, ``n_mentions``, ``n_docs`` (articles in the group) and
        ``n_docs_with_family`` (articles with at least one counted mention).
        A group without mentions has NaN shares. ``attrs`` records the
        method, resamples, seed, level, voice and every article left out.

    Notes
    -----
    The share pools mentions over the group's articles (a ratio of sums). The
    interval resamples, within each group, the articles that mention the
    family, with replacement, and recomputes the pooled share (percentile
    interval, expanded for small samples as in Hesterberg 2015). Articles
    without a mention add nothing to either sum, so this is the cluster
    bootstrap over all of the group's articles conditioned on how many
    mention the family, and it never produces an empty resample.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a1", "a2", "b1", "b2"], "source": ["A", "A", "B", "B"]})
    >>> matches = pd.DataFrame({"doc_id": ["a1", "a1", "a2", "b1", "b2"], "feature": "naming",
    ...                         "category": "isis", "in_quote": False,
    ...                         "label": ["ISIS", "ISIS", "Daesh", "Daesh", "Daesh"]})
    >>> shares = naming_shares(matches, corpus, "isis", n_boot=200)
    >>> shares[["group", "variant", "count", "share", "n_docs_with_family"]]
      group variant  count     share  n_docs_with_family
    0     A   Daesh      1  0.333333                   2
    1     A    ISIS      2  0.666667                   2
    2     B   Daesh      2  1.000000                   2
    3     B    ISIS      0  0.000000                   2

    On a real corpus: ``naming_shares(framing.extract(corpus), corpus, "isis")``.
    """
    voice = _check_voice(voice)
    matches, corpus = deduplicate(matches, dedupe, duplicates, caller="naming_shares", corpus=corpus)
    n_boot = rs.check_resamples(n_boot, "n_boot")
    ci = rs.check_level(ci)
    data = _naming_counts(matches, corpus, family, by, voice, include_mentions, variants, period,
                          cluster)
    grouping = data.grouping
    table = data.table()
    totals = table.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = table / totals[:, None]
    units = data.unit_counts()
    resampled = data.unit_mentioning(units)
    boot = rs.bootstrap_sums(units, resampled, grouping.n_groups, n_boot, rng_from(random_state))
    n_units = np.bincount(resampled[resampled >= 0], minlength=grouping.n_groups)
    low, high = rs.percentile_interval(_shares(boot), ci, n_units[:, None])
    n_docs = grouping.sizes()
    n_with = np.bincount(data.mentioning()[data.mentioning() >= 0], minlength=grouping.n_groups)
    rows = []
    for g, label in enumerate(grouping.labels):
        keys = grouping.groups.iloc[g].to_dict()
        for v, variant in enumerate(data.variants):
            rows.append({**keys, "group": label, "variant": variant, "count": int(table[g, v]),
                         "share": shares[g, v], "ci_low": low[g, v], "ci_high": high[g, v],
                         "n_mentions": int(totals[g]), "n_docs": int(n_docs[g]),
                         "n_docs_with_family": int(n_with[g])})
    result = pd.DataFrame(rows)
    result.attrs = {
        "method": "share of mentions pooled over articles; expanded percentile interval from a "
                  "cluster bootstrap resampling the units (articles, or cluster values) that "
                  "mention the family within each group",
        "n_boot": n_boot, "ci": ci, "random_state": rs.seed_record(random_state),
        **_common_attrs(data, family, voice, include_mentions),
        "dedupe": dedupe_record(corpus, dedupe),
    }
    return result


def naming_test(matches: pd.DataFrame, corpus: pd.DataFrame, family: str, by="source",
                voice: str = "own", *, include_mentions: bool = False, variant=None, variants=None,
                period=None, cluster=None, n_perm: int = DEFAULT_PERMUTATIONS,
                n_boot: int = DEFAULT_BOOTSTRAP, random_state=None,
                ci: float = 0.95, dedupe: str = "keep", duplicates=None) -> pd.DataFrame:
    """Is the choice of name independent of the group? Omnibus test over all groups, then pairs.

    Parameters
    ----------
    matches, corpus, family, by, voice, include_mentions, variants, period, cluster, dedupe, duplicates
        As in :func:`naming_shares`; with ``cluster=`` whole clusters (e.g.
        outlets) are permuted and resampled instead of articles.
    variant : str or list of str, optional
        The variant (or variants, pooled) whose share difference is reported
        for each pair (default: the most frequent variant overall).
    n_perm : int, default 5000
        Permutations of group labels across articles (0: no permutation p).
    n_boot : int, default 2000
        Bootstrap resamples for the interval of each pair's share difference.
    random_state : int or numpy.random.Generator, optional
        Seed (default 0).
    ci : float, default 0.95
        Confidence level.

    Returns
    -------
    pandas.DataFrame
        One row per test: ``comparison`` "omnibus" (all groups with mentions)
        then "pair" (each two groups). Columns: ``group_a``, ``group_b``,
        ``variant``, ``estimate`` (share of ``variant`` in a minus in b),
        ``ci_low``, ``ci_high``, ``share_a``, ``share_b``, ``statistic``
        (Pearson chi-square of the groups x variants table of mentions, no
        Yates correction), ``dof``, ``p`` (its asymptotic p), ``g_statistic``
        and ``p_g`` (likelihood-ratio G), ``p_fisher`` (Fisher's exact test,
        2 x 2 tables only), ``p_perm`` (chi-square calibrated by permuting
        group labels across articles), ``q`` (Benjamini-Hochberg over the
        ``p_perm`` of every row, omnibus and pairs), ``cramers_v``, ``cramers_v_corrected`` (Bergsma 2013),
        ``n_docs`` (articles with a counted mention: the units permuted),
        ``n_docs_a``, ``n_docs_b``, ``n_mentions``.
        ``attrs["table"]`` holds the contingency table as
        ``{group: {variant: count}}``.

    Raises
    ------
    FramingError
        When the family is not among the naming matches, or fewer than two
        groups mention it.

    Notes
    -----
    Chi-square, G and Fisher treat every mention as independent; when an
    article repeats its choice they overstate significance. ``p_perm`` does
    not: articles keep all their mentions and only their group labels are
    shuffled (among the articles that mention the family), so it is exact
    under the null hypothesis that those articles' naming is exchangeable
    across groups. Report ``p_perm``/``q``; the others are for comparison with
    published token-level figures.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": [f"d{i}" for i in range(8)], "source": list("AAAABBBB")})
    >>> matches = pd.DataFrame({"doc_id": [f"d{i}" for i in range(8)] * 2, "feature": "naming",
    ...                         "category": "isis", "in_quote": False,
    ...                         "label": ["ISIS"] * 4 + ["Daesh"] * 4
    ...                                   + ["ISIS"] * 3 + ["Daesh"] * 5})
    >>> test = naming_test(matches, corpus, "isis", n_perm=999, n_boot=200)
    >>> test[["comparison", "statistic", "p", "p_fisher", "p_perm"]].round(3)
      comparison  statistic    p  p_fisher  p_perm
    0    omnibus     12.444  0.0     0.001    0.02
    1       pair     12.444  0.0     0.001    0.02

    Counting mentions as independent (``p``, ``p_fisher``) overstates the
    evidence: with four articles per outlet, no arrangement of articles is
    rarer than 2 in 70 (``p_perm`` estimates that 0.029 by Monte Carlo).
    """
    voice = _check_voice(voice)
    matches, corpus = deduplicate(matches, dedupe, duplicates, caller="naming_test", corpus=corpus)
    n_perm = rs.check_resamples(n_perm, "n_perm")
    n_boot = rs.check_resamples(n_boot, "n_boot")
    ci = rs.check_level(ci)
    data = _naming_counts(matches, corpus, family, by, voice, include_mentions, variants, period,
                          cluster)
    full_table = data.table()
    tested = np.flatnonzero(full_table.sum(axis=1) > 0)
    if len(tested) < 2:
        raise FramingError(
            f"naming_test needs at least 2 groups that mention family {family!r} "
            f"(voice={voice!r}); "
            f"found {len(tested)} of {data.grouping.n_groups}: "
            f"{', '.join(data.grouping.labels[g] for g in tested) or 'none'}. Try voice='all', "
            "a coarser grouping, or include_mentions=True.")
    used = np.flatnonzero(full_table[tested].sum(axis=0) > 0)
    variants = [data.variants[v] for v in used]
    labels = [data.grouping.labels[g] for g in tested]
    units = data.unit_counts()
    codes = _recode(data.unit_mentioning(units), tested)      # per resampling unit
    counts = units[:, used]
    table = _group_totals(counts, codes, len(tested))
    n_docs = np.bincount(_recode(data.mentioning(), tested) + 1, minlength=len(tested) + 1)[1:]
    contrast = _contrast_variants(variant, variants, table)
    contrast_name = " + ".join(variants[v] for v in contrast)
    rng = rng_from(random_state)

    boot = rs.bootstrap_sums(counts, codes, len(tested), n_boot, rng)
    n_units = np.bincount(codes[codes >= 0], minlength=len(tested))
    boot_shares = _shares(boot)[:, :, contrast].sum(axis=-1)
    share = table[:, contrast].sum(axis=1) / table.sum(axis=1)
    pairs = np.array(list(combinations(range(len(tested)), 2)), dtype=np.int64)
    p_omnibus, p_pairs = _permutation_pvalues(counts, codes, table, pairs, n_perm, rng)
    rows = [{"comparison": "omnibus", **table_statistics(table), "p_perm": p_omnibus,
             "n_docs": int(n_docs.sum())}]
    for index, (a, b) in enumerate(pairs):
        low, high = rs.percentile_interval(boot_shares[:, a] - boot_shares[:, b], ci,
                                           min(n_units[a], n_units[b]))
        rows.append({"comparison": "pair", **table_statistics(table[[a, b]]),
                     "p_perm": p_pairs[index], "group_a": labels[a], "group_b": labels[b],
                     "variant": contrast_name, "estimate": share[a] - share[b],
                     "ci_low": float(low), "ci_high": float(high), "share_a": share[a],
                     "share_b": share[b], "n_docs": int(n_docs[a] + n_docs[b]),
                     "n_docs_a": int(n_docs[a]), "n_docs_b": int(n_docs[b])})
    result = pd.DataFrame(rows, columns=TEST_COLUMNS)
    result["q"] = bh(result["p_perm"].to_numpy(dtype=float))
    result = result.astype({"dof": "Int64", "n_docs": "Int64", "n_docs_a": "Int64",
                            "n_docs_b": "Int64", "n_mentions": "Int64"})
    result.attrs = {
        "method": "Pearson chi-square (no Yates correction) and G of the groups x variants table "
                  "of mentions; p_perm permutes group labels across the units (articles, or "
                  "cluster values) that mention the family; pair intervals: cluster bootstrap "
                  "over the same units within groups",
        "n_perm": n_perm, "n_boot": n_boot, "ci": ci, "random_state": rs.seed_record(random_state),
        "q_family": "every row of the table (BH over p_perm: omnibus and pairs)",
        **_common_attrs(data, family, voice, include_mentions),
        "dedupe": dedupe_record(corpus, dedupe),
        "table": {labels[g]: {variants[v]: int(table[g, v]) for v in range(len(variants))}
                  for g in range(len(tested))},
        "groups_without_mentions": [data.grouping.labels[g] for g in range(data.grouping.n_groups)
                                    if g not in set(tested)],
        "variants_without_mentions": [v for v in data.variants if v not in variants],
    }
    return result


TEST_COLUMNS = ["comparison", "group_a", "group_b", "variant", "estimate", "ci_low", "ci_high",
                "share_a", "share_b", "statistic", "dof", "p", "g_statistic", "p_g", "p_fisher",
                "p_perm", "q", "cramers_v", "cramers_v_corrected", "n_docs", "n_docs_a", "n_docs_b",
                "n_mentions"]


# --------------------------------------------------------------------------- tests of one table


def table_statistics(table) -> dict:
    """Chi-square, G, Fisher and Cramér's V of one contingency table (groups x variants).

    Columns (variants) with no mentions are dropped first, as a zero expected
    count would make both statistics undefined. A table with fewer than two
    variants left shows no variation in naming: statistic 0, p 1.

    Examples
    --------
    >>> r = table_statistics(np.array([[10, 2], [3, 9]]))
    >>> round(r["statistic"], 3), r["dof"], round(r["p_fisher"], 4)
    (8.224, 1, 0.0123)
    """
    table = np.asarray(table, dtype=float)
    table = table[:, table.sum(axis=0) > 0]
    table = table[table.sum(axis=1) > 0]
    n = table.sum()
    out = {"statistic": 0.0, "dof": 0, "p": 1.0, "g_statistic": 0.0, "p_g": 1.0,
           "p_fisher": np.nan, "cramers_v": np.nan, "cramers_v_corrected": np.nan,
           "n_mentions": int(n)}
    if min(table.shape) < 2:
        return out
    chi2, p, dof, _ = sps.chi2_contingency(table, correction=False)
    g, p_g, _, _ = sps.chi2_contingency(table, correction=False, lambda_="log-likelihood")
    out.update(statistic=float(chi2), dof=int(dof), p=float(p), g_statistic=float(g),
               p_g=float(p_g),
               cramers_v=cramers_v(chi2, n, *table.shape),
               cramers_v_corrected=cramers_v(chi2, n, *table.shape, corrected=True))
    if table.shape == (2, 2):
        out["p_fisher"] = float(sps.fisher_exact(table.astype(np.int64)).pvalue)
    return out


def cramers_v(chi2: float, n: float, rows: int, cols: int, *, corrected: bool = False) -> float:
    """Cramér's V, optionally with Bergsma's (2013) small-sample bias correction.

    Examples
    --------
    >>> round(cramers_v(8.224, 24, 2, 2), 3)
    0.585
    """
    if n <= 1 or min(rows, cols) < 2:
        return np.nan
    phi2 = chi2 / n
    if not corrected:
        return float(np.sqrt(phi2 / (min(rows, cols) - 1)))
    phi2 = max(0.0, phi2 - (rows - 1) * (cols - 1) / (n - 1))
    rows_c = rows - (rows - 1) ** 2 / (n - 1)
    cols_c = cols - (cols - 1) ** 2 / (n - 1)
    denominator = min(rows_c, cols_c) - 1
    return float(np.sqrt(phi2 / denominator)) if denominator > 0 else np.nan


def chi2_of_tables(tables) -> np.ndarray:
    """Pearson chi-square of many tables at once (last two axes); empty rows/columns add nothing.

    Equals ``scipy.stats.chi2_contingency(t, correction=False)[0]`` for a table
    without empty rows or columns.
    """
    tables = np.asarray(tables, dtype=float)
    n = tables.sum(axis=(-2, -1))[..., None, None]
    expected = tables.sum(axis=-1)[..., :, None] * tables.sum(axis=-2)[..., None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = expected / n
        terms = np.where(expected > 0, (tables - expected) ** 2 / expected, 0.0)
    return terms.sum(axis=(-2, -1))


def _permutation_pvalues(counts, codes, table, pairs, n_perm, rng):
    """Permutation p of the chi-square for all groups and for each pair (units keep counts)."""
    k = table.shape[0]

    def pair_chi2(sums_a, sums_b, index=None):
        return chi2_of_tables(np.stack([sums_a, sums_b], axis=-2))

    # with two groups the only pair is the omnibus table: the same test, run once
    test_pairs = pairs if k > 2 else None
    null, pair_null = rs.permutation_null(counts, codes, k, n_perm, rng, statistic=chi2_of_tables,
                                          pairs=test_pairs, pair_statistic=pair_chi2)
    p_omnibus = float(rs.permutation_pvalue(chi2_of_tables(table), null))
    if test_pairs is None:
        return p_omnibus, [p_omnibus] * len(pairs)
    return p_omnibus, [float(rs.permutation_pvalue(pair_chi2(table[a], table[b]), pair_null[i]))
                       for i, (a, b) in enumerate(pairs)]


# --------------------------------------------------------------------------- input


def _naming_counts(matches, corpus, family, by, voice, include_mentions, variants,
                   period, cluster) -> _NamingCounts:
    _check_tables(matches, corpus, voice)
    naming = _within_corpus(matches[matches["feature"] == "naming"], corpus)
    families = sorted(naming["category"].dropna().astype(str).unique())
    if family not in families:
        raise FramingError(
            f"unknown naming family {family!r}: the matches have "
            + (f"these families: {', '.join(families)}." if families else
               "no naming matches at all (run framing.extract(corpus, features=['naming']))."))
    rows = naming[naming["category"] == family]
    mention = _flag(rows, "metalinguistic")
    left_out = 0 if include_mentions else int(mention.sum())
    # every variant seen in the family, in any voice, even only as a mention: a
    # researcher must see the zeros
    order, merge = _variant_map(rows, variants)
    if not include_mentions:
        rows = rows[~mention]
    in_quote = _flag(rows, "in_quote")
    if voice == "own":
        rows = rows[~in_quote]
    elif voice == "quoted":
        rows = rows[in_quote]
    labels = rows["label"].astype(str)
    rows, labels = rows[labels.isin(merge)], labels[labels.isin(merge)]
    grouping = rs.group_articles(corpus, by, period, cluster=cluster, what="corpus")
    doc_index = _doc_positions(corpus, rows["doc_id"])
    variant_index = pd.Index(order).get_indexer(labels.map(merge))
    counts = np.zeros((len(corpus), len(order)))
    np.add.at(counts, (doc_index, variant_index), 1.0)
    return _NamingCounts(counts, order, grouping, left_out)


def _check_tables(matches, corpus, voice) -> None:
    require_table(matches, ("doc_id", "feature", "category", "label"), what="the matches table",
                  hint="Pass the matches from framing.extract(corpus).")
    require_table(corpus, ("doc_id",), what="the corpus table",
                  hint="Pass the corpus from framing.load_corpus().")
    if voice != "all" and "in_quote" not in matches.columns:
        raise FramingError(f"voice={voice!r} needs the in_quote column of the matches table; "
                           "pass voice='all' to count every mention.")
    ids = corpus["doc_id"].astype(str)
    if ids.duplicated().any():
        raise FramingError(f"the corpus has duplicate doc_id values (e.g. "
                           f"{ids[ids.duplicated()].iloc[0]!r}); each article must appear once.")


def _check_voice(voice: str) -> str:
    if voice not in VOICES:
        raise FramingError(f"voice must be one of {', '.join(map(repr, VOICES))}, got {voice!r}.")
    return voice


def _flag(rows: pd.DataFrame, column: str) -> np.ndarray:
    """A boolean column as a numpy mask; missing column or NA means False."""
    if column not in rows.columns:
        return np.zeros(len(rows), dtype=bool)
    return rows[column].astype("boolean").fillna(False).to_numpy(dtype=bool)


def _variant_map(rows: pd.DataFrame, variants) -> tuple[list, dict]:
    """Reported variants in order, and the variant each counted label belongs to.

    ``variants`` may be None (every label, most frequent first), a list of
    labels (these, in this order) or a dict merging labels under a new name
    (``{"illegal": ["illegal immigrant", "illegal alien"]}``).
    """
    if variants is None:
        frequency = rows["label"].astype(str).value_counts()
        order = sorted(frequency.index, key=lambda v: (-frequency[v], v))
        return order, {v: v for v in order}
    if isinstance(variants, dict):
        merge = {str(label): str(name) for name, labels in variants.items()
                 for label in ([labels] if isinstance(labels, str) else labels)}
        order = [str(name) for name in variants]
    else:
        order = [str(v) for v in ([variants] if isinstance(variants, str) else variants)]
        merge = {v: v for v in order}
    if not order or len(set(order)) != len(order) or len(merge) == 0:
        raise FramingError(f"variants must name distinct variants (a list, or a dict of name -> "
                           f"labels), got {variants!r}.")
    return order, merge


def _within_corpus(naming: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """The naming matches of the corpus's articles.

    The corpus says which articles are compared, so passing all matches with a
    subset of the corpus (one topic, one year) is allowed: the other articles'
    matches are left out with a warning. Matches of none of its articles mean
    the wrong corpus was passed.
    """
    inside = naming["doc_id"].astype(str).isin(set(corpus["doc_id"].astype(str)))
    if inside.all():
        return naming
    if not inside.any() and len(naming):
        unknown = naming["doc_id"].astype(str).iloc[0]
        raise FramingError(f"none of the {len(naming)} naming matches belong to an article of this "
                           f"corpus (e.g. doc_id {unknown!r}); pass the corpus the matches came from.")
    warn(f"{int((~inside).sum())} naming match(es) belong to articles outside the corpus passed "
         "and are left out (the corpus decides which articles are compared).")
    return naming[inside]


def _doc_positions(corpus: pd.DataFrame, doc_ids: pd.Series) -> np.ndarray:
    positions = pd.Index(corpus["doc_id"].astype(str)).get_indexer(doc_ids.astype(str))
    if (positions < 0).any():
        unknown = doc_ids.astype(str)[positions < 0].iloc[0]
        raise FramingError(f"{int((positions < 0).sum())} naming match(es) point to articles "
                           f"not in the corpus (e.g. doc_id {unknown!r}); pass the corpus the "
                           "matches came from.")
    return positions


# --------------------------------------------------------------------------- small helpers


def _group_totals(counts: np.ndarray, codes: np.ndarray, n_groups: int) -> np.ndarray:
    table = np.zeros((n_groups, counts.shape[1]))
    keep = codes >= 0
    np.add.at(table, codes[keep], counts[keep])
    return table


def _shares(sums: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return sums / sums.sum(axis=-1, keepdims=True)


def _recode(codes: np.ndarray, kept: np.ndarray) -> np.ndarray:
    lookup = np.full(int(codes.max(initial=-1)) + 2, -1)
    lookup[kept] = np.arange(len(kept))
    return np.where(codes >= 0, lookup[np.maximum(codes, 0)], -1)


def _contrast_variants(variant, variants, table) -> list:
    """Column indices of the variant(s) whose share each pair contrasts."""
    if variant is None:
        return [int(np.argmax(table.sum(axis=0)))]  # ties: the first in the (frequency) order
    wanted = [variant] if isinstance(variant, str) else list(variant)
    missing = [v for v in wanted if v not in variants]
    if missing or not wanted:
        raise FramingError(f"variant {missing or variant!r} has no counted mention in the tested "
                           f"groups; variants with mentions: {', '.join(variants)}.")
    return [variants.index(v) for v in wanted]


def _common_attrs(data: _NamingCounts, family, voice, include_mentions) -> dict:
    grouping = data.grouping
    return {"family": family, "voice": voice, "include_mentions": include_mentions,
            "by": grouping.keys, "cluster": grouping.cluster or "article",
            "units_per_group": dict(zip(grouping.labels, grouping.unit_sizes().tolist())),
            "excluded": dict(grouping.excluded),
            "metalinguistic_left_out": data.n_left_out_mentions}
