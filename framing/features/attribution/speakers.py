"""Who is speaking: the speaker span of a cue and its type.

Rules, tried in this order (tokens are read outwards from the cue, inside its
sentence):

1. Skip auxiliaries, negation and adverbs before the cue ("has long said",
   "did not deny"), and a control verb with "to" ("declined to comment").
   A be-form right before a past participle makes the cue passive ("is said
   to", "was told"): the speaker is the agent after "by", if any.
2. A personal pronoun there is the speaker ("he said"). A relative pronoun
   stands for the phrase before it ("the U.S. military, which said").
3. "and"/"but" before the cue, or an -ing cue after a comma (", adding
   that"), share the subject of the clause: the speaker of the previous cue
   in the sentence, else the phrase that opens the sentence.
4. A word there ends the speaker phrase, read backwards as a noun phrase:
   capitalised words, titles, modifiers and head nouns, across "of/at/for…"
   when they join a head to an organisation ("officials at U.S. Central
   Command") and across "and" between conjuncts ("U.S. and Iraqi
   intelligence sources"); it stops at a determiner (kept), a
   function word or punctuation.
5. After a comma or a closing quotation mark, a cue of the inversion list
   reads its speaker forwards ("…,” said Omar Abu Laila, a …"), if what
   follows the phrase can end it (punctuation, "who", a time adverbial).
6. Otherwise, after a comma, the cue follows an appositive: in
   "A, B, said" the speaker is B when B is a person's name ("the top US
   general in Iraq, Lt-Gen. Paul Funk, told") and A otherwise ("Brett McGurk,
   the top US envoy …, said"); after a chain of descriptions, the name that
   opens it ("Mary Cheney, the younger sister of Liz Cheney, a Wyoming
   Senate candidate, criticized").

Before these, a time adverbial between the subject and the cue is skipped
("The company on Monday said"), and a participle that opens the sentence
("Citing security concerns, the Pentagon declined") takes the subject after
its clause. After them, a phrase that ends a relative clause gives way to
the phrase the clause describes ("Democrats who voted to reopen the
government said": Democrats).

The ``speaker`` span is the noun phrase, extended over a reason for
anonymity right after it ("a command official speaking on the condition of
anonymity"); appositives are left out ("Omar Abu Laila", not "Omar Abu
Laila, a Europe-based opposition activist"). The speaker *phrase*, used for
content boundaries, runs over the appositives too. Noun phrases are read by
:mod:`.phrases`, typed by :mod:`.speaker_types`.
"""

from __future__ import annotations

import re

from framing.features.attribution.phrases import (COORDINATORS, FOCUS_ADVERBS, capitalised_name, is_acronym,
                                                  is_ly_adverb, is_name_word, nickname_ends_at, noun_phrase_back,
                                                  noun_phrase_forward)
from framing.features.attribution.speaker_types import (ANONYMOUS, DOCUMENT, NAMED, PRONOUN, ROLE, UNKNOWN, Speaker,
                                                        make_speaker)
from framing.features.attribution.tokens import (CLOSING_QUOTES, DASHES, OPENING_QUOTES, SUBJECT_PRONOUNS,
                                                 before_apostrophe, clause_comma, is_word, possessive_apostrophe,
                                                 tokenize)
from framing.features.attribution.wordlists import Vocabulary

# Where a speaker was found (see find_speaker).
BEFORE, INVERTED, SHARED, PASSIVE = "before", "inverted", "shared", "passive"
INFINITIVE = "infinitive"
PARTICIPLE = "participle"  # a passive participle without a be-form: "men accused of abuse"
REDUCED = "reduced"  # a passive participle after its noun, with an agent: "comments reported by The Hill"
BE_FORMS = frozenset({"is", "was", "are", "were", "be", "been", "being", "am", "'s", "’s"})
# Pronouns that can be the subject of a cue (SUBJECT_PRONOUNS); the object forms only name listeners.
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
_CAUSATIVES = frozenset({"make", "makes", "made", "making", "let", "lets", "letting", "have", "has", "had",
                         "help", "helps", "helped", "see", "saw", "seen", "hear", "heard", "watch", "watched"})
_MAX_SEGMENT_TOKENS = 40
# Punctuation that ends a comma-separated segment of the phrase before a cue.
_SEGMENT_BREAKS = frozenset({",", ";", ":"}) | DASHES | OPENING_QUOTES | CLOSING_QUOTES
# Prepositions before a gerund cue whose subject is the main clause's ("by citing", "in describing").
_GERUND_PREPOSITIONS = frozenset({"by", "in", "after", "before", "while", "when", "without", "upon", "on"})


