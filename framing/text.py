"""Segmentation: sentences, word tokens and quotations as character offsets.

Every span is a pair of 0-based, end-exclusive character offsets into the text
that was given, so ``text[start:end]`` is the piece. Later stages use them to
say in which sentence a match lies (:func:`span_index`) and whether it lies
inside quoted speech (:func:`in_spans` over :func:`quote_spans`).

Design choices, and why:

* Every line break ends a sentence. Cleaned web pages put one paragraph, heading
  or caption per line (or separate paragraphs by a blank line), and a heading has
  no final punctuation to split on ("ISOLATED", ``"GAME IS UP"``).
* Inside a line the default ``engine="fast"`` decides with one regular expression
  and a few dictionary look-ups per candidate period; it is linear in the text and
  fast enough for tens of millions of characters. ``engine="punkt"`` hands the
  lines to NLTK's Punkt tokenizer filled with the same word lists, for comparison.
* The word lists (abbreviations, frequent sentence starters) are data, in
  ``framing/rules/segmentation.yaml``.
* Nothing here raises on odd text: empty strings, control characters, emoji,
  right-to-left scripts, megabytes without punctuation or thousands of quote
  marks all give valid spans, in time linear in the length of the text.
"""

from __future__ import annotations

from framing._io import safe_yaml

import functools
import importlib.resources
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from framing._warnings import FramingError, warn

__all__ = [
    "TOKEN_PATTERN",
    "Segmentation",
    "count_tokens",
    "in_spans",
    "quote_spans",
    "quotes",
    "segment",
    "sentence_spans",
    "sentences",
    "span_index",
    "token_spans",
    "tokens",
]

ENGINES = ("fast", "punkt")

# --------------------------------------------------------------------------
# Character classes shared by the three segmenters
# --------------------------------------------------------------------------

# Characters that start a new line (the set str.splitlines() uses); all are whitespace.
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LB = "[" + re.escape(_LINE_BREAKS) + "]"
# Whitespace that does not break the line.
_H = "[^\\S" + re.escape(_LINE_BREAKS) + "]"

_PERIOD_LIKE = ".…"
_STRONG_TERMINATORS = "!?‼⁇⁈⁉؟।॥"  # ! ? and the Arabic / Devanagari ones
_TERMINATORS = _PERIOD_LIKE + _STRONG_TERMINATORS
_CJK_TERMINATORS = "。！？"  # written without a following space
# Marks that may follow the terminator and still belong to the sentence.
_CLOSERS = "\"'”’»›)]}」』"
# Marks that may open a sentence before its first word.
_OPENERS = "\"'“‘„‚«‹([{「『¿¡"
_QUOTE_CLOSERS = "\"'”’»›」』"
_QUOTE_OPENERS = "\"'“‘„‚«‹「『"


def _cls(chars: str) -> str:
    return "[" + re.escape(chars) + "]"


def _combining_marks_class() -> str:
    """Character class of the combining marks of the Basic Multilingual Plane.

    ``\\w`` does not include them (``"é"`` written as ``e`` + U+0301, Arabic
    harakat, Devanagari vowel signs), so without them a word would split in two.
    """
    marks = [c for c in range(0x10000) if unicodedata.category(chr(c)).startswith("M")]
    ranges = []
    start = prev = marks[0]
    for code in marks[1:]:
        if code != prev + 1:
            ranges.append((start, prev))
            start = code
        prev = code
    ranges.append((start, prev))
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return f"[{body}\u200c\u200d]"  # plus the zero-width (non-)joiners of Persian script


# --------------------------------------------------------------------------
# Word tokens
# --------------------------------------------------------------------------

_MARK = _combining_marks_class()
_LETTER = r"[^\W\d_]"  # a letter in any script
_ALNUM = r"[^\W_]"  # a letter or digit in any script
# A segment is its first letter or digit followed by one of three continuations.
# Starting the whole pattern with a single character class lets ``re`` skip
# spaces and punctuation in C; an alternation at the start is about 3x slower.
_SEGMENT_REST = (
    rf"(?<={_LETTER})\.(?:{_LETTER}\.)+"  # U.S.  e.g.  a.m.: dotted abbreviation, final period kept
    rf"|(?<=\d)\d*(?:[.,]\d+)*{_ALNUM}*"  # 3.5  10,000  1990s: number with separators or a suffix
    rf"|{_ALNUM}*(?:{_MARK}+{_ALNUM}*)*"  # any other run of letters, digits and combining marks
)
_SEGMENT = rf"{_ALNUM}(?:{_SEGMENT_REST})"
_JOINER = "[-\u2010\u2011'\u2019]"  # hyphens and apostrophes join segments: Lt-Gen, don’t

#: The word-token regular expression (see :func:`token_spans`): segments joined by
#: single hyphens or apostrophes, where a segment is a dotted abbreviation
#: ("U.S."), a number with internal "." or "," ("10,000", "3.5", "1990s") or a
#: run of letters and digits in any script (with their combining marks).
#: Punctuation, symbols, emoji and "_" are not tokens.
TOKEN_PATTERN = rf"{_SEGMENT}(?:{_JOINER}{_SEGMENT})*"

_TOKEN_RE = re.compile(TOKEN_PATTERN)
# The same pattern with one capturing group: re.split() then returns gap, token,
# gap, token ... as strings, whose lengths give the offsets without creating a
# Match object per token (up to 1.3x faster than finditer; see benchmarks/).
_TOKEN_SPLIT_RE = re.compile(f"({TOKEN_PATTERN})")


def token_spans(text: str) -> np.ndarray:
    """Find the word tokens of a text.

    A token is a run of letters or digits (any script), where single internal
    hyphens and apostrophes are kept ("Lt-Gen", "don’t", "al-Baghdadi",
    "U.S.-backed"), dotted abbreviations keep their periods ("U.S.", "a.m.") and
    numbers keep their separators ("10,000", "3.5"). Punctuation is not a token.
    The regular expression is :data:`TOKEN_PATTERN`.

    Parameters
    ----------
    text : str
        The text; ``None`` counts as empty.

    Returns
    -------
    numpy.ndarray
        ``int64`` array of shape ``(n, 2)``: start and end offset of each token.

    Examples
    --------
    >>> text = "Lt-Gen. Paul Funk: U.S. troops don’t need 10,000 more."
    >>> [text[s:e] for s, e in token_spans(text)]
    ['Lt-Gen', 'Paul', 'Funk', 'U.S.', 'troops', 'don’t', 'need', '10,000', 'more']
    """
    text = _as_text(text)
    parts = _TOKEN_SPLIT_RE.split(text)
    if len(parts) < 2:
        return np.empty((0, 2), dtype=np.int64)
    lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    ends = np.cumsum(lengths)
    # parts = [gap, token, gap, token, ..., gap]: tokens sit at the odd positions.
    token_ends = ends[1::2]
    token_starts = token_ends - lengths[1::2]
    return np.column_stack([token_starts, token_ends])


