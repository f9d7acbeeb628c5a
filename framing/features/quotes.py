"""What a quotation is doing: reported speech, a scare quote, a title or a heading.

Quotation marks do several jobs in news. Only reported speech is another
person's voice; a scare quote (“caliphate”) is the outlet's own voice keeping
its distance from a word; a quoted title ("World of Daesh") names a work; a
quoted line standing alone ("GAME IS UP") is a pull quote used as a heading.
The classification uses the attribution stage's content spans, so it runs after it.

Decided in this order for each quotation:

1. **heading**: the quotation is its whole line, has no final sentence
   punctuation and no speaker ("GAME IS UP" as a subheading). A quotation
   paragraph that continues someone's speech ("“Lone wolves will strike.”")
   is speech, not a heading.
2. **speech** when it is unclosed, longer than four words, or ends a sentence.
3. **scare** when a distancing modifier stands right before it ("so-called",
   "self-styled", "self-proclaimed"), even inside reported speech.
4. **mention** after a word that names a word ("the word “choices”", "the
   phrase “white trash”", "the term “caliphate”"): the term is talked about,
   not used at a distance; also a first-person pronoun alone ("“we”
   statements") and a nickname inside a name ('Rep. William "Mac"
   Thornberry').
   **speech** when it speaks in the first person ("“sacrifice my blood”",
   "“only I can solve”"): the outlet's own voice never says "I" or "we".
   **title** after a word such as "book", "film", "report", "headline",
   "sang", when its first word is capitalised ("the book “World of Daesh”",
   "sang “Amazing Grace”"), before a noun that names what the title is
   of ("“Make America Great Again” caps", "the “Today's best articles”
   newsletter"), title-cased after a possessive ("NBC’s “Meet the
   Press”", "Fox News Channel's “Tucker Carlson Tonight”") or after "on"
   ("an interview on “Fox & Friends”"), or before a possessive and a name
   ("“60 Minutes”’ Lesley Stahl"). **mention** also for an acronym defined
   in parentheses ("(“CPD”)").
5. **title** when the attribution stage found it speaking: a quoted work
   that is the speaker of a cue ("“60 Minutes” announced", "as
   “Blackfish” points out").
   **speech** when the attribution stage attributed it: it lies in the
   content of an attribution (direct, mixed, or a reported clause that holds
   it), is a quotation carried over from the previous sentence or paragraph
   of a direct quote, or follows a cue in the same sentence; or when a
   naming verb governs it ("called it an “inflection point”").
6. **title** when written in title case ("the “Joe Walsh Show”", "a “Tonight
   Show” skit", "the “Never Trump” crowd"): the name of a work, a programme, an
   event or a movement, not a word held at a distance; except in a title-case
   headline, where every word is capitalised, after a name's possessive
   ("Trump’s “Big Beautiful Wall”": his phrase), and when it holds a
   naming-lexicon variant (the “Islamic State”, whose marks keep a distance).
   **scare** otherwise: a short quoted term that nobody is reported as saying.
"""

from __future__ import annotations

import bisect
import functools
import re

from framing.features.base import Doc, feature_mask

SPEECH, SCARE, TITLE, HEADING, MENTION = "speech", "scare", "title", "heading", "mention"

# Words that introduce a quoted title rather than quoted speech.
_TITLE_CUES = re.compile(
    r"\b(book|books|novel|memoir|film|movie|documentary|series|show|song|album|play|poem|"
    r"report|study|paper|article|column|op-ed|essay|headline|titled|entitled|headlined|"
    r"magazine|newspaper|programme|program|podcast|campaign|slogan|hashtag|operation|"
    r"sings|sang|sung|singing|performs|performed|performing|recites|recited|reciting)\s*[,:]?\s*$",
    re.IGNORECASE)
