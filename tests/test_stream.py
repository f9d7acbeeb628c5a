"""Streaming extraction to partitioned Parquet: same results as in memory, resumable."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing import CorpusError, FramingError
from framing.stream import extract_to_parquet


@pytest.fixture()
def parquet_corpus(tmp_path, sample_corpus):
    frame = pd.DataFrame({"doc_id": [f"{d}-{i}" for i in range(3) for d in sample_corpus["doc_id"]],
                          "text": list(sample_corpus["raw_text"]) * 3,
                          "source": list(sample_corpus["source"]) * 3})
    path = tmp_path / "corpus.parquet"
    frame.to_parquet(path)
    return path, frame


def test_streamed_output_equals_in_memory_extraction(tmp_path, parquet_corpus):
    path, frame = parquet_corpus
    summary = extract_to_parquet(path, tmp_path / "out", batch_size=4, progress=False)
    assert summary["batches"] == 4 and summary["articles"] == 15 and summary["failed"] == 0
    streamed = pd.read_parquet(tmp_path / "out" / "matches").sort_values(["doc_id", "start", "feature"])
    corpus = framing.load_corpus(frame)
    expected = framing.extract(corpus).sort_values(["doc_id", "start", "feature"])
    assert len(streamed) == len(expected)
    assert streamed[["doc_id", "feature", "label", "start", "end", "match"]].values.tolist() == \
        expected[["doc_id", "feature", "label", "start", "end", "match"]].values.tolist()
    docs = pd.read_parquet(tmp_path / "out" / "docs")
    assert sorted(docs["doc_id"]) == sorted(frame["doc_id"])


def test_rerun_skips_completed_batches(tmp_path, parquet_corpus):
    path, _ = parquet_corpus
    out = tmp_path / "out"
    extract_to_parquet(path, out, batch_size=4, progress=False)
    (out / "_progress" / "part-000002.done").unlink()
    again = extract_to_parquet(path, out, batch_size=4, progress=False)
    assert again["skipped"] == 3 and again["written"] == 1
    with pytest.raises(FramingError, match="output of another run"):
        extract_to_parquet(path, out, batch_size=5, progress=False)


def test_jsonl_and_csv_inputs_without_ids_get_global_row_ids(tmp_path):
    frame = pd.DataFrame({"text": ["Rebels claimed the town.", "Officials said so."] * 3,
                          "outlet": list("ABABAB")})
    for name, writer in (("c.jsonl", lambda p: frame.to_json(p, orient="records", lines=True)),
                         ("c.csv", lambda p: frame.to_csv(p, index=False))):
        writer(tmp_path / name)
        out = tmp_path / f"out-{name}"
        extract_to_parquet(tmp_path / name, out, batch_size=4, progress=False)
        docs = pd.read_parquet(out / "docs")
        assert sorted(docs["doc_id"], key=lambda d: int(d[3:])) == [f"doc{i}" for i in range(6)]
        assert set(docs["source"]) == {"A", "B"}


def test_unsupported_input_is_named(tmp_path):
    path = tmp_path / "corpus.xlsx"
    path.write_bytes(b"x")
    with pytest.raises(CorpusError, match="corpus.xlsx: streaming reads"):
        extract_to_parquet(path, tmp_path / "out", progress=False)
