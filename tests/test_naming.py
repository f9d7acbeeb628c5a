"""Naming choices on the five sample articles and on crafted traps."""

from __future__ import annotations

import pandas as pd
import pytest

import framing

from conftest import doc_of


def naming_rows(matches, corpus, prefix, family="isis"):
    doc_id = doc_of(corpus, prefix)["doc_id"]
    return matches[(matches["doc_id"] == doc_id) & (matches["feature"] == "naming")
                   & (matches["category"] == family)]


def own_voice(rows):
    return rows[~rows["in_quote"] & ~rows["metalinguistic"].fillna(False).astype(bool)]


def test_arab_news_own_voice_is_all_daesh_and_isis_only_in_the_quotation(sample_corpus, sample_matches):
    rows = naming_rows(sample_matches, sample_corpus, "000")
    assert set(own_voice(rows)["label"]) == {"Daesh"}
    assert len(own_voice(rows)) >= 15
    isis = rows[rows["label"] == "ISIS"]
    assert len(isis) == 1 and isis["in_quote"].all()
    # Dunford used the name: a use in quoted voice, not a mention
    assert not isis["metalinguistic"].any()


def test_wsj_writes_islamic_state_and_isis_only_in_quotations(sample_corpus, sample_matches):
    rows = naming_rows(sample_matches, sample_corpus, "001")
    assert set(own_voice(rows)["label"]) == {"Islamic State"}
    assert len(own_voice(rows)) >= 20
    assert rows.loc[rows["label"] == "ISIS", "in_quote"].all()
    assert (rows["label"] == "ISIS").sum() == 3


def test_al_bawaba_writes_daesh_and_is(sample_corpus, sample_matches):
    labels = own_voice(naming_rows(sample_matches, sample_corpus, "002"))["label"]
    assert set(labels) == {"Daesh", "IS"}
    assert (labels == "Daesh").sum() > (labels == "IS").sum()


def test_washington_times_glosses_isis_and_isil(sample_corpus, sample_matches):
    rows = naming_rows(sample_matches, sample_corpus, "003")
    glossed = rows[rows["metalinguistic"].fillna(False).astype(bool)]
    assert set(glossed["label"]) == {"ISIS", "ISIL"}  # "also known as ISIS or ISIL"
    assert "Islamic State" in set(own_voice(rows)["label"])


def test_reuters_names_mentioned_not_used_and_game_is_up_is_not_the_group(sample_corpus, sample_matches):
    rows = naming_rows(sample_matches, sample_corpus, "004")
    text = doc_of(sample_corpus, "004")["text"]
    game = text.index("GAME IS UP")
    assert not ((rows["start"] >= game) & (rows["start"] < game + 10)).any()
    daesh = rows[rows["label"] == "Daesh"]
    assert len(daesh) == 2 and daesh["metalinguistic"].all()  # "World of Daesh"; "Daesh is an Arabic acronym"
    own = own_voice(rows)
    assert set(own["label"]) == {"Islamic State", "IS"}
    assert (own["label"] == "IS").sum() == 2  # "IS group", "IS affairs"


def test_other_families_on_the_sample(sample_corpus, sample_matches):
    regime = sample_matches[(sample_matches["category"] == "state_government")]
    assert {"regime", "government"} <= set(regime["label"])
    armed = sample_matches[sample_matches["category"] == "armed_actors"]
    assert {"militant", "fighter", "insurgent", "rebel"} <= set(armed["label"])


def _extract(text):
    corpus = pd.DataFrame({"doc_id": ["x"], "text": [text], "source": ["s"]})
    return framing.extract(corpus, features=["naming"])


def test_crafted_naming_traps():
    m = _extract("The crisis is over. WHAT IS NEXT\nIslamic State's fighters; ISIS-held towns; "
                 "the anti-Daesh coalition; an Islamic state in theory.")
    isis = m[m["category"] == "isis"]
    assert isis["match"].tolist() == ["Islamic State", "ISIS", "Daesh"]


def test_contested_namings_in_other_domains():
    m = _extract("Undocumented immigrants and illegal aliens; the death tax, or estate tax; "
                 "Kiev (Kyiv) and Burma; pro-life and abortion-rights activists; climate change "
                 "versus global warming; gun control and gun rights.")
    got = set(zip(m["category"], m["label"]))
    for family in ("immigration", "estate_tax", "kyiv", "myanmar", "abortion_opponents",
                   "abortion_supporters", "climate", "guns"):
        assert any(f == family for f, _ in got), family
    assert len(m[m["category"] == "estate_tax"]) == 2
    assert len(m[m["category"] == "kyiv"]) == 2


# --------------------------------------------------------------------------- speed shortcuts

import re  # noqa: E402

from hypothesis import given, settings, strategies as st  # noqa: E402

