"""Attribution: who is quoted, and how (first pass: cues only; speakers come next)."""

from __future__ import annotations

from framing.features.base import Doc, Rows


def find_attributions(doc: Doc, doc_number: int, rows: Rows) -> None:
    """Append one row per reporting cue in ``doc`` to ``rows``."""
    for i in doc.hits_of("attribution"):
        entry = doc.entries[doc.hits.entry[i]]
        start, end = int(doc.hits.start[i]), int(doc.hits.end[i])
        doc.cue_spans.append((start, end))
        rows.add(doc_number, "attribution", entry.category, entry.label, start, end,
                 lexicon=entry.lexicon, speaker_type="unknown")
