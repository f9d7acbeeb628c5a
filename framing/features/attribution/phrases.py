"""Noun phrases read outwards from a cue, over the tokens of its window.

Speaker phrases are found without a parser: reading backwards from the word
before a cue, or forwards from the word after it, a phrase runs over
capitalised words, titles, modifiers and head nouns; it crosses "of" and "in"
freely, other prepositions only where they join a head to its organisation
("officials at U.S. Central Command", "a spokesman for the U.S. military",
"a source familiar with the talks"), "to" only after a head that takes it
("an aide to Mr. Trump", ``to_heads``), and "and" only between conjuncts ("U.S.
and Iraqi intelligence sources"). It stops at punctuation and at function
words (``clause_stops`` in ``framing/rules/attribution.yaml``).
"""

from __future__ import annotations

from framing.features.attribution.tokens import CLOSING_QUOTES, OPENING_QUOTES, is_word, possessive_apostrophe
from framing.features.attribution.wordlists import COORDINATORS, OPENING_QUANTIFIERS, Vocabulary
_MAX_NP_WORDS = 8
_MAX_COORDINATED_WORDS = 12  # two titled names: "Senate Democratic Leader Charles Schumer and House ..."
_CLAUSE_OPENING_MARKS = frozenset({",", ";", ":", "—", "–", "("})
_PARTITIVE_PRONOUNS = frozenset({"them", "us"})


def noun_phrase_back(tokens: list, j: int, v: Vocabulary) -> int | None:
    """Index of the first token of the noun phrase that ends at ``tokens[j]``.

    Returns None when ``tokens[j]`` cannot end a noun phrase.
    """
    first = None
    words = 0
    coordinated = False
    k = j
    checks = v.phrase_checks
    # "in a statement", "at a rally": an occasion, not part of the speaker phrase.
    occasion = tokens[j][2].lower() in v.adverbial and not tokens[j][2][:1].isupper()
    while k >= 0:
        token = tokens[k][2]
        if not token[:1].isalnum():  # punctuation
            if first is not None and nickname_ends_at(tokens, k):
                k -= 3  # 'Rep. William "Mac" Thornberry': the nickname, then the given name
                words += 1
                continue
            if first is not None and possessive_apostrophe(tokens, k) and tokens[k - 1][2][:1].isupper():
                k -= 1  # "Woods’ supporters": a plural or s-final name's possessive
                continue
            break
        low = token.lower()
        # Most words just grow the phrase: only those of ``checks`` (and adverbs
        # in -ly, not "family" or "ally") need the rules below.
        if low in checks or low.endswith("ly"):
            if low in OPENING_QUANTIFIERS and first is not None and not (
                    k > 0 and _joins_before_quantifier(tokens[k - 1][2].lower(), v)):
                first = k  # "you see some Republican leaders insist": a quantifier opens the phrase
                break
            if low in v.determiners or _demonstrative_that(tokens, k, j, v):
                first = k
                if k > 1 and tokens[k - 1][2].lower() in _COORDINATING and _head_like(tokens[k - 2][2], v) \
                        and words <= 3 and not occasion:
                    k -= 1  # "the White House and the Pentagon", "Neither the ministry nor the army"
                    continue
                # "a spokesman for the U.S. military", "a source familiar with the talks":
                # the phrase may go on before a joining preposition.
                # Not over an occasion ("in a statement", "a version of this post"), but a
                # speaker's head goes on ("a resident of the town").
                if k > 1 and tokens[k - 1][2].lower() in v.links and link_continues(tokens, k - 1, v) \
                        and not (occasion and (tokens[k - 1][2].lower() in _OCCASION_PREPOSITIONS
                                               or not _head_like(tokens[k - 2][2], v)
                                               or tokens[k - 2][2].lower() in v.quantifiers)):
                    k -= 1
                    continue
                if k > 1 and _to_after_head(tokens, k - 1, v):
                    k -= 2  # "a senior adviser to the president", "people close to the president"
                    continue
                break
            if low in v.links:
                if k > 1 and tokens[k - 1][2].lower() in v.anonymity_adjectives and first is not None:
                    k -= 2  # "a source familiar with the talks", "people close to the president"
                    continue
                # "of" and "in" join nouns freely ("the loss of territory in Mosul"); the
                # others only join a head to its organisation ("officials at Central Command"),
                # not "the war on Daesh".
                if first is not None and k > 0 and link_continues(tokens, k, v) and not (
                        occasion and low in _OCCASION_PREPOSITIONS):
                    k -= 1
                    continue
                break
            if low == "to" and first is not None and _to_after_head(tokens, k, v):
                k -= 1  # "an aide to Mr. Trump", "the ambassador to Russia", "Committee to Protect Journalists"
                continue
            if low in COORDINATORS or low == "nor":
                if first is not None and k > 0 and _head_like(tokens[k - 1][2], v) and (
                        words <= 3 or _joins_two_names(tokens, k, j, v)):
                    coordinated = True
                    k -= 1
                    continue
                break
            if low in _PRONOUN_DETERMINERS and first is not None and any(
                    tokens[i][2].islower() for i in range(k + 1, j + 1)):
                # "one resident", "one senior House Republican": the pronoun determines a common
                # noun phrase; not a bare name ("the one Lafferty asked")
                first = k
                break
            if (low in v.stops and not capitalised_name(tokens, k) and not given_name(tokens, k, v) and not (
                    is_acronym(token) and k + 1 < len(tokens) and not tokens[k + 1][2].isupper())) or (
                    low.endswith("ly") and not token[0].isupper() and low not in v.ly_nouns) or (
                    low in v.pronouns and not (len(token) > 1 and token.isupper())  # "US" is no pronoun
                    and not (k == j and low in _PARTITIVE_PRONOUNS and k > 0 and tokens[k - 1][2].lower() == "of")):
                break  # but "nine percent of them", "most of us" name people
        if words >= (_MAX_COORDINATED_WORDS if coordinated else _MAX_NP_WORDS):
            break
        if low.endswith(("n't", "n’t")):
            break  # "Why couldn’t Comey say": an auxiliary before an inverted subject
        if first is not None and low in _TIME_NOUNS and token.islower() and tokens[first][2][:1].isupper():
            break  # "by the time Schumer said", "The day Trump announced": a time clause before the name
        if first is not None and low.endswith("ing") and token.islower() and tokens[first][2][:1].isupper() \
                and k > 0 and tokens[k - 1][2] in _CLAUSE_OPENING_MARKS and low not in v.name_participles:
            break  # "Carper spoke, saying Trump needs to explain": a participle's clause, then the name
        first = k
        words += 1
        k -= 1
    if first is None:
        return None
    edges = v.phrase_edges  # links, coordinators, time words and openers do not start a phrase
    while first <= j and tokens[first][2].lower() in edges and not _determines_head(tokens, first, j, v) \
            and not _acronym_before_name(tokens, first):
        first += 1
    if first > j:
        return None
    return _with_quantity_opener(tokens, first)


