"""Is a lexicon hit really a reporting cue here?

The phrase matcher already vetoes fixed phrases listed in the lexicon ("All
told", "the said document", "needless to say", "claimed responsibility").
What is left is grammar the matcher cannot see:

* a determiner or possessive before the form makes it a noun or an adjective:
  "the claims", "his report", "the reported attack", "the alleged attacker",
  "a noted author";
* a form that is also a noun (``homograph: noun`` in the lexicon: claims,
  reports, notes, fears…) counts as a verb only after a word that can be its
  subject (a name, a pronoun, a head noun such as "officials" or "group", an
  auxiliary or "to"), and not before a word that shows it is a noun ("claims
  of", "claims were"). "insurance claims were false" is no cue;
* a past participle after a preposition or at the start of a sentence
  modifies a noun ("of reported attacks", "Suspected militants");
* "to" plus the verb after an adjective such as "impossible" is nobody's
  report ("it is impossible to confirm", "too early to say");
* an -ing form followed by "by" is a credit line ("Reporting by …");
  "That said," opening a sentence is a discourse marker;
* an -ing or -ed form after a degree adverb is an adjective ("the most
  telling promise"), one after a plural possessive too ("Sanders’ stated
  plans");
* a capitalised form inside a sentence is part of a name ("the Drudge
  Report"), unless a capitalised word follows as in a title-case headline
  ("Trump Says He …"); a bare verb opening a sentence is an imperative
  ("Add that sum to …");
* a naming verb of the ``labelling`` class after an indefinite noun phrase
  is a participle: "a group called Islamic State", "an operation dubbed …";
* a noun of ``noun_cues`` ("claim", "criticism", "statement") counts only
  as a noun with a "that" clause or its speaker named ("his claim that",
  "criticism from rivals"), or, for nouns of ``target_noun_cues``, with
  its target named ("Trump's criticism of …"): :func:`noun_cue_use`;
* an opinion verb of ``as_cues`` ("see") needs "as" in its clause: "see
  him as a fighter" but not "saw the rally";
* a tag-only cue (``tag_only_cues`` in ``framing/rules/attribution.yaml``,
  "continued") counts only as a speech tag, with punctuation or a quotation
  mark right after it: "“…,” he continued." but not "continued to rise".
"""

from __future__ import annotations

from framing.features.attribution.phrases import is_ly_adverb
from framing.features.attribution.tokens import CLOSING_QUOTES, OPENING_QUOTES, is_word
from framing.features.attribution.wordlists import Vocabulary
from framing.lexicon import Entry

_ADPOSITIONS = frozenset({"of", "in", "on", "at", "for", "with", "from", "by", "into", "about", "against",
                          "over", "under", "after", "before", "during", "among", "between", "without",
                          "through", "amid", "despite", "upon", "toward", "towards", "like", "unlike"})
_DEMONSTRATIVES = frozenset({"this", "these", "those", "that"})
# Sentence adverbs that may stand before an imperative: "First, consider …", "Now, imagine …".
_IMPERATIVE_OPENERS = frozenset({"first", "second", "third", "next", "now", "so", "then", "finally", "again",
                                 "instead", "also", "still", "yes", "no", "please", "lastly", "otherwise",
                                 "firstly", "secondly", "thirdly"})
# Words after a form that show the form is a noun: "claims of fraud", "the claims were false".
_NOUN_FOLLOWERS = frozenset({"of", "about", "against", "were", "are", "have", "from", "by", "and", "or",
                             "had", "remain", "remained",
                             # a reporting verb right after: "police reports say", "the claims suggested"
                             "say", "said", "show", "showed", "suggest", "suggested", "indicate", "indicated"})
_ORDINALS = frozenset({"first", "second", "third", "last", "next", "final", "latest", "only"})
# Finite verbs that follow a noun subject but never a bare or -s verb form: "that promise is …".
_SENTENCE_ENDS = frozenset({".", "?", "!"})
_SAYING = frozenset({"say", "said", "says", "told", "think", "thought", "believe", "believed", "want", "wanted"})
_FINITE_AFTER_NOUN = frozenset({"is", "was", "are", "were", "has", "had", "have", "will", "would", "could",
                                "can", "may", "might", "should", "must", "remains", "remained"})
