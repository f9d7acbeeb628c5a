"""Distinctive vocabulary: which words set one group of articles apart from another.

Three views of the same question, from the fastest to the most careful:

=================== ===========================================================
log_odds            Monroe, Colaresi & Quinn (2008) log-odds ratio with an
                    informative Dirichlet prior: delta, its variance, z, for
                    one target or every group at once (long form)
keyness             quanteda-compatible ``textstat_keyness`` (signed chi2, G2,
                    PMI), for users who must match published numbers
term_significance   the article as the unit: permutation of article labels or
                    bootstrap over articles (Lijffijt et al. 2016)
=================== ===========================================================

The first two treat every token as an independent draw, so a word that one
article repeats thirty times looks as "significant" as a word thirty articles
use once. ``term_significance`` resamples whole articles and does not make that
mistake; use it before claiming that a word characterises an outlet.

All three count words with scikit-learn's ``CountVectorizer`` into a sparse
article x term matrix. Tokenizing is the slow step (about 1 s per 1,000 news
articles); :func:`document_terms` does it once and every function here accepts
its result in place of the corpus.

Rare terms are never dropped silently: ``min_count`` / ``min_docs`` are explicit
parameters, they only decide which terms are reported and tested (never the
statistics of the others), and the number of terms below them is in ``attrs``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy import special
from scipy import stats as sps
from sklearn.feature_extraction.text import CountVectorizer

from framing._warnings import FramingError, warn
from framing.stats._common import (DEFAULT_BOOTSTRAP, DEFAULT_PERMUTATIONS, assign_groups, bh,
                                   dedupe_record, deduplicate,
                                   group_label, require_groups, rng_from)
from framing.text import TOKEN_PATTERN

TEXT_COLUMNS = ("text", "raw_text")
RATE_PER = 1000.0
#: Prior weight of the informative Dirichlet prior, in pseudo-tokens (see log_odds).
DEFAULT_ALPHA0 = 1000.0
#: Long tables (target=None) larger than this keep only the terms each group uses.
MAX_LONG_ROWS = 5_000_000
#: Terms must occur in at least this many compared articles to be tested by term_significance.
DEFAULT_MIN_DOCS = 5
#: Besag-Clifford stopping rule of term_significance (permutation).
DEFAULT_STOP_AFTER = 20
_Z95 = 1.959963984540054
# quanteda adds this inside every log of G2 and PMI (keyness.cpp: "the same value as R code").
_QUANTEDA_EPSILON = 1e-9
# Upper bound on the float64 cells of one resampling block (~64 MB; a few copies are alive).
_BLOCK_CELLS = 8_000_000
# Terms used by more than this share of the articles are multiplied as a dense block (BLAS):
# measured (one core): equal cost at 5% density, dense 4-12x faster at 20-90%.
_DENSE_SHARE = 0.05
# At most this many cells of the term x article matrix are held dense (~400 MB).
_DENSE_CELLS = 50_000_000


# --------------------------------------------------------------------------- tokenizing


@dataclass(frozen=True)
class DocumentTerms:
    """A corpus tokenized once: the sparse article x term count matrix and what it came from.

    Attributes
    ----------
    counts : scipy.sparse.csr_matrix
        Articles x terms, token counts (int32), rows in corpus order.
    terms : numpy.ndarray
        The term of each column (str), in ``CountVectorizer`` order (sorted).
    docs : pandas.DataFrame
        The corpus without its text columns (the grouping metadata), same row order.
    n_tokens : numpy.ndarray
        Tokens per article (row sums of ``counts``), the denominator of every rate.
    lowercase : bool
    token_pattern : str
    """

    counts: sp.csr_matrix
    terms: np.ndarray
    docs: pd.DataFrame
    n_tokens: np.ndarray
    lowercase: bool
    token_pattern: str


def document_terms(corpus: pd.DataFrame, *, lowercase: bool = True,
                   token_pattern: str | None = None, n_jobs: int = 1) -> DocumentTerms:
    """Tokenize a corpus once into a sparse article x term count matrix.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus table (needs ``text``; every other column except ``raw_text``
        is kept for grouping).
    lowercase : bool, default True
        Lower-case before counting, so "Border" and "border" are one term.
    token_pattern : str, optional
        Regular expression of a token (no capturing groups). Default:
        :data:`framing.text.TOKEN_PATTERN`, the tokens ``n_tokens`` counts
        everywhere in framing: runs of letters/digits in any script, single
        internal hyphens and apostrophes kept ("so-called", "don't"), dotted
        abbreviations ("u.s.") and numbers with separators ("10,000"); no
        punctuation. Unlike scikit-learn's default it keeps one-letter words.
    n_jobs : int, default 1
        Worker processes; each counts a contiguous share of the articles and
        the vocabularies are merged (same result as one process).

    Returns
    -------
    DocumentTerms

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "source": ["X", "Y"],
    ...                        "text": ["The so-called wall.", "The wall, the border."]})
    >>> dt = document_terms(corpus)
    >>> dt.terms.tolist(), dt.n_tokens.tolist()
    (['border', 'so-called', 'the', 'wall'], [3, 4])
    """
    if not isinstance(corpus, pd.DataFrame) or "text" not in corpus.columns:
        got = type(corpus).__name__ if not isinstance(corpus, pd.DataFrame) else \
            f"a DataFrame with columns {', '.join(map(str, corpus.columns))}"
        raise FramingError(f"expected a corpus table with a 'text' column (or a DocumentTerms), got {got}.")
    pattern = TOKEN_PATTERN if token_pattern is None else token_pattern
    texts = corpus["text"].fillna("").astype(str).tolist()
    n_jobs = max(1, min(int(n_jobs), len(texts) // 500 or 1))
    if n_jobs == 1:
        counts, terms = _count_terms(texts, bool(lowercase), pattern)
    else:
        counts, terms = _count_terms_in_parallel(texts, bool(lowercase), pattern, n_jobs)
    if len(terms) == 0:
        raise FramingError(f"no tokens found in the {len(texts)} texts; check the 'text' column "
                           "and token_pattern.")
    docs = corpus[[c for c in corpus.columns if c not in TEXT_COLUMNS]].reset_index(drop=True)
    n_tokens = np.asarray(counts.sum(axis=1), dtype=np.int64).ravel()
    return DocumentTerms(counts, terms, docs, n_tokens, bool(lowercase), pattern)


def _count_terms(texts: list, lowercase: bool, pattern: str):
    """CSR counts (sorted indices) and the sorted terms; no terms for texts without tokens."""
    vectorizer = CountVectorizer(lowercase=lowercase, token_pattern=pattern, dtype=np.int32)
    try:
        counts = vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # "empty vocabulary": no text holds a single token
        return sp.csr_matrix((len(texts), 0), dtype=np.int32), np.array([], dtype=object)
    counts.sort_indices()
    return counts, vectorizer.get_feature_names_out().astype(object)


def _count_terms_in_parallel(texts: list, lowercase: bool, pattern: str, n_jobs: int):
    from concurrent.futures import ProcessPoolExecutor

    bounds = np.linspace(0, len(texts), n_jobs + 1).astype(int)
    with ProcessPoolExecutor(n_jobs) as pool:
        parts = list(pool.map(_count_terms, [texts[a:b] for a, b in zip(bounds, bounds[1:])],
                              [lowercase] * n_jobs, [pattern] * n_jobs))
    terms = np.unique(np.concatenate([t for _, t in parts]).astype(str)).astype(object)
    remapped = []
    for counts, part_terms in parts:
        # Column j of a part is term part_terms[j]; both vocabularies are sorted.
        position = np.searchsorted(terms.astype(str), part_terms.astype(str))
        remapped.append(sp.csr_matrix((counts.data, position[counts.indices], counts.indptr),
                                      shape=(counts.shape[0], len(terms))))
    merged = sp.vstack(remapped, format="csr")
    merged.sort_indices()
    return merged, terms


def _as_document_terms(corpus, lowercase, token_pattern) -> DocumentTerms:
    if not isinstance(corpus, DocumentTerms):
        return document_terms(corpus, lowercase=True if lowercase is None else lowercase,
                              token_pattern=token_pattern)
    if lowercase is not None and bool(lowercase) != corpus.lowercase:
        raise FramingError(f"lowercase={lowercase} but the DocumentTerms were built with "
                           f"lowercase={corpus.lowercase}; re-run document_terms().")
    if token_pattern is not None and token_pattern != corpus.token_pattern:
        raise FramingError("token_pattern differs from the one the DocumentTerms were built "
                           "with; re-run document_terms().")
    return corpus


def _deduplicated_terms(corpus, lowercase, token_pattern, dedupe, duplicates, caller) -> DocumentTerms:
    """Document terms of the corpus under a near-duplicate policy (rows of a DocumentTerms dropped)."""
    if not isinstance(corpus, DocumentTerms):
        corpus, _ = deduplicate(corpus, dedupe, duplicates, caller=caller)
        dt = _as_document_terms(corpus, lowercase, token_pattern)
        if "dedupe" in corpus.attrs:
            dt.docs.attrs["dedupe"] = corpus.attrs["dedupe"]
        return dt
    dt = _as_document_terms(corpus, lowercase, token_pattern)
    # The terms keep no text: the clusters must come from the caller.
    rows = dt.docs.reset_index(drop=True).assign(_row=np.arange(len(dt.docs)))
    kept, _ = deduplicate(rows, dedupe, duplicates, caller=caller)
    if kept is rows:                                       # dedupe="keep"
        return dt
    index = kept.pop("_row").to_numpy()
    docs = kept.reset_index(drop=True)
    docs.attrs["dedupe"] = kept.attrs.get("dedupe", {"mode": dedupe})
    counts = dt.counts[index]
    # Terms only the dropped copies used leave the vocabulary, as if the kept articles had
    # been tokenized alone (the corpus prior spreads over the vocabulary).
    used = np.flatnonzero(counts.getnnz(axis=0))
    return replace(dt, counts=counts[:, used].tocsr(), terms=dt.terms[used], docs=docs,
                   n_tokens=dt.n_tokens[index])


def _tokenizing_attrs(dt: DocumentTerms) -> dict:
    default = dt.token_pattern == TOKEN_PATTERN
    return {"tokenizer": "sklearn CountVectorizer", "lowercase": dt.lowercase,
            "token_pattern": "framing.text.TOKEN_PATTERN" if default else dt.token_pattern}


# --------------------------------------------------------------------------- grouping


@dataclass
class _Setup:
    """Groups, their term counts and the comparisons asked for."""

    dt: DocumentTerms
    groups: pd.DataFrame
    codes: np.ndarray                 # group code per article, -1 = no group value
    counts: sp.csr_matrix             # groups x terms, token counts
    doc_counts: sp.csr_matrix         # groups x terms, articles containing the term
    tokens: np.ndarray                # tokens per group
    ndocs: np.ndarray                 # articles per group
    targets: list                     # one array of group codes per comparison
    reference: np.ndarray | None      # fixed reference codes; None = all other groups


def _setup(dt: DocumentTerms, by, target, reference) -> _Setup:
    codes, groups = assign_groups(dt.docs, by, what="corpus")
    require_groups(groups, 2)
    k = len(groups)
    grouped = np.flatnonzero(codes >= 0)
    membership = sp.csr_matrix((np.ones(len(grouped)), (codes[grouped], grouped)),
                               shape=(k, dt.counts.shape[0]))
    present = dt.counts.copy()
    present.data = np.ones_like(present.data)
    counts = (membership @ dt.counts).tocsr()
    doc_counts = (membership @ present).tocsr()
    for matrix in (counts, doc_counts):
        matrix.sort_indices()
    tokens = np.asarray(membership @ dt.n_tokens, dtype=float).ravel()
    ndocs = np.bincount(codes[grouped], minlength=k).astype(float)
    targets, ref = _comparisons(groups, target, reference)
    return _Setup(dt, groups, codes, counts, doc_counts, tokens, ndocs, targets, ref)


def _comparisons(groups: pd.DataFrame, target, reference):
    """Target code sets (one per comparison) and the fixed reference (None = the rest)."""
    ref = None if reference is None else _codes_of(groups, reference, what="reference")
    if target is None:
        candidates = np.setdiff1d(np.arange(len(groups)), ref if ref is not None else [])
        if len(candidates) == 0:
            raise FramingError("every group is in the reference; nothing is left to compare.")
        return [np.array([c]) for c in candidates], ref
    chosen = _codes_of(groups, target, what="target")
    if ref is not None and np.intersect1d(chosen, ref).size:
        raise FramingError("the same group is in the target and the reference.")
    if ref is None and len(chosen) == len(groups):
        raise FramingError("the target holds every group; there is no reference left.")
    return [chosen], ref


def _codes_of(groups: pd.DataFrame, spec, *, what: str) -> np.ndarray:
    """Group codes named by ``spec``: a value, a tuple (one group of several keys), a label or a list."""
    items = list(spec) if isinstance(spec, (list, set, np.ndarray, pd.Index, pd.Series)) else [spec]
    labels = np.array([group_label(groups, c) for c in range(len(groups))], dtype=object)
    found = []
    for item in items:
        if isinstance(item, tuple) and len(item) == groups.shape[1]:
            hit = np.logical_and.reduce([groups.iloc[:, i].to_numpy() == v for i, v in enumerate(item)])
        elif groups.shape[1] == 1 and not isinstance(item, tuple):
            hit = (groups.iloc[:, 0] == item).to_numpy() | (labels == str(item))
        else:
            hit = labels == str(item)
        if not hit.any():
            shown = ", ".join(map(str, labels[:12])) + (" ..." if len(labels) > 12 else "")
            raise FramingError(f"{what} {item!r} is not one of the groups ({shown}).")
        found.extend(np.flatnonzero(hit))
    return np.unique(found)


def _label(groups: pd.DataFrame, codes) -> str:
    return " + ".join(group_label(groups, int(c)) for c in codes)


def _key_columns(setup: _Setup, target_codes: list) -> dict:
    """One value per comparison for each grouping column (the joined label for combined targets)."""
    columns = {}
    for i, name in enumerate(setup.groups.columns):
        values = [setup.groups.iloc[int(c[0]), i] if len(c) == 1 else _label(setup.groups, c)
                  for c in target_codes]
        columns[name] = values
    return columns


@dataclass
class _Sides:
    """Per comparison: target and reference totals, and how to get a term's reference counts."""

    target_counts: sp.csr_matrix      # comparisons x terms
    target_docs: sp.csr_matrix
    target_tokens: np.ndarray
    target_ndocs: np.ndarray
    ref_tokens: np.ndarray
    ref_ndocs: np.ndarray
    all_counts: np.ndarray            # terms: counts over all grouped articles
    all_docs: np.ndarray
    fixed_counts: np.ndarray | None   # terms: counts of a fixed reference
    fixed_docs: np.ndarray | None
    ref_labels: list

    def ref_counts(self, cols, target_values):
        if self.fixed_counts is not None:
            return self.fixed_counts[cols]
        return self.all_counts[cols] - target_values

    def ref_docs(self, cols, target_values):
        if self.fixed_docs is not None:
            return self.fixed_docs[cols]
        return self.all_docs[cols] - target_values

    def absent_ref_counts(self) -> np.ndarray:
        """Reference count of each term for a target that never uses it."""
        return self.all_counts if self.fixed_counts is None else self.fixed_counts


