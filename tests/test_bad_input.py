"""Hostile and broken input: every case ends in a clear error or a result with warnings;
never an uncaught exception, a hang, a lost row or a file written outside the output folder."""

from __future__ import annotations

import time
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import framing
from framing import CorpusError, FramingError, FramingWarning


def load_quietly(*args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        return framing.load_corpus(*args, **kwargs)


def assert_offsets_valid(corpus, matches):
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    for row in matches.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.match
        if pd.notna(row.speaker_start):
            assert texts[row.doc_id][int(row.speaker_start):int(row.speaker_end)] == row.speaker


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_text_files_in_other_encodings(tmp_path, encoding):
    text = "Officials said the r\u00e9gime fell; \u00ab\u00a0caliphate\u00a0\u00bb, they claimed."
    if encoding == "latin-1":
        text = text.replace("\u00ab\u00a0", '"').replace("\u00a0\u00bb", '"')
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    with pytest.warns(FramingWarning) if encoding in ("latin-1", "cp1252") else warnings.catch_warnings():
        corpus = framing.load_corpus(path, clean=False)
    assert corpus.loc[0, "raw_text"] == text
    if encoding == "utf-16":
        assert "\ufeff" not in corpus.loc[0, "text"]


def test_mixed_encodings_in_one_file(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes("text,source\n".encode() + "caf\u00e9 said \u2018no\u2019,A\n".encode("utf-8")
                     + "na\u00efve claim,B\n".encode("cp1252"))
    with pytest.warns(FramingWarning, match=r"1 byte sequence\(s\) were not valid utf-8"):
        corpus = framing.load_corpus(path)
    assert corpus["raw_text"].tolist() == ["caf\u00e9 said \u2018no\u2019", "na\u00efve claim"]


def test_nul_and_control_characters(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b'text,source\n"Officials\x00 said\x07 the \x1bregime fell.",A\n')
    with pytest.warns(FramingWarning, match=r"1 NUL character"):
        corpus = framing.load_corpus(path)
    assert "\x00" not in corpus.loc[0, "text"]
    matches = framing.extract(corpus, on_error="raise")
    assert_offsets_valid(corpus, matches)
    assert "say" in set(matches["label"])


def test_html_entities_and_leftover_tags_become_text():
    frame = pd.DataFrame({"text": ["<p>Officials said the regime &amp; the rebels met.</p><br/>"
                                   "They claimed &#8220;victory&#8221;.", "Plain text: a < b & c > d."],
                          "source": ["A", "B"]})
    with pytest.warns(FramingWarning, match=r"1 article\(s\) contained HTML tags or entities"):
        corpus = framing.load_corpus(frame)
    assert corpus.loc[0, "text"].startswith("Officials said the regime & the rebels met.")
    assert "\u201cvictory\u201d" in corpus.loc[0, "text"] and "<p>" not in corpus.loc[0, "text"]
    assert corpus.loc[1, "text"] == "Plain text: a < b & c > d."  # not markup: untouched
    assert corpus.loc[0, "raw_text"] == frame.loc[0, "text"]


# --------------------------------------------------------------------------- sizes and shapes


def test_a_very_long_single_line_text_is_processed_in_linear_time():
    sentence = "Officials said the so-called \u201ccaliphate\u201d may fall, and rebels claimed the town. "
    small = sentence * 2_000
    large = sentence * 20_000
    timings = []
    for text in (small, large):
        corpus = pd.DataFrame({"doc_id": ["a"], "text": [text], "source": ["A"]})
        started = time.perf_counter()
        matches = framing.extract(corpus, on_error="raise")
        timings.append(time.perf_counter() - started)
        assert (matches["label"] == "say").sum() == text.count(" said ")
    # ten times the text may take at most ~25 times as long (noise allowance), never quadratic (100x)
    assert timings[1] < 25 * timings[0] + 1.0, timings


def test_fifty_megabyte_single_line_loads_and_extracts():
    text = ("The committee met again on Tuesday and the debate went on for hours " * 740_000)[:50_000_000]
    corpus = load_quietly(pd.DataFrame({"text": [text], "source": ["A"]}))
    assert len(corpus.loc[0, "text"]) > 49_000_000
    matches = framing.extract(corpus, on_error="raise", features=["naming"])
    assert matches.empty


def test_zero_length_whitespace_and_missing_texts_are_kept():
    frame = pd.DataFrame({"text": ["", "   \n\t ", None, "Rebels said so."], "source": list("ABCD")})
    corpus = load_quietly(frame)
    matches = framing.extract(corpus, on_error="raise")
    docs = framing.doc_features(corpus, matches, sentiment=True)
    assert len(docs) == 4 and docs["n_tokens"].tolist() == [0, 0, 0, 3]
    assert docs["rate:attribution:neutral"].isna().tolist() == [True, True, True, False]


@pytest.mark.parametrize("text", [
    "\u00abLe califat\u00bb, a dit le ministre. \u201eDas Kalifat\u201c, sagte er. \u2039Oui\u203a, dit-il.",
    "He said ''the caliphate is over'' and \"left. She said \u201cno \u2018never\u2019 again\u201d.",
    "\"Unclosed quotation runs on\n\nand stops at the paragraph. Officials said so.",
    "\u05d4\u05de\u05dc\u05d9\u05e6\u05d9\u05d4 said \u0627\u0644\u062f\u0648\u0644\u0629 \u201cDaesh\u201d \U0001f600 ISIS \u202eclaimed\u202c.",
    "\"\"\"\"\"''''\u201c\u201c\u201d\u201d\u00ab\u00bb\u00ab said ISIS",
])
def test_exotic_unbalanced_and_nested_quotation_marks(text):
    corpus = pd.DataFrame({"doc_id": ["a"], "text": [text], "source": ["A"]})
    matches = framing.extract(corpus, on_error="raise")
    assert_offsets_valid(corpus, matches)
    framing.doc_features(corpus, matches, sentiment=True)


# --------------------------------------------------------------------------- end to end fuzz

_weird = st.one_of(
    st.text(alphabet=st.sampled_from(list(
        "abc XYZ.,;:!?-'\"\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\n\t\x00\x07<>&#;/\\\u05d0\u0627\U0001f600"
        "0123456789")), max_size=10),
    st.sampled_from([" said ", " ISIS ", " Daesh ", " claimed ", " so-called ", " may ",
                     " according to ", "<p>", "&amp;", " regime ", "\u201c", "\u201d", " officials "]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(st.lists(st.tuples(st.lists(_weird, max_size=12).map("".join),
                          st.sampled_from(["A", "B", "../../etc/passwd", "CON", "<b>x</b>"])),
                min_size=1, max_size=6))
def test_fuzz_load_extract_features_stats(rows):
    frame = pd.DataFrame({"text": [t for t, _ in rows], "source": [s for _, s in rows]})
    corpus = load_quietly(frame)
    assert len(corpus) == len(frame)  # no lost row
    matches = framing.extract(corpus, on_error="raise")
    assert_offsets_valid(corpus, matches)
    docs = framing.doc_features(corpus, matches, sentiment=False)
    assert docs["doc_id"].tolist() == corpus["doc_id"].tolist()
    try:
        rates = framing.stats.compare_rates(docs, by="source", features=["stance"], n_boot=20,
                                            n_perm=20, pairs=False)
    except FramingError as exc:  # too few groups or articles: a clear message, not a crash
        assert "need" in str(exc) or "group" in str(exc) or "article" in str(exc)
    else:
        assert set(rates.columns) >= {"estimate", "ci_low", "ci_high", "p", "q"}