_AS_REACH = 7  # words between an as-cue and its "as"
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_DEGREE = frozenset({"most", "more", "very", "less", "least", "so", "too", "quite", "really", "rather",
                     "pretty", "deeply", "widely", "highly", "well"})
# Marks after which a capitalised form still starts its clause ("“Tell her …", ": Says …").
_OPENERS = frozenset("\"'“‘«(:—–-")
# What may follow a tag-only cue ("he continued.", "Pence continued: …", "she continued, “…”").
_TAG_FOLLOWERS = frozenset({",", ".", ":", ";", "—", "–", "!", "?"})
_SUBJECT_WORDS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "to"})
_IRREGULAR_PAST = frozenset({"said", "told", "wrote", "written", "shown", "thought", "found", "swore",
                             "sworn", "proven", "gone", "went", "spoke", "spoken", "made", "held"})


def form_kind(form: str) -> str:
    """``"ing"``, ``"past"``, ``"s"`` or ``"base"``: the inflection of a cue's first word."""
    kind = _KINDS.get(form)
    if kind is None:
        kind = _form_kind(form)
        if len(_KINDS) < 20_000:
            _KINDS[form] = kind
    return kind


_KINDS: dict = {}


def _form_kind(form: str) -> str:
    word = form.split()[0].lower() if form.split() else ""
    if word.endswith("ing"):
        return "ing"
    if word.endswith("ed") or word in _IRREGULAR_PAST:
        return "past"
    if word.endswith("s") and not word.endswith("ss"):
        return "s"
    return "base"


