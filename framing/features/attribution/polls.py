"""Polls as sources: "Trump leads in a new Fox News poll".

News attributes findings to polls and surveys with a preposition rather than
a verb: "Sanders has led Clinton in just about every statewide poll", "In a
September Washington Post-ABC News poll, 75 percent said …". The poll is the
source of the finding, as it is in "the poll found" or "according to the
poll"; PolNeAR (Newell et al. 2018) annotates "in" as the cue.

A poll cue is "in" followed by a noun phrase of two to eight words whose
head is one of ``poll_heads`` (``framing/rules/attribution.yaml``), and not
after a word of ``poll_before_vetoes`` ("no interest in polls"). The
speaker is that noun phrase (type ``document``); the content is the rest of
the sentence: the clause after the phrase when it opens the sentence, else
the clause before it. "polling station", "poll workers" and the like
(``poll_head_vetoes``) name no finding.
"""

from __future__ import annotations

import re
from functools import lru_cache

from framing.features.attribution.content import Content, strip_end
from framing.features.attribution.speaker_types import DOCUMENT, Speaker
from framing.features.attribution.wordlists import Vocabulary
from framing.lexicon import Entry

POLL_LABEL = "in a poll"


@lru_cache(maxsize=8)
def _pattern(heads: frozenset, vetoes: frozenset) -> re.Pattern:
    head = "|".join(sorted(map(re.escape, heads), key=len, reverse=True))
    veto = "|".join(sorted(map(re.escape, vetoes), key=len, reverse=True)) or "(?!)"
    # "in", then up to seven words (not another "in": the nearest one is the cue) and a poll
    # head, not "polling station".
    return re.compile(
        rf"\b([Ii]n)\s+((?:(?![Ii]n\s)[\w.&'’/%-]+\s+){{0,7}}?(?i:{head}))\b(?![\w-])(?!\s+(?i:{veto})\b)")


def poll_entry(colon_entry: Entry | None) -> Entry | None:
    """The synthetic entry of poll cues: the lexicon and class of the colon cues (None: no poll cues)."""
    if colon_entry is None:
        return None
    return Entry(lexicon=colon_entry.lexicon, feature="attribution", category=colon_entry.category,
                 label=POLL_LABEL, forms=(POLL_LABEL,))


def poll_cues(text: str, sentence: tuple[int, int], v: Vocabulary) -> list[tuple[int, int, Speaker, Content | None]]:
    """``(cue start, cue end, speaker, content)`` of each poll cue in one sentence.

    Examples
    --------
    >>> from framing.features.attribution.wordlists import vocabulary
    >>> t = "Trump leads in a new Fox News poll released Thursday."
    >>> [(t[a:b], t[s.start:s.end], t[c.start:c.end]) for a, b, s, c in poll_cues(t, (0, len(t)), vocabulary())]
    [('in', 'a new Fox News poll', 'Trump leads')]
    """
    s_start, s_end = sentence
    found = []
    for match in _pattern(v.poll_heads, v.poll_vetoes).finditer(text, s_start, s_end):
        phrase = match.group(2)
        words = phrase.lower().split()
        if len(words) < 2 or _word_before(text, match.start(1)) in v.poll_before_vetoes:
            continue  # "no interest in polls": a bare head, or an attitude to polls
        following = _NEXT_WORD.match(text, match.end(2), s_end)
        after = following.group(1) if following else ""
        if any(word in _CLAUSE_WORDS for word in words) or (after.islower() and after not in _AFTER_HEAD):
            continue  # "voters in six states going to the polls", "in Iowa poll overhype"
        if any(mark in phrase for mark in ".,;:!?") and not _only_abbreviation_periods(phrase):
            continue
        speaker = Speaker(match.start(2), match.end(2), DOCUMENT, match.start(2), match.end(2))
        found.append((match.start(1), match.end(1), speaker, _content(text, s_start, s_end, match, after)))
    return found


# Words that cannot stand inside a poll's noun phrase: it is a clause or a longer phrase.
_CLAUSE_WORDS = frozenset({"to", "of", "where", "who", "which", "that", "going", "head", "heads", "go", "goes",
                           "went", "for", "from", "with", "by", "on", "at", "before", "after", "since", "during",
                           "and", "or", "is", "was", "are", "were"})
# Lower-case words that may follow the head: the poll's description, not a compound ("poll overhype").
# Punctuation or a capitalised word may follow it too.
_AFTER_HEAD = frozenset({"released", "conducted", "published", "taken", "of", "by", "from", "that", "which",
                         "showed", "shows", "found", "finds", "for", "in", "on", "this", "last", "earlier",
                         "out", "and", "but", "he", "she", "they", "it", "we", "commissioned", "sponsored",
                         "late", "early", "has", "had", "also", "was", "is", "a", "an", "the",
                         "said", "says", "say", "show", "suggests", "suggested", "indicates", "indicated"})


_SAYING = frozenset({"said", "says", "say"})
_MODIFIER_REACH = 60  # characters after an opening poll phrase that may hold its modifier ("released Sunday,")


_NEXT_WORD = re.compile(r"[ \t]+(\w+)")


def _word_before(text: str, offset: int) -> str:
    """The lower-cased word right before ``offset`` ("" at a punctuation mark or the start)."""
    found = _LAST_WORD.search(text, max(0, offset - 40), offset)
    return found.group(1).lower() if found else ""


_LAST_WORD = re.compile(r"(\w+)\s*$")


def _only_abbreviation_periods(phrase: str) -> bool:
    """Periods only inside abbreviations ("U.S.", "Ph.D."), never a comma or a sentence end."""
    return not any(mark in phrase for mark in ",;:!?") and all(
        len(word.rstrip(".")) <= 3 or "." in word.rstrip(".") for word in phrase.split() if word.endswith("."))


def _content(text: str, s_start: int, s_end: int, match: re.Match, after: str) -> Content | None:
    """The clause the poll reports: after the phrase when it opens the sentence, else before it.

    ``after`` is the word right after the poll phrase ("" if none).
    """
    opening = text[s_start:match.start(1)].strip(" \t\n\"'“‘")
    if after in _SAYING:
        # "20 percent of people in a recent poll said …": the poll phrase is inside the subject.
        start = s_start
        while start < s_end and text[start].isspace():
            start += 1
        end = strip_end(text, start, s_end)
        return Content(start, end, "indirect", "sentence") if start < end else None
    if not opening:
        start = match.end(2)
        comma = text.find(",", start, min(s_end, start + _MODIFIER_REACH))
        if after.islower() and after in _AFTER_HEAD and comma > 0 \
                and not any(mark in text[start:comma] for mark in "\"“”.;:"):
            start = comma  # "In a poll released Sunday, Clinton led": the clause starts after the comma
        while start < s_end and (text[start].isspace() or text[start] == ","):
            start += 1
        end = strip_end(text, start, s_end)
        return Content(start, end, "indirect", "after") if start < end else None
    start = s_start
    while start < match.start(1) and text[start].isspace():
        start += 1
    end = strip_end(text, start, match.start(1))
    return Content(start, end, "indirect", "before") if start < end else None
