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

**Colon and poll cues.** Besides the lexicon's cues, a colon before a
quotation or after a speaker label is a cue (:mod:`.colons`), and so is the
"in" of "leads in a new Fox News poll" (:mod:`.polls`, label ``in a poll``,
the poll as a ``document`` speaker).

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
import heapq
import operator
import re
from typing import NamedTuple

from framing.features.attribution.colons import analyse_colon, colon_candidates, colon_entry
from framing.features.attribution.content import (INDIRECT, MIXED, Content, QuoteIndex, find_content, strip_end,
                                                  strip_start, within_opening_clause, within_subordinate_clause)
from framing.features.attribution.cues import form_kind, is_reporting_use, noun_cue_use
from framing.features.attribution.phrases import is_ly_adverb, noun_phrase_back, noun_phrase_forward
from framing.features.attribution.polls import poll_cues, poll_entry
from framing.features.attribution.speaker_types import (DOCUMENT, SPEAKER_TYPES, UNKNOWN, Speaker, make_speaker,
                                                        speaker_type)
from framing.features.attribution.speakers import (BEFORE, INFINITIVE, INVERTED, PARTICIPLE, PASSIVE,
                                                   REDUCED, SHARED, appositive_name, find_speaker, infinitive_subject,
                                                   inside_opening_subordinate, is_be_form, opens_with_participle)
from framing.features.attribution.tokens import CLOSING_QUOTES, OPENING_QUOTES, is_word, tokens_and_starts
from framing.features.attribution.wordlists import COORDINATORS, Vocabulary, vocabulary
from framing.features.base import Doc, Rows
from framing.lexicon import Entry

__all__ = ["find_attributions", "speaker_type", "vocabulary", "SPEAKER_TYPES", "QUOTE_TYPES"]

QUOTE_TYPES = ("direct", "indirect", "according_to", "mixed")
# Characters read before and after a cue (the sentence's opening is read apart
# when needed). Tokenising these windows is most of the stage's cost; on 300 ABP
# articles, 100/60 instead of 160/160 changes 0.5% of the rows.
# The left side is read in two steps: SHORT_WINDOW first, WINDOW when the
# speaker phrase may run further back. WINDOW reaches past a long appositive
# ("Anthony Fauci, director of the National Institute of Allergy and Infectious
# Diseases at the National Institutes of Health, told …"): 160 instead of 100
# fills 159 of 40,128 speaker fields on 1,500 ABP articles at no measurable cost
# (the wider read happens only when the short one was cut).
WINDOW = 160
SHORT_WINDOW = 48
RIGHT_WINDOW = 60
ACCORDING = "according"  # how the speaker of "according to X" was found
_START = operator.attrgetter("start")
_HYPHENS = frozenset("-\u2010\u2011")
_AS_WORD = re.compile(r"(?<![\w'’.-])[Aa][Ss](?![\w'’-])")
_AS_SPAN = 90  # characters after an as-cue that may hold its "as"
_WORD = re.compile(r"[a-z][a-z-]*")
# An adverb cue ("reportedly") this close to another cue only qualifies it.
_ADVERB_REACH = 24
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
    v = vocabulary()
    hits = _cue_hits(doc, v)
    text = doc.text
    if not hits and ":" not in text and not any(stem in doc.view for stem in v.poll_stems):
        return
    quotes = QuoteIndex(doc.quotes, doc.quote_closed, doc.quote_words)
    bounds = doc.sentences.tolist()  # Python ints: numpy scalar indexing per cue is slow
    sentence_starts = [bound[0] for bound in bounds]
    kept, regions = _candidates(text, hits, bounds, sentence_starts, v)
    tokens = SentenceTokens(text, v.abbreviations, regions)
    states = v.state_classes
    found: list[Attribution] = []
    first: Attribution | None = None  # the first attribution of the current sentence
    for entry, start, end, number, sentence in kept:
        if entry.category in states and found and _nested_in_previous(text, found[-1], number, start, end):
            continue  # "Clinton said she wants …": part of what the previous cue reports
        first_speaker = first.speaker if first is not None and first.sentence == number \
            and first.how in (BEFORE, INVERTED) else None
        attribution = _analyse(text, entry, start, end, number, sentence, quotes, v, found, tokens, first_speaker)
        if attribution is not None and not (found and _inside_cue_gap(attribution, found[-1])):
            found.append(attribution)
            if first is None or first.sentence != number:
                first = attribution
    found = _with_colon_cues(doc, found, quotes, v, bounds, sentence_starts)
    found = _with_poll_cues(doc, found, v, bounds)
    found = _cut_contents_at_later_cues(text, found, quotes)
    found = _cut_relative_clause_contents(text, found, quotes)
    found = _drop_nested_states(found, v)
    carried = _carried_quotes(doc, found, quotes, sentence_starts)
    for att in found:
        end = _cue_end(text, att)
        if end != att.end:
            att = att._replace(end=end)
        doc.cue_spans.append((att.start, att.end))
        speaker = att.speaker
        if speaker is not None and speaker.phrase_start < speaker.start \
                and text[speaker.phrase_start] in OPENING_QUOTES:
            doc.speaking_titles.append((speaker.phrase_start, speaker.phrase_end))
        if att.content is not None:
            doc.attributed_spans.append((att.content.start, att.content.end))
        _add_row(doc, doc_number, rows, att)
    doc.attributed_spans.extend(carried)


def _candidates(text: str, hits: list, bounds: list, sentence_starts: list, v: Vocabulary) -> tuple[list, dict]:
    """The hits worth analysing, with their sentence, and the part of each sentence to tokenise.

    Returns ``(kept, regions)``: ``kept`` holds ``(entry, start, end, sentence
    number, sentence span)`` of the hits the cheap checks keep; ``regions``
    maps a sentence span to the ``(lo, hi)`` its cues' windows reach.
    """
    regions: dict = {}
    kept = []
    checked = _early_checks(v)
    for entry, start, end in hits:
        number = bisect.bisect_right(sentence_starts, start) - 1
        if number < 0:
            sentence = (0, len(text))
        else:
            s_start, s_end = bounds[number]
            sentence = (s_start if s_start < start else start, s_end if s_end > end else end)
        if start > 1 and text[start - 1] in _HYPHENS and (text[start - 2].isalnum() or text[start - 2] == "."):
            continue  # "U.S.-backed forces", "self-proclaimed": a compound modifier, not a cue
        if end + 1 < len(text) and text[end] in _HYPHENS and text[end + 1].isalpha():
            continue  # "the Know-Nothings", "a tell-all book": the cue word begins a compound
        if entry.label in checked and _rejected_early(text, entry, start, end, sentence[1], v):
            continue
        kept.append((entry, start, end, number, sentence))
        lo = start - SHORT_WINDOW if start - SHORT_WINDOW > sentence[0] else sentence[0]
        hi = end + RIGHT_WINDOW if end + RIGHT_WINDOW < sentence[1] else sentence[1]
        region = regions.get(sentence)
        if region is None:
            regions[sentence] = (lo, hi)
        elif hi > region[1]:
            regions[sentence] = (region[0], hi)  # hits come in text order: lo only grows
    return kept, regions