def is_reporting_use(entry: Entry, form: str, kind: str, left: list, right: list, v: Vocabulary) -> bool:
    """Whether a lexicon hit is used as a reporting cue in its context.

    Parameters
    ----------
    entry : framing.lexicon.Entry
        The lexicon entry that matched.
    form : str
        The matched text.
    kind : str
        The inflection of the matched form (:func:`form_kind`).
    left, right : list of (start, end, str)
        Tokens of the sentence before and after the hit.
    v : Vocabulary
        Word lists.

    Returns
    -------
    bool
    """
    label = entry.label
    if label in _ALWAYS_CUES:
        return True
    if label in v.tag_only and not _speech_tag(right):
        return False  # "prices continued to rise"; but "“…,” he continued."
    if kind == "s" and not left and form[:1].isupper() and form.split()[0].lower() in v.anonymous:
        return False  # "Advocates for paid leave note …": a plural noun opening the sentence
    if label in v.counting_cues and (_number_follows(right) or (right and right[0][2] == "new")):
        return False  # "the economy added 196,000 jobs", "Merck added 1 percent", "adds new safeguards"
    if label in v.event_passives and kind == "past" and _event_passive(left, right, v):
        return False  # "Kavanaugh was confirmed", "If confirmed, he would …"
    if label in v.as_cues and " as" not in form.lower() and not _as_follows(right):
        return False  # "saw the rally"; but "voters see him as a fighter"
    previous = left[-1][2] if left else ""
    prev_low = previous.lower()
    next_low = right[0][2].lower() if right else ""
    if entry.homograph == "adjective" and kind == "past" and " " not in form.strip() \
            and not _cannot_follow_adjective(next_low, right, v):
        return False  # "the alleged attacker", "alleged Russian meddling"; but "prosecutors alleged in …"
    if prev_low == "to" and len(left) > 1 and left[-2][2].lower() in v.blockers:
        return False
    if kind == "ing" and next_low == "by":
        return False
    if prev_low == "that" and len(left) == 1 and next_low == ",":
        return False  # "That said, …": a discourse marker
    if (_possessive(previous) and not _has_contraction(prev_low, form, v)) or (
            prev_low in v.determiners and prev_low not in _DEMONSTRATIVES
            and (kind != "s" or entry.homograph == "noun")
            and not _pronoun_subject(prev_low, form, next_low, right, v)):
        # "the claims", "the reported attack", "his saying"; but "another says"
        # and "each writes" have a pronoun subject.
        return False
    if kind == "past" and len(left) > 1 and previous.islower() and is_ly_adverb(prev_low, v) \
            and _determiner_or_possessive(left[-2][2], v) and next_low.isalpha() \
            and next_low not in v.determiners and next_low not in v.pronouns and next_low != "that":
        return False  # "its newly announced policy", "the widely reported claim": an adjective
    if entry.homograph == "noun" and kind in ("s", "base") and _noun_after_determiner(kind, prev_low, next_low,
                                                                                     left, v):
        return False
    if previous in ("’", "'") and len(left) > 1 and left[-2][1] == left[-1][0] and left[-2][2].endswith("s"):
        return False  # "Sanders’ stated plans": a plural possessive
    if prev_low in _DEGREE and kind in ("ing", "past") and not (
            prev_low == "most" and (len(left) < 2 or left[-2][2].lower() not in v.determiners)
            and _reads_after_subject(form, next_low, v)):
        return False  # "the most telling promise": an adjective; but "most said they …"
    if form[:1].isupper() and left and previous not in _OPENERS and not (
            right and right[0][2][:1].isupper() and previous[:1].isupper()):
        return False  # "the Drudge Report, which": part of a name (a headline "Trump Says He …" stays)
    category = entry.category
    if kind == "base" and right and category != "refusal" and (
            not left or (len(left) == 2 and left[1][2] == "," and left[0][2].lower() in _IMPERATIVE_OPENERS)):
        return False  # "Add that sum to …", "First, consider Thomas's age": an imperative opening the sentence
    if kind == "past" and prev_low in v.documents and label in v.document_objects and previous.islower() \
            and next_low not in v.determiners and next_low not in v.pronouns:
        # "in a statement posted online", "a video released Sunday": how the text came out; not
        # "The Washington Post wrote", "the account posted the message"
        return False
    if category == "labelling" and kind == "past" and (
            _participle_after_indefinite(left, v) or (prev_low == "," and _short_name_closed(right, v))):
        # "a group called Islamic State", "an operation dubbed Roundup", "officials, called superdelegates, and"
        return False
    if entry.homograph == "noun" and kind == "s" and (prev_low in v.quantifiers or prev_low[:1].isdigit()):
        return False  # "the many signals", "three reports"
    if entry.homograph == "noun" and kind in ("s", "base"):
        if kind == "base" and not _base_form_subject(left, v) and (
                _ends_noun_phrase(next_low, right, v) or _inside_determined_noun_phrase(left, next_low, right, v)):
            return False  # "the hit CW show,", "a radio show Thursday"; but "polls show", "they claim"
        if kind == "s" and _compound_after_preposition(left, right, prev_low, v):
            return False  # "about crowd estimates.", "in media reports, …"
        return _verb_after(left, right, label, prev_low, v) and next_low not in _NOUN_FOLLOWERS
    if kind == "past" and (prev_low in _ADPOSITIONS or prev_low == "to" or not left) and right \
            and is_word(right[0][2]) \
            and next_low not in v.stops and next_low not in v.determiners and next_low not in v.pronouns \
            and not (not left and label in v.inversion and right[0][2][:1].isupper()):
        return False  # "of reported attacks", "respond to repeated requests", "Suspected militants";
        # not "Asked whether …", "Said Comey, …"
    if kind == "ing" and _gerund_noun(left, next_low, right, v):
        return False  # "a strong showing in Iowa", "her poor showing and"
    if kind == "past" and prev_low in ("these", "those") and next_low.isalpha() and right[0][2].islower() \
            and next_low not in v.stops and next_low not in v.determiners and next_low not in v.pronouns \
            and next_low not in _FINITE_AFTER_NOUN and not next_low.endswith("ed") and next_low not in _SAYING:
        return False  # "Of those proposed changes": an adjective; not "those polled said", "those surveyed"
    if kind == "past" and _is_number(prev_low, v) and form.lower() in v.adjectival_participles \
            and right and is_word(right[0][2]):
        return False  # "eight reported incidents", "two confirmed cases"
    return True


