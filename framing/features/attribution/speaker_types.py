"""Speaker types: what kind of source a speaker phrase names.

See :func:`speaker_type` for the definitions; the word lists are in
``framing/rules/attribution.yaml``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from framing.features.attribution.phrases import FOCUS_ADVERBS, is_name_word
from framing.features.attribution.wordlists import Vocabulary

NAMED, ANONYMOUS, ORGANIZATION, PRONOUN, UNKNOWN = "named", "anonymous", "organization", "pronoun", "unknown"
ROLE, DOCUMENT = "role", "document"
SPEAKER_TYPES = (NAMED, ANONYMOUS, ORGANIZATION, PRONOUN, ROLE, DOCUMENT, UNKNOWN)


class Speaker(NamedTuple):
    """A speaker: its noun phrase, its type, and the wider phrase it heads."""

    start: int
    end: int
    kind: str
    phrase_start: int  # start of the speaker phrase with its appositives
    phrase_end: int  # end of it, with a reason for anonymity that follows


def make_speaker(text: str, tokens: list, v: Vocabulary) -> Speaker | None:
    """A Speaker from the tokens of its noun phrase, typed by :func:`speaker_type`."""
    if len(tokens) > 1 and tokens[0][2].lower() in FOCUS_ADVERBS:
        tokens = tokens[1:]  # "even Sen. Bernie Sanders praised": the adverb is no part of the phrase
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    last = tokens[-1][2]
    if "'" in last or "’" in last:
        # "He’s said", "They’ve argued": the speaker is "He", "They", without the auxiliary.
        end -= len(last) - len(_without_contraction(last))
    words = tuple([t[2] for t in tokens])
    key = (id(v), words)
    known = _TYPE_CACHE.get(key)
    if known is None:
        if len(_TYPE_CACHE) > _TYPE_CACHE_SIZE:
            _TYPE_CACHE.clear()
        known = _TYPE_CACHE[key] = (speaker_type(list(words), v),
                                    any(w.lower() in v.anonymity_words for w in words))
    kind, anonymity_word = known
    if kind is None:
        return None
    if kind == DOCUMENT and len(tokens) == 1 and words[0][:1].isupper() and not _opens_sentence(text, start):
        kind = NAMED  # "“…,” Page says": a capital inside the sentence makes the word a name
    tail = v.anonymity_tail_re.match(text, end) if _may_follow(text, end, v) else None
    if tail:
        # "a command official speaking on the condition of anonymity": the reason
        # for anonymity belongs to the speaker phrase.
        kind = ANONYMOUS
        end = tail.end()
    elif anonymity_word and v.anonymous_phrase_re.search(text, start, end):
        kind = ANONYMOUS
    return Speaker(start, end, kind, start, end)


# Phrases already seen ("he", "Trump", "officials" recur in every article): their
# speaker type, and whether a word of theirs may belong to an anonymity phrase.
_TYPE_CACHE: dict = {}
_TYPE_CACHE_SIZE = 50_000
_NEXT_WORD = re.compile(r"[\s,]*([^\W\d_]+)")


def _opens_sentence(text: str, start: int) -> bool:
    """Nothing but spaces, quotation marks and brackets stands between ``start`` and a sentence end
    (or the text's start) before it."""
    k = start - 1
    while k >= 0 and (text[k].isspace() and text[k] != "\n" or text[k] in "\"“‘'([”’)]"):
        k -= 1  # also a closing mark after a sentence's end: "… yo.” Research shows"
    return k < 0 or text[k] in ".!?:\n"


def _may_follow(text: str, end: int, v: Vocabulary) -> bool:
    """Whether a reason for anonymity can start after ``end`` (its first word is one of them)."""
    found = _NEXT_WORD.match(text, end)
    return found is not None and found.group(1).lower() in v.anonymity_words


def speaker_type(words: list[str], v: Vocabulary) -> str | None:
    """The type of a speaker phrase given as its words.

    ``named`` a person's name, with or without title ("Gen. Joseph Dunford",
    "Mr. Phillips of Chatham House"); ``anonymous`` unnamed people ("U.S.
    military officials", "a source familiar with …", "analysts");
    ``organization`` an institution, medium, group or state ("the Pentagon",
    "semiofficial Iranian media", "Russia"); ``role`` one identifiable office
    holder named only by role ("the president", "Iraq's prime minister");
    ``document`` a text or data set ("the report", "a statement", "the poll");
    ``pronoun`` ("he", "they"); ``unknown`` anything else. Returns None when
    the phrase holds no word that can head it (a time or place adverb).

    Examples
    --------
    >>> from framing.features.attribution.wordlists import vocabulary
    >>> v = vocabulary()
    >>> [speaker_type(p.split(), v) for p in ["Gen. Joseph Dunford", "U.S. and Iraqi intelligence sources",
    ...                                        "the U.S. military", "the president", "they"]]
    ['named', 'anonymous', 'organization', 'role', 'pronoun']
    """
    if "and" in words[1:-1]:
        # "Director of National Intelligence Dan Coats and NSA Director Mike Rogers": two conjuncts
        # of one type give it to the phrase; otherwise the phrase is typed whole ("U.S. and Iraqi
        # intelligence sources", "the Centers for Disease Control and Prevention")
        cut = words.index("and")
        first = speaker_type(words[:cut], v)
        if first not in (None, UNKNOWN) and first == speaker_type(words[cut + 1:], v):
            return first
    core = _core(words, v)
    if not core:
        return None
    for k in range(1, len(core)):
        if core[k].lower() in _TEXT_PARTICIPLES and core[k - 1].lower() in v.documents:
            core = core[:k]  # "A video posted online", "the report released Monday": the text heads it
            break
    if len(core) < len(words) and core[-1].lower() in _PROPORTIONS and words[len(core)].lower() == "of":
        # "55 percent of voters", "a majority of the committee": some of the people named after "of"
        of_whom = speaker_type(words[len(core) + 1:], v)
        if of_whom in (ANONYMOUS, ORGANIZATION, ROLE, NAMED):
            return ANONYMOUS
    if core[-1].lower() in ("percent", "%") and len(core) <= 3:
        return ANONYMOUS  # "19 percent said", "the 37 percent who said": a share of those polled
    if len(core) > 1 and (core[-1].lower() in v.anonymity_adjectives or core[-1].lower() in v.postpositives):
        core = core[:-1]  # "sources familiar with the talks", "people close to the president", "one diplomat present"
    if len(core) >= 2 and _GENERATION.fullmatch(core[-1]) and is_name_word(core[-2]):
        core = core[:-1]  # "Francis Nichols III", "Henry Ford II": the surname heads the name
    head = core[-1]
    low = head.lower().rstrip(".")
    if len(core) == 1 and low in _UNNAMED_ONES:
        return ANONYMOUS  # "Another said", "One told reporters", "Said one, …"
    if len(core) == 1 and (low in _NO_ONE_IN_PARTICULAR or _without_contraction(low) in _NO_ONE_IN_PARTICULAR):
        return UNKNOWN  # "Whoever is nominated will have to consider", "There's a difference between … telling"
    if len(core) == 1 and (low in v.pronouns or _without_contraction(low) in v.pronouns) \
            and head != "US":
        return PRONOUN  # also "they’re telling", "he's said"; not "US", the country
    if len(core) == 1 and len(low) == 1:
        return UNKNOWN  # the "Q:" and "A:" of an interview transcript label turns, not people
    if len(core) == 1 and low in v.determiners:
        # "Each said" stands for people just named, as "both" does; "These say …" names no one
        return PRONOUN if low in _ANAPHORIC else UNKNOWN
    if len(core) == 1 and low in v.quantifiers:
        return PRONOUN if low in _ANAPHORIC else ANONYMOUS  # "Two told reporters"; "Both said"
    if (low in v.time or low in v.openers) and not (head[:1].isupper() and (
            low in v.organizations or (len(core) > 1 and is_name_word(core[-2])))):
        return None  # but "The Times", "the Post": a newspaper; "Education Next": a title
    core_text = " ".join([w for w in core if w.lower() not in v.determiners])
    if core_text in v.places or (head in v.places and not _person_with_place_name(core, v)):
        return ORGANIZATION
    if len(core) > 1 and low in v.multiword_last:
        lower_text = core_text.lower()
        for phrase, list_name in v.multiword_heads.items():
            if lower_text.endswith(phrase):
                return _LIST_TYPE[list_name] if list_name != "role_heads" else _role_or_anonymous(core, v)
    if is_name_word(head):
        return _capitalised_head(core, head, low, v)
    if low in v.anonymous:
        return ANONYMOUS
    if low in v.roles:
        return _role_or_anonymous(core, v)
    if low in v.organizations and not (low in v.documents and head.islower() and not _the_newspaper(core, low)):
        return ORGANIZATION  # "the Post" is a newspaper; "this post" is a text
    if low in v.documents:
        return DOCUMENT
    if _counted_people(core, low, v):
        return ANONYMOUS  # "At least three would-be presidential contenders"
    return UNKNOWN


# Participles that tell how a text came out, after its noun ("a video posted online").
_TEXT_PARTICIPLES = frozenset({"posted", "published", "released", "written", "tweeted", "shared", "circulated",
                               "broadcast", "issued", "sent", "aired", "distributed", "leaked", "filed",
                               "obtained", "uploaded", "presented", "produced", "conducted", "commissioned",
                               "compiled", "prepared", "unveiled", "submitted"})

# Heads that count a share of the people after "of" ("55 percent of voters").
_PROPORTIONS = frozenset({"percent", "per", "%", "majority", "minority", "plurality", "half", "third", "thirds",
                          "quarter", "quarters", "share", "proportion", "fraction", "one-in-ten", "one-third",
                          "two-thirds", "one-quarter", "three-quarters", "one-fifth", "one-in-five", "number"})


def _the_newspaper(core: list[str], low: str) -> bool:
    """ "the paper" alone is the newspaper the article cites; "a paper", "the TPC paper" are texts."""
    return low == "paper" and len(core) == 2 and core[0].lower() == "the"


def _counted_people(core: list[str], low: str, v: Vocabulary) -> bool:
    """A plural head counted but not named: "three contenders", "at least two senators"."""
    if len(core) < 2 or not low.endswith("s") or low.endswith("ss"):
        return False
    first = core[0].lower()
    if first in ("at", "more", "fewer", "less") and len(core) > 2:
        first = core[2].lower() if core[1].lower() == "than" else core[1].lower()
        if first in ("least", "most") and len(core) > 3:
            first = core[2].lower()
    return first in v.quantifiers or first[:1].isdigit()


def _person_with_place_name(core: list[str], v: Vocabulary) -> bool:
    """"Rep. Jim Jordan", "Jim Jordan": a surname that is also a place, after a title or given name.

    The word before it must be capitalised and neither a place, a
    nationality nor a place modifier ("Iraqi Kurdistan", "Neighbouring
    Jordan" stay places).
    """
    if len(core) < 2:
        return False
    if any(w.rstrip(".") in v.titles for w in core[:-1]):
        return True
    before = core[-2]
    return (is_name_word(before) and before not in v.places and before.lower() not in v.determiners
            and not before.endswith(_MODIFIER_ENDINGS))


# Nationalities and place modifiers ("Iraqi", "Turkish", "Neighbouring", "Northern").
_MODIFIER_ENDINGS = ("an", "ish", "ese", "i", "ic", "ch", "ing", "ern")


_LIST_TYPE = {"anonymous_heads": ANONYMOUS, "role_heads": ROLE, "organization_heads": ORGANIZATION,
              "document_heads": DOCUMENT}


def _core(words: list[str], v: Vocabulary) -> list[str]:
    """The words before the first joining preposition ("officials" in "officials at Central Command",
    "an aide" in "an aide to Mr. Trump").

    A preposition inside a title ("Secretary of State John Kerry", a
    multi-word head of the word lists) joins nothing.
    """
    for k, word in enumerate(words):
        if k > 0 and word.lower() == "to" and words[k - 1].lower() in v.to_heads:
            return words[:k]  # "an aide to Mr. Trump": the aide speaks
        if k > 0 and word.lower() == "by" and words[k - 1].lower() in v.documents:
            return words[:k]  # "a study by Avalere": the study reports, its author is named in it
        if k > 0 and word.lower() in v.links and not (
                k + 1 < len(words) and " ".join(words[k - 1:k + 2]).lower() in v.multiword_heads) \
                and not _title_of_before_name(words, k, v) and not _people_of_named_body(words, k, v) \
                and not _named_person_of_body(words, k, v):
            return words[:k]
    return words


def _named_person_of_body(words: list[str], k: int, v: Vocabulary) -> bool:
    """"Department of Education spokeswoman Meg Geoghegan", "the Center on Budget and Policy
    Priorities' Robert Greenstein": a named body, then a role or a possessive, then a person's name
    that ends the phrase. The preposition must stand inside the body's name ("A spokesman for
    Egyptian President Mohamed Morsy" is the spokesman)."""
    if not words[k - 1][:1].isupper():
        return False
    after = words[k + 1:]
    for i in range(len(after) - 1, 0, -1):
        word = after[i]
        if not word[:1].isupper():
            return word in v.roles or word in v.anonymous  # "spokeswoman", before the name
        if word.endswith(("'", "’", "'s", "’s")) or word.rstrip(".") in v.titles:
            return i < len(after) - 1  # "Priorities' Robert Greenstein", "Secretary Lee Norman"
    return False


def _people_of_named_body(words: list[str], k: int, v: Vocabulary) -> bool:
    """"Department of Homeland Security officials": a named body, then the people's head noun."""
    after = words[k + 1:]
    return (len(after) >= 2 and after[-1].islower() and (after[-1] in v.anonymous or after[-1] in v.roles)
            and all(w[:1].isupper() for w in after[:-1]))


def _title_of_before_name(words: list[str], k: int, v: Vocabulary) -> bool:
    """"Secretary of Defense Chuck Hagel", "Chief of Staff John Lawrence": a title with "of", then a name.

    The office ("Defense", "Staff") takes one or two capitalised words, so
    three or more after "of", all capitalised, hold a name; "Director of
    National Intelligence" alone is an office.
    """
    before = words[k - 1]
    after = words[k + 1:]
    return (words[k].lower() == "of" and before[:1].isupper()
            and (before.lower() in v.roles or before.rstrip(".") in v.titles)
            and len(after) >= 3 and all(w[:1].isupper() or (w == "and" and 0 < i < len(after) - 1)
                                        for i, w in enumerate(after)))  # "of Health and Human Services"


def _without_contraction(word: str) -> str:
    """A word without a contracted auxiliary: "they're" -> "they", "He’s" -> "He", "O'Neill" kept."""
    for mark in ("'", "’"):
        if mark in word:
            stem, _, ending = word.rpartition(mark)
            return stem if ending.lower() in _CONTRACTIONS and stem else word
    return word


_CONTRACTIONS = frozenset({"re", "s", "ve", "ll", "d", "m"})
# Titles that are also common surnames ("Rep. Steve King", "Larry King", "Jeffrey Dean").
_GENERATION = re.compile(r"(?:II|III|IV|VI{0,3}|IX|XI{0,3}|XIV|XV)")
_SURNAME_TITLES = frozenset({"king", "prince", "bishop", "judge", "dean", "duke", "major", "marshal"})
_PARTY_MEMBER = frozenset({"republican", "democrat"})
_UNNAMED_ONES = frozenset({"another", "one", "either", "neither", "those"})  # "Those who claim …"
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"})
_NO_ONE_IN_PARTICULAR = frozenset({"whoever", "whomever", "whatever", "there", "here"})
_ANAPHORIC = frozenset({"both", "all", "other", "each"})


def _capitalised_head(core: list[str], head: str, low: str, v: Vocabulary) -> str:
    if _name_after_possessive(core, v):
        return NAMED  # "CNN's Fred Pleitgen", "The BBC's Shaimaa Khalil"
    if low in _SURNAME_TITLES and len(core) > 1 and core[0].lower() != "the" and is_name_word(core[-2]) \
            and core[-2].rstrip(".") not in v.titles and core[-2].lower() not in v.roles \
            and core[-2].lower() not in v.determiners:
        return NAMED  # "Rep. Steve King", "Larry King": a surname that is also a title
    if _name_after_common_noun(core, v):
        return NAMED  # "the British epidemiologist Neil Ferguson"
    if low in _PARTY_MEMBER and core[0].lower() == "the":
        return ROLE  # "the Republican vowed", "the third-ranking House Democrat": one identifiable person
    names = [w for w in core if is_name_word(w) and w.rstrip(".") not in v.titles
             and w.lower() not in v.determiners]
    if head.rstrip(".") in v.titles and len(names) == 0:
        return _role_or_anonymous(core, v)
    if len(core) == 2 and core[0].rstrip(".") in _HONORIFICS:
        return NAMED  # "Mr. Fox", "Ms. Post": a person, whatever the surname also names
    if low in v.organizations or (len(head) > 1 and head.replace(".", "").isupper()):
        return ORGANIZATION
    if low in v.documents and core[0].lower() in v.determiners and not (
            core[0].lower() == "the" and low in _PERIODICAL_HEADS):
        return DOCUMENT  # "A recent Pew Study", "the Global Terrorism Index"; not "The Journalism Review"
    if len(core) == 1 or core[0].lower() in v.quantifiers or not any(
            w[:1].isupper() for w in core[:-1]):
        # A capital only because the sentence starts here: "Analysts warn", "Officials said".
        if low in v.anonymous:
            return ANONYMOUS
        if low in v.documents and low not in v.organizations:
            return DOCUMENT
    if low in v.anonymous and (len(names) <= 1 or all(
            w.lower() in v.organizations or w in v.places for w in names[:-1])):
        return ANONYMOUS  # also "House Democrats", "Iowa Republicans": unnamed members of a body or place
    if core[0].lower() == "the" and _title_then_full_name(core, v):
        return NAMED  # "the NAACP President Benjamin Todd Jealous"
    if core[0].lower() == "the" or low in v.roles and len(names) <= 1:
        return ORGANIZATION if core[0].lower() == "the" else _role_or_anonymous(core, v)
    return NAMED


# Document heads that also end the names of periodicals and sites ("the Drudge Report", "The Review").
_PERIODICAL_HEADS = frozenset({"report", "review", "record", "paper"})


def _title_then_full_name(core: list[str], v: Vocabulary) -> bool:
    """A title or role followed by a name ends the phrase ("the NAACP President Benjamin Todd Jealous").

    "St." is a saint's name here ("The St. Louis Post-Dispatch"), and the
    words after the title must be a name, not more of a title or an
    institution ("the FEC Inspector General", "The Justice Department").
    """
    for k in range(len(core) - 2, 0, -1):
        word = core[k]
        if word.rstrip(".") != "St" and (word.rstrip(".") in v.titles or word.lower() in v.roles):
            return all(_plain_name_word(w, v) for w in core[k + 1:])
    return False


def _plain_name_word(word: str, v: Vocabulary) -> bool:
    low = word.lower()
    return (is_name_word(word) and word.rstrip(".") not in v.titles and low not in v.roles
            and low not in v.organizations and low not in v.documents and low not in v.anonymous)


def _name_after_common_noun(core: list[str], v: Vocabulary) -> bool:
    """Two or more name words after a lower-case noun: "the British epidemiologist Neil Ferguson".

    A capitalised people noun does the same: "the Texas Republican Ted Cruz".

    A lower-case word other than a determiner is a description of the
    person the names that follow it name; an organisation word at the end
    ("the radio giant Cumulus Media") is no person.
    """
    last_lower = max((k for k, w in enumerate(core[:-1]) if (w.islower() and w not in v.determiners)
                      or (w.lower() in v.anonymous and w.lower() not in _UNNAMED_ONES)), default=-1)
    if last_lower < 0:
        return False
    if core[last_lower].lower() in v.organizations or core[last_lower].lower() in v.documents:
        return False  # "the watchdog group Media Matters"
    after = core[last_lower + 1:]
    if not all(is_name_word(w) for w in after) or after[-1].rstrip(".") in v.titles \
            or sum(w.rstrip(".") not in v.titles for w in after) < 2:
        return False  # names after titles count: "the former President Barack Obama"
    return not (_names_no_person(after[-1], v) or after[-1].lower() in v.places)


def _names_no_person(word: str, v: Vocabulary) -> bool:
    """The last word of a phrase makes it no person's name: a word of the speaker lists, or an acronym."""
    return word.lower() in v.heads or word.replace(".", "").isupper()


def _name_after_possessive(core: list[str], v: Vocabulary) -> bool:
    """A person's name after an owner: two or more name words after the last "'s" word.

    The owner (a medium, a party, a state) says where the person works; the
    speaker is the person. A role or organisation word at the end ("the BBC's
    Middle East Editor") is no name.
    """
    owner = max((k for k, w in enumerate(core[:-1]) if w.endswith(_POSSESSIVE_ENDINGS) or w in ("'", "’")),
                default=-1)  # also the bare apostrophe of "The New York Times' Jeremy Peters"
    if owner < 0:
        return False
    after = core[owner + 1:]
    if len(after) < 2 or not all(is_name_word(w) and w.rstrip(".") not in v.titles for w in after):
        return False
    return not _names_no_person(after[-1], v)


_POSSESSIVE_ENDINGS = ("'s", "’s")


def _role_or_anonymous(core: list[str], v: Vocabulary) -> str:
    """"the president" / "Iraq's prime minister" is a role; "a senior commander" is anonymous."""
    first = core[0].lower()
    if first in ("a", "an", "one", "another", "some") or first in v.quantifiers:
        return ANONYMOUS
    if core[-1].lower().endswith("s") and core[-1].lower() not in v.roles:
        return ANONYMOUS
    return ROLE