def find_speaker(text: str, left: list, right: list, label: str, form_is_ing: bool, v: Vocabulary, *,
                 previous: Speaker | None, sentence_start: int,
                 form_is_past: bool = False, speaking_passive: bool = False,
                 first_speaker: Speaker | None = None) -> tuple[Speaker | None, str]:
    """The speaker of the cue between ``left`` and ``right`` tokens.

    Parameters
    ----------
    text : str
        The article.
    left, right : list of (start, end, str)
        Tokens of the cue's sentence before and after the cue.
    label : str
        The cue lemma ("say", "tell").
    form_is_ing : bool
        The cue is an -ing form (", adding that …" shares the clause's subject).
    form_is_past : bool, default False
        The cue is a past form, which may be a passive participle ("men
        accused of abuse": ``object_first_cues``).
    speaking_passive : bool, default False
        The cue is a passive whose subject is the speaker ("is quoted as
        saying": ``speaking_passives``).
    v : Vocabulary
        Word lists.
    previous : Speaker or None
        The speaker of the previous cue in the same sentence.
    first_speaker : Speaker or None
        The speaker of the first cue of the sentence, found before or after it
        (the subject a verb after ", and" shares).
    sentence_start : int
        Offset of the sentence, to read its opening phrase.

    Returns
    -------
    (Speaker or None, str)
        The speaker, and where it was found: ``"before"`` the cue,
        ``"inverted"`` (after it), ``"shared"`` (the subject of a coordinated
        verb), ``"passive"`` (the agent of a passive cue, or none),
        ``"participle"`` (the agent of a passive participle, or none), or ``""``.
        When nothing is found for an infinitive cue, the caller may try
        :func:`infinitive_subject` (``"infinitive"``: "he went on to rebut").
    """
    if form_is_ing and left and left[-1][2].lower() == "worth":
        return None, ""  # "It’s worth noting that": an impersonal remark
    if form_is_ing and opens_with_participle(left):
        found = _subject_after_clause(text, right, v)  # "While speaking to reporters, Trump said"
        if found is not None:
            return found, SHARED
    # not for ", too, demanding …": a participle after a comma shares the main clause's subject
    j = _skip_gap(left, len(left) - 1, v, parenthetical=not form_is_ing)
    if j + 1 < len(left) and left[j + 1][2].lower() in _STANDING_QUANTIFIERS and (
            j < 0 or (j == 0 and left[0][2].lower() in COORDINATORS)) and left[0][0] == sentence_start:
        # "And both vowed", "All agreed": the quantifier the gap skipped is the subject
        return make_speaker(text, left[j + 1:j + 2], v), BEFORE
    if j < 0:
        if not left and label in v.inversion and right and _opens_speaker_phrase(right[0][2], v):
            # "Said Comey, “…”", "Mused one Clinton ally: “…”": a tag opening the sentence
            found = _inverted(text, right, v)
            if found is not None:
                return found, INVERTED
        return None, ""
    adverbial = _time_adverbial_start(left, j, v)
    if adverbial is not None:
        # "The company on Monday said", "A poll released Wednesday shows": the subject is before it
        j = _before_participle(left, _skip_gap(left, adverbial - 1, v), v)
    if left[j][2] == "." and j > 2 and left[j - 2][2] == "," and _is_party_tag(text, left, (j - 1, j)):
        # "McConnell, R-Ky. said": a party tag without its closing comma; the name is before it.
        speaker = _appositive(text, left, j - 2, v)
        if speaker is not None:
            return speaker._replace(phrase_end=left[j][1]), BEFORE
    token = left[j][2]
    low = token.lower()
    if token in CLOSING_QUOTES and j == len(left) - 1 and not form_is_ing:
        title = _quoted_title_before(left, j, form_is_past, v)
        if title is not None:  # "“60 Minutes” announced", "as “Blackfish” points out": a work speaks
            return title, BEFORE
    if form_is_past and right and f"{label} {right[0][2].lower()}" in v.object_first \
            and not _is_passive(left, j, v):
        # "men accused of abuse": a passive participle; the phrase before it is the one accused.
        return _agent(text, right, v), PARTICIPLE
    if speaking_passive and j < len(left) - 1 and _is_passive(left, j, v):
        # "Braynard is quoted as saying": the subject of the passive is the speaker.
        j = _skip_gap(left, _last_be_form(left, j), v)
        if j < 0:
            return None, ""
        token, low = left[j][2], left[j][2].lower()
    elif not form_is_ing and j < len(left) - 1 and _is_passive(left, j, v):  # "are hoping" is progressive
        return _agent_of_act(text, right, v), PASSIVE
    by_follows = bool(right) and right[0][2] == "by"
    if form_is_past and by_follows and j == len(left) - 1 and (
            low in _GET_FORMS or (low in _CORRELATIVES and j > 0 and left[j - 1][2].lower() in BE_FORMS)):
        return _agent(text, right, v), PASSIVE  # "I got blamed by everybody", "were either claimed by Israel"
    if form_is_past and by_follows and _reduced_passive(left, j, v):
        agent = _agent_of_act(text, right, v)
        if agent is not None:
            return agent, REDUCED  # "the 22,000 violent crimes reported by the Baltimore police"
    if not form_is_ing and by_follows and (low in v.stops or not is_word(token)):
        agent = _agent(text, right, v)  # "As reported by Western Journalism"
        if agent is not None:
            return agent, PASSIVE
    if low in SUBJECT_PRONOUNS:
        if low == "it" and not (form_is_ing or form_is_past):  # "it say" cannot be a clause; "it said" can
            subject = _relative_clause_subject(text, left, j, v)
            if subject is not None:
                return subject, BEFORE  # "Those who oppose it say"
        return _pronoun(left[j]), BEFORE
    if low == "one" and j == len(left) - 1 and (j == 0 or not is_word(left[j - 1][2])):
        return make_speaker(text, left[j:j + 1], v), BEFORE  # "One told reporters …": an unnamed speaker
    if low in v.relatives and low != "that" and not token.isupper() or (low == "that" and j > 0 and (
            left[j - 1][2] == "," or (not form_is_ing and _relative_that(left, j, v)))):
        if j > 0 and left[j - 1][2] in DASHES and any(tok[2] == "?" for tok in right):
            return None, ""  # "Tax cut – who believes it?": a question, no relative clause
        return _antecedent(text, left, j, v), BEFORE
    if form_is_ing and token in CLOSING_QUOTES and j > 0 and left[j - 1][2] == "," and (
            previous is not None or any(tok[2] in OPENING_QUOTES for tok in left[:j - 1])):
        # "Smith said, “We won,” adding that …": the quotation's comma ends the clause.
        # Not when the quotation opened before the sentence did: its subject would be the quote's.
        token = ","
    if token == "," and form_is_ing or (form_is_ing and low in _GERUND_PREPOSITIONS):
        # ", saying …", "by citing …": the participle's subject is the main clause's,
        # not that of a subordinate clause ("Democrats rejected it before Trump announced
        # it, maintaining that …").
        if previous is not None and not (token == "," and _opens_subordinate_clause(text, previous, sentence_start)):
            return previous, SHARED
        return opening_subject(text, left, sentence_start, v) or previous, SHARED
    if low in COORDINATORS:
        if j > 0 and left[j - 1][2] == "," and first_speaker is not None and first_speaker.kind != UNKNOWN \
                and first_speaker.phrase_end <= left[j][0] \
                and not any(tok[2] in OPENING_QUOTES or tok[2] in CLOSING_QUOTES for tok in left):
            # ", and accused …" joins the main clause: the subject of the sentence's first cue, not
            # of a clause in between ("Farage said the President did not know what he was talking
            # about, and accused …").
            return first_speaker, SHARED
        return _shared_subject(text, left, previous, sentence_start, v), SHARED
    if low in _OBJECT_PRONOUNS and not form_is_ing:
        if j > 0 and left[j - 1][2].lower() in _CAUSATIVES:
            return _pronoun(left[j]), BEFORE  # "which makes me suspect": the pronoun is the one suspecting
        subject = _relative_clause_subject(text, left, j, v)
        if subject is not None:
            return subject, BEFORE  # "the people who voted for him said"
    if token[:1].isalnum() and (low not in v.stops or capitalised_name(left, j) or _acronym_in_text(text, left[j])):
        first = noun_phrase_back(left, j, v)
        if first is not None and _is_occasion(left, first, j, v):
            # "Jeb Bush in a Medium post said": skip the occasion, keep the subject.
            j2 = _skip_gap(left, first - 2, v)
            first2 = noun_phrase_back(left, j2, v) if j2 >= 0 and is_word(left[j2][2]) else None
            if first2 is not None:
                return make_speaker(text, left[first2:j2 + 1], v), BEFORE
            if j2 >= 0 and left[j2][2].lower() in COORDINATORS:
                # "The employee first said …, but in a later interview said …": the shared subject
                if j2 > 0 and left[j2 - 1][2] == "," and first_speaker is not None \
                        and first_speaker.kind != UNKNOWN:
                    return first_speaker, SHARED
                return _shared_subject(text, left, previous, sentence_start, v), SHARED
        # not for an -ing cue: "courts to dismiss cases alleging …" is a participle of the noun before it
        subject = None if form_is_ing else _relative_clause_subject(text, left, j if first is None else first, v)
        if subject is not None:
            return subject, BEFORE  # "Democrats who voted to reopen the government said"
        if first is not None and not (first == j and _is_verb_form(token, v)):
            head = _reduced_passive_head(text, left, first, j, v) or _speaking_participle_head(text, left, first, j, v)
            if head is not None:
                return head, BEFORE  # "Records officials interviewed by The Times expressed"
            if form_is_ing:
                author = _publisher_of(text, left, first, v)
                if author is not None:
                    return author, BEFORE  # "Black Lives Matter issued a statement saying"
            member = _member_before_party(text, left, first, j, v)
            if member is not None:
                return member, BEFORE  # "Sen. Joe Manchin (D) of West Virginia said"
            return make_speaker(text, left[_name_after_thing(left, first, j, v):j + 1], v), BEFORE
        return None, ""  # also "Democrats have started urging", "36 NGBs that responded said": a verb, no speaker
    if token == "%" and j > 0 and left[j - 1][2][:1].isdigit() and left[j - 1][1] == left[j][0] \
            and not (j > 1 and left[j - 2][2] in "+-" and left[j - 2][1] == left[j - 1][0]):  # not "+0.99%"
        return make_speaker(text, left[j - 1:j + 1], v), BEFORE  # "26% say they are conservative"
    if token == ")":
        j_open = _open_paren(left, j)
        if j_open is not None and j_open > 0 and is_word(left[j_open - 1][2]):
            first = noun_phrase_back(left, j_open - 1, v)
            if first is not None:
                return make_speaker(text, left[first:j_open], v), BEFORE
    if token == "," or token in CLOSING_QUOTES or token in DASHES:
        # Only a cue right after the mark inverts: "…,” said X"; not ", recently asked X".
        inverts = label in v.inversion and j == len(left) - 1
        after_quotation = (token in CLOSING_QUOTES and j > 0 and left[j - 1][2] == ",") or (
            token == "," and j > 0 and left[j - 1][2] in CLOSING_QUOTES)
        inverted = _inverted(text, right, v, after_quotation) if inverts else None
        chain = token == "," and inverts and len(_segments(left, j, 2)) > 1
        subject = _appositive(text, left, j, v) if chain else None  # read once, only where it may win
        if subject is not None and _subject_before_wins(subject, inverted, right):
            return subject, BEFORE
        if inverted is not None and not (label in v.listener_cues and _complement_after(right, inverted.end)):
            return inverted, INVERTED
        if token == ",":
            return (subject if chain else _appositive(text, left, j, v)), BEFORE
        if token in DASHES and not form_is_ing:
            subject = _dash_appositive(text, left, j, v)
            if subject is not None:
                return subject, BEFORE  # "Jason Sims — a teacher from Mount Pleasant — says"
        if token in CLOSING_QUOTES and _quoted_words_close_segment(left, j):
            # 'Joe Scarborough, host of MSNBC’s “Morning Joe,” suggested', 'The Egyptian Armed
            # Forces, responding to "rumors and lies," said': the comma inside the closing mark
            # ends the segment; the marks do not break it. A phrase holding the quoted words is
            # no speaker ('the show's "White House Correspondent," explained').
            unquoted = [tok for tok in left[:j] if tok[2] not in OPENING_QUOTES and tok[2] not in CLOSING_QUOTES]
            subject = _appositive(text, unquoted, len(unquoted) - 1, v)
            if subject is not None and not any(ch in OPENING_QUOTES for ch in text[subject.start:subject.end]):
                return subject, BEFORE
    return None, ""


def _quoted_words_close_segment(left: list, j: int) -> bool:
    """The closing mark at ``left[j]`` follows a comma and ends a short quotation that opens after a
    word of the same segment (a title or a phrase quoted inside an appositive or participle
    segment), not a quotation opening its sentence or clause."""
    if j < 2 or left[j - 1][2] != ",":
        return False
    for k in range(j - 2, max(-1, j - 2 - _MAX_QUOTED_SEGMENT_WORDS), -1):
        word = left[k][2]
        if word in OPENING_QUOTES:
            return k > 0 and is_word(left[k - 1][2]) and any(tok[2] == "," for tok in left[:k])
        if not (is_word(word) or word in ("&", "-", "'", "’")):
            return False
    return False


_MAX_QUOTED_SEGMENT_WORDS = 6


# Verbs whose object, not their subject, does what the infinitive says: "urged Congress to pass".
_OBJECT_CONTROL = ("urg", "ask", "tell", "told", "forc", "allow", "encourag", "persuad", "invit", "order", "push",
                   "pressur", "call", "want", "expect", "need", "requir", "instruct", "direct", "help", "lead",
                   "led", "caus", "get", "got", "enabl", "permit", "compel", "challeng", "dar", "advis", "remind",
                   "warn", "beg", "implor", "press", "prompt", "inspir", "empower", "authoriz", "convinc", "let",
                   "mak", "made", "pay", "paid", "hire", "elect", "appoint", "choos", "chose", "nam")
_IMPERSONAL_SUBJECTS = frozenset({"it", "there", "this", "that", "what"})


