"""Stance markers on the sample articles and crafted traps: hedges, boosters, distancing, scare quotes."""

from __future__ import annotations

import pandas as pd

import framing

from conftest import doc_of


def stance(matches, corpus, prefix):
    doc_id = doc_of(corpus, prefix)["doc_id"]
    return matches[(matches["doc_id"] == doc_id) & (matches["feature"] == "stance")]


def _extract(text):
    corpus = pd.DataFrame({"doc_id": ["x"], "text": [text], "source": ["s"]})
    return framing.extract(corpus, features=["stance"])


def test_may_the_month_is_not_a_hedge_but_may_the_modal_is(sample_corpus, sample_matches):
    wsj = doc_of(sample_corpus, "001")
    rows = stance(sample_matches, sample_corpus, "001")
    in_may = wsj["text"].index("In May, the U.S. conducted")
    assert not ((rows["start"] >= in_may) & (rows["start"] < in_may + 7)).any()
    may = rows[rows["label"] == "may"]
    start = may["start"].iloc[0]
    assert len(may) == 1 and wsj["text"][start - 15:start] == "the insurgents "


def test_hedges_and_boosters_on_the_sample(sample_corpus, sample_matches):
    arab_news = stance(sample_matches, sample_corpus, "000")
    assert {"may", "appear"} <= set(arab_news.loc[arab_news["category"] == "hedge", "label"])
    wt = stance(sample_matches, sample_corpus, "003")
    assert "reportedly" in set(wt.loc[wt["category"] == "hedge", "label"])
    wsj = stance(sample_matches, sample_corpus, "001")
    assert "believed to" in set(wsj["label"])
    bawaba = stance(sample_matches, sample_corpus, "002")
    assert {"clearly", "inevitable"} <= set(bawaba.loc[bawaba["category"] == "booster", "label"])


def test_distancing_modifiers_and_scare_quotes(sample_corpus, sample_matches):
    bawaba = stance(sample_matches, sample_corpus, "002")
    so_called = bawaba[bawaba["label"] == "so-called"]
    assert so_called["match"].tolist() == ["so called"]
    scare = bawaba[bawaba["category"] == "scare_quote"]
    assert scare["match"].tolist() == ["\u201ccaliphate\u201d"]
    assert scare["label"].tolist() == ["caliphate"]
    # the modifier and the scare quote are neighbours in one sentence
    assert scare["sentence"].iloc[0] == so_called["sentence"].iloc[0]
    wt = stance(sample_matches, sample_corpus, "003")
    assert set(wt.loc[wt["category"] == "scare_quote", "label"]) == {"caliphate", "caliph"}
    assert "self-styled" in set(wt.loc[wt["category"] == "distancing", "label"])
    arab_news = stance(sample_matches, sample_corpus, "000")
    assert "self-proclaimed" in set(arab_news["label"])
    assert "caliphate" in set(arab_news.loc[arab_news["category"] == "scare_quote", "label"])


def test_scare_quotes_are_the_outlets_voice(sample_matches):
    scare = sample_matches[sample_matches["category"] == "scare_quote"]
    assert len(scare) >= 5
    assert not scare["in_quote"].any()


def test_will_can_mayor_and_month_are_not_hedges():
    m = _extract("Mayor Lee will speak. They can win. In May they met; on May 4 again.")
    assert m.empty


def test_multiword_hedges_and_inflections():
    m = _extract("He is believed to be alive. It appears to work; it seemed to fail. "
                 "Reportedly, the so-called state fell. It is clearly over.")
    got = set(zip(m["category"], m["label"]))
    assert ("booster", "clearly") in got
    assert ("distancing", "so-called") in got
    hedges = {label for cat, label in got if cat == "hedge"}
    assert {"believed to", "reportedly"} <= hedges
    assert len(m[m["category"] == "hedge"]) >= 4


def test_short_unattributed_quote_is_a_scare_quote_long_quotation_is_not():
    m = _extract('The militants run a "caliphate" in the desert. "We will never stop fighting '
                 'for our land and our people," a commander said.')
    scare = m[m["category"] == "scare_quote"]
    assert scare["label"].tolist() == ["caliphate"]