def count_tokens(text: str) -> int:
    """Count the word tokens of a text without building their spans.

    Equals ``len(token_spans(text))``; used for rates per 1,000 tokens.

    Parameters
    ----------
    text : str
        The text; ``None`` counts as empty.

    Returns
    -------
    int
        The number of tokens.

    Examples
    --------
    >>> count_tokens("Daesh militants melt into the desert.")
    6
    """
    return len(_TOKEN_RE.findall(_as_text(text)))


# --------------------------------------------------------------------------
# Word lists (framing/rules/segmentation.yaml)
# --------------------------------------------------------------------------

# Classes of a word in front of a period.
_PLAIN, _TITLE, _INNER, _BEFORE_NUMBER, _MONTH, _ORDINARY, _INITIAL = range(7)
_CLASS_OF_LIST = {
    "titles": _TITLE,
    "inner": _INNER,
    "before_number": _BEFORE_NUMBER,
    "months": _MONTH,
    "ordinary": _ORDINARY,
}


@dataclass(frozen=True)
class _WordLists:
    exact: dict  # entry as written (and in capitals) -> class
    any_case: dict  # lower-case entries, looked up lower-cased -> class
    starters: frozenset
    longest: int  # length of the longest entry without "." or "-"
    punkt_abbreviations: frozenset
    punkt_starters: frozenset


@functools.lru_cache(maxsize=1)
def _word_lists() -> _WordLists:
    resource = importlib.resources.files("framing.rules") / "segmentation.yaml"
    data = safe_yaml(resource.read_text(encoding="utf-8"))
    exact, any_case = {}, {}
    for list_name, word_class in _CLASS_OF_LIST.items():
        for entry in data["abbreviations"][list_name]:
            if not isinstance(entry, str):
                # YAML reads bare No/On/Yes as booleans; the file must quote them.
                raise FramingError(f"segmentation.yaml: {list_name} entry {entry!r} must be quoted")
            if entry.islower():
                any_case[entry] = word_class
            else:
                exact[entry] = word_class
                exact[entry.upper()] = word_class
    starters = [str(word) for word in data["sentence_starters"]]
    return _WordLists(
        exact=exact,
        any_case=any_case,
        starters=frozenset(starters),
        longest=max(len(e) for e in [*exact, *any_case] if "." not in e and "-" not in e),
        punkt_abbreviations=frozenset(e.lower() for e in [*exact, *any_case]),
        punkt_starters=frozenset(word.lower() for word in starters),
    )


_ACRONYM_RE = re.compile(rf"(?:{_LETTER}\.)+{_LETTER}")  # U.S  a.m  N.Y (final period not included)


def _word_class(word: str, lists: _WordLists) -> int:
    """Class of the word in front of a period ("Gen" -> title, "U.S" -> ordinary)."""
    if len(word) > lists.longest and "." not in word and "-" not in word:
        return _PLAIN  # the common case: an ordinary word ("desert.")
    if word and word.strip(".") == "":
        return _ORDINARY  # ". . .": a spaced ellipsis
    found = lists.exact.get(word)
    if found is None:
        found = lists.any_case.get(word.lower())
    if found is None and "-" in word:
        # "Lt-Gen", "D-Calif": the last part decides.
        return _word_class(word.rsplit("-", 1)[1], lists) if word[-1] != "-" else _PLAIN
    if found is not None:
        return found
    if len(word) == 1 and word.isalpha():
        return _INITIAL
    if _ACRONYM_RE.fullmatch(word):
        return _ORDINARY
    return _PLAIN


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------

# The scanning expressions all begin with a single character class: ``re`` then
# skips ahead to the next possible match in C instead of trying the whole
# expression at every position (an alternation at the top costs ~10x).
_CJK_STOP_RE = re.compile(rf"{_cls(_CJK_TERMINATORS)}+{_cls(_CLOSERS)}*")
_T = _cls(_TERMINATORS)
_NO_SPLIT_AFTER = ",;:.!?)]}…%”’»›"  # a sentence never starts with these
_TERMINATOR_RE = re.compile(
    # A run of terminators, matched from its first character only (the
    # lookbehind), which keeps the scan linear on "......" ...
    rf"{_T}(?<!{_T}{_T}){_T}*(?P<close>{_cls(_CLOSERS)}*)"
    # ... followed by a space and more text on the same line, whose opening
    # marks and first word are captured for the rules, or glued to a capital
    # ("Obama.And": a line break lost by the page).
    # A lower-case word or closing punctuation after the space never starts a
    # sentence; excluding them here saves a Python call for each.
    rf"(?=(?P<gap>{_H}+)(?=[^\s{re.escape(_NO_SPLIT_AFTER)}a-z])"
    rf"(?P<open>{_cls(_OPENERS)}*)(?P<word>{_ALNUM}+)?"
    rf"|(?:(?<=[a-z][a-z][.!?])|(?<=[a-z][a-z][.!?]{_cls(_QUOTE_CLOSERS)}))[A-Z\"“‘«„])"
)
_GLUED_RE = re.compile(rf"(?<=[a-z][a-z])[.!?]{_cls(_QUOTE_CLOSERS)}?(?=[A-Z][a-z]|[\"“‘«„][A-Z])")
# `“Why?” Jalal asked.`: a name and a speech verb right after a closing quote
# continue the sentence. Pronouns are excluded: `“Why?” He said ...` starts one.
_SPEECH_VERBS = (
    "said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|explained|"
    "continued|insisted|noted|recalled|warned|declared|argued|shouted|tweeted|posted|"
    "stressed|remarked|acknowledged|conceded|cautioned|laughed|whispered|cried|"
    "claimed|claims"
)
_SPEECH_TAG_RE = re.compile(
    rf"{_H}*(?:(?!(?:He|She|They|It|We|I|You|This|That|There|The)\b)"
    rf"[A-Z][\w'’.-]{{0,30}}{_H}+){{1,4}}(?:{_SPEECH_VERBS})\b(?P<tail>{_H}*(?:[,.;:!?]|{_LB}))?"
)
_GLUED_CONTEXT_RE = re.compile(r"\S{0,80}")


