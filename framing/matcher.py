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
    spaced = _NON_WORD.sub(" ", text)
    lowered = spaced.lower()
    if len(lowered) == len(spaced):
        return lowered
    return "".join(ch if len(low := ch.lower()) != 1 else low for ch in spaced)


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
            # the stored length excludes the two boundary spaces
            automaton.add_word(key, (len(key) - 2, tuple(indexes)))
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
        plain = self._plain
        cand_entry, cand_start, cand_end = [], [], []
        # Padding with a space on each side lets words at the edges match. A key
        # whose final space sits at ``last`` in the padded view covers the words
        # text[last - length - 1:last - 1].
        for last, (length, indexes) in self._automaton.iter(" " + view + " "):
            start, end = last - length - 1, last - 1
            for index in indexes:
                if plain[index] or self._accept(index, text, view, start, end):
                    cand_entry.append(index)
                    cand_start.append(start)
                    cand_end.append(end)
        if not cand_entry:
            return _empty_hits()
        return self._resolve_overlaps(cand_entry, cand_start, cand_end)

    def _accept(self, index: int, text: str, view: str, start: int, end: int) -> bool:
        entry = self.entries[index]
        surface = text[start:end]
        if entry.case == "lower" and surface != surface.lower():
            return False
        if entry.case == "upper" and surface != surface.upper():
            return False
        if entry.case == "exact" and _words_case_kept(surface) not in self._exact_forms[index]:
            return False
        if self._before[index] and _preceded_by(text, view, start, self._before[index]):
            return False
        if self._after[index] and _followed_by(text, view, end, self._after[index]):
            return False
        if entry.reject_in_caps and in_capitals_run(text, start, end):
            return False
        return True

    def _resolve_overlaps(self, entries, starts, ends) -> Hits:
        order = sorted(range(len(entries)), key=lambda i: (self._group[entries[i]], starts[i],
                                                            starts[i] - ends[i], entries[i]))
        keep = []
        group_end: dict = {}
        for i in order:
            group = self._group[entries[i]]
            if starts[i] < group_end.get(group, -1):
                continue
            group_end[group] = ends[i]
            keep.append(i)
        keep.sort(key=lambda i: (starts[i], ends[i], entries[i]))
        return Hits(np.array([entries[i] for i in keep], dtype=np.int64),
                    np.array([starts[i] for i in keep], dtype=np.int64),
                    np.array([ends[i] for i in keep], dtype=np.int64))


def _empty_hits() -> Hits:
    empty = np.zeros(0, dtype=np.int64)
    return Hits(empty, empty.copy(), empty.copy())


# Between a match and a vetoing context word only spaces, hyphens and
# apostrophes may stand: "he adds, to applause" is not "add to".
_SEPARATOR_PUNCTUATION = re.compile(r"[^\w\s\-\u2010-\u2015'\u2019]")


def _preceded_by(text: str, view: str, start: int, words: tuple[str, ...]) -> bool:
    low = max(0, start - 80)
    before = view[low:start].rstrip(" ")
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
    for word in words:
        if after.startswith(word):
            cut = len(word)
            if (cut == len(after) or not _is_word_char(after[cut])) and \
                    not _SEPARATOR_PUNCTUATION.search(text, end, end + skipped + cut):
                return True
    return False


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