def _with_colon_cues(doc: Doc, found: list[Attribution], quotes: QuoteIndex, v: Vocabulary,
                     bounds: list, sentence_starts: list) -> list[Attribution]:
    """``found`` with the colon cues of the article (:mod:`.colons`), in text order."""
    entry = colon_entry(doc.entries, v)
    if entry is None:
        return found
    offsets = colon_candidates(doc.text)
    if not offsets:
        return found
    cue_starts = [att.start for att in found]
    colons = []
    for offset in offsets:
        number = bisect.bisect_right(sentence_starts, offset) - 1
        sentence = (0, len(doc.text)) if number < 0 else tuple(bounds[number])
        result = analyse_colon(doc.text, offset, sentence, quotes, v, cue_starts)
        if result is not None:
            speaker, content = result
            colons.append(Attribution(entry, offset, offset + 1, number, speaker, BEFORE if speaker else "",
                                      offset, offset + 1, content))
    if not colons:
        return found
    return list(heapq.merge(found, colons, key=_START))


def _with_poll_cues(doc: Doc, found: list[Attribution], v: Vocabulary, bounds: list) -> list[Attribution]:
    """``found`` with the poll cues of the article (:mod:`.polls`: "leads in a new poll"), in text order."""
    entry = poll_entry(colon_entry(doc.entries, v))
    if entry is None:
        return found
    view = doc.view
    offsets = []  # where a poll head's stem occurs, found in the lower-cased word view
    for stem in v.poll_stems:
        k = view.find(stem)
        while k >= 0:
            offsets.append(k)
            k = view.find(stem, k + 1)
    if not offsets:
        return found
    starts = [bound[0] for bound in bounds]
    numbers = sorted({bisect.bisect_right(starts, k) - 1 for k in offsets})
    polls = [Attribution(entry, start, end, number, speaker, BEFORE, start, speaker.end, content)
             for number in numbers if number >= 0
             for start, end, speaker, content in poll_cues(doc.text, tuple(bounds[number]), v)]
    if not polls:
        return found
    return list(heapq.merge(found, polls, key=_START))


def _cue_end(text: str, att: Attribution) -> int:
    """End of the cue without a complementiser or infinitive marker its pattern holds as context.

    "found that", "appears to", "refused to" match as phrases so that the
    verb is read in the right construction, but the cue is the verb: the
    row's span stops before "that"/"to". Where the word belongs to the lemma
    ("according to", "refer to", "decline to comment") it stays.
    """
    if text[att.end - 1] not in "tToO":
        return att.end  # cannot end in "that" or "to": most cues, decided without the search
    found = _LAST_WORD.search(text, att.start, att.end)
    if found is not None and found.group(1).lower() in _CONTEXT_WORDS \
            and found.group(1).lower() not in att.entry.label.split():
        return found.start()
    return att.end


_CONTEXT_WORDS = frozenset({"that", "to"})
_LAST_WORD = re.compile(r"\s+(\w+)$")


def _cue_hits(doc: Doc, v: Vocabulary) -> list[tuple[Entry, int, int]]:
    """Attribution hits, overlaps resolved to the longest ("declined to comment" over "comment")."""
    hits = doc.hits
    if not len(hits):
        return []
    # Python lists, not numpy masks: an article has a few dozen hits, too few
    # for numpy's per-call cost to pay off.
    is_cue = _attribution_flags(doc.entries)
    entry_ids = hits.entry.tolist()
    picked = [k for k, entry in enumerate(entry_ids) if is_cue[entry]]
    if not picked:
        return []
    starts, ends = hits.start.tolist(), hits.end.tolist()
    spans = sorted([(starts[k], -ends[k], entry_ids[k]) for k in picked])
    kept = []
    last_end = -1
    all_entries = doc.entries
    for start, neg_end, entry in spans:
        if start >= last_end:
            kept.append((all_entries[entry], start, -neg_end))
            last_end = -neg_end
    adverbs = v.adverb_cues
    if any(e.label in adverbs for e, _, _ in kept):
        kept = [hit for k, hit in enumerate(kept) if hit[0].label not in adverbs
                or not _next_to_cue(doc.text, kept, k)]
    return kept


_FLAGS: dict = {}


def _attribution_flags(entries: list[Entry]) -> list[bool]:
    """Which of a run's lexicon entries are attribution cues (cached per entry list)."""
    key = (id(entries), len(entries))
    found = _FLAGS.get(key)
    if found is None or found[0] is not entries:
        if len(_FLAGS) > 64:
            _FLAGS.clear()
        # the list is kept alive with its flags so that its id is not reused
        found = _FLAGS[key] = (entries, [e.feature == "attribution" for e in entries])
    return found[1]


def _next_to_cue(text: str, hits: list, k: int) -> bool:
    """Another cue within a few characters of hit ``k`` ("reportedly said", "said, reportedly,")."""
    _, start, end = hits[k]
    for j in (k - 1, k + 1):
        if 0 <= j < len(hits):
            _, other_start, other_end = hits[j]
            gap = text[end:other_start] if j > k else text[other_end:start]
            if len(gap) <= _ADVERB_REACH and "." not in gap:
                return True
    return False


_EARLY: dict = {}


def _early_checks(v: Vocabulary) -> frozenset:
    """Cue labels that :func:`_rejected_early` has something to check for (cached per vocabulary)."""
    found = _EARLY.get(id(v))
    if found is None or found[0] is not v:
        # noun entries are labelled by their noun ("statement", "criticism")
        found = _EARLY[id(v)] = (v, v.tag_only | v.as_cues | v.document_cues | v.noun_cues)
    return found[1]