def sentence_spans(text: str, *, engine: str = "fast") -> np.ndarray:
    """Find the sentences of a text.

    Every line break ends a sentence (pasted pages put one paragraph, heading or
    caption per line), so a heading without final punctuation is a sentence of
    its own. Inside a line, ``.``, ``!``, ``?`` and ``…`` end a sentence when
    the next word starts one:

    * never before a lower-case word (``sq. km``, ``“…?” he asked``);
    * never after a title (``Gen.``, ``Lt-Gen.``, ``Lt. Gen.``, ``Mr.``, ``Sen.``) or
      ``e.g.``/``vs.``; ``No.``, ``Art.`` and months (``Feb.``) not before a number;
    * after other abbreviations (``U.S.``, ``Inc.``, ``Jr.``, ``p.m.``), initials
      (``Nancy A. Youssef``) and an ellipsis only when a frequent sentence starter
      follows: ``in the U.S. The …`` splits, ``the U.S. Air Force`` and
      ``5 p.m. Tuesday`` do not;
    * a period inside closing quotes ends the sentence unless a name and a speech
      verb follow (``“We won.” Jalal said.``); after ``?”`` or ``!”`` a name and
      a speech verb always continue the sentence (``“Why?” Jalal asked her.``);
    * a sentence glued to the previous one (``Obama.And``, a lost line break)
      is split off.

    Sentences carry no surrounding whitespace, and every non-whitespace character
    belongs to exactly one sentence.

    Parameters
    ----------
    text : str
        The text; ``None`` counts as empty.
    engine : {"fast", "punkt"}
        ``"fast"`` (default) applies the rules above with regular expressions.
        ``"punkt"`` runs NLTK's :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer`
        on each line, with the same abbreviation and sentence-starter lists as
        :class:`~nltk.tokenize.punkt.PunktParameters` (no trained model needed);
        the line, CJK and glued-sentence breaks are applied on top. It is about
        ten times slower and meant for comparison.

    Returns
    -------
    numpy.ndarray
        ``int64`` array of shape ``(n, 2)``, sorted: start and end of each sentence.

    Examples
    --------
    >>> text = "Gen. Joseph Dunford spoke in the U.S. The lone wolf has nothing to lose."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Gen. Joseph Dunford spoke in the U.S.', 'The lone wolf has nothing to lose.']
    """
    text = _as_text(text)
    if engine == "fast":
        return _as_spans(_split_lines(text, _cuts_inside_lines(text, decide=True)))
    if engine == "punkt":
        return _punkt_sentence_spans(text)
    raise FramingError(f"engine must be one of {ENGINES}, got {engine!r}")


def _cuts_inside_lines(text: str, *, decide: bool) -> list[tuple[int, int]]:
    """Sentence breaks inside lines, as (end of a sentence, start of the next), sorted.

    With ``decide=False`` only the breaks that need no judgement are returned
    (CJK full stops, glued sentences): the punkt engine decides the rest.
    """
    lists = _word_lists()
    exact, any_case = lists.exact, lists.any_case
    cuts = []
    for match in _TERMINATOR_RE.finditer(text):
        gap = match.group("gap")
        if gap is None:
            glued = _GLUED_RE.match(text, match.start())
            if glued and _glued_sentence_break(text, glued, lists):
                cuts.append((glued.end(), glued.end()))
        elif decide:
            word = match.group("word")
            # Most candidates are settled by the case of the next word alone.
            if word and word[0].islower():
                continue
            start, end = match.span()
            if word and end == start + 1 and text[start] == "." and start and text[start - 1].isalpha():
                # A lone period after a word of letters, then a word: three in four
                # candidates. _ends_sentence would decide by the word's class
                # alone (_word_before, _word_class), at the cost of four calls.
                before = text[max(0, start - 40):start].rsplit(None, 1)[-1]
                if len(before) > 1 and before.isalpha():
                    word_class = exact.get(before)
                    if word_class is None:
                        word_class = any_case.get(before.lower(), _PLAIN)
                    if word_class == _PLAIN:  # "... the desert. The ..."
                        cuts.append((end, end + len(gap)))
                        continue
                    if word_class in (_TITLE, _INNER):  # "Gen. Joseph Dunford"
                        continue
            if _ends_sentence(text, match, word, lists):
                cuts.append((end, end + len(gap)))
    if any(stop in text for stop in _CJK_TERMINATORS):
        for match in _CJK_STOP_RE.finditer(text):
            end = match.end()
            cuts.append((end, end + len(text[end : end + 64]) - len(text[end : end + 64].lstrip())))
        cuts.sort()
    return cuts


