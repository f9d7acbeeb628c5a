"""detect_origin / find_credits / page_metadata: who wrote the story, and the evidence."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from framing import LexiconError
from framing.origin import (
    CREDIT_COLUMNS,
    METADATA_KEYS,
    detect_origin,
    find_credits,
    load_credit_rules,
    page_metadata,
)

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"


def raw_sample(prefix: str) -> str:
    (path,) = SAMPLE_DIR.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the five samples

EXPECTED_ORIGIN = {
    "000": ("AP", "told the AP"),
    "001": (None, None),  # a byline without a wire credit: the manifest supplies the WSJ
    "002": (None, None),  # only a photo credit, "(AFP/File)"
    "003": ("The Washington Times", "Washington Times:"),
    "004": ("Reuters", "[L5N1GD7JK]"),  # the story code outranks "Source: Ahram online"
}

EXPECTED_METADATA = {
    "000": {"title": "With their caliphate in ruins, Daesh militants melt into the desert",
            "author": "APMon", "date": "2017-10-30 18:43"},
    "001": {"title": "ISIS Remnants Fight On, Despite U.S. Campaign",
            "author": "Sune Engel Rasmussen, Nour Alakraa and Nancy A. Youssef", "date": None},
    "002": {"title": "Daesh lashes out in Syria following Iraq set backs", "author": None,
            "date": "February 4th, 2017 - 12:00 GMT"},
    "003": {"title": "ISIS leaders are fleeing to Syrian city of Deir el-Zour in Middle Euphrates River Valley",
            "author": None, "date": None},
    # 004 has no headline; its "GMT 15:47 2017 Tuesday ,29 August" stamps belong to
    # other stories listed after the article, so they are not its date.
    "004": {"title": None, "author": None, "date": None},
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED_ORIGIN))
def test_sample_origin_and_evidence(prefix):
    raw = raw_sample(prefix)
    origin, evidence = detect_origin(raw)
    assert (origin, evidence) == EXPECTED_ORIGIN[prefix]
    if evidence is not None:
        assert evidence in raw


@pytest.mark.parametrize("prefix", sorted(EXPECTED_METADATA))
def test_sample_page_metadata(prefix):
    metadata = page_metadata(raw_sample(prefix))
    assert tuple(metadata) == METADATA_KEYS
    expected = {**EXPECTED_METADATA[prefix], "origin": EXPECTED_ORIGIN[prefix][0],
                "origin_evidence": EXPECTED_ORIGIN[prefix][1]}
    assert metadata == expected


def test_sample_origins_agree_with_the_manifest_where_the_text_shows_one():
    manifest = pd.read_csv(SAMPLE_DIR / "manifest.csv", dtype=str)
    for file, origin in zip(manifest["file"], manifest["origin"]):
        detected, _ = detect_origin((SAMPLE_DIR / file).read_text(encoding="utf-8"))
        assert detected in (None, origin), file


def test_002_photo_credit_is_listed_but_does_not_set_the_origin():
    credits = find_credits(raw_sample("002"))
    assert credits["evidence"].tolist() == ["(AFP/File)", "(AFP/File)"]
    assert set(credits["kind"]) == {"photo"} and set(credits["origin"]) == {"AFP"}
    assert detect_origin(raw_sample("002")) == (None, None)


def test_004_evidence_is_ranked_code_then_interview_then_source_line():
    raw = raw_sample("004")
    credits = find_credits(raw)
    assert credits[["evidence", "origin", "strength"]].values.tolist() == [
        ["told Reuters", "Reuters", 80],
        ["[L5N1GD7JK]", "Reuters", 100],
        ["Source: Ahram online", "Ahram Online", 60],
    ]
    without_code = raw.replace("[L5N1GD7JK]", "")
    assert detect_origin(without_code) == ("Reuters", "told Reuters")
    without_wire = without_code.replace("told Reuters", "said")
    assert detect_origin(without_wire) == ("Ahram Online", "Source: Ahram online")


@pytest.mark.parametrize("prefix", sorted(EXPECTED_ORIGIN))
def test_credit_offsets_point_at_the_evidence(prefix):
    raw = raw_sample(prefix)
    credits = find_credits(raw)
    assert list(credits.columns) == CREDIT_COLUMNS
    for start, end, evidence in zip(credits["start"], credits["end"], credits["evidence"]):
        assert raw[start:end] == evidence


# --------------------------------------------------------------------------- crafted credits

CREDITS = [
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", "AP", "(AP)"),
    ("BEIRUT (Reuters) - Militants attacked a checkpoint.", "Reuters", "(Reuters)"),
    ("PARIS (AFP) - The minister resigned.", "AFP", "(AFP)"),
    ("EL PASO, Texas (AP)\nA gunman opened fire.", "AP", "(AP)"),
    ("The raid failed, a commander told The Associated Press.", "AP", "told The Associated Press"),
    ("The game is up, he told Reuters on Monday.", "Reuters", "told Reuters"),
    ('"It is over," he said in an interview with AFP.', "AFP", "in an interview with AFP"),
    ("the senator told Agence France-Presse on Sunday.", "AFP", "told Agence France-Presse"),
    ("Militants attacked the town.\n— AP", "AP", "— AP"),
    ("Militants attacked the town. — AFP", "AFP", "— AFP"),
    ("Reuters\n\nMilitants attacked the town.", "Reuters", "Reuters"),
    ("Militants fled.\n\nCopyright 2019 The Associated Press. All rights reserved.", "AP",
     "Copyright 2019 The Associated Press"),
    ("Militants fled.\n\nThe Associated Press contributed to this report.", "AP",
     "The Associated Press contributed to this report"),
    ("By JOHN SMITH, Associated Press\n\nMilitants fled.", "AP", "By JOHN SMITH, Associated Press"),
    ("By Jane Doe | Reuters\n\nMilitants fled.", "Reuters", "By Jane Doe | Reuters"),
    ("Militants fled.\nSource: Ahram online", "Ahram Online", "Source: Ahram online"),
    ("Headline\n\nWashington Times:\nFor all the focus on Raqqa, the battle moved.", "The Washington Times",
     "Washington Times:"),
    ("Officials believe he fled. [nL1N1GD0XY]", "Reuters", "[nL1N1GD0XY]"),
]


@pytest.mark.parametrize("text, origin, evidence", CREDITS, ids=[c[2] for c in CREDITS])
def test_crafted_credit_lines(text, origin, evidence):
    assert detect_origin(text) == (origin, evidence)


NOT_CREDITS = [
    "Officials said the raid failed, according to the AP.",
    "Reuters reported the attack first.",
    "Fighters in Raqqa. (AFP/File)",
    "A caption. (AP Photo/Evan Vucci)",
    "ANALYSIS:\n\nMilitants fled.",
    "Source: a senior official who asked not to be named",
    "He told reporters the group had lost Mosul.",
    "The Associated Press Stylebook says otherwise.",
    "",
]


@pytest.mark.parametrize("text", NOT_CREDITS)
def test_text_without_a_story_credit_has_no_origin(text):
    assert detect_origin(text) == (None, None)


def test_outlet_colon_line_counts_only_at_the_top_of_the_page():
    body = "\n".join(f"Paragraph {n} of the story, officials said." for n in range(10))
    assert detect_origin("Washington Times:\n" + body) == ("The Washington Times", "Washington Times:")
    assert detect_origin(body + "\nWashington Times:\n" + body) == (None, None)


def test_stronger_evidence_wins_and_the_first_wins_ties():
    byline_and_interview = "By JOHN SMITH, Associated Press\n\nThe game is up, he told Reuters."
    assert detect_origin(byline_and_interview) == ("Reuters", "told Reuters")
    dateline_and_interview = "WASHINGTON (AP) — The game is up, he told Reuters."
    assert detect_origin(dateline_and_interview) == ("AP", "(AP)")
    two_interviews = "He told the AP on Monday. She told Reuters on Tuesday."
    assert detect_origin(two_interviews) == ("AP", "told the AP")


def test_photo_credit_does_not_beat_a_weaker_story_credit():
    text = "Fighters in Raqqa. (AFP/File)\n\nBy Jane Doe | Reuters\n\nMilitants fled."
    assert detect_origin(text) == ("Reuters", "By Jane Doe | Reuters")


def test_page_metadata_of_an_empty_page_is_all_none():
    assert page_metadata("") == dict.fromkeys(METADATA_KEYS)


def test_page_metadata_reads_a_crafted_page():
    page = ("Militants melt into the desert\n\nBy Jane Doe, Associated Press\n"
            "Published March 3, 2017\n\nMilitants fled into the desert, officials said.\n\n"
            "Other story headlineGMT 15:47 2017 Tuesday ,29 August")
    assert page_metadata(page) == {
        "title": "Militants melt into the desert",
        "author": "Jane Doe, Associated Press",
        "date": "March 3, 2017",
        "origin": "AP",
        "origin_evidence": "By Jane Doe, Associated Press",
    }


def test_non_string_input_is_a_type_error():
    with pytest.raises(TypeError, match="str"):
        detect_origin(None)
    with pytest.raises(TypeError, match="str"):
        page_metadata(b"bytes")


# --------------------------------------------------------------------------- rule files

def _credit_file(tmp_path, **overrides) -> Path:
    rule = {"id": "my_credit", "description": "test", "pattern": r"\((?P<wire>DPA)\)",
            "origin": "{wire}", "strength": 70, "examples": ["BERLIN (DPA) - x"]}
    rule.update(overrides)
    path = tmp_path / "origin.yaml"
    path.write_text(yaml.safe_dump({"credits": [rule], "aliases": {"dpa": "dpa"}}), encoding="utf-8")
    return path


def test_bundled_credit_rules_load_with_descriptions_and_examples():
    rules = load_credit_rules()
    assert {rule.id for rule in rules.rules} >= {"reuters_story_code", "wire_dateline", "wire_interview",
                                                 "source_line", "outlet_colon_line", "wire_byline",
                                                 "photo_credit"}
    assert all(rule.description and rule.examples for rule in rules.rules)
    strengths = {rule.id: rule.strength for rule in rules.rules}
    assert strengths["reuters_story_code"] >= strengths["wire_dateline"] > strengths["wire_interview"]
    assert strengths["wire_interview"] > strengths["source_line"] == strengths["outlet_colon_line"]
    assert strengths["outlet_colon_line"] > strengths["wire_byline"] > strengths["photo_credit"]


def test_custom_credit_file_is_used(tmp_path):
    path = _credit_file(tmp_path)
    assert detect_origin("BERLIN (DPA) - The vote passed.", rules=path) == ("dpa", "(DPA)")
    assert detect_origin("He told Reuters.", rules=path) == (None, None)


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"pattern": "(unclosed"}, "pattern does not compile"),
        ({"origin": "{agency}"}, "that the pattern lacks"),
        ({"strength": -1}, "strength must be a non-negative integer"),
        ({"kind": "video"}, "kind must be one of"),
        ({"where": "bottom"}, "where must be one of"),
        ({"colour": "red"}, "unknown field"),
        ({"examples": ["nothing here"]}, "finds no credit in its own example"),
        ({"counterexamples": ["(DPA)"]}, "finds a credit in its counterexample"),
        ({"needs_one_of": ["dpa"]}, "holds none of needs_one_of"),
        ({"needs_one_of": [""]}, "needs_one_of holds an empty string"),
    ],
)
def test_bad_credit_rule_is_reported_with_file_rule_id_and_problem(tmp_path, overrides, message):
    path = _credit_file(tmp_path, **overrides)
    with pytest.raises(LexiconError) as excinfo:
        load_credit_rules(path)
    text = str(excinfo.value)
    assert str(path) in text and "'my_credit'" in text and message in text


def test_unreadable_credit_file_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        load_credit_rules(tmp_path / "missing.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("credits: [unclosed", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid YAML"):
        load_credit_rules(broken)


def test_docstring_examples_run():
    import doctest

    import framing.origin

    result = doctest.testmod(framing.origin)
    assert result.attempted >= 3 and result.failed == 0


def test_needs_one_of_only_spares_pages_the_pattern_cannot_match():
    """The pre-check must never hide a credit: on every ABP page checked (or the samples), the
    bundled rules give the same credits with and without it."""
    import dataclasses

    from framing.origin import _credit_rows, _resolve_credit_rules

    rules = _resolve_credit_rules(None)
    assert any(rule.needs_one_of for rule in rules.rules)
    unchecked = dataclasses.replace(rules, rules=tuple(dataclasses.replace(rule, needs_one_of=())
                                                        for rule in rules.rules))
    pages = _pages_for_the_pre_check()
    for page in pages:
        assert _credit_rows(page, rules, "test") == _credit_rows(page, unchecked, "test")


def _pages_for_the_pre_check() -> list:
    import os
    from pathlib import Path

    base = Path(os.environ.get("FRAMING_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    abp = base / "data" / "abp" / "articles.parquet"
    pages = [raw_sample(prefix) for prefix in ("000", "001", "002", "003", "004")]
    if abp.is_file():
        texts = pd.read_parquet(abp, columns=["text"])["text"]
        # pages that name a wire, and as many that do not
        wire = texts[texts.str.contains("AP|Reuters|AFP|Associated|Agence|UPI", regex=True)]
        pages += wire.head(1500).tolist() + texts.head(500).tolist()
    return pages