def _joins_two_names(tokens: list, k: int, j: int, v: Vocabulary) -> bool:
    """``tokens[k]`` ("and") joins two titled names: "President Donald Trump and Senate Majority
    Leader Mitch McConnell", "Romney and running mate Paul Ryan". Each side ends in a capital, and
    the one before is no one-word name after a determiner ("passed the House and Senate Majority
    Leader Mitch McConnell said")."""
    return tokens[j][2][:1].isupper() and tokens[k - 1][2][:1].isupper() and tokens[k - 1][2] != "I" \
        and not (k > 1 and tokens[k - 2][2].lower() in v.determiners)


def nickname_ends_at(tokens: list, k: int) -> bool:
    """``tokens[k]`` closes a one-word quoted nickname between two names: 'William "Mac" Thornberry'."""
    return (3 <= k < len(tokens) - 1 and tokens[k][2] in _NICKNAME_CLOSERS and tokens[k - 2][2] in _NICKNAME_OPENERS
            and tokens[k - 1][2][:1].isupper() and tokens[k - 3][2][:1].isupper()
            and tokens[k + 1][2][:1].isupper() and tokens[k - 3][1] + 1 == tokens[k - 2][0]
            and tokens[k][1] + 1 == tokens[k + 1][0])


_NICKNAME_OPENERS = frozenset(OPENING_QUOTES) | {'"'}
_NICKNAME_CLOSERS = frozenset(CLOSING_QUOTES) | {'"'}