def _cannot_follow_adjective(next_low: str, right: list, v: Vocabulary) -> bool:
    """The word after a bare past form shows it is a verb, not an adjective before a noun.

    A determiner, a pronoun, a preposition, "that", a finite verb or a
    clause mark: "alleged the president was", "alleged in court filings",
    "he alleged was manipulated", ", prosecutors alleged." A noun or a name
    after it ("alleged attacker", "alleged Trump collusion") leaves the form
    an adjective, so "prosecutors alleged Smith lied" is missed on purpose.
    """
    if not right:
        return True
    return next_low in _CLAUSE_PUNCTUATION or next_low == ":" or next_low in v.determiners \
        or next_low in v.pronouns or next_low in _ADPOSITIONS or next_low in _FINITE_AFTER_NOUN \
        or next_low == "that"


def _noun_after_determiner(kind: str, prev_low: str, next_low: str, left: list, v: Vocabulary) -> bool:
    """A noun-or-verb form read as a noun after a demonstrative or a determiner and an ordinal.

    "that promise is under threat", "this report"; "the first question to",
    "his last reports". But "polls that show" (a relative "that"), "he first
    claims" and "will only claim" (an adverb) are verbs.
    """
    if prev_low in _DEMONSTRATIVES:
        # also "he doesn't have that support.": a sentence's last word after a demonstrative
        return next_low in _FINITE_AFTER_NOUN or next_low in _SENTENCE_ENDS or (
            prev_low in ("this", "these") and kind == "base")
    return prev_low in _ORDINALS and len(left) > 1 and left[-2][2].lower() in v.determiners


def _gerund_noun(left: list, next_low: str, right: list, v: Vocabulary) -> bool:
    """An -ing form used as a noun: "a/his + modifier + form" with no object after it.

    "a strong showing in Iowa", "her poor showing and …"; but "a poll showing
    Trump ahead" and "a man saying he …" have an object or clause after the
    form, and "an official saying" has a speaker head before it.
    """
    if len(left) < 2 or left[-2][2].lower() not in _INDEFINITE_OR_POSSESSIVE:
        return False
    modifier = left[-1][2]
    if not modifier.islower() or not is_word(modifier) or modifier in v.heads or modifier in _ADPOSITIONS \
            or modifier in v.stops:
        return False  # "started his by calling into": "by" governs the form
    return not right or next_low in _ADPOSITIONS or next_low in ("and", "or", "but") or next_low in _CLAUSE_PUNCTUATION


_CLAUSE_PUNCTUATION = frozenset({",", ".", ";", ")", "!", "?", "—", "–"})  # not a quotation mark: "a cover saying “…”"


_INDEFINITE_OR_POSSESSIVE = frozenset({"a", "an", "his", "her", "their", "its", "our", "my", "your"})


def _is_number(low: str, v: Vocabulary) -> bool:
    """A numeral or number word ("8", "1,200", "eight", "dozens", "64 million"), not a quantifier such as
    "many"."""
    return low[:1].isdigit() or low in _LARGE_NUMBERS or (low in v.quantifiers and low not in _QUANTIFIER_WORDS)


_LARGE_NUMBERS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})


_QUANTIFIER_WORDS = frozenset({"some", "many", "most", "several", "few", "both", "all", "other", "others", "more"})


def _base_form_subject(left: list, v: Vocabulary) -> bool:
    """Whether the word before a bare form can be its subject or auxiliary.

    A bare verb needs a plural or first- or second-person subject, an
    auxiliary or "to" ("polls show", "they claim", "will note", "to
    stress"); after any other word the form is a noun ("the CW show"). An
    adverb in -ly between them is skipped ("polls consistently show"), and
    a comma or quotation mark before the form leaves the question to the
    inversion rule.
    """
    k = len(left) - 1
    while k > 0 and left[k][2].islower() and is_ly_adverb(left[k][2], v):
        k -= 1
    if k < 0:
        return True
    previous = left[k][2]
    if not is_word(previous):
        return True
    low = previous.lower()
    if low in _BASE_SUBJECTS or low in v.gap or low in v.plural_nouns or low in v.quantifiers \
            or low.endswith(("n't", "n’t")):
        return True
    if low in v.pronouns or low in v.relatives:
        return low not in _SINGULAR_PRONOUNS
    return low.endswith("s") and not low.endswith("ss") and len(low) > 2


