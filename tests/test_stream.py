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


_PEAK_OF_STREAMING = """
import sys
from pathlib import Path
import pyarrow as pa
from framing.stream import _batches
for _ in _batches(Path(sys.argv[1]), 200):
    pass
print(pa.default_memory_pool().max_memory())
"""


def _single_row_group_file(path, n_rows, seed):
    # Random letters and spaces: text that neither compresses nor dictionary-encodes,
    # so the column chunk on disk is as large as the text.
    import numpy as np

    rng = np.random.default_rng(seed)
    alphabet = np.frombuffer(b"abcdefghijklmnopqrstuvwxyz     ", dtype=np.uint8)
    texts = [rng.choice(alphabet, 3000).tobytes().decode() for _ in range(n_rows)]
    pd.DataFrame({"doc_id": [f"d{i}" for i in range(n_rows)], "text": texts}).to_parquet(
        path, row_group_size=n_rows)


def test_reader_memory_does_not_follow_row_group_size(tmp_path):
    """Streaming a file written as one row group must not hold the whole column chunk:
    4x the rows in the row group may not cost much more Arrow memory (pyarrow's default
    reader, which loads whole column chunks, measured 2.2x; the buffered reader 1.07x)."""
    import subprocess
    import sys
    from pathlib import Path

    peaks = []
    for n_rows in (2000, 8000):
        path = tmp_path / f"one_group_{n_rows}.parquet"
        _single_row_group_file(path, n_rows, seed=n_rows)
        done = subprocess.run([sys.executable, "-c", _PEAK_OF_STREAMING, str(path)], capture_output=True,
                              text=True, check=True, cwd=Path(__file__).resolve().parents[1])
        peaks.append(int(done.stdout.split()[-1]))
    assert peaks[1] < 1.3 * peaks[0], peaks