def _acronym_before_name(tokens: list, k: int) -> bool:
    """``tokens[k]`` is an acronym before a word in ordinary capitals: "NOW President Terry O'Neill"
    names the National Organization for Women, not a time."""
    return (len(tokens[k][2]) > 1 and is_acronym(tokens[k][2]) and k + 1 < len(tokens)
            and tokens[k + 1][2][:1].isupper() and not tokens[k + 1][2].isupper())


def _joins_before_quantifier(low: str, v: Vocabulary) -> bool:
    """A word before a quantifier that keeps the phrase going: "the many analysts", "Lawmakers on
    both sides", "Trump and some supporters"."""
    return low in v.determiners or low in v.links or low in _COORDINATING or low in _OCCASION_PREPOSITIONS


_PRONOUN_DETERMINERS = frozenset({"one", "another"})
# Nouns of a time after which a clause may follow without "that" ("the day Trump announced").
_TIME_NOUNS = frozenset({"time", "day", "moment", "week", "night", "year", "month", "morning", "evening",
                         "afternoon", "weekend", "hour", "minute", "times", "days"})
# Focus adverbs that may stand before a speaker phrase without belonging to it.
FOCUS_ADVERBS = frozenset({"even", "just", "only"})
_COORDINATING = frozenset({"and", "or", "nor"})


def _determines_head(tokens: list, k: int, j: int, v: Vocabulary) -> bool:
    """``tokens[k]`` is a determiner of the phrase ("this person"), not of a time phrase ("this week")."""
    return (tokens[k][2].lower() in v.determiners or _demonstrative_that(tokens, k, j, v)) and k < j \
        and tokens[k + 1][2].lower() not in v.time


def _demonstrative_that(tokens: list, k: int, j: int, v: Vocabulary) -> bool:
    """A capitalised "That" before a lower-case noun of the phrase ("That committee said"): it opens
    the sentence as a determiner; a lower-case "that" is mostly a complementizer or a relative.
    Not before a time word ("That week officials said")."""
    following = tokens[k + 1][2] if k < j else ""
    return (tokens[k][2] == "That" and following.isalpha() and following.islower()
            and following not in v.time and following not in _VERBS_AFTER_THAT)


# Verbs that a pronoun "That" is the subject of: "That means", "That makes scenario 3".
_VERBS_AFTER_THAT = frozenset({"means", "meant", "makes", "made", "is", "was", "has", "had", "leaves", "left",
                               "puts", "gives", "shows", "would", "could", "will", "can", "may", "might"})


def is_ly_adverb(low: str, v: Vocabulary) -> bool:
    """A lower-cased word in -ly that is an adverb, not "family" or "ally" (``ly_nouns``)."""
    return low.endswith("ly") and len(low) > 3 and low not in v.ly_nouns


def _with_quantity_opener(tokens: list, first: int) -> int:
    """``first``, moved back over "at least", "at most" or "more/fewer/less than" before a phrase.

    The scan stops at "at" and "than" (they usually join phrases), which
    would leave "least three contenders" or "40 Republicans" as the speaker
    of "At least three contenders said", "More than 40 Republicans said".
    """
    word = tokens[first][2].lower()
    if first >= 1 and word in ("least", "most") and tokens[first - 1][2].lower() == "at":
        return first - 1
    if first >= 2 and tokens[first - 1][2].lower() == "than" \
            and tokens[first - 2][2].lower() in ("more", "fewer", "less"):
        return first - 2
    return first


_OCCASION_PREPOSITIONS = ("in", "at", "on", "during", "via")


def is_acronym(token: str) -> bool:
    """An upper-case word that spells a function word: "The WHO said", "IT experts"."""
    return len(token) > 1 and token.isupper()


def capitalised_name(tokens: list, k: int) -> bool:
    """A capitalised function word inside a sentence is a name: "Will wrote", "Theresa May said".

    Not at the start of the window or after sentence punctuation or an
    opening quotation mark, where any word is capitalised.
    """
    token = tokens[k][2]
    return (token[:1].isupper() and not token.isupper() and k > 0
            and tokens[k - 1][2] not in _SENTENCE_OPENERS)


_SENTENCE_OPENERS = frozenset({".", "!", "?", "“", "\"", "‘", "'", ":", ";", "(", "—", "–", "-", "…"})


