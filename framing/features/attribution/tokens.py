"""Tokens of a small window of text around a cue, with their character offsets.

The attribution rules read a few words on either side of each cue, never the
whole article, so tokenising a window of at most a few hundred characters per
cue keeps the stage linear in the number of cues. A token is a tuple
``(start, end, text)``: a word, or one punctuation character.
"""

from __future__ import annotations

import re

# A word: letters and digits joined by single hyphens, periods, apostrophes or "&"
# ("Lt-Gen", "al-Baghdadi", "Daesh’s", "3.5", "AT&T", "U.S"); an apostrophe or a period
# joins only when a letter or digit follows, so the closing single quote of
# ‘caliphate’ and a sentence's final period stay punctuation. "U.S.-led" is one
# word. Anything else is one character. Plain ``\w+`` runs and no alternation
# inside the loop: this is the hot path of the stage (about twice as fast as
# a pattern with a class per character).
_TOKEN_RE = re.compile(r"\w+(?:['’\u2010\u2011\-.&]\w+)*(?:\.(?=-)(?:-\w+)+)?|\S")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]$")  # "U.S" before its final period
OPENING_QUOTES = frozenset("\"'“‘„‚«‹")
CLOSING_QUOTES = frozenset("\"'”’»›")
QUOTES = OPENING_QUOTES | CLOSING_QUOTES
DASHES = frozenset("—–-‒―")


def tokenize(text: str, lo: int, hi: int, abbreviations: frozenset) -> list[tuple[int, int, str]]:
    """Tokens of ``text[lo:hi]``, offsets into ``text``.

    A period glued to a title, a name suffix or a single capital (``Gen.``,
    ``Jr.``, ``A.``) is kept with it, so a speaker phrase can run across it.

    Examples
    --------
    >>> t = "Lt-Gen. Paul Funk, told the AP."
    >>> [tok[2] for tok in tokenize(t, 0, len(t), frozenset({"Lt-Gen"}))]
    ['Lt-Gen.', 'Paul', 'Funk', ',', 'told', 'the', 'AP', '.']
    """
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, lo, hi)]
    if "." not in text[lo:hi]:
        return tokens
    # Only the period tokens need a look; the others are copied in slices.
    dots = [k for k, token in enumerate(tokens) if token[2] == "." and k]
    if not dots:
        return tokens
    merged = []
    done = 0
    for k in dots:
        start, end, previous = tokens[k - 1]
        if end == tokens[k][0] and k - 1 >= done and (
                previous in abbreviations or _DOTTED.match(previous)
                or (len(previous) == 1 and previous.isupper())):
            merged.extend(tokens[done:k - 1])
            merged.append((start, tokens[k][1], previous + "."))
            done = k + 1
    merged.extend(tokens[done:])
    return merged


def is_word(token: str) -> bool:
    """The token is a word (starts with a letter or digit), not punctuation."""
    return token[:1].isalnum()


def is_capitalised(token: str) -> bool:
    """The token starts with an upper-case letter."""
    return token[:1].isupper()
