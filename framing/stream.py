"""Streaming extraction: corpora larger than memory, written as partitioned Parquet.

``extract_to_parquet`` reads a Parquet, JSONL or CSV corpus in batches, runs
:func:`framing.extract` and :func:`framing.doc_features` on each batch and writes
one Parquet file per batch::

    OUT/matches/part-000000.parquet   the matches table of batch 0
    OUT/docs/part-000000.parquet      the doc features table of batch 0
    OUT/_progress/part-000000.done    written last: the batch is complete

Peak memory is that of one batch, whatever the corpus size. A re-run with the
same arguments skips the batches whose ``.done`` marker exists, so an
interrupted run resumes where it stopped. Read the result back with
``pd.read_parquet(OUT / "matches")``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from framing._warnings import CorpusError, FramingError

PART = "part-{:06d}"
_READ_BUFFER = 1 << 20  # bytes read at a time from a Parquet column chunk


def extract_to_parquet(path, out, *, batch_size: int = 2000, text=None, source=None, doc_id=None,
                       date=None, title=None, clean: bool = True, sentiment: bool = False,
                       lexicons=None, features=None, n_jobs: int = 1, progress: bool = True,
                       resume: bool = True) -> dict:
    """Extract matches and doc features from a large corpus, batch by batch, to Parquet.

    Parameters
    ----------
    path : str or Path
        A Parquet, JSONL (``.jsonl``/``.ndjson``) or CSV/TSV file.
    out : str or Path
        Output folder (created). Nothing is written outside it.
    batch_size : int, default 2000
        Articles per batch (and per output file).
    text, source, doc_id, date, title : str, optional
        Input columns, as in :func:`framing.load_corpus`. Without an id column,
        ids are the global row numbers ``doc0``, ``doc1``, ...
    clean : bool, default True
        Clean page furniture (see :func:`framing.clean_text`).
    sentiment : bool, default False
        Compute VADER sentiment in the doc features (slow on large corpora).
    lexicons, features, n_jobs
        Passed to :func:`framing.extract`.
    progress : bool, default True
        Show a progress bar over batches.
    resume : bool, default True
        Skip batches already completed by an earlier run with the same input.

    Returns
    -------
    dict
        ``batches`` (total), ``written`` (this run), ``skipped`` (already done),
        ``articles``, ``matches`` (rows written this run), ``failed`` (articles
        that raised, with their error in ``OUT/errors.csv``).

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> pd.DataFrame({"text": ["Rebels claimed the town.", "Officials said so."] * 3,
    ...               "source": list("ABABAB")}).to_parquet(folder / "in.parquet")
    >>> summary = extract_to_parquet(folder / "in.parquet", folder / "out", batch_size=4, progress=False)
    >>> summary["batches"], summary["articles"], len(pd.read_parquet(folder / "out" / "docs"))
    (2, 6, 6)
    """
    path, out = Path(path), Path(out)
    if not path.is_file():
        raise CorpusError(f"{path}: no such file. extract_to_parquet reads one Parquet, JSONL or CSV file.")
    if batch_size < 1:
        raise FramingError(f"batch_size must be at least 1, got {batch_size}.")
    for sub in ("matches", "docs", "_progress"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    _check_same_job(out, path, batch_size, resume)
    total = _count_rows(path)
    n_batches = max(1, -(-total // batch_size)) if total is not None else None
    summary = {"batches": 0, "written": 0, "skipped": 0, "articles": 0, "matches": 0, "failed": 0}
    batches = _batches(path, batch_size)
    if progress:
        from tqdm.auto import tqdm

        batches = tqdm(batches, total=n_batches, desc="extract", unit="batch")
    columns = dict(text=text, source=source, doc_id=doc_id, date=date, title=title)
    for number, (offset, frame) in enumerate(batches):
        summary["batches"] += 1
        summary["articles"] += len(frame)
        done = out / "_progress" / (PART.format(number) + ".done")
        if resume and done.exists():
            summary["skipped"] += 1
            continue
        matches, docs, errors = _process_batch(frame, offset, columns, clean, sentiment, lexicons,
                                               features, n_jobs)
        _write_atomic(matches, out / "matches" / (PART.format(number) + ".parquet"))
        _write_atomic(docs, out / "docs" / (PART.format(number) + ".parquet"))
        if errors:
            _append_errors(out / "errors.csv", errors)
            summary["failed"] += len(errors)
        done.write_text(json.dumps({"rows": len(frame), "matches": len(matches)}))
        summary["written"] += 1
        summary["matches"] += len(matches)
    return summary


def _check_same_job(out: Path, path: Path, batch_size: int, resume: bool) -> None:
    # Resuming is only safe when the earlier run read the same file in the same batches.
    stamp = {"input": str(path.resolve()), "size": path.stat().st_size,
             "mtime": int(path.stat().st_mtime), "batch_size": batch_size}
    record = out / "_progress" / "job.json"
    if record.exists() and resume:
        earlier = json.loads(record.read_text())
        if earlier != stamp:
            raise FramingError(f"{out} holds the output of another run ({earlier['input']}, batch_size "
                               f"{earlier['batch_size']}); use another folder, or resume=False to start over.")
    if not resume:
        for marker in (out / "_progress").glob("*.done"):
            marker.unlink()
    record.write_text(json.dumps(stamp))


def _count_rows(path: Path):
    if _kind(path) == "parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    return None


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        return "parquet"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "csv"
    raise CorpusError(f"{path}: streaming reads .parquet, .jsonl/.ndjson or .csv/.tsv files, not "
                      f"{suffix or 'files without an extension'}. Convert it, or use framing.load_corpus.")


def _batches(path: Path, batch_size: int):
    kind = _kind(path)
    offset = 0
    if kind == "parquet":
        import pyarrow.parquet as pq

        # Buffered column-chunk reads, one column at a time: by default pyarrow
        # holds whole row groups' column chunks in memory, so peak memory
        # would follow the writer's row-group size instead of batch_size
        # (measured: 650 MB vs 285 MB reading 3x ABP written in 40,000-row groups).
        reader = pq.ParquetFile(path, buffer_size=_READ_BUFFER, pre_buffer=False)
        for batch in reader.iter_batches(batch_size=batch_size, use_threads=False):
            frame = batch.to_pandas()
            yield offset, frame
            offset += len(frame)
    elif kind == "jsonl":
        for frame in pd.read_json(path, lines=True, dtype=False, chunksize=batch_size):
            yield offset, frame
            offset += len(frame)
    else:
        sep = "\t" if path.suffix.lower() == ".tsv" else ","
        for frame in pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, chunksize=batch_size):
            yield offset, frame
            offset += len(frame)


def _process_batch(frame, offset, columns, clean, sentiment, lexicons, features, n_jobs):
    import warnings

    from framing.aggregate import doc_features
    from framing.corpus import load_corpus
    from framing.extract import extract_resilient

    frame = frame.reset_index(drop=True)
    if columns["doc_id"] is None and not _has_id_column(frame):
        frame = frame.assign(doc_id=[f"doc{offset + i}" for i in range(len(frame))])
        columns = {**columns, "doc_id": "doc_id"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(frame, clean=clean, **columns)
    matches, errors = extract_resilient(corpus, lexicons=lexicons, features=features, n_jobs=n_jobs)
    docs = doc_features(corpus, matches, sentiment=sentiment)
    docs = docs.assign(**{c: docs[c].astype(str) for c in docs.columns
                          if docs[c].dtype == object and c not in ("doc_id",)})
    return matches, docs, errors


def _has_id_column(frame: pd.DataFrame) -> bool:
    from framing.corpus import CANDIDATES

    lower = {str(c).lower() for c in frame.columns}
    return any(name in lower for name in CANDIDATES["doc_id"])


def _write_atomic(table: pd.DataFrame, target: Path) -> None:
    tmp = target.with_suffix(".tmp")
    table.to_parquet(tmp, index=False)
    os.replace(tmp, target)


def _append_errors(path: Path, errors) -> None:
    frame = pd.DataFrame(errors, columns=["doc_id", "error"])
    frame.to_csv(path, mode="a", header=not path.exists(), index=False)