# Nouns right after a quoted title that say what it is the title of. Lower case only:
# '“It is over,” Bill said' and '“…,” Page says' name a speaker, not a bill or a page.
_TITLE_NOUN_AFTER = re.compile(
    r"\s*[\"'\u201d\u2019]?\s*(newsletter|hats?|caps?|signs?|t-shirts?|shirts?|banners?|stickers?|posters?|"
    r"buttons?|slogan|campaign|program|programme|initiative|doctrine|movement|tour|rally|speech|ads?|"
    r"series|show|segment|podcast|column|documentary|episode|album|song|book|film|movie|conference|"
    r"host|co-host|anchor|contestant|star|section|page|"
    r"summit|project|website|app|hashtag|sign-off|motto|bill|plan|policy|act|protest|march|festival|concert)\b")
# Nouns that name a word: what follows them in quotation marks is mentioned.
_MENTION_BEFORE = re.compile(
    r"\b(word|words|term|terms|phrase|phrases|expression|expressions|label|moniker|nickname|acronym|"
    r"epithet|catchphrase|catchword|buzzword|euphemism|spelling)\s*[,:]?\s*$",
    re.IGNORECASE)
# A distancing modifier right before a quote makes it a scare quote even inside a report.
# "would-be" needs its hyphen: "would be “true to his word”" is the modal verb.
_DISTANCING_BEFORE = re.compile(
    r"\b(so[\s\-\u2010\u2011]?called|self[\s\-\u2010\u2011]?(styled|proclaimed|declared|described|appointed)|"
    r"alleged|purported|would[\-\u2010\u2011]be|supposed|ostensible|pseudo)\s*$",
    re.IGNORECASE)
# Verbs whose object is the speaker's own term: "X called it an “inflection point”".
_NAMING_VERB_BEFORE = re.compile(
    r"\b(call|calls|called|calling|dub|dubs|dubbed|term|terms|termed|label|labels|labelled|"
    r"labeled|brand|brands|branded|describe[sd]?\s.{0,60}?\bas|described\s.{0,60}?\bas)\b"
    r"[^.!?\"\u201c\u201d]{0,80}$",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\u2026]\W*$")
# "as Cruz put it" right after or before a quotation attributes it.
_AS_PUT_IT_AFTER = re.compile(r"[\s,\u201d\u2019\"']{0,4}as\s[^.!?\n]{1,40}?\bput\s+it\b")
_AS_PUT_IT_BEFORE = re.compile(r"\bas\s[^.!?\n]{1,40}?\bput\s+it\s*[,:]?\s*$")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]e|us|[Mm]y|[Oo]ur)(?:['\u2019](?:m|ve|ll|d|re))?\b"
                           r"(?!['\u2019\-]\w)")
_KNOWN_AS_BEFORE = re.compile(r"\b(?:(?:known|referred\s+to|named)\s+as|nicknamed(?:\s+as)?|alias)(?:\s+the)?\s*$",
                              re.IGNORECASE)
MAX_SCARE_WORDS = 4


def classify_quotes(doc: Doc) -> list[str]:
    """The kind of each quotation in ``doc.quotes``.

    Returns
    -------
    list of str
        ``"speech"``, ``"scare"``, ``"title"``, ``"mention"`` or ``"heading"``, one per row of
        ``doc.quotes``.
    """
    if not len(doc.quotes):
        return []
    spans = _Spans(doc)
    rows = doc.quotes[:, :4].tolist()
    closed = doc.quote_closed.tolist()
    words = doc.quote_words.tolist()
    kinds = [_classify_one(doc, row, closed[k], words[k], spans) for k, row in enumerate(rows)]
    if SCARE in kinds and len(kinds) > 1:
        _share_kinds_along_lists(doc.text, rows, kinds)
    return kinds


# Only a comma, "and" or "or" between two quotations: "the word “sex,” or “gender”".
_SPACE_RUN = re.compile(r"[ \t]+")
_LIST_JOINER = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|(?:and|or)[ \t]+)", re.IGNORECASE)