def _sides(setup: _Setup) -> _Sides:
    k = len(setup.groups)
    rows = np.repeat(np.arange(len(setup.targets)), [len(t) for t in setup.targets])
    choose = sp.csr_matrix((np.ones(len(rows)), (rows, np.concatenate(setup.targets))),
                           shape=(len(setup.targets), k))
    target_counts = (choose @ setup.counts).tocsr()
    target_docs = (choose @ setup.doc_counts).tocsr()
    for matrix in (target_counts, target_docs):
        matrix.sort_indices()
    t_tokens = choose @ setup.tokens
    t_ndocs = choose @ setup.ndocs
    all_counts = np.asarray(setup.counts.sum(axis=0), dtype=float).ravel()
    all_docs = np.asarray(setup.doc_counts.sum(axis=0), dtype=float).ravel()
    if setup.reference is None:
        ref_tokens = setup.tokens.sum() - t_tokens
        ref_ndocs = setup.ndocs.sum() - t_ndocs
        fixed_counts = fixed_docs = None
        labels = ["all other groups"] * len(setup.targets)
    else:
        ref = setup.reference
        fixed_counts = np.asarray(setup.counts[ref].sum(axis=0), dtype=float).ravel()
        fixed_docs = np.asarray(setup.doc_counts[ref].sum(axis=0), dtype=float).ravel()
        ref_tokens = np.full(len(setup.targets), setup.tokens[ref].sum())
        ref_ndocs = np.full(len(setup.targets), setup.ndocs[ref].sum())
        labels = [_label(setup.groups, ref)] * len(setup.targets)
    return _Sides(target_counts, target_docs, t_tokens, t_ndocs, ref_tokens, ref_ndocs, all_counts,
                  all_docs, fixed_counts, fixed_docs, labels)


