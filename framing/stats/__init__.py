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

# Imported eagerly: ``framing.stats.similarity`` must be the function even
# after the module of the same name has been imported.
from framing.stats._common import bh
from framing.stats.models import distinguish, rate_model
from framing.stats.naming import naming_shares, naming_test
from framing.stats.rates import compare_rates
from framing.stats.similarity import similarity
from framing.stats.vocab import document_terms, keyness, log_odds, term_significance

__all__ = ["bh", "compare_rates", "distinguish", "document_terms", "keyness", "log_odds",
           "naming_shares", "naming_test", "rate_model", "similarity", "term_significance"]