def given_name(tokens: list, k: int, v: Vocabulary) -> bool:
    """A function word that is also a given name, before a surname: "said Will Feltus", "Will Hurd
    said". Not before a title, a head noun or a pronoun ("Will President Trump sign it", "Will
    Democrats", "Will the Senate"), nor in a question ("Will Trump sign it?")."""
    if tokens[k][2] not in _NAME_FUNCTION_WORDS or k + 1 >= len(tokens):
        return False
    following = tokens[k + 1][2]
    low = following.lower()
    return (following[:1].isupper() and following.isalpha() and low not in v.pronouns
            and low not in v.determiners and low not in _NOT_SURNAMES and following not in v.titles
            and low not in v.heads and not any(tok[2] == "?" for tok in tokens[k + 1:]))


_NAME_FUNCTION_WORDS = frozenset({"Will", "May"})
_NOT_SURNAMES = frozenset({"that", "there", "not"})  # besides pronouns and determiners


def link_continues(tokens: list, k: int, v: Vocabulary) -> bool:
    """Whether the preposition ``tokens[k]`` joins the phrase after it to a head before it."""
    before = tokens[k - 1][2]
    low = tokens[k][2].lower()
    if not is_word(before):
        return False
    if before.lower() in v.anonymity_adjectives:
        return True
    return (low in ("of", "in") and before.lower() not in v.stops) or _head_like(before, v)


def _after_preposition(tokens: list, k: int, v: Vocabulary) -> int:
    """Index of the first word after the preposition at ``tokens[k]`` and a determiner after it."""
    k += 1
    return k + 1 if k < len(tokens) and tokens[k][2].lower() in v.determiners else k


def _common_head_before(tokens: list, k: int, v: Vocabulary) -> bool:
    """The link ``tokens[k]`` follows a lower-case head noun of a person or body, which takes a
    phrase of its organisation even in lower case ("the spokesman for the ministry")."""
    before = tokens[k - 1][2]
    # also the noun of an anonymity phrase: "three people with knowledge of his plans"
    return before.islower() and ((before in v.heads and before not in v.documents) or before in v.anonymity_words)


def _closing_link_phrase(tokens: list, k: int, v: Vocabulary) -> bool:
    """The lower-case phrase after the link ``tokens[k]`` is short and closes the speaker phrase.

    "said a spokesman for the ministry.", "according to two people in the room,": it
    ends at a mark within a few words. Not an occasion ("the spokesman in a
    statement"), a reason ("praised by liberals for his statesmanship") or a phrase
    that runs on into a verb ("the officials in the cable amount to").
    """
    low = tokens[k][2].lower()
    before = tokens[k - 1][2]
    j = k + 1
    if low == "for" and before not in v.roles:
        return False  # "blamed by everybody for the delay": a reason; but "a spokesman for the ministry"
    if low == "with" and not (j < len(tokens) and tokens[j][2].lower() in v.anonymity_words):
        return False  # "people with knowledge of", not "a woman with her children"
    if j < len(tokens) and tokens[j][2].lower() in v.determiners:
        if low not in ("of", "at", "in") and tokens[j][2].lower() not in ("the", "a", "an"):
            return False  # "for his statesmanship", "from their homes"
        j += 1
    if j >= len(tokens) or (low in _OCCASION_PREPOSITIONS and tokens[j][2].lower() in v.adverbial):
        return False
    words = 0
    while j < len(tokens) and is_word(tokens[j][2]):
        if tokens[j][2].lower() in v.stops and tokens[j][2].lower() not in v.links:
            return False
        words += 1
        j += 1
        if words > _MAX_LINK_PHRASE_WORDS:
            return False
    return words > 0


_MAX_LINK_PHRASE_WORDS = 5


def _to_after_head(tokens: list, k: int, v: Vocabulary) -> bool:
    """``tokens[k]`` is a "to" that joins a phrase to the head before it ("an aide to Mr. Trump"),
    or runs inside a body's name ("the Committee to Protect Journalists")."""
    if tokens[k][2].lower() != "to" or k == 0:
        return False
    before = tokens[k - 1][2]
    if before.lower() in v.to_heads:
        return True
    return before[:1].isupper() and before.lower() in v.to_name_heads and k + 1 < len(tokens) \
        and tokens[k + 1][2][:1].isupper()


