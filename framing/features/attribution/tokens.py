"""Tokens of a small window of text around a cue, with their character offsets.

The attribution rules read a few words on either side of each cue, never the
whole article, so tokenising a window of at most a few hundred characters per
cue keeps the stage linear in the number of cues. A token is a tuple
``(start, end, text)``: a word, or one punctuation character.
"""

from __future__ import annotations

import re
from itertools import accumulate

# A word: letters and digits joined by single hyphens, periods, apostrophes or "&"
# ("Lt-Gen", "al-Baghdadi", "Daesh’s", "3.5", "250,000", "AT&T", "U.S"); an apostrophe, a comma or a period
# joins only when a letter or digit follows, so the closing single quote of
# ‘caliphate’ and a sentence's final period stay punctuation. "U.S.-led" is one
# word. Anything else is one character. Plain ``\w+`` runs and no alternation
# inside the loop: this is the hot path of the stage (about twice as fast as
# a pattern with a class per character).
_TOKEN_RE = re.compile(r"\w+(?:['’\u2010\u2011\-.&,]\w+)*(?:\.(?=-)(?:-\w+)+)?|\S")
# The same tokens, as one capturing group for :func:`tokens_and_starts`, with
# possessive quantifiers: nothing after a run of word characters can match
# one of them, so the engine need not keep backtracking points (a fifth
# faster). tests/test_attribution.py checks that both patterns agree.
_SPLIT_RE = re.compile(r"(\w++(?:['’\u2010\u2011\-.&,]\w++)*+(?:\.(?=-)(?:-\w++)++)?+|\S)")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]$")  # "U.S" before its final period (its 2nd character is one)
OPENING_QUOTES = frozenset("\"'“‘„‚«‹")
CLOSING_QUOTES = frozenset("\"'”’»›")
QUOTES = OPENING_QUOTES | CLOSING_QUOTES
DASHES = frozenset("—–-‒―")
# Personal pronouns in the subject case: the speaker of a cue, or a clause's subject ("he said", "it's").
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


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
    return tokens_and_starts(text, lo, hi, abbreviations)[0]


def tokens_and_starts(text: str, lo: int, hi: int, abbreviations: frozenset) -> tuple[list, list[int]]:
    """:func:`tokenize`, with the list of the tokens' start offsets (for bisecting).

    The window is split in C rather than matched token by token: splitting
    on the token pattern gives ``[space, token, space, token, ..., space]``,
    so the running sum of the parts' lengths holds every token's start and
    end. Tokenising is the biggest single cost of the stage; this is about a
    quarter faster than building each tuple from a match object.

    Examples
    --------
    >>> tokens_and_starts("He said.", 0, 8, frozenset())
    ([(0, 2, 'He'), (3, 7, 'said'), (7, 8, '.')], [0, 3, 7])
    """
    parts = _SPLIT_RE.split(text[lo:hi])
    offsets = list(accumulate(map(len, parts), initial=lo))
    words = parts[1::2]
    starts = offsets[1:-1:2]  # the last odd offset starts the trailing space
    tokens = list(zip(starts, offsets[2::2], words))
    dots = words.count(".")
    if dots and words[0] == ".":
        dots -= 1  # a period opening the window has nothing to join
    if not dots:
        return tokens, starts
    return _join_periods(tokens, starts, words, dots, abbreviations)


def _join_periods(tokens: list, starts: list, words: list, dots: int, abbreviations: frozenset):
    """``tokens`` and ``starts`` with a period token joined to the title or initial right before it."""
    merged = []
    merged_starts = []
    done = 0
    k = 0
    for _ in range(dots):
        k = words.index(".", k + 1)  # period tokens, never the first token
        start, end, previous = tokens[k - 1]
        if end == tokens[k][0] and k - 1 >= done and (
                previous in abbreviations or (previous[1:2] == "." and _DOTTED.match(previous))
                or (len(previous) == 1 and previous.isupper())):
            merged.extend(tokens[done:k - 1])
            merged_starts.extend(starts[done:k])  # the joined token starts where the title does
            if _possessive_follows(tokens, k):
                # "the U.S.’s allies", "King Jr.'s speech": one possessive word, as "Syria’s" is
                merged.append((start, tokens[k + 2][1], previous + "." + words[k + 1] + words[k + 2]))
                done = k + 3
            else:
                merged.append((start, tokens[k][1], previous + "."))
                done = k + 1
    if not done:
        return tokens, starts
    merged.extend(tokens[done:])
    merged_starts.extend(starts[done:])
    return merged, merged_starts


def _possessive_follows(tokens: list, k: int) -> bool:
    """An apostrophe and an "s" that ends the word follow the period token ``tokens[k]``, unspaced."""
    if k + 2 >= len(tokens):
        return False
    apostrophe, s = tokens[k + 1], tokens[k + 2]
    return (apostrophe[2] in ("'", "’") and s[2] in ("s", "S")
            and apostrophe[0] == tokens[k][1] and s[0] == apostrophe[1])


def clause_comma(tokens: list) -> int | None:
    """Index of the comma that closes a participle clause opening the sentence ("Citing X, …").

    ``tokens`` are those after the participle; a comma right at the start, or
    sentence punctuation or a dash before any comma, closes no such clause.
    """
    depth = 0  # inside parentheses nothing ends the clause: "Sen. Mark Kirk (R-Ill.) voted"
    for k, token in enumerate(tokens):
        word = token[2]
        if word == "(":
            depth += 1
        elif word == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif word == ",":
            return k if k > 0 else None
        elif word in (";", ":", ".", "?", "!") or word in DASHES:
            return None
    return None


def before_apostrophe(word: str) -> str:
    """The part of a lower-cased word before an apostrophe: "he's" -> "he", "there’s" -> "there"."""
    return word.replace("’", "'").split("'")[0] if "'" in word or "’" in word else word


def possessive_apostrophe(tokens: list, k: int) -> bool:
    """``tokens[k]`` is an apostrophe glued to an s-final word: the possessive of a plural or a
    name ("Woods’ supporters", "Fox News' Chris Wallace")."""
    return (tokens[k][2] in ("'", "’") and k > 0 and tokens[k - 1][2][-1:] in ("s", "S")
            and tokens[k - 1][1] == tokens[k][0])


def is_word(token: str) -> bool:
    """The token is a word (starts with a letter or digit), not punctuation."""
    return token[:1].isalnum()


def is_capitalised(token: str) -> bool:
    """The token starts with an upper-case letter."""
    return token[:1].isupper()