def _rejected_early(text: str, entry: Entry, start: int, end: int, s_end: int, v: Vocabulary) -> bool:
    """Cheap checks on the raw text that reject a hit before any tokenising.

    Each rejects only what the token-level rules would reject too: a tag-only
    cue not followed by punctuation or a quotation mark, an as-cue with no
    "as" after it, a speech-act noun not followed by a complement word, a
    document cue with no document noun around it and no speech-tag mark after it.
    """
    label = entry.label
    if label in v.tag_only or (entry.homograph is None and text[start:end].lower() in v.noun_cues):
        k = end
        while k < s_end and text[k].isspace():
            k += 1
        if k >= s_end:
            return False
        if label in v.tag_only:
            return text[k].isalnum()  # "continued to rise"
        j = k
        while j < s_end and text[j].isalpha():
            j += 1
        return text[k:j].lower() not in v.noun_complements  # "his statement." / "a statement by"
    if label in v.as_cues:
        return _AS_WORD.search(text, end, min(s_end, end + _AS_SPAN)) is None and " as" not in text[start:end].lower()
    if label in v.document_cues and not text[start:end].lower().endswith(" that"):
        after = text[end:end + 3].lstrip()[:1]
        if after in (",", ":") or after in OPENING_QUOTES or (
                after == "." and any(mark in text[max(0, start - 40):start] for mark in CLOSING_QUOTES)):
            return False  # may be a speech tag: "He concluded, “…”", "“…,” he concluded."
        window = text[max(0, start - WINDOW):min(len(text), end + RIGHT_WINDOW)].lower()
        return not any(w in v.documents for w in _WORD.findall(window))
    return False


def _analyse(text: str, entry: Entry, start: int, end: int, number: int, sentence: tuple[int, int],
             quotes: QuoteIndex, v: Vocabulary, found: list[Attribution],
             tokens: "SentenceTokens", first_speaker: Speaker | None = None) -> Attribution | None:
    s_start, s_end = sentence
    form = text[start:end]
    kind, first_word, low_form = _form_facts(form)
    if first_word in v.anonymity_words and _inside_anonymity_phrase(text, start, end, v):
        return None  # "who asked not to be named" describes a speaker; it reports nothing
    toks, starts = tokens.of(sentence)
    left, truncated = _left_tokens(toks, starts, s_start, start, SHORT_WINDOW)
    right_end = s_end if s_end < end + RIGHT_WINDOW else end + RIGHT_WINDOW
    right = toks[bisect.bisect_left(starts, end):bisect.bisect_left(starts, right_end)]
    reporting = False  # is_reporting_use, when already asked
    if low_form in v.noun_cues:
        reporting = entry.homograph == "noun" and is_reporting_use(entry, form, kind, left, right, v)
        if not reporting:
            # "Trump's criticism of …", "the claim that …": a speech-act noun.
            use = noun_cue_use(form, left, right, v)
            if use is None:
                return None
            return _noun_attribution(text, entry, start, end, number, sentence, use, left, right, quotes, v)
    if not (reporting or is_reporting_use(entry, form, kind, left, right, v)):
        return None
    previous = found[-1].speaker if found and found[-1].sentence == number else None
    if entry.label in v.adverb_cues:
        # "Trump reportedly told aides …": unnamed reports; the clause around it is the content.
        c_start = strip_start(text, s_start, s_end)
        c_end = strip_end(text, c_start, s_end)
        content = Content(c_start, c_end, "indirect", "sentence") if c_start < c_end else None
        return Attribution(entry, start, end, number, None, "", start, end, content)
    # "quoted as saying"; also a form and the word after it: "opposed" + "to"
    speaking = low_form in v.speaking_passives or (
        low_form in v.speaking_passive_firsts and bool(right)
        and f"{low_form} {right[0][2].lower()}" in v.speaking_passives)

    def speaker_of(left: list, right: list) -> tuple[Speaker | None, str]:
        if entry.label in ("according to", "in the words of"):
            return _according_to_speaker(text, left, right, v)
        return find_speaker(text, left, right, entry.label, kind == "ing", v, previous=previous,
                            sentence_start=s_start, form_is_past=kind == "past",
                            speaking_passive=speaking, first_speaker=first_speaker)

    speaker, how = speaker_of(left, right)
    if truncated and how != SHARED and entry.label not in ("according to", "in the words of") and (
            speaker is None or speaker.phrase_start <= left[min(2, len(left) - 1)][0]
            or _comma_before_speaker(left, speaker) or _object_of_preposition(left, speaker, v)):
        # The short window may have cut the speaker phrase, or what comes before an
        # appositive ("Kimberly Yee, an Arizona senator, said"; "Clinton, during a town
        # hall meeting in Columbus, Ohio, said"), or the relative clause whose object
        # the phrase is ("leaders who’d rather be working on a campaign for Cruz said"):
        # read further back.
        toks, starts = tokens.of(sentence, start - WINDOW)
        left, _ = _left_tokens(toks, starts, s_start, start, WINDOW)
        speaker, how = speaker_of(left, right)
    if speaker is None and kind == "ing" and right_end < s_end and opens_with_participle(left):
        # "Noting that only Sen. Mark Kirk (R-Ill.) voted with Democrats on background checks,
        # Tester added": the subject after a long opening clause lies past the window.
        toks, starts, longer, longer_end = _reading_on(tokens, sentence, end, 2 * WINDOW)
        found_speaker, found_how = speaker_of(left, longer)
        if found_speaker is not None:
            speaker, how, right, right_end = found_speaker, found_how, longer, longer_end
    if speaker is not None and right_end < s_end and speaker.start >= end \
            and how in (INVERTED, ACCORDING, PASSIVE) and right[-1][0] <= speaker.phrase_end + 5:
        # The right window may have cut a long name after the cue, or stopped one word after
        # it ("said Alexandria City Public Schools spokeswoman Kelly L. Alexander", "according
        # to estimates from the Centers for Disease Control and Prevention"): read further on.
        # Kept only where the longer reading extends the same phrase: an anonymity clause may read
        # differently at its full length.
        toks, starts, longer, longer_end = _reading_on(tokens, sentence, end, WINDOW)
        longer_left, _ = _left_tokens(toks, starts, s_start, start, start - left[0][0] if left else SHORT_WINDOW)
        found, found_how = speaker_of(longer_left, longer)
        if found is not None and speaker.start in (found.start, found.phrase_start) and found.end > speaker.end \
                and found_how == how:  # a longer name, or the name a description stands before
            speaker, left, right, right_end = found, longer_left, longer, longer_end
    if speaker is None and kind == "base" and left and left[-1][2].lower() == "to":
        speaker = infinitive_subject(text, left, len(left) - 1, v, s_start)  # "He went on to rebut"
        if speaker is not None:
            how = INFINITIVE
    if speaker is not None and how == BEFORE and found and _runs_over_cue(text, speaker, found[-1], number):
        # "Greene claimed Farenthold asked her"; "Trump denied telling Bolton": the same speaker
        speaker = _after_cue(text, left, speaker, found[-1].end, v) or found[-1].speaker
    elif speaker is not None and how == BEFORE and found and _opens_with_cue(text, speaker, found[-1], number):
        if _relative_with_noun_object(text, found[-1]):
            # "A super PAC that opposes Trump posted an ad": the clause's antecedent posted it, and
            # what it opposes ends before the main verb.
            found[-1] = _content_cut(text, found[-1], speaker.end, quotes)
            speaker = found[-1].speaker
        else:
            # "a poll that found 59 percent of respondents said": the phrase after the cue says it
            speaker = _after_cue(text, left, speaker, found[-1].end, v) or speaker
    if speaker is not None and how == BEFORE and found and found[-1].sentence == number \
            and speaker.end <= found[-1].start and found[-1].content is not None \
            and found[-1].end <= found[-1].content.start < start < found[-1].content.end \
            and _clause_closes_before(text, left, speaker, found[-1], v):
        # "organizations that have endorsed him say", "The paper, citing current officials, said":
        # the cue of the relative or participle clause reports only what stands before this one,
        # whose subject comes before both.
        found[-1] = _content_cut(text, found[-1], _end_before_gap(left, v), quotes)
    if speaker is not None and how == BEFORE and speaker.kind != DOCUMENT:
        speaker = _document_owning(text, left, speaker, v) or speaker  # "A study by Media Matters found"
    if entry.label in v.document_cues and not low_form.endswith(" that") and (
            speaker is None or speaker.kind != DOCUMENT) and not _speech_tag_of_person(text, right, speaker):
        return None  # "the poll found …" is a report; "police found the body" is not
    phrase_start = speaker.phrase_start if speaker is not None and how == BEFORE else start
    # The cue group runs over a speaker read after the cue ("said Omar Abu Laila", "according to X").
    group_end = max(end, speaker.phrase_end) if speaker is not None and how in (INVERTED, ACCORDING) else end
    told_that = how == PASSIVE and speaker is not None and entry.label in v.listener_cues \
        and _that_after(right, speaker.phrase_end)
    if told_that:
        # "She has been told by a source that it is true": the subject is the listener; the
        # content follows the agent.
        content = find_content(text, entry.label, (start, end), speaker.phrase_end, start, right, sentence,
                               quotes, v, listener=False, complete=right_end >= s_end)
    elif how == PASSIVE and (speaker is not None or (right and right[0][2].lower() == "by")):
        # "Both attacks were confirmed by local activists": the content is the subject (also
        # when the "by" phrase is no agent: "was rejected by huge margins").
        content = _passive_subject(text, left, s_start, v)
    elif how == REDUCED:
        # "comments reported by The Hill": the comments are reported (not over an earlier cue: "voters
        # favor bills endorsed by …" reports "bills")
        floor = found[-1].end if found and found[-1].sentence == number else s_start
        content = _modified_noun(text, [token for token in left if token[0] >= floor], v)
    elif how == PARTICIPLE:
        # "a senator criticized for his remarks resigned": where the reported
        # charge ends cannot be told without a parse, so no content span.
        content = None
    elif how == BEFORE and speaker is not None and (not right or right[0][2] in _CLAUSE_END_MARKS) \
            and (relative := _object_relative_at(left, speaker)) is not None:
        # "The allegations, which the senator has denied, were …": what is denied is the
        # antecedent; the words after the cue belong to the main clause.
        content = _antecedent(text, left, relative, s_start, v)
    else:
        content = find_content(text, entry.label, (start, end), group_end, phrase_start, right, sentence,
                               quotes, v, listener=entry.label in v.listener_cues,
                               complete=right_end >= s_end)
    if content is None and entry.label in v.tag_only and text[end:end + 2].strip()[:1] != ":":
        return None  # "The relationship nonetheless continued.": a speech tag with nothing reported
    if kind in ("ing", "past") and content is not None and content.side in ("after", "quote_after") \
            and opens_with_participle(left):
        content = within_opening_clause(text, content, right)  # "Citing security concerns, the Pentagon …"
    elif content is not None and content.side == "after" and inside_opening_subordinate(text, left, s_start):
        content = within_subordinate_clause(text, content, right, v)  # "When Warren announces that …, Lyn …"
    return Attribution(entry, start, end, number, speaker, how, phrase_start, group_end, content)