def infinitive_subject(text: str, left: list, k: int, v: Vocabulary, sentence_start: int) -> Speaker | None:
    """The subject of the clause whose infinitive the cue is, ``left[k]`` being its "to".

    "he is correct to note", "He went on to rebut", "Pelosi took to the House
    floor Friday to oppose": the subject of the clause says it. None when
    another noun phrase controls the infinitive ("urged Congress to pass"),
    the subject is impersonal ("It is important to note") or a form of "be"
    comes right before "to" ("The plan is to argue").
    """
    if k == 0 or left[k - 1][2].lower() in BE_FORMS or left[k - 1][2].lower() in _OBJECT_PRONOUNS:
        return None
    if is_word(left[k - 1][2]):
        named = noun_phrase_back(left, k - 1, v)
        if named is not None and named > 0 and left[named - 1][2].lower() == "for":
            subject = make_speaker(text, left[named:k], v)  # "a way for Democrats to say"
            return subject if subject is not None and subject.kind != UNKNOWN else None
    start = k - 1
    while start >= 0 and left[start][2] not in _CLAUSE_START_MARKS and left[start][2].lower() not in v.relatives \
            and left[start][2].lower() not in _SUBORDINATORS:
        start -= 1
    if start < 0 and left[0][0] > sentence_start:
        return None  # the window starts inside the clause: its subject is out of sight
    clause = left[start + 1:k]
    if not clause:
        return None
    first = _after_opening_adverbial(clause, v)
    while first < len(clause) - 1 and (clause[first][2].lower() in COORDINATORS or (
            clause[first][2].lower() in v.time or clause[first][2].lower() in _CLAUSE_OPENING_WORDS
            or is_ly_adverb(clause[first][2].lower(), v))):
        first += 1  # "But he is correct to note", "Now they seem to think", "If Romney were trying to explain"
    if first >= len(clause):
        return None
    head = clause[first][2]
    low = before_apostrophe(head.lower())
    if low in _IMPERSONAL_SUBJECTS or _is_verb_form(low, v) or low in _IRREGULAR_PARTICIPLES or not (
            head[:1].isupper() or low in v.determiners or low in v.quantifiers or low in SUBJECT_PRONOUNS):
        return None  # "It's important to note"; "urged lawmakers not to" has no subject here
    if low in SUBJECT_PRONOUNS:
        start = clause[first][0]
        subject, end = _pronoun((start, start + len(low), head[:len(low)])), first + 1  # "he's" -> "he"
    else:
        last = noun_phrase_forward(clause, first, v, strict=True)
        if last is None:
            return None
        subject, end = make_speaker(text, clause[first:last + 1], v), last + 1
    if subject is None or subject.kind == UNKNOWN or end >= len(clause):
        return None  # no verb between the subject and "to": "people to say" is no clause
    if any(tok[2].lower().startswith(_OBJECT_CONTROL) and clause[i - 1][2].lower() not in BE_FORMS
           and i < len(clause) - 1 and clause[i + 1][2].lower() != "not"
           for i, tok in enumerate(clause[end:], start=end)):
        return None  # an object controls it ("urged Congress to pass"); not "needed to know", "is expected to"
    return subject


_CLAUSE_START_MARKS = frozenset({",", ";", ":", "(", ")"}) | DASHES | OPENING_QUOTES | CLOSING_QUOTES


def _dash_appositive(text: str, left: list, j: int, v: Vocabulary) -> Speaker | None:
    """The subject before a description set off by a pair of dashes, the second at ``left[j]``.

    The subject must open its clause: the sentence, or after a comma, a colon or a quotation mark.
    """
    d = next((k for k in range(j - 1, max(-1, j - _MAX_SEGMENT_TOKENS), -1) if left[k][2] in DASHES), None)
    if d is None or d < 1 or d == j - 1 or not is_word(left[d - 1][2]):
        return None
    if "-" in (left[d][2], left[j][2]) and (left[d - 1][1] == left[d][0] or left[j - 1][1] == left[j][0]):
        return None  # "a Bernie Sanders- and Ocasio-Cortez- backed candidate": hyphens, no dashes
    if left[d + 1][2].lower() not in v.relatives and \
            any(not is_word(tok[2]) and tok[2] not in ("'", "’", ".", "-") for tok in left[d + 1:j]):
        return None  # a clause of its own between the dashes, not one description or relative clause
    first = noun_phrase_back(left, d - 1, v)
    if first is None or (first > 0 and left[first - 1][2] not in (",", ":", ";") and left[first - 1][2]
                         not in OPENING_QUOTES):
        return None
    return make_speaker(text, left[first:d], v)


# Irregular past participles that head a reduced passive clause ("documents seen by Reuters").
_IRREGULAR_PARTICIPLES = frozenset({"seen", "shown", "written", "taken", "given", "held", "run", "led", "made",
                                    "sent", "drawn", "read", "brought", "found", "heard", "told", "won", "caught"})


def _reduced_passive_head(text: str, left: list, first: int, j: int, v: Vocabulary) -> Speaker | None:
    """The noun a reduced passive clause ending at ``left[j]`` describes, typed by it, spanning the clause.

    "Records officials interviewed by The Times expressed …", "documents
    obtained by CNN show …": the speaker is the officials or the documents,
    not the agent of the participle; so with a text sent to someone
    ("Mattis’ resignation letter addressed to Trump indicates").
    """
    if first < 3 or (left[first][2].islower() and left[first][2].endswith("ing")):  # "shocked by cutting rates"
        return None
    participle = left[first - 2][2]
    preposition = left[first - 1][2].lower()
    if preposition != "by" and not (preposition == "to" and participle in _SENDING_PARTICIPLES):
        return None
    if not participle.islower() or not (participle.endswith("ed") or participle in _IRREGULAR_PARTICIPLES):
        return None
    head = _head_described(text, left, first - 3, v)
    return head._replace(end=left[j][1], phrase_end=left[j][1]) if head is not None else None


# Participles of sending, whose "to" phrase names the addressee of a text: "a letter addressed to Trump".
_SENDING_PARTICIPLES = frozenset({"addressed", "sent", "delivered", "given", "directed", "submitted", "written",
                                  "handed", "leaked", "presented", "shown", "mailed", "forwarded", "emailed"})


def _head_described(text: str, left: list, k: int, v: Vocabulary, after_link: bool = True) -> Speaker | None:
    """The typed noun phrase ending at ``left[k]`` that a participle clause after it describes
    ("officials" in "officials interviewed by The Times"); None for a phrase of unknown type, and,
    without ``after_link``, for one after a preposition ("in Europe talking to NATO allies")."""
    if not is_word(left[k][2]) or left[k][2].lower() in v.stops:
        return None
    head_first = noun_phrase_back(left, k, v)
    if head_first is None or (not after_link and head_first > 0 and left[head_first - 1][2].lower() in v.links):
        return None
    head = make_speaker(text, left[head_first:k + 1], v)
    return head if head is not None and head.kind != UNKNOWN else None


def _speaking_participle_head(text: str, left: list, first: int, j: int, v: Vocabulary) -> Speaker | None:
    """The noun a participle of speaking describes, when the phrase before the cue is its object:
    "Another intelligence source speaking to Fox News said" is the source, not Fox News."""
    if first < 3 or left[first - 1][2].lower() not in ("to", "with", "on") \
            or left[first - 2][2] not in _SPEAKING_PARTICIPLES:
        return None
    # not "spending this week in Europe talking to NATO allies": a place, no subject
    head = _head_described(text, left, first - 3, v, after_link=False)
    return head._replace(phrase_end=left[j][1]) if head is not None else None


_SPEAKING_PARTICIPLES = frozenset({"speaking", "talking", "writing", "appearing", "testifying", "responding",
                                   "replying"})


# Verbs by which someone puts out a text that then speaks: "issued a statement saying".
_PUBLISHING_VERBS = frozenset({"issued", "issues", "released", "releases", "sent", "sends", "published",
                               "publishes", "posted", "posts", "distributed", "put", "puts", "signed", "signs",
                               "wrote", "writes", "tweeted", "tweets", "filed", "files"})


def _publisher_of(text: str, left: list, first: int, v: Vocabulary) -> Speaker | None:
    """The subject who issued the text before an -ing cue: "His office put out a statement saying".

    ``left[first:]`` is the text's phrase ("a statement"); the verb before it
    ("issued", "put out") must have a subject phrase right before it.
    """
    k = first - 1
    if k >= 0 and left[k][2].lower() == "out":
        k -= 1  # "put out", "sent out"
    if k < 1 or left[k][2].lower() not in _PUBLISHING_VERBS:
        return None
    if left[first][2].lower() not in ("a", "an") or not any(tok[2].lower() in v.documents for tok in left[first:]):
        return None
    j = _skip_gap(left, k - 1, v)
    if j > 1 and left[j][2].lower() == "ago":
        j -= 1  # "Democratic lawmakers a week ago sent a letter … asking"
        while j >= 0 and (left[j][2].lower() in v.time or left[j][2].lower() in v.quantifiers
                          or left[j][2].lower() in ("a", "an") or left[j][2][:1].isdigit()):
            j -= 1
    adverbial = _time_adverbial_start(left, j, v) if j >= 0 else None
    if adverbial is not None:
        j = _skip_gap(left, adverbial - 1, v)  # "The group on Monday sent a letter … asking"
    if j < 0 or not is_word(left[j][2]) or left[j][2].lower() in v.stops:
        return None
    start = noun_phrase_back(left, j, v)
    if start is None:
        return None
    author = make_speaker(text, left[start:j + 1], v)
    return author if author is not None and author.kind not in (UNKNOWN, DOCUMENT) else None


def _subject_before_wins(subject: Speaker, inverted: Speaker | None, right: list) -> bool:
    """The subject and its description before ", said" win over a phrase after the cue.

    "Yaqiu Wang, a researcher at Human Rights Watch, said the regime …": "said
    the regime …" is no inverted tag. A name after the cue still is one ("…, in
    Charlevoix, Canada, said Jon Alterman"), and so is a name ending the sentence
    after a named subject ("…, the new acting secretary, Thomas Modly, said Hoffman.").
    """
    if subject.kind in (UNKNOWN, PRONOUN):
        return False
    return inverted is None or inverted.kind != NAMED or (
        subject.kind == NAMED and not _ends_sentence_at(right, inverted.end))


# Words that open what a listener is told after it: "warned the office that …", "urged them to …".
_LISTENER_COMPLEMENTS = frozenset({"that", "to", "of", "about", "against"})


def _ends_sentence_at(right: list, end: int) -> bool:
    """Only the sentence's final punctuation follows ``end``."""
    k = _index_at(right, end, 0)
    return k >= len(right) or (right[k][2] in (".", "!", "?") and k + 1 >= len(right))


