"""The shared phrase matcher and the lexicon loader: case rules, boundaries, overlaps, errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from framing import LexiconError
from framing.lexicon import inflect_phrase, load_lexicon, load_lexicons, verb_forms
from framing.matcher import PhraseMatcher, in_capitals_run, matching_view, pattern_variants


def lexicon(entries, feature="naming", category="isis"):
    return load_lexicon({"lexicon": "t", "feature": feature,
                         "categories": {category: {"entries": entries}}})


def found(entries, text, **kw):
    matcher = PhraseMatcher(lexicon(entries, **kw).entries)
    hits = matcher.find(text)
    return [(matcher.entries[e].label, text[s:t]) for e, s, t in zip(hits.entry, hits.start, hits.end)]


ISIS = [{"label": "IS", "patterns": ["IS"], "case": "exact", "reject_in_caps": True},
        {"label": "ISIS", "patterns": ["ISIS"], "case": "upper"},
        {"label": "Islamic State", "patterns": ["Islamic State", "Islamic State group"]},
        {"label": "Daesh", "patterns": ["Daesh", "Da'esh"]}]


def test_is_only_as_the_upper_case_acronym():
    text = "The group is weak. IS fighters fled; this is IS-held land, and anti-IS forces won."
    assert [m for _, m in found(ISIS, text)] == ["IS", "IS", "IS"]


def test_is_never_inside_an_all_caps_headline():
    assert found(ISIS, '"GAME IS UP"\nThe SDF and IS clashed.') == [("IS", "IS")]
    assert in_capitals_run("WHAT IS NEXT", 5, 7)
    assert not in_capitals_run("the SDF and IS fighters", 12, 14)


def test_isis_never_inside_crisis_and_hyphen_and_possessive_forms_match():
    text = "The crisis deepened. Anti-ISIS forces took ISIS-held towns; Daesh’s leaders and Da’esh fled."
    assert found(ISIS, text) == [("ISIS", "ISIS"), ("ISIS", "ISIS"), ("Daesh", "Daesh"), ("Daesh", "Da’esh")]


def test_longest_match_wins_and_no_span_counts_twice_in_a_family():
    text = "The Islamic State group and the Islamic State."
    assert found(ISIS, text) == [("Islamic State", "Islamic State group"), ("Islamic State", "Islamic State")]


def test_other_families_may_overlap():
    lex = load_lexicon({"lexicon": "t", "feature": "naming", "categories": {
        "isis": {"entries": [{"label": "IS", "patterns": ["IS militants"]}]},
        "armed": {"entries": [{"label": "militant", "patterns": ["militants"]}]}}})
    hits = PhraseMatcher(lex.entries).find("IS militants fled.")
    assert len(hits) == 2


def test_whitespace_dash_and_apostrophe_variants():
    entries = [{"label": "so-called", "patterns": ["so-called"]}]
    for text in ["the so-called state", "the so called state", "the so\u2011called state",
                 "the socalled state", "the So-Called state", "the so\u00a0called state"]:
        assert len(found(entries, text, feature="stance", category="distancing")) == 1, text
    assert pattern_variants("self-styled") == ["self-styled", "self styled", "selfstyled"]


def test_lower_case_rule_keeps_may_the_month_out():
    entries = [{"label": "may", "patterns": ["may"], "case": "lower"}]
    text = "In May, the U.S. conducted strikes. Mayor Smith said it may end. MAY"
    assert found(entries, text, feature="stance", category="hedge") == [("may", "may")]


def test_exclude_before_and_after():
    entries = [{"label": "tell", "patterns": ["tell"], "forms": ["told"], "exclude_before": ["all"]},
               {"label": "say", "patterns": ["say"], "forms": ["said"], "exclude_before": ["the"],
                "exclude_after": ["to be"]}]
    text = "All told, he said the said document is said to be fake, she told me."
    labels = [m for _, m in found(entries, text, feature="attribution", category="neutral")]
    assert labels == ["said", "told"]


def test_offsets_always_reproduce_text_with_case_changing_characters():
    entries = [{"label": "Daesh", "patterns": ["Daesh"]}]
    text = "\u0130stanbul: Daesh \u0130\u0130 Daesh"  # "İ" lower-cases to two characters
    view = matching_view(text)
    assert len(view) == len(text)
    assert [m for _, m in found(entries, text)] == ["Daesh", "Daesh"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_matcher_spans_are_valid_on_arbitrary_text(text):
    matcher = PhraseMatcher(lexicon(ISIS).entries)
    hits = matcher.find(text + " ISIS " + text)
    full = text + " ISIS " + text
    assert len(hits) >= 1
    for s, e in zip(hits.start, hits.end):
        assert 0 <= s < e <= len(full)
        assert matching_view(full[s:e]) in {"is", "isis", "islamic state", "islamic state group", "daesh", "da'esh"}


# --------------------------------------------------------------------------- lexicon loader


def test_shipped_lexicons_load_and_cover_the_required_families_and_classes():
    lexs = {lex.id: lex for lex in load_lexicons()}
    naming = next(lex for lex in lexs.values() if lex.feature == "naming")
    assert "isis" in naming.categories
    assert len(naming.categories) >= 11  # isis plus at least ten contested namings
    verbs = next(lex for lex in lexs.values() if lex.feature == "attribution")
    for cls in ("neutral", "endorsing", "distancing"):
        assert cls in verbs.categories
    assert len(verbs.categories) >= 5  # further documented classes for loaded verbs
    stance = next(lex for lex in lexs.values() if lex.feature == "stance")
    assert {"hedge", "booster", "distancing"} <= set(stance.categories)
    for lex in lexs.values():
        assert lex.sources, f"{lex.id} names no source"
        assert len(lex.sha256) == 64


def test_inflection():
    assert verb_forms("say")[0] == "says"
    assert verb_forms("slam") == ["slams", "slammed", "slamming"]
    assert verb_forms("deny") == ["denies", "denied", "denying"]
    assert verb_forms("note") == ["notes", "noted", "noting"]
    assert inflect_phrase("point out") == ["points out", "pointed out", "pointing out"]


@pytest.mark.parametrize("bad, message", [
    ({"lexicon": "x", "feature": "naming", "categories": {"f": {"entries": [{"label": "a", "patterns": ["a"], "colour": 1}]}}},
     r"category 'f', entry 1 \('a'\): unknown key\(s\) \['colour'\]"),
    ({"lexicon": "x", "feature": "naming", "categories": {"f": {"entries": [{"label": "a", "patterns": [""]}]}}},
     r"entry 1 \('a'\): 'patterns' holds an empty pattern"),
    ({"lexicon": "x", "feature": "naming", "categories": {"f": {"entries": [{"label": "a", "patterns": ["(a+)+b"]}]}}},
     r"contains regex syntax"),
    ({"lexicon": "x", "feature": "naming", "categories": {"f": {"entries": [{"label": "a", "patterns": ["a"], "case": "title"}]}}},
     r"case 'title' is not one of"),
    ({"lexicon": "x", "feature": "naming", "categories": {"f": {"entries": [{"label": "a", "patterns": ["a"], "homograph": "adverb"}]}}},
     r"entry 1 \('a'\): homograph 'adverb' is not supported; use one of noun, adjective, verb"),
    ({"lexicon": "x", "feature": "naming"}, r"missing required key 'categories'"),
    ({"lexicon": "x", "feature": "naming", "categories": {"f": {"entries": [{"label": "a", "patterns": [3]}]}}},
     r"holds 3 \(int\)"),
])
def test_invalid_lexicons_name_the_entry_and_problem(bad, message):
    with pytest.raises(LexiconError, match=message):
        load_lexicon(bad)


def test_invalid_lexicon_file_is_named(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("lexicon: mine\nfeature: naming\ncategories:\n  f:\n    entries:\n      - {label: a}\n")
    with pytest.raises(LexiconError, match=r"mine.yaml: category 'f', entry 1 \('a'\): missing 'patterns'"):
        load_lexicon(path)
    path.write_text("lexicon: [unclosed\n")
    with pytest.raises(LexiconError, match=r"mine.yaml: not valid YAML"):
        load_lexicon(path)


def test_yaml_is_loaded_safely(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("!!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(LexiconError, match="not valid YAML"):
        load_lexicon(path)


def test_context_vetoes_see_hyphens_but_not_punctuation():
    entries = [{"label": "add", "patterns": ["add"], "inflect": "verb", "exclude_after": ["to"]}]
    text = "It adds to costs. It may be hard, they add, to draw conclusions."
    got = [m for _, m in found(entries, text, feature="attribution", category="neutral")]
    assert got == ["add"]  # "adds to costs" vetoed; "add, to draw" is a reporting use
    regime = [{"label": "regime", "patterns": ["regime"], "exclude_after": ["change"]}]
    assert found(regime, "a regime-change war; regime change; the regime, change it") == [("regime", "regime")]


# --------------------------------------------------------------------------- speed shortcuts


from framing.matcher import _word_view_by_regex, word_view  # noqa: E402

VIEW_TEXT = st.one_of(
    st.text(max_size=600),
    st.lists(st.sampled_from(["Anti-ISIS", "Daesh’s", " ", "\u201c", "İ", "Σ", "ΟΔΟΣ", "😀", "𝐀b", "ﬁ", "ẞ",
                              "_", "\u0301", "\n", "I.S.", "3.5", "\ud800"]), max_size=120).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(VIEW_TEXT)
def test_property_word_view_by_table_equals_the_substitution(text):
    # Long texts go through the numpy table, short ones through the regex; both
    # must give the substitution's result (final sigma, "İ", emoji, surrogates).
    for sample in (text, text * 4):
        view = word_view(sample)
        assert view == _word_view_by_regex(sample) and len(view) == len(sample)


def test_word_view_table_covers_every_basic_plane_character():
    chars = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000 and c != 0x3A3)
    assert word_view(chars) == _word_view_by_regex(chars)


def test_overlaps_resolved_per_family_on_many_candidates():
    entries = [{"label": "Islamic State", "patterns": ["Islamic State", "Islamic State group"]},
               {"label": "State", "patterns": ["State"]}]
    text = " ".join(["the Islamic State group and the State"] * 30)
    hits = found(entries, text)
    assert hits.count(("Islamic State", "Islamic State group")) == 30
    assert hits.count(("State", "State")) == 30  # only the free-standing ones


@pytest.mark.parametrize("text, kept", [
    # a veto word after a count still vetoes ("claimed nearly 4,700 lives": taking lives, no claim)
    ("The illness has claimed nearly 4,700 lives worldwide.", False),
    ("The storm claimed 30 lives.", False),
    ("Clashes that claimed at least 36 lives and injured 200.", False),
    ("The war has claimed thousands of lives.", False),
    # a count before anything else, or split by punctuation, vetoes nothing
    ("He claimed 30 people voted twice.", True),
    ("He claimed 30, lives were lost.", True),
])
def test_vetoes_after_a_count(text, kept):
    from framing.lexicon import default_paths, load_lexicon
    from framing.matcher import PhraseMatcher

    entries = [e for p in default_paths() for e in load_lexicon(p).entries if e.label == "claim"]
    hits = PhraseMatcher(entries).find(text)
    assert (len(hits) > 0) == kept