from framing.features.naming import _phrase_sets  # noqa: E402
from framing.matcher import word_view  # noqa: E402


def _phrase_regex(rules):
    """The regular expression the phrase automaton replaced: any phrase, words joined by spaces."""
    phrases = sorted({" ".join(word_view(p).split()) for rule in rules for p in rule.phrases},
                     key=len, reverse=True)
    return re.compile("|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases))


WINDOW_PIECES = st.sampled_from(["also", "known", "as", "ISIS", " ", "  ", ",", "—", "an", "arabic", "acronym",
                                 "for", "the", "group", "calls", "itself", "stands", "aka", "kakao", "term"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WINDOW_PIECES, max_size=30).map("".join))
def test_property_phrase_automaton_finds_what_the_expression_finds(text):
    rules = framing.features.naming.load_mention_rules()
    view = word_view(text)
    expected = _phrase_regex(rules).search(view) is not None
    assert _phrase_sets(rules).in_word_view.found_in(" ".join(view.split())) == expected


@pytest.mark.parametrize("text, expected", [
    ("The GOP plan implements a regime of tax credits.", []),
    ("The sanctions regime tightened.", []),
    ("The regime of Bashar al-Assad fell.", ["regime"]),
    ("The regime's forces advanced.", ["regime"]),
])
def test_regime_in_its_political_sense_only(text, expected):
    assert _extract(text)["match"].tolist() == expected


@pytest.mark.parametrize("text, expected", [
    # fiscal and administrative compounds, and government as an abstract institution, name no state's government
    ("The government shutdown ended on Friday.", []),
    ("He promised to cut government spending.", []),
    ("Cutting government is his aim; the size of government grew anyway.", []),
    ("Government employees were sent home.", []),
    ("Mr. Issa, chairman of the House Oversight and Government Reform Committee, spoke.", []),
    ("The bill would fund government operations through November.", []),
    # a state's government, including the compounds where "regime" is the alternative
    ("Syrian government forces advanced on Aleppo.", ["government"]),
    ("The U.S. government was collecting call records.", ["government"]),
    ("A government run by the military took power.", ["government"]),
])
def test_government_names_a_state_government_only(text, expected):
    assert _extract(text)["match"].tolist() == expected


@pytest.mark.parametrize("text, expected", [
    # an aircraft is no armed actor
    ("He has flown the F-18 fighter and the F/A-18 fighters.", []),
    ("Jet fighters roared overhead.", []),
    ("ISIS fighters fled the town.", ["ISIS", "fighters"]),
])
def test_fighter_names_people_not_aircraft(text, expected):
    assert _extract(text)["match"].tolist() == expected


@pytest.mark.parametrize("text, expected", [
    # "insurgent" and "rebel" in election and party reporting name no armed actor
    ("Cantor lost his seat to an insurgent candidate who hammered him on immigration.", []),
    ("The insurgent campaign of Bernie Sanders drew young voters.", []),
    ("The party's conservative insurgent wing revolted.", []),
    ("Rebel MPs voted against the deal.", []),
    ("The Confederate rebel flag came down in Columbia.", []),
    # ... but armed insurgents and rebels still count
    ("Sunni insurgent groups seized the town.", ["insurgent"]),
    ("Insurgents attacked the base near Kandahar.", ["Insurgents"]),
    ("Syrian rebels took the town.", ["rebels"]),
])
def test_insurgents_and_rebels_in_politics_are_no_armed_actors(text, expected):
    assert _extract(text)["match"].tolist() == expected


# --------------------------------------------------------------------------- lexicon 2026.17
# Sentences adapted from ABP and BASIL articles: each veto with a guard that still counts.

def _family(text, family):
    m = _extract(text)
    return m.loc[m["category"] == family, "match"].tolist()


@pytest.mark.parametrize("text, expected", [
    # the US budget fight in verb form: the fiscal sense of the vetoed "government shutdown"
    ("Congress voted to fund the government at roughly 5:30 am Friday.", []),
    ("A piecemeal approach of funding the government bit by bit is simply not the answer.", []),
    ("If Republicans want to shut down the government “that’s their prerogative,” he said.", []),
    ("I don’t think we ought to shut the government down, it doesn’t serve conservative ends.", []),
    ("Trump reopened the government for three weeks on Jan. 25.", []),
    ("He said the deal would keep the government open for three weeks until Feb. 15.", []),
    ("A stopgap funding bill would keep the government running through Feb. 8.", []),
    ("Republicans would join Democrats to keep the government funded, as in previous fiscal fights.", []),
    # abstract: the party split of Congress and the White House, interagency jargon
    ("Compromise in divided government means that everyone can’t get everything they want.", []),
    ("Republicans failed despite having their first unified government in a decade.", []),
    ("AFRICOM’s chief was still touting the command’s “whole-of-government” mindset.", []),
    # the academic subject
    ("“It highlights the cracks,” said Jamila Michener, professor of government at Cornell University.", []),
    ("She was a graduate student at the Kennedy School of Government at Harvard.", []),
    # a state's government still counts, also next to the vetoed verbs
    ("Protesters vowed to bring down the government in Bangkok.", ["government"]),
    ("Washington will fund the Afghan government and its security forces through 2024.", ["government"]),
    ("The government opened an investigation into the attack.", ["government"]),
    ("Tsipras agreed to form a coalition government with the Independent Greeks.", ["government"]),
])
def test_government_in_budget_fights_and_as_an_abstraction_is_no_state_government(text, expected):
    assert _family(text, "state_government") == expected


@pytest.mark.parametrize("text, expected", [
    # a regime of rules names no ruler
    ("Schumer called for a down-payment on a national testing regime.", []),
    ("It is a key part of our immigration regime, he said.", []),
    ("The court imposed one of the most permissive abortion regimes in the world.", []),
    ("The plan also makes changes to the enforcement regime.", []),
    ("Robert Higgs coined the term “regime uncertainty” for this.", []),
    ("They agreed on a lasting “peace regime” on the peninsula.", []),
    # rulers still count
    ("It would respond to the Assad regime’s criminal use of chemical weapons.", ["regime"]),
    ("The regime is testing missiles again.", ["regime"]),
    ("Sanctions target the Kim regime.", ["regime"]),
])
def test_regime_of_policies_is_no_ruler(text, expected):
    assert _family(text, "state_government") == expected


@pytest.mark.parametrize("text, expected", [
    ("Two planes were to be replaced by the F-35 Joint Strike Fighter (JSF).", []),
    ("Photos: U.S. military's fighter fleet", []),
    ("He told the police that he was a former mixed martial arts fighter, it said.", []),
    ("Iraqi Kurdish Peshmerga fighters pose for a photo with an ISIS flag.", ["fighters"]),
    ("Foreign fighters captured a key airbase near Aleppo.", ["fighters"]),
])
def test_fighter_aircraft_and_sport_are_no_armed_actors(text, expected):
    assert _family(text, "armed_actors") == expected


@pytest.mark.parametrize("text, expected", [
    ("The case arose after passage of the 2017 Tax Cuts and Jobs Act (TCJA).", []),
    ("Bush signed the Economic Growth and Tax Relief Reconciliation Act.", []),
    ("Consider the corporate tax cut in the recent Tax Cuts and Jobs Act.", ["tax cut"]),
    ("Trump promised tax cuts and jobs for the Rust Belt.", ["tax cuts"]),
])
def test_tax_statute_names_are_no_naming_choice(text, expected):
    assert _family(text, "tax_cuts") == expected


@pytest.mark.parametrize("text, expected", [
    ("Obama pointed to Romney's own health care law as former Massachusetts governor.", []),
    ("Mr. Tierney noted, the Massachusetts health care law has been up and running for years.", []),
    ("Santorum said Romney’s health care law in Massachusetts made him incapable of challenging Obama.", []),
    ("Every day new questions about the president’s health care law arise.", ["health care law"]),
    ("The federal health care law was modeled on Massachusetts.", ["health care law"]),
])
def test_romneys_massachusetts_law_is_not_the_aca(text, expected):
    assert _family(text, "health_law") == expected


@pytest.mark.parametrize("text, label", [
    ("Attorney General Eric Holder warned districts discriminating against the children of undocumented parents.",
     "undocumented immigrant"),
    ("United We Dream is the largest organization representing undocumented youth.", "undocumented immigrant"),
    ("He called for dealing with our undocumented population in a tough but humane way.", "undocumented immigrant"),
    ("Trump’s designs for undocumented families arriving at the border drew protests.", "undocumented immigrant"),
    ("Romney has advocated sanctions for employers who hire illegal workers.", "illegal worker"),
    ("Fines may not deter hiring unauthorized workers, the inspector general said.", "unauthorized worker"),
    ("Critics said amnestying some four to five million illegal residents is outside the law.", "illegal immigrant"),
    ("The order ignores that the vast majority of illegal entrants will melt into the interior.", "illegal immigrant"),
])
def test_more_names_for_immigrants_without_legal_status(text, label):
    m = _extract(text)
    assert m.loc[m["category"] == "immigration", "label"].tolist() == [label]


def test_new_immigration_variants_do_not_count_twice_or_catch_the_act():
    m = _extract("Undocumented immigrant children, undocumented students and illegal immigrant workers; "
                 "illegal immigration and illegal residency are acts.")
    rows = m[m["category"] == "immigration"]
    assert rows["match"].tolist() == ["Undocumented immigrant", "undocumented students", "illegal immigrant"]