def _complement_after(right: list, end: int) -> bool:
    """A "that", "to", "of" ... follows the phrase ending at ``end``: it was a listener, not an inverted speaker."""
    k = _index_at(right, end, 0)
    return k < len(right) and right[k][2].lower() in _LISTENER_COMPLEMENTS


# -- reading backwards --------------------------------------------------------


def _skip_gap(left: list, j: int, v: Vocabulary, parenthetical: bool = True) -> int:
    """Index of the last token before the cue that is not an auxiliary or adverb (nor, with
    ``parenthetical``, an adverb set off by commas: "has, however, revealed")."""
    gap = v.gap
    while j >= 0:
        low = left[j][2].lower()
        if low in gap:
            if capitalised_name(left, j):
                break  # "Will wrote", "Theresa May said": a name, not an auxiliary
            j -= 1
        elif low.endswith(_NEGATIONS):
            j -= 1
        elif is_ly_adverb(low, v) and left[j][2].islower():
            j -= 1  # any adverb: "the nominee gleefully discussed"
        elif low == "to" and j > 0 and left[j - 1][2].lower() in v.control:
            j -= 2
        elif low in v.gap_phrase_ends and (size := _gap_phrase_ending(left, j, v)):
            j -= size  # "authorities at one point said"
        elif parenthetical and low == "," and j >= 2 and left[j - 2][2] == "," \
                and _parenthetical_adverb(left[j - 1][2], v):
            j -= 3  # "A YouGov poll has, however, revealed"
        else:
            break
    return j


# Gap words that stand alone as a subject at the start of a sentence.
_STANDING_QUANTIFIERS = frozenset({"both", "all", "each"})


def _parenthetical_adverb(word: str, v: Vocabulary) -> bool:
    """A lower-case adverb set off by commas inside a verb group: "has, however, revealed"."""
    low = word.lower()
    return word.islower() and (low in _PARENTHETICAL_ADVERBS or low in v.gap or is_ly_adverb(low, v))


# Besides the gap words ("however", "too", "meanwhile", ...) and adverbs in -ly.
_PARENTHETICAL_ADVERBS = frozenset({"moreover"})


def _gap_phrase_ending(left: list, j: int, v: Vocabulary) -> int:
    """Length of the ``subject_gap_phrases`` phrase that ends at ``left[j]`` (0 if none)."""
    for size in (2, 3):
        if j - size + 1 >= 0 and tuple(t[2].lower() for t in left[j - size + 1:j + 1]) in v.gap_phrases:
            return size
    return 0


_NEGATIONS = ("n't", "n’t")


def _acronym_in_text(text: str, token: tuple) -> bool:
    """An acronym spelling a function word ("The WHO said"), not a word of an all-capitals headline."""
    return is_acronym(token[2]) and any(ch.islower() for ch in text[token[1]:token[1] + 24])


_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
_TIME_OPENERS = frozenset({"on", "last", "this", "earlier", "late", "early", "in", "over", "during", "later"})


def _time_adverbial_start(left: list, j: int, v: Vocabulary) -> int | None:
    """Start of a time adverbial ending at ``left[j]`` between a subject and its cue, if any.

    "The company on Monday said", "Officials last week said", "Trump
    Tuesday said". The adverbial opens with a lower-case time opener ("on",
    "last", "this", "earlier") or is a bare weekday, so that "Theresa May"
    and "The New York Times" stay names. A word must stand before it.
    """
    word = left[j][2]
    if word.lower() not in v.time or not (word.islower() or word in _WEEKDAYS):
        return None
    k = j
    while k > 0 and j - k < 4:
        previous = left[k - 1][2]
        low = previous.lower()
        if previous.islower() and low in _TIME_OPENERS:
            k -= 1
            continue
        if low in v.time and (previous.islower() or previous in _WEEKDAYS) or low in v.determiners and previous.islower():
            k -= 1
            continue
        break
    if k == j and word not in _WEEKDAYS:
        return None  # a bare "week" or "time" is no adverbial
    first = next((i for i in range(k, j + 1) if left[i][2].lower() in _TIME_OPENERS or left[i][2] in _WEEKDAYS), None)
    before = left[first - 1][2] if first else ""
    low = before.lower()
    if low in COORDINATORS and first > 1 and left[first - 2][2] == ",":
        return first  # "…, and on Monday said": the verb shares the subject before "and"
    if not (is_word(before) or before == ")") or (low in v.stops and not is_acronym(before)) \
            or low in v.determiners or low in v.pronouns:  # "The WHO on Saturday" is a subject; "your
        return None  # Sunday viewing" is not; "Sen. John McCain (R-Ariz.) on Friday" keeps its tag
    return first


_MAX_PARTICIPLE_PHRASE = 4  # "released", "made public", "posted on social media"


def _before_participle(left: list, j: int, v: Vocabulary) -> int:
    """Index before a participle phrase ending at ``left[j]`` ("a poll released", "images posted on X").

    Only used before a time adverbial: "A CNN/ORC poll released Wednesday
    shows", "A report made public Wednesday described".
    """
    for k in range(j, max(0, j - _MAX_PARTICIPLE_PHRASE), -1):
        word = left[k][2]
        if not is_word(word):
            return j
        if word.islower() and not word.endswith(("ing", "s")) and _is_verb_form(word, v) \
                and k > 0 and is_word(left[k - 1][2]):
            return k - 1
    return j


def _is_occasion(left: list, first: int, last: int, v: Vocabulary) -> bool:
    """The phrase is the object of "in/at/on/during" and names an occasion ("in a statement")."""
    return (first >= 2 and left[first - 1][2].lower() in ("in", "at", "on", "during", "via")
            and left[last][2].lower() in v.adverbial and not left[last][2][:1].isupper())


def _is_passive(left: list, j: int, v: Vocabulary) -> bool:
    """A be-form right before the cue: "is said to", "were told", "wasn't asked" (gap words skipped)."""
    k = len(left) - 1
    while k > j:
        if is_be_form(left[k][2]):
            return True
        k -= 1
    return False


def _last_be_form(left: list, j: int) -> int:
    """Index of the token before the last be-form after ``left[j]`` (the passive's subject side)."""
    k = len(left) - 1
    while k > j and not is_be_form(left[k][2]):
        k -= 1
    return k - 1


def is_be_form(token: str) -> bool:
    """A form of "be", also negated ("wasn't"), that can make a passive."""
    low = token.lower()
    return low in BE_FORMS or low.replace("’", "'") in _NEGATED_BE_FORMS


_NEGATED_BE_FORMS = frozenset({"isn't", "wasn't", "aren't", "weren't"})


def _member_before_party(text: str, left: list, first: int, j: int, v: Vocabulary) -> Speaker | None:
    """The name before a party parenthesis when the phrase ``left[first:j + 1]`` is the state after
    it ("Sen. Joe Manchin (D) of West Virginia", "Rep. Nita Lowey (D-N.Y.) of Westchester")."""
    if first < 3 or left[first - 1][2].lower() not in ("of", "from") or left[first - 2][2] != ")":
        return None
    k = _open_paren(left, first - 2)
    if k is None or k < 1 or not _PARTY_IN_PARENS.fullmatch(text, left[k + 1][0], left[first - 2][0]):
        return None
    name_first = noun_phrase_back(left, k - 1, v) if is_word(left[k - 1][2]) else None
    if name_first is None:
        return None
    speaker = make_speaker(text, left[name_first:k], v)
    return speaker._replace(phrase_end=left[j][1]) if speaker is not None else None


# What stands in a party parenthesis: "D", "R", "I", "D-N.Y.", "R-Ky."
_PARTY_IN_PARENS = re.compile(r"[RDI](?:-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?")


def _open_paren(tokens: list, j: int) -> int | None:
    for k in range(j - 1, max(-1, j - 10), -1):
        if tokens[k][2] == "(":
            return k
    return None


def _pronoun(token) -> Speaker:
    start, end, _ = token
    return Speaker(start, end, PRONOUN, start, end)


def _name_after_thing(left: list, first: int, j: int, v: Vocabulary) -> int:
    """``first``, moved to a name that follows a noun no one can be: "the same reasons Bill Clinton said".

    "the change Barack Obama promised", "the question John Kerry asked": the
    name is the subject of a clause that describes the thing; the phrase
    scan ran over it. A noun that can describe a person ("the journalist
    Ivan Oransky", a word of the speaker lists) keeps the phrase whole.
    """
    if j - first < 3 or left[first][2].lower() not in v.determiners:
        return first  # a determiner, a noun and two names at least
    for k in range(first + 1, j - 1):
        word = left[k][2]
        if not word.islower() or word in v.links or word in COORDINATORS or word in v.stops:
            return first  # "the House Energy and Commerce Committee", "the editor of the Free Beacon"
        if "-" in word or word.endswith(_ADJECTIVE_SUFFIXES) or word in _PERSON_ADJECTIVES:
            continue  # "the self-declared Donetsk People's Republic", "A top Senate Democrat": a modifier
        names = left[k + 1:j + 1]
        if len(names) >= 2 and all(is_name_word(t[2]) for t in names) and word not in v.heads \
                and not word.endswith(_PERSON_SUFFIXES):
            return k + 1
    return first


_ADJECTIVE_SUFFIXES = ("ed", "al", "ic", "ive", "ous", "ful", "able", "ible", "ing", "ly", "ish", "less")
_PERSON_ADJECTIVES = frozenset({"top", "senior", "junior", "former", "late", "young", "old", "new", "chief",
                                "deputy", "acting", "then", "future", "fellow", "leading", "prominent"})
# Endings of nouns for people that the word lists need not hold ("singer", "psychologist", "activist").
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman")


def _is_verb_form(token: str, v: Vocabulary) -> bool:
    """A lower-case word in -ing or -ed that no word list knows as a noun ("started", "attending")."""
    return token.islower() and token.endswith(("ing", "ed")) and token not in v.heads