def _inside_determined_noun_phrase(left: list, next_low: str, right: list, v: Vocabulary) -> bool:
    """A bare form between a determiner and its modifiers and a noun or a subordinator after it.

    "a radio show host", "the Social Security question because": a determiner,
    then only a singular modifier or capitalised words, then the form, then a
    lower-case noun-like word or a subordinator. Not "Republicans in the Senate
    support the bill", where a determiner, a pronoun or a name follows.
    """
    if not right or not (next_low.isalpha() and right[0][2].islower()):
        return False
    if not (next_low in _SUBORDINATE_AFTER_NOUN or (next_low not in v.stops and next_low not in v.determiners
                                                    and next_low not in v.pronouns and not is_ly_adverb(next_low, v)
                                                    and next_low not in _FINITE_AFTER_NOUN)):
        return False
    k = len(left) - 1
    if k < 1 or not is_word(left[k][2]) or left[k][2].lower() in v.stops:
        return False
    if left[k][2][:1].isupper():
        while k > 0 and left[k - 1][2][:1].isupper() and is_word(left[k - 1][2]):
            k -= 1  # "the Social Security question"
    if k < 1 or left[k - 1][2].lower() not in ("a", "an", "the"):
        return False
    if k > 1 and (left[k - 2][2].lower() == "of" or left[k - 2][2].lower() in _QUESTION_AUXILIARIES):
        # "the values of the league support individuals", "does the indictment show spending": the
        # phrase may be inside the subject or after an auxiliary; only a subordinator tells
        return next_low in _SUBORDINATE_AFTER_NOUN
    return True


_SUBORDINATE_AFTER_NOUN = frozenset({"because", "since", "although", "though", "while", "whereas"})
_QUESTION_AUXILIARIES = frozenset({"does", "do", "did", "can", "could", "will", "would", "should", "may", "might",
                                   "must"})


def _ends_noun_phrase(next_low: str, right: list, v: Vocabulary) -> bool:
    """What follows a form could follow a noun phrase, not a verb with its object or clause.

    Punctuation, a preposition, "as", a conjunction, a form of "be" or
    "have", or a time word: "an NBC show as his guilty pleasure", "the CW
    show, but", "a radio show Thursday". A verb of report has its object
    or clause there instead ("Polls in New Hampshire show the top two …",
    "voters … support Clinton").
    """
    if not right or not is_word(next_low):
        return True
    return (next_low in _ADPOSITIONS or next_low in _NOUN_PHRASE_FOLLOWERS or next_low in v.time)


_NOUN_PHRASE_FOLLOWERS = frozenset({"as", "and", "or", "but", "is", "was", "are", "were", "has", "had", "have",
                                    "will", "would"})


_BASE_SUBJECTS = frozenset({"i", "you", "we", "they", "to", "who", "which", "that", "these", "those"})
_SINGULAR_PRONOUNS = frozenset({"he", "she", "it", "this", "one", "everyone", "someone", "anyone", "nobody",
                                "everybody", "somebody", "anybody", "each", "either", "neither"})


_ALWAYS_CUES = frozenset({"according to", "in the words of"})


def noun_cue_use(form: str, left: list, right: list, v: Vocabulary) -> str | None:
    """How a noun of ``noun_cues`` reports a statement here, or None when it does not.

    ``"that"`` (a complement clause: "the claim that …"), ``"from"`` (its
    speaker follows: "criticism from rivals"), ``"possessive"`` (its speaker
    owns it: "Trump's criticism of …", "his claim about …") or
    ``"complement"`` ("accusations of bias", "complaints about").
    """
    next_low = right[0][2].lower() if right else ""
    if next_low not in v.noun_complements:
        return None
    if next_low == "that":
        return "that"
    if next_low == "from":
        return "from"
    if form.lower() not in v.target_nouns:
        return None  # "His claims of victory": the phrase is the content, not a target
    previous = left[-1][2] if left else ""
    if _possessive(previous) or previous.lower() in _POSSESSIVE_PRONOUNS or (
            previous in ("’", "'") and len(left) > 1 and left[-2][2].endswith("s")):
        return "possessive"
    return "complement"


def _as_follows(right: list) -> bool:
    """"as" within the next few words of the clause ("see him as a fighter")."""
    for token in right[:_AS_REACH]:
        low = token[2].lower()
        if low == "as":
            return True
        if not is_word(low):
            return False
    return False