def test_lower_case_may_before_a_day_number_is_the_month():
    # Lower-cased timelines ("appointed as special prosecutor may 9, 1974") write the month in lower case.
    text = "Cox was appointed as special prosecutor may 9, 1974. On may 21st the vote came. It may rain."
    hedges = _extract(text)
    hedges = hedges[hedges["category"] == "hedge"]
    assert hedges["start"].tolist() == [text.index("may rain")]


def test_the_verb_alleged_and_manner_clearly_are_no_stance_markers():
    text = ("Some conservatives have alleged Kerry violated the law. The alleged attacker fled. "
            "The law spells it out more clearly than ever. He clearly lied.")
    m = _extract(text)
    assert [(row.label, row.start) for row in m.itertuples()] == [
        ("alleged", text.index("alleged attacker")), ("clearly", text.index("clearly lied"))]


def test_alleged_read_as_a_reporting_verb_is_no_distancing_marker():
    # The adjective disowns a description; the verb reports a statement (an attribution row instead).
    text = ("Police arrested the alleged shooter. Prosecutors alleged in court filings that he lied, "
            "and the alleged victims agreed.")
    corpus = pd.DataFrame({"doc_id": ["x"], "text": [text], "source": ["s"]})
    matches = framing.extract(corpus)
    distancing = matches[(matches["feature"] == "stance") & (matches["label"] == "alleged")]
    assert [text[s:s + 14] for s in distancing["start"]] == ["alleged shoote", "alleged victim"]
    cue = matches[(matches["feature"] == "attribution") & (matches["match"] == "alleged")]
    assert cue["speaker"].tolist() == ["Prosecutors"]
    # the stance stage alone counts the same markers: the attribution stage always runs
    alone = _extract(text)
    assert alone["start"].tolist() == distancing["start"].tolist()


# 2026.15. Each sentence below is quoted (or cut down) from an ABP or BASIL article.

def _rows(text, category=None):
    m = _extract(text)
    if category is not None:
        m = m[m["category"] == category]
    return [(row.label, text[row.start:row.end]) for row in m.itertuples()]


def test_likely_in_a_pollsters_sample_is_no_hedge():
    vetoed = [
        # BASIL
        "However, Perry netted just six percent support among likely Republican caucus-goers, "
        "according to a Des Moines Register poll released Saturday.",
        "According to one recent poll, immigration was cited by only 4 percent of likely Republican voters "
        "as the most important issue.",
        # ABP
        "Emerson College pollsters questioned 400 likely Wisconsin voters from Oct. 27 to Oct. 28.",
        "She’s the first choice of 37% of likely Democratic caucusgoers; he’s the pick for 30%.",
        "The Iowa Poll of 404 likely Democratic caucusgoers was conducted Aug. 23-26 by Selzer & Co.",
        "The survey, taken Aug. 23-26, included 400 likely Republican caucus participants.",
        "Christian conservatives, who represent nearly 40 percent of likely caucus participants in the poll, "
        "may be starting to coalesce.",
    ]
    for text in vetoed:
        assert ("likely", "likely") not in _rows(text), text
    # the same word beside a party or voters, not naming a poll's sample, is still a hedge
    kept = [
        "But likely GOP presidential candidate Jeb Bush suggested that the use of personal email "
        "demonstrated a lack of transparency.",  # BASIL
        "... from being dismissed as a strictly partisan effort to embarrass a likely Democratic nominee "
        "for president.",  # BASIL
        "A “rebrand” like the Texas senator is more likely to win over base voters.",
        "Republicans are likely to stiffly challenge such ideas.",
    ]
    for text in kept:
        assert _rows(text, "hedge") == [("likely", "likely")], text


def test_may_in_publishers_boilerplate_is_permission_not_a_hedge():
    vetoed = [
        "You may opt-out at any time. You agree to receive occasional updates and special offers for "
        "The New York Times's products and services.",
        "This poll entitles you to The Western Journal news updates free of charge. You may opt out at anytime.",
        "Sign Up Now You may unsubscribe from email communication at any time.",
        "All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "He is the founder of Prager University and may be contacted at dennisprager.com.",
        "Readers may contact him via e-mail at lpitts@miamiherald.com.",
        "You may follow him on Twitter: @mattsheffield.",
    ]
    for text in vetoed:
        assert ("may", "may") not in _rows(text), text
    text = ("You may have heard I recently made my own unique contribution to that process. The senators "
            "may not react as the leakers intended. More sanctions may follow. Candidates in particularly "
            "competitive races may opt out of this option.")
    assert [match for _, match in _rows(text, "hedge")] == ["may", "may", "may", "may"]


