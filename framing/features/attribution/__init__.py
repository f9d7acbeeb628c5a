"""Attribution: who is reported as saying what, and how.

Every hit of an ``attribution`` lexicon (``framing/lexicons/reporting_verbs.yaml``)
is a candidate cue. For each one the stage reads a few words around it, inside
its sentence, and decides:

* **whether it is a reporting use** at all (:mod:`.cues`): "All told", "the
  said document", "insurance claims", "the claims were false", "the alleged
  attacker", "it is impossible to confirm" give no row;
* **the speaker** (:mod:`.speakers`): span and ``speaker_type``

  ============== ==========================================================
  named          a person's name, with or without title: "Gen. Joseph
                 Dunford", "Omar Abu Laila", "Mr. Phillips of Chatham House"
  anonymous      unnamed people: "officials said", "a source familiar
                 with …", "a command official speaking on the condition of
                 anonymity", "U.S. and Iraqi intelligence sources",
                 "analysts warn", "a spokesman for the ministry"
  organization   an institution, medium, armed group or state: "the U.S.
                 military", "the Pentagon", "the coalition", "the European
                 Union", "semiofficial Iranian media", "Russia", "Reuters"
  pronoun        "he said", "they say" (the span is the pronoun; it is not
                 rewritten to an antecedent)
  role           refinement of unknown: one identifiable office holder named
                 only by role, "the president", "Iraq's prime minister"
  document       refinement of unknown: a text or data set, "the report
                 said", "a statement said", "the poll found"
  unknown        no speaker found (``speaker`` is NA), or a phrase of none of
                 the kinds above
  ============== ==========================================================

* **the content** (:mod:`.content`): span and ``quote_type`` —
  ``direct`` (the content is a quotation, marks excluded: ``“…,” X said`` /
  ``X said: “…”``), ``indirect`` (a reported clause: ``X said (that) …``,
  ``X warned that …``, ``…, X said``), ``according_to`` (``according to X``),
  ``mixed`` (a reported clause with an embedded partial quotation: ``X said
  Daesh “will become an underground terrorist organization.”``).

**Carried quotations.** A quotation that opens the sentence after a direct or
mixed attribution, in the same paragraph or the next one, when that sentence
has no cue of its own, is the same speaker going on (``“They have nothing to
defend now,” Jalal said.`` followed by a quotation paragraph). It gets no row
of its own — it is not a new cue — but its content is added to
``doc.attributed_spans`` so that it counts as speech, not as a scare quote.
It must run to the end of its sentence or be longer than a scare quote, so a
sentence that merely starts with a quoted word is not carried. So is a
quotation that continues right after the cue group (``“A,” he said, “B.”``).

The stage fills ``doc.cue_spans`` (accepted cues) and ``doc.attributed_spans``
(content spans and carried quotations) for :func:`framing.features.quotes.classify_quotes`.
It reads only windows of at most 100 characters before and 60 after a cue.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

import numpy as np

from framing.features.attribution.content import Content, QuoteIndex, find_content
from framing.features.attribution.cues import form_kind, is_reporting_use
from framing.features.attribution.phrases import noun_phrase_forward
from framing.features.attribution.speaker_types import SPEAKER_TYPES, UNKNOWN, Speaker, make_speaker, speaker_type
from framing.features.attribution.speakers import BE_FORMS, BEFORE, INVERTED, PASSIVE, SHARED, find_speaker
from framing.features.attribution.tokens import tokenize
from framing.features.attribution.wordlists import Vocabulary, vocabulary
from framing.features.base import Doc, Rows
from framing.lexicon import Entry

__all__ = ["find_attributions", "speaker_type", "vocabulary", "SPEAKER_TYPES", "QUOTE_TYPES"]

QUOTE_TYPES = ("direct", "indirect", "according_to", "mixed")
# Characters read before and after a cue (the sentence's opening is read apart
# when needed). Tokenising these windows is most of the stage's cost; on 300 ABP
# articles, 100/60 instead of 160/160 changes 0.5% of the rows.
# The left side is read in two steps: SHORT_WINDOW first, WINDOW when the
# speaker phrase may run further back.
WINDOW = 100
SHORT_WINDOW = 48
RIGHT_WINDOW = 60
ACCORDING = "according"  # how the speaker of "according to X" was found
# A carried quotation must be longer than this many words, or end its sentence.
_MAX_SCARE_WORDS = 4


class Attribution(NamedTuple):
    """One accepted cue with what was found around it."""

    entry: Entry
    start: int
    end: int
    sentence: int
    speaker: Speaker | None
    how: str  # where the speaker was found (see speakers.find_speaker)
    phrase_start: int  # start of the cue group (speaker phrase before the cue, or the cue)
    group_end: int  # end of the cue group (the cue, or an inverted speaker after it)
    content: Content | None


def find_attributions(doc: Doc, doc_number: int, rows: Rows) -> None:
    """Append one row per reporting cue of ``doc`` to ``rows``, with speaker and content.

    Also fills ``doc.cue_spans`` and ``doc.attributed_spans`` for the quote
    classifier.

    Parameters
    ----------
    doc : Doc
        The prepared article (segmentation and phrase-matcher hits).
    doc_number : int
        Position of the article in the corpus (for ``rows``).
    rows : Rows
        The accumulator of match rows.

    Examples
    --------
    >>> import pandas as pd, framing
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ['"We won," said Gen. Joe Smith.']})
    >>> row = framing.extract(corpus, features=["attribution"]).iloc[0]
    >>> row.speaker, row.speaker_type, row.quote_type
    ('Gen. Joe Smith', 'named', 'direct')
    """
    hits = _cue_hits(doc)
    if not hits:
        return
    v = vocabulary()
    quotes = QuoteIndex(doc.quotes)
    sentence_index = _sentence_index(doc, [start for _, start, _ in hits]).tolist()
    bounds = doc.sentences.tolist()  # Python ints: numpy scalar indexing per cue is slow
    found: list[Attribution] = []
    for (entry, start, end), number in zip(hits, sentence_index):
        if number < 0:
            sentence = (0, len(doc.text))
        else:
            s_start, s_end = bounds[number]
            sentence = (min(s_start, start), max(s_end, end))
        attribution = _analyse(doc.text, entry, start, end, number, sentence, quotes, v, found)
        if attribution is not None:
            found.append(attribution)
    found = _cut_contents_at_later_cues(doc.text, found)
    carried = _carried_quotes(doc, found, quotes)
    for att in found:
        doc.cue_spans.append((att.start, att.end))
        if att.content is not None:
            doc.attributed_spans.append((att.content.start, att.content.end))
        _add_row(doc, doc_number, rows, att)
    doc.attributed_spans.extend(carried)


def _cue_hits(doc: Doc) -> list[tuple[Entry, int, int]]:
    """Attribution hits, overlaps resolved to the longest ("declined to comment" over "comment")."""
    indexes = doc.hits_of("attribution")
    spans = sorted(((int(doc.hits.start[i]), -int(doc.hits.end[i]), int(doc.hits.entry[i])) for i in indexes))
    kept = []
    last_end = -1
    for start, neg_end, entry in spans:
        if start >= last_end:
            kept.append((doc.entries[entry], start, -neg_end))
            last_end = -neg_end
    return kept


def _sentence_index(doc: Doc, starts: list[int]) -> np.ndarray:
    if len(doc.sentences) == 0:
        return np.full(len(starts), -1, dtype=np.int64)
    return np.searchsorted(doc.sentences[:, 0], np.asarray(starts), side="right") - 1


def _analyse(text: str, entry: Entry, start: int, end: int, number: int, sentence: tuple[int, int],
             quotes: QuoteIndex, v: Vocabulary, found: list[Attribution]) -> Attribution | None:
    s_start, s_end = sentence
    form = text[start:end]
    kind = form_kind(form)
    if form.split(None, 1)[0].lower() in v.anonymity_words and _inside_anonymity_phrase(text, start, end, v):
        return None  # "who asked not to be named" describes a speaker; it reports nothing
    left, truncated = _left_tokens(text, s_start, start, SHORT_WINDOW, v)
    right_end = min(s_end, end + RIGHT_WINDOW)
    right = tokenize(text, end, right_end, v.abbreviations)
    if not is_reporting_use(entry, form, kind, left, right, v):
        return None
    previous = found[-1].speaker if found and found[-1].sentence == number else None
    if entry.label in ("according to", "in the words of"):
        speaker, how = _according_to_speaker(text, right, v)
    else:
        speaker, how = find_speaker(text, left, right, entry.label, kind == "ing", v,
                                    previous=previous, sentence_start=s_start)
        if truncated and how != SHARED and (speaker is None or
                                            speaker.phrase_start <= left[min(2, len(left) - 1)][0]):
            # The short window may have cut the speaker phrase: read further back.
            left, _ = _left_tokens(text, s_start, start, WINDOW, v)
            speaker, how = find_speaker(text, left, right, entry.label, kind == "ing", v,
                                        previous=previous, sentence_start=s_start)
    phrase_start = speaker.phrase_start if speaker is not None and how == BEFORE else start
    # The cue group runs over a speaker read after the cue ("said Omar Abu Laila", "according to X").
    group_end = max(end, speaker.phrase_end) if speaker is not None and how in (INVERTED, ACCORDING) else end
    if how == PASSIVE and speaker is not None:
        # "Both attacks were confirmed by local activists": the content is the subject.
        content = _passive_subject(text, left, s_start)
    else:
        content = find_content(text, entry.label, (start, end), group_end, phrase_start, right, sentence,
                               quotes, v, listener=entry.label in v.listener_cues,
                               complete=right_end >= s_end)
    return Attribution(entry, start, end, number, speaker, how, phrase_start, group_end, content)


def _inside_anonymity_phrase(text: str, start: int, end: int, v: Vocabulary) -> bool:
    found = v.anonymous_phrase_re.search(text, max(0, start - 12), min(len(text), end + 40))
    return found is not None and found.start() <= start and end <= found.end()


def _left_tokens(text: str, s_start: int, start: int, width: int, v: Vocabulary) -> tuple[list, bool]:
    """Tokens of the sentence before ``start``, at most ``width`` characters; and whether cut short."""
    lo = max(s_start, start - width)
    left = tokenize(text, lo, start, v.abbreviations)
    if left and lo > s_start and text[lo - 1].isalnum() and left[0][0] == lo:
        left = left[1:]  # the window cut a word in two
    return left, lo > s_start and bool(left)


def _passive_subject(text: str, left: list, floor: int) -> Content | None:
    """The clause before the be-form of a passive cue."""
    for k in range(len(left) - 1, -1, -1):
        if left[k][2].lower() in BE_FORMS:
            end = left[k][0]
            while end > floor and text[end - 1].isspace():
                end -= 1
            start = floor
            while start < end and text[start].isspace():
                start += 1
            return Content(start, end, "indirect", "before") if start < end else None
    return None


def _according_to_speaker(text: str, right: list, v: Vocabulary) -> tuple[Speaker | None, str]:
    """The phrase after "according to": "Col. Sean Ryan", "semiofficial Iranian media"."""
    last = noun_phrase_forward(right, 0, v)
    if last is None:
        return None, ""
    return make_speaker(text, right[:last + 1], v), ACCORDING


def _cut_contents_at_later_cues(text: str, found: list[Attribution]) -> list[Attribution]:
    """A clause reported after one cue ends where a later cue's group begins in the same sentence.

    "they believe he hides …, the sources say." — the content of "believe"
    stops before ", the sources say"; "called X an “inflection point” …, but
    warned that …" — the content of "called" stops before "but warned".
    """
    result = list(found)
    for k, att in enumerate(result):
        content = att.content
        if content is None or content.side != "after":
            continue
        for later in result[k + 1:]:
            if later.sentence != att.sentence:
                break
            closes = later.content is not None and later.content.side == "before"
            if (closes or later.how == SHARED) and content.start < later.phrase_start < content.end:
                end = _strip_coordinator(text, content.start, later.phrase_start)
                if end > content.start:
                    result[k] = att._replace(content=content._replace(end=end))
                break
    return result


def _strip_coordinator(text: str, floor: int, end: int) -> int:
    """``end`` moved back over spaces, commas, dashes and one "and"/"but" before it."""
    while end > floor and (text[end - 1].isspace() or text[end - 1] in ",—–"):
        end -= 1
    for word in ("and", "but", "or"):
        if text[max(floor, end - len(word) - 1):end].lower() == " " + word:
            end -= len(word)
            while end > floor and (text[end - 1].isspace() or text[end - 1] in ",—–"):
                end -= 1
            break
    return end


def _carried_quotes(doc: Doc, found: list[Attribution], quotes: QuoteIndex) -> list[tuple[int, int]]:
    """Content spans of quotations that continue an attributed quotation (module docstring)."""
    if not quotes.rows or not found:
        return []
    text = doc.text
    attributed = [(a.content.start, a.content.end) for a in found if a.content is not None]
    cue_sentences = {a.sentence for a in found}
    speech = [a for a in found if a.content is not None and a.content.quote_type in ("direct", "mixed")]
    sentence_starts = doc.sentences[:, 0] if len(doc.sentences) else np.zeros(0, dtype=np.int64)

    def sentence_of(offset: int) -> int:
        return int(np.searchsorted(sentence_starts, offset, side="right") - 1)

    speech_sentences = {sentence_of(max(a.content.end, a.group_end) - 1) for a in speech}
    continues_at = {_skip_to_quote(text, a.group_end) for a in speech if a.content.side == "quote_before"}
    carried = []
    attributed.sort()
    starts = [a for a, _ in attributed]
    longest = max((b - a for a, b in attributed), default=0)
    for q_start, q_end, c_start, c_end in quotes.rows:
        if _overlaps_any(attributed, starts, longest, q_start, q_end):
            continue
        number = sentence_of(q_start)
        if q_start in continues_at:
            carried.append((c_start, c_end))
            speech_sentences.add(sentence_of(q_end - 1))
            continue
        if number < 1 or number in cue_sentences or (number - 1) not in speech_sentences:
            continue
        s_start = int(sentence_starts[number])
        if text[s_start:q_start].strip(" \t\u00a0") or not _long_or_whole(doc, text, q_start, q_end, c_start,
                                                                           c_end, sentence_of):
            continue
        carried.append((c_start, c_end))
        speech_sentences.add(sentence_of(q_end - 1))
    return carried


def _overlaps_any(spans: list, starts: list, longest: int, start: int, end: int) -> bool:
    """Whether any of the sorted ``spans`` overlaps ``[start, end)``."""
    k = bisect.bisect_left(starts, start - longest)
    while k < len(spans) and spans[k][0] < end:
        if spans[k][1] > start:
            return True
        k += 1
    return False


def _skip_to_quote(text: str, offset: int) -> int:
    """Offset of the first character after ``offset`` that is not a space or a comma."""
    k = offset
    while k < len(text) and text[k] in " ,\t\u00a0":
        k += 1
    return k


def _long_or_whole(doc: Doc, text: str, q_start, q_end, c_start, c_end, sentence_of) -> bool:
    if len(text[c_start:c_end].split()) > _MAX_SCARE_WORDS:
        return True
    last = sentence_of(q_end - 1)
    s_end = int(doc.sentences[last, 1])
    return not any(ch.isalnum() for ch in text[q_end:s_end])


def _add_row(doc: Doc, doc_number: int, rows: Rows, att: Attribution) -> None:
    entry, speaker, content = att.entry, att.speaker, att.content
    columns = {"speaker_type": UNKNOWN}
    if speaker is not None:
        columns.update(speaker=doc.text[speaker.start:speaker.end], speaker_start=speaker.start,
                       speaker_end=speaker.end, speaker_type=speaker.kind)
    if entry.label in ("according to", "in the words of"):
        columns["quote_type"] = "according_to"
    if content is not None:
        columns.update(quote_type=content.quote_type, content_start=content.start, content_end=content.end)
    rows.add(doc_number, "attribution", entry.category, entry.label, att.start, att.end,
             lexicon=entry.lexicon, **columns)