# --------------------------------------------------------------------------- log-odds


def _prior_pseudocounts(prior, alpha0: float, setup: _Setup) -> np.ndarray:
    """alpha_w for every term of the vocabulary; they sum to alpha0."""
    if not np.isfinite(alpha0) or alpha0 <= 0:
        raise FramingError(f"alpha0 must be a positive number of pseudo-tokens, got {alpha0!r}.")
    terms = setup.dt.terms
    if isinstance(prior, pd.Series):
        weights = pd.to_numeric(prior.reindex(terms), errors="coerce").to_numpy(dtype=float)
        bad = ~(weights > 0)
        if bad.any():
            raise FramingError(f"the prior Series has no positive weight for {int(bad.sum())} of "
                               f"{len(terms)} terms (e.g. {terms[np.flatnonzero(bad)[0]]!r}); give "
                               "every term of document_terms(corpus).terms a weight > 0, e.g. "
                               "background counts plus 0.5.")
    elif isinstance(prior, str) and prior == "corpus":
        # The corpus term distribution: the counts over every grouped article.
        weights = np.asarray(setup.counts.sum(axis=0), dtype=float).ravel()
        if not (weights > 0).all():  # terms used only in articles without a group value
            weights = weights + (weights == 0) * 0.5
    elif isinstance(prior, str) and prior == "uniform":
        weights = np.ones(len(terms))
    else:
        raise FramingError(f"prior must be 'corpus', 'uniform' or a pandas Series of weights per "
                           f"term, got {prior!r}.")
    return alpha0 * weights / weights.sum()


def _log_odds_stats(y_t, y_r, n_t, n_r, a_w, alpha0):
    """delta, variance and z of Monroe et al. (2008) for arrays of counts (broadcasting)."""
    delta = (np.log(y_t + a_w) - np.log(n_t + alpha0 - y_t - a_w)
             - np.log(y_r + a_w) + np.log(n_r + alpha0 - y_r - a_w))
    variance = 1.0 / (y_t + a_w) + 1.0 / (y_r + a_w)
    return delta, variance, delta / np.sqrt(variance)


def _two_sided_normal_p(z):
    return special.erfc(np.abs(z) / np.sqrt(2.0))


