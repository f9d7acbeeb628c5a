"""load_corpus / load_sample: every input kind gives the corpus table; bad input gets clear errors."""

from __future__ import annotations

import hashlib
import json
import warnings

import numpy as np
import pandas as pd
import pytest

import framing
from framing import CorpusError, FramingWarning

from conftest import SAMPLE, shared_file

REQUIRED = ["doc_id", "source", "origin", "date", "date_precision", "title", "author", "url",
            "text", "raw_text"]


def _quiet_load(*args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        return framing.load_corpus(*args, **kwargs)


def assert_corpus_table(corpus: pd.DataFrame) -> None:
    for column in REQUIRED:
        assert column in corpus.columns, column
    assert corpus["doc_id"].is_unique
    assert pd.api.types.is_datetime64_any_dtype(corpus["date"])
    assert all(isinstance(t, str) for t in corpus["text"])
    assert all(isinstance(s, str) and s for s in corpus["source"])


# --------------------------------------------------------------------------- the sample


def test_load_sample_has_five_clean_articles_with_source_and_origin(sample_corpus):
    assert_corpus_table(sample_corpus)
    assert len(sample_corpus) == 5
    by_file = sample_corpus.set_index(sample_corpus["doc_id"].str[:3])
    assert by_file.loc["000", "source"] == "Arab News"
    assert by_file.loc["000", "origin"] == "AP"
    assert by_file.loc["001", "origin"] == "The Wall Street Journal"
    assert by_file.loc["004", "source"] == "Arabs Today"
    assert by_file.loc["004", "origin"] == "Reuters"
    assert by_file.loc["000", "date"] == pd.Timestamp("2017-10-30")
    assert by_file.loc["001", "date"] == pd.Timestamp("2018-07-01")
    assert by_file.loc["001", "date_precision"] == "month"
    assert by_file.loc["000", "date_precision"] == "day"
    # cleaning happened, and the pasted page is kept
    for _, row in sample_corpus.iterrows():
        assert len(row["text"]) < len(row["raw_text"])
        assert "Type your comment" not in row["text"]


def test_sample_loading_does_not_modify_the_files():
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SAMPLE.iterdir() if p.is_file()}
    framing.load_sample()
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SAMPLE.iterdir() if p.is_file()}
    assert before == after


def test_folder_without_manifest_reads_metadata_from_the_page(tmp_path):
    for path in SAMPLE.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    corpus = _quiet_load(tmp_path)
    assert_corpus_table(corpus)
    assert len(corpus) == 5
    assert set(corpus["source"]) == {"unknown"}  # no manifest: the publisher is unknown
    assert any("no source" in w for w in corpus.attrs["warnings"])
    origins = dict(zip(corpus["doc_id"].str[:3], corpus["origin"]))
    assert origins["004"] == "Reuters"  # the [L5N...] story code
    assert origins["000"] == "AP"


# --------------------------------------------------------------------------- tables


def _frame():
    return pd.DataFrame({
        "id": ["a", "b", "c"],
        "body": ["Officials said the regime fell.", "Rebels claimed victory.", "Kyiv said so."],
        "outlet": ["X", "Y", "X"],
        "published": ["2018-07-31", "2018-07", "not a date"],
        "topic": ["war", "war", "peace"],
    })


def test_dataframe_columns_are_guessed_and_extra_columns_kept(caplog):
    with caplog.at_level("INFO", logger="framing"):
        corpus = _quiet_load(_frame())
    assert_corpus_table(corpus)
    assert corpus["doc_id"].tolist() == ["a", "b", "c"]
    assert corpus["source"].tolist() == ["X", "Y", "X"]
    assert corpus["topic"].tolist() == ["war", "war", "peace"]
    assert "using column 'body' as text" in caplog.text
    assert corpus.attrs["column_map"]["text"] == "body"


