"""What is reported: the content span of a cue and its quote type.

Decided in this order, inside the cue's sentence (quotations may run beyond it):

1. **Quotation before** the speaker phrase (or before an inverted cue), with
   at most a comma between: ``“…,” Dunford said`` / ``"…," said Haid Haid``
   → ``direct``, content = the quotation without its marks. When words of
   the sentence run into the quotation ("Democrats have “no faith in you,”
   he said") → ``mixed``, content = the clause up to the closing mark. A
   quoted title or nickname there is no one's words ('Rep. William "Mac"
   Thornberry said').
2. **Quotation right after** the cue group (cue, inverted speaker, listener of
   "told", then "," ":" or "that"): ``he said: “…”`` → ``direct`` when the
   quotation runs to the end of the sentence; when the clause goes on after
   it, ``mixed`` with the clause as content.
3. **Content before**: the speaker phrase follows a comma and nothing but a
   time or occasion adverbial follows the cue group ("…, the sources say.",
   "…, Lt-Gen. Paul Funk, told the AP last week.") → content = the sentence
   up to that comma.
4. **Parenthetical**: the cue group sits between commas inside the sentence
   ("The bigger concern, the officials said, lies in …") → content = the
   whole sentence (the reported clause surrounds the cue).
5. **Content after**: the rest of the sentence after the cue group, without
   a leading "that" ("X said (that) …", "X warned that …", "X told Y …"),
   and without an adverbial of occasion before that "that" ("said in a
   statement that …", "told reporters at a briefing on Monday that …").

A quotation before the speaker phrase (rule 1) is not the content when it
closes a clause that other words open and the cue has a clause, object or
infinitive of its own ("Calling the request “repugnant,” Frosh said that …").

``according to`` takes the clause before it (after a comma) or after its
speaker phrase ("According to X, …"); its quote type is ``according_to``.
An indirect content that holds a quotation is ``mixed`` ("said Daesh “will
become an underground terrorist organization.”").
"""

from __future__ import annotations

import bisect
import operator
import re
from typing import NamedTuple

import numpy as np

from framing.features.attribution.phrases import is_ly_adverb, noun_phrase_forward
from framing.features.attribution.tokens import (CLOSING_QUOTES, DASHES, OPENING_QUOTES, SUBJECT_PRONOUNS,
                                                 before_apostrophe, clause_comma, is_word, possessive_apostrophe)
from framing.features.attribution.wordlists import Vocabulary
from framing.features.quotes import MENTION, TITLE, context_kind

DIRECT, INDIRECT, ACCORDING_TO, MIXED = "direct", "indirect", "according_to", "mixed"
QUOTE_TYPES = (DIRECT, INDIRECT, ACCORDING_TO, MIXED)

_FINAL_PUNCT = ".!?;:,…"
_END = operator.itemgetter(1)
_ACRONYM_END = re.compile(r"(?:[^\W\d_]\.){2,}$")
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit: the first one is found in C, however long the span
_SKIP_AFTER_CUE = frozenset({",", ":", "that", "—", "–", "-"})


class Content(NamedTuple):
    """A content span, its quote type, and where it lies relative to the cue."""

    start: int
    end: int
    quote_type: str
    # "quote_before", "quote_after", "before", "sentence", "after", or "modified": the noun a
    # participle cue modifies ("comments reported by The Hill"), which closes no clause before it
    side: str


