"""Quotation kinds (speech, scare, title, heading) and voice (``in_quote``), driven by the attribution stage."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.extract import _prepare, _run_features
from framing.features.base import Rows
from framing.features.naming import load_mention_rules
from framing.lexicon import load_lexicons
from framing.matcher import PhraseMatcher

from conftest import doc_of, shared_file

_MATCHER = None


def quote_kinds(text: str) -> dict[str, str]:
    """``{quoted text (marks included): kind}`` for one text, through the extract pipeline."""
    global _MATCHER
    if _MATCHER is None:
        _MATCHER = PhraseMatcher([e for lex in load_lexicons() for e in lex.entries])
    doc = _prepare(text, "t", "x", _MATCHER)
    _run_features(doc, 0, Rows(), ("naming", "attribution", "stance"), load_mention_rules())
    return {text[int(q[0]):int(q[1])]: kind for q, kind in zip(doc.quotes, doc.quote_kind)}


@pytest.fixture(scope="module")
def sample_kinds(sample_corpus):
    """``{prefix: [(quoted text, kind), ...]}`` for the five samples."""
    result = {}
    quote_kinds("")  # builds the matcher once
    for prefix in ("000", "001", "002", "003", "004"):
        text = doc_of(sample_corpus, prefix)["text"]
        doc = _prepare(text, prefix, "x", _MATCHER)
        _run_features(doc, 0, Rows(), ("naming", "attribution", "stance"), load_mention_rules())
        result[prefix] = [(text[int(q[0]):int(q[1])], kind) for q, kind in zip(doc.quotes, doc.quote_kind)]
    return result


def kind_of(sample_kinds, prefix: str, quoted: str, occurrence: int = 0) -> str:
    kinds = [kind for text, kind in sample_kinds[prefix] if text == quoted]
    assert len(kinds) > occurrence, f"{quoted!r} not among the quotations of {prefix}: {sample_kinds[prefix]}"
    return kinds[occurrence]


@pytest.mark.parametrize("prefix, quoted", [
    ("000", "“caliphate”"),                  # self-proclaimed “caliphate”
    ("002", "“caliphate”"),                  # so called “caliphate”
    ("003", "“caliphate”"),                  # self-styled “caliphate” capital
    ("003", "“caliph”"),                     # including “caliph” Abu Bakr al-Baghdadi
    ("004", '"caliph"'),                     # the Islamic State "caliph", who declared himself …
    ("004", '"caliphate"'),                  # The "caliphate" as a state structure
])
def test_scare_quotes_in_the_samples(sample_kinds, prefix, quoted):
    assert kind_of(sample_kinds, prefix, quoted) == "scare"


@pytest.mark.parametrize("prefix, quoted", [
    ("000", "“inflection point”"),           # Dunford called it that
    ("000", "“will become an underground terrorist organization.”"),
    ("004", '"The game is up,"'),            # … Isler told Reuters
    ("004", '"very hard fight"'),            # …, he said
    ("004", '"unbelievers"'),                # when he called on his followers …
    ("004", '"make their blood flow as rivers."'),
    ("001", '"They are trying to increase attacks to stay relevant."'),  # carried from Haid Haid
])
def test_quoted_speech_in_the_samples(sample_kinds, prefix, quoted):
    assert kind_of(sample_kinds, prefix, quoted) == "speech"


def test_heading_and_title_in_the_samples(sample_kinds):
    assert kind_of(sample_kinds, "004", '"GAME IS UP"') == "heading"
    assert kind_of(sample_kinds, "004", '"World of Daesh"') == "title"


def test_scare_quote_rows_in_the_matches(sample_corpus, sample_matches):
    scare = sample_matches[sample_matches["category"] == "scare_quote"]
    by_doc = scare.groupby(scare["doc_id"].str[:3])["label"].apply(list).to_dict()
    assert by_doc["002"] == ["caliphate"]
    assert sorted(by_doc["003"]) == ["caliph", "caliphate"]
    assert sorted(by_doc["004"]) == ["caliph", "caliphate"]
    assert "game is up" not in {label for labels in by_doc.values() for label in labels}


def test_in_quote_voice_of_arab_news(sample_corpus, sample_matches):
    arab_news = doc_of(sample_corpus, "000")["doc_id"]
    naming = sample_matches[(sample_matches["doc_id"] == arab_news) & (sample_matches["feature"] == "naming")
                            & (sample_matches["category"] == "isis")]
    isis = naming[naming["label"] == "ISIS"]
    assert len(isis) == 1 and bool(isis["in_quote"].iloc[0])
    daesh = naming[naming["label"] == "Daesh"]
    assert len(daesh) > 10 and not daesh["in_quote"].any()


# --------------------------------------------------------------------------- crafted


def test_distancing_modifier_makes_a_scare_quote_even_in_reported_speech():
    kinds = quote_kinds('Officials said the so-called "caliphate" had collapsed.')
    assert kinds == {'"caliphate"': "scare"}


def test_unattributed_short_quote_is_scare():
    assert quote_kinds('The "caliphate" fell last year.') == {'"caliphate"': "scare"}


def test_direct_quote_and_its_continuation_after_the_tag_are_speech():
    kinds = quote_kinds('"It is over," he said, "and we won."')
    assert kinds == {'"It is over,"': "speech", '"and we won."': "speech"}


def test_following_quotation_paragraph_is_carried():
    text = ('"They have nothing to defend now," Jalal said.\n\n'
            '"Lone wolves will strike."\n\n"Again and again."\n\nThe war goes on.')
    kinds = quote_kinds(text)
    assert kinds['"Lone wolves will strike."'] == "speech"
    assert kinds['"Again and again."'] == "speech"  # the carried speaker goes on


def test_no_carry_after_reported_clause_or_for_a_quoted_word():
    text = 'Officials said the war was over.\n\n"Caliphate" is a loaded word.'
    assert quote_kinds(text) == {'"Caliphate"': "scare"}
    text = '"We won," he said.\n\n"Caliphate" is a loaded word.'
    assert quote_kinds(text)['"Caliphate"'] == "scare"


def test_quotation_as_heading_and_book_title():
    kinds = quote_kinds('Intro line.\n\n"GAME IS UP"\n\nHe wrote the book "World of Daesh" last year.')
    assert kinds['"GAME IS UP"'] == "heading"
    assert kinds['"World of Daesh"'] == "title"


def test_naming_verb_quote_is_speech():
    assert quote_kinds('Dunford called the victory an “inflection point” in the war.') == {
        "“inflection point”": "speech"}


def test_in_quote_follows_the_classification():
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ['"ISIS is finished," he said. The so-called "ISIS" fled.']})
    matches = framing.extract(corpus)  # every feature: quotation kinds need the attribution stage
    naming = matches[matches["feature"] == "naming"]
    assert naming["in_quote"].tolist() == [True, False]


# --------------------------------------------------------------------------- speed shortcuts

from hypothesis import given, settings, strategies as st  # noqa: E402

from framing.features import quotes as quote_module  # noqa: E402

CUE_PIECES = st.sampled_from(["book", "so-called", "self proclaimed", "Alleged", "report", " ", "  ", ",", ":",
                              "\n", "x", "titled", "would be", "a", ".", "!", "”", "…", "\t", "BOOK", "op-ed"])
PUNCTUATION_PIECES = st.sampled_from([".", " ", "!", "”", "…", "\n", ",", "a", "?", "_", "é", "\u00a0"])


@settings(max_examples=500, deadline=None)
@given(st.lists(CUE_PIECES, max_size=40).map("".join))
def test_property_cue_shortcuts_find_what_the_expressions_find(before):
    assert quote_module._distancing_before(before) == bool(quote_module._DISTANCING_BEFORE.search(before))
    assert quote_module._title_cue_before(before) == bool(quote_module._TITLE_CUES.search(before))


@settings(max_examples=500, deadline=None)
@given(st.lists(PUNCTUATION_PIECES, max_size=200).map("".join), st.data())
def test_property_sentence_end_read_backwards_equals_the_expression(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = bool(quote_module._SENTENCE_END.search(text[start:end].strip()))
    assert quote_module._ends_sentence(text, start, end) == expected


@pytest.mark.parametrize("text, quoted, kind", [
    # a word talked about is mentioned, not held at a distance
    ("Mr. Earnest didn’t use the word “veto,” but he said the president favours it.", "“veto,”", "mention"),
    ("Republicans have long made the phrase “San Francisco values” a pejorative.", "“San Francisco values”",
     "mention"),
    ("The group rejects the term 'caliphate' for its territory.", "'caliphate'", "mention"),
    # a title before the noun that says what it is the title of
    ("Supporters wore “Make America Great Again” caps at the rally.", "“Make America Great Again”", "title"),
    ("She ran the “Safe Schools” program for years.", "“Safe Schools”", "title"),
    ("On the anniversary of the “I Have a Dream” speech, crowds gathered.", "“I Have a Dream”", "title"),
    ("Obama sang “Amazing Grace” at the service.", "“Amazing Grace”", "title"),
    # a title-cased programme after a medium's possessive
    ("Stone will appear on Fox News Channel's \"Tucker Carlson Tonight\" on Friday.", "\"Tucker Carlson Tonight\"",
     "title"),
    ("He spoke on NBC’s “Meet the Press” about it.", "“Meet the Press”", "title"),
    # a programme before the person it names, a page section
    ("In 2006, “Colbert Report” host Stephen Colbert stayed in character.", "“Colbert Report”", "title"),
    ("It has run in the \"Presidential Race\" section of NPR.org.", "\"Presidential Race\"", "title"),
    # a name given after "known as", a quoted letter
    ("It ends the program known as \"Secure Communities\" today.", "\"Secure Communities\"", "mention"),
    ("Most give the school an \"A\" or \"B\" rating.", "\"A\"", "mention"),
    # someone's words: "as X put it"
    ("They looked like \"trained monkeys\" as Cruz put it.", "\"trained monkeys\"", "speech"),
    ("It is a “big deal,” as Obama put it before the holidays.", "“big deal,”", "speech"),
    # a quotation in a headline written in capitals
    ("'PART OF WHAT MOTIVATED' FORD WAS TO PUT POLITICAL 'ASTERISK' ON KAVANAUGH\n\nThe lawyer said so.",
     "'ASTERISK'", "heading"),
    # still scare quotes: lower-case terms before an ordinary noun, or with no cue at all, or after a
    # person's possessive
    ("The “caliphate” project collapsed.", "“caliphate”", "scare"),
    ("The “peace” talks collapsed on Monday.", "“peace”", "scare"),
    ("Trump’s “Big Beautiful Wall” was never built.", "“Big Beautiful Wall”", "scare"),
    # a title-cased quotation names a work, a programme, an event or a movement (real ABP sentences)
    ("He began hosting a talk radio program – “The Joe Walsh Show” – in 2013.", "“The Joe Walsh Show”", "title"),
    ("Clinton performs with Jimmy Fallon during a \"Tonight Show\" skit in September 2015.", "\"Tonight Show\"",
     "title"),
    ("From the \"Never Trump\" crowd to the nascent movement, voters balked.", "\"Never Trump\"", "title"),
    ("Trump’s tweets have forced the White House to re-litigate the “Access Hollywood” tape.",
     "“Access Hollywood”", "title"),
    # but not when it holds a name the outlet keeps its distance from
    ("Fighters of the “Islamic State” attacked the town on Monday.", "“Islamic State”", "scare"),
])
def test_mentions_and_titles_are_not_scare_quotes(text, quoted, kind):
    assert quote_kinds(text)[quoted] == kind


def test_a_name_in_a_quoted_mention_is_metalinguistic():
    corpus = pd.DataFrame({"doc_id": ["t"], "text": ["He avoided the term “Daesh” in the speech."]})
    row = framing.extract(corpus, features=["naming"]).iloc[0]
    assert row.match == "Daesh" and bool(row.metalinguistic)


def test_programme_names_and_known_as_names_are_not_scare_quotes_on_real_articles():
    """ABP articles that quote a TV programme after a network's possessive, or a name after "known as"."""
    import re
    import warnings

    frame = pd.read_parquet(shared_file("abp", "articles.parquet"))
    programme = r"(?:CNN|NBC|ABC|CBS|MSNBC|Fox News)['’]s? [\"“][A-Z][\w'’]*(?: [A-Z&][\w'’]*)+[,.]?[\"”]"
    known_as = r"known as (?:the )?[\"“][^\"”“]{2,40}[\"”]"
    frame = frame[frame["text"].str.contains(f"{programme}|{known_as}")].head(150)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = framing.load_corpus(frame)
    scare = framing.extract(corpus, features=["stance"]).query("category == 'scare_quote'")
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    candidates = sum(len(re.findall(f"{programme}|{known_as}", text)) for text in texts.values())
    assert candidates >= 50
    wrong = [texts[d][max(0, s - 30):e] for d, s, e in zip(scare["doc_id"], scare["start"], scare["end"])
             if re.search(r"(?:(?:CNN|NBC|ABC|CBS|MSNBC|News)['’]s?|known as(?: the)?) $", texts[d][max(0, s - 30):s])]
    assert not wrong, wrong[:10]