def _share_kinds_along_lists(text: str, rows: list, kinds: list[str]) -> None:
    """Give a scare quote the kind of a quotation it is listed with, in place.

    Quotations joined by a comma, "and" or "or" are read alike: when one of
    them is a mention, a title or someone's words ("the word “sex,” or
    “gender”", "symptoms that “are late-developing” and “manifest over a
    period of time.”"), so is the scare quote next to it, unless a distancing
    modifier stands before it.
    """
    for _ in range(2):  # forwards, then backwards: a kind spreads along the whole list
        order = range(1, len(rows)) if _ == 0 else range(len(rows) - 2, -1, -1)
        for k in order:
            other = k - 1 if _ == 0 else k + 1
            if kinds[k] != SCARE or kinds[other] in (SCARE, HEADING) or \
                    _distancing_before(text[max(0, rows[k][0] - 120):rows[k][0]]):
                continue  # a distancing modifier keeps its scare quote ("the so-called “caliphate”")
            left, right = (other, k) if other < k else (k, other)
            if text[rows[left][3] - 1:rows[left][3]] in ".!?":
                continue  # the first quotation ends a sentence: the next one starts another
            gap = _LIST_JOINER.match(text, rows[left][1], rows[right][0])
            if gap is None or gap.end() != rows[right][0]:
                # “campaign travel,” “toy drives,”: the comma stands inside the closing mark
                gap = _SPACE_RUN.match(text, rows[left][1], rows[right][0]) \
                    if text[rows[left][3] - 1:rows[left][3]] == "," else None
            if gap is not None and gap.end() == rows[right][0] and rows[right][0] - rows[left][1] <= 8:
                kinds[k] = kinds[other]


class _Spans:
    """Sorted attributed spans and cue ends of an article, for overlap look-ups in O(log n).

    Sorted on first use: most quotations are settled by their own words and
    context (:func:`context_kind`), and in many articles no quotation needs them.
    """

    def __init__(self, doc: Doc):
        self._doc = doc

    @functools.cached_property
    def _sorted(self) -> tuple[list, list, int, list]:
        spans = sorted(self._doc.attributed_spans)
        starts = [a for a, _ in spans]
        longest = max((b - a for a, b in spans), default=0)
        cue_ends = sorted(end for _, end in self._doc.cue_spans)
        return spans, starts, longest, cue_ends

    def overlaps(self, start: int, end: int) -> bool:
        spans, starts, longest, _ = self._sorted
        k = bisect.bisect_left(starts, start - longest)
        while k < len(spans) and spans[k][0] < end:
            if spans[k][1] > start:
                return True
            k += 1
        return False

    def cue_ends_before(self, start: int, reach: int) -> list[int]:
        """Ends of cues in ``[start - reach, start]``."""
        cue_ends = self._sorted[3]
        lo = bisect.bisect_left(cue_ends, start - reach)
        hi = bisect.bisect_right(cue_ends, start)
        return cue_ends[lo:hi]


def _classify_one(doc: Doc, row: list, closed: bool, n_words: int, spans: "_Spans") -> str:
    start, end, c_start, c_end = row
    text = doc.text
    if (_is_heading(text, start, end) and not _ends_sentence(text, c_start, c_end)
            and not _is_attributed(doc, start, end, spans)) or _upper_case_line(text, start, end):
        return HEADING  # also "'PART OF WHAT MOTIVATED' FORD WAS TO PUT 'ASTERISK' ON KAVANAUGH"
    kind = context_kind(text, row, closed, n_words)
    if kind is not None:
        return kind
    if doc.speaking_titles and (start, end) in doc.speaking_titles:
        return TITLE  # "“60 Minutes” announced": the work is the speaker
    if _is_attributed(doc, start, end, spans) or \
            _NAMING_VERB_BEFORE.search(_same_sentence(text[max(0, start - 120):start])):
        return SPEECH
    if _title_cased(text[c_start:c_end]) and not _title_case_line(text, start, end) \
            and not _NAME_POSSESSIVE_BEFORE.search(text, max(0, start - 40), start) \
            and not _holds_naming_variant(doc, c_start, c_end):
        return TITLE  # "the “Joe Walsh Show”", "a “Tonight Show” skit", "the “Never Trump” crowd"
    return SCARE