def _speech_tag(right: list) -> bool:
    """Punctuation or a quotation mark right after the cue (or nothing): "he continued: “…”"."""
    if not right:
        return True
    token = right[0][2]
    return token in _TAG_FOLLOWERS or token in OPENING_QUOTES


def _event_passive(left: list, right: list, v: Vocabulary) -> bool:
    """A passive participle after "be", "get" or "if", with neither an agent nor a clause after it."""
    k = len(left) - 1
    while k >= 0 and (left[k][2].lower() in _PASSIVE_ADVERBS or is_ly_adverb(left[k][2].lower(), v)):
        k -= 1  # "has not yet been confirmed", "will eventually be confirmed"
    if k < 0 or left[k][2].lower() not in _PASSIVE_OPENERS:
        return False
    if not right:
        return True
    by = next((i for i, tok in enumerate(right[:8]) if tok[2] == "by" or not is_word(tok[2])), None)
    if by is not None and right[by][2] == "by":
        # an agent: "confirmed to The Times by foreign diplomats"; but "by the full Senate" is a vote
        return any(tok[2] == "Senate" for tok in right[by + 1:by + 5])
    first = right[0][2].lower()
    return not is_word(first) or first[:1].isdigit() or first in _AFTER_EVENT or first in v.time


_PASSIVE_ADVERBS = frozenset({"not", "n't", "yet", "already", "never", "also", "still", "now", "just", "all", "soon"})
_PASSIVE_OPENERS = frozenset({"is", "was", "are", "were", "be", "been", "being", "get", "gets", "got", "getting",
                              "if", "once", "until", "unless"})
# Words that go on about the event, not a reported clause: "confirmed in April", "confirmed as
# secretary", "confirmed to the Supreme Court", "confirmed and reliable".
_AFTER_EVENT = frozenset({"in", "on", "at", "to", "as", "after", "before", "with", "while", "for", "and", "but",
                          "or", "unless", "until", "since", "despite", "without", "so", "publicly", "yet",
                          "killed", "dead"})


def _number_follows(right: list) -> bool:
    """A number or currency sign next, or after one quantity word: "196,000 jobs",
    "$8 billion", "another $130,000", "more than 100 firearms"."""
    k = 0
    if len(right) > 1 and right[0][2].lower() in _QUANTITY_WORDS:
        k = 2 if right[0][2].lower() == "more" and right[1][2].lower() == "than" else 1
    return len(right) > k and (right[k][2][:1].isdigit() or right[k][2] in _CURRENCY_SIGNS)


_QUANTITY_WORDS = frozenset({"another", "over", "nearly", "almost", "about", "around", "roughly", "some",
                             "more", "up", "just", "only", "an", "a"})
_CURRENCY_SIGNS = frozenset("$£€¥")


def _participle_after_indefinite(left: list, v: Vocabulary) -> bool:
    """An indefinite noun phrase right before the form: "a consulting firm [called]"."""
    for k in range(len(left) - 1, max(-1, len(left) - 6), -1):  # "a civil rights advocacy group [called]"
        low = left[k][2].lower()
        if low in ("a", "an"):
            return True
        if not left[k][2][:1].isalnum() or low in v.stops or low in v.pronouns or low in v.determiners:
            return False  # also "An attorney for the Trump Foundation called": "the" heads another phrase
    return False


def _short_name_closed(right: list, v: Vocabulary) -> bool:
    """One to three words, no pronoun or determiner first, then a comma or the sentence's end:
    the name a naming participle gives ("militias, called peshmerga, and"), not an object and
    complement ("Wilson, …, called Cox's candidacy 'a joke'")."""
    if not right or not is_word(right[0][2]) or right[0][2].lower() in v.pronouns \
            or right[0][2].lower() in v.determiners:
        return False
    for k in range(1, min(4, len(right) + 1)):
        if k == len(right) or right[k][2] in (",", ".", ";", ")"):
            return True
        if not is_word(right[k][2]):
            return False
    return False


def _pronoun_subject(prev_low: str, form: str, next_low: str, right: list, v: Vocabulary) -> bool:
    """A determiner standing alone as the subject: "Another said he …", "each told reporters".

    Only the determiners that can be pronouns, and only where the form
    cannot be read as a noun or adjective after them: "said"/"told", or a
    clause, pronoun, quotation or punctuation right after the form
    ("another reported attack" stays an adjective).
    """
    if prev_low not in _PRONOMINAL_DETERMINERS:
        return False
    return _reads_after_subject(form, next_low, v) or not right or not is_word(next_low)