# Participles between a document and its author: "a survey conducted by", "a poll released by".
_MAKING = frozenset({"conducted", "commissioned", "released", "published", "issued", "funded", "sponsored",
                     "paid", "prepared", "written", "produced", "compiled", "filed", "obtained", "carried"})
_AUTHOR_LINKS = ("by", "from", "of", "for")
_PERSON_KINDS = frozenset({"named", "pronoun", "role", "anonymous", "organization"})


_CLAUSE_END_MARKS = frozenset({",", ".", ";", ")", "!", "?"})


def _object_relative_at(left: list, speaker: Speaker) -> int | None:
    """Index of the ", which"/", whom" that opens an object relative clause with ``speaker`` as
    its subject ("The allegations, which the senator has denied"), else None. Only a clause
    set off by commas has a clear antecedent."""
    k = _index_before(left, speaker.phrase_start)
    if k < 2 or left[k][2].lower() not in ("which", "whom") or left[k - 1][2] != ",":
        return None
    return k


def _antecedent(text: str, left: list, relative: int, s_start: int, v: Vocabulary) -> Content | None:
    """The noun phrase before ", which" at ``left[relative]`` as a content span; None when it
    cannot be told, rather than the main clause's words."""
    j = relative - 2
    if not left[j][2][:1].isalnum():
        return None
    first = noun_phrase_back(left, j, v)
    if first is None:
        return None
    # Only a phrase that stands alone, as a subject ("The allegations, which …") or after a
    # break; after a preposition or a verb ("a clean break with the Saudis, which …") the
    # antecedent may be a larger phrase than can be told here.
    if first > 0 and left[first - 1][2][:1].isalnum() and left[first - 1][2].lower() not in ("and", "but"):
        return None
    if first == 0 and text[s_start:left[0][0]].strip():
        return None  # the window starts inside the sentence: what stands before is unknown
    return Content(left[first][0], left[j][1], "indirect", "before")


