"""Naming choices: which name an outlet gives an actor or thing.

Every match of a ``naming`` lexicon entry becomes one row: ``category`` is the
family ("isis"), ``label`` the variant ("Daesh"). A name that is talked about
rather than used — "Daesh is an Arabic acronym for Islamic State", "also known as
ISIS or ISIL", a book title "World of Daesh" — is kept but flagged
``metalinguistic=True``, so that shares of an outlet's own usage can leave it out.
"""

from __future__ import annotations

from framing._io import safe_yaml

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import ahocorasick

from framing._warnings import LexiconError
from framing.features.base import Doc, Rows
from framing.features.quotes import MENTION, TITLE
from framing.matcher import matching_view


@dataclass(frozen=True)
class MentionRule:
    """A phrase that, near a name, shows the name is being mentioned, not used."""

    id: str
    phrases: tuple[str, ...]
    position: str  # "before" or "after" the name
    window_words: int


@lru_cache(maxsize=None)
def load_mention_rules(path: str | None = None) -> tuple[MentionRule, ...]:
    """Read ``framing/rules/metalinguistic.yaml`` (or ``path``) into rules."""
    source = Path(path) if path else Path(str(resources.files("framing.rules") / "metalinguistic.yaml"))
    data = safe_yaml(source.read_text(encoding="utf-8")) or {}
    rules = []
    for number, raw in enumerate(data.get("rules", []), start=1):
        where = f"{source}: rule {number} ({raw.get('id', '?')!r})"
        phrases = raw.get("phrases") or raw.get("phrase")
        if isinstance(phrases, str):
            phrases = [phrases]
        if not phrases or raw.get("position") not in ("before", "after"):
            raise LexiconError(f"{where}: needs 'phrases' and position 'before' or 'after'.")
        rules.append(MentionRule(str(raw["id"]), tuple(" ".join(matching_view(p).split()) for p in phrases),
                                 raw["position"], int(raw.get("window_words", 0))))
    return tuple(rules)


_WORD = re.compile(r"[\w'\-]+")


def is_metalinguistic(text: str, start: int, end: int, rules, view: str | None = None) -> bool:
    """True when a mention rule fires around the name ``text[start:end]``.

    A rule's phrase must begin within ``window_words`` words after the name
    (position "after") or end within that many words before it, in the same
    clause; case, dashes and apostrophes are ignored.

    Examples
    --------
    >>> rule = MentionRule("aka", ("also known as",), "before", 2)
    >>> text = "the jihadi group, also known as ISIS or ISIL."
    >>> is_metalinguistic(text, text.index("ISIL"), text.index("ISIL") + 4, [rule])
    True
    """
    phrases = _phrase_sets(rules)
    low = max(0, start - 150)
    # Most names have no gloss anywhere near them: one look for any phrase in the
    # window settles those before any normalising.
    if view is not None and not phrases.in_word_view.found_in(" ".join(view[low:end + 150].split())):
        return False
    # Only a window around the name is normalised: most names need no more.
    view = matching_view(text[low:end + 150])
    before = _clause_before(view, start - low)
    after = _clause_after(view, end - low)
    if not phrases.as_written.found_in(before + " \x00 " + after):
        return False
    # The clauses' words are read once, not once per phrase (~100 phrases).
    words_before, words_after = _normalise_words(before), _normalise_words(after)
    for rule in rules:
        for phrase in rule.phrases:
            if rule.position == "after" and _words_within(words_after, phrase.split(), rule.window_words):
                return True
            if rule.position == "before" and \
                    _words_within_reversed(words_before, phrase.split(), rule.window_words):
                return True
    return False


# A mention rule applies within the name's own clause, and never across a
# quotation mark: "“ISIS is on their heels …,” Dunford said, using an alternative
# name for the group" glosses a name the speaker used; the speaker still used it.
_CLAUSE_BREAKS = (". ", "\n", "; ", "\"", "\u201c", "\u201d", "\u00ab", "\u00bb")