def _holds_naming_variant(doc: Doc, start: int, end: int) -> bool:
    """A naming-lexicon variant lies within ``[start, end)``: the so-called “Islamic State” keeps its distance."""
    hits = doc.hits
    if not len(hits):
        return False
    inside = (hits.start >= start) & (hits.end <= end)
    return bool(inside.any()) and bool(feature_mask(doc.entries, "naming")[hits.entry[inside]].any())


def context_kind(text: str, row, closed: bool, n_words: int) -> str | None:
    """The kind of a quotation that its own words and context settle, or None.

    Steps 2 to 4 of the module's order: speech when unclosed, long or ending
    a sentence; scare after a distancing modifier; mention or title after
    the words that introduce them. None means the attributions around the
    quotation decide (step 5 and 6), which only ``classify_quotes`` can do.

    Parameters
    ----------
    text : str
        The article.
    row : sequence of int
        ``start, end, content_start, content_end`` of the quotation.
    closed : bool
        Whether the quotation has its closing mark.
    n_words : int
        Words of its content, counted at least up to ``MAX_SCARE_WORDS + 1``.

    Examples
    --------
    >>> t = "He wrote the book “World of Daesh” in 2015."
    >>> context_kind(t, (18, 34, 19, 33), True, 3)
    'title'
    >>> context_kind(t, (18, 34, 19, 33), False, 3)
    'speech'
    """
    start, end, c_start, c_end = row[:4]
    if not closed:
        return SPEECH
    if n_words == 0 or n_words > MAX_SCARE_WORDS or _ends_sentence(text, c_start, c_end):
        return SPEECH
    before = text[max(0, start - 120):start]
    if _distancing_before(before):
        return SCARE
    if _AS_PUT_IT_AFTER.match(text, end) or _AS_PUT_IT_BEFORE.search(before, max(0, len(before) - 60)):
        return SPEECH  # "“trained monkeys,” as Cruz put it": someone's words
    if _mention_before(before) or _KNOWN_AS_BEFORE.search(before, max(0, len(before) - 30)) \
            or _is_single_letter(text, c_start, c_end) or _is_nickname(text, row):
        return MENTION  # also "a program known as “Secure Communities”", an "A" or "B" rating,
        # 'Rep. William "Mac" Thornberry'
    content = text[c_start:c_end]
    if _looks_like_title(content) and (_title_cue_before(before) or _TITLE_NOUN_AFTER.match(text, end, end + 24)
                                       or _POSSESSIVE_NAME_AFTER.match(text, end, end + 24)
                                       or (_POSSESSIVE_BEFORE.search(before) and _title_cased(content))
                                       or (_MEDIUM_POSSESSIVE_BEFORE.search(before) and _one_capitalised(content))):
        return TITLE  # also "Fox News Channel's “Tucker Carlson Tonight”", "“Meet the Press”’s Chuck Todd"
    if (_ON_BEFORE.search(before, max(0, len(before) - 12)) and _title_cased(content)) or (
            _AUTHOR_OF_BEFORE.search(before, max(0, len(before) - 24)) and _looks_like_title(content)):
        return TITLE  # "in an interview on “Fox & Friends,”", "author of “Emily Gets Her Gun”"
    if _ACRONYM.fullmatch(content) and text[start - 1:start] == "(" and text[end:end + 1] == ")":
        return MENTION  # 'the Commission on Presidential Debates (“CPD”)': a short name defined
    if _FIRST_PERSON.search(content):
        # The outlet does not say "I" or "we" in its own voice: a quoted word in the
        # first person is someone's words ("vowed to “sacrifice my blood”", "only I can
        # solve"), or, alone, the pronoun talked about ("started using “we” statements").
        return MENTION if _FIRST_PERSON.fullmatch(content.strip(" ,.!?")) else SPEECH
    return None


_ON_BEFORE = re.compile(r"\bon\s*$")
_AUTHOR_OF_BEFORE = re.compile(r"\b(?:author|co-author|editor|director|producer)\s+of\s*$", re.IGNORECASE)
_ACRONYM = re.compile(r"[A-Z][A-Z&.]{1,9}")

