"""A plain-text summary of a corpus, for ``framing info`` and notebooks."""

from __future__ import annotations

import pandas as pd


def corpus_summary(corpus: pd.DataFrame) -> str:
    """Describe a corpus: articles per source and origin, date range, tokens and warnings.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus table from :func:`framing.load_corpus`.

    Returns
    -------
    str
        Several short sections of plain text.

    Examples
    --------
    >>> import framing
    >>> print(corpus_summary(framing.load_sample()).splitlines()[0])
    5 articles from 5 sources
    """
    from framing.text import count_tokens

    n_tokens = pd.Series([count_tokens(t) for t in corpus["text"]], index=corpus.index)
    lines = [f"{len(corpus)} articles from {corpus['source'].nunique()} sources"]
    input_name = corpus.attrs.get("input")
    if input_name:
        lines.append(f"input: {input_name}")
    lines += ["", "articles per source and origin:"]
    origin = corpus["origin"].fillna("(unknown)") if "origin" in corpus else "(unknown)"
    table = (corpus.assign(origin=origin, n_tokens=n_tokens)
             .groupby(["source", "origin"], dropna=False)
             .agg(articles=("doc_id", "size"), tokens=("n_tokens", "sum"))
             .reset_index())
    lines += ["  " + line for line in table.to_string(index=False).splitlines()]
    lines += ["", _date_line(corpus)]
    lines.append(f"tokens: {int(n_tokens.sum()):,} in all; per article median "
                 f"{int(n_tokens.median()) if len(n_tokens) else 0:,}, min "
                 f"{int(n_tokens.min()) if len(n_tokens) else 0:,}, max "
                 f"{int(n_tokens.max()) if len(n_tokens) else 0:,}")
    if "raw_text" in corpus:
        removed = corpus["raw_text"].str.len().sum() - corpus["text"].str.len().sum()
        lines.append(f"cleaning removed {int(removed):,} characters of page furniture")
    warnings = corpus.attrs.get("warnings") or []
    lines += ["", f"warnings while loading: {len(warnings)}"]
    lines += [f"  - {w}" for w in warnings]
    return "\n".join(lines)


def _date_line(corpus: pd.DataFrame) -> str:
    if "date" not in corpus or corpus["date"].notna().sum() == 0:
        return "dates: none known"
    dates = corpus["date"].dropna()
    missing = int(corpus["date"].isna().sum())
    partial = ""
    if "date_precision" in corpus:
        n_partial = int(corpus["date_precision"].isin(["month", "year"]).sum())
        if n_partial:
            partial = f"; {n_partial} give only a month or year"
    return (f"dates: {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d} "
            f"({missing} unknown{partial})")