class _AnyOf:
    """Whether any of a set of strings occurs in a text, in one Aho-Corasick pass.

    A regular expression alternating ~100 phrases runs at ~400 ns a character;
    the automaton reads each character once.
    """

    def __init__(self, strings):
        strings = set(strings)
        self.always = "" in strings  # the empty string occurs everywhere
        self.automaton = None
        if strings - {""}:
            self.automaton = ahocorasick.Automaton()
            for string in strings - {""}:
                self.automaton.add_word(string, len(string))
            self.automaton.make_automaton()

    def found_in(self, text: str) -> bool:
        if self.always:
            return True
        return self.automaton is not None and next(self.automaton.iter(text), None) is not None


@dataclass(frozen=True)
class _PhraseSets:
    """The rule phrases as the matcher's word view writes them (words joined by one
    space: look in a window whose space runs are squeezed to one) and as
    ``matching_view`` writes them."""

    in_word_view: _AnyOf
    as_written: _AnyOf


_PHRASE_SETS: dict = {}


def _phrase_sets(rules) -> _PhraseSets:
    """The phrase sets of ``rules``, cached by identity: hashing a tuple of rules
    for every name would cost more than the look-up it saves."""
    if not isinstance(rules, tuple):  # a list may change between calls
        return _phrase_sets_of(tuple(rules))
    found = _PHRASE_SETS.get(id(rules))
    if found is None or found[0] is not rules:
        if len(_PHRASE_SETS) > 16:
            _PHRASE_SETS.clear()
        found = _PHRASE_SETS[id(rules)] = (rules, _phrase_sets_of(tuple(rules)))
    return found[1]


@lru_cache(maxsize=16)
def _phrase_sets_of(rules: tuple) -> _PhraseSets:
    from framing.matcher import word_view

    phrases = {p for rule in rules for p in rule.phrases}
    return _PhraseSets(in_word_view=_AnyOf(" ".join(word_view(p).split()) for p in phrases),
                       as_written=_AnyOf(phrases))


def _clause_before(view: str, start: int) -> str:
    chunk = view[max(0, start - 150):start]
    cut = max(chunk.rfind(mark) for mark in _CLAUSE_BREAKS)
    return chunk[cut + 1:] if cut >= 0 else chunk


def _clause_after(view: str, end: int) -> str:
    chunk = view[end:end + 150]
    cuts = [i for i in (chunk.find(mark) for mark in _CLAUSE_BREAKS) if i >= 0]
    return chunk[:min(cuts)] if cuts else chunk


def _normalise_words(chunk: str) -> list[str]:
    return _WORD.findall(chunk)


def _words_within(words: list[str], target: list[str], window: int) -> bool:
    """Whether ``target`` starts within the first ``window`` + 1 of ``words``."""
    for offset in range(0, min(window, len(words)) + 1):
        if words[offset:offset + len(target)] == target:
            return True
    return False


def _words_within_reversed(words: list[str], target: list[str], window: int) -> bool:
    """Whether ``target`` ends within the last ``window`` + 1 of ``words``."""
    n = len(words)
    for gap in range(0, min(window, n) + 1):
        stop = n - gap
        if stop - len(target) >= 0 and words[stop - len(target):stop] == target:
            return True
    return False


def find_naming(doc: Doc, doc_number: int, rows: Rows, rules=None) -> None:
    """Append one row per naming match in ``doc`` to ``rows``."""
    found = doc.hits_of("naming")
    if not len(found):
        return
    rules = load_mention_rules() if rules is None else rules
    # A name inside a quoted title or a quoted mention ("the term “Daesh”") is talked about, not used.
    title_spans = [(q[2], q[3]) for q, kind in zip(doc.quotes.tolist(), doc.quote_kind)
                   if kind in (TITLE, MENTION)]
    entries = doc.entries
    hits = doc.hits
    for index, start, end in zip(hits.entry[found].tolist(), hits.start[found].tolist(),
                                 hits.end[found].tolist()):
        entry = entries[index]
        in_title = any(s <= start and end <= e for s, e in title_spans)
        mention = in_title or is_metalinguistic(doc.text, start, end, rules, doc.view)
        rows.add(doc_number, "naming", entry.category, entry.label, start, end,
                 lexicon=entry.lexicon, metalinguistic=bool(mention))


__all__ = ["find_naming", "is_metalinguistic", "load_mention_rules", "MentionRule"]