def _modified_noun(text: str, left: list, v: Vocabulary) -> Content | None:
    """The noun phrase a reduced passive cue modifies: "the 22,000 violent crimes" in "the 22,000
    violent crimes reported by the police" (adverbs before the cue left out)."""
    j = len(left) - 1
    while j >= 0 and is_ly_adverb(left[j][2], v) and left[j][2].islower():
        j -= 1
    first = noun_phrase_back(left, j, v) if j >= 0 else None
    if first is None:
        return None
    return Content(left[first][0], left[j][1], "indirect", "modified")


def _comma_before_speaker(left: list, speaker: Speaker) -> bool:
    """A comma stands right before the speaker phrase, and the comma-separated chain it belongs to
    runs back to the window's start: the chain may go on before the window."""
    k = _index_before(left, speaker.phrase_start)
    if k < 0 or left[k][2] != ",":
        return False
    return not any(token[2] in _CHAIN_BREAKS for token in left[:k])


def _reading_on(tokens: "SentenceTokens", sentence: tuple[int, int], end: int, width: int) -> tuple:
    """``(tokens, starts, right, right_end)`` of ``sentence`` read on to ``width`` characters after
    the cue end ``end``: ``right`` holds the tokens from the cue to ``right_end``."""
    right_end = min(sentence[1], end + width)
    toks, starts = tokens.of(sentence, ahead=end + width)
    return toks, starts, toks[bisect.bisect_left(starts, end):bisect.bisect_left(starts, right_end)], right_end


def _object_of_preposition(left: list, speaker: Speaker, v: Vocabulary) -> bool:
    """A preposition stands right before the speaker phrase: it may be an object inside a clause
    whose start the window cut off."""
    k = _index_before(left, speaker.phrase_start)
    return k >= 0 and (left[k][2].lower() in v.links or left[k][2].lower() == "to")


def _index_before(tokens: list, offset: int) -> int:
    """Index of the last token that starts before ``offset`` (-1 if none)."""
    return bisect.bisect_left(tokens, offset, key=_TOKEN_START) - 1


# Marks that end a chain of comma segments (see speakers._SEGMENT_BREAKS, commas aside). Not a
# period: inside a sentence it belongs to an abbreviation ("(D-S.C.)").
_CHAIN_BREAKS = frozenset({";", ":"}) | OPENING_QUOTES | CLOSING_QUOTES | frozenset("—–")


_TOKEN_START = operator.itemgetter(0)


def _document_owning(text: str, left: list, speaker: Speaker, v: Vocabulary) -> Speaker | None:
    """The document whose author the speaker phrase names: "A study by the group Media Matters".

    The speaker phrase found before the cue may be only the author in "A
    study by X found", "a new poll from X found", "a survey conducted by X
    found"; the one reported as finding or saying is the document.
    """
    if not text[max(0, speaker.phrase_start - 6):speaker.phrase_start].rstrip().lower().endswith(_AUTHOR_LINKS):
        return None  # most speakers: decided on the text, before looking for the token
    k = next((i for i, token in enumerate(left) if token[0] == speaker.phrase_start), None)
    if k is None or k < 2 or left[k - 1][2].lower() not in _AUTHOR_LINKS:
        return None
    i = k - 2
    if left[i][2].lower() in _MAKING:
        i -= 1
    if i < 0 or left[i][2].lower() not in v.documents:
        return None
    first = noun_phrase_back(left, i, v)
    if first is None:
        return None
    return Speaker(left[first][0], speaker.end, DOCUMENT, left[first][0], speaker.phrase_end)


def _speech_tag_of_person(text: str, right: list, speaker: Speaker | None) -> bool:
    """A document cue used as a speech tag by a person or body.

    "He concluded, “…”", "the panel concluded, the tax must rise", and
    "“…,” he concluded." (a period only after a quotation closing right
    before the speaker).
    """
    if speaker is None or speaker.kind not in _PERSON_KINDS or not right or text[speaker.end:speaker.end + 1] in "'’":
        return False  # "when he's found, …" may be a passive
    mark = right[0][2]
    if mark == ".":
        before = text[max(0, speaker.phrase_start - 4):speaker.phrase_start].rstrip()
        return before[-1:] in CLOSING_QUOTES or before[-2:-1] in CLOSING_QUOTES
    return mark in (",", ":") or mark in OPENING_QUOTES


def _noun_attribution(text: str, entry: Entry, start: int, end: int, number: int, sentence: tuple[int, int],
                      use: str, left: list, right: list, quotes: QuoteIndex, v: Vocabulary) -> Attribution:
    """A speech-act noun cue: its speaker is the possessor or the phrase after "from"."""
    speaker = None
    previous = left[-1][2] if left else ""
    if use == "possessive" or _is_possessive(previous, left):
        speaker = _possessor(text, left, v)  # "Trump's claim that …", "his criticism of …"
    elif use == "from" and len(right) > 1:
        last = noun_phrase_forward(right, 1, v)
        if last is not None:
            speaker = make_speaker(text, right[1:last + 1], v)
    content = None
    if use == "that" and len(right) > 1:
        c_end = strip_end(text, right[1][0], sentence[1])
        if c_end > right[1][0]:
            kind = "mixed" if quotes.inside(right[1][0], c_end) else "indirect"
            content = Content(right[1][0], c_end, kind, "after")
    phrase_start = speaker.start if speaker is not None and speaker.start < start else start
    group_end = max(end, speaker.end) if speaker is not None and speaker.start > start else end
    return Attribution(entry, start, end, number, speaker, BEFORE if speaker else "", phrase_start,
                       group_end, content)


def _is_possessive(token: str, left: list) -> bool:
    low = token.lower()
    return (low in ("his", "her", "their", "its", "our", "my", "your")
            or (len(token) > 2 and low.endswith(("'s", "’s")))
            or (token in ("’", "'") and len(left) > 1 and left[-2][2].endswith("s") and left[-2][1] == left[-1][0]))


def _possessor(text: str, left: list, v: Vocabulary) -> Speaker | None:
    """The owner of "Trump's claim", "Sanders’ criticism", "his assertion" (without the "'s")."""
    last = left[-1]
    if last[2].lower() in v.pronouns or last[2].lower() in ("his", "their", "its", "our", "my", "your"):
        return Speaker(last[0], last[1], "pronoun", last[0], last[1])
    if last[2] in ("’", "'"):  # "Sanders’ criticism"
        left = left[:-1]
        if not left:
            return None
        tokens = left
    else:
        cut = last[1] - 2  # "Trump’s" without "’s"
        tokens = left[:-1] + [(last[0], cut, last[2][:-2])]
    first = noun_phrase_back(tokens, len(tokens) - 1, v)
    return make_speaker(text, tokens[first:], v) if first is not None else None


