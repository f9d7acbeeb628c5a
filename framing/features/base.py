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
    start, content end (character offsets). ``quote_closed`` says whether each
    was closed by a mark, and ``quote_words`` counts its word tokens, but only
    up to ``MAX_SCARE_WORDS + 1`` (:mod:`framing.features.quotes`): "more
    than a scare quote holds" is all anyone asks. ``quote_kind`` says what
    each quotation is once classified ("speech", "scare", "title", "mention", "heading").
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
    # Quotations that are the speaker of a cue: a work's title ("“60 Minutes” announced").
    speaking_titles: list[tuple[int, int]] = field(default_factory=list)

    def hits_of(self, feature: str) -> np.ndarray:
        """Indexes into ``hits`` whose entry belongs to ``feature``."""
        if not len(self.hits):
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(feature_mask(self.entries, feature)[self.hits.entry]).astype(np.int64)


_MASKS: dict = {}


def feature_mask(entries: list[Entry], feature: str) -> np.ndarray:
    """Which of a run's lexicon entries belong to ``feature`` (cached per entry list).

    Every article of a run shares one entry list, so each mask is built once.
    """
    key = (id(entries), feature)
    found = _MASKS.get(key)
    if found is None or found[0] is not entries or len(found[1]) != len(entries):
        if len(_MASKS) > 64:
            _MASKS.clear()
        found = _MASKS[key] = (entries, np.array([e.feature == feature for e in entries], dtype=bool))
    return found[1]


# The fields of a row, in the order Rows.add stores them.
ROW_FIELDS = ("doc_index", "feature", "category", "label", "start", "end", "lexicon",
              "metalinguistic", "quote_index", *ATTRIBUTION_COLUMNS)


class Rows:
    """Accumulator for match rows: one tuple per row, turned into columns once at the end.

    One tuple append per match is the cheapest way to collect rows in Python;
    building columns as they come would cost a list append per column.
    """

    def __init__(self):
        self.rows: list[tuple] = []

    def add(self, doc_number: int, feature: str, category: str, label: str, start: int, end: int,
            *, lexicon=None, metalinguistic=None, quote_index=None, speaker=None,
            speaker_start=None, speaker_end=None, speaker_type=None, quote_type=None,
            content_start=None, content_end=None) -> None:
        self.rows.append((doc_number, feature, category, label, start, end, lexicon, metalinguistic,
                          quote_index, speaker, speaker_start, speaker_end, speaker_type, quote_type,
                          content_start, content_end))

    def extend(self, other: "Rows") -> None:
        """Append the rows of ``other`` (an article's rows, after those of the articles before it)."""
        self.rows.extend(other.rows)

    def spans(self, first: int = 0) -> tuple[list[int], list[int]]:
        """Starts and ends of the rows from ``first`` on."""
        tail = self.rows[first:]
        return [r[4] for r in tail], [r[5] for r in tail]

    @property
    def columns(self) -> dict[str, list]:
        """The rows as columns (``doc_index``, ``feature``, ... ``content_end``)."""
        if not self.rows:
            return {name: [] for name in ROW_FIELDS}
        return {name: list(values) for name, values in zip(ROW_FIELDS, zip(*self.rows))}

    def as_array(self) -> np.ndarray:
        """The rows as one object array, one column per field (``doc_index``, ``feature``, ...
        ``content_end``, as in :attr:`columns`), filled in a single pass in C."""
        array = np.empty((len(self.rows), len(ROW_FIELDS)), dtype=object)
        if self.rows:
            array[:] = self.rows
        return array

    @property
    def doc_index(self) -> list[int]:
        return [r[0] for r in self.rows]

    def truncate(self, n: int) -> None:
        """Forget every row after the first ``n`` (the rows of an article that failed)."""
        del self.rows[n:]

    def __len__(self) -> int:
        return len(self.rows)
