"""Keyword in context: every count traced back to the sentences that produced it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing._warnings import FramingError
from framing.text import sentence_spans

KWIC_COLUMNS = ["doc_id", "source", "left", "match", "right", "sentence_text", "sentence",
                "start", "end", "feature", "category", "label", "in_quote"]


def kwic(corpus: pd.DataFrame, matches: pd.DataFrame, window: int = 60) -> pd.DataFrame:
    """Show matches in their context, ready to read in a notebook.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus the matches came from (needs ``doc_id`` and ``text``).
    matches : pandas.DataFrame
        Any subset of the matches table, e.g. ``matches.query("label == 'claim'")``.
    window : int, default 60
        Characters of context on each side (cut at line breaks, whitespace collapsed).

    Returns
    -------
    pandas.DataFrame
        One row per match, in the order given: ``doc_id``, ``source``, ``left``,
        ``match``, ``right``, ``sentence_text`` (the whole sentence), ``sentence``
        (its index), ``start``, ``end`` and, where present, ``feature``,
        ``category``, ``label``, ``in_quote`` (and the attribution columns).

    Raises
    ------
    framing.FramingError
        When a match points to an article missing from the corpus, or its
        offsets do not reproduce its text (the matches come from another corpus).

    Examples
    --------
    >>> import framing
    >>> corpus = framing.load_sample()
    >>> matches = framing.extract(corpus)
    >>> table = framing.kwic(corpus, matches.query("label == 'Daesh'").head(1))
    >>> table.loc[0, "match"]
    'Daesh'
    """
    if window < 0:
        raise FramingError(f"window must be >= 0 characters, got {window}.")
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"].fillna("").astype(str)))
    rows = []
    spans_of: dict[str, np.ndarray] = {}
    for row in matches.itertuples(index=False):
        doc_id = str(row.doc_id)
        if doc_id not in texts:
            raise FramingError(f"match for doc_id {doc_id!r} but no such article in the corpus; "
                               "pass the corpus the matches were extracted from.")
        text = texts[doc_id]
        start, end = int(row.start), int(row.end)
        if text[start:end] != row.match:
            raise FramingError(f"doc_id {doc_id!r}: text[{start}:{end}] is {text[start:end]!r}, not "
                               f"{row.match!r}; the matches come from another version of the corpus.")
        if doc_id not in spans_of:
            spans_of[doc_id] = sentence_spans(text)
        rows.append(_context(text, start, end, window, spans_of[doc_id]))
    context = pd.DataFrame(rows, columns=["left", "right", "sentence_text"])
    out = matches.reset_index(drop=True).copy()
    out = pd.concat([out, context], axis=1)
    first = [c for c in KWIC_COLUMNS if c in out.columns]
    return out[first + [c for c in out.columns if c not in first]]


def _context(text: str, start: int, end: int, window: int, spans: np.ndarray):
    left = text[max(0, start - window):start]
    right = text[end:end + window]
    left = left[left.rfind("\n\n") + 2:] if "\n\n" in left else left
    cut = right.find("\n\n")
    right = right[:cut] if cut >= 0 else right
    return (" ".join(left.split()) + (" " if left[-1:].isspace() else ""),
            (" " if right[:1].isspace() else "") + " ".join(right.split()),
            _sentence_around(text, start, end, spans))


def _sentence_around(text: str, start: int, end: int, spans: np.ndarray) -> str:
    if len(spans) == 0:
        return text[start:end]
    first = max(0, int(np.searchsorted(spans[:, 0], start, side="right")) - 1)
    last = max(first, int(np.searchsorted(spans[:, 0], max(start, end - 1), side="right")) - 1)
    return " ".join(text[int(spans[first, 0]):int(spans[last, 1])].split())