def test_the_noun_might_before_of_or_after_the_is_no_hedge():
    text = ("The call shows how Trump enlists the might of the U.S. government in his schemes. Gun control "
            "measures falter as the lobbying might of the National Rifle Association is brought to bear. "
            "Obama did not say how the U.S. might respond. An American who tried to act Japanese, he said, "
            "the American might learn something about a different culture.")
    assert [text[s - 9:s] for s in _extract(text)["start"]] == ["the U.S. ", "American "]


def test_predicative_apparent_means_evident_and_is_no_hedge():
    vetoed = [
        "It quickly became apparent that Grace had stuffed six or seven pebbles in there.",
        "The significance of Tuesday’s events was immediately apparent.",
        "This reaffirms what has become all too apparent: the president has no interest in doing anything.",
        "Right from the start, the disdain the two nominees have for each other was apparent.",
        "Williams was one of the heirs apparent to the Cronkite tradition.",
        "But the dilemma is more apparent than real, because it confounds the dimension of time.",
    ]
    for text in vetoed:
        assert ("apparent", "apparent") not in _rows(text), text
    text = ("Liz Cheney said in a statement responding to an apparent push poll against her in Wyoming. "  # BASIL
            "In an apparent attempt to stem the controversy, a top ACLU official wrote to the Attorney General. "
            "Democrat Conor Lamb's apparent defeat of Rick Saccone stunned the party.")
    assert [label for label, _ in _rows(text, "hedge")] == ["apparent", "apparent", "apparent"]


def test_in_no_uncertain_terms_is_no_hedge():
    text = ("Top Russian officials lined up to hit back in no uncertain terms. "
            "How the approaching legal battles will play out is uncertain.")
    assert [text[s - 3:s] for s in _extract(text)["start"]] == ["is "]


def test_made_clear_that_is_a_report_and_not_clear_that_a_hedge_neither_is_a_booster():
    vetoed = [
        # BASIL: a speaker's statement, counted by the attribution lexicon ('make clear')
        "Romney has, over the years, made it clear that his opposition to same-sex marriage and civil unions "
        "is a deeply held moral conviction.",
        "However, he made clear that party unity was on his mind.",
        # ABP
        "The president has made abundantly clear that he has no tolerance for leaks.",
        "“This authorization needs to make it crystal-clear that U.S. combat troops cannot be sent back.”",
        # negated: the writer withholds commitment
        "But it's not clear that approach would be legal.",
        "It is far from clear that the administration acted lawfully when it did this.",
        "It's not at all clear that this time will be different.",
    ]
    for text in vetoed:
        assert _rows(text, "booster") == [], text
    text = ("It is clear that, as the prosecutor noted, Mr. Cohen's actions reflect a pattern of lies. "
            "It became very clear that both sides were engaged in a battle of wills. "
            "While parties can’t do as much, it is nonetheless clear that liberals matter.")
    assert [match for _, match in _rows(text, "booster")] == ["It is clear", "clear that", "clear that"]
    # the statement is still counted, as an attribution cue
    corpus = pd.DataFrame({"doc_id": ["x"], "text": [vetoed[1]], "source": ["s"]})
    cues = framing.extract(corpus)
    assert cues.loc[cues["feature"] == "attribution", "label"].tolist() == ["make clear"]


def test_it_is_not_clear_is_a_hedge():
    text = ("It is not clear whether he will return to that role. "  # BASIL
            "It was not immediately clear why Mattis' departure date was moved up. "  # BASIL
            "It’s not clear what the executive order would look like. "  # BASIL
            "But it's not clear that approach would be legal. "
            "The Senate did not clear the bill.")
    assert [match for label, match in _rows(text, "hedge") if label == "not clear"] == [
        "It is not clear", "It was not immediately clear", "It’s not clear", "it's not clear"]