class QuoteIndex:
    """Look-ups into an article's quotations (rows of ``Doc.quotes``)."""

    def __init__(self, quotes: np.ndarray, closed=None, words=None):
        self.rows = [tuple(row) for row in np.asarray(quotes)[:, :4].tolist()] if len(quotes) else []
        self.by_end = {row[1]: i for i, row in enumerate(self.rows)}
        self.by_start = {row[0]: i for i, row in enumerate(self.rows)}
        self.starts = [row[0] for row in self.rows]
        self._closed = closed
        self._words = words

    def names_something(self, text: str, k: int) -> bool:
        """Quotation ``k`` is a title, a nickname or a word talked about, by its own words and context.

        "CNN’s “Crossfire” co-host Van Jones said", 'Rep. William "Mac"
        Thornberry said': no one's words. Needs the ``closed`` and ``words``
        arrays of the article's quotations; without them nothing is known.
        """
        if self._closed is None:
            return False
        kind = context_kind(text, self.rows[k], bool(self._closed[k]), int(self._words[k]))
        return kind in (TITLE, MENTION)

    def enclosing(self, offset: int) -> tuple[int, int] | None:
        """Content span of the quotation holding ``offset``, if any."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if k >= 0 and self.rows[k][2] <= offset < self.rows[k][3]:
            return self.rows[k][2], self.rows[k][3]
        return None

    def inside(self, start: int, end: int) -> bool:
        """Whether a quotation starts inside ``[start, end)``."""
        k = bisect.bisect_left(self.starts, start)
        return k < len(self.starts) and self.starts[k] < end


def find_content(text: str, label: str, cue: tuple[int, int], group_end: int, phrase_start: int,
                 right: list, sentence: tuple[int, int], quotes: QuoteIndex, v: Vocabulary,
                 *, listener: bool, complete: bool = True) -> Content | None:
    """The content of one cue.

    Parameters
    ----------
    text : str
        The article.
    label : str
        The cue lemma.
    cue : (int, int)
        The cue span.
    group_end : int
        End of the cue group: the cue, or an inverted speaker after it.
    phrase_start : int
        Start of the speaker phrase before the cue (the cue's start when the
        speaker follows it or is absent).
    right : list of (start, end, str)
        Tokens of the sentence after the cue.
    sentence : (int, int)
        The cue's sentence span.
    quotes : QuoteIndex
        The article's quotations.
    v : Vocabulary
        Word lists.
    listener : bool
        The cue may take a listener object ("told reporters").
    complete : bool
        ``right`` reaches the end of the sentence (else it is a window that
        stops inside it).

    Returns
    -------
    Content or None
    """
    s_start, s_end = sentence
    inside = quotes.enclosing(cue[0])
    if inside is not None:
        # A cue inside a quotation reports within the quoted speech: its content
        # stays inside the quotation ("nothing to defend now,” Jalal said").
        s_start, s_end = max(s_start, inside[0]), min(s_end, inside[1])
        sentence = (s_start, s_end)
        right = right[:bisect.bisect_right(right, s_end, key=_END)]  # tokens are in order, not overlapping
    if label in ("according to", "in the words of"):
        return _according_to(text, cue, group_end, sentence, right, quotes)
    # The tokens after the cue start after it: only an inverted speaker moves the group's end.
    k = 0 if not right or right[0][0] >= group_end else _first_index_after(right, group_end)
    k_cue = k
    object_only = False
    if listener:
        if label in v.tag_addressee_cues and k < len(right) \
                and _object_ends_tag(text, right, k, phrase_start, s_start, v):
            k = len(right) - 1  # "Vote early, Obama urged a mostly black crowd of 13,500."
        else:
            k = _skip_listener(text, right, k, v, addressed=label in v.addressee_cues,
                               clause_first=label not in _LISTENER_FIRST)
            if k_cue < k < len(right) and right[k][2].lower() in ("and", "or", "but"):
                # "praising the allies and admonishing its foes": the object was all there was
                k = len(right)
                object_only = True
    elif k < len(right) and right[k][2].lower() == "to":
        k = _skip_to_listener(right, k, v)  # "confirmed to Fox News that …"
    before = _quote_ending_at(text, phrase_start, quotes)
    if before is not None and quotes.names_something(text, before):
        before = None
    # A quotation that closed the previous sentence is this cue's content only
    # when nothing but an adverbial follows the cue ("“We will win.” Obama said
    # on Tuesday."), not when the cue has a clause of its own ("“…” He added
    # that the vote was rigged.").
    # Nor is a quotation that closes a clause other words open, when the cue has a
    # clause of its own ("Calling the request “repugnant,” Frosh said that …").
    # Cheapest tests first: most quotations open their sentence.
    k_content = _skip_complementizer(right, k, v)
    if before is not None:
        row = quotes.rows[before]
        if (row[1] > s_start and not (_closes_opening_clause(text, row, s_start)
                                      and _has_own_clause(right, k_cue, k, k_content, label, v,
                                                          _is_participle(text, cue)))) \
                or _adjunct_tail(right, k, v, complete):
            lead = _clause_lead(text, row, s_start)
            if lead is None:
                # "“…,” Dunford said": the comma before the closing mark belongs to the tag.
                return Content(row[2], _strip_comma(text, row[2], row[3]), DIRECT, "quote_before")
            if not _clause_follows(right, k, v):
                # "The plan is “dead on arrival,” he said": the speaker said the whole clause,
                # and quoted only its end.
                return Content(lead, row[1], MIXED, "quote_before")
            # Otherwise the words and quotation open the sentence and the cue has a clause of
            # its own ('In an appearance on "The Late Show," Pelosi said the interview …').
    c_first = _content_first(text, right, k_content, s_end, complete, group_end)
    if c_first is not None:
        after_quote = quotes.by_start.get(c_first)
        if after_quote is not None:
            row = quotes.rows[after_quote]
            if _only_punctuation(text, row[1], s_end) or row[1] >= s_end:
                return Content(row[2], row[3], DIRECT, "quote_after")
            words_end = _strip_comma(text, row[2], row[3])
            if words_end < row[3] or _clause_after(text, row[1], s_end):
                # "He said, “We won,” before leaving": a comma inside the closing mark, or a
                # subordinate clause after it, closes the words spoken; what follows narrates.
                return Content(row[2], words_end, DIRECT, "quote_after")
            end = strip_end(text, row[0], s_end)
            return Content(row[0], end, MIXED, "quote_after")
    comma = _comma_before(text, phrase_start, s_start)
    if comma is not None and not object_only and _adjunct_tail(right, k, v, complete):
        start = _sentence_start(text, s_start, comma)
        if start < comma and _opening_adverbial(text, start, comma, v):
            return None  # "In Iowa, he told reporters.": a place or time, nothing reported
        if start < comma:
            return _typed(text, start, strip_end(text, start, comma), "before", quotes)
    if comma is not None and k < len(right) and right[k][2] == "," and not (
            k + 1 < len(right) and right[k + 1][2].lower() == "that") \
            and not _adverb_between_commas(right, k):  # "he told the Guardian, that …", "claimed, falsely, that"
        start = _sentence_start(text, s_start, s_end)
        return _typed(text, start, strip_end(text, start, s_end), "sentence", quotes)
    if c_first is not None:
        end = strip_end(text, c_first, s_end)
        if c_first < end:
            return _typed(text, c_first, end, "after", quotes)
    return None


def _content_first(text: str, right: list, k: int, s_end: int, complete: bool, floor: int) -> int | None:
    """Offset where the content after the cue starts: token ``k``, or the text after a cut window.

    ``floor`` is the end of the cue group (an inverted speaker may run past the window).
    """
    if k < len(right):
        return right[k][0]
    if complete or not right or right[-1][2].lower() not in ("that", ":"):
        return None
    # The window ended on a skipped "that" ("… Tuesday that"): the content follows it.
    start = strip_start(text, max(right[-1][1], floor), s_end)
    return start if start < s_end else None


def within_opening_clause(text: str, content: Content, right: list) -> Content | None:
    """The content of a participle opening the sentence, cut at the comma that closes its clause."""
    comma = clause_comma(right)
    if comma is None or not content.start < right[comma][0] < content.end:
        return content
    end = right[comma][1]
    if comma + 1 < len(right) and right[comma + 1][2] in CLOSING_QUOTES and right[comma + 1][0] == end:
        end = right[comma + 1][1]  # "Calling the request “repugnant,”": keep the quotation whole
    else:
        end = strip_end(text, content.start, end)
    return content._replace(end=end) if end > content.start else None


def within_subordinate_clause(text: str, content: Content, right: list, v: Vocabulary) -> Content | None:
    """The content of a cue inside an opening subordinate clause, cut where the main clause starts.

    "When Warren announces that she's running, Lyn has mixed feelings": the
    comma that ends the clause is the first one followed by a subject (a
    pronoun, a determiner, "there" or a capitalised word), so that a list
    ("aware of the corporations, banks and nations") or an afterthought
    ("since March, of 69 new cases") stays in the content.
    """
    comma = None
    for k, token in enumerate(right):
        if token[0] < content.start:
            continue
        if token[0] >= content.end or token[2] in _CLAUSE_BREAKS:
            return content
        if token[2] == "," and k + 1 < len(right) and _opens_main_clause(right[k + 1][2], v):
            comma = token[0]
            break
    else:  # the cue's window ends inside the content: read the rest of it
        rest = right[-1][1] if right else content.start
        found = _MAIN_CLAUSE_COMMA.search(text, max(rest, content.start), content.end)
        while found is not None and not _opens_main_clause(found.group(1), v):
            found = _MAIN_CLAUSE_COMMA.search(text, found.end(1), content.end)
        if found is None or _CLAUSE_BREAK_RE.search(text, max(rest, content.start), found.start()):
            return content
        comma = found.start()
    if comma is None:
        return content
    end = strip_end(text, content.start, comma)
    return content._replace(end=end) if end > content.start else None


_MAIN_CLAUSE_COMMA = re.compile(r",\s*([\w'’]+)")
_CLAUSE_BREAK_RE = re.compile(r"[;:?!—–]")


_CLAUSE_BREAKS = frozenset({";", ":", ".", "?", "!"}) | DASHES


# Indefinite pronouns that open a main clause as its subject ("…, someone shouted").
_INDEFINITE_SUBJECTS = frozenset({"someone", "somebody", "everyone", "everybody", "anyone", "anybody",
                                  "nobody", "nothing", "something", "everything"})


def _opens_main_clause(word: str, v: Vocabulary) -> bool:
    low = before_apostrophe(word.lower())
    return low in SUBJECT_PRONOUNS or low in v.determiners or low == "there" or low in _INDEFINITE_SUBJECTS or (
        word[:1].isupper() and word[:1].isalpha())


def _typed(text: str, start: int, end: int, side: str, quotes: QuoteIndex) -> Content:
    kind = MIXED if quotes.inside(start, end) else INDIRECT
    return Content(start, end, kind, side)


def _according_to(text, cue, group_end, sentence, right, quotes) -> Content | None:
    s_start, s_end = sentence
    comma = _comma_before(text, cue[0], s_start)
    if comma is not None:
        start = _sentence_start(text, s_start, comma)
        if start < comma and not _connective(text[start:comma]):
            return Content(start, strip_end(text, start, comma), ACCORDING_TO, "before")
    quote_end = _quote_closed_by_comma_before(text, cue[0], s_start)
    if quote_end is not None:
        # "pulled from a property’s “most recent operating statement,” according to the
        # regulation": the clause runs to the closing mark, which keeps the quotation whole.
        start = _sentence_start(text, s_start, quote_end)
        whole = quotes.by_start.get(start)
        if whole is not None and quotes.rows[whole][1] == quote_end:  # "“We won,” according to …"
            row = quotes.rows[whole]
            return Content(row[2], _strip_comma(text, row[2], row[3]), ACCORDING_TO, "before")
        if start < quote_end:
            return Content(start, quote_end, ACCORDING_TO, "before")
    k = _first_index_after(right, group_end)
    if k < len(right) and right[k][2] == ",":
        k += 1
        if k < len(right):
            start = right[k][0]
            end = strip_end(text, start, s_end)
            if start < end:
                return Content(start, end, ACCORDING_TO, "after")
        return None
    # "According to Google’s explainer on how Google News chooses items, most headlines …": the
    # source's phrase runs on past its head, and often past the tokens read after the cue.
    comma = _ACCORDING_PHRASE_END.match(text, group_end, min(s_end, group_end + _MAX_SOURCE_TAIL))
    if comma is not None:
        start = strip_start(text, comma.end(), s_end)
        end = strip_end(text, start, s_end)
        if start < end:
            return Content(start, end, ACCORDING_TO, "after")
    return None


# The rest of a source's phrase after its head, up to its comma: no sentence end, quotation mark or
# dash in between ("on how Google News chooses items,", " (NAACP),").
_ACCORDING_PHRASE_END = re.compile(r"[^,.;:!?\"“”‘’—–\n]*,")
_MAX_SOURCE_TAIL = 160


def _connective(words: str) -> bool:
    """A sentence adverb standing alone before "according to": "Indeed, according to the Times, …"
    reports what follows, not "Indeed"."""
    low = " ".join(words.lower().split())
    return low in _CONNECTIVES or (" " not in low and low.endswith("ly") and low.isalpha())


_CONNECTIVES = frozenset({"indeed", "however", "still", "meanwhile", "moreover", "further", "furthermore",
                          "instead", "yet", "now", "also", "earlier", "later", "previously", "then", "thus",
                          "besides", "finally", "overall", "separately", "similarly", "likewise", "but", "and",
                          "in fact", "of course", "in addition", "at least", "even so", "for example",
                          "for instance", "in particular", "by contrast", "in contrast", "as a result",
                          "at the time", "in short", "in other words", "today", "yesterday", "last year"})


def _quote_ending_at(text: str, position: int, quotes: QuoteIndex) -> int | None:
    """The quotation whose closing mark ends right before ``position`` (spaces and one comma allowed)."""
    if not quotes.by_end:
        return None
    k = position
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    found = quotes.by_end.get(k)
    if found is None and k > 0 and text[k - 1] in ",—–":
        k -= 1
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        found = quotes.by_end.get(k)
    return found


def _closes_opening_clause(text: str, row: tuple, s_start: int) -> bool:
    """Words of the sentence stand before the quotation ``row``: "Calling the request “repugnant,”",
    "… on “Fox & Friends,”", "greeted him with a warm “Welcome,”"."""
    return row[0] > s_start and _ALNUM.search(text, s_start, row[0]) is not None


def _clause_follows(right: list, k: int, v: Vocabulary) -> bool:
    """A reported clause starts right after the cue group: "said the interview …", "said he was …",
    "said that …"; not a time ("said the next day"), a place or a participle."""
    if k >= len(right):
        return False
    low = before_apostrophe(right[k][2].lower())
    if low == "that" or low in SUBJECT_PRONOUNS:
        return True
    return low in v.determiners and k + 1 < len(right) and not any(
        tok[2].lower() in v.time for tok in right[k + 1:k + 3])  # "said the next day"


# Marks that end what stands before a clause: a dateline ("WASHINGTON —"), a label ("Update:").
_LEAD_BREAKS = re.compile(r"[:;\u2014\u2013]|\s-\s")
# A lone word before a quotation that joins it to what came before, not a clause of its own.
_LINKING_WORDS = frozenset({"and", "but", "or", "so", "yet", "still", "now", "well", "then", "again", "also",
                            "indeed", "however", "instead", "plus", "meanwhile"})


def _clause_lead(text: str, row: tuple, s_start: int) -> int | None:
    """Start of the words that open the clause a quotation ends, or None when it stands alone.

    "Democrats have “no faith in you,” he said": the words before run into
    the quotation. Not after a comma ("Asked about it, “…,” he said"), a
    dateline or label ("WASHINGTON — “…,” he said"), or a lone linking word
    ("And “we will win,” he said").
    """
    if row[0] <= s_start:
        return None
    k = row[0]
    while k > s_start and text[k - 1].isspace():
        k -= 1
    if k == s_start or not (text[k - 1].isalnum() or text[k - 1] in "'\u2019)%"):
        return None
    lead = text[s_start:k]
    breaks = list(_LEAD_BREAKS.finditer(lead))
    start = strip_start(text, s_start + breaks[-1].end() if breaks else s_start, k)
    words = text[start:k].split()
    if not words or (len(words) == 1 and words[0].lower() in _LINKING_WORDS):
        return None
    return start


def _is_participle(text: str, cue: tuple[int, int]) -> bool:
    """The cue is an -ing form ("saying", "adding"), which is never an inverted speech tag."""
    return text.endswith("ing", cue[0], cue[1])


def _has_own_clause(right: list, k_cue: int, k: int, k_content: int, label: str, v: Vocabulary,
                    participle: bool = False) -> bool:
    """The cue introduces a clause, object or quotation of its own.

    ``k_cue`` is the first token after the cue group, ``k`` the first after
    its listener, if any. Own: "that" or ":" skipped, a quotation next, an
    infinitive after a cue that takes one ("hopes to split"), the object of
    a cue that acts on someone ("blaming the NRA", "urging Congress to"), or
    a word right after a cue that is no speech tag ("the video shows a
    missile …"). Not: a comma ("…,” said X, a Democrat"), a time word or
    preposition ("said today", "said to laughter"), a conjunction, a word
    after a speech tag ("…,” Alexander commented back in April"), or the
    person spoken to ("…,” Fauci told a House panel"). After an -ing form
    any word opens its own clause ("called it “a disaster,” saying it would
    fail"): a participle is no speech tag.
    """
    if any(right[i][2].lower() in ("that", ":") for i in range(k, min(k_content, len(right)))):
        return True
    if k_content < len(right) and right[k_content][2] in OPENING_QUOTES:
        return True
    speech_tag = not participle and (label in v.inversion or label in _ADDRESSEE_CUES)
    if k > k_cue:  # a listener was skipped
        return not speech_tag or (k < len(right) and right[k][2].lower() == "to")
    if k >= len(right) or not is_word(right[k][2]):
        return False
    low = right[k][2].lower()
    if low == "to":
        return not speech_tag  # "hopes to split"; not "said to Clinton"
    # an object right after a speech tag is rare ("…,” Alexander commented back in April")
    return not (speech_tag or low in v.time or low in v.openers or low in _CLAUSE_OPENERS or low in _NOT_OBJECTS)


# Words after a listener that open the cue's own complement: "accused her of", "urged them to", "told you how".
_COMPLEMENT_STARTS = frozenset({"that", "of", "for", "to", "how", "what", "why", "whether", "if", "about", "as"})
# Cues whose listener is only the person spoken to, not an object acted on ("told", not "blamed").
_ADDRESSEE_CUES = frozenset({"tell", "inform", "notify", "brief", "assure", "reassure", "email", "tweet",
                             "write", "ask", "caution", "warn"})
_NOT_OBJECTS = frozenset({"to", "of", "about", "with", "at", "on", "by", "from", "during", "into", "through",
                          "without", "amid", "among", "and", "but", "or", "nor", "so", "yet"})


def _comma_before(text: str, position: int, floor: int) -> int | None:
    """Offset of a comma (or dash) right before ``position``, spaces allowed."""
    k = position
    while k > floor and text[k - 1].isspace():
        k -= 1
    if k > floor and text[k - 1] in ",—–":
        return k - 1
    return None


def _quote_closed_by_comma_before(text: str, position: int, floor: int) -> int | None:
    """End of a closing quotation mark right before ``position`` that follows a comma (``,”``), spaces allowed."""
    k = position
    while k > floor and text[k - 1].isspace():
        k -= 1
    if k - 2 > floor and text[k - 1] in CLOSING_QUOTES and text[k - 2] == ",":
        return k
    return None


def _first_index_after(tokens: list, offset: int) -> int:
    for k, token in enumerate(tokens):
        if token[0] >= offset:
            return k
    return len(tokens)


def _skip_listener(text: str, tokens: list, k: int, v: Vocabulary, addressed: bool = False,
                   clause_first: bool = False) -> int:
    """Skip the person spoken to: "told reporters", "told the AP", "warned Congress".

    A listener may run on to a "that": "told an Italian public broadcasting
    company that …"; the index is then that of "that". With ``clause_first``
    (a cue that may report a clause without a listener: "warned"), a phrase
    before a finite verb is the clause's subject ("warned the Social Security
    Trust Fund will be exhausted").
    """
    j = _listener_end(text, tokens, k, v, addressed)
    if clause_first and k < j < len(tokens) and tokens[j][2].lower() in _FINITE_WORDS \
            and tokens[k][2].lower() in v.determiners:
        return k
    if k < j < len(tokens) and tokens[j][2].lower() in ("who", "whom"):
        return _that_after_relative(tokens, j, v)  # "warned Republicans who voted for the bill that …"
    if k < j < len(tokens) and is_word(tokens[j][2]) and tokens[j][2].lower() not in _COMPLEMENT_STARTS:
        found = _past_that(tokens, j, j, v)
        if found > j and tokens[found - 1][2].lower() == "that":
            return found - 1
    return j


def _that_after_relative(tokens: list, j: int, v: Vocabulary) -> int:
    """Index of the "that" opening the reported clause after a relative clause about the listener
    at ``tokens[j]`` (its "who"), or ``j`` when none follows before a mark."""
    for i in range(j + 1, min(len(tokens) - 1, j + _MAX_RELATIVE_WORDS)):
        word = tokens[i][2]
        if not (is_word(word) or word in OPENING_QUOTES or word in CLOSING_QUOTES):
            break  # a quoted word may stand in it: 'Americans who dislike "Obamacare" that'
        if word.lower() == "that":
            return i if _opens_clause(tokens[i + 1][2], v) else j
    return j


_MAX_RELATIVE_WORDS = 16
# Cues whose object is the listener whenever one stands there ("told The Washington Post Kislyak was").
_LISTENER_FIRST = frozenset({"tell", "inform", "notify", "assure", "reassure", "brief", "remind", "ask"})


def _opening_adverbial(text: str, start: int, comma: int, v: Vocabulary) -> bool:
    """``text[start:comma]`` is a short phrase of place or time, not a clause: "In Iowa", "After the vote"."""
    words = text[start:comma].split()
    if not words or len(words) > _MAX_ADVERBIAL_WORDS or "," in text[start:comma]:
        return False
    first = words[0].lower()
    return first in v.openers or first in v.links or first in v.time or first in _OPENING_PREPOSITIONS


_MAX_ADVERBIAL_WORDS = 6
_OPENING_PREPOSITIONS = frozenset({"after", "before", "during", "at", "on", "in", "since", "amid", "following",
                                   "despite", "over", "under", "by", "from", "with", "without", "earlier", "later"})


def _object_ends_tag(text: str, tokens: list, k: int, phrase_start: int, s_start: int, v: Vocabulary) -> bool:
    """After a clause and a comma, a listener cue's short object that ends the sentence is its listener.

    "The deal is dead, he told a crowd of 500 people.": what was told is the clause
    before the speaker. Not when a complement follows ("that", "to", a quotation or
    a colon), and only for a noun phrase opened by a determiner or a number.
    """
    before = text[s_start:phrase_start].rstrip()
    if not before.endswith(",") and not (before[-1:] in CLOSING_QUOTES and before[-2:-1] == ","):
        return False
    if len(before.split()) < 2 or tokens[-1][2] not in ".!?":
        return False
    start = _sentence_start(text, s_start, phrase_start)
    if _opening_adverbial(text, start, len(before.rstrip(",")) + s_start, v):
        return False  # "After the vote, he told the story of his father."
    if text[start:start + 12].split(None, 1)[0].lower().strip("“\"'‘") in _SUBORDINATORS:
        return False  # "When Bash followed up, Trump told her no.": no main clause before the speaker
    first = tokens[k][2].lower()
    if not (first in v.determiners or first in v.quantifiers or first[:1].isdigit()):
        return False
    rest = tokens[k:-1]
    if not 0 < len(rest) <= _MAX_TAG_OBJECT_TOKENS or not all(
            is_word(tok[2]) and tok[2].lower() not in _COMPLEMENT_OPENERS and tok[2].lower() not in SUBJECT_PRONOUNS
            and tok[2].lower() not in _FINITE_WORDS for tok in rest):
        return False  # "he told a judge he had been blinded": a clause after the listener
    # Someone addressed: a person, a group or an audience ("a mostly black crowd of 13,500",
    # "his ministers", "The Associated Press"), not what is told ("tell the truth").
    return any(tok[2][:1].isupper() or tok[2].lower() in v.anonymous or tok[2].lower() in v.roles
               or tok[2].lower() in v.organizations or tok[2].lower() in v.listeners
               or tok[2].lower() in v.addressee_nouns for tok in rest)


_MAX_TAG_OBJECT_TOKENS = 10
_SUBORDINATORS = frozenset({"when", "if", "as", "after", "before", "because", "while", "since", "although",
                            "though", "once", "until", "unless", "whenever", "whether"})
_FINITE_WORDS = frozenset({"is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can",
                           "may", "might", "should", "must", "did", "does", "do"})
_COMPLEMENT_OPENERS = frozenset({"that", "to", "about", "whether", "if", "how", "why", "what", "when", "where"})


def _skip_to_listener(tokens: list, k: int, v: Vocabulary) -> int:
    """Index of the "that" after a listener in "to" ("confirmed to Fox News that", "said to
    reporters that", "explained to me that"); ``k`` (the "to") when there is none.

    The word after "to" must open a noun phrase (a determiner, an object pronoun, a capital or
    a noun of the word lists), so that "said to expect delays that …" keeps its infinitive.
    """
    j = k + 1
    if j >= len(tokens):
        return k
    first = tokens[j][2]
    low = first.lower()
    if not (first[:1].isupper() or low in v.determiners or low in v.quantifiers or low in _LISTENER_PRONOUNS
            or low in v.heads or low in v.listeners):
        return k
    for i in range(j, min(len(tokens), j + _MAX_TO_LISTENER_TOKENS + 1)):
        word = tokens[i][2]
        low = word.lower()
        if low == "that" and i > j:
            # not a relative "that" after a second noun phrase ("make clear to the world the
            # ideals that inspire") or after "ones"
            return i if tokens[i - 1][2].lower() not in _RELATIVE_HEADS else k
        if not is_word(word) and word not in ("'", "’", ".", "-"):
            return k
        if i > j and low in v.determiners and tokens[i - 1][2].lower() not in v.quantifiers \
                and tokens[i - 1][2].lower() not in v.determiners:
            return k  # a second noun phrase: "to the world the ideals"
    return k


_LISTENER_PRONOUNS = frozenset({"me", "him", "her", "us", "them", "you"})
_RELATIVE_HEADS = frozenset({"one", "ones", "those", "thing", "things"})
_MAX_TO_LISTENER_TOKENS = 7


def _listener_end(text: str, tokens: list, k: int, v: Vocabulary, addressed: bool = False) -> int:
    """Index after the listener phrase that starts at ``k`` (``k`` when there is none).

    With ``addressed`` (cues whose object is the person spoken to: "told",
    "asked", not "praised"), a common noun phrase of a person or an audience
    counts too ("told a federal judge", "asked the former secretary of state").
    """
    if k >= len(tokens):
        return k
    match = v.listener_phrase_re.match(text, tokens[k][0])
    if match:
        return _first_index_after(tokens, match.end())
    low = tokens[k][2].lower()
    if low in v.listeners:
        if low == "her":  # the one listener that is also a possessive
            if _possessive_her(tokens, k, v):
                return k  # "to tell her story at …": her story is what is told
            person = _person_noun_end(tokens, k + 1, v)
            if person is not None:
                return person  # "urged her supporters to", "told her mother about"
        return k + 1
    j = k
    if addressed and low in v.determiners:
        end = _addressee_phrase_end(tokens, k, v)
        if end is not None:
            return end
    if low in ("the", "a", "an") and j + 1 < len(tokens) and tokens[j + 1][2][:1].isupper():
        last = noun_phrase_forward(tokens, j, v, strict=True)  # "told the AP she …": no lower-case run-on
        if last is not None:
            return last + 1  # "told the AP", "told a U.S. House panel", "told an Italian broadcaster"
    n = 0
    while j < len(tokens) and n < 6:
        word = tokens[j][2]
        if n and word in OPENING_QUOTES:
            close = _quoted_title_end(tokens, j)
            if close is not None:
                j = close + 1  # "told CNN's “New Day”": the programme is part of the listener
                continue
        if not (word[:1].isupper() and is_word(word)):
            # "told Fox News host Mike Huckabee": a role noun between a medium and a name;
            # "told Fox News' Chris Wallace": a plural's possessive apostrophe
            if not (n and (word in v.roles or possessive_apostrophe(tokens, j))
                    and j + 1 < len(tokens) and tokens[j + 1][2][:1].isupper()):
                break
        j += 1
        n += 1
    if n and _possessive_word(tokens[j - 1][2]) and j < len(tokens) and tokens[j][2][:1].islower():
        # "thanked Germany's chancellor for": the listener is the possessed person; "criticized
        # Obama's response to": the possessed thing is reported, there is no listener.
        return _person_noun_end(tokens, j, v) or k
    return j if n else k


def _possessive_word(word: str) -> bool:
    return len(word) > 2 and word.endswith(("'s", "’s"))


def _addressee_phrase_end(tokens: list, k: int, v: Vocabulary) -> int | None:
    """Index after a person or audience phrase opened by the determiner at ``k``, else None.

    "told a judge he …", "told a federal judge that …", "told the crowd",
    "asked the former secretary of state if", "told an aide to the president
    that"; not "told the official story", where the noun phrase goes on.
    """
    for i in range(k + 1, min(len(tokens), k + 4)):
        word = tokens[i][2]
        if not (word.islower() and is_word(word)):
            return None
        if not _is_person_noun(word, v):
            continue
        after = tokens[i + 1][2] if i + 1 < len(tokens) else "."
        low_after = after.lower()
        if low_after == "of":
            return _of_phrase_end(tokens, i + 1, v)
        if low_after == "to" or low_after in v.links:
            last = noun_phrase_forward(tokens, k, v)
            return last + 1 if last is not None and last >= i else k
        if after.islower() and is_word(after) and low_after not in v.determiners \
                and low_after not in v.pronouns and low_after != "that":
            if _is_person_noun(after, v):
                continue  # "told the military members that": the head comes later
            return None  # "the official story": what is told
        return i + 1
    return None


def _person_noun_end(tokens: list, i: int, v: Vocabulary) -> int | None:
    """Index after a person or audience noun within the next three lower-case words from ``i``
    ("her late mother", "her supporters"), else None."""
    for j in range(i, min(len(tokens), i + 3)):
        word = tokens[j][2]
        if not (word.islower() and is_word(word)) or word in v.determiners or word in v.stops \
                or word in v.links:
            return None  # "Thunberg's appearance in front of": no person before the preposition
        if _is_person_noun(word, v):
            return j + 1
    return None


def _is_person_noun(word: str, v: Vocabulary) -> bool:
    """A person, a group or a body that can be spoken to ("the judge", "the crowd", "the government")."""
    return word in v.anonymous or word in v.roles or word in v.addressee_nouns or word in v.organizations


def _possessive_her(tokens: list, k: int, v: Vocabulary) -> bool:
    """"her" at ``tokens[k]`` determines what is told ("to tell her story", "told her side of it"),
    rather than naming the listener ("told her the news", "told her mother", "urged her colleagues")."""
    return k + 1 < len(tokens) and tokens[k + 1][2] in v.told_things


def _of_phrase_end(tokens: list, i: int, v: Vocabulary) -> int:
    """Index after the "of" phrase at ``tokens[i]`` that ends a listener ("the secretary of state",
    "a crowd of 500 people"): its words up to a preposition, a complementiser or a mark."""
    j = i + 1
    while j < len(tokens) and is_word(tokens[j][2]) and j - i <= _MAX_OF_WORDS:
        low = tokens[j][2].lower()
        if low in v.links or low in _COMPLEMENT_OPENERS or low in v.time or low in v.stops \
                or low in SUBJECT_PRONOUNS or (low in v.determiners and j > i + 1):
            break
        j += 1
    return j


_MAX_OF_WORDS = 4


def _quoted_title_end(tokens: list, j: int) -> int | None:
    """Index of the closing mark of a short quoted title of capitalised words opening at ``j``."""
    for k in range(j + 1, min(len(tokens), j + 8)):
        word = tokens[k][2]
        if word in CLOSING_QUOTES:
            return k if k > j + 1 else None
        if not (word[:1].isupper() or word in ("of", "the", "and", "&", "'s", "’s")):
            return None
    return None


def _skip_complementizer(tokens: list, k: int, v: Vocabulary) -> int:
    """Skip a leading time adverbial ("said last month that"), commas, colons and "that"."""
    n = len(tokens)
    if k < n and (tokens[k][2].lower() in v.time_phrase_words or tokens[k][2].isdigit()):
        k = _skip_time_adverbial(tokens, k, v)  # only these words can open one
    if k < n and tokens[k][2].lower() in _OCCASION_STARTS:
        k = _skip_to_that(tokens, k, v)
    while k < n:
        low = tokens[k][2].lower()
        if low == "," and _adverb_between_commas(tokens, k):
            k += 3  # "Trump claimed, falsely, that …"
            continue
        if low not in _SKIP_AFTER_CUE:
            if k + 1 < n and tokens[k + 1][2].lower() == "that" and tokens[k][2].islower() and (
                    low in v.gap or is_ly_adverb(low, v)) and not (k + 2 < n and tokens[k + 2][2].lower() in v.time):
                k += 1  # "stated plainly that", "said repeatedly that": the adverb belongs to the cue
                continue
            break
        if low == "that" and k + 1 < n and (tokens[k + 1][2].lower() in v.gap or (
                tokens[k + 1][2] in _ENDING_MARKS and not (k + 2 < n and tokens[k + 2][2] == "."))):  # not "that..."
            break  # "Experts say that will be difficult", "He said that.": "that" is a pronoun
        k += 1
    return k


def _adverb_between_commas(tokens: list, k: int) -> bool:
    """``tokens[k]`` is a comma that opens ", falsely," (an adverb in -ly and a second comma)."""
    return (k + 2 < len(tokens) and tokens[k + 2][2] == "," and tokens[k + 1][2].islower()
            and tokens[k + 1][2].endswith("ly"))


# Prepositions that open an adverbial of occasion or medium between a cue and
# its "that": "said in a statement that", "told reporters at a briefing on
# Monday that", "wrote on Twitter that".
# ("before", "after" and "while" are left out: they open clauses, "responded
# before adding that …").
_ENDING_MARKS = frozenset({".", ";", "!", "?"})  # not ",": "conceded that, in looking back, he …"
_OCCASION_STARTS = frozenset({"in", "on", "at", "during", "via", "through", "over", "from"})
_MAX_OCCASION_TOKENS = 12
_NOT_OCCASION = frozenset({"least", "most", "all", "first", "last"})  # "reported at least 20 victims"
_CLAUSE_OPENERS = frozenset({"if", "when", "while", "because", "although", "though", "as", "unless",
                             "despite", "after", "before", "since", "once", "until", "in", "for", "there"})


def _skip_to_that(tokens: list, k: int, v: Vocabulary) -> int:
    """Index after the "that" ending an adverbial of occasion that opens at ``k`` (else ``k``).

    The adverbial is a run of words without punctuation (a period inside an
    abbreviation is part of its word) and without a subject pronoun ("I
    think in Iowa he proved that" is a clause). The word after "that" must be
    able to open a clause (a name, pronoun, determiner, number, quotation
    mark or subordinator); otherwise "that" may be a relative pronoun ("at a
    center that works with …") and nothing is skipped. A comma before an
    opening quotation mark ends the adverbial too ("said last week in Tel
    Aviv, “…”").
    """
    if k + 1 >= len(tokens) or tokens[k + 1][2].lower() in _NOT_OCCASION:
        return k
    return _past_that(tokens, k + 1, k, v)


def _past_that(tokens: list, first: int, k: int, v: Vocabulary) -> int:
    """Index after a reported-clause "that" within a run of words from ``first`` (see :func:`_skip_to_that`)."""
    n = len(tokens)
    for j in range(first, min(n, first + _MAX_OCCASION_TOKENS - 1)):
        word = tokens[j][2]
        low = word.lower()
        if low == "that":
            before = tokens[j - 1][2].lower()
            if before in v.noun_cues and before not in v.documents:
                return k  # "challenged on its claims that …": the clause is the claims', not the cue's
            if before in _RELATIVE_HEADS:
                return k  # "in the same way that they …": a relative clause
            # the window may end at "that" ("… Tuesday that"): what follows is not known, take it
            return j + 1 if j + 1 == n or _opens_clause(tokens[j + 1][2], v) else k
        if word in (",", ":") and j + 1 < n and tokens[j + 1][2] in OPENING_QUOTES:
            return j
        if not (is_word(word) or word in OPENING_QUOTES or word in CLOSING_QUOTES) \
                or before_apostrophe(low) in SUBJECT_PRONOUNS:  # "it's" is a clause too
            return k  # a quoted title may stand in it: "in an interview on “Fox News Sunday” that"
        if low in v.gap and not low.endswith("ly") or (
                low.endswith("ed") and word.islower() and tokens[j - 1][2].lower() not in v.determiners
                and not tokens[j - 1][2].endswith("ly")):  # "in a (recently) published interview" stays
            return k  # an auxiliary or a verb: "told CNN the government has cut so much that …" is a clause
    return k


# Nouns a relative "that" follows far more often than a reported clause does.
_RELATIVE_HEADS = frozenset({"way", "ways", "manner", "extent", "decision", "decisions", "thing", "things"})


def _opens_clause(word: str, v: Vocabulary) -> bool:
    """Whether ``word`` after "that" can open a reported clause rather than go on a relative one.

    A relative "that" is followed by its verb ("a center that works", "a
    group that has"): a lower-case word in -s or -ed, or an auxiliary, is
    taken for one, unless it names people ("voters", "officials").
    """
    low = before_apostrophe(word.lower())  # "he's", "there’s"
    if word[:1].isupper() or word[:1].isdigit() or word in OPENING_QUOTES or word == ",":
        return True
    if low in v.pronouns or low in v.determiners or low in _CLAUSE_OPENERS or low in v.heads:
        return True
    return (word.isalpha() and word.islower() and not low.endswith(("s", "ed")) and low not in v.gap
            and low not in _NOT_OBJECTS)


def _skip_time_adverbial(tokens: list, k: int, v: Vocabulary) -> int:
    """Index after "on Tuesday", "last week", "in April", "earlier this month" at ``k`` (else ``k``)."""
    j = k
    after_time = k  # index after the last time word (or a number after one)
    end = min(len(tokens), k + 4)
    time = v.time
    while j < end:
        low = tokens[j][2].lower()
        if low in time or (low.isdigit() and after_time > k):
            after_time = j + 1
        elif not (low in v.openers or low in v.determiners or low.isdigit()):
            break
        j += 1
    if after_time > k and after_time < len(tokens) and tokens[after_time - 1][2][:1].isupper() \
            and tokens[after_time - 2][2].lower() in v.determiners:
        following = tokens[after_time][2]
        if following.isalpha() and following.islower() and following not in time and following != "that" \
                and following not in v.openers:
            return k  # "at a Saturday rally": the day names the rally, it is no time adverbial
    # "said Thursday in an interview": the opener after the time word starts the next adverbial
    return after_time


def _adjunct_tail(tokens: list, k: int, v: Vocabulary, complete: bool) -> bool:
    """Only an adverbial of time or occasion (or an -ing adjunct) follows, up to the sentence end.

    A tail that opens with a determiner is an adverbial only when it names a
    time ("the next day"); otherwise it is the cue's object ("discussed the
    news").
    """
    n_words = 0
    object_like = False
    while k < len(tokens):
        token = tokens[k][2]
        low = token.lower()
        if not is_word(token):
            if token == ",":
                nxt = tokens[k + 1][2].lower() if k + 1 < len(tokens) else ""
                return not object_like and (nxt.endswith("ing") or nxt in ("according", "citing", "who", "which")
                                            or nxt == "")
            if token in ".!?…;":
                return not object_like
            k += 1
            continue
        if not (low in v.time or low in v.adverbial or low in v.openers or low in v.determiners
                or low in v.listeners or token[:1].isupper() or low.isdigit()):
            return False
        if n_words == 0 and low in v.determiners and low not in v.openers:
            object_like = True
        elif low in v.time:
            object_like = False
        n_words += 1
        if n_words > 12:
            return False
        k += 1
    return complete and not object_like


def _strip_comma(text: str, start: int, end: int) -> int:
    """``end``, moved before a comma (and the spaces after it) that ends ``text[start:end]``."""
    k = end
    while k > start and text[k - 1].isspace():
        k -= 1
    return k - 1 if k > start and text[k - 1] == "," else end


# Subordinators that open an adverbial clause of the narration after a quoted
# utterance ("chanted “MVP” when he walked off"). Not "as": "described “the
# plan” as a disaster" goes on with the cue's own complement.
_NARRATING_SUBORDINATORS = frozenset({"when", "while", "because", "although", "though", "unless", "after",
                                      "before", "since", "once", "until", "whereas"})
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def _clause_after(text: str, end: int, s_end: int) -> bool:
    """A subordinator follows the quotation ending at ``end``: the quoted words are complete."""
    found = _NEXT_WORD.match(text, end, s_end)
    return found is not None and found.group(1).lower() in _NARRATING_SUBORDINATORS


def _only_punctuation(text: str, start: int, end: int) -> bool:
    return not any(ch.isalnum() for ch in text[start:end])


# A dateline opening a story's first sentence: "WASHINGTON –", "BEIRUT (AP) —", "LONDON:".
_DATELINE = re.compile(r"[A-Z][A-Z.,'’ ]{1,40}(?:\s*\([^)\n]{1,30}\))?\s*(?:--|[—–:-])\s+")


def _sentence_start(text: str, start: int, end: int) -> int:
    """:func:`strip_start`, also past a dateline ("WASHINGTON – Legally married couples …")."""
    start = strip_start(text, start, end)
    found = _DATELINE.match(text, start, end)
    return found.end() if found is not None and found.end() < end else start


def strip_start(text: str, start: int, end: int) -> int:
    """``start`` moved on over whitespace, not past ``end``."""
    while start < end and text[start].isspace():
        start += 1
    return start


def strip_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over whitespace and one final punctuation mark (not an acronym's period)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in _FINAL_PUNCT and not _ends_acronym(text, start, end):
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return end


def _ends_acronym(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` ends with an acronym's period ("U.S.")."""
    # Only a period that follows "letter." can end one: most ends are decided
    # without the regular expression.
    return (text[end - 1] == "." and end - start >= 4 and text[end - 3] == "."
            and _ACRONYM_END.search(text, max(start, end - 12), end) is not None)
