"""clean_text / clean_with_report / load_rules: furniture goes, every body sentence stays."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing import LexiconError
from conftest import shared_file
from framing.clean import (
    DEFAULT_RULES_PATH,
    clean_text,
    clean_with_report,
    load_rules,
    strip_html,
)

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"


def shared_data(*parts: str) -> Path:
    """A file under the shared data folder, or skip: $FRAMING_SHARED, else ../shared."""
    base = Path(os.environ.get("FRAMING_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    path = base.joinpath("data", *parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (set FRAMING_SHARED to the shared folder to run this test)")
    return path


def squash(text: str) -> str:
    """White space collapsed, so hand-copied sentences compare despite line breaks or NBSPs."""
    return " ".join(text.split())


def raw_sample(prefix: str) -> str:
    (path,) = SAMPLE_DIR.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def manifest_title(prefix: str) -> str | None:
    manifest = pd.read_csv(SAMPLE_DIR / "manifest.csv", dtype=str)
    title = manifest.loc[manifest["file"].str.startswith(prefix), "title"].iloc[0]
    return title if isinstance(title, str) else None


def assert_normalised(cleaned: str) -> None:
    assert cleaned == cleaned.strip()
    assert "\n\n\n" not in cleaned
    assert "\xa0" not in cleaned and "\r" not in cleaned
    assert all(line == line.strip() for line in cleaned.split("\n"))


def assert_report_points_at_raw(raw: str, report: pd.DataFrame) -> None:
    assert list(report.columns) == ["start", "end", "rule", "removed"]
    for start, end, removed in zip(report["start"], report["end"], report["removed"]):
        assert 0 <= start < end <= len(raw)
        assert raw[start:end] == removed
    assert report["start"].is_monotonic_increasing
    # Removals never overlap: each raw character is removed at most once.
    assert (report["start"].iloc[1:].to_numpy() >= report["end"].iloc[:-1].to_numpy()).all()


def assert_report_accounts_for_removals(raw: str, cleaned: str, report: pd.DataFrame) -> None:
    """Deleting the reported spans from the raw text leaves the cleaned text (up to white space)."""
    kept, position = [], 0
    for start, end in zip(report["start"], report["end"]):
        kept.append(raw[position:start])
        position = end
    kept.append(raw[position:])
    assert squash("".join(kept)) == squash(cleaned)


# --------------------------------------------------------------------------- the five samples

# For each article: sentences that must survive (read off the file) and furniture that
# must be gone. Sentences are compared with white space squashed.
SAMPLES = {
    "000": {
        "keep": [
            "BEIRUT: Daesh militants, routed from one urban stronghold after another in Syria, have "
            "recently been moving deeper into Syria’s remote desert, where experts say they are "
            "regrouping and preparing their next incarnation.",
            "That fighting has already diverted resources from the war on Daesh, the top US general in "
            "Iraq, Lt-Gen. Paul Funk, told the AP last week.",
            "“ISIS is on their heels right now and our job is to make sure they don’t recover,” Dunford "
            "said, using an alternative name for the group.",
            "“The lone wolf has nothing to lose. They have nothing to defend now,” Jalal said.",
            "The group is also increasingly reverting to its weapon of choice: Suicide attacks.",
            "Daesh has also carried out deadly attacks in the Iraqi capital, Baghdad, and in western "
            "Iraq’s sprawling Al-Anbar province.",
        ],
        "gone": [
            "With their caliphate in ruins, Daesh militants melt into the desert",
            "Author:", "APMon", "1509302405346856900", "18:43", "Main category", "DaeshIslamic StateISIL",
            "related_nodes", "Lipstick, mixed dancing", "Show More", "Related Articles",
        ],
        "starts": "BEIRUT: Daesh militants",
        "ends": "in western Iraq’s sprawling Al-Anbar province.",
    },
    "001": {
        "keep": [
            "Islamic State fighters who fled into the desert to escape U.S.-backed forces in Syria and "
            "Iraq are now drawing on stashed weapons and ammunition to stage renewed attacks",
            '"Our military campaign in Syria continues," Defense Secretary Jim Mattis said last month.',
            '"For whom is Islamic State the number one priority? It\'s only really for the United '
            'States," said Christopher Phillips, a Syria expert with Chatham House, a London-based '
            "think tank.",
            "In May, the U.S. conducted 225 airstrikes on Islamic State positions--three times as many "
            "as in March, most of them in or around Deir Ezzour.",
            '"It\'s an impossible mission to finish ISIS in the desert," said Fadi Dahouk, a local '
            "journalist from Suweida, referring to another name for Islamic State.",
            "locals say that some people still abide by these rules because they fear the insurgents "
            "may soon return.",
        ],
        "gone": [
            "Syndicated News", "ISIS Remnants Fight On, Despite U.S. Campaign",
            "By Sune Engel Rasmussen", "Type your comment and click", "or register to post a comment.",
            "Bookmark and Share", "* required field", "User ID*",
            "enter user ID or e-mail to recover login credentials",
        ],
        "starts": "Islamic State fighters who fled into the desert",
        "ends": "because they fear the insurgents may soon return.",
    },
    "002": {
        "keep": [
            "Daesh have has some success in Syria, following recent losses in neighbouring Iraq. (AFP/File)",
            "Daesh militants in Iraq are steadily losing ground.",
            "after being repelled by hundreds of IS reinforcement",
            "Today the SDF claim to have killed at least 620 of the militants since beginning their "
            "offensive in early November.",
            "This time they are clearly compensating for their previous defeat by destroying parts of "
            "the city's Roman-era amphitheater. which.",
            "When they lost the Yezidi city of Sinjar to a Kurdish Peshmerga offensive in November 2015 "
            "they launched the infamous Paris attacks in the same month.",
            "continue to plot and organize attacks against their many enemies across the world.",
        ],
        "gone": [
            "Breaking Headline", "ALBAWABA", "Nova Kakhovka", "Dnipro River",
            "Daesh lashes out in Syria following Iraq set backs", "Published February 4th, 2017",
            "12:00 GMT", "You may also like",
        ],
        "starts": "Daesh have has some success in Syria",
        "ends": "against their many enemies across the world.",
    },
    "003": {
        "keep": [
            "For all the focus on the battle to capture Raqqa, the climactic battle against the Islamic "
            "State in Syria may be about to take place",
            "the battleground for the fight against the jihadi group, also known as ISIS or ISIL.",
            "said a command official speaking on the condition of anonymity.",
            "questions over the true strategic importance of the city have only grown louder within "
            "defense and national security circles.",
            # The blogger's closing remarks are kept: they are the repost's own text, not furniture.
            "There is much more.",
            "Syria remains a battle space of many factions.",
            "Iran, Russia, and the Syrian government will continue to try to claim the ground liberated "
            "from ISIS by US backed forces.",
            "This is likely to lead to direct contact with Americans supporting the forces fighting ISIS.",
        ],
        "gone": [
            "ISIS leaders are fleeing to Syrian city of Deir el-Zour in Middle Euphrates River Valley",
            "Washington Times:", "Popular posts from this blog", "Democrats worried about 2018 elections",
            "Obama's hidden corruption that enriched his friends",
            "The Christmas of the survivors of Trump's first year in office?",
        ],
        "starts": "For all the focus on the battle to capture Raqqa",
        "ends": "supporting the forces fighting ISIS.",
    },
    "004": {
        "keep": [
            "U.S. and Iraqi officials believe the leader of IS group, Abu Bakr al-Baghdadi, has left "
            "operational commanders behind with diehard followers to fight the battle of Mosul",
            '"The game is up," U.S. Air Force Brigadier General Matthew Isler told Reuters at the '
            "Qayyara West Airfield south of Mosul",
            "Daesh is an Arabic acronym for Islamic State.",
            '"The inevitability of their destruction just becomes really a matter of time," said Major '
            "General Rupert Jones, deputy commander for the U.S.-led anti-Islamic State coalition, "
            "adding that the group's leadership was now focused on little more than survival.",
            "The last official report about Baghdadi was from the Iraqi military on Feb. 13.",
            '"There will be other commanders rising because the structure of the organisation remains," '
            "said Fadhil Abu Ragheef, an Iraqi security expert specialized in IS affairs",
        ],
        "gone": [
            "[L5N1GD7JK]", "Source: Ahram online", "GMT", "Injured in southern Baghdad blast",
            "Daesh leader arrested in northern Baghdad", "Civil defense, police stations",
            "Maintained and developed by", "All rights reserved", "Arab Today Media Group",
            "Send your comments", "Your comment as a visitor",
        ],
        "starts": "U.S. and Iraqi officials believe the leader of IS group",
        "ends": "an Iraqi security expert specialized in IS affairs",
    },
}
TITLE_MODES = ["no_title", "manifest_title"]


def _clean_sample(prefix: str, mode: str):
    raw = raw_sample(prefix)
    title = manifest_title(prefix) if mode == "manifest_title" else None
    cleaned, report = clean_with_report(raw, title=title)
    return raw, cleaned, report


@pytest.mark.parametrize("mode", TITLE_MODES)
@pytest.mark.parametrize("prefix", sorted(SAMPLES))
def test_sample_keeps_every_listed_sentence(prefix, mode):
    _, cleaned, _ = _clean_sample(prefix, mode)
    expected = SAMPLES[prefix]
    assert len(expected["keep"]) >= 5
    for sentence in expected["keep"]:
        assert squash(sentence) in squash(cleaned), sentence
    assert cleaned.startswith(expected["starts"])
    assert cleaned.endswith(expected["ends"])


@pytest.mark.parametrize("mode", TITLE_MODES)
@pytest.mark.parametrize("prefix", sorted(SAMPLES))
def test_sample_loses_every_listed_furniture_string(prefix, mode):
    raw, cleaned, _ = _clean_sample(prefix, mode)
    gone = SAMPLES[prefix]["gone"]
    assert len(gone) >= 5
    for furniture in gone:
        assert furniture in raw, f"test data error: {furniture!r} is not in the raw page"
        assert furniture not in cleaned, furniture


@pytest.mark.parametrize("mode", TITLE_MODES)
@pytest.mark.parametrize("prefix", sorted(SAMPLES))
def test_sample_report_and_normalisation(prefix, mode):
    raw, cleaned, report = _clean_sample(prefix, mode)
    assert_normalised(cleaned)
    assert_report_points_at_raw(raw, report)
    assert_report_accounts_for_removals(raw, cleaned, report)
    assert clean_text(raw, title=manifest_title(prefix) if mode == "manifest_title" else None) == cleaned
    assert clean_text(cleaned) == cleaned


@pytest.mark.parametrize("prefix", sorted(SAMPLES))
def test_sample_paragraphs_are_separated_by_one_blank_line(prefix):
    _, cleaned, _ = _clean_sample(prefix, "no_title")
    paragraphs = cleaned.split("\n\n")
    # Every line of these pastes is a paragraph: none is hard-wrapped.
    assert all("\n" not in paragraph for paragraph in paragraphs)
    assert len(paragraphs) >= 10


def test_000_metadata_prefix_goes_but_the_sentence_it_is_glued_to_stays():
    raw, cleaned, report = _clean_sample("000", "no_title")
    row = report[report["rule"] == "author_meta"].iloc[0]
    assert row["removed"].startswith("Author:") and row["removed"].endswith("1509302405346856900")
    assert raw[row["end"] : row["end"] + 7] == "BEIRUT:"


def test_002_caption_is_kept_once_and_the_repeat_reported():
    _, cleaned, report = _clean_sample("002", "manifest_title")
    caption = "Daesh have has some success in Syria, following recent losses in neighbouring Iraq. (AFP/File)"
    assert cleaned.count(caption) == 1
    assert report.loc[report["rule"] == "duplicate_line", "removed"].tolist() == [caption]


def test_002_ticker_about_another_story_goes_with_its_heading():
    _, _, report = _clean_sample("002", "manifest_title")
    ticker = report[report["rule"] == "breaking_ticker"]["removed"].tolist()
    assert ticker[0] == "Breaking Headline"
    assert ticker[1].startswith("ALBAWABA - Russian-occupied Nova Kakhovka") and ticker[1].endswith("...")


def test_003_blog_closing_remarks_stay_in_order_after_the_article():
    _, cleaned, _ = _clean_sample("003", "no_title")
    before, closing, last = cleaned.split("\n\n")[-3:]
    assert before.endswith("within defense and national security circles.")
    assert closing == "There is much more."
    # One pasted line: the NBSP-padded gaps between its sentences become plain spaces.
    assert last.startswith("Syria remains a battle space of many factions.  Iran, Russia")
    assert last.endswith("This is likely to lead to direct contact with Americans supporting the forces fighting ISIS.")


def test_004_subheadings_inside_the_body_are_kept_as_their_own_paragraphs():
    _, cleaned, _ = _clean_sample("004", "no_title")
    paragraphs = cleaned.split("\n\n")
    assert "ISOLATED" in paragraphs
    assert '"GAME IS UP"' in paragraphs


def test_004_story_code_goes_but_its_sentence_stays():
    raw, cleaned, report = _clean_sample("004", "no_title")
    assert report.loc[report["rule"] == "story_code", "removed"].tolist() == [" [L5N1GD7JK]"]
    assert "little more than survival.\n\nThe last official report" in cleaned


def test_samples_report_the_expected_rules():
    fired = {prefix: set(_clean_sample(prefix, "no_title")[2]["rule"]) for prefix in SAMPLES}
    assert fired["000"] == {"headline", "author_meta", "tag_line", "more_button", "related_marker"}
    assert {"syndication_label", "headline", "byline", "comment_prompt", "login_prompt", "share_bar"} == fired["001"]
    assert {"breaking_ticker", "headline", "published_line", "duplicate_line", "related_marker"} == fired["002"]
    assert fired["003"] == {"headline", "outlet_credit", "popular_marker"}
    assert {"story_code", "source_credit", "timestamp_line", "maintained_by", "copyright",
            "comment_prompt"} == fired["004"]


def test_with_title_the_headline_is_removed_by_the_title_rule():
    for prefix in ["000", "001", "002", "003"]:
        _, _, report = _clean_sample(prefix, "manifest_title")
        titles = report.loc[report["rule"] == "title_line", "removed"].tolist()
        assert titles == [manifest_title(prefix)]
        assert "headline" not in set(report["rule"])


# --------------------------------------------------------------------------- each rule, crafted

BODY = [
    "Militants fled into the desert after the fall of the city, officials said on Monday.",
    "The coalition said it would keep up air strikes against the group's remaining positions.",
    "Analysts warned that the group could regroup in remote areas along the border.",
]

# (rule id, furniture line, where it goes: "head", "tail", "body" or "inline" = glued into a
# body sentence, what must be removed)
CRAFTED = [
    ("comment_prompt", "Leave a Reply", "tail", "Leave a Reply"),
    ("login_prompt", "You must log in to post a comment.", "tail", "You must log in to post a comment."),
    ("share_bar", "Share this article", "tail", "Share this article"),
    ("follow_prompt", "Follow @framingnews", "tail", "Follow @framingnews"),
    ("related_marker", "Related Stories", "tail", "Related Stories"),
    ("more_button", "Load more", "tail", "Load more"),
    ("popular_marker", "Most Read", "tail", "Most Read"),
    ("page_prompt", "Story Continued Below", "body", "Story Continued Below"),
    ("page_prompt", "Sign up for Daily Newsletters Manage Newsletters", "body",
     "Sign up for Daily Newsletters Manage Newsletters"),
    ("breaking_ticker", "Breaking News", "head", "Breaking News"),
    ("related_link_line", "READ MORE: Iraq declares victory over the militants", "body",
     "READ MORE: Iraq declares victory over the militants"),
    ("tag_line", "Tags: Iraq, Syria, Mosul", "tail", "Tags: Iraq, Syria, Mosul"),
    ("copyright", "© 2018 Example News Ltd. All rights reserved.", "tail",
     "© 2018 Example News Ltd. All rights reserved."),
    ("maintained_by", "Designed and developed by Example Media Group.", "tail",
     "Designed and developed by Example Media Group."),
    ("powered_by", "Powered by WordPress", "tail", "Powered by WordPress"),
    ("ad_label", "Advertisement", "body", "Advertisement"),
    ("author_meta", "Author: Staff, 2018-07-01 09:15ID: 42", "inline", "Author: Staff, 2018-07-01 09:15ID: 42"),
    ("story_code", " [nL1N1GD0XY]", "inline_end", " [nL1N1GD0XY]"),
    ("image_credit_prefix", "Image copyright Reuters Image caption ", "inline",
     "Image copyright Reuters Image caption "),
    ("media_widget", "Media playback is unsupported on your device ", "inline",
     "Media playback is unsupported on your device "),
    ("caption_label", "Media caption ", "inline", "Media caption "),
    ("gallery_caption_counter", " Hide Caption 36 of 37", "inline_end", " Hide Caption 36 of 37"),
    ("story_highlights_label", "Story highlights ", "inline", "Story highlights "),
    ("video_playlist", "JUST WATCHED Obamacare limits doctors' gun questions Replay More Videos ... MUST WATCH "
     "Obamacare limits doctors' gun questions 05:09", "body", "JUST WATCHED Obamacare limits doctors' gun questions"),
    ("video_playlist", "JUST WATCHED Toobin: Not a good day Replay More Videos ... MUST WATCH ", "inline",
     "Replay More Videos ... MUST WATCH"),
    ("byline", "By Jane Doe and John Roe, Associated Press", "head", "By Jane Doe and John Roe, Associated Press"),
    ("published_line", "Updated: March 3, 2017 at 10:45 a.m.", "head", "Updated: March 3, 2017 at 10:45 a.m."),
    ("date_line", "Monday, 3 July 2017", "head", "Monday, 3 July 2017"),
    ("syndication_label", "Syndicated Content", "head", "Syndicated Content"),
    ("source_credit", "Source: Al-Monitor", "tail", "Source: Al-Monitor"),
    ("outlet_credit", "The Daily Star:", "head", "The Daily Star:"),
    ("reporting_credit", "(Reporting by Jane Doe; Editing by John Roe)", "tail",
     "(Reporting by Jane Doe; Editing by John Roe)"),
    ("timestamp_line", "Three killed in Baghdad car bombingGMT 09:12 2017 Friday ,1 September", "tail",
     "Three killed in Baghdad car bombingGMT 09:12 2017 Friday ,1 September"),
    ("run_together_headlines",
     "Iraq retakes Tal AfarKurds vote on independenceTurkey closes the border crossing", "tail",
     "Iraq retakes Tal AfarKurds vote on independenceTurkey closes the border crossing"),
    ("nav_run", "Home\nWorld\nMiddle East\nOpinion", "tail", "Middle East"),
    ("duplicate_line", BODY[0], "after_first", BODY[0]),
]


def _crafted_page(line: str, where: str) -> str:
    body = list(BODY)
    if where == "head":
        return "\n\n".join([line, *body])
    if where == "tail":
        return "\n\n".join([*body, line])
    if where == "body":
        return "\n\n".join([body[0], line, *body[1:]])
    if where == "inline":
        return "\n\n".join([line + body[0], *body[1:]])
    if where == "inline_end":
        return "\n\n".join([body[0] + line, *body[1:]])
    if where == "after_first":
        return "\n\n".join([body[0], line, *body[1:]])
    raise AssertionError(where)


@pytest.mark.parametrize("rule_id, line, where, removed", CRAFTED, ids=[c[0] for c in CRAFTED])
def test_each_rule_removes_its_furniture_and_keeps_the_body(rule_id, line, where, removed):
    page = _crafted_page(line, where)
    cleaned, report = clean_with_report(page)
    assert cleaned == "\n\n".join(BODY)
    assert rule_id in set(report["rule"])
    assert removed in " ".join(report["removed"])
    assert_report_points_at_raw(page, report)


def test_every_rule_and_heuristic_has_a_crafted_case():
    crafted = {case[0] for case in CRAFTED} | {"title_line", "headline", "profile_card"}
    assert set(load_rules().ids) == crafted


def test_title_line_matches_ignoring_case_spacing_quotes_and_final_period():
    page = "ISIS  Remnants ‘Fight On’, despite U.S. campaign.\n\n" + "\n\n".join(BODY)
    cleaned, report = clean_with_report(page, title="ISIS Remnants 'Fight On', Despite U.S. Campaign")
    assert cleaned == "\n\n".join(BODY)
    assert report["rule"].tolist() == ["title_line"]


def test_headline_without_title_needs_a_byline_or_the_body_after_it():
    assert clean_text("Militants melt into the desert\n\n" + BODY[0]) == BODY[0]
    assert clean_text("Militants melt into the desert\nBy Jane Doe\n" + BODY[0]) == BODY[0]
    # A short first line followed by another short line is not taken for a headline.
    page = "Militants melt into the desert\n\nA short second line\n\n" + BODY[0]
    assert clean_text(page) == page


def test_headline_heuristic_is_off_when_a_title_is_given():
    page = "From the Left\n\n" + BODY[0]
    assert clean_text(page, title="Bernie Surges") == page
    assert clean_text(page) == BODY[0]


def test_marker_takes_the_teaser_headlines_and_snippet_after_it():
    page = "\n\n".join([*BODY, "You may also like", "Iraq retakes Tal Afar",
                       "Kurds vote on independence", "Turkish forces crossed the border on Sunday and ..."])
    cleaned, report = clean_with_report(page)
    assert cleaned == "\n\n".join(BODY)
    assert set(report["rule"]) == {"related_marker"}


def test_teaser_run_stops_at_the_next_body_paragraph():
    page = "\n\n".join([BODY[0], "Related:", "Iraq retakes Tal Afar", BODY[1], "ISOLATED", BODY[2]])
    assert clean_text(page) == "\n\n".join([BODY[0], BODY[1], "ISOLATED", BODY[2]])


def test_hard_wrapped_lines_stay_together():
    page = "Militants fled into the desert after the fall\nof the city, officials said on Monday.\n\n" + BODY[1]
    assert clean_text(page) == page


# --------------------------------------------------------------------------- traps

TRAPS = [
    "Related articles in the press described the raid in detail, officials said.",
    "The union said all rights reserved under the old contract would be honoured.",
    "The site's copyright notice was ignored, he said.",
    "The website is maintained and developed by volunteers, she said.",
    "At 10:30 GMT on Tuesday, 29 August 2017, the bomb went off near the market.",
    "By Monday night the rebels had fled the town, witnesses said.",
    "Share prices fell sharply on Monday.",
    "Show more restraint, the UN envoy urged both sides.",
    "Breaking news is hard to verify, the editor said.",
    "Source: officials said the raid had been planned for months.",
    "Users of WhatsApp and PlayStation reported outages across the region.",
    "ISOLATED",
    '"GAME IS UP"',
    "18:30 GMT - Working dinner",
    "Your comments on the bill were harsh, she told him.",
    "Tags on the luggage were checked, officials said.",
]


@pytest.mark.parametrize("trap", TRAPS)
def test_body_lines_that_look_like_furniture_survive(trap):
    page = "\n\n".join([BODY[0], trap, BODY[1]])
    cleaned, report = clean_with_report(page)
    assert cleaned == page, report.to_dict("records")


def test_tweet_embed_with_handles_and_date_survives():
    tweet = ("Fake News Equals the Enemy of the People! — Donald J. Trump (@realDonaldTrump) "
             "July 22, 2019")
    page = "\n\n".join([BODY[0], tweet, BODY[1]])
    assert clean_text(page) == page


def test_short_label_lines_that_repeat_are_data_not_duplicates():
    page = "\n\n".join([BODY[0], "ATTACKER: Unidentified", "ATTACKER: Unidentified", BODY[1]])
    assert clean_text(page) == page


def test_a_sentence_repeated_a_paragraph_later_is_kept():
    page = "\n\n".join([BODY[0], BODY[1], BODY[0]])
    assert clean_text(page) == page


def test_a_bare_date_after_the_body_stays_only_in_the_head_it_goes():
    assert clean_text("\n\n".join([*BODY, "October, 2016"])).endswith("October, 2016")
    assert clean_text("\n\n".join(["October 30, 2016", *BODY])) == "\n\n".join(BODY)


def test_data_rows_after_the_body_are_not_a_navigation_menu():
    rows = ["KARAK, JORDAN", "TARGET: 10 killed", "ATTACKER: Unknown", "October, 2016"]
    page = "\n\n".join([*BODY, *rows])
    assert clean_text(page) == page


def test_outlet_colon_line_inside_the_body_is_kept():
    page = "\n\n".join([BODY[0], "Washington Times:", BODY[1]])
    assert clean_text(page) == page


# --------------------------------------------------------------------------- odd inputs

@pytest.mark.parametrize("text", ["", " ", "\n\n\t \r\n", "\xa0\u2028\u2029"])
def test_empty_and_whitespace_give_empty_text_and_report(text):
    cleaned, report = clean_with_report(text)
    assert cleaned == ""
    assert report.empty and list(report.columns) == ["start", "end", "rule", "removed"]
    assert str(report["start"].dtype) == "int64"


def test_single_line_without_newline_is_kept():
    assert clean_text("The army said 20 people died.") == "The army said 20 people died."


def test_windows_and_old_mac_line_endings():
    page = "\r\n\r\n".join(BODY) + "\r\nShow More\rRelated Articles"
    cleaned, report = clean_with_report(page)
    assert cleaned == "\n\n".join(BODY)
    assert_report_points_at_raw(page, report)


def test_no_break_spaces_become_plain_spaces():
    assert clean_text("Iraqi forces\xa0recaptured\xa0the city.") == "Iraqi forces recaptured the city."


@pytest.mark.parametrize("unit", ["word ", "a", "[L5N1GD7JK", "Author: x", "© a ", "By Abc ", "12:30 ", "abcDef "])
def test_five_megabyte_single_line_is_fast(unit):
    text = unit * (5_000_000 // len(unit))
    started = time.perf_counter()
    cleaned = clean_text(text)
    assert time.perf_counter() - started < 10
    assert squash(cleaned) == squash(text)


def test_a_megabyte_of_story_codes_is_cut_in_linear_time():
    text = "Officials said so." + " [L5N1GD7JK]" * 90_000
    started = time.perf_counter()
    cleaned, report = clean_with_report(text)
    assert time.perf_counter() - started < 10
    assert cleaned == "Officials said so." and len(report) == 90_000


def test_non_string_input_is_a_type_error():
    with pytest.raises(TypeError, match="str"):
        clean_text(None)
    with pytest.raises(TypeError, match="rules"):
        clean_text("x", rules=42)


FRAGMENTS = [
    *BODY, "Show More", "Related Articles", "By Jane Doe", "Breaking Headline", "ISOLATED",
    "Published February 4th, 2017 - 12:00 GMT", "1 killed in blastGMT 15:45 2017 Tuesday ,29 August",
    "All rights reserved.", "Author: X, 2017-10-30 18:43ID: 1BEIRUT: Daesh fled.", "[L5N1GD7JK]",
    "Washington Times:", "Home", "News", "Militants melt into the desert", "Story ends ...", "and then",
    "Daesh have has some success in Syria, following recent losses in neighbouring Iraq. (AFP/File)",
]
pieces = st.one_of(st.text(max_size=40), st.sampled_from(FRAGMENTS))
separators = st.sampled_from(["\n", "\n\n", "\r\n", " ", "", "\n \n\n\xa0"])


@st.composite
def pasted_pages(draw):
    parts = draw(st.lists(pieces, max_size=25))
    page = ""
    for part in parts:
        page += part + draw(separators)
    return page


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=pasted_pages(), title=st.one_of(st.none(), st.sampled_from(FRAGMENTS), st.text(max_size=20)))
def test_property_never_raises_and_cleaning_twice_changes_nothing(page, title):
    cleaned, report = clean_with_report(page, title=title)
    assert clean_text(page, title=title) == cleaned
    assert_normalised(cleaned)
    assert_report_points_at_raw(page, report)
    assert_report_accounts_for_removals(page, cleaned, report)
    assert clean_text(cleaned, title=title) == cleaned


# --------------------------------------------------------------------------- rule files

def _write_rules(tmp_path, data) -> Path:
    path = tmp_path / "furniture.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _one_rule(**overrides) -> dict:
    rule = {"id": "my_rule", "description": "test rule", "kind": "line",
            "pattern": "^Sponsored by .+$", "examples": ["Sponsored by Acme"]}
    rule.update(overrides)
    return {"rules": [rule]}


def test_bundled_rules_load_with_descriptions_and_examples():
    rules = load_rules()
    assert rules.source == str(DEFAULT_RULES_PATH)
    assert len(rules.rules) >= 20
    for rule in rules.rules:
        assert rule.description and rule.examples


def test_custom_rule_file_is_used(tmp_path):
    path = _write_rules(tmp_path, _one_rule())
    page = "\n\n".join([BODY[0], "Sponsored by Acme", "Show More"])
    cleaned, report = clean_with_report(page, rules=path)
    # Only the custom rule runs: "Show More" is not in this file, and no heuristics are on.
    assert cleaned == "\n\n".join([BODY[0], "Show More"])
    assert report["rule"].tolist() == ["my_rule"]
    assert clean_text(page, rules=load_rules(path)) == cleaned
    assert clean_text(page, rules=_one_rule()) == cleaned


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"pattern": "(unclosed"}, "pattern does not compile"),
        ({"kind": "paragraph"}, "kind must be one of"),
        ({"colour": "red"}, "unknown field"),
        ({"examples": []}, "needs at least one example"),
        ({"examples": ["Not furniture at all"]}, "does not remove its own example"),
        ({"counterexamples": ["Sponsored by Acme"]}, "removes its counterexample"),
        ({"where": "middle"}, "where must be one of"),
        ({"check": "looks_fishy"}, "check must be one of"),
        ({"max_words": 0}, "max_words must be a positive integer"),
        ({"kind": "marker"}, "markers need then"),
        ({"requires": "Acme Corp"}, "lacks the required text"),
        ({"requires": ""}, "requires must be a non-empty string"),
    ],
)
def test_bad_rule_is_reported_with_file_rule_id_and_problem(tmp_path, overrides, message):
    path = _write_rules(tmp_path, _one_rule(**overrides))
    with pytest.raises(LexiconError) as excinfo:
        load_rules(path)
    text = str(excinfo.value)
    assert str(path) in text and "'my_rule'" in text and message in text


def test_duplicate_ids_and_unknown_heuristics_are_errors(tmp_path):
    data = _one_rule()
    data["rules"].append(dict(data["rules"][0]))
    with pytest.raises(LexiconError, match="duplicate id"):
        load_rules(_write_rules(tmp_path, data))
    data = _one_rule()
    data["heuristics"] = [{"id": "guess_everything", "description": "x", "example": "y"}]
    with pytest.raises(LexiconError, match="unknown"):
        load_rules(_write_rules(tmp_path, data))
    data["heuristics"] = [{"id": "nav_run", "description": "x", "example": "y", "max_words": -1}]
    with pytest.raises(LexiconError, match="positive integer"):
        load_rules(_write_rules(tmp_path, data))


def test_unreadable_or_malformed_files_are_errors(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        load_rules(tmp_path / "missing.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("rules: [unclosed", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid YAML"):
        load_rules(broken)
    not_a_mapping = tmp_path / "list.yaml"
    not_a_mapping.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="'rules' list"):
        load_rules(not_a_mapping)


def test_rule_files_are_read_with_safe_load(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("rules: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid YAML"):
        load_rules(path)


# --------------------------------------------------------------------------- html fallback

def test_strip_html_keeps_visible_text_one_block_per_line():
    html = ("<html><head><title>T</title><style>p{}</style></head><body><nav>Home</nav>"
            "<p>Militants fled &amp; regrouped.</p><script>var x = 1;</script><p>Officials said so.</p>"
            "</body></html>")
    assert strip_html(html) == "Home\n\nMilitants fled & regrouped.\n\nOfficials said so."


# --------------------------------------------------------------------------- real corpora

def _removed_share(texts, titles, leave_out=()) -> tuple[float, list]:
    """Share of the characters the rules remove (those of ``leave_out`` not counted), and the reports."""
    chars = removed = 0
    reports = []
    for text, title in zip(texts, titles):
        cleaned, report = clean_with_report(text, title=title)
        chars += len(text)
        counted = report[~report["rule"].isin(list(leave_out))]
        removed += int(counted["removed"].str.len().sum())
        reports.append((text, cleaned, report))
    return removed / chars, reports


def test_abp_furniture_goes_and_little_else():
    abp = pd.read_parquet(shared_data("abp", "articles.parquet"), columns=["text", "title"]).iloc[:300]
    share, reports = _removed_share(abp["text"], abp["title"], leave_out=_LABEL_RULES)
    assert 0.002 < share < 0.02
    label_chars = 0
    for (text, cleaned, report), title in zip(reports, abp["title"]):
        # The label rules take nothing but their label: "Hide Caption 36 of 37", "Media caption ".
        labels = report[report["rule"].isin(list(_LABEL_RULES))]
        assert all(_LABEL_RULES[rule].fullmatch(removed) for rule, removed in zip(labels["rule"], labels["removed"]))
        label_chars += int(labels["removed"].str.len().sum())
        assert "Read or Share this story:" not in cleaned
        assert not re.search(r"(?m)^Copyright © \d{4} The Washington Times", cleaned)
        assert_report_points_at_raw(text, report)
        assert clean_text(cleaned, title=title) == cleaned
    assert label_chars < 0.001 * sum(len(text) for text, _, _ in reports)


# Span rules that take only a label or counter; their removals are checked exactly.
_LABEL_RULES = {"caption_label": re.compile(r"(?:Media|Image)\s+caption\s+"),
                "gallery_caption_counter": re.compile(r"\s?Hide Caption \d{1,3} of \d{1,3}"),
                "story_highlights_label": re.compile(r"Story highlights\s+", re.IGNORECASE)}


def test_basil_clean_bodies_lose_only_their_headline_and_no_annotated_span():
    articles = pd.read_json(shared_data("basil", "articles.jsonl"), lines=True, dtype=False)
    spans = pd.read_json(shared_data("basil", "spans.jsonl"), lines=True, dtype=False)
    spans = spans[spans["field"] == "body"].groupby("doc_id")
    share, reports = _removed_share(articles["text"], articles["title"])
    assert share < 0.005
    for doc_id, (_, _, report) in zip(articles["doc_id"], reports):
        assert set(report["rule"]) <= {"title_line"}, report.to_dict("records")
        if doc_id in spans.groups and len(report):
            for start, end in zip(spans.get_group(doc_id)["start"], spans.get_group(doc_id)["end"]):
                assert not ((report["start"] < end) & (report["end"] > start)).any()


def test_polnear_clean_bodies_keep_almost_every_annotated_attribution():
    articles = pd.read_json(shared_data("polnear", "articles.jsonl"), lines=True, dtype=False)
    attributions = pd.read_json(shared_data("polnear", "attributions.jsonl"), lines=True, dtype=False)
    by_doc = attributions.groupby("doc_id")
    share, reports = _removed_share(articles["text"], [None] * len(articles))
    assert share < 0.003  # without titles: the headline line ends with a period, so it stays
    total = sum(len(row.cue) + len(row.content) + len(row.source) for row in attributions.itertuples())
    hit = 0
    for doc_id, (_, _, report) in zip(articles["doc_id"], reports):
        removed = list(zip(report["start"], report["end"]))
        if not removed or doc_id not in by_doc.groups:
            continue
        for row in by_doc.get_group(doc_id).itertuples():
            for start, end in [*row.cue, *row.content, *row.source]:
                hit += any(a < end and start < b for a, b in removed)
    # The only overlaps are live-blog entry headings glued to a comment widget in one
    # HuffPost article (measured: 33 of 60,402 spans).
    assert total > 50_000
    assert hit / total < 0.001


def test_docstring_examples_run():
    import doctest

    import framing.clean

    result = doctest.testmod(framing.clean)
    assert result.attempted >= 3 and result.failed == 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .:\t\u00a0\u2007\u202f\u2028\x1c\x85ß"))))
def test_word_count_is_the_number_of_non_space_runs(text):
    import re

    from framing.clean import _count_words

    assert _count_words(text) == len(re.findall(r"\S+", text))


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab .:\u2019\u00a0\tß")), min_size=1),
       st.text(alphabet=st.sampled_from(list("Ab .:\u2019\u00a0\tß")), min_size=1))
def test_title_pre_check_never_hides_a_title_line(title, line_text):
    """The cheap word-count test may only say no when the keys really differ."""
    from framing.clean import _Line, _Scanner, _count_words, _title_key, load_rules

    if not title.strip() or not line_text.strip():
        return
    scanner = _Scanner("", title, load_rules())
    line = _Line(0, len(line_text), line_text.strip(), True, _count_words(line_text.strip()))
    if scanner.title_key and _title_key(line.text) == scanner.title_key:  # an empty key never removes
        assert scanner._may_be_title(line)


@pytest.mark.parametrize("card, kept", [
    ("Sen. Brian Schatz Brian Emanuel SchatzAppropriators fume over reports of Trump plan Senate confirms "
     "Trump pick MORE (D-Hawaii)", "Sen. Brian Schatz (D-Hawaii)"),
    ("Senate Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnellGOP senators balk at lengthy "
     "impeachment trial MORE (R-Ky.)", "Senate Majority Leader Mitch McConnell (R-Ky.)"),
])
def test_profile_cards_go_and_the_name_stays(card, kept):
    page = "\n\n".join([f"“It is over,” said {card}.", *BODY])
    cleaned, report = clean_with_report(page)
    assert cleaned == "\n\n".join([f"“It is over,” said {kept}.", *BODY])
    assert "profile_card" in set(report["rule"])
    assert_report_points_at_raw(page, report)



_CARD = re.compile(r"(?P<surname>[A-Z][\w'’-]+) (?:\(?[A-Z][\w'’.-]*\)? ){0,5}(?P=surname)[A-Z][^\n]{1,600}? MORE\b")


def _abp_texts(mask) -> list[str]:
    frame = pd.read_parquet(shared_file("abp", "articles.parquet"))
    return frame.loc[mask(frame), "text"].head(100).tolist()


def test_video_playlists_go_from_real_cnn_articles():
    raw = _abp_texts(lambda f: f["text"].str.contains("Replay More Videos", regex=False))
    assert len(raw) == 100
    assert not any("Replay More Videos" in clean_text(text) for text in raw)


def test_profile_cards_go_from_real_hill_articles_and_the_names_stay():
    raw = _abp_texts(lambda f: (f["source"] == "The Hill") & f["text"].str.contains(" MORE", regex=False))
    cleaned = [clean_text(text) for text in raw]
    assert sum(len(_CARD.findall(text)) for text in raw) >= 200
    assert sum(len(_CARD.findall(text)) for text in cleaned) == 0
    for before, after in zip(raw, cleaned):
        for card in _CARD.finditer(before):
            assert card.group("surname") in after  # the name before the card stays
