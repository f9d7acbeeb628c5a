"""Colons as attribution cues.

News introduces speech with a colon in two ways, and attribution corpora
(PARC, PolNeAR) count the colon itself as the cue when no verb does the job:

* **a colon before a quotation**, after a clause with no reporting verb of
  its own: ``Mr. Christie gloated: “I told you …”``, ``Sarah Silverman heckles
  Sanders supporters: ‘You're being ridiculous.’``, a headline ``Kasich: ‘We
  Are Going To Go All The Way’``. The speaker is the name right before the
  colon when the clause is just a name, else the clause's subject (its
  opening noun phrase); the content is the quotation. When a reporting verb
  stands before the colon in the same sentence (``Trump said: “…”``) that
  verb is the cue and the colon is not;
* **a speaker label** opening a line: ``TAPPER: Do you think …`` in a
  transcript, ``Q:`` / ``A:`` in an interview, a headline ``Paul Ryan: FBI
  Decision Not to Indict Hillary ‘Defies Explanation’``. The label is a short
  name-like phrase (capitalised words, titles, a party-and-state tag such as
  ``(R-S.C.)``), not one of the section labels of ``colon_label_stops``
  (``Editor's note:``, ``UPDATE:``, ``The Latest:``), and the rest of the line
  is text, not a number (``Clinton: 2,316.`` is a tally). The speaker is the
  label; the content is the rest of the line.

A colon inside a quotation, in a time (``10:30``) or a web address is never a
cue. Colon cues get the class named by ``colon_cue_class`` in
``framing/rules/attribution.yaml`` and the label ``":"``.
"""

from __future__ import annotations

import bisect
import re

from framing.features.attribution.content import DIRECT, INDIRECT, Content, QuoteIndex, strip_end, strip_start
from framing.features.attribution.phrases import noun_phrase_back
from framing.features.attribution.speaker_types import NAMED, ORGANIZATION, Speaker, make_speaker
from framing.features.attribution.tokens import OPENING_QUOTES, is_word, tokenize
from framing.features.attribution.wordlists import Vocabulary
from framing.lexicon import Entry

COLON = ":"
# A speaker label is at most this many characters and tokens.
_MAX_LABEL_CHARS = 60
_MAX_LABEL_TOKENS = 8
# Lower-case words a label may hold: particles, prepositions and head nouns
# ("Former secretary of state Hillary Rodham Clinton").
_MAX_LABEL_LOWER = 3
# Characters between a colon and the quotation it introduces (spaces, one line break).
_MAX_GAP = 6

# Lower-case name particles ("Abu Bakr al-Baghdadi", "Ursula von der Leyen").
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "da", "del", "della", "der", "van", "von",
                        "la", "le", "du", "and", "&"})

_LETTERS = re.compile(r"[^\W\d_]")

_entry_cache: dict = {}


def colon_entry(entries: list[Entry], v: Vocabulary) -> Entry | None:
    """The synthetic lexicon entry of colon cues for a run's entries (None: colons are no cues).

    Its lexicon and class are those of the run's attribution lexicon that has
    the ``colon_cue_class`` category, so colon rows count with that lexicon.
    """
    key = (id(entries), len(entries))
    if key in _entry_cache:
        return _entry_cache[key][1]
    found = None
    for entry in entries:
        if entry.feature == "attribution" and entry.category in v.colon_class:
            found = Entry(lexicon=entry.lexicon, feature="attribution", category=entry.category,
                          label=COLON, forms=(COLON,))
            break
    if len(_entry_cache) > 64:
        _entry_cache.clear()
    _entry_cache[key] = (entries, found)  # keep the list alive so its id is not reused
    return found


def colon_candidates(text: str) -> list[int]:
    """Offsets of colons that may be cues: not in a time, a number or a web address."""
    offsets = []
    k = text.find(COLON)
    n = len(text)
    while k >= 0:
        before = text[k - 1] if k > 0 else ""
        after = text[k + 1] if k + 1 < n else ""
        if not (before.isdigit() and after.isdigit()) and after != "/" and before not in (":", "/"):
            offsets.append(k)
        k = text.find(COLON, k + 1)
    return offsets


def analyse_colon(text: str, offset: int, sentence: tuple[int, int], quotes: QuoteIndex, v: Vocabulary,
                  cue_starts: list[int]) -> tuple[Speaker | None, Content | None] | None:
    """Speaker and content of the colon at ``offset``, or None when it is no cue.

    Parameters
    ----------
    text : str
        The article.
    offset : int
        The colon.
    sentence : (int, int)
        The colon's sentence span.
    quotes : QuoteIndex
        The article's quotations.
    v : Vocabulary
        Word lists.
    cue_starts : list of int
        Sorted start offsets of the reporting-verb cues accepted in the article.
    """
    line_start = text.rfind("\n", 0, offset) + 1
    if offset - line_start > _MAX_LABEL_CHARS and not _opens_quote_after(text, offset):
        return None  # neither a label nor a colon before a quotation: the common case, decided cheaply
    if quotes.enclosing(offset) is not None:
        return None
    s_start, s_end = sentence
    floor = max(s_start, line_start)
    k = bisect.bisect_left(cue_starts, floor)
    if k < len(cue_starts) and cue_starts[k] < offset:
        return None  # "Trump said: “…”": the verb is the cue
    quote = _quotation_after(text, offset, quotes)
    label = _label(text, line_start, offset, v) if offset - line_start <= _MAX_LABEL_CHARS else None
    if label is not None and _dateline(text, line_start, offset):
        return None  # "BEIRUT: Daesh militants, routed …" opens the story with its place
    if quote is not None:
        speaker = label or _speaker_before(text, floor, offset, v)
        return speaker, Content(quote[2], quote[3], DIRECT, "quote_after")
    if label is None:
        return None
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end < 0 else line_end
    start = offset + 1
    while start < line_end and text[start].isspace():
        start += 1
    end = strip_end(text, start, line_end)
    rest = text[start:end]
    letters = len(_LETTERS.findall(rest))
    if letters < 3 or letters * 2 < len(rest.replace(" ", "")):
        return None  # "Clinton: 2,316." is a tally
    return label, Content(start, end, INDIRECT, "after")