def test_straight_quotes_nested_in_a_straight_quotation_are_speech_not_scare_quotes():
    # The writer nested with the straight mark: the whole quotation is the
    # committee's speech, and "Carnahan lesson" is theirs, not the outlet's.
    text = ('"Kay Hagan is avoiding the President; it\'s the "Carnahan lesson" from the 2010 midterms," '
            'the National Republican Senatorial Committee said.')
    kinds = quote_kinds(text)
    assert list(kinds.values()) == ["speech"]
    assert '"Carnahan lesson"' not in kinds


@pytest.mark.parametrize("text, quoted, kind", [
    ("His declaration that he was willing to “sacrifice my blood” was repeated.", "“sacrifice my blood”", "speech"),
    ('One of his favorite lines is that "only I can solve" the problems.', '"only I can solve"', "speech"),
    ("Fair to ask whether 'we missed the chance'", "'we missed the chance'", "speech"),
    ("They started using “we” statements more often.", "“we”", "mention"),
    # not the first person: "US", "I-95", "you"
    ("The “US first” crowd cheered.", "“US first”", "scare"),
    ("Capitalism is not about being “on your own” as we hear.", "“on your own”", "scare"),
])
def test_first_person_quotations_are_someones_words_not_scare_quotes(text, quoted, kind):
    # The outlet never says "I" or "we" in its own voice.
    assert quote_kinds(text)[quoted] == kind


