"""The word lists of ``framing/rules/attribution.yaml``, loaded once and validated.

Lists become lower-cased frozensets for O(1) look-ups of single words; multi-word
entries are compiled into one regular expression per list. Everything here is
built the first time :func:`vocabulary` is called and then cached, so the
per-cue code never compiles anything.
"""

from __future__ import annotations

from framing._io import safe_yaml

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


from framing._warnings import LexiconError

# Words that join conjuncts ("U.S. and Iraqi intelligence sources").
COORDINATORS = frozenset({"and", "but", "or", "&"})
# Quantifiers that open a noun phrase as a determiner does ("some Republican leaders"); not
# numbers ("the two senators"), nor "other" and "more", which follow a determiner or another word.
OPENING_QUANTIFIERS = frozenset({"some", "many", "several", "few", "both", "dozens", "hundreds", "thousands"})

REQUIRED_LISTS = (
    "anonymous_heads", "role_heads", "anonymous_phrases", "anonymity_tail", "titles",
    "organization_heads", "document_heads", "places", "pronouns", "relative_pronouns",
    "determiners", "numbers_and_quantifiers", "subject_gap_words", "control_verbs",
    "infinitive_blockers", "to_heads", "to_name_heads", "link_prepositions", "listeners", "clause_stops",
    "time_words",
    "adverbial_words", "adverbial_openers", "abbreviations", "inversion_cues", "listener_cues",
    "addressee_cues", "tag_addressee_cues", "addressee_nouns", "told_things",
    "tag_only_cues", "adverb_cues", "state_classes", "colon_cue_class", "colon_label_stops",
    "noun_cues", "target_noun_cues", "noun_cue_complements", "document_cues", "as_cues",
    "ly_nouns", "object_first_cues", "speaking_passives", "plural_nouns", "adjectival_participles",
    "name_participles", "postpositive_adjectives", "counting_cues",
    "event_passive_cues",
    "subject_gap_phrases", "poll_heads", "poll_head_vetoes",
    "poll_before_vetoes", "document_object_cues",
)


@dataclass(frozen=True)
class Vocabulary:
    """Word lists for the attribution stage (see ``framing/rules/attribution.yaml``)."""

    version: str
    anonymous: frozenset
    roles: frozenset
    organizations: frozenset
    documents: frozenset
    titles: frozenset  # case-sensitive, without a final period
    places: frozenset  # case-sensitive
    pronouns: frozenset
    relatives: frozenset
    determiners: frozenset
    quantifiers: frozenset
    gap: frozenset
    gap_phrases: frozenset  # tuples of lower-case words: ("at", "one", "point")
    gap_phrase_ends: frozenset  # their last words, for a quick test
    poll_heads: frozenset  # "poll", "survey": "in a new poll" attributes to the poll
    poll_stems: tuple  # lower-case prefixes of the poll heads, to find the sentences that hold one
    poll_vetoes: frozenset  # "polling station": no finding
    poll_before_vetoes: frozenset  # "faith in polls": an attitude, not a source
    ly_nouns: frozenset  # lower-case "-ly" words that are not adverbs
    object_first: frozenset  # "accuse of": lemma and the preposition its object comes before
    document_objects: frozenset  # "post", "release": lemmas whose past participle follows a document noun
    speaking_passives: frozenset  # cue forms whose passive subject is the speaker
    speaking_passive_firsts: frozenset  # first words of its two-word entries ("opposed" of "opposed to")
    plural_nouns: frozenset  # "police", "people": singular in form, plural verb
    adjectival_participles: frozenset  # "reported" in "eight reported incidents"
    postpositives: frozenset  # "present" in "one diplomat present": after the head noun
    name_participles: frozenset  # "acting" in "acting Attorney General X": -ing words inside a speaker phrase
    control: frozenset
    blockers: frozenset
    links: frozenset
    to_heads: frozenset  # "adviser", "close": heads across whose "to" a speaker phrase runs
    to_name_heads: frozenset  # "committee": capitalised, before "to" and a capital inside a name
    listeners: frozenset  # single-word listeners
    stops: frozenset
    time: frozenset
    adverbial: frozenset
    openers: frozenset
    abbreviations: frozenset  # case-sensitive: titles and name suffixes whose period is kept
    inversion: frozenset  # cue labels
    listener_cues: frozenset  # cue labels
    addressee_cues: frozenset  # listener cue labels whose object is the person spoken to ("tell", not "praise")
    tag_addressee_cues: frozenset  # cue labels whose short object after a tag is the listener
    addressee_nouns: frozenset  # "crowd", "mother": people and audiences that can be listeners
    told_things: frozenset  # "story", "side": what is told, after "her"
    tag_only: frozenset  # cue labels accepted only as a speech tag ("he continued.")
    counting_cues: frozenset  # cue labels that count, not report, before a number ("added 196,000 jobs")
    event_passives: frozenset  # cue labels whose bare passive is an event ("Kavanaugh was confirmed")
    adverb_cues: frozenset  # cue labels that are adverbs ("reportedly")
    state_classes: frozenset  # cue categories of states of mind and positions (nested ones give no row)
    colon_class: tuple  # cue categories for colon cues, in order of preference
    colon_label_stops: frozenset  # lower-case section labels that are no speaker ("editor's note")
    noun_cues: frozenset  # noun forms that are cues in an attribution context ("claim", "criticism")
    target_nouns: frozenset  # noun cues whose "of/about/against" phrase is their target ("criticism of")
    noun_complements: frozenset  # "that", "of", "from"…: words after a noun cue that make it one
    document_cues: frozenset  # cue labels whose bare forms need a document subject ("the poll found")
    as_cues: frozenset  # cue labels that need "as" in their clause ("see him as")
    heads: frozenset  # anonymous | roles | organizations | documents
    anonymous_phrase_re: re.Pattern
    anonymity_tail_re: re.Pattern
    listener_phrase_re: re.Pattern
    multiword_places: tuple  # places of several words, longest first
    multiword_heads: dict  # lower-case multi-word heads -> list name
    multiword_last: frozenset  # last words of the multi-word heads, to skip the scan
    anonymity_adjectives: frozenset  # "familiar", "close": anonymous phrases "<adjective> <preposition>"
    anonymity_words: frozenset  # every word of the anonymous phrases ("asked", "declined", "speak")
    # Unions of the lists above, so that the per-token loops look a word up once:
    phrase_checks: frozenset  # words at which a noun phrase read backwards may stop (else it grows)
    phrase_edges: frozenset  # words a speaker phrase does not start with ("of", "and", "today", "also")
    time_phrase_words: frozenset  # words a time adverbial may start with ("last", "on", "the", "Tuesday")