def _relative_that(left: list, j: int, v: Vocabulary) -> bool:
    """"that" right before the cue, after a noun, is a relative pronoun: "polls that show …".

    A complementiser needs a subject after it, and the cue follows "that"
    directly or after auxiliaries ("organizations that have endorsed him");
    a verb before it ("said that …") makes it no relative. The
    noun must be one that can speak or report, or a name inside the
    sentence: a capitalised word opening it may be an adverb ("Surely that
    explains …").
    """
    if j < 1 or any(tok[2].lower() not in _AUXILIARIES for tok in left[j + 1:]):
        return False
    word = left[j - 1][2]
    low = word.lower()
    if not is_word(word) or low in v.stops or low in v.pronouns:
        return False
    return low in v.heads or low in v.plural_nouns or (word[:1].isupper() and j >= 2 and is_word(left[j - 2][2]))


_WH_RELATIVES = frozenset({"who", "whom", "which"})
_WH_WORD = re.compile(r"\b(?:who|whom|which|that)(?:\b|(?=['\u2019]))")
_MAX_RELATIVE_TOKENS = 12  # tokens from the relative pronoun to the phrase before the cue


def _relative_that_before_verb(left: list, k: int, v: Vocabulary) -> bool:
    """"that" at ``left[k]`` opens a relative clause with no subject of its own: after a head noun
    that can speak ("the group", "a super PAC", "polls"), before a lower-case word that is no
    determiner, pronoun or quantifier (its verb: "that sued", "that opposes")."""
    if k < 1 or k + 1 >= len(left):
        return False
    noun, following = left[k - 1][2].lower(), left[k + 1][2]
    if not (noun in v.heads or noun in v.plural_nouns or left[k - 1][2].isupper() and len(noun) > 1):
        return False
    if not following.islower() or not is_word(following) or following in v.determiners or following in v.pronouns \
            or following in v.quantifiers or (following in v.stops and following not in _AUXILIARIES) \
            or following in v.anonymous or following == "none":
        return False  # "a bill that none of them wanted", "the group that many say": a subject opens the clause
    # After a document noun "that" often opens its content ("evidence that justice delayed is …"):
    # only a word with a verb's ending follows a relative "that" there ("polls that showed").
    return noun not in v.documents or (following.endswith(("s", "ed")) and not following.endswith("ss"))


# Auxiliaries that may open a relative clause after "that": "organizations that have endorsed him say".
_AUXILIARIES = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can"})


def _relative_clause_subject(text: str, left: list, first: int, v: Vocabulary) -> Speaker | None:
    """The antecedent of a relative clause that ends right before the cue.

    In "Democrats who voted to reopen the government said", the phrase before
    the cue ("the government") is the object inside the clause; the subject
    of "said" is the phrase the clause describes ("Democrats"). Only when
    words stand between the pronoun and that phrase, without punctuation:
    in "the man who police say shot him" the phrase right after "who" is the
    speaker, and after "the bill, which passed the House, …" a comma
    closes the clause.
    """
    k = first - 1
    lowest = max(0, first - _MAX_RELATIVE_TOKENS)
    if k < 1 or not _WH_WORD.search(text, left[lowest][0], left[k][1]):
        return None  # most phrases: no relative pronoun in reach, decided on the text
    while k >= lowest:
        word = left[k][2]
        if word == "that" and k < first - 1 and _relative_that_before_verb(left, k, v):
            return _antecedent(text, left, k, v)  # "The group that sued the state said"
        if not is_word(word) or word in _CLAUSE_BREAKS:
            return None  # "which stated that when the reporter had asked": another clause
        if before_apostrophe(word) in _WH_RELATIVES:  # lower case: "The WHO on Saturday said" names an agency
            following = left[k + 1][2]
            if k >= first - 1 or k == 0 or not following.islower() or following in v.determiners \
                    or following in v.quantifiers or following in v.pronouns:
                return None  # "the one who Trump said", "which one U.S. official told": a subject opens the clause
            return _antecedent(text, left, k, v)
        k -= 1
    return None


# Words that open a clause inside the relative clause: the phrase before the cue belongs to it.
_CLAUSE_BREAKS = frozenset({"that", "when", "if", "because", "while", "although", "whether", "where", "since",
                            "as", "unless", "until", "before", "after", "what", "how", "why", "than", "once"})


def _antecedent(text: str, left: list, j: int, v: Vocabulary) -> Speaker | None:
    """The phrase a relative pronoun stands for: "the U.S. military, which said", "Trump - who said"."""
    k = j - 1
    dash = k >= 0 and left[k][2] in DASHES
    if k >= 0 and (left[k][2] == "," or dash):
        k -= 1
    if k < 0 or not is_word(left[k][2]):
        return None
    first = noun_phrase_back(left, k, v)
    if first is None:
        return None
    first = _after_participle(left, first, k, v)
    if dash and any(tok[2] in DASHES for tok in left[:first]):
        return None  # "Democrats — poised to assume control of the House — who refuse": out of reach
    member = _member_before_party(text, left, first, k, v)
    if member is not None:
        return member  # "Elijah Cummings (D) of Maryland, who blasted"
    speaker = make_speaker(text, left[first:k + 1], v)
    if dash and speaker is not None and speaker.kind == UNKNOWN:
        return None  # "zero civilian casualties – which would encourage": a clause, not a phrase, before it
    return speaker


def _after_participle(tokens: list, first: int, last: int, v: Vocabulary) -> int:
    """``first``, moved past a verb in -ing or -ed that the phrase scan took for a modifier.

    The backward scan runs over lower-case words, so "Planned Parenthood is
    citing Nevada polling that shows" reads "citing Nevada polling"; the
    antecedent is "Nevada polling". A participle after a determiner stays
    ("a detailed report").
    """
    for k in range(last - 1, first - 1, -1):
        word = tokens[k][2]
        if _is_verb_form(word, v) and "-" not in word and not (
                k > first and tokens[k - 1][2].lower() in v.determiners):
            k += 1
            while k < last and tokens[k][2].lower() in v.phrase_edges:
                k += 1  # "specializing in the usual stuff": no phrase starts with "in"
            return k
    return first


def _segments(left: list, j: int, n: int = 3) -> list[tuple[int, int]]:
    """Up to ``n`` comma-separated segments ending before ``left[j]`` (a comma), nearest first."""
    segments = []
    end = j - 1
    while end >= 0 and len(segments) < n:
        start = end
        while start >= 0 and end - start < _MAX_SEGMENT_TOKENS:
            if left[start][2] in _SEGMENT_BREAKS and not _possessive_apostrophe(left, start):
                if not nickname_ends_at(left, start):
                    break
                start -= 3  # 'William "Mac" Thornberry' is one name
                continue
            start -= 1
        segments.append((start + 1, end))
        if start < 0 or left[start][2] != ",":
            break
        end = start - 1
    return segments


def _possessive_apostrophe(left: list, k: int) -> bool:
    """``left[k]`` is the apostrophe of a possessive before a word ("Germanwings' parent company")."""
    return possessive_apostrophe(left, k) and k + 1 < len(left) and is_word(left[k + 1][2])


def _full_np(left: list, segment: tuple[int, int], v: Vocabulary, subject: bool = False) -> bool:
    """The segment is one noun phrase (after adverbials of time). With ``subject``, a clause may
    open the segment before its subject ("But Jibril Rajoub", "hit a glitch when Sen. Rand Paul")."""
    a, b = segment
    if b < a:
        return False
    b = b if left[b][2] != ")" else (_open_paren(left, b) or a) - 1
    if b < a or not is_word(left[b][2]):
        return False
    first = noun_phrase_back(left, b, v)
    return first == a or (first is not None and a < first and (
        all(left[k][2].lower() in v.time or left[k][2].lower() in v.openers or left[k][2].lower() in FOCUS_ADVERBS
            for k in range(a, first))
        or (subject and _clause_before_subject(left, a, first))))


def _clause_before_subject(left: list, a: int, first: int) -> bool:
    """A subordinator right before the phrase at ``first``, or "and", "but", "yet" or "so" opening the
    segment at ``a``."""
    word = left[first - 1][2].lower()
    return word in _SUBORDINATORS or (word in ("and", "but", "yet", "so") and first - 1 == a)


# Words after which a clause, and its subject, begins inside a segment:
# "The bill hit a glitch when [Sen. Rand Paul], R-Ky., demanded".
_SUBORDINATORS = frozenset({"when", "while", "after", "before", "because", "although", "though", "since",
                            "until", "unless", "whereas", "where"})


def _appositive(text: str, left: list, j: int, v: Vocabulary) -> Speaker | None:
    """Speaker of "A, B, said": B if it is a name, else A (see module docstring)."""
    segments = _segments(left, j, 4)
    tag_end = None
    if len(segments) > 1 and _is_party_tag(text, left, segments[0]):
        # "Jason Chaffetz, R-Utah, told": the party and state tag is not the speaker.
        tag_end = left[segments[0][1]][1]
        segments = segments[1:]
    elif len(segments) > 2 and _is_party_tag(text, left, segments[1]):
        # "Jerry Moran, R-Kan., chairman of the committee, told": the tag sits between name and title.
        segments = segments[:1] + segments[2:]
    if len(segments) > 1 and _state_of_a_town(text, left, segments[0], segments[1], v):
        # "Cowen, a saleswoman from Albuquerque, New Mexico, said": the state goes with the town.
        segments = segments[1:]
    # "Clinton, during a town hall meeting in Columbus, Ohio, said": drop the
    # adverbial segment and what stands between it and the cue.
    subject_before_adverbial = False
    for k in range(len(segments) - 1, -1, -1):
        if _is_adverbial_segment(text, left, segments[k], v):
            if (k == len(segments) - 1 and k > 0) or k >= 2:
                # "In July, Sammy Aaron, vice chairman of G-III, told": the adverbial
                # opens the sentence; the speaker stands between it and the cue. So
                # when two segments stand between: "…, in a rare rebuke of the US, and
                # Turkey’s president, Recep Tayyip Erdoğan, said".
                segments = segments[:k]
            else:
                segments = segments[k + 1:]
                # "But Democratic economists, like their counterparts, say": the segment before
                # the adverbial is the subject, and may open with a conjunction
                subject_before_adverbial = k == 0
            break
    for k in range(len(segments) - 1, 1, -1):
        if _describes_the_segment_before(left, segments[k - 1], v):
            # "Eddie Griffin, who at the time was a member of the AfroSpear, a group of black
            # bloggers, said": the relative or participle clause, and the segments after it,
            # describe the phrase before it, which is the speaker (a clause right before the
            # cue is handled by _appositive_of: "the source, who has worked with Mueller, said").
            segments = segments[k:]
            break
    if not segments:
        return None
    speaker = _appositive_of(text, left, segments, v,
                             near_is_subject=tag_end is not None or subject_before_adverbial)
    if speaker is not None and tag_end is not None:
        speaker = speaker._replace(phrase_end=max(speaker.phrase_end, tag_end))
    return speaker