@pytest.mark.parametrize("text, quoted, kind", [
    # a programme before its presenter's name
    ("So why, as “60 Minutes”’ Lesley Stahl put it, has she become so disliked?", "“60 Minutes”", "title"),
    ("“Meet the Press”’s Chuck Todd asked him twice.", "“Meet the Press”", "title"),
    # a quotation closed by a comma before "according to" is the source's words
    ("Figures are pulled from a property’s “most recent operating statement,” according to the regulation.",
     "“most recent operating statement,”", "speech"),
])
def test_programme_before_a_name_and_a_quotation_before_according_to(text, quoted, kind):
    assert quote_kinds(text)[quoted] == kind


@pytest.mark.parametrize("text, quoted", [
    ("“60 Minutes” announced that it would air the interview.", "“60 Minutes”"),
    ("As “Blackfish” points out, the orcas suffer in captivity.", "“Blackfish”"),
])
def test_a_quoted_work_that_speaks_is_a_title(text, quoted):
    assert quote_kinds(text)[quoted] == "title"


@pytest.mark.parametrize("text, expected", [
    # listed quotations are read alike
    ("If the amendment had included the word “sex,” or “gender” it would have failed.",
     {"“sex,”": "mention", "“gender”": "mention"}),
    ("Hoffman attributed the change to symptoms that “are late-developing” and “manifest over time.”",
     {"“are late-developing”": "speech", "“manifest over time.”": "speech"}),
    # ... but a distancing modifier keeps its scare quote, and separate sentences are no list
    ("Officials said the so-called “caliphate,” and “Daesh” fell.", {"“caliphate,”": "scare"}),
    ("They call it the “beer lane.” “Klomentum” is the relic flogged this morning.",
     {"“Klomentum”": "scare"}),
])
def test_quotations_in_a_list_share_their_kind(text, expected):
    kinds = quote_kinds(text)
    assert {quoted: kinds[quoted] for quoted in expected} == expected