def _phrase_regex(phrases, *, anchored: bool) -> re.Pattern:
    """One case-insensitive regex for literal phrases, whole words, any whitespace between words."""
    parts = sorted({" ".join(p.split()) for p in phrases}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts) or r"(?!x)x"
    prefix = r"\s*,?\s*" if anchored else r"(?<!\w)"
    return re.compile(f"{prefix}(?:{body})(?!\\w)", re.IGNORECASE)


def _words(data: dict, name: str, source: Path) -> list[str]:
    block = data.get("lists", {}).get(name)
    if not isinstance(block, dict) or not isinstance(block.get("words"), list):
        raise LexiconError(f"{source}: list {name!r} is missing or has no 'words' list.")
    if not block.get("description"):
        raise LexiconError(f"{source}: list {name!r} has no description.")
    words = block["words"]
    for word in words:
        if not isinstance(word, str) or not word.strip():
            # YAML reads bare no/on/yes as booleans: the file must quote them.
            raise LexiconError(f"{source}: list {name!r} holds {word!r} ({type(word).__name__}); "
                               "every entry must be a non-empty string (quote no/on/yes).")
    return [" ".join(w.split()) for w in words]


@lru_cache(maxsize=None)
def vocabulary(path: str | None = None) -> Vocabulary:
    """Load and validate the attribution word lists.

    Parameters
    ----------
    path : str, optional
        Another file in the format of ``framing/rules/attribution.yaml``
        (default: the shipped file).

    Returns
    -------
    Vocabulary
        Frozen, cached word lists and compiled phrase patterns.

    Examples
    --------
    >>> v = vocabulary()
    >>> "officials" in v.anonymous and "pentagon" in v.organizations
    True
    """
    source = Path(path) if path else Path(str(resources.files("framing.rules") / "attribution.yaml"))
    data = safe_yaml(source.read_text(encoding="utf-8")) or {}
    lists = {name: _words(data, name, source) for name in REQUIRED_LISTS}

    def lower(name):
        return frozenset(w.lower() for w in lists[name])

    def single(name):
        return frozenset(w.lower() for w in lists[name] if " " not in w)

    multi_heads = {}
    for name in ("anonymous_heads", "role_heads", "organization_heads", "document_heads"):
        for w in lists[name]:
            if " " in w:
                multi_heads.setdefault(w.lower(), name)
    anonymous, roles = single("anonymous_heads"), single("role_heads")
    organizations, documents = single("organization_heads"), single("document_heads")
    links, time, openers = lower("link_prepositions"), lower("time_words"), lower("adverbial_openers")
    return Vocabulary(
        version=str(data.get("version", "")),
        anonymous=anonymous, roles=roles, organizations=organizations, documents=documents,
        titles=frozenset(w.rstrip(".") for w in lists["titles"]),
        places=frozenset(lists["places"]),
        pronouns=lower("pronouns"), relatives=lower("relative_pronouns"),
        determiners=lower("determiners"), quantifiers=lower("numbers_and_quantifiers"),
        gap=lower("subject_gap_words"), control=lower("control_verbs"),
        gap_phrases=frozenset(tuple(w.lower().split()) for w in lists["subject_gap_phrases"]),
        gap_phrase_ends=frozenset(w.lower().split()[-1] for w in lists["subject_gap_phrases"]),
        poll_heads=lower("poll_heads"), poll_vetoes=lower("poll_head_vetoes"),
        poll_before_vetoes=lower("poll_before_vetoes"),
        poll_stems=tuple(sorted({w.lower()[:4] for w in lists["poll_heads"]})),
        ly_nouns=lower("ly_nouns"), object_first=lower("object_first_cues"),
        document_objects=lower("document_object_cues"),
        speaking_passives=lower("speaking_passives"), plural_nouns=lower("plural_nouns"),
        speaking_passive_firsts=frozenset(w.lower().split()[0] for w in lists["speaking_passives"]
                                          if len(w.split()) == 2),
        adjectival_participles=lower("adjectival_participles"), name_participles=lower("name_participles"),
        postpositives=lower("postpositive_adjectives"),
        blockers=lower("infinitive_blockers"), links=links, to_heads=lower("to_heads"),
        to_name_heads=lower("to_name_heads"),
        listeners=single("listeners"), stops=lower("clause_stops"), time=time,
        adverbial=lower("adverbial_words"), openers=openers,
        abbreviations=frozenset(w.rstrip(".") for w in lists["titles"] + lists["abbreviations"]
                                if " " not in w),
        inversion=lower("inversion_cues"), listener_cues=lower("listener_cues"),
        addressee_cues=lower("addressee_cues"), tag_addressee_cues=lower("tag_addressee_cues"),
        addressee_nouns=lower("addressee_nouns"), told_things=lower("told_things"),
        tag_only=lower("tag_only_cues"), counting_cues=lower("counting_cues"),
        event_passives=lower("event_passive_cues"), adverb_cues=lower("adverb_cues"),
        state_classes=frozenset(lists["state_classes"]),
        colon_class=tuple(lists["colon_cue_class"]),
        colon_label_stops=lower("colon_label_stops"),
        noun_cues=lower("noun_cues"), target_nouns=lower("target_noun_cues"),
        noun_complements=lower("noun_cue_complements"),
        document_cues=lower("document_cues"), as_cues=lower("as_cues"),
        heads=anonymous | roles | organizations | documents,
        anonymous_phrase_re=_phrase_regex(lists["anonymous_phrases"], anchored=False),
        anonymity_tail_re=_phrase_regex(lists["anonymity_tail"], anchored=True),
        listener_phrase_re=_phrase_regex([w for w in lists["listeners"] if " " in w], anchored=True),
        multiword_places=tuple(sorted((w for w in lists["places"] if " " in w), key=len, reverse=True)),
        multiword_heads=multi_heads,
        multiword_last=frozenset(p.split()[-1] for p in multi_heads),
        anonymity_words=frozenset(w.lower() for p in lists["anonymous_phrases"] + lists["anonymity_tail"]
                                  for w in p.split()),
        anonymity_adjectives=frozenset(p.split()[0].lower() for p in lists["anonymous_phrases"]
                                       if len(p.split()) == 2
                                       and p.split()[1].lower() in lower("link_prepositions") | {"to"}),
        phrase_checks=(lower("determiners") | links | COORDINATORS | lower("clause_stops") | lower("pronouns")
                       | OPENING_QUANTIFIERS),
        phrase_edges=links | COORDINATORS | time | openers,
        time_phrase_words=time | openers | lower("determiners"),
    )
