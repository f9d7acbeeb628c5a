"""Statistical comparison of outlets, with the article as the unit of analysis.

Every function returns a tidy table, one row per estimate or test, with the
group(s), the estimate, ``ci_low``/``ci_high``, the test statistic, ``p``, ``q``
(Benjamini-Hochberg across the rows of that table), an effect size and
``n_docs``; resampling parameters and seeds are in ``DataFrame.attrs``.

==================== ==========================================================
naming_shares        share of each naming variant per group, cluster-bootstrap CI
naming_test          are naming choices independent of the group? (chi2, G,
                     Cramér's V, permutation over articles, Fisher, pairwise)
compare_rates        rates per 1,000 tokens per group; omnibus, one-vs-rest and
                     pairwise rate ratios, Cliff's delta, permutation p, BH q
log_odds             Monroe, Colaresi & Quinn (2008) log-odds with Dirichlet prior
keyness              quanteda-compatible chi2 / G2 keyness
term_significance    document-level (article-resampling) significance per term
document_terms       tokenize once, reuse in log_odds / keyness / term_significance
rate_model           negative binomial GLM with offset and controls (IRRs)
distinguish          how well framing features tell outlets apart (CV, permutation)
similarity           Jensen-Shannon divergence between groups, bootstrap CI
==================== ==========================================================
"""

from __future__ import annotations

import importlib

_LAZY = {
    "naming_shares": "framing.stats.naming",
    "naming_test": "framing.stats.naming",
    "compare_rates": "framing.stats.rates",
    "similarity": "framing.stats.similarity",
    "log_odds": "framing.stats.vocab",
    "keyness": "framing.stats.vocab",
    "term_significance": "framing.stats.vocab",
    "document_terms": "framing.stats.vocab",
    "rate_model": "framing.stats.models",
    "distinguish": "framing.stats.models",
    "bh": "framing.stats._common",
}

__all__ = sorted(_LAZY)


def __getattr__(name):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'framing.stats' has no attribute {name!r}")


def __dir__():
    return __all__
