"""What every feature detector receives and returns.

``extract`` segments each article once and runs the shared phrase matcher once;
each feature then reads the same :class:`Doc` and appends its evidence to a
:class:`Rows` accumulator (plain lists, turned into one DataFrame at the end).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from framing.lexicon import Entry
from framing.matcher import Hits

# Columns of the matches table, in order. Attribution-only columns are NA on other rows.
BASE_COLUMNS = ["doc_id", "source", "feature", "category", "label", "match", "start", "end",
                "sentence", "in_quote"]
ATTRIBUTION_COLUMNS = ["speaker", "speaker_start", "speaker_end", "speaker_type", "quote_type",
                       "content_start", "content_end"]
EXTRA_COLUMNS = ["lexicon", "metalinguistic", "quote_index"]
COLUMNS = BASE_COLUMNS + ATTRIBUTION_COLUMNS + EXTRA_COLUMNS


@dataclass
class Doc:
    """One article as the feature detectors see it.

    ``quotes`` holds one row per quotation: outer start, outer end, content
    start, content end (character offsets). ``quote_kind`` says what each
    quotation is once classified ("speech", "scare", "title", "heading").
    """

    doc_id: str
    source: str
    text: str
    view: str
    sentences: np.ndarray
    quotes: np.ndarray
    quote_closed: np.ndarray
    quote_words: np.ndarray
    hits: Hits
    entries: list[Entry]
    quote_kind: list[str] = field(default_factory=list)
    # Content spans of attributions found in this article, filled by the attribution stage.
    attributed_spans: list[tuple[int, int]] = field(default_factory=list)
    cue_spans: list[tuple[int, int]] = field(default_factory=list)

    def hits_of(self, feature: str) -> np.ndarray:
        """Indexes into ``hits`` whose entry belongs to ``feature``."""
        return np.array([i for i, e in enumerate(self.hits.entry) if self.entries[e].feature == feature],
                        dtype=np.int64)


class Rows:
    """Column-wise accumulator for match rows."""

    def __init__(self):
        self.columns: dict[str, list] = {name: [] for name in COLUMNS if name not in
                                         ("doc_id", "source", "match", "sentence", "in_quote")}
        self.doc_index: list[int] = []

    def add(self, doc_number: int, feature: str, category: str, label: str, start: int, end: int,
            *, lexicon=None, metalinguistic=None, quote_index=None, **attribution) -> None:
        c = self.columns
        self.doc_index.append(doc_number)
        c["feature"].append(feature)
        c["category"].append(category)
        c["label"].append(label)
        c["start"].append(start)
        c["end"].append(end)
        c["lexicon"].append(lexicon)
        c["metalinguistic"].append(metalinguistic)
        c["quote_index"].append(quote_index)
        for name in ATTRIBUTION_COLUMNS:
            c[name].append(attribution.get(name))

    def truncate(self, n: int) -> None:
        """Forget every row after the first ``n`` (the rows of an article that failed)."""
        del self.doc_index[n:]
        for values in self.columns.values():
            del values[n:]

    def __len__(self) -> int:
        return len(self.doc_index)
