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