def test_unparseable_dates_become_nat_and_are_counted():
    with pytest.warns(FramingWarning, match=r"1 date\(s\) could not be parsed.*not a date"):
        corpus = framing.load_corpus(_frame())
    assert corpus["date"].isna().tolist() == [False, False, True]
    assert corpus["date_precision"].tolist()[:2] == ["day", "month"]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "json", "parquet", "csv.gz"])
def test_every_table_format_gives_the_same_corpus(tmp_path, fmt):
    frame = _frame()
    path = tmp_path / f"articles.{fmt}"
    if fmt in ("csv", "csv.gz"):
        frame.to_csv(path, index=False)
    elif fmt == "tsv":
        frame.to_csv(path, sep="\t", index=False)
    elif fmt == "jsonl":
        frame.to_json(path, orient="records", lines=True)
    elif fmt == "json":
        frame.to_json(path, orient="records")
    else:
        frame.to_parquet(path)
    corpus = _quiet_load(path)
    assert_corpus_table(corpus)
    assert corpus["text"].tolist() == frame["body"].tolist()
    assert corpus["source"].tolist() == ["X", "Y", "X"]


def test_explicit_column_mapping(tmp_path):
    frame = pd.DataFrame({"story": ["A said it."], "paper": ["P"], "key": ["k1"], "when": ["2017"]})
    corpus = _quiet_load(frame, text="story", source="paper", doc_id="key", date="when")
    assert corpus.loc[0, "doc_id"] == "k1"
    assert corpus.loc[0, "date"] == pd.Timestamp("2017-01-01")
    assert corpus.loc[0, "date_precision"] == "year"


