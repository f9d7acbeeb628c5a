"""A methods paragraph written from the parameters a run actually used.

Paste it into a paper's methods section; it names every method, parameter,
lexicon version and the software versions, so a reader can redo the analysis.
"""

from __future__ import annotations


def methods_paragraph(params: dict, lexicons: list[dict], versions: dict) -> str:
    """Describe an analysis in prose.

    Parameters
    ----------
    params : dict
        ``by``, ``n_boot``, ``n_perm``, ``random_state``, ``ci`` and
        optionally ``dedupe``, ``sentiment`` (bool, default True), ``subset``
        (a sentence saying which articles were analysed) and ``cluster`` (the
        column resampled as whole units, e.g. "source").
    lexicons : list of dict
        ``framing.provenance.lexicon_records(...)`` output.
    versions : dict
        ``framing.provenance.package_versions()`` output.

    Returns
    -------
    str

    Examples
    --------
    >>> text = methods_paragraph({"by": "source", "n_boot": 2000, "n_perm": 5000,
    ...                           "random_state": 0, "ci": 0.95}, [], {"framing": "0.1.0"})
    >>> "2,000 bootstrap resamples" in text and "5,000 permutations" in text
    True
    """
    lexicon_text = "; ".join(
        f"{lex['lexicon']} v{lex['version']} ({lex['entries']} entries, SHA-256 {lex['sha256'][:12]})"
        for lex in lexicons) or "supplied by the user"
    level = int(round(100 * params.get("ci", 0.95)))
    dedupe = params.get("dedupe", "keep")
    dedupe_text = {
        "keep": "Near-duplicate articles were kept (each publication counts).",
        "drop": "Near-duplicate articles (Jaccard similarity of word 5-gram sets >= 0.8) were "
                "reduced to one article per cluster.",
        "origin": "Near-duplicate articles were reduced to one per cluster and every article was "
                  "attributed to its origin (the outlet or agency that wrote it).",
    }.get(dedupe, "")
    subset = params.get("subset")
    subset_text = f"{subset.rstrip('.')}. " if subset else ""
    sentiment_text = ("Sentence sentiment is the VADER compound score (Hutto & Gilbert 2014). "
                      if params.get("sentiment", True) else "")
    cluster = params.get("cluster")
    unit_text = (f"whole units of '{cluster}' (e.g. outlets), so that articles of one unit are not "
                 "treated as independent" if cluster else "articles within each group")
    return (
        subset_text +
        f"Articles were analysed with framing {versions.get('framing', '?')} (Python "
        f"{versions.get('python', '?')}, pandas {versions.get('pandas', '?')}, SciPy "
        f"{versions.get('scipy', '?')}, statsmodels {versions.get('statsmodels', '?')}). Page "
        "furniture was removed with framing's rule-based cleaner and texts were segmented into "
        "sentences, word tokens and quotations with character offsets. Naming variants, reporting "
        "verbs and stance markers were matched with one Aho-Corasick automaton over the lexicons "
        f"{lexicon_text}; each match records whether it lies inside quoted speech. Attributions "
        "were assigned a speaker, speaker type and quote type by local rules; scare quotes are "
        "short quotations not attributed to anyone. " + sentiment_text +
        ("Articles are counted within groups, but resampled in whole units of "
         f"'{cluster}'; groups were " if cluster else "The article is the unit of analysis, and groups were ") +
        f"defined by '{params.get('by', 'source')}'. Rates are matches per 1,000 word tokens, "
        "pooled within a group (ratio of sums); naming shares are pooled shares of mentions. "
        f"{level}% confidence intervals come from {params.get('n_boot', 0):,} bootstrap resamples "
        f"of {unit_text} (percentile intervals); p-values from "
        f"{params.get('n_perm', 0):,} permutations of group labels across "
        f"{'those units' if cluster else 'articles'}; chi-square "
        "and G statistics and Cramér's V describe naming tables; Cliff's delta describes rate "
        "differences; Benjamini-Hochberg q-values control the false discovery rate across each "
        "table. Distinctive words are log-odds ratios with an informative Dirichlet prior (Monroe, "
        "Colaresi & Quinn 2008); outlet similarity is the Jensen-Shannon divergence of feature "
        f"profiles. {dedupe_text} All resampling used seed {params.get('random_state', 0)}."
    )