_FORM_FACTS: dict = {}


def _form_facts(form: str) -> tuple[str, str, str]:
    """``(inflection, lower-cased first word, lower-cased form)`` of a cue form (cached: forms repeat)."""
    facts = _FORM_FACTS.get(form)
    if facts is None:
        first_word = form.split(None, 1)[0].lower() if form.strip() else ""
        facts = (form_kind(form), first_word, form.lower())
        if len(_FORM_FACTS) < 20_000:
            _FORM_FACTS[form] = facts
    return facts


def _inside_anonymity_phrase(text: str, start: int, end: int, v: Vocabulary) -> bool:
    found = v.anonymous_phrase_re.search(text, max(0, start - 12), min(len(text), end + 40))
    return found is not None and found.start() <= start and end <= found.end()


class SentenceTokens:
    """Tokens around the cues of one article, each sentence tokenised once, on first use.

    Only the part of a sentence that some cue's windows reach is tokenised
    (from ``SHORT_WINDOW`` characters before its first cue to ``RIGHT_WINDOW``
    after its last; further back when a speaker phrase needs it), so a sentence with several cues is read once, not once
    per cue and window, and a long sentence with one cue costs no more than
    its windows. Cues take their windows by bisecting the token offsets.
    """

    def __init__(self, text: str, abbreviations: frozenset, regions: dict):
        self.text = text
        self.abbreviations = abbreviations
        self.regions = regions  # sentence span -> (lo, hi) to tokenise
        self.cache: dict = {}

    def of(self, sentence: tuple[int, int], reach: int = 0, ahead: int = 0) -> tuple[list, list]:
        """``(tokens, their start offsets)`` for the cues of the span ``sentence``.

        With ``reach``, the tokens go back at least to that offset (or the
        sentence start): the text between it and the tokens read so far is
        tokenised and put in front of them. With ``ahead``, they go on at
        least to that offset (or the sentence end): the region is read again
        up to it (rare: only a long name after a cue needs it).
        """
        found = self.cache.get(sentence)
        if found is None:
            lo, hi = self.regions.get(sentence, sentence)
            if reach:
                lo = max(sentence[0], min(lo, reach))
            if ahead:
                hi = min(sentence[1], max(hi, ahead))
            tokens, starts = self._read(sentence, lo, hi)
            found = self.cache[sentence] = (tokens, starts, lo, hi)
        else:
            if reach and found[2] > max(reach, sentence[0]):
                tokens, starts, lo, hi = found
                new_lo = max(sentence[0], reach)
                boundary = starts[0] if starts else hi
                before, before_starts = self._read(sentence, new_lo, boundary)
                found = self.cache[sentence] = (before + tokens, before_starts + starts, new_lo, hi)
            if ahead and found[3] < min(sentence[1], ahead):
                lo, hi = found[2], min(sentence[1], ahead)
                tokens, starts = self._read(sentence, lo, hi)
                found = self.cache[sentence] = (tokens, starts, lo, hi)
        return found[0], found[1]

    def _read(self, sentence: tuple[int, int], lo: int, hi: int) -> tuple[list, list]:
        tokens, starts = tokens_and_starts(self.text, lo, hi, self.abbreviations)
        text = self.text
        if tokens and hi < sentence[1] and tokens[-1][1] == hi and text[hi - 1].isalnum() and text[hi].isalnum():
            # The window cut its last word in two ("Marijuan|a"): drop the piece.
            tokens, starts = tokens[:-1], starts[:-1]
        if tokens and lo > sentence[0] and not _starts_word(text, lo):
            # The window cut a word in two ("Russia|'s"): drop its pieces.
            k = 0
            while k < len(starts) and not _starts_word(text, starts[k]):
                k += 1
            return tokens[k:], starts[k:]
        return tokens, starts


def _starts_word(text: str, offset: int) -> bool:
    """A word may start at ``offset``: after a space, a bracket, a dash, or an opening quotation mark
    that itself follows a space (the ' of "Russia's" is no opening mark)."""
    char = text[offset - 1] if offset > 0 else " "
    if char in OPENING_QUOTES:
        return offset < 2 or text[offset - 2].isspace() or text[offset - 2] in "([{—–"
    return char.isspace() or char in "([{—–/"



def _left_tokens(tokens: list, starts: list, s_start: int, start: int, width: int) -> tuple[list, bool]:
    """Tokens of the sentence before ``start``, at most ``width`` characters back; and whether cut short."""
    lo = start - width if start - width > s_start else s_start
    j = bisect.bisect_left(starts, start)
    while j > 0 and tokens[j - 1][1] > start:
        j -= 1  # a token running into the cue
    left = tokens[bisect.bisect_left(starts, lo):j]
    return left, lo > s_start and bool(left)


def _that_after(right: list, offset: int) -> bool:
    """A "that" or an infinitive's "to" opens the words right after ``offset`` (the end of a
    passive's agent): "told by a source that …", "told by aides to stay home"."""
    k = bisect.bisect_left(right, offset, key=_TOKEN_START)
    return k < len(right) and right[k][2].lower() in ("that", "to")


# Auxiliaries and adverbs before the be-form of a passive ("had been", "will not be").
_PASSIVE_AUXILIARIES = frozenset({"had", "has", "have", "having", "will", "would", "could", "should", "may", "might",
                                  "must", "can", "not", "never", "also", "already", "still", "just", "since", "twice",
                                  "once", "often", "ever"})


def _passive_subject(text: str, left: list, floor: int, v: Vocabulary) -> Content | None:
    """The clause before the be-form of a passive cue."""
    for k in range(len(left) - 1, -1, -1):
        if is_be_form(left[k][2]):
            while k > 0 and (left[k - 1][2].lower() in _PASSIVE_AUXILIARIES
                             or (left[k - 1][2].islower() and is_ly_adverb(left[k - 1][2], v))):
                k -= 1  # "The senators had been lauded", "had twice been rejected": the subject alone
            end = left[k][0]
            while end > floor and text[end - 1].isspace():
                end -= 1
            start = floor
            while start < end and text[start].isspace():
                start += 1
            return Content(start, end, "indirect", "before") if start < end else None
    return None