def _state_of_a_town(text: str, left: list, near: tuple[int, int], far: tuple[int, int], v: Vocabulary) -> bool:
    """The ``near`` segment is a place and the ``far`` one ends in a capitalised word after "from",
    "in" or "of": a town and its state or country ("from Albuquerque, New Mexico")."""
    a, b = near
    c, d = far
    if a > b or d - c < 1 or text[left[a][0]:left[b][1]] not in v.places or not left[d][2][:1].isupper():
        return False
    return any(tok[2].lower() in ("from", "in", "of") for tok in left[c:d])


def _describes_the_segment_before(left: list, segment: tuple[int, int], v: Vocabulary) -> bool:
    """The segment opens with a relative pronoun: "who ran for president" is a clause about the
    phrase before it. (A participle segment is an adverbial, dropped by ``_is_adverbial_segment``.)"""
    a, b = segment
    return a <= b and left[a][2].lower() in ("who", "which", "whose")


# "R-Utah", "D-N.Y.", "(R-S.C.)", "I-Vt."; "California Democrat", "an Ohio Republican", "a Republican".
_PARTY_TAG = re.compile(r"\(?[RDI]-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\)?"
                        r"|(?:an? )?(?:[A-Z][A-Za-z.]*\s){0,3}(?:Democrat|Republican|Independent)")


def _is_party_tag(text: str, left: list, segment: tuple[int, int]) -> bool:
    """The segment is a US party and state tag: "R-Utah", "D-N.Y.", "California Democrat"."""
    a, b = segment
    return a <= b and _PARTY_TAG.fullmatch(text, left[a][0], left[b][1]) is not None


def _appositive_of(text: str, left: list, segments: list, v: Vocabulary,
                   near_is_subject: bool = False) -> Speaker | None:
    """The speaker among the nearest comma segment and the one before it (adverbials removed).

    ``near_is_subject``: a party tag stood between the nearest segment and the cue, so that
    segment is the subject ("hit a glitch when Sen. Rand Paul, R-Ky., demanded").
    """
    near = segments[0]
    far = segments[1] if len(segments) > 1 else None
    near_np = _full_np(left, near, v, subject=near_is_subject)
    far_np = far is not None and _full_np(left, far, v, subject=True)
    if near_np:
        speaker = make_speaker(text, _segment_tokens(left, near, v, subject=near_is_subject), v)
        if speaker is not None and speaker.kind == NAMED:
            phrase_start = left[far[0]][0] if far_np else speaker.phrase_start
            return speaker._replace(phrase_start=phrase_start, phrase_end=left[near[1]][1])
    if far_np and len(segments) > 2:
        # "Mary Cheney, the younger sister of Liz Cheney, a Wyoming Senate candidate, criticized":
        # a chain of descriptions after a name; the name is the speaker.
        for segment in segments[1:]:
            if not _full_np(left, segment, v, subject=True):
                break
            named = make_speaker(text, _segment_tokens(left, segment, v, subject=True), v)
            if named is not None and named.kind == NAMED:
                return named._replace(phrase_end=left[near[1]][1])
    if far_np:
        speaker = make_speaker(text, _segment_tokens(left, far, v, subject=True), v)
        if speaker is None:
            return None
        if v.anonymous_phrase_re.search(text, left[near[0]][0], left[near[1]][1]):
            speaker = speaker._replace(kind=ANONYMOUS)
        return speaker._replace(phrase_end=left[near[1]][1])
    if near_np:
        return make_speaker(text, _segment_tokens(left, near, v, subject=near_is_subject), v)
    return None


def _segment_tokens(left: list, segment: tuple[int, int], v: Vocabulary, subject: bool = False) -> list:
    """The tokens of a segment without a closing parenthetical, and without a clause before its
    noun phrase ("The bill hit a glitch when Sen. Rand Paul" -> "Sen. Rand Paul"; "Smith and
    Wesson" stays whole)."""
    a, b = segment
    while a < b and left[a][2].lower() in FOCUS_ADVERBS:
        a += 1  # "even Mr. Icahn, a longtime corporate raider, seemed"
    if left[b][2] == ")":
        k = _open_paren(left, b)
        if k is not None and k > a:
            b = k - 1
    if subject and b > a and is_word(left[b][2]):
        first = noun_phrase_back(left, b, v)
        if first is not None and first > a and _clause_before_subject(left, a, first):
            a = first
    return left[a:b + 1]


# -- reading forwards ---------------------------------------------------------


def _inverted(text: str, right: list, v: Vocabulary, after_quotation: bool = False) -> Speaker | None:
    """Speaker after the cue ("…,” said Omar Abu Laila, …"), if the phrase can end there.

    ``after_quotation``: the cue follows a quotation and its comma ("…,” said),
    where a phrase of unknown kind that ends the sentence or stands before a
    name ("…,” said the winner, Lloyd Karmeier") is the speaker all the same.
    """
    if not right:
        return None
    first = 0
    if right[0][2].lower() in SUBJECT_PRONOUNS:  # "…,” said he."
        return _pronoun(right[0]) if _ends_phrase(right, 1, v) else None
    if right[0][2].lower() in v.links:
        return None  # "…, said of Hasan": what the speech is about, not who speaks
    last = noun_phrase_forward(right, _after_modifiers(right, v), v)
    if last is None:
        if right[0][2].lower() not in _STANDING_ALONE or not _ends_phrase(right, 1, v):
            return None
        last = 0  # "Added another, “…”": a determiner standing for an unnamed speaker
    speaker = make_speaker(text, right[first:last + 1], v)
    if speaker is None:
        return None
    if speaker.end > right[last][1]:
        return speaker  # a reason for anonymity ran on: "said one executive who requested anonymity to avoid …"
    after = _index_at(right, speaker.end, last + 1)
    if not _ends_phrase(right, after, v):
        return None
    if after < len(right) and right[after][2].lower() == "to" and not _names_a_person(right, last):
        return None  # "…, said Mr. Obama’s approach to the Middle East …": a clause, not a speaker and listener
    if speaker.kind == UNKNOWN and not text[speaker.start:speaker.end][:1].isupper() \
            and not _who_follows(right, after) and not (after_quotation and _ends_tag(right, after)):
        return None  # "…, said the militant group" is a clause, not a speaker; "said the designer, who" is one
    return appositive_name(text, right, speaker, v)


def appositive_name(text: str, tokens: list, speaker: Speaker, v: Vocabulary) -> Speaker:
    """The person a speaker phrase read forward describes, when a name follows it in apposition.

    "…,” said his wife, Kristi McLaughlin." and "according to a spokesman, Sami
    Abu Zuhri" name their speakers, as "His wife, Kristi McLaughlin, said" does:
    the speaker is the name, and its phrase runs from the description. A
    description followed by anything but a name that ends the phrase stays
    ("according to an aide, Trump wants …": the name opens the clause).
    """
    if speaker.kind not in (ANONYMOUS, ROLE, UNKNOWN):
        return speaker
    k = _index_at(tokens, speaker.end, 0)
    if k + 1 >= len(tokens) or tokens[k][2] != "," or not tokens[k + 1][2][:1].isupper():
        return speaker
    last = noun_phrase_forward(tokens, k + 1, v)
    name = make_speaker(text, tokens[k + 1:last + 1], v) if last is not None else None
    if name is None or name.kind != NAMED or not _ends_phrase(tokens, _index_at(tokens, name.end, last + 1), v):
        return speaker
    return Speaker(name.start, name.end, NAMED, speaker.phrase_start, max(name.phrase_end, speaker.phrase_end))


def _ends_tag(tokens: list, k: int) -> bool:
    """The speech tag ends at ``tokens[k]``: the sentence ends, or a name follows its comma."""
    return k >= len(tokens) or tokens[k][2] in (".", "!", "?") or (
        tokens[k][2] == "," and k + 1 < len(tokens) and tokens[k + 1][2][:1].isupper())


def _who_follows(tokens: list, k: int) -> bool:
    """", who" follows at ``tokens[k]``: a relative clause about a person."""
    return k + 1 < len(tokens) and tokens[k][2] == "," and tokens[k + 1][2].lower() == "who"


def _after_modifiers(right: list, v: Vocabulary) -> int:
    """Index after one or two lower-case modifiers before a capitalised title or name.

    "…,” explained newly-minted Speaker John Boehner", "said newly elected
    Speaker John Boehner": the phrase is read from the capital on, and keeps
    its modifiers. 0 when no such capital follows.
    """
    k = 0
    while k < 2 and k < len(right) - 1 and right[k][2].islower() and (
            is_ly_adverb(right[k][2], v) or "-" in right[k][2] or right[k][2].endswith("ed")):
        k += 1
    return k if k and right[k][2][:1].isupper() else 0


