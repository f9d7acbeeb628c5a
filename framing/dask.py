"""Run framing on a Dask cluster when one machine is not enough (extra ``dask``).

Extraction and doc features are computed partition by partition on the
workers; the result tables are small (one row per match, one per article) and
the statistics run on them as usual::

    import dask.dataframe as dd
    from dask.distributed import Client
    import framing, framing.dask

    client = Client("tcp://scheduler-host:8786")          # or LocalCluster()
    articles = dd.read_parquet("s3://bucket/articles/*.parquet")
    matches = framing.dask.extract(articles, text="body", source="outlet")
    docs = framing.dask.doc_features(articles, text="body", source="outlet").compute()
    framing.stats.compare_rates(docs, by="source")

Each worker needs framing installed (``pip install "framing[dask]"``) with the
same version and lexicons as the client; nothing else (no NLTK data, no models).
"""

from __future__ import annotations

import warnings

import pandas as pd

from framing._warnings import FramingError


def _require_dask():
    try:
        import dask.dataframe as dd  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise FramingError("framing.dask needs Dask: pip install 'framing[dask]'.") from exc
    return dd


def from_corpus(corpus: pd.DataFrame, npartitions: int = 4):
    """A corpus table as a Dask DataFrame (for trying the distributed path locally)."""
    dd = _require_dask()
    return dd.from_pandas(corpus.reset_index(drop=True), npartitions=npartitions, sort=False)


def _load_partition(frame: pd.DataFrame, columns: dict, clean: bool) -> pd.DataFrame:
    from framing.corpus import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(frame.reset_index(drop=True), clean=clean, **columns)


def _extract_partition(frame, columns, clean, lexicons, features):
    from framing.extract import extract as extract_table

    corpus = _load_partition(frame, columns, clean) if len(frame) else None
    if corpus is None:
        return extract_table(pd.DataFrame({"doc_id": [], "text": [], "source": []}),
                             lexicons=lexicons, features=features)
    return extract_table(corpus, lexicons=lexicons, features=features)


def _docs_partition(frame, columns, clean, lexicons, features, sentiment):
    from framing.aggregate import doc_features as doc_table
    from framing.extract import extract as extract_table

    if not len(frame):
        return _empty_docs(columns, clean, lexicons, features, sentiment, frame)
    corpus = _load_partition(frame, columns, clean)
    matches = extract_table(corpus, lexicons=lexicons, features=features)
    return doc_table(corpus, matches, sentiment=sentiment, lexicons=lexicons)


def _empty_docs(columns, clean, lexicons, features, sentiment, frame):
    # Build the meta from a one-row stand-in so that dtypes and columns match real partitions.
    probe = _probe_frame(frame, columns)
    return _docs_partition(probe, columns, clean, lexicons, features, sentiment).iloc[:0]


def _probe_frame(frame: pd.DataFrame, columns: dict) -> pd.DataFrame:
    from framing.corpus import CANDIDATES

    probe = pd.DataFrame({c: ["x"] for c in frame.columns})
    for c in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[c]):
            probe[c] = pd.Series([0], dtype=frame[c].dtype)
        elif pd.api.types.is_datetime64_any_dtype(frame[c]):
            probe[c] = pd.Series([pd.NaT], dtype=frame[c].dtype)
    text = columns.get("text") or next((c for c in frame.columns
                                        if str(c).lower() in CANDIDATES["text"]), None)
    if text is not None:
        probe[text] = "Officials said so."
    return probe


def _columns(text, source, doc_id, date, title, origin) -> dict:
    return dict(text=text, source=source, doc_id=doc_id, date=date, title=title, origin=origin)


def extract(ddf, *, text=None, source=None, doc_id=None, date=None, title=None, origin=None,
            clean=True, lexicons=None, features=None):
    """Matches of every partition of a Dask DataFrame of articles (lazy).

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Articles, one row each, with columns as for :func:`framing.load_corpus`.
        Give every article a unique id column (``doc_id=...``): generated ids
        are only unique within a partition.
    text, source, doc_id, date, title, origin : str, optional
        Input columns, as for :func:`framing.load_corpus`.
    clean, lexicons, features
        As for :func:`framing.load_corpus` and :func:`framing.extract`.

    Returns
    -------
    dask.dataframe.DataFrame
        The matches table, partitioned like ``ddf``; ``.compute()`` gives the
        same rows as :func:`framing.extract` on the whole corpus.
    """
    _require_dask()
    columns = _columns(text, source, doc_id, date, title, origin)
    meta = _extract_partition(ddf._meta, columns, clean, lexicons, features)
    return ddf.map_partitions(_extract_partition, columns, clean, lexicons, features, meta=meta,
                              align_dataframes=False)


def doc_features(ddf, *, text=None, source=None, doc_id=None, date=None, title=None, origin=None,
                 clean=True, lexicons=None, features=None, sentiment=False):
    """One row per article with counts, rates and (optionally) sentiment, computed on the workers.

    Parameters are those of :func:`extract`, plus ``sentiment`` (default False:
    VADER is the slowest step). Returns a lazy Dask DataFrame whose
    ``.compute()`` equals :func:`framing.doc_features` on the whole corpus.
    """
    _require_dask()
    columns = _columns(text, source, doc_id, date, title, origin)
    meta = _empty_docs(columns, clean, lexicons, features, sentiment, ddf._meta)
    return ddf.map_partitions(_docs_partition, columns, clean, lexicons, features, sentiment,
                              meta=meta, align_dataframes=False)