def _split_lines(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans: every line, stripped of whitespace, split at the cuts inside it.

    ``str.splitlines`` breaks at exactly the line-break characters, in C.
    """
    spans = []
    line_start = 0
    i, n_cuts = 0, len(cuts)
    for line in text.splitlines(True):
        line_end = line_start + len(line)
        body = line.lstrip()
        if body:
            start = line_end - len(body)
            end = start + len(body.rstrip())
            while i < n_cuts and cuts[i][0] <= end:
                cut, next_start = cuts[i]
                i += 1
                if cut > start:
                    spans.append((start, cut))
                start = max(start, next_start)
            if end > start:
                spans.append((start, end))
        else:
            while i < n_cuts and cuts[i][0] <= line_end:
                i += 1
        line_start = line_end
    return spans


def _as_spans(spans: list[tuple[int, int]]) -> np.ndarray:
    # np.fromiter over the flattened pairs is ~3x faster than np.array on tuples.
    flat = np.fromiter(itertools.chain.from_iterable(spans), dtype=np.int64, count=2 * len(spans))
    return flat.reshape(-1, 2)


def _ends_sentence(text: str, match: re.Match, next_word: str | None, lists: _WordLists) -> bool:
    """Decide whether a terminator followed by a space and a word that is not
    lower case ("sq. km", "“Why?” he asked" were settled before) ends a sentence."""
    start, close_start, end = match.start(), match.start("close"), match.end()
    if next_word:
        next_is_digit = next_word[0].isdigit()
    else:
        after = text[match.end("open") : match.end("open") + 1]
        if not after or after.isspace() or after in _NO_SPLIT_AFTER:
            # ". . .", "etc.)", or a stray quote mark ending the line: no
            # sentence starts without a word.
            return False
        next_is_digit = False
    quoted = close_start < end and any(ch in _QUOTE_CLOSERS for ch in text[close_start:end])

    if close_start - start > 1 or text[start] != ".":
        term = text[start:close_start]
        if any(ch in _STRONG_TERMINATORS for ch in term):
            return not (quoted and _speech_tag_follows(text, end, strict=False))
        # An ellipsis marks an omission as often as an ending.
        return _next_starts_sentence(match, next_word, next_is_digit, lists)
    if quoted and _speech_tag_follows(text, end, strict=True):
        return False

    word = _word_before(text, start)
    word_class = _word_class(word, lists)
    if word_class == _PLAIN:
        if word.isdigit() and len(word) <= 2 and _starts_line(text, start - len(word)):
            return False  # "1. The first point": a list number, not a sentence
        return True
    if word_class in (_TITLE, _INNER):
        return False
    if word_class == _BEFORE_NUMBER:
        return not next_is_digit  # "No. 2" / "he said no. Then"
    if word_class == _MONTH and next_is_digit:
        return False  # "Feb. 13"
    return _next_starts_sentence(match, next_word, next_is_digit, lists)


def _next_starts_sentence(match: re.Match, next_word: str | None, next_is_digit: bool, lists) -> bool:
    """After an ambiguous ending (an abbreviation, an initial, an ellipsis): does the
    next word start a sentence? Yes for a frequent sentence starter ("The"), or a
    capitalised word after an opening quote; no for other capitalised words
    ("U.S. Air Force", "Nancy A. Youssef", "5 p.m. Tuesday")."""
    if not next_word:
        return False
    if next_word in lists.starters or (next_word.isupper() and next_word.capitalize() in lists.starters):
        return True
    # An opening quote mark, not a bracket: "BURLINGTON, Vt. (Reuters) -" goes on.
    opened = match.group("open")
    return bool(opened) and opened[-1] in _QUOTE_OPENERS and not next_is_digit


_NOT_IN_WORD_RE = re.compile(r"[^\w.'’-]+")


def _word_before(text: str, pos: int) -> str:
    """The word that ends at ``pos``, without opening marks ("“U.S" -> "U.S").

    Looks back at most 40 characters: no abbreviation is longer, and the bound
    keeps the work per candidate constant.
    """
    if pos == 0 or text[pos - 1].isspace():
        return ""
    word = text[max(0, pos - 40) : pos].rsplit(None, 1)[-1]
    if not word.isalnum():
        # "More:Sen" -> "Sen", "“U.S" -> "U.S": keep the trailing run of word
        # characters, periods, hyphens and apostrophes.
        word = _NOT_IN_WORD_RE.split(word)[-1].lstrip("'’")
    return word


def _starts_line(text: str, pos: int) -> bool:
    """True when ``pos`` starts its line, after at most 8 spaces of indent.

    The bounded look-back keeps "1. 1. 1. ..." on one long line linear.
    """
    low = max(0, pos - 8)
    before = text[low:pos]
    line_break = max(before.rfind("\n"), before.rfind("\r"))
    if line_break >= 0:
        return not before[line_break + 1 :].strip()
    return low == 0 and not before.strip()


def _speech_tag_follows(text: str, pos: int, *, strict: bool) -> bool:
    """A speaker tag after a closing quote: `` Jalal said.`` / `` Omar Abu Laila asked``.

    ``strict`` (after a period) requires the tag to end its clause, since
    `“We won.” Jalal said the group …` is two sentences.
    """
    tag = _SPEECH_TAG_RE.match(text, pos, pos + 160)
    if tag is None:
        return False
    return not strict or tag.group("tail") is not None or tag.end() == len(text)


def _glued_sentence_break(text: str, match: re.Match, lists: _WordLists) -> bool:
    """Split ``Obama.And`` but not ``Gen.Paul``, ``www.site.Com/Page`` or ``e.mail@X.Org``."""
    if _word_class(_word_before(text, match.start()), lists) != _PLAIN:
        return False
    before = text[max(0, match.start() - 80) : match.start()].rsplit(None, 1)[-1]
    after = _GLUED_CONTEXT_RE.match(text, match.end()).group()
    return not any(ch in "/@" for ch in before + after)


@functools.lru_cache(maxsize=1)
def _punkt_tokenizer():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    lists = _word_lists()
    params = PunktParameters()
    params.abbrev_types = set(lists.punkt_abbreviations)
    params.sent_starters = set(lists.punkt_starters)
    return PunktSentenceTokenizer(params)


def _punkt_sentence_spans(text: str) -> np.ndarray:
    """Punkt inside each piece between the hard breaks (lines, CJK stops, glued sentences)."""
    tokenizer = _punkt_tokenizer()
    spans = []
    for start, end in _split_lines(text, _cuts_inside_lines(text, decide=False)):
        piece = text[start:end]
        try:
            piece_spans = list(tokenizer.span_tokenize(piece))
        except Exception as error:  # NLTK stops pathological input with a TimeoutError
            warn(
                f"punkt failed on a {len(piece):,}-character line ({type(error).__name__}); "
                "the fast engine split that line instead"
            )
            fallback = _split_lines(piece, _cuts_inside_lines(piece, decide=True))
            spans += [(start + s, start + e) for s, e in fallback]
            continue
        for s, e in piece_spans:
            sub = piece[s:e]
            stripped = sub.lstrip()
            if stripped:
                left = start + s + len(sub) - len(stripped)
                spans.append((left, left + len(stripped.rstrip())))
    return _as_spans(spans)


# --------------------------------------------------------------------------
# Quotations
# --------------------------------------------------------------------------

# Quote marks by family; a quotation is closed by a mark of its own family.
_FAMILY = {
    **dict.fromkeys("\"“”„‟", "double"),
    **dict.fromkeys("'‘’‚‛", "single"),
    **dict.fromkeys("«»", "guillemet"),
    **dict.fromkeys("‹›", "angle"),
    **dict.fromkeys("「」", "corner"),
    **dict.fromkeys("『』", "white corner"),
}
_OPENING = set("“„‟‘‚‛«‹「『")  # marks drawn as openers
_CLOSING = set("”’»›」』")  # marks drawn as closers
_CAN_REOPEN = set("”»›")  # a closer used as an opener when nothing is open (»German«)
# A paragraph that starts with one of these continues an unclosed quotation.
_CONTINUES = {
    "double": set("\"“„”"),
    "single": set("'‘‚"),
    "guillemet": set("«»"),
    "angle": set("‹›"),
    "corner": set("「"),
    "white corner": set("『"),
}
_OPEN_CONTEXT = set("([{<—–-/") | set(_FAMILY)  # may stand right before an opening mark
_CLOSE_CONTEXT = set(".,;:!?)]}>—–-/…") | set(_FAMILY)  # may stand right after a closing mark
# Apostrophes that look like opening quotes: '90s, 'em, rock 'n' roll, 'tis.
_ELISION_RE = re.compile(r"(?:\d\d(?:s|['’]s)?\b|em\b|n['’]|tis\b|twas\b|cause\b|til\b|bout\b|nuff\b)", re.I)
# Typewriter doubles: two apostrophes for a double quote ('' as NYT's archive and
# PTB-style text write both ends), two backticks as an opener (``quote''), and
# their curly forms (“A-OK’’-type sign”, ‘‘quote’’: USA TODAY, WSJ).
_DOUBLED = {"''": "\"", "``": "\u201c", "\u2019\u2019": "\u201d", "\u2018\u2018": "\u201c"}
_QUOTE_MARK_RE = re.compile("''|``|\u2019\u2019|\u2018\u2018|" + _cls("".join(_FAMILY)))
# The marks the scanner has to look at: _QUOTE_MARK_RE without a single-quote
# mark between two letters or digits (don’t, Syria’s: two in five marks of news
# text), which _QuoteScanner._mark would ignore anyway. It starts with one
# character class, so ``re`` skips to the next mark in C.
_INWORD_FAMILIES = _cls("".join(ch for ch, family in _FAMILY.items() if family == "single"))
_OTHER_FAMILIES = _cls("".join(ch for ch, family in _FAMILY.items() if family != "single"))
_SCANNED_MARK_RE = re.compile(
    rf"[{re.escape(''.join(_FAMILY))}`]"
    rf"(?:(?<=')'|(?<=`)`|(?<=\u2019)\u2019|(?<=\u2018)\u2018"  # the doubles '' `` ’’ ‘‘
    rf"|(?<={_OTHER_FAMILIES})"  # « » ‹ › and the corner brackets: always
    rf"|(?<!{_ALNUM}{_INWORD_FAMILIES})(?<={_INWORD_FAMILIES})"  # " or ' not after a letter or digit
    rf"|(?<={_INWORD_FAMILIES})(?!{_ALNUM}))"  # " or ' not before one
)
_PARAGRAPH_BREAK_RE = re.compile(rf"{_LB}\s*")  # a line break and the blank lines after it

QUOTE_COLUMNS = [
    "start",
    "end",
    "content_start",
    "content_end",
    "open_char",
    "close_char",
    "closed",
    "n_words",
    "depth",
    "n_paragraphs",
]


def quote_spans(text: str, *, nested: bool = False) -> pd.DataFrame:
    """Find the quotations of a text.

    Recognises curly (“…”, ‘…’), straight ("…", '…'), German („…“, »…«), French
    (« … », ‹…›) and CJK (「…」, 『…』) quotation marks, and the typewriter doubles
    of news archives (``''…''``, ````…''``, ``“…’’``). Apostrophes are not
    quotation marks: inside a word (``Syria’s``, ``don’t``), after a plural
    (``the militants’ self-proclaimed``) or an abbreviation (``the U.S.’s
    allies``), or in elisions (``'90s``, ``rock 'n' roll``).

    A quotation that is not closed by the end of its paragraph continues when the
    next paragraph opens with a quotation mark of the same kind (the news
    convention for a quote running over several paragraphs); otherwise it ends
    at the end of the paragraph, with ``closed=False``, and never runs on into the
    rest of the article. A closing mark with no opening one is ignored.

    Parameters
    ----------
    text : str
        The text; ``None`` counts as empty.
    nested : bool
        ``False`` (default): only the outermost quotations, which never overlap
        (ready for :func:`in_spans` and :func:`span_index`). ``True``: also the
        quotations inside them (a single-quoted quote inside a double-quoted one),
        with ``depth`` 1, 2, ...

    Returns
    -------
    pandas.DataFrame
        One row per quotation, sorted by ``start``:

        ``start``, ``end``
            the quotation including its marks (``text[start:end]``);
        ``content_start``, ``content_end``
            the quoted words, inside the marks;
        ``open_char``, ``close_char``
            the marks (``close_char`` is ``""`` when not closed);
        ``closed``
            False when the quotation was ended at a paragraph break (or by the
            end of an enclosing quotation) without a closing mark;
        ``n_words``
            word tokens in the content (:func:`token_spans`);
        ``depth``
            0 for an outermost quotation, 1 inside one, and so on;
        ``n_paragraphs``
            paragraphs the quotation runs over (1 unless continued).

    Examples
    --------
    >>> text = "“ISIS is on their heels,” Dunford said of the “caliphate”."
    >>> q = quote_spans(text)
    >>> [text[s:e] for s, e in zip(q.start, q.end)]
    ['“ISIS is on their heels,”', '“caliphate”']
    >>> q.n_words.tolist()
    [5, 1]
    """
    text = _as_text(text)
    return _quote_frame(_quote_rows(text, nested))


def _quote_rows(text: str, nested: bool, word_limit: int | None = None) -> list[tuple]:
    """Quotation rows (QUOTE_COLUMNS order, n_words filled in), sorted by start.

    With ``word_limit``, n_words stops counting at that many: enough to tell a
    short quotation from a long one, without reading all of a long quote
    (0: no counting at all, n_words is 0).
    """
    rows = _QuoteScanner(text).scan() if _QUOTE_MARK_RE.search(text) else []
    if not nested:
        rows = [row for row in rows if row[8] == 0]
    if not rows:
        return rows
    rows.sort(key=lambda row: (row[0], row[8]))
    if word_limit is None:
        counts = _tokens_inside(text, [row[2] for row in rows], [row[3] for row in rows])
    elif word_limit == 0:
        counts = [0] * len(rows)
    else:
        counts = [_count_tokens_up_to(text, row[2], row[3], word_limit) for row in rows]
    return [(*row[:7], n_words, *row[8:]) for row, n_words in zip(rows, counts)]


def _count_tokens_up_to(text: str, start: int, end: int, limit: int) -> int:
    """``min(limit, count_tokens(text[start:end]))``, reading no further than the limit-th token.

    The token pattern looks behind only inside a token, so searching between
    ``start`` and ``end`` finds exactly the tokens of the slice.
    """
    if end - start <= 16 * limit:  # short (most scare quotes): one findall in C is cheapest
        return min(limit, len(_TOKEN_RE.findall(text, start, end)))
    return len(list(itertools.islice(_TOKEN_RE.finditer(text, start, end), limit)))


def _tokens_inside(text: str, starts: list[int], ends: list[int]) -> list[int]:
    """Number of word tokens inside each [start, end).

    Quote marks never sit inside a token, so counting on the slice gives the same
    tokens as the whole text. When the slices overlap a lot (deeply nested
    quotes) a binary search over the text's tokens keeps this linear instead.
    """
    if sum(end - start for start, end in zip(starts, ends)) <= len(text):
        return [count_tokens(text[start:end]) for start, end in zip(starts, ends)]
    spans = token_spans(text)
    first = np.searchsorted(spans[:, 0], starts, side="left")
    after_last = np.searchsorted(spans[:, 1], ends, side="right")
    return np.maximum(after_last - first, 0).tolist()


_QUOTE_DTYPES = {
    "start": np.int64,
    "end": np.int64,
    "content_start": np.int64,
    "content_end": np.int64,
    "open_char": str,
    "close_char": str,
    "closed": bool,
    "n_words": np.int64,
    "depth": np.int64,
    "n_paragraphs": np.int64,
}


def _quote_frame(rows: list[tuple], extra: dict | None = None) -> pd.DataFrame:
    """DataFrame of quotation rows, built column by column (much faster than from tuples)."""
    columns = list(zip(*rows)) if rows else [()] * len(QUOTE_COLUMNS)
    data = dict(extra or {})
    for name, values in zip(QUOTE_COLUMNS, columns):
        dtype = _QUOTE_DTYPES[name]
        if dtype is not str:
            data[name] = np.array(values, dtype=dtype)
        elif values:
            data[name] = np.array(values, dtype=object)  # pandas infers its string dtype
        else:
            data[name] = pd.Series([], dtype=str)
    return pd.DataFrame(data)


def _strip_back(text: str, pos: int) -> int:
    """``pos`` moved back over the whitespace before it, in C: str.rstrip on a
    window that doubles until it reaches a non-space (or the start)."""
    width = 16
    while True:
        low = max(0, pos - width)
        kept = len(text[low:pos].rstrip())
        if kept or low == 0:
            return low + kept
        width *= 2


def _is_abbreviation_possessive(text: str, pos: int) -> bool:
    """The mark at ``pos`` is the apostrophe of "U.S.’s", "Jr.'s": after a letter and a period,
    before an "s" that ends the word."""
    return (pos > 1 and text[pos - 2].isalpha() and text[pos + 1:pos + 2] in ("s", "S")
            and not text[pos + 2:pos + 3].isalnum())


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """``(opens_like, closes_like)`` for a quotation mark between the characters ``before`` and ``after``.

    Flanking, as in Markdown: an opening mark leans on the word after it, a
    closing mark on the word before it.
    """
    space_before = not before or before.isspace()
    space_after = not after or after.isspace()
    return (not space_after and (space_before or before in _OPEN_CONTEXT),
            not space_before and (space_after or after in _CLOSE_CONTEXT))


class _QuoteScanner:
    """One left-to-right pass over the quote marks and paragraph breaks of a text.

    Open quotations sit on a stack; each family also keeps the stack positions of
    its open quotations, so finding the one a closing mark closes is O(1) even
    with thousands of marks.
    """

    def __init__(self, text: str):
        self.text = text
        # [open_pos, open_char, family, depth, n_paragraphs, possessive-looking closer or -1]
        self.stack: list[list] = []
        self.by_family: dict[str, list[int]] = {family: [] for family in _CONTINUES}
        self.rows: list[tuple] = []
        self.skip = -1  # a paragraph-opening mark that continues a quotation
        self.width = 1  # characters in the mark being read ('' and `` have two)

    def scan(self) -> list[tuple]:
        text = self.text
        # The next paragraph break not yet passed. Breaks matter only while a
        # quotation is open, so with none open the search jumps to the next mark
        # (a mark never lies inside a break, which is all whitespace); every
        # character is searched at most once.
        no_break = len(text) + 1
        brk = _PARAGRAPH_BREAK_RE.search(text)
        brk_start = brk.start() if brk else no_break
        for match in _SCANNED_MARK_RE.finditer(text):
            pos = match.start()
            while brk_start < pos:
                if self.stack:
                    self._paragraph_break(self._strip_back(brk_start), brk.end())
                    brk = _PARAGRAPH_BREAK_RE.search(text, brk.end())
                else:
                    brk = _PARAGRAPH_BREAK_RE.search(text, pos)
                brk_start = brk.start() if brk else no_break
            if pos != self.skip:
                self._mark(pos, match.group())
        if self.stack and brk is not None:
            # No mark follows, so no paragraph can continue the quotation.
            self._end_all_unclosed(brk_start)
        self._end_all_unclosed(len(text))
        return self.rows

    # -- events ------------------------------------------------------------

    def _mark(self, pos: int, mark: str | None = None) -> None:
        text = self.text
        mark = mark or text[pos]
        self.width = width = len(mark)
        char = _DOUBLED.get(mark, mark)
        family = _FAMILY[char]
        before = text[pos - 1] if pos > 0 else ""
        after = text[pos + width:pos + width + 1]
        if before.isalnum() and after.isalnum():
            if family == "double":
                self._glued_double(pos, char)  # a space left out: “news”letter, to“take
                return
            if family == "single":
                return  # an apostrophe (don’t, Syria’s)
        if family == "single" and before == "." and _is_abbreviation_possessive(text, pos):
            return  # the U.S.’s allies, Martin Luther King Jr.'s speech
        space_after = not after or after.isspace()
        opens_like, closes_like = _flanking(before, after)
        is_open = bool(self.by_family[family])

        if char in _OPENING:
            if is_open and closes_like and not opens_like:
                self._close(pos, family)  # „German“, or a misused mark
            elif family == "single" and _ELISION_RE.match(text, pos + 1):
                return  # ‘90s
            elif not space_after or family in ("guillemet", "angle"):
                self._open(pos, family)  # « French spacing » puts a space inside
        elif char in _CLOSING:
            if is_open:
                if family == "single" and self._is_plural_possessive(pos, before, after):
                    self._remember_possessive(pos)
                    return
                self._close(pos, family)
            elif char in _CAN_REOPEN and opens_like and not closes_like:
                self._open(pos, family)  # »German« quotes, or ” used for both
        else:  # straight " and ': direction only from context
            if family == "single" and not is_open and (
                before.isdigit() or _ELISION_RE.match(text, pos + 1)
            ):
                return  # 5'10, '90s, rock 'n' roll
            if is_open:
                if opens_like and not closes_like and family == "double":
                    if not self._nested_straight_double(pos):
                        # `He said "we won. Then "no way" and left`: the first quote
                        # was never closed; end it here and start the next one.
                        self._end_unclosed_from(self.by_family[family][-1], pos)
                    self._open(pos, family)
                elif family == "single" and self._is_plural_possessive(pos, before, after):
                    self._remember_possessive(pos)
                else:
                    self._close(pos, family)
            elif not space_after and not (closes_like and not opens_like):
                self._open(pos, family)

    def _glued_double(self, pos: int, char: str) -> None:
        """A double mark with a letter or digit on both sides: a space left out.

        `to“take the necessary steps` opens a quotation; `“news”letter`,
        `"yes"votes` close the open one. A closing or straight mark with no
        quotation open is left alone, as a double mark is never an apostrophe
        but cannot be read either way.
        """
        if char in _OPENING:
            self._open(pos, "double")
        elif self.by_family["double"]:
            self._close(pos, "double")

    def _nested_straight_double(self, pos: int) -> bool:
        """Whether the opening-looking " at ``pos``, met while a " quotation is open,
        starts a quotation inside it rather than ending it.

        Writers who have only the straight mark nest with it too: `"... it's the
        "Carnahan lesson" from the midterms," the NRSC said`. The inner quotation
        is nested when, after its closing mark, the paragraph still holds a
        closing-looking mark for the outer one, or, with none left, the next
        paragraph opens with a quotation mark (a quote running on). Otherwise the
        outer quotation was never closed (`He said "we won. Then "no way" and left`).
        """
        text = self.text
        paragraph_end = text.find("\n", pos)
        if paragraph_end < 0:
            paragraph_end = len(text)
        inner_close = self._next_straight_double(pos + 1, paragraph_end)
        if inner_close < 0 or not self._leans_closing(inner_close):
            return False
        outer_close = self._next_straight_double(inner_close + 1, paragraph_end)
        if outer_close >= 0:
            return self._leans_closing(outer_close)
        rest = text[paragraph_end:paragraph_end + 8].lstrip()
        return rest[:1] in _CONTINUES["double"]

    def _next_straight_double(self, start: int, end: int) -> int:
        """Offset of the next " in ``text[start:end]`` that is not inside a word, or -1."""
        text = self.text
        k = text.find('"', start, end)
        while k > 0 and text[k - 1].isalnum() and text[k + 1:k + 2].isalnum():
            k = text.find('"', k + 1, end)
        return k

    def _leans_closing(self, pos: int) -> bool:
        """The straight mark at ``pos`` can only close a quotation (see :func:`_flanking`)."""
        opens_like, closes_like = _flanking(self.text[pos - 1] if pos > 0 else "", self.text[pos + 1:pos + 2])
        return closes_like and not opens_like

    def _is_plural_possessive(self, pos: int, before: str, after: str) -> bool:
        """`the militants’ self-proclaimed`: s + apostrophe + space + lower-case word."""
        return before in "sS" and after == " " and self.text[pos + 2 : pos + 3].islower()

    def _remember_possessive(self, pos: int) -> None:
        # `‘They are all soldiers’ and they fight.`: if no later mark closes the
        # quotation, this one did after all (see _end_unclosed_from).
        self.stack[self.by_family["single"][-1]][5] = pos

    def _paragraph_break(self, end_of_paragraph: int, next_paragraph: int) -> None:
        if not self.stack:
            return
        outer_family = self.stack[0][2]
        first = self.text[next_paragraph : next_paragraph + 1]
        doubled = self.text[next_paragraph : next_paragraph + 2] in _DOUBLED
        if first and (first in _CONTINUES[outer_family] or (doubled and outer_family == "double")):
            # News convention: a quote running over paragraphs is not closed at
            # the end of the first, and the next paragraph re-opens it.
            if len(self.stack) > 1:
                self._end_unclosed_from(1, end_of_paragraph)
            self.stack[0][4] += 1
            self.skip = next_paragraph
        else:
            self._end_all_unclosed(end_of_paragraph)

    # -- stack operations --------------------------------------------------

    def _open(self, pos: int, family: str) -> None:
        self.by_family[family].append(len(self.stack))
        width = self.width
        self.stack.append([pos, self.text[pos:pos + width], family, len(self.stack), 1, -1, width])

    def _close(self, pos: int, family: str) -> None:
        index = self.by_family[family][-1]
        if index + 1 < len(self.stack):
            self._end_unclosed_from(index + 1, pos)  # inner quotes left open
        self._add_closed(self._pop(), pos, self.width)

    def _add_closed(self, entry: list, pos: int, width: int = 1) -> None:
        open_pos, open_char, _family, depth, paragraphs, _, open_width = entry
        self.rows.append(
            (open_pos, pos + width, open_pos + open_width, pos, open_char, self.text[pos:pos + width],
             True, 0, depth, paragraphs)
        )

    def _end_unclosed_from(self, index: int, end: int) -> None:
        """End the quotations at stack positions >= index, unclosed, before ``end``."""
        end = self._strip_back(end)
        while len(self.stack) > index:
            entry = self._pop()
            open_pos, open_char, _family, depth, paragraphs, possessive, width = entry
            if possessive >= 0:
                self._add_closed(entry, possessive)
            elif end > open_pos + width:  # a lone mark with nothing after it is no quotation
                self.rows.append((open_pos, end, open_pos + width, end, open_char, "", False, 0, depth,
                                  paragraphs))

    def _end_all_unclosed(self, end: int) -> None:
        if self.stack:
            self._end_unclosed_from(0, end)

    def _pop(self) -> list:
        entry = self.stack.pop()
        self.by_family[entry[2]].pop()
        return entry

    def _strip_back(self, pos: int) -> int:
        """``pos`` moved back over the whitespace before it."""
        return _strip_back(self.text, pos)


# --------------------------------------------------------------------------
# Offsets in spans
# --------------------------------------------------------------------------


def _span_arrays(spans) -> tuple[np.ndarray, np.ndarray]:
    """Start and end arrays from an (n, 2) array or a table with start/end columns."""
    if isinstance(spans, pd.DataFrame):
        missing = {"start", "end"} - set(spans.columns)
        if missing:
            raise FramingError(f"span table needs columns 'start' and 'end'; missing {sorted(missing)}")
        return spans["start"].to_numpy(np.int64), spans["end"].to_numpy(np.int64)
    array = np.asarray(spans, dtype=np.int64)
    if array.size == 0:
        array = array.reshape(0, 2)
    if array.ndim != 2 or array.shape[1] != 2:
        raise FramingError(f"spans must be an (n, 2) array of start, end; got shape {array.shape}")
    return array[:, 0], array[:, 1]


def in_spans(offsets, spans) -> np.ndarray:
    """Test whether each offset lies inside any of a set of spans.

    An offset ``x`` lies inside ``(start, end)`` when ``start <= x < end``.
    Vectorised with :func:`numpy.searchsorted`; spans may come in any order and
    may even overlap or nest.

    Parameters
    ----------
    offsets : int or array-like of int
        Character offsets, e.g. the ``start`` of each match.
    spans : array-like of shape (n, 2) or pandas.DataFrame
        Spans, or a table with ``start`` and ``end`` columns such as
        :func:`quote_spans`.

    Returns
    -------
    numpy.ndarray
        Booleans, the shape of ``offsets``.

    Examples
    --------
    >>> in_spans([0, 5, 12], [[4, 10]])
    array([False,  True, False])
    """
    starts, ends = _span_arrays(spans)
    offsets = np.asarray(offsets, dtype=np.int64)
    keep = ends > starts
    starts, ends = starts[keep], ends[keep]
    if starts.size == 0:
        return np.zeros(offsets.shape, dtype=bool)
    order = np.argsort(starts, kind="stable")
    starts = starts[order]
    # The furthest end reached by any span starting at or before each start:
    # an offset is covered iff it lies before that, whatever the overlaps.
    reach = np.maximum.accumulate(ends[order])
    last = np.searchsorted(starts, offsets, side="right") - 1
    return (last >= 0) & (offsets < reach[np.maximum(last, 0)])


def span_index(offsets, spans) -> np.ndarray:
    """Find the span that contains each offset.

    Used to give each match the index of its sentence
    (``span_index(match_starts, sentence_spans(text))``).

    Parameters
    ----------
    offsets : int or array-like of int
        Character offsets.
    spans : array-like of shape (n, 2) or pandas.DataFrame
        Non-overlapping spans (in any order), or a table with ``start`` and
        ``end`` columns.

    Returns
    -------
    numpy.ndarray
        ``int64``, the shape of ``offsets``: the row of ``spans`` with
        ``start <= offset < end``, or -1 when no span contains the offset.

    Raises
    ------
    FramingError
        If two spans overlap (the containing span would not be unique); use
        :func:`in_spans` for overlapping spans.

    Examples
    --------
    >>> span_index([0, 5, 12, 30], [[0, 10], [11, 20]])
    array([ 0,  0,  1, -1])
    """
    starts, ends = _span_arrays(spans)
    offsets = np.asarray(offsets, dtype=np.int64)
    rows = np.flatnonzero(ends > starts)  # an empty span contains nothing
    order = rows[np.argsort(starts[rows], kind="stable")]
    starts, ends = starts[order], ends[order]
    if np.any(starts[1:] < ends[:-1]):
        raise FramingError("span_index needs non-overlapping spans; use in_spans() for overlapping ones")
    if starts.size == 0:
        return np.full(offsets.shape, -1, dtype=np.int64)
    last = np.searchsorted(starts, offsets, side="right") - 1
    safe = np.maximum(last, 0)
    inside = (last >= 0) & (offsets < ends[safe])
    return np.where(inside, order[safe], -1).astype(np.int64)


# --------------------------------------------------------------------------
# One text, and tables over a corpus
# --------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Segmentation:
    """Sentences, word tokens and quotations of one text (see :func:`segment`).

    Attributes
    ----------
    sentences : numpy.ndarray
        ``(n, 2)`` sentence spans (:func:`sentence_spans`).
    tokens : numpy.ndarray
        ``(n, 2)`` token spans (:func:`token_spans`).
    quote_array : numpy.ndarray
        ``(n, 2)`` spans of the outermost quotations, marks included.
    quotes : pandas.DataFrame
        The outermost quotations as :func:`quote_spans` returns them; built on
        first access, since a DataFrame per article costs more than the
        segmentation itself.
    """

    sentences: np.ndarray
    tokens: np.ndarray
    quote_array: np.ndarray
    _quote_rows: list = field(repr=False)

    @functools.cached_property
    def quotes(self) -> pd.DataFrame:
        return _quote_frame(self._quote_rows)

    def sentence_of(self, offsets) -> np.ndarray:
        """Index of the sentence containing each offset, -1 for whitespace between them."""
        return span_index(offsets, self.sentences)

    def in_quote(self, offsets) -> np.ndarray:
        """Whether each offset lies inside a quotation (marks included)."""
        return in_spans(offsets, self.quote_array)


def segment(text: str, *, engine: str = "fast") -> Segmentation:
    """Segment one text into sentences, word tokens and quotations.

    Parameters
    ----------
    text : str
        The text; ``None`` counts as empty.
    engine : {"fast", "punkt"}
        Sentence engine, see :func:`sentence_spans`.

    Returns
    -------
    Segmentation
        With ``sentences``, ``tokens`` and ``quotes``.

    Examples
    --------
    >>> seg = segment("“We won,” he said. Experts disagree.")
    >>> len(seg.sentences), len(seg.tokens), len(seg.quotes)
    (2, 6, 1)
    >>> seg.sentence_of([20]).tolist(), seg.in_quote([2, 20]).tolist()
    ([1], [True, False])
    """
    text = _as_text(text)
    rows = _quote_rows(text, nested=False)
    return Segmentation(
        sentences=sentence_spans(text, engine=engine),
        tokens=token_spans(text),
        quote_array=_as_spans([row[:2] for row in rows]),
        _quote_rows=rows,
    )


def sentences(corpus: pd.DataFrame, *, engine: str = "fast") -> pd.DataFrame:
    """Table of the sentences of every article of a corpus.

    Parameters
    ----------
    corpus : pandas.DataFrame
        With columns ``doc_id`` and ``text``.
    engine : {"fast", "punkt"}
        Sentence engine, see :func:`sentence_spans`.

    Returns
    -------
    pandas.DataFrame
        One row per sentence: ``doc_id``, ``sentence`` (0-based index within the
        article), ``start``, ``end``, ``text``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["ISOLATED\\nHe hides. Sources say so."]})
    >>> sentences(corpus).text.tolist()
    ['ISOLATED', 'He hides.', 'Sources say so.']
    """
    if engine not in ENGINES:
        raise FramingError(f"engine must be one of {ENGINES}, got {engine!r}")
    return _span_table(corpus, "sentence", lambda text: sentence_spans(text, engine=engine))


def tokens(corpus: pd.DataFrame) -> pd.DataFrame:
    """Table of the word tokens of every article of a corpus.

    Parameters
    ----------
    corpus : pandas.DataFrame
        With columns ``doc_id`` and ``text``.

    Returns
    -------
    pandas.DataFrame
        One row per token: ``doc_id``, ``token`` (0-based index within the
        article), ``start``, ``end``, ``text``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Syria’s desert."]})
    >>> tokens(corpus).text.tolist()
    ['Syria’s', 'desert']
    """
    return _span_table(corpus, "token", token_spans)


def quotes(corpus: pd.DataFrame, *, nested: bool = False) -> pd.DataFrame:
    """Table of the quotations of every article of a corpus.

    Parameters
    ----------
    corpus : pandas.DataFrame
        With columns ``doc_id`` and ``text``.
    nested : bool
        Also list quotations inside quotations (see :func:`quote_spans`).

    Returns
    -------
    pandas.DataFrame
        One row per quotation: ``doc_id``, ``quote`` (0-based index within the
        article), then the columns of :func:`quote_spans`, then ``text`` (the
        quotation with its marks).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a"], "text": ['The "caliph" hides.']})
    >>> quotes(corpus)[["doc_id", "quote", "text", "closed"]].values.tolist()
    [['a', 0, '"caliph"', True]]
    """
    doc_ids, texts = _corpus_columns(corpus)
    per_doc = [_quote_rows(text, nested) for text in texts]
    counts = np.array([len(rows) for rows in per_doc], dtype=np.int64)
    rows = [row for doc_rows in per_doc for row in doc_rows]
    table = _quote_frame(
        rows,
        extra={
            "doc_id": doc_ids.repeat(counts).reset_index(drop=True),
            "quote": _index_within(counts),
        },
    )
    table["text"] = pd.Series(
        [text[row[0] : row[1]] for text, doc_rows in zip(texts, per_doc) for row in doc_rows],
        dtype=str,
    )
    return table


def _span_table(corpus: pd.DataFrame, index_name: str, find_spans) -> pd.DataFrame:
    doc_ids, texts = _corpus_columns(corpus)
    parts = [find_spans(text) for text in texts]
    counts = np.array([len(part) for part in parts], dtype=np.int64)
    spans = np.concatenate(parts) if parts else np.empty((0, 2), dtype=np.int64)
    pieces = [
        text[start:end] for text, part in zip(texts, parts) for start, end in part.tolist()
    ]
    return pd.DataFrame(
        {
            "doc_id": doc_ids.repeat(counts).reset_index(drop=True),
            index_name: _index_within(counts),
            "start": spans[:, 0],
            "end": spans[:, 1],
            "text": pd.Series(pieces, dtype=str),
        }
    )


def _index_within(counts: np.ndarray) -> np.ndarray:
    """0, 1, ... restarting for each document: [2, 3] -> [0, 1, 0, 1, 2]."""
    total = int(counts.sum())
    firsts = np.repeat(np.cumsum(counts) - counts, counts)
    return np.arange(total, dtype=np.int64) - firsts


def _corpus_columns(corpus) -> tuple[pd.Series, list[str]]:
    if not isinstance(corpus, pd.DataFrame):
        raise FramingError(
            f"expected a corpus DataFrame with columns 'doc_id' and 'text', got {type(corpus).__name__}"
        )
    missing = [column for column in ("doc_id", "text") if column not in corpus.columns]
    if missing:
        raise FramingError(
            f"the corpus needs columns 'doc_id' and 'text'; missing {missing} "
            f"(load it with framing.load_corpus)"
        )
    return corpus["doc_id"], [_as_text(value) for value in corpus["text"].tolist()]


def _as_text(value) -> str:
    """The text to segment: str as is, missing values as ""."""
    if isinstance(value, str):
        return value
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    raise FramingError(f"expected text as str, got {type(value).__name__}")
