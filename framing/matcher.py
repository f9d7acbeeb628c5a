"""The one phrase matcher every feature shares.

All lexicon entries of a run go into a single Aho-Corasick automaton over a
*word view* of the text: lower-cased, with every character that is not a letter
or digit replaced by a space. The view has the same length as the text, so
offsets found in it are offsets into the text itself, and a match's surface
string is always ``text[start:end]``. Each pattern is stored with a space on
either side, so the automaton only ever reports whole words: "ISIS" is never
found inside "crisis", while "anti-ISIS", "ISIS-held" and "Daesh's" are found,
and no time is spent on the many in-word hits of short patterns ("is", "may").
Case rules and context vetoes are then checked on the original characters.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

import ahocorasick
import numpy as np

from framing.lexicon import Entry

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u00ad"
APOSTROPHES = "\u2019\u2018\u02bc\u0060\u00b4\u2032"
WHITESPACE = "\t\n\r\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\x85"

# Soft hyphens and em dashes both become "-": an em dash is never inside a
# pattern word, and its neighbours keep their word boundaries. Three regex
# substitutions are ~3x faster than str.translate with a dict on non-ASCII text.
_UNIFY = ((re.compile("[" + re.escape(DASHES) + "]"), "-"),
          (re.compile("[" + re.escape(APOSTROPHES) + "]"), "'"),
          (re.compile("[" + re.escape(WHITESPACE) + "]"), " "))


def matching_view(text: str) -> str:
    """Lower-cased text with dashes, apostrophes and whitespace unified, same length as ``text``.

    Examples
    --------
    >>> matching_view("So\u2011called \u201cCaliphate\u201d, Daesh\u2019s") == "so-called \u201ccaliphate\u201d, daesh's"
    True
    """
    unified = _unify_case_kept(text)
    lowered = unified.lower()
    if len(lowered) == len(unified):
        return lowered
    # A few characters ("İ") lower-case to two; keep those as they are so that
    # offsets in the view stay offsets in the text.
    return "".join(ch if len(low := ch.lower()) != 1 else low for ch in unified)


_NON_WORD = re.compile(r"[\W_]")


def word_view(text: str) -> str:
    """Lower-cased text with every non-letter, non-digit character as a space; same length.

    Examples
    --------
    >>> word_view("Anti-ISIS, Daesh\u2019s \u201ccaliphate\u201d")
    'anti isis  daesh s  caliphate '
    """
    # On an article, one table look-up per character in numpy is ~8x faster
    # than a regex substitution that replaces every space and punctuation mark
    # on its own; on a pattern or a word, numpy's fixed cost is not worth it.
    # Final sigma is the one context-dependent lower-casing (str.lower gives
    # "ς" at a word end); texts with a capital sigma take the exact path.
    if len(text) < _SHORT_TEXT or "\u03a3" in text:
        return _word_view_by_regex(text)
    table = _word_view_table()
    if table is None:
        return _word_view_by_regex(text)
    try:
        encoded = text.encode("utf-16-le")
    except UnicodeEncodeError:  # a lone surrogate
        return _word_view_by_regex(text)
    if len(encoded) == 2 * len(text):  # one 16-bit unit a character: no emoji
        return table[np.frombuffer(encoded, dtype=np.uint16)].tobytes().decode("utf-16-le")
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    astral = np.flatnonzero(codes > 0xFFFF)  # emoji and other characters beyond the table
    view = table[np.minimum(codes, 0xFFFF)].astype(np.uint32)
    for i in astral.tolist():
        view[i] = _view_code(int(codes[i]))
    return view.tobytes().decode("utf-32-le")


_SHORT_TEXT = 200


def _word_view_by_regex(text: str) -> str:
    """:func:`word_view` by substitution: the reference, for texts the table does not cover."""
    spaced = _NON_WORD.sub(" ", text)
    lowered = spaced.lower()
    if len(lowered) == len(spaced):
        return lowered
    # A few characters ("İ") lower-case to two; keep those as they are so that
    # offsets in the view stay offsets in the text.
    return "".join(ch if len(low := ch.lower()) != 1 else low for ch in spaced)


@functools.lru_cache(maxsize=1)
def _word_view_table() -> np.ndarray | None:
    """Word-view code point of each Basic Multilingual Plane character (built once, ~20 ms)."""
    # Surrogates stand in as spaces: a text holding one never reaches the table.
    chars = "".join(chr(code) for code in range(0xD800)) + " " * 0x800 + \
        "".join(chr(code) for code in range(0xE000, 0x10000))
    spaced = _NON_WORD.sub(" ", chars)
    view = "".join(low if len(low := ch.lower()) == 1 else ch for ch in spaced)
    codes = np.frombuffer(view.encode("utf-32-le"), dtype=np.uint32)
    # No character of the plane lower-cases beyond it (else the table is not
    # used), so 16 bits hold every entry: half the memory, read at random.
    return codes.astype(np.uint16) if codes.max() <= 0xFFFF else None


@functools.lru_cache(maxsize=4096)
def _view_code(code: int) -> int:
    """Word-view code point of one character beyond the table: a space, or it lower-cased."""
    ch = chr(code)
    if _NON_WORD.match(ch):
        return 32
    low = ch.lower()
    return ord(low) if len(low) == 1 else code


def _words_case_kept(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text).split())


def _unify_case_kept(text: str) -> str:
    for pattern, replacement in _UNIFY:
        text = pattern.sub(replacement, text)
    return text


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def pattern_variants(form: str) -> list[str]:
    """Spellings a pattern stands for: each hyphen as a dash, a space or nothing.

    Examples
    --------
    >>> pattern_variants("so-called")
    ['so-called', 'so called', 'socalled']
    """
    form = " ".join(_unify_case_kept(form).split())
    parts = form.split("-")
    if len(parts) == 1 or len(parts) > 4:
        return [form]
    variants = []
    for joins in itertools.product(["-", " ", ""], repeat=len(parts) - 1):
        variant = parts[0] + "".join(j + p for j, p in zip(joins, parts[1:]))
        variants.append(variant)
    return list(dict.fromkeys(variants))


@dataclass
class Hits:
    """Matches in one text, as parallel arrays (no per-match objects)."""

    entry: np.ndarray  # index into PhraseMatcher.entries
    start: np.ndarray
    end: np.ndarray

    def __len__(self) -> int:
        return len(self.entry)


class PhraseMatcher:
    """Find every lexicon entry in a text in one pass.

    Parameters
    ----------
    entries : list of framing.lexicon.Entry
        Entries of any number of lexicons and features.

    Examples
    --------
    >>> from framing.lexicon import load_lexicon
    >>> lex = load_lexicon({"lexicon": "demo", "feature": "naming", "categories": {"isis": {
    ...     "entries": [{"label": "IS", "patterns": ["IS"], "case": "exact", "reject_in_caps": True},
    ...                 {"label": "ISIS", "patterns": ["ISIS"]}]}}})
    >>> m = PhraseMatcher(lex.entries)
    >>> text = "The crisis: ISIS, or IS, lost. GAME IS UP."
    >>> hits = m.find(text)
    >>> [text[s:e] for s, e in zip(hits.start, hits.end)]
    ['ISIS', 'IS']
    """

    def __init__(self, entries: list[Entry]):
        self.entries = list(entries)
        self._exact_forms = [self._case_kept_variants(e) if e.case == "exact" else frozenset()
                             for e in self.entries]
        self._before = [tuple(" ".join(word_view(w).split()) for w in e.exclude_before)
                        for e in self.entries]
        self._after = [tuple(" ".join(word_view(w).split()) for w in e.exclude_after)
                       for e in self.entries]
        self._group = [(e.lexicon, e.category) for e in self.entries]
        # Overlaps are resolved per (lexicon, category): an integer per group sorts fast.
        group_ids = {group: number for number, group in enumerate(dict.fromkeys(self._group))}
        self._group_id = np.array([group_ids[group] for group in self._group], dtype=np.int64)
        # What _accept checks, one tuple per entry, read once per candidate.
        self._checks = [(e.case, forms, b, a, e.reject_in_caps)
                        for e, forms, b, a in zip(self.entries, self._exact_forms, self._before, self._after)]
        # Entries with nothing to check beyond the word match skip _accept entirely.
        self._plain = [e.case == "any" and not e.reject_in_caps and not b and not a
                       for e, b, a in zip(self.entries, self._before, self._after)]
        self._automaton = self._build()

    @staticmethod
    def _case_kept_variants(entry: Entry) -> frozenset:
        return frozenset(_words_case_kept(v) for form in entry.forms for v in pattern_variants(form))

    def _build(self):
        keys: dict[str, list[int]] = {}
        for index, entry in enumerate(self.entries):
            for form in entry.forms:
                for variant in pattern_variants(form):
                    key = word_view(variant)
                    if not key.strip():
                        continue
                    bucket = keys.setdefault(" " + key + " ", [])
                    if index not in bucket:
                        bucket.append(index)
        automaton = ahocorasick.Automaton()
        for key, indexes in keys.items():
            # The stored length excludes the two boundary spaces. Entries that
            # need no check are kept apart so that find() can take them as they come.
            plain = tuple(i for i in indexes if self._plain[i])
            checked = tuple(i for i in indexes if not self._plain[i])
            automaton.add_word(key, (len(key) - 2, plain, checked))
        if keys:
            automaton.make_automaton()
        return automaton if keys else None

    def find(self, text: str, view: str | None = None) -> Hits:
        """All accepted matches in ``text``: entry indexes and character spans.

        Within one (lexicon, category) overlapping matches are resolved to the
        longest, then leftmost, so no span counts twice in a family; matches of
        different categories may overlap ("Daesh militants" is a naming of the
        group and of its members).
        """
        if self._automaton is None or not text:
            return _empty_hits()
        view = word_view(text) if view is None else view
        accept = self._accept
        found: list[tuple[int, int, int]] = []  # (entry, start, end)
        add = found.append
        # Padding with a space on each side lets words at the edges match. A key
        # whose final space sits at ``last`` in the padded view covers the words
        # text[last - length - 1:last - 1].
        for last, (length, plain, checked) in self._automaton.iter(" " + view + " "):
            end = last - 1
            start = end - length
            for index in plain:
                add((index, start, end))
            for index in checked:
                if accept(index, text, view, start, end):
                    add((index, start, end))
        if not found:
            return _empty_hits()
        return self._resolve_overlaps(np.array(found, dtype=np.int64))

    def _accept(self, index: int, text: str, view: str, start: int, end: int) -> bool:
        case, exact_forms, before, after, reject_in_caps = self._checks[index]
        if case != "any":
            surface = text[start:end]
            if case == "lower" and surface != surface.lower():
                return False
            if case == "upper" and surface != surface.upper():
                return False
            # A single word needs no normalising ("is" against {"IS"}: the common rejection).
            if case == "exact" and (surface if surface.isalnum() else _words_case_kept(surface)) \
                    not in exact_forms:
                return False
        if before and _preceded_by(text, view, start, before):
            return False
        if after and _followed_by(text, view, end, after):
            return False
        if reject_in_caps and in_capitals_run(text, start, end):
            return False
        return True

    def _resolve_overlaps(self, found: np.ndarray) -> Hits:
        """Keep the longest, then leftmost, of overlapping matches of a group; sort by span.

        ``found`` holds one (entry, start, end) row per candidate.
        """
        entry, start, end = found[:, 0], found[:, 1], found[:, 2]
        group = self._group_id[entry]
        order = np.lexsort((entry, start - end, start, group))
        entry, start, end, group = entry[order], start[order], end[order], group[order]
        # Sorted by start within a group, any overlap shows between neighbours;
        # most articles have none, and then every candidate stays.
        if np.any((group[1:] == group[:-1]) & (start[1:] < end[:-1])):
            keep = []
            group_end: dict = {}
            for i, (g, s, e) in enumerate(zip(group.tolist(), start.tolist(), end.tolist())):
                if s < group_end.get(g, -1):
                    continue
                group_end[g] = e
                keep.append(i)
            entry, start, end = entry[keep], start[keep], end[keep]
        order = np.lexsort((entry, end, start))
        return Hits(entry[order], start[order], end[order])


def _empty_hits() -> Hits:
    empty = np.zeros(0, dtype=np.int64)
    return Hits(empty, empty.copy(), empty.copy())


# Between a match and a vetoing context word only spaces, hyphens and
# apostrophes may stand: "he adds, to applause" is not "add to".
_SEPARATOR_PUNCTUATION = re.compile(r"[^\w\s\-\u2010-\u2015'\u2019]")


def _preceded_by(text: str, view: str, start: int, words: tuple[str, ...]) -> bool:
    low = max(0, start - 80)
    before = view[low:start].rstrip(" ")
    if not before.endswith(words):  # one C call settles the usual case: no veto word at all
        return False
    for word in words:
        if before.endswith(word):
            cut = len(before) - len(word)
            if (cut == 0 or not _is_word_char(before[cut - 1])) and \
                    not _SEPARATOR_PUNCTUATION.search(text, low + cut, start):
                return True
    return False


def _followed_by(text: str, view: str, end: int, words: tuple[str, ...]) -> bool:
    after = view[end:end + 80]
    skipped = len(after) - len(after.lstrip(" "))
    after = after[skipped:]
    if not after.startswith(words):  # the usual case: no veto word at all
        if not (after[:1].isdigit() or after.startswith(_QUANTITY_OPENERS)):
            return False
        # A veto word after a quantity: "claimed nearly 4,700 lives", "claimed 30 seats".
        quantity = _QUANTITY_RE.match(after)
        if quantity is None or not after.startswith(words, quantity.end()):
            return False
        skipped += quantity.end()
        after = after[quantity.end():]
    for word in words:
        if after.startswith(word):
            cut = len(word)
            if (cut == len(after) or not _is_word_char(after[cut])) and not _separated(text, end, end + skipped + cut):
                return True
    return False


# A count before a vetoed object, in the word view (where "4,700" reads "4 700").
_QUANTITY_MODIFIERS = ("nearly", "almost", "about", "around", "over", "more than", "at least", "some", "roughly",
                       "up to", "an estimated")
_QUANTITY_NOUNS = ("dozens", "hundreds", "thousands", "millions")
_QUANTITY_OPENERS = tuple(word + " " for word in _QUANTITY_MODIFIERS + _QUANTITY_NOUNS)
_QUANTITY_RE = re.compile(rf"(?:(?:{'|'.join(_QUANTITY_MODIFIERS)}) )?"
                          rf"(?:\d+(?: \d{{3}})*(?: (?:hundred|thousand|million))?|{'|'.join(_QUANTITY_NOUNS)})"
                          r"(?: of)? ")


def _separated(text: str, start: int, stop: int) -> bool:
    """Punctuation other than a number's own ("4,700", "1.5") stands in ``text[start:stop]``."""
    found = _SEPARATOR_PUNCTUATION.search(text, start, stop)
    return found is not None and _SEPARATOR_PUNCTUATION.search(_DIGIT_GROUPS.sub("0", text[start:stop])) is not None


_DIGIT_GROUPS = re.compile(r"(?<=\d)[,.](?=\d)")  # the comma of "4,700", the point of "1.5"


def _neighbour_words(text: str, start: int, end: int, limit: int = 2):
    """Up to ``limit`` words on each side of a span, within its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = text[max(line_start, start - 60):start].split()[-limit:]
    right = text[end:min(line_end, end + 60)].split()[:limit]
    return left, right


def _is_capitals_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def in_capitals_run(text: str, start: int, end: int) -> bool:
    """True when the span sits among other all-capitals words, as in a headline ("GAME IS UP").

    One capitalised neighbour is not enough ("SDF, IS and ISIS" is prose), two are.

    Examples
    --------
    >>> in_capitals_run('"GAME IS UP"', 6, 8), in_capitals_run("the SDF and IS fighters", 12, 14)
    (True, False)
    """
    left, right = _neighbour_words(text, start, end)
    run = 0
    for word in reversed(left):
        if not _is_capitals_word(word):
            break
        run += 1
    for word in right:
        if not _is_capitals_word(word):
            break
        run += 1
    return run >= 2