# Subordinators that may stand before a participle opening a sentence: "When asked about …, Trump said".
_PARTICIPLE_SUBORDINATORS = frozenset({"when", "while", "after", "before", "if", "once", "since", "though",
                                       "although", "unless", "until"})


def opens_with_participle(left: list) -> bool:
    """The cue is a participle that opens its sentence, alone or after a subordinator ("Citing …", "When asked …").

    A conjunction or a short adverbial may come first ("But after arguing …", "Now, after arguing …").
    """
    if not left:
        return True
    if left[-1][2].lower() not in _PARTICIPLE_SUBORDINATORS:
        return False
    before = left[:-1]
    if not before:
        return True
    if len(before) == 1:
        return before[0][2].lower() in COORDINATORS
    return before[-1][2] == "," and len(before) <= 4 and all(is_word(tok[2]) for tok in before[:-1])


_MAX_TITLE_WORDS = 6


def _quoted_title_before(left: list, j: int, form_is_past: bool, v: Vocabulary) -> Speaker | None:
    """A short quoted title ending at ``left[j]`` (its closing mark) that is the subject of the cue.

    "“60 Minutes” announced", "as “Blackfish” points out": the title starts with
    a capital and ends without punctuation, so it is no quotation of speech
    ("“We won,” he said" ends in a comma), and holds no pronoun ("“I do”
    think"). Not after a preposition ("who joined Heitkamp on “This Week”
    added"), nor after a determiner unless the cue is in the past tense ("the
    “Jewish lobby” comment" is a noun; "the “CBS Evening News” quoted" is not).
    The speaker is the work, typed ``document``; its phrase runs over the marks.
    """
    if j < 2 or not is_word(left[j - 1][2]) or left[j - 1][1] != left[j][0]:
        return None
    for k in range(j - 1, max(-1, j - 2 - _MAX_TITLE_WORDS), -1):
        token = left[k][2]
        if token in OPENING_QUOTES and left[k][1] == left[k + 1][0]:
            first = left[k + 1][2][:1]
            if k == j - 1 or not (first.isupper() or first.isdigit()):
                return None
            before = left[k - 1][2].lower() if k > 0 else ""
            if before in v.links or before in _TITLE_PREPOSITIONS or (before in v.determiners and not form_is_past):
                return None
            return Speaker(left[k + 1][0], left[j - 1][1], DOCUMENT, left[k][0], left[j][1])
        if not is_word(token) and token not in ("&", "-", ":"):
            return None
        if token.lower() in SUBJECT_PRONOUNS:
            return None
    return None


_TITLE_PREPOSITIONS = frozenset({"on", "in", "to", "for", "with", "from", "at", "about", "of", "by", "into"})


def inside_opening_subordinate(text: str, left: list, sentence_start: int) -> bool:
    """The cue stands in a subordinate clause that opens the sentence, before its comma.

    "When Warren announces that she's running, Lyn has mixed feelings": what
    the cue reports ends where the clause does.
    """
    if not left:
        return False
    for k in range(len(left) - 1, -1, -1):
        if left[k][2] == ",":  # "So this year, when Warren announces …": the clause opens after the last comma
            return k + 1 < len(left) and left[k + 1][2].lower() in _PARTICIPLE_SUBORDINATORS
    return (left[0][2].lower() in _PARTICIPLE_SUBORDINATORS
            and not text[sentence_start:left[0][0]].strip(" \n\t\"'“‘"))


# Words that open an appositive or relative clause after a subject ("Mary Cheney, who …", "Sessions, 69, …").
_APPOSITION_OPENERS = frozenset({"who", "a", "an", "the", "whose", "which"})


def _subject_after_clause(text: str, right: list, v: Vocabulary) -> Speaker | None:
    """The subject after a participle clause that opens the sentence: "Citing X, [the Pentagon] declined"."""
    comma = clause_comma(right)
    if comma is None:
        return None
    k = comma + 1
    while k < len(right) and right[k][2] in CLOSING_QUOTES:
        k += 1  # "Calling the request “repugnant,” Frosh said"
    if k >= len(right):
        return None
    if right[k][2].lower() in SUBJECT_PRONOUNS:
        return _pronoun(right[k])
    last = noun_phrase_forward(right, k, v, strict=True)  # no cue ends this phrase: head nouns only
    if last is None or last + 1 >= len(right):
        return None  # the window may have cut the phrase
    after = right[last + 1][2]
    if after == "," and not (last + 2 < len(right) and right[last + 2][2].lower() in _APPOSITION_OPENERS):
        return None  # "Defending national security, training teachers, building roads": a list
    speaker = make_speaker(text, right[k:last + 1], v)
    return speaker if speaker is not None and speaker.kind != UNKNOWN else None


def _opens_speaker_phrase(token: str, v: Vocabulary) -> bool:
    """The first word after a sentence-opening cue can begin its speaker: a name or a determiner.

    "Said Comey", "Said one official", "Added another"; :func:`_inverted`
    still refuses a lower-case phrase that names no kind of speaker ("Asked
    a question about …").
    """
    low = token.lower()
    return token[:1].isupper() or low in v.determiners or low in v.quantifiers or low == "one"


# Words that stand alone for an unnamed speaker after an inverted cue ("Said one, …", "Added another: …").
_STANDING_ALONE = frozenset({"another", "one", "others", "some", "many", "most", "several"})


def _index_at(tokens: list, offset: int, default: int) -> int:
    for k in range(default, len(tokens)):
        if tokens[k][0] >= offset:
            return k
    return len(tokens)


def _ends_phrase(tokens: list, k: int, v: Vocabulary) -> bool:
    """What follows a forward speaker phrase can end it: punctuation, "who", a time adverbial."""
    if k >= len(tokens):
        return True
    token = tokens[k][2]
    if not is_word(token):
        # An opening quotation after the phrase makes it the start of a clause:
        # ", said Daesh “will become …”" is no inverted speaker.
        return token not in OPENING_QUOTES or (token in "\"'" and tokens[k][0] == tokens[k - 1][1])
    low = token.lower()
    return (low in v.relatives or low in v.openers or low in v.time or low.endswith("ing")
            or low in ("according", "citing", "and") or low in v.postpositives
            or (low == "to" and _listener_follows(tokens, k + 1, v)))


def _names_a_person(tokens: list, last: int) -> bool:
    """The phrase ending at ``tokens[last]`` ends in a capitalised name, not a possessive's noun."""
    return tokens[last][2][:1].isupper() and not any(
        tok[2].endswith(("'s", "’s")) or tok[2] in ("'", "’") for tok in tokens[:last + 1])


def _listener_follows(tokens: list, k: int, v: Vocabulary) -> bool:
    """A listener starts at ``tokens[k]`` ("…,” said Boehner to the Post", "to reporters", "to him")."""
    if k >= len(tokens):
        return False
    token = tokens[k][2]
    low = token.lower()
    return (low in v.determiners or low in _OBJECT_PRONOUNS or low in v.heads
            or (token[:1].isupper() and is_word(token)))


def _agent(text: str, right: list, v: Vocabulary) -> Speaker | None:
    """The agent of a passive cue: "was reported by Reuters".

    Not a medium ("said by telephone") or a gerund ("responded by standing").
    """
    for k in range(min(len(right), 4)):
        if right[k][2].lower() == "by" and k + 1 < len(right):
            following = right[k + 1][2]
            if following.lower() in _MEDIA_AFTER_BY or (following.islower() and following.endswith("ing")):
                return None
            last = noun_phrase_forward(right, k + 1, v)
            if last is not None:
                return make_speaker(text, right[k + 1:last + 1], v)
            return None
        if not is_word(right[k][2]) or right[k][2].lower() == "that" or _infinitive_at(right, k, v):
            return None  # "was expected to defeat Brat by a wide margin": the clause has begun
    return None


def _reduced_passive(left: list, j: int, v: Vocabulary) -> bool:
    """The past cue after ``left[j]`` is a participle modifying the common noun ``left[j]``.

    "a measure supported by Boehner", "comments reported by The Hill", "a
    change overwhelmingly supported by …": a lower-case noun right before the
    cue (adverbs in -ly aside), no auxiliary, pronoun or name. A name before
    it may be a subject ("Trump reported by far the most"), so it is left alone.
    """
    token = left[j][2]
    low = token.lower()
    if not (token.islower() and is_word(token)) or low in v.stops or low in v.pronouns or _is_verb_form(low, v):
        return False
    return all(is_ly_adverb(tok[2], v) and tok[2].islower() for tok in left[j + 1:])


# Forms of "get" that make a passive with a participle: "got blamed by everybody".
_GET_FORMS = frozenset({"get", "gets", "got", "gotten", "getting"})
_CORRELATIVES = frozenset({"either", "neither", "both"})

# Heads of a "by" phrase that measures or times the act instead of naming its agent:
# "approved by a wide margin", "won by 10 points", "promised by the end of the year".
_BY_ADVERBIAL_HEADS = frozenset({"far", "margin", "margins", "vote", "votes", "points", "mistake", "accident",
                                 "design", "law", "hand", "default", "contrast", "comparison", "chance", "end",
                                 "now", "then", "way", "half"})


def _agent_of_act(text: str, right: list, v: Vocabulary) -> Speaker | None:
    """:func:`_agent`, unless the "by" phrase measures or times the act ("rejected by huge margins")."""
    agent = _agent(text, right, v)
    return None if agent is not None and _adverbial_agent(text, agent, v) else agent


def _adverbial_agent(text: str, agent: Speaker, v: Vocabulary) -> bool:
    """The phrase after "by" measures or times the act ("by a wide margin", "by the end of June",
    "by June 15"), judged by its head; "by The New York Times", "by 44 percent of voters" are agents."""
    words = text[agent.start:agent.end].split()
    head = words[-1].lower()
    if head in _BY_ADVERBIAL_HEADS or words[0].lower() in _BY_ADVERBIAL_HEADS or (
            head in v.time and words[-1].islower()):
        return True  # also "by far the largest loss"
    return words[0].lower() in v.time and all(word.isdigit() for word in words[1:])  # "by June 15"