# Broadcasters and streaming services, whose possessive before a quotation names a programme.
_BROADCASTERS = (r"Channel|Network|News|Radio|TV|Television|Netflix|Hulu|Spotify|YouTube"
                 r"|CNN|MSNBC|CNBC|NBC|CBS|ABC|BBC|PBS|NPR|HBO|ESPN|CBC|Fox")
_POSSESSIVE_END = r"(?:['\u2019]s|['\u2019])\s*$"
# A medium's possessive right before a quotation: "CNN's", "NBC’s", "CBS'", "Fox News Channel's";
# not a person's ("Trump’s “Big Beautiful Wall”" keeps its distance).
_POSSESSIVE_BEFORE = re.compile(rf"(?:\b[A-Z]{{2,}}|\b(?:{_BROADCASTERS}|Times|Post|Journal|Magazine|Media|Studios?))"
                                + _POSSESSIVE_END)
# A broadcaster's own possessive (not an acronym's, which may be a group's: "ISIS’s"):
# one capitalised word after it is a programme too ("Fox News’ “Hannity,”").
# A name's possessive right before a quotation: "Trump’s “Big Beautiful Wall”" is his phrase, at a distance.
_NAME_POSSESSIVE_BEFORE = re.compile(r"\b[A-Z][\w.-]*" + _POSSESSIVE_END)
_MEDIUM_POSSESSIVE_BEFORE = re.compile(rf"\b(?:{_BROADCASTERS})" + _POSSESSIVE_END)


# A possessive and a name right after a quotation:
# "“60 Minutes”’ Lesley Stahl", "“Meet the Press”’s Chuck Todd".
_POSSESSIVE_NAME_AFTER = re.compile(r"['\u2019]s?\s+[A-Z][a-z]")


def _one_capitalised(content: str) -> bool:
    words = content.strip(" ,.:;").split()
    return len(words) == 1 and words[0][:1].isupper()


def _title_cased(content: str) -> bool:
    """Two words or more, each word longer than three letters capitalised ("Meet the Press", "60 Minutes")."""
    words = [w for w in content.split() if w[:1].isalnum()]
    return len(words) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in words if len(w) > 3 or w is words[0])