def _opens_quote_after(text: str, offset: int) -> bool:
    k = strip_start(text, offset + 1, min(len(text), offset + 1 + _MAX_GAP))
    return k < len(text) and text[k] in OPENING_QUOTES


def _quotation_after(text: str, offset: int, quotes: QuoteIndex):
    """The quotation row that opens right after the colon (spaces and one line break between)."""
    k = strip_start(text, offset + 1, min(len(text), offset + 1 + _MAX_GAP))
    if k < len(text) and text[k] in OPENING_QUOTES:
        row = quotes.by_start.get(k)
        if row is not None:
            return quotes.rows[row]
    return None


def _label(text: str, line_start: int, offset: int, v: Vocabulary) -> Speaker | None:
    """The speaker label that opens the line before the colon, if the text there is one."""
    tokens = tokenize(text, line_start, offset, v.abbreviations)
    if not tokens or len(tokens) > _MAX_LABEL_TOKENS:
        return None
    words = [t[2] for t in tokens]
    phrase = " ".join(words).lower()
    if phrase in v.colon_label_stops or words[0].lower() in v.colon_label_stops:
        return None
    if not words[0][:1].isupper():
        return None
    depth = 0
    lower = 0
    for word in words:
        if word == "(":
            depth += 1
        elif word == ")":
            depth -= 1
        elif depth:
            continue
        elif not is_word(word) and word not in (".", "-", "’", "'", "&"):
            return None
        elif word[:1].islower():
            low = word.lower()
            if not (low in v.links or low in v.determiners or low in _PARTICLES or low in v.heads):
                return None  # a clause, not a label: "Sarah Silverman heckles Sanders supporters:"
            lower += 1
        elif any(ch.isdigit() for ch in word):
            return None  # a district or item code ("PA-07:", "GA-02:"), no name
    if lower > _MAX_LABEL_LOWER or depth != 0:
        return None
    last = len(tokens) - 1
    while last >= 0 and not is_word(tokens[last][2]):
        last -= 1  # a party-and-state tag "(R-S.C.)" is not part of the name
    if last < 0 or not tokens[last][2][:1].isupper():
        return None
    speaker = make_speaker(text, tokens[:last + 1], v)
    if speaker is not None and speaker.kind == ORGANIZATION and _transcript_name(words[:last + 1], v):
        speaker = speaker._replace(kind=NAMED)  # "TAPPER:", "KEN BODDIE:" in a transcript
    return speaker


_DATELINE_REACH = 300  # a dateline opens the story: within its first lines


def _dateline(text: str, line_start: int, offset: int) -> bool:
    """An upper-case place before the colon that opens the story's first paragraph ("BEIRUT:"), used once.

    A transcript's upper-case speaker labels ("TAPPER:") recur; a dateline does
    not, and it opens a story of several paragraphs (a single line "TAPPER: …"
    is a quoted turn).
    """
    if line_start > _DATELINE_REACH or ":" in text[:line_start] or "\n\n" in text[:line_start] \
            or "\n" not in text[offset:]:
        return False  # only the first paragraph of a story opens with one
    label = text[line_start:offset]
    letters = [ch for ch in label if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and text.count(label.strip() + ":") == 1


def _transcript_name(words: list[str], v: Vocabulary) -> bool:
    """An upper-case label that is a person's name, as transcripts write speakers ("TAPPER", "MITT ROMNEY").

    Not an acronym (four letters or fewer alone: "NPR", "PRES") and not a
    word of the organisation, role, people or document lists ("UNIDENTIFIED GROUP").
    """
    names = [w for w in words if is_word(w)]
    if not names or not all(w.isupper() for w in names):
        return False
    if names[-1].lower().rstrip(".") in v.heads:
        return False
    return len(names) >= 2 or len(names[0]) >= 5


def _speaker_before(text: str, floor: int, offset: int, v: Vocabulary) -> Speaker | None:
    """The subject of the clause before the colon: its opening noun phrase."""
    from framing.features.attribution.speakers import opening_subject

    left = tokenize(text, floor, offset, v.abbreviations)
    if not left:
        return None
    j = len(left) - 1
    last = left[j][2]
    if is_word(last) and (last[:1].isupper() or last.lower() in v.heads):
        first = noun_phrase_back(left, j, v)
        if first == 0:
            return make_speaker(text, left, v)  # the clause is just a name: "Darrell Scott: ‘…’"
    return opening_subject(text, left, floor, v)