@pytest.mark.parametrize("text, quoted, kind", [
    ("The Pentagon chief, nicknamed “Mad Dog Mattis” during his time as a Marine, echoed Trump.",
     "“Mad Dog Mattis”", "mention"),
    ("On Fox News’ “Hannity,” she called on the Obamas to rebuke the group.", "“Hannity,”", "title"),
    # the comma inside the closing mark joins a list too
    ("He described the purchases as “campaign travel,” “dinner with volunteers,” “toy drives,” and “events.”",
     "“toy drives,”", "speech"),
    # an acronym's possessive is no medium's: a single word after it keeps its distance
    ("ISIS’s “Caliphate” fell.", "“Caliphate”", "scare"),
])
def test_nicknames_programmes_and_lists_with_inner_commas(text, quoted, kind):
    assert quote_kinds(text)[quoted] == kind


@pytest.mark.parametrize("text, quoted, kind", [
    # the modal "would be" is no "would-be": what follows is the reported words
    ("He said that Mr. Farenthold would be “true to his word” and pay back the money.",
     "“true to his word”", "speech"),
    ("Cornyn added that it would be “wonderful” to move legislation before the recess.", "“wonderful”", "speech"),
    # the hyphenated modifier keeps its distance, even inside reported speech
    ("He said the would-be “caliph” had fled.", "“caliph”", "scare"),
])
def test_would_be_needs_its_hyphen_to_distance(text, quoted, kind):
    assert quote_kinds(text)[quoted] == kind