def _reads_after_subject(form: str, next_low: str, v: Vocabulary) -> bool:
    """The form can only be a verb here: "said"/"told", or a pronoun or "that" right after it."""
    return form.lower() in ("said", "told") or next_low in v.pronouns or next_low == "that"


_PRONOMINAL_DETERMINERS = frozenset({"another", "each", "either", "neither", "any"})


def _has_contraction(prev_low: str, form: str, v: Vocabulary) -> bool:
    """"He's said", "Trump’s told": the "'s" is "has", not a possessive.

    A pronoun never takes a possessive "'s"; after a name, "said" and
    "told" cannot be nouns, so the "'s" before them is "has" too.
    """
    return prev_low[:-2] in v.pronouns or form.lower() in ("said", "told")


def _possessive(token: str) -> bool:
    return token.endswith(_POSSESSIVE_ENDINGS) and len(token) > 2


def _determiner_or_possessive(token: str, v: Vocabulary) -> bool:
    """A determiner ("its", "the") or a noun's possessive ("Romney's"); not "she's", "he’s"."""
    low = token.lower()
    return low in v.determiners or (_possessive(token) and low[:-2] not in v.pronouns)


_POSSESSIVE_ENDINGS = ("’s", "'s", "s’", "s'")


def _verb_after(left: list, right: list, label: str, prev_low: str, v: Vocabulary) -> bool:
    """The word before a noun-or-verb form can be its subject (or an auxiliary, or "to")."""
    if not left:
        return False
    previous = left[-1][2]
    if previous in CLOSING_QUOTES or previous == ",":
        # "…,” claims the group": inverted, so a speaker phrase must follow.
        following = right[0][2] if right else ""
        if label in v.inversion:
            return following[:1].isupper() or following.lower() in v.determiners
        # "Yang Shu, director of the institute, calls Horgos “a mistake”": after an appositive.
        return previous == "," and _object_follows(right, v)
    if prev_low in ("and", "but"):
        return _object_follows(right, v)  # "He respects Clinton and calls her “…”"
    if prev_low in _DEMONSTRATIVES and prev_low != "that":
        return False
    if prev_low in _SUBJECT_WORDS or prev_low in v.gap or prev_low.endswith(("n't", "n’t")):
        return True
    if prev_low in v.heads or prev_low in v.pronouns:
        return True
    if previous[:1].isupper():
        # A capital word before the form: a name ("Trump claims") unless it only
        # starts the sentence ("Insurance claims").
        return len(left) > 1 or prev_low in v.heads or _object_follows(right, v)
    return False


def _compound_after_preposition(left: list, right: list, prev_low: str, v: Vocabulary) -> bool:
    """A plural noun after a bare head noun and a preposition, with nothing reported after it.

    "about crowd estimates.", "in media reports, …"; but "13 percent of
    people blame Democrats" and "released by police shows two officers" have
    an object, so there the form is a verb.
    """
    return (prev_low in v.heads and left[-1][2].islower() and len(left) > 1
            and left[-2][2].lower() in _ADPOSITIONS and _nothing_reported(right))


def _nothing_reported(right: list) -> bool:
    """No object or clause follows: the sentence or clause ends, or a preposition or conjunction comes next."""
    if not right or not is_word(right[0][2]):
        return not right or right[0][2] not in OPENING_QUOTES
    low = right[0][2].lower()
    return low in _ADPOSITIONS or low in ("and", "or", "but")


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "it", "himself", "herself", "themselves",
                              "itself", "ourselves", "myself", "yourself", "you", "that"})


def _object_follows(right: list, v: Vocabulary) -> bool:
    """An object or clause right after the form shows it is a verb: a pronoun, "that", a determiner,
    a quotation or a name ("calls himself", "claims that", "shows the", "calls Horgos")."""
    if not right:
        return False
    token = right[0][2]
    low = token.lower()
    return (low in _OBJECT_PRONOUNS or low in v.determiners or token in OPENING_QUOTES
            or (token[:1].isupper() and is_word(token)))