def _according_to_speaker(text: str, left: list, right: list, v: Vocabulary) -> tuple[Speaker | None, str]:
    """The phrase after "according to": "Col. Sean Ryan", "semiofficial Iranian media".

    A name in apposition is the speaker ("…, according to his lawyer, George
    Mesires"). Where the phrase opens the sentence, a name after its comma may
    instead be the statement's subject ("According to law enforcement, Bryson,
    68, struck two cars"; "…, Firtash and his companies were"): there the name
    is taken only when a second comma closes it and a clause follows
    ("According to one longtime North Korea watcher, Martyn Williams, Pyongyang
    has developed").
    """
    last = noun_phrase_forward(right, 0, v)
    speaker = make_speaker(text, right[:last + 1], v) if last is not None else None
    if speaker is None:
        return None, ""
    named = appositive_name(text, right, speaker, v)
    if named is not speaker and not any(is_word(tok[2]) and tok[2].lower() not in COORDINATORS for tok in left):
        k = next((i for i, tok in enumerate(right) if tok[0] >= named.end), len(right))
        following = right[k + 1][2] if k + 1 < len(right) and right[k][2] == "," else ""
        if not is_word(following) or following[:1].isdigit() or following.lower() in v.relatives \
                or following.lower() in v.determiners or following.lower() in COORDINATORS:
            named = speaker
    return named, ACCORDING


def _cut_contents_at_later_cues(text: str, found: list[Attribution], quotes: QuoteIndex) -> list[Attribution]:
    """A clause reported after one cue ends where a later cue's group begins in the same sentence.

    "they believe he hides …, the sources say." — the content of "believe"
    stops before ", the sources say", as it does before the tag after a
    quotation ("called the deal “a disaster,” the aide said"); "called X an “inflection point” …, but
    warned that …" — the content of "called" stops before "but warned".
    """
    result = list(found)
    for k, att in enumerate(result):
        content = att.content
        if content is None or content.side != "after":
            continue
        for j in range(k + 1, len(result)):
            later = result[j]
            if later.sentence != att.sentence:
                break
            closes = later.content is not None and later.content.side in ("before", "quote_before")
            if (closes or later.how == SHARED) and content.start < later.phrase_start < content.end:
                end = _strip_coordinator(text, content.start, later.phrase_start)
                if end > content.start:
                    result[k] = att._replace(content=_cut_content(content, end, quotes))
                break
    return result


# A non-restrictive relative clause before the cue: "Zuckerberg, who initially dismissed".
_RELATIVE_BEFORE = re.compile(r",\s+(?:who|which)\b[^,.;:!?]{0,60}$")
# A comma and a finite verb: where the main clause goes on after the relative clause.
_MAIN_VERB_AFTER_COMMA = re.compile(
    r",\s+(?:was|is|were|are|has|have|had|will|would|can|could|did|does|do|may|might|must|should|"
    r"remains|remained)\b")


def _cut_relative_clause_contents(text: str, found: list[Attribution], quotes: QuoteIndex) -> list[Attribution]:
    """A cue in a relative clause between commas reports up to the comma that closes the clause.

    "Zuckerberg, who initially dismissed the idea that misinformation played a
    role, said: …" — the content of "dismissed" ends before ", said" (a later
    cue) or before a comma and a finite verb ("Trump, who often criticizes the
    investigation, has not ruled out …").
    """
    result = list(found)
    cue_starts = {att.start for att in found}
    for k, att in enumerate(result):
        content = att.content
        if content is None or content.side != "after" or \
                _RELATIVE_BEFORE.search(text, max(0, att.start - 80), att.start) is None:
            continue
        comma = text.find(",", content.start, content.end)
        while comma >= 0:
            after = strip_start(text, comma + 1, content.end)
            if after in cue_starts or _MAIN_VERB_AFTER_COMMA.match(text, comma, content.end):
                end = _strip_coordinator(text, content.start, comma)
                if end > content.start:
                    result[k] = att._replace(content=_cut_content(content, end, quotes))
                break
            comma = text.find(",", comma + 1, content.end)
    return result


def _cut_content(content: Content, end: int, quotes: QuoteIndex) -> Content:
    """``content`` ending at ``end``; a mixed content left without its quotation is indirect."""
    if content.quote_type == MIXED and not quotes.inside(content.start, end):
        return content._replace(end=end, quote_type=INDIRECT)
    return content._replace(end=end)


def _drop_nested_states(found: list[Attribution], v: Vocabulary) -> list[Attribution]:
    """Without state-of-mind cues that lie in the content of another cue of their sentence.

    "Clinton said she wants to …": "wants" is part of what Clinton said
    (``state_classes`` in ``framing/rules/attribution.yaml``).
    """
    if not any(att.entry.category in v.state_classes for att in found):
        return found
    kept = []
    n = len(found)
    for k, att in enumerate(found):
        if att.entry.category in v.state_classes and _inside_other_content(found, k, n, v):
            continue
        kept.append(att)
    return kept


def _inside_cue_gap(att: Attribution, previous: Attribution) -> bool:
    """``att`` lies between the previous cue and its content, and reports (much) the same content.

    "said in a statement that …", "told reporters in a written statement
    that …": the noun names the occasion of the attribution "said" already
    counts; it is no second one.
    """
    content, other = att.content, previous.content
    # the spans may differ by a quotation mark: "said in a statement that “…”"
    return (content is not None and other is not None and previous.sentence == att.sentence
            and previous.end <= att.start and att.end <= other.start
            and content.start < other.end and other.start < content.end)


def _runs_over_cue(text: str, speaker: Speaker, previous: Attribution, number: int) -> bool:
    """The speaker phrase runs over the previous cue and its own speaker: "Greene claimed Farenthold".

    Not over a cue word in a name ("Alliance Defending Freedom") or a participle
    with its agent ("officials cited by the Washington Post say").
    """
    other = previous.speaker
    return (previous.sentence == number and previous.how == BEFORE and other is not None
            and speaker.phrase_start <= other.start and other.end <= previous.start
            and previous.end <= speaker.end and text[previous.start:previous.end].islower()
            and not text.startswith(" by ", previous.end))


# Cue classes whose verbs take a noun phrase, not a clause, as object ("opposes Trump", "criticized
# the plan", "rejects the claim"): after them a noun phrase is no subject of a following verb.
_NOUN_OBJECT_CLASSES = frozenset({"attack", "position", "praise", "denial", "labelling"})