def test_csv_with_embedded_newlines_and_quoted_delimiters(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('id,text,source\n1,"First line,\nsecond line ""quoted""",X\n2,plain,Y\n', encoding="utf-8")
    corpus = _quiet_load(path)
    assert corpus.loc[0, "raw_text"] == 'First line,\nsecond line "quoted"'
    assert len(corpus) == 2


def test_html_page_is_reduced_to_its_text(tmp_path):
    body = " ".join(["Officials said the offensive would continue for weeks."] * 8)
    html = (f"<html><head><title>War news</title></head><body><nav>Home | World</nav>"
            f"<article><h1>War news</h1><p>{body}</p><p>Rebels claimed the town.</p></article>"
            f"<footer>All rights reserved</footer></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    corpus = _quiet_load(tmp_path / "page.html")
    assert "Officials said the offensive" in corpus.loc[0, "text"]
    assert "<p>" not in corpus.loc[0, "text"]


# --------------------------------------------------------------------------- bad input


def test_missing_path_names_it(tmp_path):
    with pytest.raises(CorpusError, match="nope.csv: no such file"):
        framing.load_corpus(tmp_path / "nope.csv")


def test_unknown_extension_names_the_readers(tmp_path):
    path = tmp_path / "articles.docx"
    path.write_bytes(b"x")
    with pytest.raises(CorpusError, match=r"articles.docx: unknown file type '.docx'.*format="):
        framing.load_corpus(path)


def test_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match="no .txt or .html files"):
        framing.load_corpus(tmp_path)


def test_absent_text_column_lists_columns_and_keyword():
    frame = pd.DataFrame({"headline_only": ["x"], "outlet": ["y"]})
    with pytest.raises(CorpusError, match=r"no text column found. Columns present: headline_only, outlet.*text="):
        framing.load_corpus(frame)


def test_named_column_that_does_not_exist():
    with pytest.raises(CorpusError, match=r"no column 'story'"):
        framing.load_corpus(_frame(), text="story")


def test_duplicate_ids_are_an_error_that_says_what_to_do():
    frame = _frame().assign(id=["a", "b", "a"])
    with pytest.raises(CorpusError, match=r"duplicate doc_id.*'a' at rows \[0, 2\].*doc_id=False"):
        framing.load_corpus(frame)
    corpus = _quiet_load(frame, doc_id=False)
    assert corpus["doc_id"].is_unique and len(corpus) == 3


def test_malformed_jsonl_line_is_named(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "one", "source": "X"}\n{"text": "two", \n{"text": "three", "source": "Y"}\n')
    with pytest.raises(CorpusError, match=r"a.jsonl, line 2: not valid JSON"):
        framing.load_corpus(path)
    with pytest.warns(FramingWarning, match=r"line 2.*skipped"):
        corpus = framing.load_corpus(path, on_bad_line="skip")
    assert corpus["raw_text"].tolist() == ["one", "three"]


def test_malformed_csv_row_is_named(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("text,source\nfine,X\nbroken,Y,extra,fields\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"a.csv: malformed CSV at line 3"):
        framing.load_corpus(path)


def test_undecodable_bytes_fall_back_and_are_counted(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("text,source\n".encode() + "caf\u00e9 said \u201cno\u201d,X\n".encode("cp1252"))
    with pytest.warns(FramingWarning, match=r"3 byte sequence\(s\) were not valid utf-8"):
        corpus = framing.load_corpus(path)
    assert corpus.loc[0, "raw_text"] == "caf\u00e9 said \u201cno\u201d"


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("text,source\nRebels said so,X\n".encode("utf-16"))
    corpus = _quiet_load(path)
    assert corpus.loc[0, "raw_text"] == "Rebels said so"


def test_empty_texts_are_kept_and_warned():
    frame = pd.DataFrame({"text": ["A said it.", "", None, "   "], "source": list("ABCD")})
    with pytest.warns(FramingWarning, match=r"3 article\(s\) have an empty text"):
        corpus = framing.load_corpus(frame)
    assert len(corpus) == 4
    assert corpus["text"].tolist()[1:] == ["", "", ""]


def test_input_files_are_never_modified(tmp_path):
    path = tmp_path / "a.csv"
    _frame().to_csv(path, index=False)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    _quiet_load(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_manifest_listing_a_missing_file(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said so.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,source\na.txt,X\nb.txt,Y\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"manifest.csv: lists file\(s\) not found.*b.txt"):
        framing.load_corpus(tmp_path)


# --------------------------------------------------------------------------- real corpora


def test_abp_parquet_loads_as_a_corpus():
    path = shared_file("abp", "articles.parquet")
    frame = pd.read_parquet(path).head(300)
    corpus = _quiet_load(frame)
    assert_corpus_table(corpus)
    assert corpus["doc_id"].tolist() == frame["doc_id"].tolist()
    assert corpus["bias_label"].tolist() == frame["bias_label"].tolist()
    assert corpus["date"].notna().sum() == frame["date"].notna().sum()


def test_polnear_jsonl_maps_publisher_to_source():
    path = shared_file("polnear", "articles.jsonl")
    corpus = _quiet_load(path, clean=False)
    assert len(corpus) == 928
    assert set(corpus["source"]) == {"breitbart", "huff-post", "nyt", "politico", "usa-today",
                                     "wash-post", "west-journal"}
    # clean=False keeps the text byte for byte, so the gold offsets still hold
    raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert corpus["text"].tolist() == [r["text"] for r in raw]
    assert np.all(corpus["text"] == corpus["raw_text"])


def test_sample_path_in_an_installed_package(tmp_path, monkeypatch):
    """Installed with ``pip install .`` (no data/sample beside the package), the sample is
    the package data folder framing/sampledata, a real folder load_sample can read."""
    import framing.corpus as fc

    package = tmp_path / "site-packages" / "framing"
    (package / "sampledata").mkdir(parents=True)
    (package / "sampledata" / "manifest.csv").write_text("file,source\n", encoding="utf-8")
    monkeypatch.setattr(fc, "__file__", str(package / "corpus.py"))
    found = fc.sample_path()
    assert found == package / "sampledata"
    assert (found / "manifest.csv").is_file()