_TAIL = 64
_NON_WORD_RUN = re.compile(r"\W*")
_TERMINATORS = ".!?\u2026"  # the characters _SENTENCE_END starts with


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends a sentence: ``_SENTENCE_END`` matches it.

    That is, a terminator stands among the non-word characters that end it.
    Read backwards from the end, which costs the same for a long speech quote
    as for a short one (the regular expression would try every terminator).
    """
    low = max(start, end - _TAIL)
    reversed_tail = text[low:end][::-1]
    run = _NON_WORD_RUN.match(reversed_tail).end()
    if run == len(reversed_tail) and low > start:  # more punctuation than the window holds
        return _SENTENCE_END.search(text[start:end].strip()) is not None
    return any(ch in _TERMINATORS for ch in reversed_tail[:run])


# Both cue expressions end with the text: their word ends where the trailing
# whitespace (and, for a title, one comma or colon) begins. Searching from a
# little before that point finds the same match as searching all 120
# characters, at a third of the cost. ``\b`` still sees the character before.
_CUE_REACH = 40  # longer than any cue phrase ("self-proclaimed": 15)


def _distancing_before(before: str) -> bool:
    """``_DISTANCING_BEFORE.search(before)``, read from near the end."""
    word_end = len(before.rstrip())
    return _DISTANCING_BEFORE.search(before, max(0, word_end - _CUE_REACH)) is not None


def _mention_before(before: str) -> bool:
    """``_MENTION_BEFORE.search(before)``, read from near the end."""
    return _noun_cue_before(_MENTION_BEFORE, before)


def _title_cue_before(before: str) -> bool:
    """``_TITLE_CUES.search(before)``, read from near the end."""
    return _noun_cue_before(_TITLE_CUES, before)


def _noun_cue_before(pattern: re.Pattern, before: str) -> bool:
    """``pattern.search(before)`` from a little before its last word; one comma or colon may follow it.

    The cue is one word without spaces that ends where ``kept`` ends, so a
    match starts after the last space in ``kept``: the search starts there
    (a few positions to try instead of ``_CUE_REACH``), or at the reach, if later.
    """
    kept = before.rstrip()
    if kept.endswith((",", ":")):
        kept = kept[:-1].rstrip()
    last_word = kept.rsplit(None, 1)[-1] if kept else ""
    start = max(0, len(kept) - _CUE_REACH, len(kept) - len(last_word))
    return pattern.search(before, start) is not None


def _same_sentence(before: str) -> str:
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    return before[cut + 1:] if cut >= 0 else before


# A nickname inside a name: a given name (or title) and one space before it, one space and the
# surname after it ('William "Mac" Thornberry', 'Rep. William “Mo” Cowan'); not after a possessive.
_NAME_BEFORE = re.compile(r"(?<![\w'\u2019])[A-Z][a-z]*\.? $")
_SURNAME_AFTER = re.compile(r" [A-Z][a-z]")
_NICKNAME = re.compile(r"[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*)?")


def _is_nickname(text: str, row) -> bool:
    start, end, c_start, c_end = row[:4]
    return (_SURNAME_AFTER.match(text, end) is not None and _NICKNAME.fullmatch(text, c_start, c_end) is not None
            and _NAME_BEFORE.search(text, max(0, start - 16), start) is not None
            and not _title_case_line(text, start, end))


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _title_case_line(text: str, start: int, end: int) -> bool:
    """The quotation stands in a headline written in title case ("A Talented 'Oppositional' Orator"),
    where every word is capitalised, names or not. A longer line is body text."""
    bounds = _short_line(text, start, end)
    if bounds is None:
        return False
    words = _LONG_WORD.findall(text, *bounds)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.9 * len(words)


def _is_single_letter(text: str, start: int, end: int) -> bool:
    """A quoted letter or digit: "an “A” or “B” rating", "the “S” and “K” keys"."""
    content = text[start:end].strip(" .,")
    return len(content) == 1 and content.isalnum()


_HEADLINE_REACH = 200  # a headline line is short: a longer line is body text, decided without reading it


def _short_line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Bounds of the line holding ``text[start:end]``, or None when it runs on past the headline reach."""
    low = max(0, start - _HEADLINE_REACH)
    line_start = text.rfind("\n", low, start) + 1
    if line_start == 0 and low > 0:
        return None
    line_end = text.find("\n", end, end + _HEADLINE_REACH)
    if line_end < 0:
        if end + _HEADLINE_REACH < len(text):
            return None
        line_end = len(text)
    return line_start, line_end


def _upper_case_line(text: str, start: int, end: int) -> bool:
    """The quotation stands in a short line written in capitals: a headline quoting someone."""
    bounds = _short_line(text, start, end)
    if bounds is None:
        return False
    line = text[bounds[0]:bounds[1]]
    if len(line) - len(line.translate(_WITHOUT_ASCII_LOWER)) > 0.1 * len(line):
        return False  # body text, decided in C: more lower-case letters than a headline's 10% could hold
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 20 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


_WITHOUT_ASCII_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")


def _looks_like_title(content: str) -> bool:
    words = [w for w in content.split() if w[:1].isalpha()]
    return bool(words) and words[0][0].isupper()


def _is_heading(text: str, start: int, end: int) -> bool:
    # The quotation is the whole line: a pull quote or subheading.
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not (_ALNUM.search(text, line_start, start) or _ALNUM.search(text, end, line_end))


_ALNUM = re.compile(r"[^\W_]")  # a letter or digit: str.isalnum


def _is_attributed(doc: Doc, start: int, end: int, spans: "_Spans") -> bool:
    if spans.overlaps(start, end):
        return True
    # A quotation right after a cue ("said Daesh “will become ...”") is the cue's content.
    for cue_end in spans.cue_ends_before(start, 60):
        if not _BREAK.search(doc.text, cue_end, start):
            return True
    return False


_BREAK = re.compile(r"[.!?\n]")