# Means of speaking after "by": "said by telephone", "told by email".
_MEDIA_AFTER_BY = frozenset({"telephone", "phone", "email", "e-mail", "text", "video", "videoconference",
                             "videolink", "letter", "mail", "fax", "satellite", "zoom", "skype", "radio"})


def _infinitive_at(tokens: list, k: int, v: Vocabulary) -> bool:
    """``tokens[k]`` is the "to" of an infinitive ("to defeat"); not a preposition ("confirmed to The
    Times by", "told to by the White House")."""
    if tokens[k][2].lower() != "to" or k + 1 >= len(tokens):
        return False
    following = tokens[k + 1][2]
    return following.isalpha() and following.islower() and following not in v.determiners and following != "by"


_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")
_FIRST_WORD = re.compile(r"\W*(\w+)")


def _opens_subordinate_clause(text: str, speaker: Speaker, sentence_start: int) -> bool:
    """The speaker is the subject of a subordinate clause after the main clause's ("rejected it before
    Trump announced"): a subordinator stands right before it, and none opens the sentence."""
    if speaker.phrase_start <= sentence_start:
        return False
    found = _WORD_BEFORE.search(text, max(sentence_start, speaker.phrase_start - 20), speaker.phrase_start)
    if found is None or found.group(1).lower() not in _ADVERBIAL_SUBORDINATORS:
        return False
    clause_start = max(sentence_start, text.rfind(";", sentence_start, speaker.phrase_start) + 1)
    first = _FIRST_WORD.match(text, clause_start, speaker.phrase_start)
    return first is not None and first.group(1).lower() not in _SUBORDINATORS


# Subordinators of time and cause; not the contrastive "while", "whereas", "although",
# which join two reports of equal rank ("Democrats said …, while GOP lawmakers said …").
_ADVERBIAL_SUBORDINATORS = frozenset({"when", "after", "before", "because", "since", "until", "unless", "once"})


def _shared_subject(text: str, left: list, previous: Speaker | None, sentence_start: int,
                    v: Vocabulary) -> Speaker | None:
    """Subject shared by coordinated verbs: the previous cue's speaker, else the sentence's opening phrase.

    The previous cue's speaker is not shared past the comma of a subordinate
    clause that opens the sentence: "When Clinton demanded clarity, he lost
    his temper and called …" shares the main clause's "he".
    """
    if previous is not None:
        if _closed_opening_clause(text, left, previous, sentence_start):
            main = opening_subject(text, left, sentence_start, v)
            if main is not None and main.start >= previous.phrase_end:
                return main
        return previous
    return opening_subject(text, left, sentence_start, v)


def _closed_opening_clause(text: str, left: list, speaker: Speaker, sentence_start: int) -> bool:
    """The sentence opens with a subordinator, and a comma after ``speaker`` ends that clause before the cue."""
    first = _FIRST_WORD.match(text, sentence_start, speaker.phrase_start)
    return first is not None and first.group(1).lower() in _PARTICIPLE_SUBORDINATORS and any(
        tok[2] == "," and tok[0] >= speaker.phrase_end for tok in left)


def opening_subject(text: str, left: list, sentence_start: int, v: Vocabulary) -> Speaker | None:
    """The noun phrase that opens the sentence (after an opening adverbial), if it can be a speaker.

    ``left`` are tokens of the sentence (read again from its start when they
    begin inside it). Pronouns count; a phrase of type unknown does not.
    """
    if not left:
        return None
    if left[0][0] > sentence_start:  # the window starts inside the sentence: read its opening
        left = tokenize(text, sentence_start, min(left[-1][1], sentence_start + 160), v.abbreviations)
    k = _after_opening_adverbial(left, v)
    if k < len(left) and left[k][2].lower() in _CLAUSE_OPENING_WORDS:
        # No comma ends the clause before the cue: the cue is inside it, and so is its subject
        # ("If anyone is reluctant … and prefers", "When Cronkite returned … and declared").
        k += 2 if k + 1 < len(left) and left[k + 1][2].lower() == "than" else 1
    while k < len(left) and (not is_word(left[k][2]) or left[k][2].lower() in v.stops):
        k += 1
    if k >= len(left) or left[k][0] - sentence_start > 80:
        return None
    if left[k][2].lower() in SUBJECT_PRONOUNS:
        return _pronoun(left[k])
    last = noun_phrase_forward(left, k, v, strict=True)
    if last is None:
        return None
    speaker = make_speaker(text, left[k:last + 1], v)
    return speaker if speaker is not None and speaker.kind != UNKNOWN else None


def _after_opening_adverbial(tokens: list, v: Vocabulary) -> int:
    """Index after the adverbials that open a sentence ("In early October, …"), else 0.

    Several in a row are skipped, and so is the state or country after a
    place ("At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton …").
    """
    k = _after_dateline(tokens)
    while k < len(tokens) and (_opens_adverbial(tokens[k][2], v) or _opens_time_phrase(tokens, k, v)
                               or _opens_participle_clause(tokens, k, v) or _even_adverbial(tokens, k)):
        comma = next((i for i in range(k + 1, min(len(tokens), k + 14)) if tokens[i][2] == ","), None)
        if comma is None:
            break
        k = comma + 1
        # "Ames, Iowa,": one or two capitalised words between commas continue the place,
        # which is a name too ("On the left, Betty Friedan, the author," opens with her).
        if not tokens[comma - 1][2][:1].isupper():
            continue
        if k + 1 < len(tokens) and tokens[k][2][:1].isupper() and tokens[k + 1][2] == ",":
            k += 2
        elif k + 2 < len(tokens) and tokens[k][2][:1].isupper() and tokens[k + 2][2] == "," \
                and (tokens[k + 1][2][:1].isupper() or tokens[k + 1][2] == "."):
            k += 3  # "New York,", "Tex.,"
    return k


def _even_adverbial(tokens: list, k: int) -> bool:
    """ "Even so, …", "Even then, …", "Even after the vote, …": "even" opening an adverbial, not a
    focus adverb before the subject ("Even Trump said")."""
    return tokens[k][2].lower() == "even" and k + 1 < len(tokens) and tokens[k + 1][2].lower() in _AFTER_EVEN


_AFTER_EVEN = frozenset({"so", "then", "now", "still", "though", "if", "as", "when", "after", "before", "with",
                         "without", "in", "at", "during", "while", "today", "yesterday"})


def _opens_adverbial(token: str, v: Vocabulary) -> bool:
    low = token.lower()
    return (low in v.openers or low in v.links or low in v.time or low in _CLAUSE_OPENING_WORDS
            or is_ly_adverb(low, v))  # "Ultimately, …", "As Texas governor, …"


def _opens_participle_clause(tokens: list, k: int, v: Vocabulary) -> bool:
    """A capitalised -ing form before a lower-case word opens a clause: "Speaking at a town hall, Trump
    …", "Facing a stalemate, Schumer …"; not a name ("Rolling Stone", "Manning, a former analyst")."""
    token = tokens[k][2]
    if not (token[:1].isupper() and token.endswith("ing") and _is_verb_form(token.lower(), v)):
        return False
    following = tokens[k + 1][2] if k + 1 < len(tokens) else ""
    return following.isalpha() and following.islower()


# Words that open an adverbial phrase or clause before a sentence's subject.
_CLAUSE_OPENING_WORDS = frozenset({"as", "although", "though", "because", "since", "if", "unless", "despite",
                                   "like", "unlike", "besides", "without", "with", "once", "whether", "rather",
                                   "instead", "while", "when", "whereas"})


def _opens_time_phrase(tokens: list, k: int, v: Vocabulary) -> bool:
    """A determiner opening a time phrase: "The day before, …", "The next morning, …"."""
    return (tokens[k][2].lower() in v.determiners and k + 1 < len(tokens)
            and (tokens[k + 1][2].lower() in v.time or tokens[k + 1][2].lower() in v.openers))


def _after_dateline(tokens: list) -> int:
    """Index after a dateline opening the sentence ("ORLANDO —", "BEIRUT (AP) —"), else 0."""
    if not tokens or len(tokens[0][2]) < 3 or not tokens[0][2].isupper() or not tokens[0][2].isalpha():
        return 0
    for k in range(1, min(len(tokens), 8)):
        if tokens[k][2] in DASHES:
            return k + 1
    return 0


def _is_adverbial_segment(text: str, left: list, segment: tuple[int, int], v: Vocabulary) -> bool:
    """A comma-separated segment that is an adverbial, not an appositive ("during a town hall in Columbus").

    A participle phrase counts ("Trump, speaking at a rally in Wilmington,
    N.C., warned"), except a reason for anonymity, which types the speaker.
    """
    first = left[segment[0]][2].lower() if segment[0] <= segment[1] else ""
    if first.endswith("ing") and first[:1].isalpha() and left[segment[0]][2].islower():
        return v.anonymous_phrase_re.search(text, left[segment[0]][0], left[segment[1]][1]) is None
    # An adverb in -ly, not a name ("Kimberly Yee, an Arizona senator, said", "Kelly, 45, said")
    # nor an adjective ("weekly radio address")
    adverb = first.endswith("ly") and (left[segment[0]][2].islower() or first in v.gap or first in v.stops) \
        and (segment[0] == segment[1] or not is_word(left[segment[0] + 1][2])
             or left[segment[0] + 1][2].lower().endswith(("ed", "ing")) or left[segment[0] + 1][2].lower() in v.links)
    return first in v.openers or (first in v.links and first != "of") or first in v.time or adverb \
        or (first in _COMPARISONS and segment[0] > 0) \
        or (segment[0] == segment[1] and first in v.gap and left[segment[0]][2].islower())
    # also "Democratic economists, like their counterparts, say"; "he, too, is worried"


_COMPARISONS = frozenset({"like", "unlike"})