@pytest.mark.parametrize("text, quoted", [
    ('"If you vote no, you lose," Rep. William "Mac" Thornberry said.', '"Mac"'),
    ("The governor picked former Chief of Staff William “Mo” Cowan, who served.", "“Mo”"),
    ('Standing next to him was Sen. Juan "Chuy" Hinojosa, a Democrat.', '"Chuy"'),
])
def test_a_nickname_inside_a_name_is_no_scare_quote(text, quoted):
    assert quote_kinds(text)[quoted] == "mention"


@pytest.mark.parametrize("text, quoted", [
    # in a title-case headline every word is capitalised: a quoted word between two is no nickname
    ("A Talented 'Oppositional' Orator\n\nThere's no question that he can speak.", "'Oppositional'"),
    ('Program Helped Stop "Significant" Terrorist Case:\n\nThe chairman spoke.', '"Significant"'),
])
def test_a_quoted_word_in_a_title_case_headline_is_no_nickname(text, quoted):
    assert quote_kinds(text)[quoted] == "scare"


@pytest.mark.parametrize("text, quoted, kind", [
    # a programme after "on", a work after its author or director, a show after a broadcaster's possessive
    ("Conway said so in a Monday morning interview on “Fox & Friends,” suggesting that the plan failed.",
     "“Fox & Friends,”", "title"),
    ("But a portion of Brokaw's remarks on \"Meet the Press\" also stoked anger.", '"Meet the Press"', "title"),
    ("Emily Miller is the author of “Emily Gets Her Gun” (Regnery, 2013).", "“Emily Gets Her Gun”", "title"),
    ("The director of \"Blackfish\" would not talk.", '"Blackfish"', "title"),
    ('Speaking on CNN\'s "Newsroom" later in the day, she disagreed.', '"Newsroom"', "title"),
    ('Some 60 people turned out for a "Rally for the Children" protest.', '"Rally for the Children"', "title"),
    # a short name defined in parentheses, and an alias, are mentions
    ("A press release from the Commission on Presidential Debates (“CPD”) announced it.", "“CPD”", "mention"),
    ('A hacker by the alias "Guccifer 2.0" released more information.', '"Guccifer 2.0"', "mention"),
    # ... while one capitalised word after "on" or after a group's acronym keeps its distance
    ("The plan was built on “Freedom” alone.", "“Freedom”", "scare"),
    ("ISIS’s “Caliphate” fell.", "“Caliphate”", "scare"),
])
def test_programmes_works_and_defined_names_are_no_scare_quotes(text, quoted, kind):
    assert quote_kinds(text)[quoted] == kind
