"""Stance markers: hedges, boosters, distancing modifiers and scare quotes.

Hedges ("may", "reportedly", "is believed to"), boosters ("clearly",
"inevitable") and distancing modifiers ("so-called", "self-styled") come from the
``stance`` lexicon. Scare quotes are not words but a use of quotation marks: a
short quoted span that no one is reported as saying (“caliphate”); they are
found by :func:`framing.features.quotes.classify_quotes` and reported here with
``category="scare_quote"`` and the quoted words, lower-cased, as ``label``.
"""

from __future__ import annotations

from framing.features.base import Doc, Rows
from framing.features.quotes import SCARE


def find_stance(doc: Doc, doc_number: int, rows: Rows) -> None:
    """Append one row per stance marker and scare quote in ``doc`` to ``rows``.

    A marker whose entry is a ``homograph: verb`` ("alleged") is left out where
    the attribution stage read the same word as a reporting cue ("prosecutors
    alleged in court filings"): there it reports a statement, it does not
    modify a name.
    """
    find_other(doc, doc_number, rows, "stance", verbs_as_cues=True)
    for index, kind in enumerate(doc.quote_kind):
        if kind != SCARE:
            continue
        start, end, c_start, c_end = doc.quotes[index][:4].tolist()
        label = " ".join(doc.text[c_start:c_end].split()).strip(" ,;:").lower()
        rows.add(doc_number, "stance", "scare_quote", label, start, end, quote_index=index)


def find_other(doc: Doc, doc_number: int, rows: Rows, feature: str, verbs_as_cues: bool = False) -> None:
    """One row per lexicon match of ``feature``: stance markers, or a user-defined feature.

    With ``verbs_as_cues``, a match of a ``homograph: verb`` entry that overlaps
    an accepted reporting cue (``doc.cue_spans``) is left out.
    """
    found = doc.hits_of(feature)
    entries = doc.entries
    for index, start, end in zip(doc.hits.entry[found].tolist(), doc.hits.start[found].tolist(),
                                 doc.hits.end[found].tolist()):
        entry = entries[index]
        if verbs_as_cues and entry.homograph == "verb" and _overlaps_cue(doc, start, end):
            continue
        rows.add(doc_number, feature, entry.category, entry.label, start, end, lexicon=entry.lexicon)


def _overlaps_cue(doc: Doc, start: int, end: int) -> bool:
    return any(cue_start < end and start < cue_end for cue_start, cue_end in doc.cue_spans)