def _bh_weighted(p: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """BH q-values when entry i stands for ``weights[i]`` tests sharing the p-value ``p[i]``.

    Equal to :func:`framing.stats._common.bh` on the expanded vector; lets
    ``log_odds`` correct over every (group, term) pair without listing the
    millions of pairs whose statistics are identical.
    """
    order = np.argsort(p, kind="mergesort")
    ranks = np.cumsum(weights[order].astype(float))
    adjusted = p[order] * ranks[-1] / ranks
    adjusted = np.minimum.accumulate(adjusted[::-1])[::-1]
    q = np.empty(len(p))
    q[order] = np.minimum(adjusted, 1.0)
    return q


def log_odds(corpus, by="source", target=None, reference=None, prior="corpus",
             alpha0: float = DEFAULT_ALPHA0, *, min_count: int = 1, lowercase: bool | None = None,
             token_pattern: str | None = None, max_rows: int = MAX_LONG_ROWS, dedupe: str = "keep",
             duplicates=None) -> pd.DataFrame:
    r"""Distinctive terms by the log-odds ratio with an informative Dirichlet prior.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words", *Political Analysis*
    16(4). For term :math:`w`, target :math:`i` and reference :math:`j` with
    counts :math:`y_w`, token totals :math:`n` and prior pseudo-counts
    :math:`\alpha_w` summing to :math:`\alpha_0`:

    .. math::

        \delta_w = \log\frac{y^i_w + \alpha_w}{n^i + \alpha_0 - y^i_w - \alpha_w}
                 - \log\frac{y^j_w + \alpha_w}{n^j + \alpha_0 - y^j_w - \alpha_w},
        \qquad
        \sigma^2(\delta_w) \approx \frac{1}{y^i_w + \alpha_w} + \frac{1}{y^j_w + \alpha_w},
        \qquad z_w = \delta_w / \sigma(\delta_w).

    Parameters
    ----------
    corpus : pandas.DataFrame or DocumentTerms
        The corpus table (``text`` plus grouping columns) or :func:`document_terms` of it.
    by : str, pandas.Grouper or list, default "source"
        Grouping of the articles (any corpus column, a time bin, or several).
    target : group value, tuple, label or list, optional
        The group to describe (a list is pooled into one target). ``None``:
        every group (every group outside ``reference``) in long form.
    reference : same kinds as target, optional
        What the target is compared with; default all other groups.
    prior : "corpus", "uniform" or pandas.Series, default "corpus"
        ``"corpus"``: the term distribution of all grouped articles, scaled to
        sum to ``alpha0`` (the informative prior of the paper). ``"uniform"``:
        ``alpha0 / V`` for each of the V terms. A Series of positive weights per
        term (e.g. counts in a background corpus) is normalised and scaled to
        ``alpha0``.
    alpha0 : float, default 1000
        Total prior weight in pseudo-tokens. By Dirichlet conjugacy every
        group's term distribution is pulled toward the prior by
        ``alpha0 / (n_tokens + alpha0)``. The default is a bit more than one
        news article (ABP's median article has about 810 tokens): a one-article
        group is shrunk about halfway, an outlet with 100,000 tokens by 1%, so
        the prior tames the log-odds of thinly observed groups and rare terms
        and leaves well-observed outlets near their raw log-odds ratio. z is
        barely affected for terms with more than a few dozen occurrences. To use
        raw corpus counts as the prior (what several implementations do), set
        ``alpha0`` to the corpus's number of tokens.
    min_count : int, default 1
        A (target, term) pair is reported and enters the BH correction when the
        term occurs at least this often in the target and reference together.
        It never changes the statistics of other pairs (``n_tokens`` and the
        prior always cover the whole vocabulary). Pairs below are counted in
        ``attrs``.
    lowercase : bool, optional
        Default True (for a DocumentTerms: how it was built).
    token_pattern : str, optional
        Default :data:`framing.text.TOKEN_PATTERN`; see :func:`document_terms`.
    max_rows : int, default 5,000,000
        When ``target=None`` and the long table of every group x term would be
        larger, rows are kept only for the terms each group uses (``n_target >
        0``); the left-out pairs are still tested and counted in the BH
        correction (their statistics depend only on the group and the term's
        reference count, so they are computed once per distinct count).
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
        One row per (target, term), sorted by target and descending z:
        the grouping column(s) (the target), ``reference`` (label), ``term``
        (categorical over the vocabulary, compact for long tables),
        ``n_target``, ``n_reference`` (token counts), ``docs_target``,
        ``docs_reference`` (articles using the term: a count resting on very few
        articles deserves :func:`term_significance`), ``freq_target``,
        ``freq_reference`` (per 1,000 tokens), ``delta`` (the log-odds ratio,
        the effect size), ``se``, ``ci_low``, ``ci_high`` (delta +/- 1.96 se),
        ``z``, ``p`` (two-sided, normal), ``q`` (BH over every tested pair of the
        table), ``n_docs``, ``n_docs_reference``. ``attrs`` holds the method,
        prior, alpha0, thresholds and counts of what they left out.

    Notes
    -----
    z treats tokens as independent; for terms concentrated in few articles it
    overstates significance (Lijffijt et al. 2016) -- see ``docs_target`` and
    :func:`term_significance`.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": list("abcd"), "source": ["L", "L", "R", "R"],
    ...     "text": ["undocumented immigrants", "undocumented workers",
    ...              "illegal aliens", "illegal immigrants"]})
    >>> table = log_odds(corpus, target="R", alpha0=4)
    >>> top = table.iloc[0]
    >>> top["term"], int(top["n_target"]), int(top["n_reference"])
    ('illegal', 2, 0)
    """
    if int(min_count) < 1:
        raise FramingError(f"min_count must be at least 1, got {min_count!r}.")
    dt = _deduplicated_terms(corpus, lowercase, token_pattern, dedupe, duplicates, 'log_odds')
    setup = _setup(dt, by, target, reference)
    sides = _sides(setup)
    alpha = _prior_pseudocounts(prior, float(alpha0), setup)
    present = _present_pairs(sides, alpha, float(alpha0), int(min_count))
    absent = _absent_pairs(sides, alpha, float(alpha0), int(min_count))
    p_all = np.concatenate([present["p"], absent["grid_p"].ravel()])
    w_all = np.concatenate([np.ones(len(present["p"])), absent["grid_n"].ravel()])
    keep = w_all > 0
    q_all = np.full(len(p_all), np.nan)
    q_all[keep] = _bh_weighted(p_all[keep], w_all[keep])
    present["q"] = q_all[:len(present["p"])]
    absent["grid_q"] = q_all[len(present["p"]):].reshape(absent["grid_p"].shape)
    n_tested = int(w_all.sum())
    long_rows = target is None and n_tested > max_rows
    pairs = present if long_rows else _concat_pairs(present, _expand_absent(absent, sides, present))
    table = _log_odds_table(setup, sides, pairs)
    table.attrs = {
        "method": "log-odds ratio with informative Dirichlet prior (Monroe, Colaresi & Quinn 2008)",
        "delta": "log((y_t+a_w)/(n_t+a0-y_t-a_w)) - log((y_r+a_w)/(n_r+a0-y_r-a_w))",
        "variance": "1/(y_t+a_w) + 1/(y_r+a_w)", "p": "two-sided, normal approximation of z",
        "q": "Benjamini-Hochberg over every tested (target, term) pair, including pairs not shown",
        "prior": prior if isinstance(prior, str) else "user Series", "alpha0": float(alpha0),
        "by": [str(b) for b in (by if isinstance(by, (list, tuple)) else [by])],
        "min_count": int(min_count), "n_terms": len(dt.terms), "n_tested_pairs": n_tested,
        "n_pairs_below_min_count": int(absent["below"] + present["below"]),
        "rows": "pairs with n_target > 0 (table exceeds max_rows)" if long_rows else "every tested pair",
        "n_tested_pairs_not_shown": n_tested - len(table), "max_rows": int(max_rows),
        "n_articles_without_group": int((setup.codes < 0).sum()), **_tokenizing_attrs(dt)}
    table.attrs["dedupe"] = dedupe_record(dt.docs, dedupe)
    return table


def _present_pairs(sides: _Sides, alpha, alpha0, min_count) -> dict:
    """Statistics of every (comparison, term) pair where the target uses the term."""
    counts = sides.target_counts
    if not np.array_equal(counts.indices, sides.target_docs.indices):
        raise AssertionError("count and document matrices lost their common sparsity pattern")
    rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    cols = counts.indices
    y_t = counts.data.astype(float)
    y_r = sides.ref_counts(cols, y_t)
    tested = y_t + y_r >= min_count
    rows, cols, y_t, y_r = rows[tested], cols[tested], y_t[tested], y_r[tested]
    d_t = sides.target_docs.data[tested].astype(float)
    d_r = sides.ref_docs(cols, d_t)
    delta, variance, z = _log_odds_stats(y_t, y_r, sides.target_tokens[rows], sides.ref_tokens[rows],
                                         alpha[cols], alpha0)
    return {"rows": rows, "cols": cols, "y_t": y_t, "y_r": y_r, "d_t": d_t, "d_r": d_r,
            "delta": delta, "variance": variance, "z": z, "p": _two_sided_normal_p(z),
            "below": int((~tested).sum())}


def _absent_pairs(sides: _Sides, alpha, alpha0, min_count) -> dict:
    """Statistics of the pairs where the target never uses the term, once per distinct key.

    With y_t = 0 the statistics depend only on the comparison and on the term's
    (reference count, alpha_w): a grid comparisons x distinct keys, with the
    number of terms behind each cell, replaces comparisons x terms.
    """
    y_r = sides.absent_ref_counts()
    testable = y_r >= min_count
    keys, key_of_term = np.unique(np.column_stack([y_r[testable], alpha[testable]]), axis=0,
                                  return_inverse=True)
    key_of_term = np.asarray(key_of_term).ravel()
    term_key = np.full(len(y_r), -1)
    term_key[testable] = key_of_term
    n_cmp, n_keys = sides.target_counts.shape[0], len(keys)
    # How many terms of each key every comparison does use (they are not absent there).
    counts = sides.target_counts
    rows = np.repeat(np.arange(n_cmp), np.diff(counts.indptr))
    used_key = term_key[counts.indices]
    ok = used_key >= 0
    used = np.bincount(rows[ok] * n_keys + used_key[ok], minlength=n_cmp * n_keys).reshape(n_cmp, n_keys)
    grid_n = np.bincount(key_of_term, minlength=n_keys)[None, :] - used
    delta, variance, z = _log_odds_stats(0.0, keys[None, :, 0], sides.target_tokens[:, None],
                                         sides.ref_tokens[:, None], keys[None, :, 1], alpha0)
    delta, variance, z = (np.broadcast_to(x, (n_cmp, n_keys)) for x in (delta, variance, z))
    # Absent pairs whose term the reference uses, but fewer than min_count times.
    rare = (y_r > 0) & ~testable
    below = int(n_cmp * rare.sum() - rare[counts.indices].sum())
    return {"keys": keys, "term_key": term_key, "grid_n": grid_n, "grid_delta": delta,
            "grid_variance": variance, "grid_z": z, "grid_p": _two_sided_normal_p(z), "below": below}


def _expand_absent(absent: dict, sides: _Sides, present: dict) -> dict:
    """List the absent pairs term by term (for tables small enough to show them all)."""
    n_cmp, n_terms = sides.target_counts.shape
    rows_out, cols_out = [], []
    testable = np.flatnonzero(absent["term_key"] >= 0)
    counts = sides.target_counts
    for r in range(n_cmp):
        used = counts.indices[counts.indptr[r]:counts.indptr[r + 1]]
        cols = np.setdiff1d(testable, used, assume_unique=True)
        rows_out.append(np.full(len(cols), r))
        cols_out.append(cols)
    rows = np.concatenate(rows_out) if rows_out else np.empty(0, int)
    cols = np.concatenate(cols_out) if cols_out else np.empty(0, int)
    key = absent["term_key"][cols]
    zeros = np.zeros(len(rows))
    return {"rows": rows, "cols": cols, "y_t": zeros, "y_r": sides.ref_counts(cols, zeros),
            "d_t": zeros, "d_r": sides.ref_docs(cols, zeros),
            "delta": absent["grid_delta"][rows, key], "variance": absent["grid_variance"][rows, key],
            "z": absent["grid_z"][rows, key], "p": absent["grid_p"][rows, key],
            "q": absent["grid_q"][rows, key]}


def _concat_pairs(first: dict, second: dict) -> dict:
    return {name: np.concatenate([first[name], second[name]]) for name in second}


def _log_odds_table(setup: _Setup, sides: _Sides, pairs: dict) -> pd.DataFrame:
    rows, cols = pairs["rows"], pairs["cols"]
    order = np.lexsort((-pairs["z"], rows))
    rows, cols = rows[order], cols[order]
    se = np.sqrt(pairs["variance"][order])
    delta = pairs["delta"][order]
    key_values = _key_columns(setup, setup.targets)
    table = {name: pd.Series(values, dtype=setup.groups[name].dtype
                             if all(len(t) == 1 for t in setup.targets) else object).iloc[rows].to_numpy()
             for name, values in key_values.items()}
    table.update({
        "reference": np.asarray(sides.ref_labels, dtype=object)[rows],
        "term": pd.Categorical.from_codes(cols, categories=pd.Index(setup.dt.terms, dtype=object)),
        "n_target": pairs["y_t"][order].astype(np.int64),
        "n_reference": pairs["y_r"][order].astype(np.int64),
        "docs_target": pairs["d_t"][order].astype(np.int64),
        "docs_reference": pairs["d_r"][order].astype(np.int64),
        "freq_target": RATE_PER * pairs["y_t"][order] / sides.target_tokens[rows],
        "freq_reference": RATE_PER * pairs["y_r"][order] / sides.ref_tokens[rows],
        "delta": delta, "se": se, "ci_low": delta - _Z95 * se, "ci_high": delta + _Z95 * se,
        "z": pairs["z"][order], "p": pairs["p"][order], "q": pairs["q"][order],
        "n_docs": sides.target_ndocs[rows].astype(np.int64),
        "n_docs_reference": sides.ref_ndocs[rows].astype(np.int64)})
    return pd.DataFrame(table)


# --------------------------------------------------------------------------- keyness


def _quanteda_yates(a, b, c, d):
    """0.5 where quanteda applies Yates' correction, else 0 (its keyness.cpp rule)."""
    n = a + b + c + d
    small = np.minimum.reduce([(a + b) * (a + c) / n, (a + b) * (b + d) / n,
                               (a + c) * (c + d) / n, (c + d) * (b + d) / n]) < 5
    return np.where((np.abs(a * d - b * c) >= n / 2) & small, 0.5, 0.0)


def _williams_q(a, b, c, d):
    """Williams' (1976) correction factor for a 2x2 table; 1 when a cell is empty (as quanteda)."""
    n = a + b + c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        q = 1 + (n / (a + b) + n / (c + d) - 1) * (n / (a + c) + n / (b + d) - 1) / (6 * n)
    return np.where(a * b * c * d == 0, 1.0, q)


def _keyness_sign(a, b, c, d):
    expected = (a + b) * (a + c) / (a + b + c + d)
    return np.where(a > expected, 1.0, -1.0)


def _keyness_chi2(a, b, c, d, correction):
    n = a + b + c + d
    delta = _quanteda_yates(a, b, c, d) if correction in ("default", "yates") else 0.0
    statistic = n * (np.abs(a * d - b * c) - n * delta) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
    if correction == "williams":
        statistic = statistic / _williams_q(a, b, c, d)
    return statistic * _keyness_sign(a, b, c, d)


def _keyness_g2(a, b, c, d, correction):
    n = a + b + c + d
    if correction in ("default", "yates"):
        # quanteda moves half a count in every cell toward independence when its Yates rule fires.
        shift = _quanteda_yates(a, b, c, d) * np.where(a * d - b * c > 0, 1.0, -1.0)
        aa, bb, cc, dd = a - shift, b + shift, c + shift, d - shift
    else:
        aa, bb, cc, dd = a, b, c, d
    cells = [(aa, aa + bb, aa + cc), (bb, aa + bb, bb + dd), (cc, aa + cc, cc + dd), (dd, bb + dd, cc + dd)]
    total = sum(x * np.log(x / (row * col / n) + _QUANTEDA_EPSILON) for x, row, col in cells)
    statistic = 2 * total
    if correction == "williams":
        statistic = statistic / _williams_q(a, b, c, d)
    return statistic * _keyness_sign(a, b, c, d)


def _keyness_pmi(a, b, c, d):
    expected = (a + b) * (a + c) / (a + b + c + d)
    return np.log(a / expected + _QUANTEDA_EPSILON)


def keyness(corpus, by, target, reference=None, measure: str = "chi2", correction: str = "default",
            *, min_count: int = 1, lowercase: bool | None = None,
            token_pattern: str | None = None, dedupe: str = "keep", duplicates=None) -> pd.DataFrame:
    r"""Keyness of every term for a target against a reference, as quanteda's ``textstat_keyness``.

    For each term the 2x2 table is :math:`a` = target count, :math:`b` =
    reference count, :math:`c = n_t - a`, :math:`d = n_r - b` (:math:`n` = all
    tokens of each side), :math:`N = a+b+c+d`, :math:`E = (a+b)(a+c)/N`.
    Definitions reproduced from quanteda.textstats (``R/textstat_keyness.R``
    and ``src/keyness.cpp``):

    * **sign**: +1 when :math:`a > E` (the target uses the term more than
      expected), otherwise -1 (also when :math:`a = E`).
    * **Yates rule** (``correction="default"`` or ``"yates"``, chi2 and G2):
      :math:`\delta = 0.5` when :math:`|ad-bc| \ge N/2` *and* at least one
      expected cell count is below 5; otherwise :math:`\delta = 0` -- the
      correction is applied only to tables with small expected counts.
    * **chi2** :math:`= \mathrm{sign}\cdot N(|ad-bc| - N\delta)^2 / ((a+b)(c+d)(a+c)(b+d))`.
    * **G2** :math:`= \mathrm{sign}\cdot 2\sum_{x} x \log(x/E_x + 10^{-9})`
      over the four cells, after moving :math:`\delta` in every cell toward
      independence (:math:`a-\delta, b+\delta, c+\delta, d-\delta` when
      :math:`ad > bc`, the reverse otherwise); ``E_x`` are the expected counts
      of the adjusted table; the :math:`10^{-9}` is quanteda's. Note that
      quanteda's documentation says the default for G2 is Williams' correction
      but its code applies this Yates rule; framing follows the code, which
      produced the published numbers.
    * **Williams** (``correction="williams"``): the uncorrected statistic
      divided by :math:`q = 1 + (N/(a+b) + N/(c+d) - 1)(N/(a+c) + N/(b+d) - 1)/(6N)`
      (:math:`q = 1` when a cell is 0). For G2 this is quanteda's result; for
      chi2 quanteda's code *multiplies* by q (its own test of that case is
      commented out), framing divides, as Williams (1976) defines it.
    * **pmi** :math:`= \log(a/E + 10^{-9})` (no sign flip, no correction).
    * **p** = upper tail of chi-square with 1 df at :math:`|statistic|` (quanteda
      uses ``1 - pchisq``, which rounds to 0 below 1e-16; framing uses the
      survival function). For PMI quanteda reports the same formula, which has
      no statistical meaning; framing reports NaN.

    Parameters
    ----------
    corpus : pandas.DataFrame or DocumentTerms
    by : str, pandas.Grouper or list
        Grouping column(s).
    target : group value, tuple, label or list
        The target group (a list is pooled, as quanteda pools target documents).
    reference : optional
        Default: every other group (quanteda's only option).
    measure : {"chi2", "g2", "pmi"}, default "chi2"
        ``"lr"`` is accepted as quanteda's name for G2. Fisher's exact test
        (``"exact"``) is not provided (it cannot be vectorised over terms).
    correction : {"default", "yates", "williams", "none"}, default "default"
    min_count : int, default 1
        Terms with fewer occurrences in target and reference together are left
        out (counted in ``attrs``); statistics of other terms do not change.
    lowercase, token_pattern
        See :func:`document_terms`. Tokens differ slightly from quanteda's
        ``tokens()``, so counts (not formulas) can differ from an R analysis.
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
        One row per term, sorted by descending statistic: grouping column(s)
        (the target), ``reference``, ``term``, ``n_target``, ``n_reference``,
        ``docs_target``, ``docs_reference``, ``statistic`` (the signed measure),
        ``p``, ``q`` (BH over the terms), ``log_ratio`` (effect size: log2 of
        the ratio of relative frequencies, with 0.5 for a zero count, Hardie
        2014) with ``ci_low``/``ci_high`` (Wald, variance ``1/a + 1/b`` on the
        same counts), ``n_docs``, ``n_docs_reference``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["d1", "d2"], "source": ["A", "B"],
    ...                        "text": ["b b b b b b b a a a", "a a a a a a a b b"]})
    >>> table = keyness(corpus, "source", "A", correction="none")
    >>> table.set_index("term")["statistic"].round(4).to_dict()
    {'b': 4.3372, 'a': -4.3372}
    """
    measure = {"lr": "g2", "G2": "g2"}.get(measure, measure)
    if measure not in ("chi2", "g2", "pmi"):
        raise FramingError(f"measure must be 'chi2', 'g2' (quanteda's 'lr') or 'pmi', got {measure!r}.")
    if correction not in ("default", "yates", "williams", "none"):
        raise FramingError("correction must be 'default', 'yates', 'williams' or 'none', got "
                           f"{correction!r}.")
    if measure == "pmi" and correction not in ("default", "none"):
        warn("correction is always none for pmi (as in quanteda).")
    dt = _deduplicated_terms(corpus, lowercase, token_pattern, dedupe, duplicates, 'keyness')
    setup = _setup(dt, by, target, reference)
    sides = _sides(setup)
    a = sides.target_counts.toarray().ravel().astype(float)
    b = sides.ref_counts(np.arange(len(a)), a)
    tested = a + b >= max(int(min_count), 1)
    observed = a + b > 0
    cols = np.flatnonzero(tested)
    a, b = a[cols], b[cols]
    c, d = sides.target_tokens[0] - a, sides.ref_tokens[0] - b
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "chi2":
            statistic = _keyness_chi2(a, b, c, d, correction)
        elif measure == "g2":
            statistic = _keyness_g2(a, b, c, d, correction)
        else:
            statistic = _keyness_pmi(a, b, c, d)
    p = sps.chi2.sf(np.abs(statistic), 1) if measure != "pmi" else np.full(len(a), np.nan)
    a_docs = sides.target_docs.toarray().ravel().astype(float)[cols]
    table = _keyness_table(setup, sides, cols, a, b, a_docs, sides.ref_docs(cols, a_docs),
                           statistic, p)
    table.attrs = {"method": "quanteda textstat_keyness", "measure": measure, "correction": correction,
                   "source": "quanteda.textstats R/textstat_keyness.R, src/keyness.cpp",
                   "min_count": int(min_count), "n_terms": len(dt.terms),
                   "n_terms_below_min_count": int((observed & ~tested).sum()),
                   "n_articles_without_group": int((setup.codes < 0).sum()), **_tokenizing_attrs(dt)}
    table.attrs["dedupe"] = dedupe_record(dt.docs, dedupe)
    return table


def _keyness_table(setup, sides, cols, a, b, a_docs, b_docs, statistic, p) -> pd.DataFrame:
    n_t, n_r = sides.target_tokens[0], sides.ref_tokens[0]
    a_half, b_half = np.where(a > 0, a, 0.5), np.where(b > 0, b, 0.5)
    log_ratio = np.log2((a_half / n_t) / (b_half / n_r))
    half_width = _Z95 * np.sqrt(1 / a_half + 1 / b_half) / np.log(2)
    columns = {name: values[0] for name, values in _key_columns(setup, setup.targets).items()}
    table = pd.DataFrame({
        **{name: [value] * len(cols) for name, value in columns.items()},
        "reference": sides.ref_labels[0], "term": setup.dt.terms[cols],
        "n_target": a.astype(np.int64), "n_reference": b.astype(np.int64),
        "docs_target": a_docs.astype(np.int64), "docs_reference": b_docs.astype(np.int64),
        "statistic": statistic, "p": p, "q": bh(p), "log_ratio": log_ratio,
        "ci_low": log_ratio - half_width, "ci_high": log_ratio + half_width,
        "n_docs": int(sides.target_ndocs[0]), "n_docs_reference": int(sides.ref_ndocs[0])})
    # quanteda's order: descending statistic, ties by term.
    order = np.lexsort((table["term"].to_numpy(dtype=str), -np.nan_to_num(statistic, nan=-np.inf)))
    return table.iloc[order].reset_index(drop=True)


# --------------------------------------------------------------------------- article-level test


def term_significance(corpus, by, target, reference=None, *, method: str = "permutation",
                      n_resamples: int | None = None, random_state=None,
                      min_docs: int = DEFAULT_MIN_DOCS, statistic: str = "pooled",
                      stop_after: int | None = DEFAULT_STOP_AFTER, lowercase: bool | None = None,
                      token_pattern: str | None = None, dedupe: str = "keep",
                      duplicates=None) -> pd.DataFrame:
    """Article-level significance of each term's frequency difference (Lijffijt et al. 2016).

    Lijffijt, Nevalainen, Säily, Papapetrou, Puolamäki & Mannila (2016),
    "Significance testing of word frequencies in corpora", *Digital
    Scholarship in the Humanities* 31(2): tests that treat tokens as
    independent (chi2, G2, log-odds z) call a word significant when a few
    texts repeat it; resampling whole texts does not. Here the article is the
    unit:

    * ``method="permutation"``: shuffle the target/reference labels of the
      compared articles (group sizes kept) and recompute the statistic; p is
      the share of shuffles at least as extreme, two-sided (counting the
      observed labelling). With ``stop_after=h`` a term stops being resampled
      once h shuffles were at least as extreme, with p = h / (shuffles drawn)
      (Besag & Clifford 1991, a valid p-value); terms that never reach h get
      all ``n_resamples`` and p = (exceedances + 1) / (n_resamples + 1). Clearly
      unremarkable terms stop after a few dozen shuffles, which is what makes
      the full vocabulary affordable. No CI (``ci_low``/``ci_high`` are NaN).
    * ``method="bootstrap"``: resample articles with replacement within the
      target and within the reference (Lijffijt et al.'s bootstrap test);
      p = 2 min(1 + #{d* <= 0}, 1 + #{d* >= 0}) / (B + 1), capped at 1, and a
      95% percentile CI of the difference.

    Parameters
    ----------
    corpus : pandas.DataFrame or DocumentTerms
    by : str, pandas.Grouper or list
    target : group value, tuple, label or list (pooled)
    reference : optional
        Default: every other group.
    method : {"permutation", "bootstrap"}, default "permutation"
    n_resamples : int, optional
        Default 5,000 shuffles (permutation) or 2,000 resamples (bootstrap), the
        package defaults. The smallest attainable p is 1/(n_resamples + 1);
        with thousands of terms BH needs small p-values, so do not go lower.
    random_state : int, numpy.random.Generator or None
        None means the package's documented default seed (0): results repeat.
    min_docs : int, default 5
        Terms used by fewer compared articles are not tested: with k articles
        the most extreme shuffle has probability about 2 x 0.5^k for two equal
        groups, so below about 5 articles no term can reach p < 0.05 and it
        would only dilute the BH correction. Counted in ``attrs``; set 1 to
        test every term.
    statistic : {"pooled", "mean"}, default "pooled"
        ``"pooled"``: difference of the pooled rates (term tokens / all tokens
        of a side, per 1,000) -- the quantity keyness and log-odds compare, so
        only the unit of resampling differs. ``"mean"``: difference of the mean
        per-article relative frequencies (each article weighs the same).
    stop_after : int or None, default 20
        The Besag-Clifford h (permutation only); None resamples every term
        ``n_resamples`` times.
    lowercase, token_pattern
        See :func:`document_terms`.
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
        One row per tested term, sorted by p then descending |difference|:
        grouping column(s) (the target), ``reference``, ``term``, ``n_target``,
        ``n_reference``, ``docs_target``, ``docs_reference``, ``rate_target``,
        ``rate_reference`` (per 1,000 tokens, by ``statistic``), ``difference``
        (target - reference), ``ci_low``, ``ci_high``, ``rate_ratio`` (effect
        size), ``p``, ``q`` (BH over the tested terms), ``resamples`` (drawn for
        this term), ``n_docs``, ``n_docs_reference``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": [str(i) for i in range(12)],
    ...     "source": ["A"] * 6 + ["B"] * 6,
    ...     "text": ["wall border wall"] * 6 + ["border border people"] * 6})
    >>> table = term_significance(corpus, "source", "A", n_resamples=500, random_state=1)
    >>> bool(table.set_index("term").loc["wall", "p"] < 0.01)
    True
    """
    if method not in ("permutation", "bootstrap"):
        raise FramingError(f"method must be 'permutation' or 'bootstrap', got {method!r}.")
    if statistic not in ("pooled", "mean"):
        raise FramingError(f"statistic must be 'pooled' or 'mean', got {statistic!r}.")
    default = DEFAULT_PERMUTATIONS if method == "permutation" else DEFAULT_BOOTSTRAP
    n_resamples = default if n_resamples is None else int(n_resamples)
    if n_resamples < 1:
        raise FramingError(f"n_resamples must be positive, got {n_resamples}.")
    if stop_after is not None and int(stop_after) < 1:
        raise FramingError(f"stop_after must be a positive integer or None, got {stop_after!r}.")
    dt = _deduplicated_terms(corpus, lowercase, token_pattern, dedupe, duplicates, 'term_significance')
    setup = _setup(dt, by, target, reference)
    sample = _ArticleSample.build(setup, statistic, int(min_docs))
    rng = rng_from(random_state)
    if method == "permutation":
        p, used = _permutation_p(sample, n_resamples, rng, None if stop_after is None else int(stop_after))
        ci = np.full((len(p), 2), np.nan)
    else:
        p, ci = _bootstrap_p(sample, n_resamples, rng)
        used = np.full(len(p), n_resamples)
    table = _significance_table(setup, sample, p, ci, used)
    table.attrs = {
        "method": f"article-level {method} test (Lijffijt et al. 2016)", "statistic": statistic,
        "n_resamples": n_resamples, "random_state": random_state if not isinstance(
            random_state, np.random.Generator) else "Generator", "min_docs": int(min_docs),
        "stop_after": stop_after if method == "permutation" else None,
        "p_floor": 1 / (n_resamples + 1), "n_terms": len(dt.terms),
        "n_terms_below_min_docs": int(sample.n_below),
        "n_articles_without_tokens": int(sample.n_empty),
        "n_articles_without_group": int((setup.codes < 0).sum()), **_tokenizing_attrs(dt)}
    table.attrs["dedupe"] = dedupe_record(dt.docs, dedupe)
    return table


@dataclass
class _ArticleSample:
    """The compared articles and tested terms, ready for resampling."""

    by_term: sp.csr_matrix     # tested terms x compared articles (counts, or relative frequencies)
    weights: np.ndarray        # per article: its tokens ("pooled") or 1 ("mean")
    is_target: np.ndarray      # per compared article
    cols: np.ndarray           # vocabulary index of each tested term
    counts_t: np.ndarray       # token counts of the tested terms (target, reference)
    counts_r: np.ndarray
    docs_t: np.ndarray
    docs_r: np.ndarray
    observed: np.ndarray       # the observed difference per tested term
    rates: tuple               # observed (target, reference) rates
    n_below: int
    n_empty: int
    labels: tuple              # (target key values, reference label)

    @classmethod
    def build(cls, setup: _Setup, statistic: str, min_docs: int) -> "_ArticleSample":
        target_codes = setup.targets[0]
        ref_codes = setup.reference if setup.reference is not None else \
            np.setdiff1d(np.arange(len(setup.groups)), target_codes)
        in_target = np.isin(setup.codes, target_codes)
        in_ref = np.isin(setup.codes, ref_codes)
        n_tokens = setup.dt.n_tokens
        empty = (in_target | in_ref) & (n_tokens == 0)
        # Articles without tokens carry no rate; they would divide by zero under "mean".
        compared = np.flatnonzero((in_target | in_ref) & (n_tokens > 0))
        is_target = in_target[compared]
        if is_target.all() or not is_target.any():
            raise FramingError("the target or the reference has no article with any token.")
        matrix = setup.dt.counts[compared]
        doc_freq = np.diff(matrix.tocsc().indptr)
        tested = np.flatnonzero(doc_freq >= max(min_docs, 1))
        n_below = int((doc_freq > 0).sum() - len(tested))
        by_term = matrix[:, tested].T.tocsr().astype(float)
        lengths = n_tokens[compared].astype(float)
        counts_t = np.asarray(by_term[:, is_target].sum(axis=1)).ravel()
        counts_r = np.asarray(by_term.sum(axis=1)).ravel() - counts_t
        present = by_term.copy()
        present.data = np.ones_like(present.data)
        docs_t = np.asarray(present[:, is_target].sum(axis=1)).ravel()
        docs_r = np.asarray(present.sum(axis=1)).ravel() - docs_t
        if statistic == "mean":
            by_term.data = by_term.data / lengths[by_term.indices]
            weights = np.ones(len(compared))
        else:
            weights = lengths
        sums_t = by_term @ is_target.astype(float)
        sums_all = np.asarray(by_term.sum(axis=1)).ravel()
        w_t = float(weights[is_target].sum())
        w_r = float(weights.sum()) - w_t
        rate_t, rate_r = RATE_PER * sums_t / w_t, RATE_PER * (sums_all - sums_t) / w_r
        labels = (target_codes, _label(setup.groups, ref_codes))
        return cls(by_term, weights, is_target, tested, counts_t, counts_r, docs_t, docs_r,
                   rate_t - rate_r, (rate_t, rate_r), n_below, int(empty.sum()), labels)


def _differences(sums_t, weights_t, sums_all, weights_all):
    """Rate differences (per 1,000) for resampled target sums; columns are resamples."""
    return RATE_PER * (sums_t / weights_t - (sums_all[:, None] - sums_t) / (weights_all - weights_t))


def _block_size(n_rows: int, n_cols: int, total: int) -> int:
    return int(max(1, min(total, _BLOCK_CELLS // max(n_rows, n_cols, 1))))


class _TermRows:
    """Terms x articles for repeated products with resampling matrices.

    Frequent terms (most of the cost: their rows hold most stored values) are
    kept as a dense block multiplied by BLAS, the long tail stays sparse.
    ``keep(mask)`` drops terms whose resampling has stopped.
    """

    def __init__(self, matrix: sp.csr_matrix):
        n_articles = matrix.shape[1]
        share = np.diff(matrix.indptr) / max(n_articles, 1)
        densest = np.argsort(-share, kind="stable")
        room = _DENSE_CELLS // max(n_articles, 1)
        heavy = np.zeros(len(share), dtype=bool)
        heavy[densest[:room]] = True
        heavy &= share > _DENSE_SHARE
        self.heavy_pos = np.flatnonzero(heavy)
        self.light_pos = np.flatnonzero(~heavy)
        self.dense = matrix[self.heavy_pos].toarray()
        self.sparse = matrix[self.light_pos]
        self.n_rows = matrix.shape[0]

    def keep(self, mask: np.ndarray) -> None:
        new_position = np.cumsum(mask) - 1
        heavy_keep, light_keep = mask[self.heavy_pos], mask[self.light_pos]
        self.dense = self.dense[heavy_keep]
        self.sparse = self.sparse[np.flatnonzero(light_keep)]
        self.heavy_pos = new_position[self.heavy_pos[heavy_keep]]
        self.light_pos = new_position[self.light_pos[light_keep]]
        self.n_rows = int(mask.sum())

    def __matmul__(self, other: np.ndarray) -> np.ndarray:
        out = np.empty((self.n_rows, other.shape[1]))
        if len(self.heavy_pos):
            out[self.heavy_pos] = self.dense @ other
        if len(self.light_pos):
            out[self.light_pos] = self.sparse @ other
        return out


def _permutation_p(sample: _ArticleSample, n_resamples: int, rng, stop_after):
    """Two-sided permutation p per term, with Besag-Clifford early stopping when stop_after is set."""
    n_terms = sample.by_term.shape[0]
    sums_all = np.asarray(sample.by_term.sum(axis=1)).ravel()
    weight_all = sample.weights.sum()
    threshold = np.abs(sample.observed) * (1 - 1e-10) - 1e-15  # ties count as "as extreme"
    exceed = np.zeros(n_terms, dtype=np.int64)
    drawn = np.zeros(n_terms, dtype=np.int64)
    p = np.full(n_terms, np.nan)
    active = np.arange(n_terms)
    matrix = _TermRows(sample.by_term)
    done_resamples = 0
    while done_resamples < n_resamples and len(active):
        size = _block_size(len(active), len(sample.is_target), n_resamples - done_resamples)
        size = min(size, 500)
        labels = rng.permuted(np.tile(sample.is_target, (size, 1)), axis=1).T.astype(float)
        sums_t = matrix @ labels
        diffs = _differences(sums_t, sample.weights @ labels, sums_all[active], weight_all)
        extreme = np.abs(diffs) >= threshold[active, None]
        if stop_after is not None:
            running = exceed[active, None] + np.cumsum(extreme, axis=1)
            hit = running >= stop_after
            stopped = hit.any(axis=1)
            first = hit.argmax(axis=1)
            idx = active[stopped]
            p[idx] = stop_after / (drawn[idx] + first[stopped] + 1)
            drawn[idx] += first[stopped] + 1
            keep = ~stopped
        else:
            keep = np.ones(len(active), dtype=bool)
        exceed[active[keep]] += extreme[keep].sum(axis=1)
        drawn[active[keep]] += size
        done_resamples += size
        if not keep.all():
            active = active[keep]
            matrix.keep(keep)
    p[active] = (exceed[active] + 1) / (n_resamples + 1)
    return p, drawn


def _bootstrap_counts(rng, n: int, size: int) -> np.ndarray:
    """n x size: how often each of n articles is drawn in each of ``size`` resamples of n."""
    picks = rng.integers(0, n, size=(size, n)) + (np.arange(size) * n)[:, None]
    counts = np.bincount(picks.ravel(), minlength=size * n).reshape(size, n).T
    return counts.astype(np.min_scalar_type(n))


def _bootstrap_p(sample: _ArticleSample, n_resamples: int, rng):
    """Two-sided bootstrap p and 95% percentile CI per term, articles resampled within each side.

    The resamples (how often each article is drawn) are drawn once and kept as
    small integers; terms are processed in chunks so that terms x resamples
    fits in memory.
    """
    n_terms = sample.by_term.shape[0]
    is_t = sample.is_target
    target_part, ref_part = sample.by_term[:, is_t].tocsr(), sample.by_term[:, ~is_t].tocsr()
    w_target, w_ref = sample.weights[is_t], sample.weights[~is_t]
    drawn_t = _bootstrap_counts(rng, len(w_target), n_resamples)
    drawn_r = _bootstrap_counts(rng, len(w_ref), n_resamples)
    tokens_t, tokens_r = w_target @ drawn_t, w_ref @ drawn_r
    block = max(1, min(n_resamples, _BLOCK_CELLS // max(len(is_t), 1)))
    chunk = max(1, min(n_terms, _BLOCK_CELLS // n_resamples))
    p = np.empty(n_terms)
    ci = np.empty((n_terms, 2))
    for start in range(0, n_terms, chunk):
        rows = slice(start, min(n_terms, start + chunk))
        part_t, part_r = _TermRows(target_part[rows]), _TermRows(ref_part[rows])
        diffs = np.empty((rows.stop - rows.start, n_resamples))
        for first in range(0, n_resamples, block):
            cols = slice(first, min(n_resamples, first + block))
            rate_t = (part_t @ drawn_t[:, cols].astype(float)) / tokens_t[cols]
            rate_r = (part_r @ drawn_r[:, cols].astype(float)) / tokens_r[cols]
            diffs[:, cols] = RATE_PER * (rate_t - rate_r)
        below = (diffs <= 0).sum(axis=1)
        above = (diffs >= 0).sum(axis=1)
        p[rows] = np.minimum(1.0, 2 * (1 + np.minimum(below, above)) / (n_resamples + 1))
        ci[rows] = np.percentile(diffs, [2.5, 97.5], axis=1).T
    return p, ci


def _significance_table(setup, sample: _ArticleSample, p, ci, used) -> pd.DataFrame:
    rate_t, rate_r = sample.rates
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = rate_t / rate_r
    columns = {name: values[0] for name, values in _key_columns(setup, setup.targets).items()}
    n = len(sample.cols)
    table = pd.DataFrame({
        **{name: [value] * n for name, value in columns.items()},
        "reference": sample.labels[1] if setup.reference is not None else "all other groups",
        "term": setup.dt.terms[sample.cols],
        "n_target": sample.counts_t.astype(np.int64), "n_reference": sample.counts_r.astype(np.int64),
        "docs_target": sample.docs_t.astype(np.int64), "docs_reference": sample.docs_r.astype(np.int64),
        "rate_target": rate_t, "rate_reference": rate_r, "difference": sample.observed,
        "ci_low": ci[:, 0], "ci_high": ci[:, 1], "rate_ratio": ratio, "p": p, "q": bh(p),
        "resamples": used.astype(np.int64), "n_docs": int(sample.is_target.sum()),
        "n_docs_reference": int((~sample.is_target).sum())})
    order = np.lexsort((-np.abs(sample.observed), p))
    return table.iloc[order].reset_index(drop=True)
