"""Speed of framing.stats.vocab on the ABP corpus, as a markdown table.

Usage::

    python benchmarks/stats_vocab_speed.py [--slice 10000] [--permutations 5000]
                                           [--bootstrap 2000] [PARQUET]

PARQUET defaults to $FRAMING_SHARED/data/abp/articles.parquet (FRAMING_SHARED
defaults to the ``shared`` folder next to the repository); it needs ``text``,
``source`` and ``bias_label``. Steps timed:

* ``document_terms`` on every article (tokenizing: the slow step, done once);
* ``log_odds`` over the full vocabulary, every source vs the rest at once
  (long form) and every bias label vs the rest;
* ``keyness`` (chi2) right vs the rest, full corpus;
* ``term_significance`` right vs the rest on the first ``--slice`` articles,
  permutation (Besag-Clifford stopping) and bootstrap.

Each row states the cost model: what the time grows with.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.stats.vocab import (DocumentTerms, document_terms, keyness, log_odds,  # noqa: E402
                                 term_significance)


def default_parquet() -> Path:
    shared = os.environ.get("FRAMING_SHARED") or Path(__file__).resolve().parents[2] / "shared"
    return Path(shared) / "data" / "abp" / "articles.parquet"


def timed(func):
    start = time.perf_counter()
    result = func()
    return result, time.perf_counter() - start


def first_rows(dt: DocumentTerms, n: int) -> DocumentTerms:
    """The first n articles of a DocumentTerms (same vocabulary)."""
    return DocumentTerms(dt.counts[:n], dt.terms, dt.docs.iloc[:n].reset_index(drop=True),
                         dt.n_tokens[:n], dt.lowercase, dt.token_pattern)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parquet", nargs="?", default=str(default_parquet()))
    parser.add_argument("--slice", type=int, default=10_000, help="articles for term_significance")
    parser.add_argument("--permutations", type=int, default=5000)
    parser.add_argument("--bootstrap", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=1, help="processes for document_terms")
    args = parser.parse_args()

    articles = pd.read_parquet(args.parquet, columns=["doc_id", "source", "bias_label", "text"])
    n_chars = int(articles["text"].str.len().sum())
    rows = []

    dt, seconds = timed(lambda: document_terms(articles, n_jobs=args.jobs))
    rows.append((f"document_terms (CountVectorizer, n_jobs={args.jobs})", len(articles), "-", len(dt.terms),
                 f"{dt.counts.nnz:,} article-term cells", seconds,
                 f"linear in characters: {n_chars / seconds / 1e6:.1f} M chars/s"))

    for by in ("source", "bias_label"):
        table, seconds = timed(lambda: log_odds(dt, by=by))
        k = dt.docs[by].nunique()
        rows.append((f"log_odds, every {by} vs rest", len(articles), k, len(dt.terms),
                     f"{len(table):,} rows ({table.attrs['n_tested_pairs']:,} pairs tested; "
                     f"{table.attrs['rows']})", seconds,
                     "sparse group x term nonzeros + groups x distinct counts, one sort for BH"))

    table, seconds = timed(lambda: log_odds(dt, by="bias_label", target="right"))
    rows.append(("log_odds, right vs rest", len(articles), 3, len(dt.terms), f"{len(table):,} rows",
                 seconds, "linear in vocabulary"))
    table, seconds = timed(lambda: keyness(dt, "bias_label", "right"))
    rows.append(("keyness chi2, right vs rest", len(articles), 3, len(dt.terms), f"{len(table):,} rows",
                 seconds, "linear in vocabulary"))

    part = first_rows(dt, min(args.slice, len(articles)))
    table, seconds = timed(lambda: term_significance(part, "bias_label", "right",
                                                      n_resamples=args.permutations))
    drawn = int(table["resamples"].sum())
    rows.append((f"term_significance, permutation ({args.permutations:,}, stop_after=20)",
                 part.counts.shape[0], 3, len(table),
                 f"{(table['q'] < 0.05).sum():,} terms q < 0.05; median {int(table['resamples'].median())} "
                 f"shuffles/term, {drawn:,} in all", seconds,
                 "sum over terms of (articles using it x shuffles it needed); frequent terms dense (BLAS)"))
    table, seconds = timed(lambda: term_significance(part, "bias_label", "right", method="bootstrap",
                                                      n_resamples=args.bootstrap))
    rows.append((f"term_significance, bootstrap ({args.bootstrap:,})", part.counts.shape[0], 3, len(table),
                 f"{(table['q'] < 0.05).sum():,} terms q < 0.05", seconds,
                 "article-term cells x resamples (every term runs every resample)"))

    print(f"ABP: {len(articles):,} articles, {n_chars / 1e6:.0f} M characters, "
          f"{dt.counts.shape[1]:,} terms; numpy {np.__version__}, {os.cpu_count()} CPUs\n")
    print("| step | articles | groups | terms | output | seconds | cost grows with |")
    print("|---|---:|---:|---:|---|---:|---|")
    for step, n_docs, k, n_terms, output, seconds, model in rows:
        print(f"| {step} | {n_docs:,} | {k} | {n_terms:,} | {output} | {seconds:.1f} | {model} |")


if __name__ == "__main__":
    main()