def _clause_closes_before(text: str, left: list, speaker: Speaker, previous: Attribution, v: Vocabulary) -> bool:
    """The previous cue stands in a clause between ``speaker`` and this cue that ends before it: a
    relative clause ("organizations that have endorsed him say") or a clause closed by a comma
    ("The paper, citing current officials, said"); not an infinitive ("sought to highlight")."""
    if left[-1][2] == ",":
        return True
    before = text[speaker.end:previous.start].strip(" ,").lower().split()
    if not before or before[0] not in ("that", "which", "who"):
        return False
    # Words of the relative clause after its cue, other than auxiliaries and "to": its object
    # ("that have endorsed him say"); none in "who vowed to label", where this cue is in it.
    after = [tok[2].lower() for tok in left if previous.end <= tok[0]]
    return any(word not in v.gap and word != "to" for word in after)


def _end_before_gap(left: list, v: Vocabulary) -> int:
    """End of the last token before the cue that is no comma, auxiliary or adverb of the gap."""
    j = len(left) - 1
    while j > 0 and (left[j][2] == "," or left[j][2].lower() in v.gap):
        j -= 1
    return left[j][1]


def _opens_with_cue(text: str, speaker: Speaker, previous: Attribution, number: int) -> bool:
    """The speaker phrase, read back over lower-case words, opens with the previous cue of the
    sentence: "opposes Trump" in "A super PAC that opposes Trump posted"."""
    return (previous.sentence == number and speaker.phrase_start == previous.start and previous.how == BEFORE
            and previous.speaker is not None and speaker.end > previous.end
            and text[previous.start:previous.end].islower())


def _relative_with_noun_object(text: str, previous: Attribution) -> bool:
    """The previous cue is the verb of a relative clause about its speaker and takes a noun phrase
    as object ("that opposes Trump"), so the phrase after it is no subject of the next verb (not
    "that found 59 percent of respondents said")."""
    between = text[previous.speaker.end:previous.start].strip(" ,").lower()
    return between in ("that", "which", "who") and previous.entry.category in _NOUN_OBJECT_CLASSES


def _content_cut(text: str, att: Attribution, end: int, quotes: QuoteIndex) -> Attribution:
    """``att`` with its content ending at ``end`` (whitespace and commas before it left out; see
    :func:`_cut_content`), or none when nothing is left."""
    content = att.content
    if content is None or not content.start < end < content.end:
        return att
    cut = end
    while cut > content.start and text[cut - 1] in " ,":
        cut -= 1
    if cut <= content.start:
        return att._replace(content=None)
    return att._replace(content=_cut_content(content, cut, quotes))


def _after_cue(text: str, left: list, speaker: Speaker, cue_end: int, v: Vocabulary) -> Speaker | None:
    """The part of a speaker phrase after another cue that the phrase ran over, or None."""
    words = [tok for tok in left if cue_end <= tok[0] and tok[1] <= speaker.end]
    return make_speaker(text, words, v) if words else None


def _nested_in_previous(text: str, previous: Attribution, number: int, start: int, end: int) -> bool:
    """Cue ``start:end`` lies in the reported clause after the previous cue of its sentence.

    Checked before the cue is analysed, so a nested state-of-mind cue costs
    nothing. Not when a coordinator or comma stands right before it ("said A,
    and wants B"): that cue may start a clause of its own.
    """
    content = previous.content
    if previous.sentence != number or content is None or content.side != "after" \
            or not (content.start <= start and end <= content.end):
        return False
    before = text[max(content.start, start - 6):start].rstrip().lower()
    return not (before.endswith((",", " and", " but", " or", ";", "—", "–")) or before in ("and", "but", "or"))


def _inside_other_content(found: list[Attribution], k: int, n: int, v: Vocabulary) -> bool:
    """Whether cue ``k`` lies in the content of another cue of its sentence (``found`` in text order)."""
    att = found[k]
    for step in (-1, 1):
        j = k + step
        while 0 <= j < n and found[j].sentence == att.sentence:
            other = found[j]
            content = other.content
            if content is not None and other.entry.label not in v.adverb_cues \
                    and content.start <= att.start and att.end <= content.end \
                    and not (other.start <= att.start < other.end):
                return True
            j += step
    return False


_COORDINATED_TIME = re.compile(
    r",?\s+(?:and|but)\s+(?:(?:on|last|this|next|earlier|later)\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|yesterday|today|tonight|"
    r"later|earlier|then)\s*$", re.IGNORECASE)


def _strip_coordinator(text: str, floor: int, end: int) -> int:
    """``end`` moved back over spaces, commas, dashes and one "and"/"but" before it (with a time
    adverbial after it: "…, and on Monday expressed")."""
    timed = _COORDINATED_TIME.search(text, max(floor, end - 40), end)
    if timed is not None:
        end = timed.start()
    while end > floor and (text[end - 1].isspace() or text[end - 1] in ",—–"):
        end -= 1
    for word in ("and", "but", "or"):
        if text[max(floor, end - len(word) - 1):end].lower() == " " + word:
            end -= len(word)
            while end > floor and (text[end - 1].isspace() or text[end - 1] in ",—–"):
                end -= 1
            break
    return end


def _carried_quotes(doc: Doc, found: list[Attribution], quotes: QuoteIndex,
                    sentence_starts: list[int]) -> list[tuple[int, int]]:
    """Content spans of quotations that continue an attributed quotation (module docstring)."""
    if not quotes.rows or not found:
        return []
    text = doc.text
    attributed = [(a.content.start, a.content.end) for a in found if a.content is not None]
    cue_sentences = {a.sentence for a in found}
    speech = [a for a in found if a.content is not None and a.content.quote_type in ("direct", "mixed")]

    def sentence_of(offset: int) -> int:
        return bisect.bisect_right(sentence_starts, offset) - 1

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
        s_start = sentence_starts[number]
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
    if content is not None:
        quote_type, c_start, c_end = content.quote_type, content.start, content.end
    else:
        quote_type = "according_to" if entry.label in ("according to", "in the words of") else None
        c_start = c_end = None
    if speaker is not None:
        rows.add(doc_number, "attribution", entry.category, entry.label, att.start, att.end,
                 lexicon=entry.lexicon, speaker=doc.text[speaker.start:speaker.end],
                 speaker_start=speaker.start, speaker_end=speaker.end, speaker_type=speaker.kind,
                 quote_type=quote_type, content_start=c_start, content_end=c_end)
    else:
        rows.add(doc_number, "attribution", entry.category, entry.label, att.start, att.end,
                 lexicon=entry.lexicon, speaker_type=UNKNOWN, quote_type=quote_type,
                 content_start=c_start, content_end=c_end)
