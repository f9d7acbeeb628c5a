"""Figures from framing's result tables, in a publication style, saved byte-identically.

Every function takes a table from :mod:`framing.stats` or
:func:`framing.doc_features` (never raw text), draws into ``ax=`` when given
(multi-panel figures: ``fig=``) and returns the Axes (or the Figure).

==================== ===========================================================
naming_shares        naming-variant shares per outlet, stacked bars with CIs;
                     own and quoted voice side by side
verb_classes         reporting-verb classes by outlet: heatmap of rates
speaker_types        share of anonymous (or other) speakers per outlet, CIs
forest               rate of one feature per outlet against the corpus rate
rate_ratios          pairwise (or vs-rest) rate ratios on a log scale, q marked
distinctive_words    Monroe et al. (2008) frequency vs z plot, labelled terms
similarity_heatmap   Jensen-Shannon divergence between outlets
dendrogram           hierarchical clustering of outlets on that divergence
trend                a rate or share over time bins per outlet, CI bands
kwic_html            keyword in context as an escaped HTML table
==================== ===========================================================

Helpers: :func:`speaker_shares` (the shares and cluster-bootstrap intervals
``speaker_types`` draws), :func:`jsd_matrix` (a similarity table as a square
matrix), :func:`pooled_rate` (the corpus rate behind ``forest``'s reference line).

Style and output: :func:`style` (context manager) / :func:`use_style`,
:func:`outlet_colors` (one colour per outlet for the session),
:func:`save_figure` (PNG/SVG/PDF, byte-identical for identical input).

Examples
--------
>>> import framing
>>> corpus = framing.load_sample()
>>> matches = framing.extract(corpus)
>>> shares = framing.stats.naming_shares(matches, corpus, family="isis", n_boot=200)
>>> with framing.plot.style("one_column"):
...     ax = framing.plot.naming_shares(shares)
"""

from framing.plot.attribution import speaker_shares, speaker_types, verb_classes
from framing.plot.kwic import KwicHTML, kwic_html
from framing.plot.naming import naming_shares
from framing.plot.save import save_figure
from framing.plot.similarity import dendrogram, jsd_matrix, similarity_heatmap
from framing.plot.stance import forest, pooled_rate, rate_ratios
from framing.plot.style import (SIZES, category_colors, outlet_colors, rc_params, reset_colors,
                                style, use_style)
from framing.plot.trends import trend
from framing.plot.vocab import distinctive_words

__all__ = [
    "naming_shares", "verb_classes", "speaker_types", "speaker_shares", "forest", "rate_ratios",
    "distinctive_words", "similarity_heatmap", "dendrogram", "jsd_matrix", "trend", "kwic_html",
    "KwicHTML", "style", "use_style", "rc_params", "SIZES", "outlet_colors", "category_colors",
    "reset_colors", "save_figure", "pooled_rate",
]