def _head_like(token: str, v: Vocabulary) -> bool:
    return is_name_word(token) or token.lower() in v.heads


def is_name_word(token: str) -> bool:
    """Capitalised, or a name with a lower-case particle: "Dunford", "al-Baghdadi", "el-Sisi"."""
    if token[:1].isupper():
        return True
    head, _, rest = token.partition("-")
    return bool(rest) and len(head) <= 3 and rest[:1].isupper()


# Time words that end a newspaper's name when capitalised after it ("the New York Times", "the Financial Times").
_NEWSPAPER_WORDS = frozenset({"times"})


def noun_phrase_forward(tokens: list, i: int, v: Vocabulary, *, strict: bool = False) -> int | None:
    """Index of the last token of the noun phrase that starts at ``tokens[i]``.

    With ``strict``, lower-case words other than a determiner are accepted only
    when they are head nouns of the word lists (used for a sentence's opening
    phrase, where no cue tells where the phrase ends).
    """
    n = len(tokens)
    k = i
    last = None
    words = 0
    if k < n and (tokens[k][2].lower() in v.determiners or tokens[k][2].lower() in v.quantifiers
                  or (not strict and tokens[k][2].lower() == "one" and k + 1 < n and tokens[k + 1][2][:1].isalpha())):
        k += 1  # also "said one unaligned Florida Republican strategist"
    while k < n:
        token = tokens[k][2]
        if not is_word(token):
            if last is not None and nickname_ends_at(tokens, k + 2):
                k += 3  # 'said Rep. William "Mac" Thornberry': on to the surname
                continue
            break
        low = token.lower()
        capital = token[0].isupper()
        if last is not None and low in v.links:
            nxt = _after_preposition(tokens, k, v)
            following = tokens[nxt][2] if nxt < n else ""
            if (following[:1].isupper() or tokens[k - 1][2].lower() in v.anonymity_adjectives
                    or (_common_head_before(tokens, k, v) and _closing_link_phrase(tokens, k, v))) \
                    and is_word(following) and (following.lower() not in v.time or (
                        following[:1].isupper() and following.lower() in _NEWSPAPER_WORDS)):
                # "officials at Central Command"; "a source familiar with the talks"; "a spokesman
                # for the ministry", "the head of the agency"
                k = nxt
                continue
            break
        if last is not None and low == "by" and tokens[last][2].lower() in v.documents and k + 1 < n \
                and tokens[k + 1][2][:1].isupper() and is_word(tokens[k + 1][2]):
            k += 1  # its author: "said a statement by RNC Chairman Reince Priebus"
            continue
        if last is not None and low == "to" and _to_after_head(tokens, k, v):
            nxt = _after_preposition(tokens, k, v)
            # a noun phrase, not an infinitive: "an adviser to the president", "an aide to former
            # president Obama", "a lawmaker close to leadership"; not "told by aides to stay home"
            if k + 1 < n and (tokens[k + 1][2].lower() in v.determiners or tokens[k + 1][2][:1].isupper()
                              or tokens[k + 1][2].lower() == "former"
                              or tokens[k - 1][2].lower() in v.anonymity_adjectives) \
                    and nxt < n and is_word(tokens[nxt][2]) and tokens[nxt][2].lower() not in v.time \
                    and tokens[nxt][2].lower() not in v.stops:
                k = nxt  # "according to an adviser to the president"
                continue
            break
        if last is not None and low in COORDINATORS:
            if k + 1 < n and _head_like(tokens[k + 1][2], v) and tokens[k + 1][2].lower() not in v.pronouns:
                k += 1
                continue
            break
        if ((low in v.stops and not given_name(tokens, k, v))
                or (low in v.openers and not (capital and last is not None))
                or (low in v.time and not capital)
                or (low in v.time and last is not None and not (low in _NEWSPAPER_WORDS and capital))):
            break  # but a capitalised opener inside a name goes on: "Education Next", "This Week"
        if last is not None and not capital and low.endswith(("ing", "ed")):
            break
        if strict and not capital and low not in v.heads and not low.isdigit():
            if last is None and k == i:  # a sentence may open with an adjective: "Senior officials"
                pass
            else:
                break
        if words >= 10:
            break
        last = k
        words += 1
        k += 1
    return last
